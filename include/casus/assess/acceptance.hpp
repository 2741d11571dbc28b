// Would the parties sign? A design's acceptability under the bargaining model (docs/assess.md,
// "The acceptance rule"): in each perturbed run of the settlement negotiation (bargain/forecast's
// perturbation), a party accepts a design when its SMP utility for the settlement with the design
// — the forecast settlement with the dimensions the design sets replaced by the design's position
// — is at least its utility for no agreement (the scale file's `no_agreement` point). P(accept) is
// the share of runs in which it does; P(all accept) the share in which every needed party does.
// Also reported: the share of runs in which a party prefers the settlement with the design to the
// forecast settlement itself. Deterministic for a seed, the same bits for any number of threads.
#pragma once

#include <string>
#include <vector>

#include "casus/assess/design_position.hpp"
#include "casus/bargain/forecast.hpp"
#include "casus/bargain/scales.hpp"
#include "casus/core/party_table.hpp"

namespace casus {

//! The negotiation run on its inputs (the central forecast) and on perturbed inputs.
struct SettlementForecasts {
  PerturbedDraw central;                    //!< the inputs as written and their forecast
  std::vector<double> central_risk;         //!< each actor's risk attitude at state 0
  std::vector<PerturbedDraw> draws;         //!< the perturbed runs
  std::vector<std::vector<double>> risk;    //!< [draw][actor]: risk attitudes at state 0 of the draw's inputs
  PerturbationOptions options;
};

SettlementForecasts ForecastSettlement(const SmpScenario& scenario, const PerturbationOptions& options);

//! The index of the actor that stands for `party`: the actor with its code, else an organisation
//! actor (e.g. the EU) whose members include it; −1 when none.
int ActorFor(const std::string& party, const SettlementScales& scales, const PartyTable& parties);

//! The settlement point with the design: `settlement` (0..1) with each dimension a design sets
//! replaced by the design's value.
std::vector<double> SettlementWithDesign(const std::vector<double>& settlement, const DesignPosition& position, const SettlementScales& scales);

struct ActorAcceptance {
  std::string code;                 //!< the actor's party code
  std::string actor;                //!< its name in the CSV
  std::vector<std::string> stands_for;  //!< the needed parties it stands for (itself, or members of an organisation)
  double probability = 0.0;         //!< share of perturbed runs in which it accepts
  double se = 0.0;                  //!< binomial standard error over the runs
  double prefers_to_forecast = 0.0; //!< share of runs in which it prefers the settlement with the design to the forecast settlement
  bool accepts_at_central = false;  //!< at the central forecast
  double central_margin = 0.0;      //!< u(settlement with design) − u(no agreement) at the central forecast
};

struct DesignAcceptance {
  std::string design;
  std::vector<double> central_point;       //!< the settlement with the design at the central forecast, 0–100
  std::vector<ActorAcceptance> actors;     //!< the challenger's, the beneficiary's, then the guarantors' actors
  std::vector<std::string> not_modelled;   //!< needed parties that no actor stands for
  double p_all = 0.0;                      //!< share of runs in which every actor above accepts
  double p_all_se = 0.0;
  bool all_at_central = false;
};

//! Acceptance of one design by the challenger, the beneficiary and each guarantor that an actor
//! stands for (parties no actor stands for are listed in `not_modelled`; CheckSettlementInputs
//! requires actors for the challenger and the beneficiary).
DesignAcceptance AcceptanceOf(const DesignPosition& position, const std::string& challenger, const std::string& beneficiary,
                              const SmpScenario& scenario, const SettlementScales& scales, const SettlementForecasts& forecasts,
                              const PartyTable& parties);

}  // namespace casus
