#include "casus/history/calibration.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "casus/history/datasets.hpp"
#include "typed_csv.hpp"

namespace casus {

namespace {

// Did the side opposed to the protégé have nuclear weapons when the war began? nullopt: unsided.
class NuclearOpponents {
 public:
  explicit NuclearOpponents(const std::filesystem::path& data_dir) {
    ReadCowWars(data_dir / "cow" / "Inter-StateWarData_v4.0.csv", [this](const CowWarParticipant& row) { wars_[row.war].push_back(row); });
    ReadAtopMembers(data_dir / "atop" / "atop5_1m.csv", [this](const AtopMember& row) { members_[row.atopid].insert(row.member); });
    TypedCsv csv(data_dir / "nuclear" / "nuclear_states.csv", {"ccode", "acquired", "relinquished"});
    while (csv.Next()) nuclear_[csv.RequiredInt("ccode")] = {csv.RequiredInt("acquired"), csv.Int("relinquished").value_or(0)};
  }

  std::optional<bool> Nuclear(const ReliabilityCase& row) const {
    if (!row.cow_war) return std::nullopt;
    const auto war = wars_.find(*row.cow_war);
    const auto members = members_.find(row.atopid);
    if (war == wars_.end() || members == members_.end()) return std::nullopt;
    long start = 0;
    std::set<long> protege_sides;
    for (const CowWarParticipant& participant : war->second) {
      if (participant.start_year && (start == 0 || *participant.start_year < start)) start = *participant.start_year;
      if (participant.ccode != row.ccode.value_or(-1) && members->second.count(participant.ccode)) protege_sides.insert(participant.side);
    }
    if (protege_sides.size() != 1) return std::nullopt;
    for (const CowWarParticipant& participant : war->second) {
      if (participant.side == *protege_sides.begin()) continue;
      const auto armed = nuclear_.find(participant.ccode);
      if (armed != nuclear_.end() && armed->second.first <= start && (armed->second.second == 0 || start <= armed->second.second)) return true;
    }
    return false;
  }

 private:
  std::map<long, std::vector<CowWarParticipant>> wars_;
  std::map<long, std::set<long>> members_;
  std::map<long, std::pair<long, long>> nuclear_;  // ccode → (acquired, relinquished or 0)
};

}  // namespace

CalibratedDefaults Calibrate(const std::filesystem::path& data_dir, const PartyTable& parties, ReliabilityCoding coding,
                             const NmcLatest* nmc) {
  CalibratedDefaults defaults;
  defaults.coding = coding;
  std::vector<ReliabilityCase> cases;
  ReadReliability(data_dir / "reliability" / "BerkemeierFuhrmannRAP2018_0303.csv",
                  [&cases](const ReliabilityCase& row) { cases.push_back(row); });
  const std::vector<std::pair<std::string, bool ReliabilityCase::*>> types = {
      {"defense", &ReliabilityCase::defense}, {"offense", &ReliabilityCase::offense}, {"neutral", &ReliabilityCase::neutral},
      {"nonagg", &ReliabilityCase::nonagg},   {"consul", &ReliabilityCase::consul}};
  auto prior = [coding](const std::vector<ReliabilityCase>& subset) {
    const ReliabilityTable table = ComputeReliability(subset, coding);
    return CredibilityPrior{static_cast<double>(table.overall.honoured) + 1.0, static_cast<double>(table.overall.violated) + 1.0,
                            table.overall};
  };
  for (const auto& [era, early] : std::vector<std::pair<std::string, int>>{{"1816-1944", 1}, {"1945-2003", 0}, {"all", -1}}) {
    std::vector<ReliabilityCase> in_era;
    for (const auto& row : cases) {
      if (early < 0 || row.early_sample == (early == 1)) in_era.push_back(row);
    }
    defaults.credibility["all"][era] = prior(in_era);
    for (const auto& [type, member] : types) {
      std::vector<ReliabilityCase> of_type;
      for (const auto& row : in_era) {
        if (row.*member) of_type.push_back(row);
      }
      defaults.credibility[type][era] = prior(of_type);
    }
  }
  {
    std::vector<ReliabilityCase> bilateral, multilateral;
    for (const auto& row : cases) {
      if (!row.early_sample && row.defense) (row.multilateral ? multilateral : bilateral).push_back(row);
    }
    defaults.defense_bilateral = prior(bilateral);
    defaults.defense_multilateral = prior(multilateral);
  }
  const bool split_files = std::filesystem::exists(data_dir / "cow" / "Inter-StateWarData_v4.0.csv") &&
                           std::filesystem::exists(data_dir / "atop" / "atop5_1m.csv") &&
                           std::filesystem::exists(data_dir / "nuclear" / "nuclear_states.csv");
  if (split_files) {
    const NuclearOpponents opponents(data_dir);
    std::vector<ReliabilityCase> against_nuclear, against_non_nuclear;
    NuclearSplit& split = defaults.nuclear_split;
    for (const auto& row : cases) {
      if (row.early_sample || !row.defense) continue;
      const std::optional<bool> nuclear = opponents.Nuclear(row);
      if (!nuclear) {
        const ReliabilityTable one = ComputeReliability({row}, coding);
        if (one.overall.honoured + one.overall.violated > 0) ++split.unsided;  // a case under this coding, not sided
        continue;
      }
      (*nuclear ? against_nuclear : against_non_nuclear).push_back(row);
    }
    split.available = true;
    split.against_nuclear = prior(against_nuclear);
    split.against_non_nuclear = prior(against_non_nuclear);
  }
  const NmcLatest read = nmc != nullptr ? NmcLatest{} : ReadNmcLatest(data_dir / "nmc" / "cow_nmc_v7.csv");
  // Each code's latest CINC, in file order: a party with two codes (a state renamed) keeps the
  // latest year, and of one year the later row, as a pass over every row would.
  const NmcLatest& source = nmc != nullptr ? *nmc : read;
  std::vector<std::pair<long, NmcLatest::Cinc>> in_file_order(source.latest_cinc.begin(), source.latest_cinc.end());
  std::sort(in_file_order.begin(), in_file_order.end(), [](const auto& one, const auto& other) { return one.second.row < other.second.row; });
  for (const auto& [ccode, latest] : in_file_order) {
    const PartyInfo* party = parties.Resolve(std::to_string(ccode));
    if (party == nullptr) continue;  // a COW code the party table lacks: reported by the readers' tests, not a default
    CapabilityWeight& weight = defaults.capability[party->id];
    if (latest.year >= weight.year) weight = CapabilityWeight{latest.cinc, latest.year};
  }
  return defaults;
}

}  // namespace casus
