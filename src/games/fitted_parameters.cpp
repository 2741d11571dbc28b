#include "casus/games/fitted_parameters.hpp"

#include <cmath>

#include <fmt/format.h>

#include "casus/spec/toml_reader.hpp"

namespace casus {

std::filesystem::path FittedParametersPath(const std::string& source, const std::filesystem::path& scenario_file, const std::filesystem::path& home) {
  if (source == "backtest") return home / "data" / "fitted" / "backtest.toml";
  return scenario_file.parent_path() / source;
}

std::optional<FittedParameters> ReadFittedParameters(const std::filesystem::path& file, const SourcePosition& cited_at, const PartyTable& parties,
                                                     Diagnostics& diagnostics) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    diagnostics.Error(cited_at, fmt::format("[parameters] source: no fitted-parameters file {}", file.string()),
                      "write it with `casus history backtest --write-params FILE.toml`; source = \"backtest\" reads data/fitted/backtest.toml, "
                      "any other value is a path relative to the scenario");
    return std::nullopt;
  }
  std::string text;
  if (!ReadTextFile(file, text, diagnostics)) return std::nullopt;
  const size_t errors_before = diagnostics.ErrorCount();
  LoadState state{file.string(), diagnostics, parties};
  auto parsed = ParseTomlText(text, state, "a fitted-parameters file", "docs/backtest.md");
  if (!parsed) return std::nullopt;
  const toml::table* fitted = (*parsed)["fitted"].as_table();
  if (fitted == nullptr) {
    state.Error(SourcePosition{file.string(), 1, 1}, "no [fitted] table", "a fitted-parameters file is what `casus history backtest --write-params` writes");
    return std::nullopt;
  }
  FittedParameters out;
  out.file = file.string();
  auto number = [&](std::string_view key, bool positive) -> double {
    const toml::node* node = fitted->get(key);
    const std::optional<double> value = node != nullptr ? node->value<double>() : std::nullopt;
    if (!value || !std::isfinite(*value) || *value < 0.0 || (positive && *value == 0.0)) {
      state.Error(node != nullptr ? state.At(*node) : state.At(*fitted), fmt::format("[fitted] {} must be a finite number ≥ 0", key),
                  "rewrite the file with `casus history backtest --write-params`");
      return 0.0;
    }
    return *value;
  };
  out.reneging_cost = number("reneging_cost", false);
  out.reneging_cost_sd = number("reneging_cost_sd", false);
  out.dyad_years = static_cast<long>(number("dyad_years", true));
  out.initiations = static_cast<long>(number("initiations", false));
  if (const toml::node* converged = fitted->get("converged"); converged == nullptr || !converged->value<bool>().value_or(false)) {
    state.Error(converged != nullptr ? state.At(*converged) : state.At(*fitted), "the fit in this file did not converge",
                "its ρ is not an estimate; keep reneging_cost = \"calibrated\" or a number (docs/backtest.md)");
  }
  if (diagnostics.ErrorCount() > errors_before) return std::nullopt;
  return out;
}

void ApplyFittedParameters(GuaranteeScenario& scenario, const FittedParameters& fitted) {
  scenario.parameters.reneging_cost = fitted.reneging_cost;
  scenario.parameters.reneging_cost_sd = fitted.reneging_cost_sd;
  scenario.reneging_sd_given = true;
  scenario.parameters_file = fitted.file;
  const std::string source =
      fmt::format("backtest: {} (fitted on {} dyad-years, {} initiations; sd = its standard error)", fitted.file, fitted.dyad_years, fitted.initiations);
  scenario.parameter_sources["reneging_cost"] = source;
  scenario.parameter_sources["reneging_cost_sd"] = source;
}

}  // namespace casus
