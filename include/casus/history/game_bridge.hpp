// The one bridge between the backtest and the guarantee game (docs/backtest.md, "The game as a
// structural model"). It is a documented reduced form of the game for ATOP-imported alliances:
// an ATOP defence obligation is what `casus history import-atop` writes — a legally binding duty to
// assist with armed force, each party choosing, no deadline — so its commitment is the game's
// DutyWeight(assist) × binding × no-deadline factor × duration factor, and the expected loss a
// challenger faces is the game's step 5–6 term for armed force summed over the target's defenders:
//   E[L](ρ) = Σ_g cap_g · e(armed force) · Φ((v̄ − k(armed force) + ρ·c_g) / s),
//   s = √(sd(v)² + σ_η² + σ_ε²),
// with v̄, sd(v), σ_η, σ_ε, k, e, λ_d and λ_x read from the game's DefaultGameParameters(), cap_g the
// defender's CINC that year. (Instruments are not loaded: 1.8 M dyad-years × the game's adjudication
// would cost hours, and every ATOP import has the same clause shape, so the reduced form is exact for
// the facts ATOP codes.)
#pragma once

#include <vector>

#include "casus/history/backtest_data.hpp"
#include "casus/history/frame.hpp"

namespace casus {

//! The game's constants the structural model uses (from DefaultGameParameters()).
struct GameBridgeConstants {
  double value_mean = 0.0;
  double scale = 1.0;  //!< s = √(sd(v)² + σ_η² + σ_ε²)
  double cost_armed = 1.0;
  double effectiveness_armed = 10.0;
  double duty_assist = 0.8;  //!< DutyWeight(assist) × binding (legal, 1.0)
  double no_deadline_factor = 0.8;
  double short_exit_factor = 0.7;
};
const GameBridgeConstants& BridgeConstants();

//! c(g, armed force) for one ATOP member's defence obligation: 0.8 × 1.0 × λ_d × duration factor,
//! where a fixed term of T months gives λ_x + (1 − λ_x)·min(1, T / 240) and anything else 1.
double AtopDefenceCommitment(const AtopMemberTerms& terms);

//! E[L] per frame row at reneging cost ρ (and dE[L]/dρ when `derivative` is not null).
void ExpectedLossColumn(const DyadYearFrame& frame, double reneging_cost, std::vector<double>& loss, std::vector<double>* derivative = nullptr);

}  // namespace casus
