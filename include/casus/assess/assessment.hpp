// `casus assess`: each design of a guarantee scenario side by side on deterrence (the guarantee
// game's P(attack)), cost (the guarantors' expected cost given an attack) and acceptability (the
// settlement negotiation's P(all accept)), with the three-way frontier beyond Monte Carlo error
// (docs/assess.md). Also how much each bargaining input moves the acceptances (sensitivity).
#pragma once

#include <string>
#include <vector>

#include "casus/assess/acceptance.hpp"
#include "casus/assess/design_position.hpp"
#include "casus/games/guarantee_game.hpp"
#include "casus/games/scenario.hpp"

namespace casus {

struct DesignAssessment {
  DesignOutcome outcome;        //!< the guarantee game's results
  DesignPosition position;      //!< where the design sits in the negotiation
  DesignAcceptance acceptance;  //!< who would sign it
  bool on_frontier = false;     //!< no other design is better beyond error on one objective and worse beyond error on none
  std::string summary;          //!< one sentence
};

struct Assessment {
  std::string scenario;    //!< the guarantee scenario's id
  std::string settlement;  //!< the settlement CSV's name
  std::string challenger;
  std::string beneficiary;
  SimulationOptions simulation;
  PerturbationOptions perturbation;
  std::vector<double> central_settlement;  //!< the forecast settlement (weighted mean) at the inputs, 0–100
  std::vector<DesignAssessment> designs;
};

//! The challenger and the beneficiary need an actor in the settlement (through [actors] in the
//! scale file) and at least one dimension must be set by a design; diagnostics otherwise.
bool CheckSettlementInputs(const GuaranteeScenario& scenario, const SettlementScales& scales, const PartyTable& parties,
                           Diagnostics& diagnostics);

//! Positions of every design of the scenario (no simulation).
std::vector<DesignPosition> PositionDesigns(const LoadedScenario& loaded, const PartyTable& parties);

//! One objective of a point (a design, a sweep run's design) with its Monte Carlo standard error.
struct Objective {
  double value = 0.0;
  double se = 0.0;
  bool higher_is_better = false;
};

//! The points no other point beats beyond error: i is off the frontier when some j is better than
//! i beyond 1.96 × √(se_i² + se_j²) on one objective and worse beyond it on none (docs/assess.md,
//! "The frontier"; the sweep's Pareto front, docs/sweep-format.md). With standard errors of 0 this
//! is the plain Pareto front. Points identical on every objective keep the same flag.
std::vector<bool> FrontierBeyondError(const std::vector<std::vector<Objective>>& points);

//! The frontier flags for (P(attack), cost, P(all accept)) with their standard errors: i is off it
//! when some j is better beyond 1.96 combined standard errors on one objective and worse beyond
//! them on none.
std::vector<bool> ThreeWayFrontier(const std::vector<DesignAssessment>& designs);

//! Runs both models over every design, marks the frontier and writes each design's sentence.
Assessment AssessScenario(const LoadedScenario& loaded, const PartyTable& parties, const SmpScenario& settlement,
                          const SettlementScales& scales, const SimulationOptions& simulation, const PerturbationOptions& perturbation);

//! How much one bargaining input moves the answer.
struct InputSensitivity {
  std::string actor;
  std::string input;      //!< "position", "salience" or "capability"
  std::string dimension;  //!< empty for capability
  std::string change;     //!< "±10 points", "×/÷ 1.5"
  double mean_abs_change_p_all = 0.0;  //!< over designs and both directions: mean |Δ P(all accept)|
  double mean_abs_change_actor = 0.0;  //!< over designs, needed actors and both directions: mean |Δ P(accept)| (the ranking)
  double max_abs_change_actor = 0.0;   //!< the largest |Δ P(accept)| of any needed actor, any design, either direction
  std::string max_change_where;        //!< which design and actor that was
};

//! Perturbs each input of the settlement (the no-agreement point and each actor's position and
//! salience per dimension by ±10 points, its capability × and ÷ 1.5), reruns the acceptance with
//! the same seed and draws (common random numbers) and reports the change; most influential first
//! (by the mean |Δ P(accept)| over designs and needed actors).
std::vector<InputSensitivity> AcceptanceSensitivity(const LoadedScenario& loaded, const PartyTable& parties, const SmpScenario& settlement,
                                                    const SettlementScales& scales, const PerturbationOptions& perturbation);

}  // namespace casus
