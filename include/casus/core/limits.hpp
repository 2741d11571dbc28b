// The limits table: every size, depth, count and draw number casus accepts, in one place, so that a
// mistaken input (a data dump given as an instrument, draws = 10¹⁰, a.a.a.… forty thousand deep)
// is refused with a located error before any work starts. docs/reliability.md lists them; raise
// one here and everything that checks it follows.
#pragma once

#include <cstddef>
#include <cstdint>

namespace casus {

//! Largest text file read (instrument, timeline, scenario, sweep, KTAB CSV): 4 MiB.
inline constexpr size_t kMaxTextFileBytes = 4 * 1024 * 1024;
//! Most parts of one dotted TOML key or table header (`a.b.c` has 3). Checked by a scan of the
//! text before toml++ parses it: toml++ builds one nested table per part, recursively.
inline constexpr int kMaxTomlKeyParts = 16;
//! Most arrays and inline tables open at once in a TOML file (toml++ itself stops at 256).
inline constexpr int kMaxTomlNesting = 32;
//! Longest ISO 8601 duration, in years (nominal): a treaty "for 10 000 years" is already a typo.
inline constexpr int64_t kMaxDurationYears = 10'000;
//! Largest magnitude of a game parameter (a cost, a value, a standard deviation, in the game's
//! units of about 1): 1e308 is finite, but the model's arithmetic overflows on it (issue 10).
inline constexpr double kMaxParameterMagnitude = 1e6;
//! Most Monte Carlo draws per design in one simulation or one sweep run.
inline constexpr int64_t kMaxDraws = 100'000'000;
//! Most replications of each point of a sweep.
inline constexpr int64_t kMaxReplications = 100'000;
//! Most runs of a sweep (its grid × replications): a sweep's runs are kept in memory and in SQLite.
inline constexpr int64_t kMaxSweepRuns = 1'000'000;

}  // namespace casus
