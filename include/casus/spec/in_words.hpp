// Durations in words for text output ("72 hours", "10 years", "1 year 6 months"), as written:
// PT72H is "72 hours", not "3 days". JSON documents and CSV keep the ISO 8601 text (ToString).
#pragma once

#include <string>

#include "casus/core/duration.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! "72 hours", "30 days", "1 year 6 months"; "0 days" for a zero duration.
std::string InWords(const IsoDuration& duration);
//! "forthwith", "none", or the duration in words.
std::string InWords(const Deadline& deadline);
//! "indefinite", "unstated", or the length in words.
std::string InWords(const InstrumentDuration& duration);

}  // namespace casus
