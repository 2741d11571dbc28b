#include "casus/core/party_table.hpp"

#include <algorithm>
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

}  // namespace

PartyTable PartyTable::Load(const std::filesystem::path& data_dir) {
  PartyTable table;
  auto add_code = [&table](const std::string& code, size_t index) {
    if (!code.empty() && table.by_code_.emplace(code, index).second) {
      table.all_codes_.push_back(code);
    }
  };
  ReadTable(data_dir / "iso3166-1.csv", {"alpha3", "alpha2", "name"},
            [&](const std::vector<std::string>& fields, size_t) {
              table.parties_.push_back(PartyInfo{fields[0], fields[2], PartyKind::State, fields[1], {}, {}, {}});
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
                                                   PartyKind::HistoricalState, {}, cow_code, fields[1], {}});
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
                }
              }
              add_code(fields[1], index);  // ISO codes win over a colliding COW abbreviation (CZE)
              add_code(fields[0], index);
            });
  ReadTable(data_dir / "organisations.csv", {"id", "name", "members", "as_of", "source"},
            [&](const std::vector<std::string>& fields, size_t) {
              PartyInfo organisation{fields[0], fields[1], PartyKind::Organisation, {}, {}, {}, {}};
              std::istringstream members(fields[2]);
              for (std::string member; members >> member;) {
                organisation.members.push_back(member);
              }
              table.parties_.push_back(std::move(organisation));
              add_code(fields[0], table.parties_.size() - 1);
            });
  ReadTable(data_dir / "iso3166-2.csv", {"code", "name", "type"},
            [&](const std::vector<std::string>& fields, size_t) { table.subdivisions_.emplace(fields[0], fields[1]); });
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

const std::vector<std::string>& PartyTable::SecurityCouncilPermanentMembers() const {
  const PartyInfo* council = Find("UNSC");
  return council != nullptr ? council->members : no_members_;
}

}  // namespace casus
