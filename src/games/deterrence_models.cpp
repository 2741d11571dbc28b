#include "casus/games/deterrence_models.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace casus {

namespace {
bool Finite(double value) { return std::isfinite(value); }
}  // namespace

ModelResult<RadgSolution> SolveRadg(const RadgParameters& parameters) {
  const auto& [p_hard, a_sq, a_dc, a_dd] = parameters;
  if (!Finite(p_hard) || !Finite(a_sq) || !Finite(a_dc) || !Finite(a_dd)) {
    return std::string("every parameter must be a finite number");
  }
  if (!(p_hard > 0.0 && p_hard < 1.0)) {
    return fmt::format("0 < pB < 1 is violated (pB = {})", p_hard);
  }
  if (!(a_dd < a_sq)) {
    return fmt::format("aDD < aSQ is violated (aDD = {}, aSQ = {}): the challenger must prefer the status quo to conflict", a_dd, a_sq);
  }
  if (!(a_sq < a_dc)) {
    return fmt::format("aSQ < aDC is violated (aSQ = {}, aDC = {}): the challenger must prefer the defender's concession to the status quo", a_sq, a_dc);
  }
  RadgSolution solution;
  solution.threshold = (a_dc - a_sq) / (a_dc - a_dd);
  solution.deterred = p_hard > solution.threshold;
  return solution;
}

ModelResult<RadgResponsesSolution> SolveRadgResponses(double a_sq, const std::vector<RadgResponse>& responses) {
  if (responses.empty()) {
    return std::string("at least one response is needed");
  }
  double total = 0.0;
  RadgResponsesSolution solution;
  for (const auto& response : responses) {
    if (!Finite(response.probability) || response.probability < 0.0 || response.probability > 1.0) {
      return fmt::format("the probability of response '{}' must be in [0, 1] (it is {})", response.name, response.probability);
    }
    if (!Finite(response.payoff)) {
      return fmt::format("the payoff of response '{}' must be a finite number", response.name);
    }
    total += response.probability;
    solution.expected_challenge_payoff += response.probability * response.payoff;
  }
  if (std::abs(total - 1.0) > 1e-9) {
    return fmt::format("the responses' probabilities must sum to 1 (they sum to {})", total);
  }
  solution.deterred = solution.expected_challenge_payoff <= a_sq;
  return solution;
}

ModelResult<FearonSolution> SolveFearon(const FearonParameters& parameters) {
  const auto& [p, cost_attacker, cost_defender_max] = parameters;
  if (!Finite(p) || !Finite(cost_attacker) || !Finite(cost_defender_max)) {
    return std::string("every parameter must be a finite number");
  }
  if (p < 0.0 || p > 1.0) return fmt::format("0 ≤ p ≤ 1 is violated (p = {})", p);
  if (cost_attacker < 0.0) return fmt::format("cA ≥ 0 is violated (cA = {})", cost_attacker);
  if (!(cost_defender_max > 0.0)) {
    return fmt::format("c̄ > 0 is violated (c̄ = {}): the defender's cost must be uncertain", cost_defender_max);
  }
  FearonSolution solution;
  solution.demand = std::clamp(p + std::max(0.0, (cost_defender_max - cost_attacker) / 2.0), 0.0, 1.0);
  solution.p_war = (solution.demand - p) / cost_defender_max;
  return solution;
}

ModelResult<CredibilitySolution> SolveCredibility(const CredibilityParameters& parameters) {
  const double values[] = {parameters.value_a, parameters.value_b, parameters.war_cost, parameters.reneging_cost,
                           parameters.forces_bonus};
  if (std::any_of(std::begin(values), std::end(values), [](double value) { return !Finite(value); })) {
    return std::string("every parameter must be a finite number");
  }
  if (parameters.war_cost < 0.0) return fmt::format("k ≥ 0 is violated (k = {})", parameters.war_cost);
  if (parameters.reneging_cost < 0.0) return fmt::format("a ≥ 0 is violated (a = {})", parameters.reneging_cost);
  if (parameters.forces_bonus < 0.0) return fmt::format("φ ≥ 0 is violated (φ = {})", parameters.forces_bonus);
  CredibilitySolution solution;
  solution.threshold_value = parameters.war_cost - parameters.reneging_cost - parameters.forces_bonus;
  const double t = solution.threshold_value;
  if (parameters.distribution == ValueDistribution::Normal) {
    if (!(parameters.value_b > 0.0)) return fmt::format("sd > 0 is violated (sd = {})", parameters.value_b);
    // 1 − Φ(z) = Φ(−z) = erfc(z / √2) / 2
    solution.credibility = 0.5 * std::erfc((t - parameters.value_a) / (parameters.value_b * std::sqrt(2.0)));
  } else {
    if (!(parameters.value_b > parameters.value_a)) {
      return fmt::format("lower < upper is violated (lower = {}, upper = {})", parameters.value_a, parameters.value_b);
    }
    solution.credibility = std::clamp((parameters.value_b - t) / (parameters.value_b - parameters.value_a), 0.0, 1.0);
  }
  return solution;
}

}  // namespace casus
