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

#include <cstdint>
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

//! E[L] of a set of frame rows with the target's defenders grouped by commitment value:
//!   E[L](ρ) = Σ_c w_c · Φ((v̄ − k + ρ·c) / s),  w_c = e(armed force) · Σ cap_g over the row's defenders with c_g = c.
//! The commitments take a few dozen distinct values across two centuries of ATOP obligations, so
//! Φ and φ are computed once per distinct value and ρ instead of once per defender per dyad-year
//! (docs/performance.md). The sum differs from the per-defender sum only by rounding (≤ 1e-15 relative).
class GroupedLoss {
 public:
  GroupedLoss(const DyadYearFrame& frame, const std::vector<size_t>& rows);
  size_t Rows() const { return offset_.size() - 1; }
  size_t Groups() const { return commitments_.size(); }
  //! Φ of each distinct commitment at ρ (and c·φ/s, the slope's factor, when `slope` is not null).
  void GroupTerms(double reneging_cost, std::vector<double>& cdf, std::vector<double>* slope = nullptr) const;
  //! E[L] of row i (the i-th of the constructor's rows) from GroupTerms' Φ.
  double Loss(size_t i, const std::vector<double>& cdf) const {
    double sum = 0.0;
    for (uint32_t entry = offset_[i]; entry < offset_[i + 1]; ++entry) sum += weight_[entry] * cdf[group_[entry]];
    return sum;
  }
  //! E[L] (and dE[L]/dρ when `derivative` is not null) of every row at ρ.
  void Evaluate(double reneging_cost, std::vector<double>& loss, std::vector<double>* derivative = nullptr) const;

 private:
  std::vector<double> commitments_;
  std::vector<uint32_t> offset_, group_;
  std::vector<double> weight_;
};

//! E[L] per frame row at reneging cost ρ (and dE[L]/dρ when `derivative` is not null).
void ExpectedLossColumn(const DyadYearFrame& frame, double reneging_cost, std::vector<double>& loss, std::vector<double>* derivative = nullptr);
//! The same, one defender at a time (the definition, for tests of GroupedLoss).
void ExpectedLossColumnPerDefender(const DyadYearFrame& frame, double reneging_cost, std::vector<double>& loss,
                                   std::vector<double>* derivative = nullptr);

}  // namespace casus
