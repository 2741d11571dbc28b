#include "casus/bargain/scales.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "casus/spec/toml_reader.hpp"

namespace casus {

namespace {

constexpr std::string_view kFormatDoc = "docs/negotiation.md (\"Scale files\")";

std::vector<std::string> DimensionNames(const SmpScenario& scenario) { return scenario.dimensions; }

std::vector<std::string> ActorNames(const SmpScenario& scenario) {
  std::vector<std::string> names;
  for (const auto& actor : scenario.actors) names.push_back(actor.name);
  return names;
}

// anchors = { 25 = "…", 50 = "…" }: keys are numbers strictly between 0 and 100.
std::map<double, std::string> ReadAnchors(TableReader& reader, const LoadState& state) {
  std::map<double, std::string> anchors;
  std::map<double, std::string> keys;  // each point's key as written
  const toml::table* table = SubTable(reader, "anchors", "anchors = { 25 = \"consultations\", 50 = \"…\" }", state);
  if (table == nullptr) return anchors;
  for (const auto& [key, node] : *table) {
    const std::string text(key.str());
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value <= 0.0 || value >= 100.0) {
      state.Error(state.At(key.source()), fmt::format("anchor '{}' is not a point strictly between 0 and 100", text),
                  "anchors name the points between the ends, e.g. 25 = \"consultations\"; the ends are 'low' and 'high'");
      continue;
    }
    if (!node.is_string() || IsBlank(node.as_string()->get())) {
      state.Error(state.At(node), fmt::format("anchor {} must be a non-empty string", text), fmt::format("write {} = \"what this point means\"", text));
      continue;
    }
    if (const auto [first, fresh] = keys.emplace(value, text); !fresh) {  // 25 and 25.0, or 2.5e1: two keys, one point
      state.Error(state.At(key.source()), fmt::format("anchors '{}' and '{}' are the same point", first->second, text),
                  "give each point between the ends one anchor");
      continue;
    }
    anchors[value] = node.as_string()->get();
  }
  return anchors;
}

}  // namespace

std::vector<double> SettlementScales::NoAgreement() const {
  std::vector<double> point;
  for (const auto& dimension : dimensions) point.push_back(dimension.no_agreement.value_or(0.0));
  return point;
}

int SettlementScales::DimensionOf(DesignAxis axis) const {
  for (size_t dim_idx = 0; dim_idx < dimensions.size(); ++dim_idx) {
    if (dimensions[dim_idx].set_by_design == axis) return static_cast<int>(dim_idx);
  }
  return -1;
}

std::string SettlementScales::Describe(size_t dimension, double value) const {
  const DimensionScale& scale = dimensions.at(dimension);
  std::map<double, std::string> points = scale.anchors;
  points[0.0] = scale.low;
  points[100.0] = scale.high;
  for (const auto& [at, label] : points) {
    if (std::abs(at - value) < 0.05) return fmt::format("{:.1f} ({})", value, label);
  }
  const auto above = points.upper_bound(value);
  if (above == points.begin() || above == points.end()) return fmt::format("{:.1f}", value);
  const auto below = std::prev(above);
  return fmt::format("{:.1f} (between {} and {})", value, below->second, above->second);
}

std::filesystem::path DefaultScalesPath(const std::filesystem::path& csv) {
  std::filesystem::path path = csv;
  path.replace_extension(".scales.toml");
  return path;
}

