#include "casus/bargain/ktab_csv.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "casus/core/number.hpp"
#include "casus/core/utf8.hpp"
#include "casus/spec/toml_reader.hpp"

namespace casus {

namespace {

struct Cell {
  std::string text;  // trimmed of spaces and quotes
  uint32_t column;   // 1-based column where the cell starts
};

std::vector<Cell> SplitLine(std::string_view line) {
  std::vector<Cell> cells;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    std::string_view raw = line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    size_t first = 0;
    while (first < raw.size() && (raw[first] == ' ' || raw[first] == '\t' || raw[first] == '"')) ++first;
    size_t last = raw.size();
    while (last > first && (raw[last - 1] == ' ' || raw[last - 1] == '\t' || raw[last - 1] == '"' || raw[last - 1] == '\r')) --last;
    cells.push_back(Cell{std::string(raw.substr(first, last - first)), static_cast<uint32_t>(start + first + 1)});
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  while (!cells.empty() && cells.back().text.empty()) cells.pop_back();  // trailing commas
  return cells;
}

std::optional<double> Number(const std::string& text) { return ParseNumber(text); }

}  // namespace

std::optional<SmpScenario> ReadKtabCsvText(std::string_view text, std::string_view file_name, Diagnostics& diagnostics) {
  const size_t errors_before = diagnostics.ErrorCount();
  const std::string file(file_name);
  auto error = [&](uint32_t line, uint32_t column, std::string message, std::string hint) {
    diagnostics.Error(SourcePosition{file, line, column}, std::move(message), std::move(hint));
  };
  if (const auto invalid = FindInvalidUtf8(text)) {
    error(invalid->line, invalid->column, fmt::format("invalid UTF-8 (byte 0x{:02x})", invalid->byte),
          "save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\" export)");
    return std::nullopt;
  }
  std::vector<std::string_view> lines;
  for (size_t start = 0; start < text.size();) {
    const size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  while (!lines.empty() && SplitLine(lines.back()).empty()) lines.pop_back();  // blank lines at the end
  if (lines.size() < 2) {
    error(1, 1, "a KTAB scenario needs a first line `name,description,N,D` and a header line", "see docs/negotiation.md for the format");
    return std::nullopt;
  }
  const auto first = SplitLine(lines[0]);
  if (first.size() < 4) {
    error(1, 1, fmt::format("the first line has {} fields; expected name, description, N, D", first.size()),
          "e.g. `Ukraine settlement,Issues in dispute,12,4`");
    return std::nullopt;
  }
  SmpScenario scenario;
  scenario.name = first[0].text;
  scenario.description = first[1].text;
  const auto actors = Number(first[2].text);
  const auto dimensions = Number(first[3].text);
  if (!actors || *actors < 1 || *actors != std::floor(*actors)) {
    error(1, first[2].column, fmt::format("N (the number of actors) must be a whole number ≥ 1, not '{}'", first[2].text), "count the actor rows");
    return std::nullopt;
  }
  if (*actors > 250) {  // the model's cost grows as N³ per turn: beyond KTAB's range a run takes hours
    error(1, first[2].column, fmt::format("N = {} actors is more than the 250 SMP supports", first[2].text),
          "KTAB's SMP is specified for 3–250 actors; merge actors into blocs");
    return std::nullopt;
  }
  if (!dimensions || *dimensions < 1 || *dimensions != std::floor(*dimensions) || *dimensions > 1000) {
    error(1, first[3].column, fmt::format("D (the number of dimensions) must be a whole number ≥ 1, not '{}'", first[3].text),
          "count the position/salience pairs");
    return std::nullopt;
  }
  const size_t n = static_cast<size_t>(*actors);
  const size_t d = static_cast<size_t>(*dimensions);
  const size_t columns = 3 + 2 * d;
  const auto header = SplitLine(lines[1]);
  if (header.size() != columns) {
    error(2, 1, fmt::format("the header has {} columns; with D = {} it needs {} (actor, description, capability, then position and salience per dimension)",
                            header.size(), d, columns),
          "check D on line 1 against the header");
    return std::nullopt;
  }
  for (size_t dim_idx = 0; dim_idx < d; ++dim_idx) scenario.dimensions.push_back(header[3 + 2 * dim_idx].text);
  for (size_t line_idx = 2; line_idx < lines.size(); ++line_idx) {  // blank lines at the end are gone already
    if (SplitLine(lines[line_idx]).empty()) {
      error(static_cast<uint32_t>(line_idx + 1), 1, "a blank line among the actor rows",
            "remove it: every line after the header is one actor");
      return std::nullopt;
    }
  }
  if (lines.size() - 2 != n) {
    error(static_cast<uint32_t>(lines.size()), 1,
          fmt::format("line 1 says N = {} actors, but there are {} actor rows", n, lines.size() - 2), "make N match the rows");
    return std::nullopt;
  }
  for (size_t actor_idx = 0; actor_idx < n; ++actor_idx) {
    const uint32_t line = static_cast<uint32_t>(actor_idx + 3);
    const auto cells = SplitLine(lines[actor_idx + 2]);
    if (cells.size() != columns) {
      error(line, 1, fmt::format("actor row has {} fields; expected {}", cells.size(), columns),
            "name, description, capability, then position and salience for each dimension");
      continue;
    }
    SmpActor actor;
    actor.name = cells[0].text;
    actor.description = cells[1].text;
    auto number = [&](const Cell& cell, std::string_view what, double low, double high,
                      std::string_view range_hint = "positions and saliences are on 0–100") -> std::optional<double> {
      const auto value = Number(cell.text);
      if (!value) {
        error(line, cell.column, fmt::format("{} '{}' is not a number", what, cell.text), "write a decimal number, e.g. 42.5");
        return std::nullopt;
      }
      if (*value < low || *value > high) {
        error(line, cell.column, fmt::format("{} {} is outside [{}, {}]", what, cell.text, low, high), std::string(range_hint));
        return std::nullopt;
      }
      return value;
    };
    const auto capability = number(cells[2], "capability", 0.0, 1e8, "a capability is a non-negative number (KTAB allows up to 1e8)");
    double salience_sum = 0.0;
    bool ok = capability.has_value();
    for (size_t dim_idx = 0; dim_idx < d; ++dim_idx) {
      const auto position = number(cells[3 + 2 * dim_idx], "position", 0.0, 100.0);
      const auto salience = number(cells[4 + 2 * dim_idx], "salience", 0.0, 100.0);
      if (!position || !salience) {
        ok = false;
        continue;
      }
      actor.position.push_back(*position / 100.0);
      actor.salience.push_back(*salience / 100.0);
      salience_sum += *salience;
    }
    if (!ok) continue;
    if (salience_sum > 100.0 + 1e-9) {
      error(line, cells[4].column, fmt::format("the saliences of '{}' sum to {}, over 100", actor.name, salience_sum),
            "saliences are shares of an actor's attention: scale them down so they sum to at most 100");
      continue;
    }
    if (salience_sum <= 0.0) {
      error(line, cells[4].column, fmt::format("the saliences of '{}' are all zero", actor.name),
            "an actor that cares about no dimension takes no part: remove it or give it a salience");
      continue;
    }
    actor.capability = *capability;
    scenario.actors.push_back(std::move(actor));
  }
  if (diagnostics.ErrorCount() > errors_before) return std::nullopt;
  return scenario;
}

std::optional<SmpScenario> ReadKtabCsv(const std::filesystem::path& path, Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, text, diagnostics)) return std::nullopt;
  return ReadKtabCsvText(text, path.string(), diagnostics);
}

}  // namespace casus
