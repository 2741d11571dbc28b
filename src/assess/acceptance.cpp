#include "casus/assess/acceptance.hpp"

#include <algorithm>
#include <cmath>

namespace casus {

namespace {

std::vector<double> InputPositions(const SmpScenario& scenario, size_t actor_idx) { return scenario.actors[actor_idx].position; }

SmpPositions StateZero(const SmpScenario& scenario) {
  SmpPositions positions;
  for (size_t actor_idx = 0; actor_idx < scenario.actors.size(); ++actor_idx) positions.push_back(InputPositions(scenario, actor_idx));
  return positions;
}

// Does actor `actor_idx` of this run value `with_design` at least as much as `reference`? Its
// ideal is its input position in the run.
bool Prefers(const SmpScenario& scenario, const std::vector<double>& risk, size_t actor_idx, const std::vector<double>& with_design,
             const std::vector<double>& reference, double* margin) {
  const SmpActor& actor = scenario.actors[actor_idx];
  const double difference = SmpUtility(actor, actor.position, with_design, risk[actor_idx]) - SmpUtility(actor, actor.position, reference, risk[actor_idx]);
  if (margin != nullptr) *margin = difference;
  return difference >= -1e-12;  // indifference counts as acceptance
}

double BinomialSe(double p, size_t n) { return n == 0 ? 0.0 : std::sqrt(p * (1.0 - p) / static_cast<double>(n)); }

}  // namespace

SettlementForecasts ForecastSettlement(const SmpScenario& scenario, const PerturbationOptions& options) {
  SettlementForecasts forecasts;
  forecasts.options = options;
  const SmpResult result = RunSmp(scenario);
  forecasts.central.scenario = scenario;
  forecasts.central.forecast = ForecastOf(scenario, result);
  forecasts.central.turns = static_cast<int>(result.states.size() - 1);
  forecasts.central_risk = SmpRiskAttitudes(scenario, StateZero(scenario));
  forecasts.draws = PerturbedDrawsOf(scenario, options);
  for (const auto& draw : forecasts.draws) forecasts.risk.push_back(SmpRiskAttitudes(draw.scenario, StateZero(draw.scenario)));
  return forecasts;
}

int ActorFor(const std::string& party, const SettlementScales& scales, const PartyTable& parties) {
  for (size_t actor_idx = 0; actor_idx < scales.actor_codes.size(); ++actor_idx) {
    if (scales.actor_codes[actor_idx] == party) return static_cast<int>(actor_idx);
  }
  for (size_t actor_idx = 0; actor_idx < scales.actor_codes.size(); ++actor_idx) {
    const PartyInfo* organisation = parties.Find(scales.actor_codes[actor_idx]);
    if (organisation != nullptr && organisation->kind == PartyKind::Organisation &&
        std::find(organisation->members.begin(), organisation->members.end(), party) != organisation->members.end()) {
      return static_cast<int>(actor_idx);
    }
  }
  return -1;
}

std::vector<double> SettlementWithDesign(const std::vector<double>& settlement, const DesignPosition& position, const SettlementScales& scales) {
  std::vector<double> point = settlement;
  for (const auto& axis : position.axes) {
    const int dimension = scales.DimensionOf(axis.axis);
    if (dimension >= 0) point[static_cast<size_t>(dimension)] = axis.value / 100.0;
  }
  return point;
}

DesignAcceptance AcceptanceOf(const DesignPosition& position, const std::string& challenger, const std::string& beneficiary,
                              const SmpScenario& scenario, const SettlementScales& scales, const SettlementForecasts& forecasts,
                              const PartyTable& parties) {
  DesignAcceptance acceptance;
  acceptance.design = position.design;
  std::vector<std::string> needed = {challenger, beneficiary};
  needed.insert(needed.end(), position.guarantors.begin(), position.guarantors.end());
  std::vector<size_t> actor_indices;
  for (const auto& party : needed) {
    const int actor = ActorFor(party, scales, parties);
    if (actor < 0) {
      acceptance.not_modelled.push_back(party);
      continue;
    }
    const auto existing = std::find(actor_indices.begin(), actor_indices.end(), static_cast<size_t>(actor));
    if (existing != actor_indices.end()) {
      acceptance.actors[static_cast<size_t>(existing - actor_indices.begin())].stands_for.push_back(party);
      continue;
    }
    actor_indices.push_back(static_cast<size_t>(actor));
    acceptance.actors.push_back(ActorAcceptance{scales.actor_codes[static_cast<size_t>(actor)], scenario.actors[static_cast<size_t>(actor)].name, {party}});
  }
  const std::vector<double> no_agreement = scales.NoAgreement();
  // The central forecast.
  const std::vector<double>& central = forecasts.central.forecast.weighted_mean;
  const std::vector<double> central_with = SettlementWithDesign(central, position, scales);
  for (double value : central_with) acceptance.central_point.push_back(100.0 * value);
  acceptance.all_at_central = true;
  for (size_t idx = 0; idx < actor_indices.size(); ++idx) {
    ActorAcceptance& actor = acceptance.actors[idx];
    actor.accepts_at_central =
        Prefers(forecasts.central.scenario, forecasts.central_risk, actor_indices[idx], central_with, no_agreement, &actor.central_margin);
    acceptance.all_at_central = acceptance.all_at_central && actor.accepts_at_central;
  }
  // The perturbed forecasts.
  std::vector<size_t> accepted(actor_indices.size(), 0);
  std::vector<size_t> preferred(actor_indices.size(), 0);
  size_t all = 0;
  for (size_t draw_idx = 0; draw_idx < forecasts.draws.size(); ++draw_idx) {
    const PerturbedDraw& draw = forecasts.draws[draw_idx];
    const std::vector<double>& settlement = draw.forecast.weighted_mean;
    const std::vector<double> with_design = SettlementWithDesign(settlement, position, scales);
    bool everyone = true;
    for (size_t idx = 0; idx < actor_indices.size(); ++idx) {
      const bool yes = Prefers(draw.scenario, forecasts.risk[draw_idx], actor_indices[idx], with_design, no_agreement, nullptr);
      accepted[idx] += yes ? 1 : 0;
      preferred[idx] += Prefers(draw.scenario, forecasts.risk[draw_idx], actor_indices[idx], with_design, settlement, nullptr) ? 1 : 0;
      everyone = everyone && yes;
    }
    all += everyone ? 1 : 0;
  }
  const size_t runs = forecasts.draws.size();
  for (size_t idx = 0; idx < actor_indices.size(); ++idx) {
    ActorAcceptance& actor = acceptance.actors[idx];
    actor.probability = runs == 0 ? 0.0 : static_cast<double>(accepted[idx]) / static_cast<double>(runs);
    actor.se = BinomialSe(actor.probability, runs);
    actor.prefers_to_forecast = runs == 0 ? 0.0 : static_cast<double>(preferred[idx]) / static_cast<double>(runs);
  }
  acceptance.p_all = runs == 0 ? 0.0 : static_cast<double>(all) / static_cast<double>(runs);
  acceptance.p_all_se = BinomialSe(acceptance.p_all, runs);
  return acceptance;
}

}  // namespace casus
