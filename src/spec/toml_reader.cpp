#include "casus/spec/toml_reader.hpp"

#include <fstream>

namespace casus {

std::optional<toml::table> ParseTomlText(std::string_view text, const LoadState& state, std::string_view what,
                                         std::string_view format_doc) {
  if (text.find('\0') != std::string_view::npos) {
    state.Error(SourcePosition{state.file, 1, 1}, "this is not a text file (it contains NUL bytes)",
                fmt::format("{} is a UTF-8 TOML file, see {}", what, format_doc));
    return std::nullopt;
  }
  try {
    return toml::parse(text, state.file);
  } catch (const toml::parse_error& error) {
    state.Error(state.At(error.source()), fmt::format("TOML syntax: {}", error.description()),
                fmt::format("fix the TOML syntax; see {} for the format", format_doc));
    return std::nullopt;
  }
}

// A TOML offset date-time ("2027-03-01T04:00:00Z") as UTC seconds.
std::optional<std::chrono::sys_seconds> ReadOffsetTime(TableReader& reader, std::string_view key, const LoadState& state) {
  const toml::node* node = reader.Get(key);
  if (node == nullptr) {
    reader.Missing(key, fmt::format("{} = 2027-03-01T04:00:00Z", key));
    return std::nullopt;
  }
  const std::string example = fmt::format("{} = 2027-03-01T04:00:00Z (a TOML date-time with a time zone, no quotes)", key);
  if (!node->is_date_time()) {
    reader.WrongType(key, *node, "a date-time", example);
    return std::nullopt;
  }
  const toml::date_time value = node->as_date_time()->get();
  if (!value.offset) {
    state.Error(state.At(*node), fmt::format("'{}' has no time zone", key), "add Z for UTC or an offset: " + example);
    return std::nullopt;
  }
  using namespace std::chrono;
  const sys_days day{year{value.date.year} / month{value.date.month} / std::chrono::day{value.date.day}};
  return std::chrono::sys_seconds{day} + hours{value.time.hour} + minutes{value.time.minute} + seconds{value.time.second} -
         minutes{value.offset->minutes};
}


bool ReadTextFile(const std::filesystem::path& path, std::string& text, Diagnostics& diagnostics) {
  const std::string file_name = path.string();
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    diagnostics.Error(SourcePosition{file_name, 0, 0}, "is a directory, not a file", "name a .toml file, e.g. library/nato-1949.toml");
    return false;
  }
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    diagnostics.Error(SourcePosition{file_name, 0, 0}, "cannot open file",
                      "check the path; library instruments can also be named by id (nato-1949)");
    return false;
  }
  text.resize(kMaxTextFileBytes + 1);
  input.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(input.gcount()));
  if (text.size() > kMaxTextFileBytes) {
    diagnostics.Error(SourcePosition{file_name, 0, 0}, fmt::format("file is larger than {} bytes", kMaxTextFileBytes),
                      "a casus file holds one instrument or one timeline; is this the right file?");
    return false;
  }
  return true;
}

std::vector<std::string> ResolveCodes(const WrittenCodes& written, const LoadState& state, std::string_view key) {
  std::vector<std::string> resolved;
  for (const auto& [code, position] : written) {
    const PartyInfo* party = state.parties.Resolve(code);
    if (party == nullptr) {
      std::string hint;
      if (auto match = ClosestMatch(code, state.parties.AllCodes())) {
        hint = fmt::format("did you mean '{}'? ", *match);
      }
      hint += "use an ISO 3166-1 alpha-3 code (UKR), a COW code or abbreviation (369, UKR), or an organisation (NATO, EU, UNSC)";
      state.Error(position, fmt::format("unknown party code '{}' in '{}'", code, key), hint);
      continue;
    }
    if (std::find(resolved.begin(), resolved.end(), party->id) != resolved.end()) {
      state.Error(position, fmt::format("party '{}' is listed twice in '{}'", code, key),
                  code == party->id ? "remove the duplicate" : fmt::format("'{}' is another code for '{}'", code, party->id));
      continue;
    }
    resolved.push_back(party->id);
  }
  return resolved;
}

std::vector<std::string> Written(const std::vector<std::pair<std::string, SourcePosition>>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) out.push_back(value.first);
  return out;
}

// A code of a place: ISO 3166-1 alpha-3 (a whole state) or an ISO 3166-2 subdivision.
void CheckPlaceCodes(const std::vector<std::pair<std::string, SourcePosition>>& codes, const LoadState& state,
                     std::string_view key, bool subdivisions_only) {
  for (const auto& [code, position] : codes) {
    if (!subdivisions_only && code.find('-') == std::string::npos) {
      const PartyInfo* party = state.parties.Resolve(code);
      if (party == nullptr || party->kind == PartyKind::Organisation) {
        state.Error(position, fmt::format("unknown place '{}' in '{}'", code, key),
                    "use an ISO 3166-1 alpha-3 code (UKR) or an ISO 3166-2 subdivision code (UA-43)");
      }
      continue;
    }
    if (state.parties.IsSubdivision(code)) {
      continue;
    }
    const PartyInfo* country = state.parties.SubdivisionCountry(code);
    std::string hint = "use an ISO 3166-2 subdivision code such as UA-43 (Crimea) or UA-40 (Sevastopol)";
    if (country != nullptr) {
      if (auto match = ClosestMatch(code, state.parties.SubdivisionCodes(country->alpha2))) {
        hint = fmt::format("did you mean '{}' ({})?", *match, state.parties.SubdivisionName(*match));
      } else {
        hint = fmt::format("{} has no subdivision '{}' in ISO 3166-2", country->id, code);
      }
    }
    state.Error(position, fmt::format("unknown ISO 3166-2 subdivision '{}' in '{}'", code, key), hint);
  }
}

// decision = { rule = "consensus", by = [...] } or the short forms "each-party" / "security-council".
const toml::table* SubTable(TableReader& reader, std::string_view key, std::string_view example, const LoadState& state) {
  const toml::node* node = reader.Get(key);
  if (node == nullptr) {
    return nullptr;
  }
  if (!node->is_table()) {
    state.Error(state.At(*node), fmt::format("'{}' of {} must be a table, not {}", key, reader.Context(), TypeName(node->type())),
                fmt::format("write it as {}", example));
    return nullptr;
  }
  return node->as_table();
}

}  // namespace casus
