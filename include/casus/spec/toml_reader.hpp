// Reading casus's TOML files field by field, with diagnostics: what every loader (instruments,
// timelines) shares. A TableReader records each field asked for; RejectUnknownFields then reports
// missing required fields and unknown ones (with the closest known name).
#pragma once

#include <algorithm>
#include <cassert>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include "casus/core/diagnostic.hpp"
#include "casus/core/duration.hpp"
#include "casus/core/enum_names.hpp"
#include "casus/core/limits.hpp"
#include "casus/core/party_table.hpp"
#include "casus/core/spelling.hpp"

namespace casus {

using Date = std::chrono::year_month_day;

//! Reads a whole text file into `text`; false, with a diagnostic naming the path, when it is a
//! directory, cannot be opened, or is larger than kMaxTextFileBytes.
bool ReadTextFile(const std::filesystem::path& path, std::string& text, Diagnostics& diagnostics);

//! "a string", "an integer", … for messages.
inline std::string_view TypeName(toml::node_type type) {
  switch (type) {
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a number";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    default: return "nothing";
  }
}

//! True for empty or whitespace-only text.
inline bool IsBlank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

// Everything one load needs: the file name for positions, where diagnostics go, the code table.
//! Everything one load needs: the file name for positions, where diagnostics go, the code table.
struct LoadState {
  std::string file;
  Diagnostics& diagnostics;
  const PartyTable& parties;

  SourcePosition At(const toml::source_region& region) const {
    return SourcePosition{file, region.begin.line, region.begin.column};
  }
  SourcePosition At(const toml::node& node) const { return At(node.source()); }
  //! Where `key` of `table` was written, or the table's own position when the key is absent (a
  //! missing field already reported): never a null dereference.
  SourcePosition At(const toml::table& table, std::string_view key) const {
    const toml::node* node = table.get(key);
    return node != nullptr ? At(*node) : At(table);
  }
  void Error(const SourcePosition& position, std::string message, std::string hint = {}) const {
    diagnostics.Error(position, std::move(message), std::move(hint));
  }
};

//! Parses TOML text; a NUL byte (a binary file) or a syntax error becomes a diagnostic whose hint
//! points to `format_doc` (e.g. "docs/instrument-format.md"), and the result is nullopt.
std::optional<toml::table> ParseTomlText(std::string_view text, const LoadState& state, std::string_view what,
                                         std::string_view format_doc);

// Reads one TOML table field by field; what was never asked for is an unknown field.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string context, const LoadState& state)
      : table_(table), context_(std::move(context)), state_(state) {}
  TableReader(const TableReader&) = delete;
  TableReader& operator=(const TableReader&) = delete;
  ~TableReader() { assert(missing_.empty() && "RejectUnknownFields() must be called to report missing fields"); }

  SourcePosition Position() const {
    SourcePosition position = state_.At(table_);
    if (position.line == 0) {  // the root table has no position of its own
      position.line = 1;
      position.column = 1;
    }
    return position;
  }
  const std::string& Context() const { return context_; }

  // The node under `key` (nullptr when absent); records the key as known.
  const toml::node* Get(std::string_view key) {
    if (std::find(known_.begin(), known_.end(), key) == known_.end()) {
      known_.emplace_back(key);
    }
    return table_.get(key);
  }

  // Records a missing required field; reported by RejectUnknownFields unless a misspelt field
  // there is that key (then only the misspelling is reported, with the right name).
  void Missing(std::string_view key, std::string_view example, std::string message = {}) {
    if (message.empty()) {
      message = fmt::format("missing required field '{}' in {}", key, context_);
    }
    missing_.push_back(MissingField{std::string(key), std::move(message), fmt::format("add {}", example)});
  }

  void WrongType(std::string_view key, const toml::node& node, std::string_view expected,
                 std::string_view example) const {
    state_.Error(state_.At(node), fmt::format("'{}' in {} must be {}, not {}", key, context_, expected, TypeName(node.type())),
                 fmt::format("write it as {}", example));
  }

