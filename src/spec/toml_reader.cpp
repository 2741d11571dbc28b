#include "casus/spec/toml_reader.hpp"

#include <algorithm>
#include <fstream>
#include <regex>

namespace casus {

namespace {

// A scan of TOML text before toml++ parses it: toml++ builds one nested table per part of a dotted
// key (a.b.c = 1, [a.b.c]) and one level per array or inline table, recursively, so that 40 000
// parts overflow the stack (issue 10). The scan skips strings and comments and counts, outside
// them, the dots of each run of key text and the brackets and braces open; the first part beyond
// kMaxTomlKeyParts or kMaxTomlNesting is an error at its line and column. It never rejects what a
// casus file needs (no format nests more than four deep) and leaves every syntax error to toml++.
bool ScanTomlDepth(std::string_view text, const LoadState& state, std::string_view format_doc) {
  uint32_t line = 1;
  uint32_t column = 1;
  int dots = 0;     // dots in the current run of key text (reset by =, newline, comma, brackets)
  int nesting = 0;  // arrays and inline tables open
  size_t pos = 0;
  auto advance = [&](size_t count) {
    for (size_t step = 0; step < count && pos < text.size(); ++step, ++pos) {
      if (text[pos] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80) {  // columns count characters
        ++column;
      }
    }
  };
  auto starts = [&](std::string_view token) { return text.substr(pos, token.size()) == token; };
  while (pos < text.size()) {
    const char c = text[pos];
    if (c == '#') {  // a comment, to the end of the line
      while (pos < text.size() && text[pos] != '\n') advance(1);
      continue;
    }
    if (starts("\"\"\"") || starts("'''")) {  // a multi-line string
      const std::string_view close = text.substr(pos, 3);
      advance(3);
      while (pos < text.size() && !starts(close)) advance(close[0] == '"' && text[pos] == '\\' ? 2 : 1);
      advance(3);
      continue;
    }
    if (c == '"' || c == '\'') {  // a one-line string
      advance(1);
      while (pos < text.size() && text[pos] != c && text[pos] != '\n') advance(c == '"' && text[pos] == '\\' ? 2 : 1);
      advance(1);
      continue;
    }
    if (c == '.') {
      if (++dots >= kMaxTomlKeyParts) {
        state.Error(SourcePosition{state.file, line, column},
                    fmt::format("a dotted key or table name with more than {} parts", kMaxTomlKeyParts),
                    fmt::format("casus files nest a few levels deep; see {} for the format", format_doc));
        return false;
      }
    } else if (c == '=' || c == '\n' || c == ',') {
      dots = 0;
    } else if (c == '[' || c == '{') {
      dots = 0;
      if (++nesting > kMaxTomlNesting) {
        state.Error(SourcePosition{state.file, line, column},
                    fmt::format("arrays and inline tables nested more than {} deep", kMaxTomlNesting),
                    fmt::format("casus files nest a few levels deep; see {} for the format", format_doc));
        return false;
      }
    } else if (c == ']' || c == '}') {
      dots = 0;
      nesting = std::max(0, nesting - 1);
    }
    advance(1);
  }
  return true;
}

}  // namespace

std::optional<toml::table> ParseTomlText(std::string_view text, const LoadState& state, std::string_view what,
                                         std::string_view format_doc) {
  if (text.find('\0') != std::string_view::npos) {
    state.Error(SourcePosition{state.file, 1, 1}, "this is not a text file (it contains NUL bytes)",
                fmt::format("{} is a UTF-8 TOML file, see {}", what, format_doc));
    return std::nullopt;
  }
  if (!ScanTomlDepth(text, state, format_doc)) {
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
  const auto status = std::filesystem::status(path, error);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {  // a FIFO would block for ever
    diagnostics.Error(SourcePosition{file_name, 0, 0}, "is not a regular file (a FIFO, a device or a socket)",
                      "save the text to a file and name that file");
    return false;
  }
  std::ifstream input(path, std::ios::binary);
  if (!input) {
    diagnostics.Error(SourcePosition{file_name, 0, 0}, "cannot open file",
                      "check the path; library instruments can also be named by id (nato-1949)");
    return false;
  }
  // Up to one byte past the limit, in blocks: sizing the string to the limit first would zero
  // 4 MiB per file read (most of `casus simulate`'s start-up, docs/performance.md).
  text.clear();
  constexpr size_t kBlock = 64 * 1024;
  while (text.size() <= kMaxTextFileBytes) {
    const size_t before = text.size();
    const size_t wanted = std::min(kBlock, kMaxTextFileBytes + 1 - before);
    text.resize(before + wanted);
    input.read(text.data() + before, static_cast<std::streamsize>(wanted));
    text.resize(before + static_cast<size_t>(input.gcount()));
    if (!input) break;
  }
  if (text.size() > kMaxTextFileBytes) {
    diagnostics.Error(SourcePosition{file_name, 0, 0}, fmt::format("file is larger than {} bytes", kMaxTextFileBytes),
                      "a casus file holds one instrument or one timeline; is this the right file?");
    return false;
  }
  return true;
}

void CheckId(const std::string& id, const SourcePosition& position, const LoadState& state, std::string_view what) {
  static const std::regex pattern("[a-z0-9]+(-[a-z0-9]+)*");
  if (!std::regex_match(id, pattern)) {
    state.Error(position, fmt::format("{} id '{}' is not kebab-case", what, id),
                "use lower-case letters, digits and single dashes, e.g. \"us-ukraine-2024\"");
  }
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

namespace {

// "UA-99": the shape of an ISO 3166-2 code (two capitals, a hyphen, then capitals or digits).
bool LooksLikeSubdivisionCode(std::string_view code) {
  const auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (code.size() < 4 || code.size() > 6 || !upper(code[0]) || !upper(code[1]) || code[2] != '-') return false;
  return std::all_of(code.begin() + 3, code.end(), [&](char c) { return upper(c) || (c >= '0' && c <= '9'); });
}

// "'UA-51' (Odeska oblast)" for messages.
std::string Labelled(const PartyTable& parties, std::string_view code) {
  std::string name = parties.PlaceName(code);
  const PartyInfo* country = parties.IsSubdivision(code) ? parties.SubdivisionCountry(code) : nullptr;
  if (country != nullptr && !name.empty()) name += ", " + country->name;  // "Georgia, United States of America"
  return name.empty() || name == code ? fmt::format("'{}'", code) : fmt::format("'{}' ({})", code, name);
}

}  // namespace

// A place: ISO 3166-1 alpha-3 (a whole state), an ISO 3166-2 subdivision, or a name of either.
std::vector<std::string> CheckPlaceCodes(const std::vector<std::pair<std::string, SourcePosition>>& codes, const LoadState& state,
                                         std::string_view key, bool subdivisions_only) {
  const PartyTable& parties = state.parties;
  std::vector<std::string> resolved;
  for (const auto& [code, position] : codes) {
    resolved.push_back(code);
    if (parties.IsSubdivision(code)) continue;
    if (!subdivisions_only && code.find('-') == std::string::npos) {
      const PartyInfo* party = parties.Resolve(code);
      if (party != nullptr && party->kind != PartyKind::Organisation) continue;
    }
    const auto named = parties.PlacesNamed(code);
    if (named.size() == 1 && (!subdivisions_only || parties.IsSubdivision(named.front()))) {
      resolved.back() = named.front();
      continue;
    }
    if (named.size() > 1) {
      std::vector<std::string> labels;
      for (const auto& candidate : named) labels.push_back(Labelled(parties, candidate));
      state.Error(position, fmt::format("'{}' in '{}' names {} places: {}", code, key, named.size(), fmt::join(labels, ", ")),
                  "write the code of the place you mean");
      continue;
    }
    if (LooksLikeSubdivisionCode(code)) {
      const PartyInfo* country = parties.SubdivisionCountry(code);
      std::string hint = "use an ISO 3166-2 subdivision code such as UA-43 (Crimea) or UA-40 (Sevastopol)";
      if (country != nullptr) {
        if (auto match = ClosestMatch(code, parties.SubdivisionCodes(country->alpha2))) {
          hint = fmt::format("did you mean {}?", Labelled(parties, *match));
        } else {
          hint = fmt::format("{} has no subdivision '{}' in ISO 3166-2", country->id, code);
        }
      }
      state.Error(position, fmt::format("unknown ISO 3166-2 subdivision '{}' in '{}'", code, key), hint);
      continue;
    }
    std::string hint;
    const PartyInfo* organisation = parties.Resolve(code);
    // Written as a code (capitals and digits: "UKX"): the nearest code; else the nearest name.
    const bool code_like = std::all_of(code.begin(), code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
    const auto code_match = code_like ? ClosestMatch(code, parties.AllCodes()) : std::nullopt;
    if (organisation != nullptr) {
      hint = fmt::format("{} is an organisation, not a place; ", code);
    } else if (code_match && parties.Resolve(*code_match)->kind != PartyKind::Organisation) {
      hint = fmt::format("did you mean {}? ", Labelled(parties, *code_match));
    } else if (auto match = code_like ? std::nullopt : ClosestMatch(code, parties.PlaceNames())) {
      const auto places = parties.PlacesNamed(*match);
      hint = places.size() == 1 ? fmt::format("did you mean '{}' ({})? ", *match, places.front())
                                : fmt::format("did you mean '{}' (one of {})? ", *match, fmt::join(places, ", "));
    }
    hint += subdivisions_only ? "use an ISO 3166-2 subdivision code (UA-43) or its name (Crimea, Odesa)"
                              : "use an ISO 3166-1 alpha-3 code (UKR), an ISO 3166-2 subdivision code (UA-43), or a place's name "
                                "(Ukraine, Odesa, Odeska oblast)";
    state.Error(position, fmt::format("unknown place '{}' in '{}'", code, key), hint);
  }
  return resolved;
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
