// Simulation results → a text table, JSON (docs/cli.md, `casus simulate`), and a self-contained
// HTML report with SVG charts (no script, no network).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/games/explain.hpp"
#include "casus/games/guarantee_game.hpp"
#include "casus/games/scenario.hpp"
#include "casus/sim/sweep.hpp"

namespace casus {

std::string RenderSimulationTable(const std::vector<DesignOutcome>& outcomes);
//! {"scenario","seed","draws","threads","designs":[{"id","p_attack","p_attack_ci95","p_collective_armed_response",
//!  "response_mix","guarantor_cost","triggered_commitments"}]}; `threads` is the only field that
//! may differ between runs of the same seed and draws.
//! With `changes` (one list per outcome, from --explain) each design also carries "explain"
//! (docs/cli.md): the decomposition, the guarantors' facts and the best one-clause changes.
nlohmann::json SimulationToJson(const GuaranteeScenario& scenario, const std::vector<DesignOutcome>& outcomes,
                                 const SimulationOptions& options, int threads_used,
                                 const std::vector<std::vector<ClauseChange>>* changes = nullptr);
//! `casus simulate --explain` as text: per design, what drives P(attack) and what would lower it most.
std::string RenderExplanationText(const std::vector<DesignOutcome>& outcomes, const std::vector<std::vector<ClauseChange>>& changes);
//! The same as JSON, for one design.
nlohmann::json ExplanationToJson(const DesignOutcome& outcome, const std::vector<ClauseChange>& changes);
//! The rule that marks the sweep's Pareto front, in words (MarkParetoFront).
std::string SweepFrontRule();
//! A sweep's Pareto plot (deterrence against guarantor cost, coloured by design with a legend; the
//! front filled and labelled, points with identical results drawn once) and the distinct points as
//! a table, as a self-contained HTML page.
std::string RenderSweepHtml(const std::string& sweep_id, const std::vector<ParetoPoint>& points);
//! With `changes`, the report gains an "Explain" section (the decomposition and the changes).
std::string RenderSimulationHtml(const GuaranteeScenario& scenario, const std::vector<DesignOutcome>& outcomes,
                                 const SimulationOptions& options, const std::vector<std::vector<ClauseChange>>* changes = nullptr);

}  // namespace casus
