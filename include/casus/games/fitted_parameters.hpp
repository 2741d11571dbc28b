// A scenario's `[parameters] source = "backtest"` (or a path): the game's reneging cost ρ and its
// spread from the file `casus history backtest --write-params` writes (docs/backtest.md, "What the
// game side reads"). The backtest fits the guarantee game as a structural probit of dispute
// initiation; its ρ is in the game's units (the fit holds the game's other constants at their
// defaults), so the game can take it with its standard error as the spread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/games/scenario.hpp"

namespace casus {

//! The [fitted] table of a fitted-parameters file.
struct FittedParameters {
  std::string file;
  double reneging_cost = 0.0;
  double reneging_cost_sd = 0.0;  //!< the fit's dyad-clustered standard error of ρ
  long dyad_years = 0;
  long initiations = 0;
};

//! Where `source` points: "backtest" is `home`/data/fitted/backtest.toml; anything else a path
//! relative to the scenario file's folder.
std::filesystem::path FittedParametersPath(const std::string& source, const std::filesystem::path& scenario_file, const std::filesystem::path& home);

//! Reads a fitted-parameters file; nullopt with diagnostics (file:line:col) when it is missing,
//! not TOML, has no [fitted] table, or its fit did not converge or gives no usable ρ. `cited_at`
//! is where the scenario names it (the error for a missing file points there).
std::optional<FittedParameters> ReadFittedParameters(const std::filesystem::path& file, const SourcePosition& cited_at, const PartyTable& parties,
                                                     Diagnostics& diagnostics);

//! Sets the scenario's ρ and its spread from `fitted` and records their source.
void ApplyFittedParameters(GuaranteeScenario& scenario, const FittedParameters& fitted);

}  // namespace casus
