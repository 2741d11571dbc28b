// A guarantee design's position in the settlement negotiation: the ONE place that maps a design's
// clauses to the bargaining dimensions a design determines (docs/assess.md, "The mapping").
//   guarantee strength — from the strongest commitment the contemplated attack triggers: its kind
//     (consult / a duty to act that is political or lists no armed means / a legally binding duty
//     with armed force / membership of a collective-defence pact) picks the anchor of the scale
//     (25 / 50 / 75 / 100), and the game's deadline, duration and constitutional factors place it
//     between that anchor and the one below; a commitment the challenger can block counts as
//     consultations at most;
//   foreign forces — from the design's forces clauses placed in the beneficiary (their
//     contributors and domains) and the scenario's `forces` override.
// Dimensions that no design fact sets (territory, sanctions relief) stay where the negotiation
// puts them. Both functions return the value on 0–100 with the reason in words.
#pragma once

#include <string>
#include <vector>

#include "casus/bargain/scales.hpp"
#include "casus/core/party_table.hpp"
#include "casus/games/scenario.hpp"

namespace casus {

//! A design's value on one design axis, on 0–100, and why.
struct AxisPosition {
  DesignAxis axis = DesignAxis::GuaranteeStrength;
  double value = 0.0;
  std::string reason;
};

struct DesignPosition {
  std::string design;
  std::vector<AxisPosition> axes;       //!< one per DesignAxis, in enum order
  std::vector<std::string> guarantors;  //!< parties the design obliges or whose forces it places (sorted, unique)

  //! The value on `axis`.
  double On(DesignAxis axis) const;
};

//! The constitutional qualifier's weight in the game ("in accordance with constitutional
//! processes", docs/guarantee-game.md step 2), used as a factor within a tier.
inline constexpr double kConstitutionalQualifier = 0.75;

//! Guarantee strength on 0–100 from the triggered commitments (see the file comment).
AxisPosition GuaranteeStrengthOf(const PreparedDesign& prepared, const GuaranteeScenario& scenario);

//! Foreign forces in the beneficiary on 0–100 from the design's forces clauses and forces in place.
AxisPosition ForeignForcesOf(const PreparedDesign& prepared, const GuaranteeScenario& scenario, const PartyTable& parties);

//! Every axis, and the parties whose consent the design needs besides the challenger and the beneficiary.
DesignPosition PositionOfDesign(const PreparedDesign& prepared, const GuaranteeScenario& scenario, const PartyTable& parties);

}  // namespace casus