  // A string field; required ones report their absence. Empty text is an error.
  std::optional<std::string> String(std::string_view key, bool required, std::string_view example) {
    const toml::node* node = Get(key);
    if (node == nullptr) {
      if (required) {
        Missing(key, example);
      }
      return std::nullopt;
    }
    if (!node->is_string()) {
      WrongType(key, *node, "a string", example);
      return std::nullopt;
    }
    std::string value = node->as_string()->get();
    if (IsBlank(value)) {
      state_.Error(state_.At(*node), fmt::format("'{}' in {} is empty", key, context_),
                   fmt::format("write the {} or remove the field", key));
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> Bool(std::string_view key) {
    const toml::node* node = Get(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    if (!node->is_boolean()) {
      WrongType(key, *node, "a boolean", fmt::format("{} = true", key));
      return std::nullopt;
    }
    return node->as_boolean()->get();
  }

  std::optional<Date> DateField(std::string_view key) {
    const toml::node* node = Get(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    if (!node->is_date()) {
      WrongType(key, *node, "a date", fmt::format("{} = 2024-06-13 (a TOML date, without quotes)", key));
      return std::nullopt;
    }
    const toml::date date = node->as_date()->get();
    return Date{std::chrono::year{date.year}, std::chrono::month{date.month}, std::chrono::day{date.day}};
  }

  template <typename E>
  std::optional<E> Enum(std::string_view key, bool required, std::string_view what) {
    const std::string example = fmt::format("{} = \"{}\"", key, EnumNameList<E>().front());
    auto text = String(key, required, example);
    if (!text) {
      return std::nullopt;
    }
    if (auto value = ParseEnum<E>(*text)) {
      return value;
    }
    state_.Error(state_.At(*table_.get(key)), fmt::format("unknown {} '{}'", what, *text),
                 SuggestionHint(*text, EnumNameList<E>()));
    return std::nullopt;
  }

  // An ISO 8601 duration, or one of the `words` ("forthwith", "indefinite", …) returned as is.
  std::optional<std::variant<IsoDuration, std::string>> DurationField(std::string_view key, bool required,
                                                                      const std::vector<std::string>& words,
                                                                      std::string_view example) {
    auto text = String(key, required, example);
    if (!text) {
      return std::nullopt;
    }
    if (std::find(words.begin(), words.end(), *text) != words.end()) {
      return std::variant<IsoDuration, std::string>(*text);
    }
    auto parsed = ParseIsoDuration(*text);
    if (auto* reason = std::get_if<std::string>(&parsed)) {
      std::string hint = "use an ISO 8601 duration such as P10Y, P6M, P3D or PT24H";
      if (!words.empty()) {
        hint += fmt::format(", or one of: {}", fmt::join(words, ", "));
      }
      state_.Error(state_.At(*table_.get(key)), fmt::format("malformed duration '{}' for '{}': {}", *text, key, *reason),
                   hint);
      return std::nullopt;
    }
    return std::variant<IsoDuration, std::string>(std::get<IsoDuration>(parsed));
  }

  // An array of strings (or, with allow_integers, integers as text). Absent → empty.
  std::vector<std::pair<std::string, SourcePosition>> StringArray(std::string_view key, bool required,
                                                                   std::string_view example,
                                                                   bool allow_integers = false) {
    std::vector<std::pair<std::string, SourcePosition>> values;
    const toml::node* node = Get(key);
    if (node == nullptr) {
      if (required) {
        Missing(key, example);
      }
      return values;
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      WrongType(key, *node, "an array", example);
      return values;
    }
    for (const toml::node& item : *array) {
      if (item.is_string()) {
        values.emplace_back(item.as_string()->get(), state_.At(item));
      } else if (allow_integers && item.is_integer()) {
        values.emplace_back(std::to_string(item.as_integer()->get()), state_.At(item));
      } else {
        state_.Error(state_.At(item),
                     fmt::format("items of '{}' in {} must be strings, not {}", key, context_, TypeName(item.type())),
                     fmt::format("write it as {}", example));
      }
    }
    if (required && array->empty()) {
      state_.Error(state_.At(*node), fmt::format("'{}' in {} is empty", key, context_), fmt::format("write {}", example));
    }
    return values;
  }

  // Reports the missing required fields, then every key of the table that no Get asked for.
  void RejectUnknownFields() {
    std::vector<std::string> misspelt_for;  // missing keys that an unknown key is a typo of
    for (auto&& [key, value] : table_) {
      if (std::find(known_.begin(), known_.end(), key.str()) == known_.end()) {
        if (auto match = ClosestMatch(key.str(), known_)) misspelt_for.push_back(*match);
      }
    }
    for (const auto& missing : missing_) {
      if (std::find(misspelt_for.begin(), misspelt_for.end(), missing.key) == misspelt_for.end()) {
        state_.Error(Position(), missing.message, missing.hint);
      }
    }
    missing_.clear();
    for (auto&& [key, value] : table_) {
      if (std::find(known_.begin(), known_.end(), key.str()) != known_.end()) {
        continue;
      }
      state_.Error(state_.At(key.source()), fmt::format("unknown field '{}' in {}", key.str(), context_),
                   SuggestionHint(key.str(), known_));
    }
  }

 private:
  struct MissingField {
    std::string key;
    std::string message;
    std::string hint;
  };
  const toml::table& table_;
  std::string context_;
  const LoadState& state_;
  std::vector<std::string> known_;
  std::vector<MissingField> missing_;
};


//! Reports an id that is not kebab-case (lower-case ASCII letters, digits, single dashes): every
//! id casus reads (instrument, area, clause, timeline, incident, design) goes through it, so that
//! look-alikes (zero-width spaces, right-to-left marks, Cyrillic letters) never make two ids that
//! print the same.
void CheckId(const std::string& id, const SourcePosition& position, const LoadState& state, std::string_view what);

//! Codes written in a file, with where each was written.
using WrittenCodes = std::vector<std::pair<std::string, SourcePosition>>;

//! Resolves party codes (ISO alpha-3, COW abbreviation or number, organisation id) to canonical
//! ids; unknown and duplicate codes are diagnosed.
std::vector<std::string> ResolveCodes(const WrittenCodes& written, const LoadState& state, std::string_view key);

//! A required TOML offset date-time ("2027-03-01T04:00:00Z") as UTC seconds; a date-time without a
//! time zone, or another type, is a diagnostic.
std::optional<std::chrono::sys_seconds> ReadOffsetTime(TableReader& reader, std::string_view key, const LoadState& state);

//! The codes as written, without positions.
std::vector<std::string> Written(const WrittenCodes& values);

//! Checks places: ISO 3166-1 alpha-3 states (unless subdivisions_only), ISO 3166-2 codes, or a name
//! of either (PartyTable::PlacesNamed: "Ukraine", "Odesa", "Odeska oblast"). Returns the codes, a
//! name replaced by the code it names; an unknown or ambiguous one is a diagnostic with a
//! did-you-mean over names and codes (and is returned as written).
std::vector<std::string> CheckPlaceCodes(const WrittenCodes& codes, const LoadState& state, std::string_view key, bool subdivisions_only);

template <typename E>
std::vector<E> ReadEnumArray(TableReader& reader, std::string_view key, bool required, std::string_view what,
                             const LoadState& state) {
  std::vector<E> values;
  const auto names = EnumNameList<E>();
  const std::string example = fmt::format("{} = [\"{}\"]", key, names.front());
  for (const auto& [text, position] : reader.StringArray(key, required, example)) {
    auto value = ParseEnum<E>(text);
    if (!value) {
      state.Error(position, fmt::format("unknown {} '{}'", what, text), SuggestionHint(text, names));
    } else if (std::find(values.begin(), values.end(), *value) != values.end()) {
      state.Error(position, fmt::format("{} '{}' is listed twice", what, text), "remove the duplicate");
    } else {
      values.push_back(*value);
    }
  }
  return values;
}

//! The sub-table under `key` (nullptr when absent or, with a diagnostic, not a table).
const toml::table* SubTable(TableReader& reader, std::string_view key, std::string_view example, const LoadState& state);

//! Calls on_table(table, index) for each table of an array of tables ([[clause]]); reports
//! items that are not tables.
template <typename OnTable>
void ForEachTable(const toml::node* node, std::string_view key, const LoadState& state, OnTable on_table) {
  if (node == nullptr) {
    return;
  }
  const toml::array* array = node->as_array();
  if (array == nullptr) {
    state.Error(state.At(*node), fmt::format("'{}' must be an array of tables ([[{}]]), not {}", key, key, TypeName(node->type())),
                fmt::format("write each one under a [[{}]] header", key));
    return;
  }
  for (size_t index = 0; index < array->size(); ++index) {
    const toml::node& item = *array->get(index);
    if (const toml::table* table = item.as_table()) {
      on_table(*table, index);
    } else {
      state.Error(state.At(item), fmt::format("each '{}' must be a table, not {}", key, TypeName(item.type())),
                  fmt::format("write each one under a [[{}]] header", key));
    }
  }
}


}  // namespace casus
