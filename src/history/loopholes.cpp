#include "casus/history/loopholes.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>
#include <fmt/format.h>

#include "casus/lint/lint_instrument.hpp"
#include "casus/spec/load_instrument.hpp"

namespace casus {

std::map<long, AtopFindings> LintAtop(const std::vector<AtopRecord>& records, const PartyTable& parties) {
  std::map<long, AtopFindings> findings;
  for (const auto& record : records) {
    const std::string text = AtopInstrumentToml(record, parties);
    Diagnostics diagnostics;
    const auto instrument = LoadInstrumentText(text, AtopInstrumentId(record.alliance.atopid) + ".toml", parties, diagnostics);
    if (!instrument) {
      throw DataError(fmt::format("the import of ATOP alliance {} does not load: {}", record.alliance.atopid,
                                  diagnostics.All().empty() ? "" : FormatDiagnostic(diagnostics.All().front())));
    }
    AtopFindings& entry = findings[record.alliance.atopid];
    entry.begin_year = record.alliance.begin.year.value_or(0);
    for (const auto& finding : LintInstrument(*instrument, parties)) {
      if (std::find(entry.rules.begin(), entry.rules.end(), finding.rule) == entry.rules.end()) entry.rules.push_back(finding.rule);
    }
  }
  return findings;
}

std::vector<EraLoopholes> TabulateLoopholes(const std::map<long, AtopFindings>& findings) {
  std::vector<EraLoopholes> eras = {{"1815-1913", 0, {}}, {"1914-1944", 0, {}}, {"1945-1989", 0, {}}, {"1990-2018", 0, {}}};
  for (const auto& [atopid, entry] : findings) {
    const size_t era_idx = entry.begin_year < 1914 ? 0 : entry.begin_year < 1945 ? 1 : entry.begin_year < 1990 ? 2 : 3;
    eras[era_idx].alliances += 1;
    for (const auto& rule : entry.rules) eras[era_idx].alliances_with_rule[rule] += 1;
  }
  return eras;
}

LogisticRegression RegressViolationOnLoopholes(const std::vector<ReliabilityCase>& cases,
                                               const std::map<long, AtopFindings>& findings, ReliabilityCoding coding) {
  LogisticRegression regression;
  struct Row {
    bool violated;
    bool early;
    std::vector<std::string> rules;
  };
  std::vector<Row> rows;
  for (const auto& reliability_case : cases) {
    const std::optional<bool>& honoured = coding == ReliabilityCoding::Llm  ? reliability_case.honoured_llm
                                          : coding == ReliabilityCoding::Bf ? reliability_case.honoured_bf
                                                                            : reliability_case.honoured_sabrosky;
    const auto alliance = findings.find(reliability_case.atopid);
    if (!honoured || alliance == findings.end()) continue;
    rows.push_back(Row{!*honoured, reliability_case.early_sample, alliance->second.rules});
  }
  // The candidate regressors: every rule that fires on some of the cases' alliances and not all.
  std::map<std::string, long> rule_count;
  for (const auto& row : rows) {
    for (const auto& rule : row.rules) rule_count[rule] += 1;
  }
  const Eigen::Index n = static_cast<Eigen::Index>(rows.size());
  auto indicator = [&rows, n](const std::string& rule) {
    Eigen::VectorXd column(n);
    for (Eigen::Index row_idx = 0; row_idx < n; ++row_idx) {
      const auto& rules = rows[static_cast<size_t>(row_idx)].rules;
      column(row_idx) = std::find(rules.begin(), rules.end(), rule) != rules.end() ? 1.0 : 0.0;
    }
    return column;
  };
  // Keep a rule only if it varies and is not a linear combination of the columns kept before it
  // (several rules fire on exactly the same alliances: their effects cannot be told apart).
  std::vector<std::string> regressors;
  Eigen::MatrixXd kept(n, 2);
  for (Eigen::Index row_idx = 0; row_idx < n; ++row_idx) {
    kept(row_idx, 0) = 1.0;
    kept(row_idx, 1) = rows[static_cast<size_t>(row_idx)].early ? 1.0 : 0.0;
  }
  for (const auto& [rule, count] : rule_count) {
    if (count == 0 || count == static_cast<long>(rows.size())) {
      regression.dropped.push_back(rule + " (no variation)");
      continue;
    }
    Eigen::MatrixXd candidate(n, kept.cols() + 1);
    candidate << kept, indicator(rule);
    Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(candidate);
    qr.setThreshold(1e-9);
    if (qr.rank() < candidate.cols()) {
      regression.dropped.push_back(rule + " (collinear with the terms before it)");
      continue;
    }
    kept = std::move(candidate);
    regressors.push_back(rule);
  }
  const Eigen::Index k = static_cast<Eigen::Index>(regressors.size()) + 2;
  const Eigen::MatrixXd& x = kept;
  Eigen::VectorXd y(n);
  for (Eigen::Index row_idx = 0; row_idx < n; ++row_idx) y(row_idx) = rows[static_cast<size_t>(row_idx)].violated ? 1.0 : 0.0;
  regression.n = n;
  regression.events = static_cast<long>(y.sum());
  Eigen::VectorXd beta = Eigen::VectorXd::Zero(k);
  Eigen::MatrixXd information(k, k);
  for (int iteration = 1; iteration <= 50; ++iteration) {
    const Eigen::VectorXd eta = x * beta;
    const Eigen::VectorXd mu = eta.unaryExpr([](double value) { return 1.0 / (1.0 + std::exp(-value)); });
    const Eigen::VectorXd weights = mu.unaryExpr([](double p) { return std::max(p * (1.0 - p), 1e-12); });
    information = x.transpose() * weights.asDiagonal() * x;
    const Eigen::VectorXd gradient = x.transpose() * (y - mu);
    const Eigen::VectorXd step = information.ldlt().solve(gradient);
    beta += step;
    regression.iterations = iteration;
    if (step.cwiseAbs().maxCoeff() < 1e-10) {
      regression.converged = true;
      break;
    }
  }
  const Eigen::MatrixXd covariance = information.ldlt().solve(Eigen::MatrixXd::Identity(k, k));
  std::vector<std::string> names = {"intercept", "era 1816-1944"};
  names.insert(names.end(), regressors.begin(), regressors.end());
  for (Eigen::Index term_idx = 0; term_idx < k; ++term_idx) {
    const double se = std::sqrt(std::max(0.0, covariance(term_idx, term_idx)));
    regression.terms.push_back(RegressionTerm{names[static_cast<size_t>(term_idx)], beta(term_idx), se,
                                              se > 0.0 ? beta(term_idx) / se : 0.0});
  }
  const bool separated = std::any_of(regression.terms.begin(), regression.terms.end(),
                                     [](const RegressionTerm& term) { return std::abs(term.coefficient) > 15.0; });
  if (!regression.converged) regression.note = "did not converge in 50 iterations";
  else if (separated) regression.note = "a coefficient beyond ±15: (quasi-)separation, read its standard error as unbounded";
  return regression;
}

}  // namespace casus
