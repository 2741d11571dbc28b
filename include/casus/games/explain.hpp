// `casus simulate --explain`: which one-clause changes to a design would lower P(attack) most
// (docs/guarantee-game.md, "Explain"). The decomposition of P(attack) itself is computed by every
// simulation (DesignOutcome::contributions); this file searches the design variables of the sweep
// (duty strength, deadline, decision rule, constitutional qualifier, fixed means, forces) one
// clause at a time, with common random numbers (the same seed) so that differences are not noise.
#pragma once

#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/games/scenario.hpp"

namespace casus {

struct ClauseChange {
  std::string instrument;  //!< empty for a change of forces
  std::string clause;
  std::string change;      //!< "deadline none → forthwith"
  double p_attack_before = 0.0;
  double p_attack = 0.0;
};

//! The `count` one-clause changes to design `design_idx` that lower P(attack) most (only those that
//! lower it), each simulated with `options` (same seed as the design's own run).
std::vector<ClauseChange> BestClauseChanges(const LoadedScenario& loaded, size_t design_idx, const PartyTable& parties,
                                            const SimulationOptions& options, double p_attack_before, size_t count = 3);

}  // namespace casus
