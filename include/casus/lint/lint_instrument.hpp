// Instrument → loophole findings, by the rules of the catalogue (finding.hpp). Rules judge the
// encoded facts only (parties, triggers, duties, decisions, dates), never ids or titles.
#pragma once

#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/lint/finding.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! Every finding for one instrument, ordered by line then by catalogue order.
std::vector<Finding> LintInstrument(const Instrument& instrument, const PartyTable& parties);

//! The highest severity among findings, nullopt when there are none.
std::optional<Severity> HighestSeverity(const std::vector<Finding>& findings);

}  // namespace casus
