// The published deterrence models, solved exactly (MODELS.md A–C). Parameters → solution, or the
// reason the parameters are outside the model (an ordering or a range violated, named).
//   A. Zagare & Kilgour, Perfect Deterrence (2000), App. 3: the Rudimentary Asymmetric Deterrence Game.
//   B. Fearon (1995): crisis bargaining with a private, uniformly distributed cost of war.
//   C. Fearon (1997): tying hands — credibility as a function of the cost of reneging.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace casus {

//! A solution, or the reason the parameters are outside the model.
template <typename Solution>
using ModelResult = std::variant<Solution, std::string>;

// --- A. Rudimentary Asymmetric Deterrence Game --------------------------------------------------

//! Challenger payoffs (aDD < aSQ < aDC) and the probability that the defender is Hard (0 < pB < 1).
struct RadgParameters {
  double p_hard = 0.5;  //!< pB: the defender prefers resisting (DD) to conceding (DC)
  double a_sq = 0.5;    //!< aSQ: the challenger's status quo payoff
  double a_dc = 1.0;    //!< aDC: the challenger's payoff when the defender concedes
  double a_dd = 0.0;    //!< aDD: the challenger's payoff when the defender resists (conflict)
};

struct RadgSolution {
  double threshold = 0.0;  //!< α = (aDC − aSQ) / (aDC − aDD): the challenger challenges iff pB < α
  bool deterred = false;   //!< pB > α (at pB = α the challenger is indifferent: not deterred)
};

//! Hard defenders resist and Soft ones concede in every Bayesian equilibrium, so the challenger
//! compares pB·aDD + (1 − pB)·aDC with aSQ. Rejects violated orderings, naming the inequality.
ModelResult<RadgSolution> SolveRadg(const RadgParameters& parameters);

//! The multi-response extension: responses with probabilities π_r (summing to 1) and challenger
//! payoffs a_r; deterred iff Σ π_r a_r ≤ aSQ. Returns the expected payoff of challenging.
struct RadgResponse {
  std::string name;
  double probability = 0.0;
  double payoff = 0.0;
};
struct RadgResponsesSolution {
  double expected_challenge_payoff = 0.0;
  bool deterred = false;
};
ModelResult<RadgResponsesSolution> SolveRadgResponses(double a_sq, const std::vector<RadgResponse>& responses);

// --- B. Fearon's crisis bargaining with private costs -------------------------------------------

struct FearonParameters {
  double p = 0.5;                  //!< the challenger's probability of winning a war, in [0, 1]
  double cost_attacker = 0.1;      //!< cA ≥ 0: the challenger's cost of war
  double cost_defender_max = 0.3;  //!< c̄ > 0: the defender's cost is uniform on [0, c̄], private
};

struct FearonSolution {
  double demand = 0.0;  //!< x* = p + max(0, (c̄ − cA) / 2), clipped to [0, 1]
  double p_war = 0.0;   //!< P(cB < x* − p) = (x* − p) / c̄ = max(0, (c̄ − cA) / (2c̄)) when x* is not clipped
};

ModelResult<FearonSolution> SolveFearon(const FearonParameters& parameters);

// --- C. Tying hands ------------------------------------------------------------------------------

enum class ValueDistribution { Normal, Uniform };

//! A guarantor with value v ~ F for protecting the beneficiary and war cost k acts iff
//! v − k + φ ≥ −a, a being the cost of reneging its commitment created (legal obligation,
//! audience cost) and φ the bonus of forces already in place (model D's sunk-cost term).
struct CredibilityParameters {
  ValueDistribution distribution = ValueDistribution::Normal;
  double value_a = 0.0;  //!< Normal: mean; Uniform: lower bound
  double value_b = 1.0;  //!< Normal: standard deviation (> 0); Uniform: upper bound (> lower)
  double war_cost = 0.5;       //!< k ≥ 0
  double reneging_cost = 0.0;  //!< a ≥ 0 (tying hands)
  double forces_bonus = 0.0;   //!< φ ≥ 0 (forces in place)
};

struct CredibilitySolution {
  double threshold_value = 0.0;  //!< the guarantor acts iff v ≥ k − a − φ
  double credibility = 0.0;      //!< pB(a) = 1 − F(k − a − φ)
};

ModelResult<CredibilitySolution> SolveCredibility(const CredibilityParameters& parameters);

}  // namespace casus
