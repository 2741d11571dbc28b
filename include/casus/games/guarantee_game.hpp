// The guarantee game (MODELS.md D, the reference formulation): the clauses a design's instruments
// trigger for the contemplated attack → each guarantor's commitment per means → its willingness
// to act under uncertainty (values, a common shock, noise) → the decision rules → the expected
// loss the challenger faces → P(attack); realised responses give the response mix and the
// guarantors' costs. A seeded Monte Carlo over the uncertain parameters, bit-identical for any
// number of threads. Defaults and every difference from MODELS.md: docs/guarantee-game.md.
// Steps 1–2 are in commitments.hpp, the parameters in game_parameters.hpp, the integrals in
// normal_integrals.hpp; this file is steps 3–7.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/engine/timeline.hpp"
#include "casus/games/commitments.hpp"
#include "casus/games/game_parameters.hpp"

namespace casus {

struct SimulationOptions {
  int64_t draws = 20000;
  uint64_t seed = 20250817;
  int threads = 0;  //!< 0: all
  //! Each guarantor's envelope of responses as a function of ρ prepared once per design, and its
  //! ladder kept from one draw to the next while its ρ_g is the same (false: both built in full
  //! every draw). The same bits either way; false is there for the test that says so.
  bool prepared_envelopes = true;
};

//! Every estimate with its Monte Carlo standard error. P(attack) is a mean over draws of each
//! draw's P(attack); the quantities "| attack" are ratio estimators Σ pᵢxᵢ / Σ pᵢ (each draw
//! weighted by its P(attack)), their standard errors by the delta method,
//! se² = Σ pᵢ²(xᵢ − R)² / (Σ pᵢ)². 95 % intervals are ± 1.96 se, clipped to the range.
struct DesignOutcome {
  std::string id;
  double p_attack = 0.0;
  double p_attack_se = 0.0;
  double p_attack_ci95[2] = {0.0, 0.0};
  double p_collective_armed_response = 0.0;  //!< P(some guarantor acts with armed force | attack)
  double p_collective_armed_response_se = 0.0;
  double p_collective_armed_response_ci95[2] = {0.0, 0.0};
  std::map<std::string, double> response_mix;  //!< means → P(it is used | attack)
  std::map<std::string, double> response_mix_se;
  std::map<std::string, double> guarantor_cost;  //!< guarantor → expected cost | attack
  std::map<std::string, double> guarantor_cost_se;
  double total_guarantor_cost = 0.0;  //!< Σ over guarantors of the expected cost | attack
  double total_guarantor_cost_se = 0.0;
  size_t triggered_commitments = 0;
  //! What drives P(attack) (docs/guarantee-game.md, "Explain"): filled by every run.
  struct Contribution {
    std::string guarantor;
    std::string means;
    double loss = 0.0;            //!< L(g, m): the challenger's loss if g responds with m (reach × e_m + escalation)
    double expected_loss = 0.0;   //!< its share of E[L]: (L(g, m) − L of the rung below) × P(g climbs to m)
    double p_attack_reduction = 0.0;  //!< its share of P(attack | no guarantee) − P(attack)
    double p_used = 0.0;          //!< P(g responds with m | attack)
  };
  struct GuarantorFacts {
    std::string guarantor;
    double military = 0.0, economic = 0.0, distance_km = 0.0, gradient = 1.0;
    bool nuclear = false;
    double troops = 0.0;
    bool tripwire = false;
    double value_mean = 0.0;      //!< v̄_g after free riding
    double free_riding = 0.0;     //!< λ × the others' share of the design's reach
  };
  std::vector<Contribution> contributions;
  std::vector<GuarantorFacts> guarantors;
  double p_attack_without_guarantee = 0.0;  //!< mean Φ((G − W₀) / σ_τ): the defender alone, no forces
  double forces_p_attack_reduction = 0.0;   //!< the forces' share, through the local balance (W − W₀)
  double war_cost = 0.0;                    //!< mean W (the local balance, forces included)
  double war_cost_without_forces = 0.0;     //!< mean W₀
  double expected_loss = 0.0;               //!< mean E[L]
  double challenger_gain = 0.0;             //!< mean G
};

//! Steps 3–7 by Monte Carlo. Deterministic for (seed, draws) whatever the thread count.
DesignOutcome SimulateDesign(const GameDesign& design, const std::vector<Commitment>& commitments, const Incident& attack,
                             const GameParameters& parameters, const PartyTable& parties, const SimulationOptions& options);

//! The expected loss E[L] the challenger faces given the guarantors' values, integrated over η and
//! ε (closed form, bivariate normal CDF or quadrature: docs/guarantee-game.md, "How E[L] is
//! computed"), with ρ, costs, effectivenesses and capabilities at their means. Exposed for tests.
double ExpectedLoss(const std::vector<Commitment>& commitments, const std::map<std::string, double>& values,
                    const Incident& attack, const GameParameters& parameters, const PartyTable& parties);

//! The challenger's cost of war W for a cost at parity `at_parity`: W = at_parity · 2D / (C + D), D
//! the defender's military weight × defender_strength plus its guarantors' forces in place, C the
//! challenger's military weight discounted by distance (docs/guarantee-game.md, "The local
//! balance"). Without power data (C + D = 0) W = at_parity.
double LocalBalanceFactor(const GameDesign& design, const Incident& attack, const GameParameters& parameters, bool with_forces);

}  // namespace casus
