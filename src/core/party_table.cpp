#include "casus/core/party_table.hpp"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "casus/core/csv_reader.hpp"

namespace casus {

namespace {

// Reads a CSV with a header whose first columns are `expected`; calls on_row for each record.
template <typename OnRow>
void ReadTable(const std::filesystem::path& path, const std::vector<std::string>& expected, OnRow on_row) {
  CsvReader reader(path);
  std::vector<std::string> fields;
  if (!reader.Next(fields) || fields.size() < expected.size() ||
      !std::equal(expected.begin(), expected.end(), fields.begin())) {
    throw std::runtime_error(path.string() + ":1: error: unexpected header");
  }
  while (reader.Next(fields)) {
    if (fields.size() != expected.size()) {
      throw std::runtime_error(path.string() + ":" + std::to_string(reader.Line()) + ": error: expected " +
                               std::to_string(expected.size()) + " fields, found " + std::to_string(fields.size()));
    }
    on_row(fields, reader.Line());
  }
}

// A place name folded for comparison: ASCII lower case, apostrophes dropped, hyphens as spaces.
std::string FoldPlaceName(std::string_view name) {
  std::string folded;
  for (size_t at = 0; at < name.size(); ++at) {
    const unsigned char c = static_cast<unsigned char>(name[at]);
    if (c == '\'') continue;
    if (name.substr(at, 3) == "\u2019" || name.substr(at, 2) == "\u02bc") {  // ’ and ʼ
      at += name.substr(at, 3) == "\u2019" ? 2 : 1;
      continue;
    }
    folded += c == '-' ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return folded;
}

}  // namespace

struct PartyTable::ContiguityCache {
  std::once_flag once;
  std::unordered_map<uint64_t, int> type;  // Key(low COW code, high COW code, year) → closest type
  int first_year = 0;
  int last_year = 0;
  static uint64_t Key(int first, int second, int year) {
    const auto [low, high] = std::minmax(first, second);
    return (static_cast<uint64_t>(low) << 40) | (static_cast<uint64_t>(high) << 20) | static_cast<uint64_t>(year);
  }
};

PartyTable PartyTable::Load(const std::filesystem::path& data_dir) {
  PartyTable table;
  table.data_dir_ = data_dir;
  table.contiguity_ = std::make_shared<ContiguityCache>();
  auto add_code = [&table](const std::string& code, size_t index) {
    if (!code.empty() && table.by_code_.emplace(code, index).second) {
      table.all_codes_.push_back(code);
    }
  };
  ReadTable(data_dir / "iso3166-1.csv", {"alpha3", "alpha2", "name"},
            [&](const std::vector<std::string>& fields, size_t) {
              table.parties_.push_back(PartyInfo{fields[0], fields[2], PartyKind::State, fields[1], {}, {}, {}, {}, {}, 0, {}, false});
              table.by_alpha2_.emplace(fields[1], table.parties_.size() - 1);
              add_code(fields[0], table.parties_.size() - 1);
            });
  const auto cow_path = data_dir / "cow-states.csv";
  ReadTable(cow_path, {"cow_code", "cow_abbr", "cow_name", "start_year", "end_year", "iso3"},
            [&](const std::vector<std::string>& fields, size_t line) {
              int cow_code = 0;
              try {
                cow_code = std::stoi(fields[0]);
              } catch (const std::exception&) {
                throw std::runtime_error(cow_path.string() + ":" + std::to_string(line) + ": error: bad COW code");
              }
              size_t index = 0;
              if (fields[5].empty()) {  // historical state with no ISO code: its COW abbreviation is its id
                table.parties_.push_back(PartyInfo{fields[1], fields[2] + " (" + fields[3] + "–" + fields[4] + ")",
                                                   PartyKind::HistoricalState, {}, cow_code, fields[1], {}, {}, {}, 0, {}, false});
                index = table.parties_.size() - 1;
              } else {
                auto found = table.by_code_.find(fields[5]);
                if (found == table.by_code_.end()) {
                  throw std::runtime_error(cow_path.string() + ":" + std::to_string(line) + ": error: unknown ISO code " +
                                           fields[5]);
                }
                index = found->second;
                if (!table.parties_[index].cow_code) {  // a successor keeps the first (lowest) COW code
                  table.parties_[index].cow_code = cow_code;
                  table.parties_[index].cow_abbr = fields[1];
                  try {
                    table.parties_[index].cow_start_year = std::stoi(fields[3]);
                  } catch (const std::exception&) {
                    throw std::runtime_error(cow_path.string() + ":" + std::to_string(line) + ": error: bad start year");
                  }
                }
              }
              add_code(fields[1], index);  // ISO codes win over a colliding COW abbreviation (CZE)
              add_code(fields[0], index);
            });
  // Former states (ISO 3166-3). A renamed state's codes name the state it is now (BUMM → MMR); a
  // dissolved or merged one is a historical party with its alpha-4 code as id: the COW historical
  // state of the same code when there is one (CZE 315 → CSHH), else a new party that keeps the COW
  // code its territory's core continued under (SUHH 365: COW's Russia is the USSR before 1992).
  const auto former_path = data_dir / "iso3166-3.csv";
  ReadTable(former_path, {"alpha4", "alpha3", "numeric", "name", "withdrawn", "from_year", "change", "successors", "cow_code"},
            [&](const std::vector<std::string>& fields, size_t line) {
              const auto fail = [&](const std::string& what) {
                throw std::runtime_error(former_path.string() + ":" + std::to_string(line) + ": error: " + what);
              };
              std::vector<std::string> successors;
              std::istringstream words(fields[7]);
              for (std::string successor; words >> successor;) {
                const PartyInfo* found = table.Resolve(successor);
                if (found == nullptr || found->kind != PartyKind::State) fail("unknown successor " + successor);
                successors.push_back(found->id);
              }
              if (successors.empty()) fail("no successor");
              const std::string& change = fields[6];
              if (change == "renamed") {
                const size_t index = table.by_code_.at(successors.front());
                add_code(fields[0], index);
                add_code(fields[1], index);
                return;
              }
              if (change != "dissolved" && change != "merged") fail("change must be renamed, dissolved or merged, not " + change);
              std::optional<int> cow_code;
              int from_year = 0;
              try {
                if (!fields[8].empty()) cow_code = std::stoi(fields[8]);
                from_year = std::stoi(fields[5]);
              } catch (const std::exception&) {
                fail("bad COW code or from_year");
              }
              auto historical = std::find_if(table.parties_.begin(), table.parties_.end(), [&](const PartyInfo& party) {
                return party.kind == PartyKind::HistoricalState && !party.cow_abbr.empty() && party.withdrawn.empty() && cow_code &&
                       party.cow_code == cow_code;  // a COW historical state not yet matched
              });
              if (historical == table.parties_.end()) {  // COW continues the state under a successor's code (365, 345, 816): none here
                // it keeps that code for COW's dyadic data (contiguity), not as a code that names it
                table.parties_.push_back(PartyInfo{fields[0], fields[3], PartyKind::HistoricalState, {}, cow_code, {}, {}, {}, {}, 0, {}, false});
                historical = table.parties_.end() - 1;
              }
              historical->from_year = from_year;
              historical->id = fields[0];
              historical->name = fields[3];
              if (fields[4].size() < 4 || !std::all_of(fields[4].begin(), fields[4].begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
                fail("withdrawn must be a date, YYYY[-MM-DD]");
              }
              historical->withdrawn = fields[4];
              historical->successors = std::move(successors);
              historical->dissolved = change == "dissolved";
              const size_t index = static_cast<size_t>(historical - table.parties_.begin());
              add_code(fields[0], index);
              add_code(fields[1], index);  // a former alpha-3 taken by a COW abbreviation keeps COW's meaning (YUG: 345)
            });
  ReadTable(data_dir / "organisations.csv", {"id", "name", "members", "as_of", "source"},
            [&](const std::vector<std::string>& fields, size_t) {
              PartyInfo organisation{fields[0], fields[1], PartyKind::Organisation, {}, {}, {}, {}, {}, {}, 0, {}, false};
              std::istringstream members(fields[2]);
              for (std::string member; members >> member;) {
                organisation.members.push_back(member);
              }
              table.parties_.push_back(std::move(organisation));
              add_code(fields[0], table.parties_.size() - 1);
            });
  ReadTable(data_dir / "iso3166-2.csv", {"code", "name", "type"},
            [&](const std::vector<std::string>& fields, size_t) { table.subdivisions_.emplace(fields[0], fields[1]); });
  auto add_place_name = [&table](const std::string& name, const std::string& code) {
    auto& codes = table.places_by_name_[FoldPlaceName(name)];
    if (codes.empty()) table.place_names_.push_back(name);
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  };
  for (const auto& party : table.parties_) {
    if (party.kind == PartyKind::State) add_place_name(party.name, party.id);
  }
  for (const auto& [code, name] : table.subdivisions_) add_place_name(name, code);
  const auto names_path = data_dir / "place-names.csv";
  ReadTable(names_path, {"name", "code", "what"}, [&](const std::vector<std::string>& fields, size_t line) {
    if (!table.IsSubdivision(fields[1]) && table.Find(fields[1]) == nullptr) {
      throw std::runtime_error(names_path.string() + ":" + std::to_string(line) + ": error: unknown place code " + fields[1]);
    }
    add_place_name(fields[0], fields[1]);
  });
  for (auto& [name, codes] : table.places_by_name_) std::sort(codes.begin(), codes.end());
  std::sort(table.place_names_.begin(), table.place_names_.end());
  const auto dependencies_path = data_dir / "dependencies.csv";
  ReadTable(dependencies_path, {"code", "sovereign", "name"}, [&](const std::vector<std::string>& fields, size_t line) {
    if (table.Find(fields[0]) == nullptr || table.Find(fields[1]) == nullptr) {
      throw std::runtime_error(dependencies_path.string() + ":" + std::to_string(line) + ": error: unknown ISO code " +
                               (table.Find(fields[0]) == nullptr ? fields[0] : fields[1]));
    }
    table.dependencies_.emplace(fields[0], fields[1]);
  });
  ReadTable(data_dir / "sea-areas.csv", {"id", "name"},
            [&](const std::vector<std::string>& fields, size_t) { table.sea_areas_.push_back(fields[0]); });
  return table;
}

const PartyInfo* PartyTable::TerritoryOf(std::string_view place) const {
  if (place.find('-') != std::string_view::npos) {
    return IsSeaArea(place) ? nullptr : SubdivisionCountry(place);
  }
  if (auto found = dependencies_.find(std::string(place)); found != dependencies_.end()) {
    return Find(found->second);
  }
  return Resolve(place);
}

std::vector<std::string> PartyTable::DependenciesOf(std::string_view state) const {
  std::vector<std::string> codes;
  for (const auto& [code, sovereign] : dependencies_) {
    if (sovereign == state) codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

bool PartyTable::IsSeaArea(std::string_view id) const {
  return std::find(sea_areas_.begin(), sea_areas_.end(), id) != sea_areas_.end();
}

const PartyInfo* PartyTable::Resolve(std::string_view code) const {
  auto found = by_code_.find(std::string(code));
  return found == by_code_.end() ? nullptr : &parties_[found->second];
}

const PartyInfo* PartyTable::Find(std::string_view id) const {
  const PartyInfo* party = Resolve(id);
  return party != nullptr && party->id == id ? party : nullptr;
}

bool PartyTable::IsSubdivision(std::string_view code) const { return subdivisions_.count(std::string(code)) > 0; }

std::string PartyTable::SubdivisionName(std::string_view code) const {
  auto found = subdivisions_.find(std::string(code));
  return found == subdivisions_.end() ? std::string() : found->second;
}

const PartyInfo* PartyTable::SubdivisionCountry(std::string_view code) const {
  const size_t dash = code.find('-');
  if (dash == std::string_view::npos) {
    return nullptr;
  }
  auto found = by_alpha2_.find(std::string(code.substr(0, dash)));
  return found == by_alpha2_.end() ? nullptr : &parties_[found->second];
}

std::vector<std::string> PartyTable::PlacesNamed(std::string_view name) const {
  auto found = places_by_name_.find(FoldPlaceName(name));
  return found == places_by_name_.end() ? std::vector<std::string>{} : found->second;
}

std::string PartyTable::PlaceName(std::string_view code) const {
  if (IsSubdivision(code)) return SubdivisionName(code);
  const PartyInfo* party = Resolve(code);
  return party == nullptr ? std::string() : party->name;
}

std::vector<std::string> PartyTable::SubdivisionCodes(std::string_view alpha2) const {
  std::vector<std::string> codes;
  const std::string prefix = std::string(alpha2) + "-";
  for (const auto& [code, name] : subdivisions_) {
    if (code.rfind(prefix, 0) == 0) {
      codes.push_back(code);
    }
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::optional<int> PartyTable::ContiguityType(std::string_view first, std::string_view second, int year) const {
  const PartyInfo* one = Resolve(first);
  const PartyInfo* other = Resolve(second);
  if (one == nullptr || other == nullptr || !one->cow_code || !other->cow_code || contiguity_ == nullptr) return std::nullopt;
  ContiguityCache& cache = *contiguity_;
  std::call_once(cache.once, [&] {
    const auto path = data_dir_ / "contiguity" / "contdird.csv";
    CsvReader reader(path);
    std::vector<std::string> fields;
    const std::vector<std::string> header = {"dyad", "state1no", "state1ab", "state2no", "state2ab", "year", "conttype", "version"};
    if (!reader.Next(fields) || fields != header) throw std::runtime_error(path.string() + ":1: error: unexpected header");
    while (reader.Next(fields)) {
      int state1 = 0, state2 = 0, row_year = 0, type = 0;
      try {
        if (fields.size() != header.size()) throw std::invalid_argument("fields");
        state1 = std::stoi(fields[1]);
        state2 = std::stoi(fields[3]);
        row_year = std::stoi(fields[5]);
        type = std::stoi(fields[6]);
      } catch (const std::exception&) {
        throw std::runtime_error(path.string() + ":" + std::to_string(reader.Line()) + ": error: malformed contiguity record");
      }
      if (type < 1 || type > 5) {
        throw std::runtime_error(path.string() + ":" + std::to_string(reader.Line()) + ": error: conttype must be 1 to 5");
      }
      auto [slot, fresh] = cache.type.emplace(ContiguityCache::Key(state1, state2, row_year), type);
      if (!fresh) slot->second = std::min(slot->second, type);
      cache.first_year = cache.first_year == 0 ? row_year : std::min(cache.first_year, row_year);
      cache.last_year = std::max(cache.last_year, row_year);
    }
  });
  // A former state is judged within its own life: the USSR (SUHH, COW 365 until 1991) in a year
  // after 1991 is the USSR of 1991, not the Russia that continues its COW code.
  for (const PartyInfo* party : {one, other}) {
    if (party->withdrawn.size() < 4) continue;
    year = std::min(year, std::stoi(party->withdrawn.substr(0, 4)) - 1);
    if (party->from_year > 0) year = std::max(year, party->from_year);
  }
  const int clamped = std::clamp(year, cache.first_year, std::max(cache.first_year, cache.last_year));
  const auto found = cache.type.find(ContiguityCache::Key(*one->cow_code, *other->cow_code, clamped));
  if (found == cache.type.end()) return std::nullopt;
  return found->second;
}

std::vector<const PartyInfo*> PartyTable::Predecessors(std::string_view id) const {
  std::vector<const PartyInfo*> found;
  for (const auto& party : parties_) {
    if (std::find(party.successors.begin(), party.successors.end(), id) != party.successors.end()) found.push_back(&party);
  }
  return found;
}

const std::vector<std::string>& PartyTable::SecurityCouncilPermanentMembers() const {
  const PartyInfo* council = Find("UNSC");
  return council != nullptr ? council->members : no_members_;
}

}  // namespace casus