std::optional<SettlementScales> ReadScaleFile(const std::filesystem::path& path, const SmpScenario& scenario, const PartyTable& parties,
                                              Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, text, diagnostics)) return std::nullopt;
  const size_t errors_before = diagnostics.ErrorCount();
  const LoadState state{path.string(), diagnostics, parties};
  const auto root = ParseTomlText(text, state, "a scale file", kFormatDoc);
  if (!root) return std::nullopt;
  SettlementScales scales;
  scales.file = path.string();
  std::vector<std::optional<DimensionScale>> by_dimension(scenario.dimensions.size());
  TableReader reader(*root, "the scale file", state);
  const toml::node* dimensions = reader.Get("dimension");
  if (dimensions == nullptr) {
    reader.Missing("dimension", "[[dimension]]\nname = \"Guarantee strength\"\nlow = \"none\"\nhigh = \"NATO membership\"",
                   "the scale file has no [[dimension]]");
  }
  ForEachTable(dimensions, "dimension", state, [&](const toml::table& table, size_t) {
    TableReader dimension(table, "[[dimension]]", state);
    DimensionScale scale;
    scale.position = dimension.Position();
    const auto name = dimension.String("name", true, "name = \"Guarantee strength\" (as in the CSV's header)");
    const auto low = dimension.String("low", true, "low = \"none\" (what 0 stands for)");
    const auto high = dimension.String("high", true, "high = \"NATO membership\" (what 100 stands for)");
    scale.anchors = ReadAnchors(dimension, state);
    scale.set_by_design = dimension.Enum<DesignAxis>("set_by_design", false, "design axis");
    if (const toml::node* node = dimension.Get("no_agreement")) {
      const auto value = node->value<double>();
      if (!node->is_number() || !value || !std::isfinite(*value) || *value < 0.0 || *value > 100.0) {  // nan passes the comparisons
        state.Error(state.At(*node), "'no_agreement' must be a number on 0–100", "where this dimension stands if the talks fail, e.g. no_agreement = 50");
      } else {
        scale.no_agreement = *value / 100.0;
      }
    }
    dimension.RejectUnknownFields();
    if (!name || !low || !high) return;
    scale.name = *name;
    scale.low = *low;
    scale.high = *high;
    const auto found = std::find(scenario.dimensions.begin(), scenario.dimensions.end(), *name);
    const SourcePosition at = state.At(*table.get("name"));
    if (found == scenario.dimensions.end()) {
      state.Error(at, fmt::format("'{}' is not a dimension of {}", *name, scenario.name), SuggestionHint(*name, DimensionNames(scenario)));
      return;
    }
    auto& slot = by_dimension[static_cast<size_t>(found - scenario.dimensions.begin())];
    if (slot) {
      state.Error(at, fmt::format("dimension '{}' has two [[dimension]] tables", *name),
                  fmt::format("the first is at line {}; remove one", slot->position.line));
      return;
    }
    if (scale.set_by_design) {
      for (const auto& other : by_dimension) {
        if (other && other->set_by_design == scale.set_by_design) {
          state.Error(state.At(*table.get("set_by_design")),
                      fmt::format("'{}' already sets dimension '{}'", ToString(*scale.set_by_design), other->name),
                      "a design fact sets one dimension at most; remove one of the two");
          return;
        }
      }
    }
    slot = std::move(scale);
  });
  if (const toml::table* actors = SubTable(reader, "actors", "[actors]\nRussia = \"RUS\"", state)) {
    scales.actor_codes.assign(scenario.actors.size(), "");
    const std::vector<std::string> names = ActorNames(scenario);
    for (const auto& [key, node] : *actors) {
      const std::string actor(key.str());
      const auto found = std::find(names.begin(), names.end(), actor);
      if (found == names.end()) {
        state.Error(state.At(key.source()), fmt::format("'{}' is not an actor of {}", actor, scenario.name), SuggestionHint(actor, names));
        continue;
      }
      if (!node.is_string()) {
        state.Error(state.At(node), fmt::format("the code of '{}' must be a string", actor), fmt::format("write \"{}\" = \"RUS\"", actor));
        continue;
      }
      const auto resolved = ResolveCodes({{node.as_string()->get(), state.At(node)}}, state, "actors");
      if (resolved.empty()) continue;
      const auto taken = std::find(scales.actor_codes.begin(), scales.actor_codes.end(), resolved.front());
      if (taken != scales.actor_codes.end()) {
        state.Error(state.At(node), fmt::format("party '{}' is already the code of '{}'", resolved.front(), names[static_cast<size_t>(taken - scales.actor_codes.begin())]),
                    "each actor stands for a different party");
        continue;
      }
      scales.actor_codes[static_cast<size_t>(found - names.begin())] = resolved.front();
    }
  }
  reader.RejectUnknownFields();
  for (size_t dim_idx = 0; dim_idx < by_dimension.size(); ++dim_idx) {
    if (by_dimension[dim_idx]) {
      scales.dimensions.push_back(std::move(*by_dimension[dim_idx]));
    } else if (dimensions != nullptr && diagnostics.ErrorCount() == errors_before) {  // not when a table was already wrong
      state.Error(SourcePosition{state.file, 1, 1}, fmt::format("no [[dimension]] for '{}'", scenario.dimensions[dim_idx]),
                  "every dimension of the CSV needs its scale ends: add [[dimension]] name = \"…\" low = \"…\" high = \"…\"");
    }
  }
  if (diagnostics.ErrorCount() > errors_before) return std::nullopt;
  return scales;
}

}  // namespace casus
