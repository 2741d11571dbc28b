// The guarantee game's parameters (docs/guarantee-game.md, "Defaults"): distributions of the
// challenger's gain and war cost, the guarantors' values, the shocks, the reneging cost and its
// calibration on the historical honour rate, the deadline and duration factors, and the cost,
// effectiveness and capability per means and party.
#pragma once

#include <map>
#include <string>

#include "casus/spec/enums.hpp"

namespace casus {

//! A normal distribution N(mean, sd), sd ≥ 0 (sd = 0: a fixed value).
struct Normal {
  double mean = 0.0;
  double sd = 0.0;
};

//! What a party can bring to bear (docs/guarantee-game.md, "Reach"): shares of the world total in
//! the latest NMC year, its capital's distance from the theatre and whether it holds nuclear
//! weapons at the attack's date. Filled from data/ by the scenario reader (ReadWorldPower).
struct PartyPower {
  double military = 0.0;    //!< (milex share + milper share) / 2
  double economic = 0.0;    //!< (irst share + pec share) / 2; an organisation: the sum of its members'
  double personnel = 0.0;   //!< milper, thousands (a force's share of its state's military weight)
  double distance_km = 0.0; //!< great-circle distance, capital to the theatre (the beneficiary's capital)
  bool nuclear = false;
  bool organisation = false;  //!< acts with its members' economic weight; no army of its own
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

  // --- Reach, nuclear weapons, the local balance, forces, guarantors (docs/guarantee-game.md) ---
  //! Per party. Empty (unit tests, old callers): every means draws on `capability`, at no distance.
  std::map<std::string, PartyPower> power;
  //! Boulding's loss-of-strength gradient, g(d) = 1 / (1 + d / d½), on military means.
  double reach_half_distance_km = 5000.0;
  //! A nuclear guarantor that fights (armed force, air protection) adds p·D to the challenger's loss.
  double nuclear_escalation_probability = 0.1;
  double nuclear_escalation_loss = 10.0;
  //! A nuclear challenger multiplies every guarantor's cost of combat means by 1 + this.
  double nuclear_cost_markup = 0.5;
  //! The defender's own army: its military weight × this (a scenario can state a stronger or weaker one).
  double defender_strength = 1.0;
  //! Forces in place: φ·min(1, troops / reference) on a guarantor's combat means when the attack
  //! falls elsewhere; the tripwire bonus when it falls in the force's area.
  double forces_reference_troops = 10000.0;
  double tripwire_bonus = 2.0;
  //! Free riding (Olson & Zeckhauser 1966): a guarantor's value falls by λ × the others' share of
  //! the design's reach.
  double free_riding = 0.2;
  //! Per-guarantor overrides of v_g's distribution and of the mean reneging cost ρ_g.
  std::map<std::string, Normal> guarantor_values;
  std::map<std::string, double> guarantor_reneging_cost;
};

//! Military means draw on military capability and lose strength with distance; the others on
//! economic weight (diplomatic: the mean of both), at any distance.
bool IsMilitaryMeans(Means means);
//! The means a nuclear guarantor's escalation and a nuclear challenger's markup apply to.
bool IsCombatMeans(Means means);
//! Boulding's gradient g(d) = 1 / (1 + d / d½).
double LossOfStrengthGradient(double distance_km, const GameParameters& parameters);

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

//! The nuclear markup μ that makes a guarantor's willingness index fall, against a nuclear-armed
//! challenger, by as much as the honour rate of defence pacts falls from `honour_non_nuclear` to
//! `honour_nuclear`: μ = max(0, √(σ_η² + σ_ε²)·(Φ⁻¹(p_non) − Φ⁻¹(p_nuc)) / k(armed force))
//! (docs/calibration.md, "Against a nuclear-armed opponent").
double CalibratedNuclearMarkup(double honour_non_nuclear, double honour_nuclear, const GameParameters& parameters);

}  // namespace casus
