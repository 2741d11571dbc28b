// The table of parties casus knows: ISO 3166-1 states, COW states (historical ones included) and
// organisations, plus ISO 3166-2 subdivisions. Read from data/*.csv; rejects a malformed table.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace casus {

enum class PartyKind { State, HistoricalState, Organisation };

struct PartyInfo {
  std::string id;         //!< canonical id: ISO alpha-3, a COW abbreviation for historical states, or an organisation id
  std::string name;
  PartyKind kind = PartyKind::State;
  std::string alpha2;     //!< ISO 3166-1 alpha-2, empty for historical states and organisations
  std::optional<int> cow_code;
  std::string cow_abbr;
  std::vector<std::string> members;  //!< organisations only: canonical ids of member states
  std::optional<int> cow_start_year; //!< the first year of its COW code's state-system membership
  std::string withdrawn;             //!< former states (ISO 3166-3): when the code was withdrawn, "YYYY[-MM-DD]"
  int from_year = 0;                 //!< former states: the year the state came into being
  std::vector<std::string> successors;  //!< former states: their successors' canonical ids
  bool dissolved = false;  //!< former states: dissolved into its successors (ISO 3166-3 change "dissolved"), not merged into one
};

class PartyTable {
 public:
  //! Reads iso3166-1.csv, iso3166-2.csv, place-names.csv, cow-states.csv, iso3166-3.csv (former states: a renamed
  //! one's codes name its present self, a dissolved or merged one is a historical party whose id is
  //! its ISO 3166-3 alpha-4 code), organisations.csv, dependencies.csv and sea-areas.csv from data_dir.
  //! Throws std::runtime_error naming the file and line when one is missing or malformed.
  static PartyTable Load(const std::filesystem::path& data_dir);

  //! The party a code names: an ISO alpha-3 code, a COW abbreviation, a COW numeric code given as
  //! digits, or an organisation id (all case-sensitive, upper case). nullptr when unknown.
  const PartyInfo* Resolve(std::string_view code) const;
  //! The party with this canonical id, nullptr when none.
  const PartyInfo* Find(std::string_view id) const;
  //! True for an ISO 3166-2 subdivision code such as "UA-43".
  bool IsSubdivision(std::string_view code) const;
  //! The subdivision's name ("Avtonomna Respublika Krym"), empty when unknown.
  std::string SubdivisionName(std::string_view code) const;
  //! The state a subdivision belongs to (canonical id), nullptr when the prefix is unknown.
  const PartyInfo* SubdivisionCountry(std::string_view code) const;
  //! The former states (ISO 3166-3, dissolved or merged) that `id` succeeded, e.g. CZE → CSHH.
  std::vector<const PartyInfo*> Predecessors(std::string_view id) const;
  //! Every code Resolve accepts, for "did you mean" hints.
  const std::vector<std::string>& AllCodes() const { return all_codes_; }
  //! The places a name denotes: ISO 3166-1 state names ("Ukraine"), ISO 3166-2 subdivision names
  //! ("Odeska oblast") and the common names of place-names.csv ("Odesa", "Crimea", "Kyiv Oblast"),
  //! compared without regard to ASCII case, apostrophes, or hyphen against space. Empty when none;
  //! two or more codes when the name is ambiguous ("Georgia": GEO, US-GA).
  std::vector<std::string> PlacesNamed(std::string_view name) const;
  //! Every name PlacesNamed knows, as written in the tables, for "did you mean" hints.
  const std::vector<std::string>& PlaceNames() const { return place_names_; }
  //! A place code's name for messages: a subdivision's or a state's name, empty when unknown.
  std::string PlaceName(std::string_view code) const;
  //! Subdivision codes of one country, e.g. all "UA-…" codes, for hints.
  std::vector<std::string> SubdivisionCodes(std::string_view alpha2) const;
  //! The state whose territory a dependency is (GRL → DNK, from dependencies.csv), or the state
  //! of an ISO 3166-2 subdivision, or the state itself; nullptr for unknown codes and sea areas.
  const PartyInfo* TerritoryOf(std::string_view place) const;
  //! True for a dependency (its own ISO 3166-1 code, part of another state's territory).
  bool IsDependency(std::string_view code) const { return dependencies_.count(std::string(code)) > 0; }
  //! The dependencies of a state (canonical ids), e.g. DNK → GRL, FRO.
  std::vector<std::string> DependenciesOf(std::string_view state) const;
  //! True for a named sea area (sea-areas.csv: "north-atlantic", "mediterranean", …).
  bool IsSeaArea(std::string_view id) const;
  //! Every sea area id, for hints.
  const std::vector<std::string>& SeaAreas() const { return sea_areas_; }
  //! The UN Security Council's permanent members (the veto holders), from organisations.csv row UNSC.
  const std::vector<std::string>& SecurityCouncilPermanentMembers() const;
  //! The Correlates of War direct-contiguity type of two states in `year`: 1 land or river border,
  //! 2–5 separated by at most 12 / 24 / 150 / 400 miles of water (data/contiguity/contdird.csv,
  //! read on first use; the closest type when a year has two). nullopt when the two are not
  //! contiguous that year, or either has no COW code. Years outside the data use its nearest year.
  //! Throws std::runtime_error naming the file and line when it is missing or malformed.
  std::optional<int> ContiguityType(std::string_view first, std::string_view second, int year) const;

 private:
  struct ContiguityCache;
  std::filesystem::path data_dir_;
  std::shared_ptr<ContiguityCache> contiguity_;  // shared by copies; filled once, thread-safe
  std::vector<PartyInfo> parties_;
  std::unordered_map<std::string, size_t> by_code_;  // every accepted code → index in parties_
  std::unordered_map<std::string, size_t> by_alpha2_;
  std::unordered_map<std::string, std::string> subdivisions_;  // code → name
  std::vector<std::string> all_codes_;
  std::vector<std::string> no_members_;
  std::unordered_map<std::string, std::string> dependencies_;  // dependency code → sovereign id
  std::vector<std::string> sea_areas_;
  std::unordered_map<std::string, std::vector<std::string>> places_by_name_;  // folded name → codes
  std::vector<std::string> place_names_;
};

}  // namespace casus
