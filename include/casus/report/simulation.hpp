// Simulation results → a text table, JSON (docs/cli.md, `casus simulate`), and a self-contained
// HTML report with SVG charts (no script, no network).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/games/guarantee_game.hpp"
#include "casus/games/scenario.hpp"
#include "casus/sim/sweep.hpp"

namespace casus {

std::string RenderSimulationTable(const std::vector<DesignOutcome>& outcomes);
//! {"scenario","seed","draws","threads","designs":[{"id","p_attack","p_attack_ci95","p_collective_armed_response",
//!  "response_mix","guarantor_cost","triggered_commitments"}]}; `threads` is the only field that
//! may differ between runs of the same seed and draws.
nlohmann::json SimulationToJson(const GuaranteeScenario& scenario, const std::vector<DesignOutcome>& outcomes,
                                 const SimulationOptions& options, int threads_used);
//! A sweep's Pareto plot (deterrence against guarantor cost; the front marked) as a self-contained HTML page.
std::string RenderSweepHtml(const std::string& sweep_id, const std::vector<ParetoPoint>& points);
std::string RenderSimulationHtml(const GuaranteeScenario& scenario, const std::vector<DesignOutcome>& outcomes,
                                 const SimulationOptions& options);

}  // namespace casus
