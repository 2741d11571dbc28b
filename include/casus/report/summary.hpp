// Instrument + findings → the facts a reader compares across instruments: who guarantees whom,
// the strongest response clause's trigger, duty, decision, who can block it, binding, duration, exit.
#pragma once

#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/lint/finding.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

struct InstrumentSummary {
  const Instrument* instrument = nullptr;
  std::vector<std::string> obligated;           //!< who owes the strongest response
  std::vector<std::string> protected_parties;   //!< whom it protects
  const Clause* primary = nullptr;              //!< strongest response clause (first among equals); may be null
  std::vector<std::string> veto_holders;        //!< each of whom can block the primary response or its attribution
  std::vector<std::string> response_means;      //!< means across all response clauses, in order of first mention
  std::vector<Finding> findings;
};

//! The summary of one instrument; `findings` are its lint findings (LintInstrument).
InstrumentSummary Summarize(const Instrument& instrument, std::vector<Finding> findings);

//! "consensus of guarantors", "single: USA", "security-council (CHN, FRA, GBR, RUS, USA)", "each-party".
std::string DescribeDecision(const Decision& decision);
//! Which attackers a trigger answers: "any", "RUS", "any state", "any state other than a party".
std::string DescribeAttackers(const AttackerScope& attackers);
//! "P10Y; exit: P6M notice (para 21)" etc.
std::string DescribeDurationAndExit(const Instrument& instrument);
//! "2 errors, 3 warnings, 1 note" or "none".
std::string DescribeFindingCounts(const std::vector<Finding>& findings);
//! The forces clauses, one entry each: "FRA, GBR in UKR (size not stated)", "forces of parties not named in
//! POL (…)" when the clause names no one; empty when there are none.
std::vector<std::string> DescribeForces(const Instrument& instrument);

}  // namespace casus
