// Lint findings across the ATOP corpus: for each era, how many alliances, and the share of them
// that each rule fires on; and the logistic regression of violation on loopholes, joining each
// reliability case to its alliance's findings.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/history/atop_import.hpp"
#include "casus/history/datasets.hpp"
#include "casus/history/reliability.hpp"

namespace casus {

//! The rules each imported alliance fires, by atopid; with its begin year.
struct AtopFindings {
  long begin_year = 0;
  std::vector<std::string> rules;  //!< each rule once
};
//! Imports every record, loads the generated text as an instrument and lints it. Throws DataError
//! when an import does not load (a bug in the import: the test suite checks all 789 load).
std::map<long, AtopFindings> LintAtop(const std::vector<AtopRecord>& records, const PartyTable& parties);

struct EraLoopholes {
  std::string era;  //!< "1815-1913", "1914-1944", "1945-1989", "1990-2018"
  long alliances = 0;
  std::map<std::string, long> alliances_with_rule;
};
std::vector<EraLoopholes> TabulateLoopholes(const std::map<long, AtopFindings>& findings);

struct RegressionTerm {
  std::string name;
  double coefficient = 0.0;
  double standard_error = 0.0;
  double z = 0.0;
};
struct LogisticRegression {
  std::vector<RegressionTerm> terms;  //!< intercept first
  long n = 0;
  long events = 0;  //!< violations
  int iterations = 0;
  bool converged = false;
  std::vector<std::string> dropped;  //!< rules that cannot be estimated (no variation, or collinear), with why
  std::string note;
};
//! violated ~ intercept + early_era + one indicator per rule that varies among the cases and is not
//! collinear with the terms before it (rules in name order), fitted
//! by iteratively reweighted least squares (Eigen); cases whose alliance is not in `findings` are
//! dropped (and counted out of n).
LogisticRegression RegressViolationOnLoopholes(const std::vector<ReliabilityCase>& cases,
                                               const std::map<long, AtopFindings>& findings, ReliabilityCoding coding);

}  // namespace casus
