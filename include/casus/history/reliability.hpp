// Alliance reliability: from the reliability cases (Berkemeier & Fuhrmann 2018 file), the share of
// alliance commitments honoured when the casus foederis arose — overall, by era and by obligation
// type — with counts and Wilson 95 % intervals, under one of three coding rules.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "casus/history/datasets.hpp"

namespace casus {

struct HonourRate {
  long honoured = 0;
  long violated = 0;
  double rate = 0.0;     //!< honoured / (honoured + violated); 0 when there are no cases
  double ci95_low = 0.0;  //!< Wilson score interval
  double ci95_high = 0.0;
};

struct ReliabilityTable {
  ReliabilityCoding coding = ReliabilityCoding::Llm;
  HonourRate overall;
  std::map<std::string, HonourRate> by_era;   //!< "1816-1944", "1945-2003"
  std::map<std::string, HonourRate> by_type;  //!< "defense", "offense", "neutral", "nonagg", "consul"
};

//! "llm" | "bf" | "sabrosky".
std::string_view CodingName(ReliabilityCoding coding);

//! The honour rate of counts, with its Wilson 95 % interval.
HonourRate MakeHonourRate(long honoured, long violated);

//! The table for one coding rule.
ReliabilityTable ComputeReliability(const std::vector<ReliabilityCase>& cases, ReliabilityCoding coding);

}  // namespace casus
