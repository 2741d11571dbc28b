// The guarantee game (MODELS.md D, the reference formulation): the clauses a design's instruments
// trigger for the contemplated attack → each guarantor's commitment per means → its willingness
// to act under uncertainty (values, a common shock, noise) → the decision rules → the expected
// loss the challenger faces → P(attack); realised responses give the response mix and the
// guarantors' costs. A seeded Monte Carlo over the uncertain parameters, bit-identical for any
// number of threads. Defaults and every difference from MODELS.md: docs/guarantee-game.md.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/engine/timeline.hpp"
#include "casus/engine/world_state.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! A normal distribution N(mean, sd), sd ≥ 0 (sd = 0: a fixed value).
struct Normal {
  double mean = 0.0;
  double sd = 0.0;
};

struct GameParameters {
  Normal challenger_gain{1.0, 0.2};      //!< G
  Normal challenger_war_cost{0.5, 0.2};  //!< W
  double challenger_type_sd = 0.25;      //!< σ_τ (> 0)
  Normal guarantor_value{0.0, 0.3};      //!< v_g, drawn per guarantor
  double common_shock_sd = 0.3;          //!< σ_η
  double noise_sd = 0.3;                 //!< σ_ε (> 0)
  double reneging_cost = 0.8;            //!< ρ (its mean when reneging_cost_sd > 0)
  //! The spread of ρ across draws (a normal truncated at 0, one draw shared by all guarantors):
  //! 0 by default; "calibrated" sets it from the spread of the historical honour rate.
  double reneging_cost_sd = 0.0;
  double forces_bonus = 0.5;             //!< φ
  //! Deadlines (lint rule no-deadline): a duty with no time bound counts this share of its weight;
  //! one due within D counts λ + (1 − λ)·exp(−D / deadline_scale_days); "forthwith" counts fully.
  double no_deadline_factor = 0.8;
  double deadline_scale_days = 30.0;
  //! Duration (lint rule short-duration): an instrument that ends, or can be left, soon counts
  //! λ + (1 − λ)·min(1, term / 20 years) and λ + (1 − λ)·min(1, notice / 1 year), the smaller.
  double short_exit_factor = 0.7;
  std::map<Means, double> cost;           //!< k(m): a guarantor's cost of acting with m
  std::map<Means, double> effectiveness;  //!< e_m: the challenger's loss per unit of capability
  std::map<std::string, double> capability;  //!< cap_g by party id (default: CINC); missing → 0
  //! Uncertainty about k(m) and e_m: a standard deviation per means (absent: 0, fixed). Drawn once
  //! per draw and means, for every guarantor alike; truncated at 0.
  std::map<Means, double> cost_sd;
  std::map<Means, double> effectiveness_sd;
  //! Uncertainty about capabilities: per draw, each party's cap_g is multiplied by exp(σz − σ²/2)
  //! (log-normal, the mean kept). 0: fixed.
  double capability_sd = 0.0;
};

//! The defaults of docs/guarantee-game.md (costs and effectiveness per means).
GameParameters DefaultGameParameters();

//! The reneging cost ρ at which a guarantor with a full, legally binding duty to assist with armed
//! force (commitment 0.8), the mean value and no forces in place acts with probability
//! `honour_probability` before the draw of η and ε: Φ((v̄ − k(armed force) + 0.8ρ) / √(σ_η² + σ_ε²))
//! = p. Floored at 0. This is how the historical honour rate calibrates ρ (docs/calibration.md).
double CalibratedRenegingCost(double honour_probability, const GameParameters& parameters);

//! The spread of ρ that the spread of the honour rate p implies, by the delta method:
//! sd(ρ) ≈ |dρ/dp|·sd(p) = √(σ_η² + σ_ε²) / (0.8·φ(Φ⁻¹(p)))·sd(p). 0 where ρ is floored at 0.
double CalibratedRenegingCostSd(double honour_probability, double honour_sd, const GameParameters& parameters);

//! One design: instruments (adjudicated as if in force) and the guarantors with forces in place.
struct GameDesign {
  std::string id;
  std::vector<const Instrument*> instruments;
  std::vector<std::string> forces_in_place;
};

//! A guarantor's commitment to act with one means, and the clause it comes from.
struct Commitment {
  std::string guarantor;
  Means means = Means::Diplomatic;
  double strength = 0.0;  //!< c(g, m) in [0, 1]: duty weight × binding × deadline × duration
  double deadline_factor = 1.0;
  double duration_factor = 1.0;
  const Instrument* instrument = nullptr;
  const Clause* clause = nullptr;
};

//! Step 1–2: the commitments the contemplated attack triggers (strongest per guarantor and means).
std::vector<Commitment> TriggeredCommitments(const GameDesign& design, const Incident& attack, const WorldState& world,
                                             const PartyTable& parties, const GameParameters& parameters);

//! The deadline and duration factors of step 2 (docs/guarantee-game.md).
double DeadlineFactor(const Deadline& deadline, const GameParameters& parameters);
double DurationFactor(const Instrument& instrument, const GameParameters& parameters);

struct SimulationOptions {
  int64_t draws = 20000;
  uint64_t seed = 20250817;
  int threads = 0;  //!< 0: all
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
};

//! Steps 3–7 by Monte Carlo. Deterministic for (seed, draws) whatever the thread count.
DesignOutcome SimulateDesign(const GameDesign& design, const std::vector<Commitment>& commitments, const Incident& attack,
                             const GameParameters& parameters, const PartyTable& parties, const SimulationOptions& options);

//! The expected loss E[L] the challenger faces given the guarantors' values, integrated over η and
//! ε (closed form, bivariate normal CDF or quadrature: docs/guarantee-game.md, "How E[L] is
//! computed"), with ρ, costs, effectivenesses and capabilities at their means. Exposed for tests.
double ExpectedLoss(const std::vector<Commitment>& commitments, const std::map<std::string, double>& values,
                    const Incident& attack, const GameParameters& parameters, const PartyTable& parties);

}  // namespace casus
