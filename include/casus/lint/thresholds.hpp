// Thresholds that a lint rule and the guarantee game share, so that the game discounts exactly
// what the rule flags (docs/guarantee-game.md, step 2).
#pragma once

namespace casus {

inline constexpr double kDaysPerYear = 365.2425;
//! short-duration: an instrument in force for less than this is short.
inline constexpr double kShortDurationYears = 20.0;
//! short-duration: a party that may leave on less notice than this can leave soon.
inline constexpr double kShortNoticeYears = 1.0;

}  // namespace casus
