#include "casus/lint/lint_instrument.hpp"

#include <algorithm>

#include "rules.hpp"

namespace casus {

namespace {
using RuleCheck = void (*)(LintContext&);

// Catalogue order; every name here is in RuleCatalogue() (tests check both ways).
constexpr std::pair<std::string_view, RuleCheck> kChecks[] = {
    {"aggressor-veto", rules::AggressorVeto},
    {"attribution-blockable", rules::AttributionBlockable},
    {"consult-only", rules::ConsultOnly},
    {"non-binding", rules::NonBinding},
    {"no-deadline", rules::NoDeadline},
    {"threshold-gap", rules::ThresholdGap},
    {"hybrid-gap", rules::HybridGap},
    {"geographic-gap", rules::GeographicGap},
    {"constitutional-escape", rules::ConstitutionalEscape},
    {"means-discretion", rules::MeansDiscretion},
    {"single-decider", rules::SingleDecider},
    {"activation-condition", rules::ActivationCondition},
    {"short-duration", rules::ShortDuration},
    {"no-forces-in-place", rules::NoForcesInPlace},
};

size_t CatalogueIndex(const std::string& rule) {
  const auto& catalogue = RuleCatalogue();
  for (size_t rule_idx = 0; rule_idx < catalogue.size(); ++rule_idx) {
    if (catalogue[rule_idx].name == rule) {
      return rule_idx;
    }
  }
  return catalogue.size();
}
}  // namespace

std::vector<Finding> LintInstrument(const Instrument& instrument, const PartyTable& parties) {
  LintContext context(instrument, parties);
  for (const auto& [name, check] : kChecks) {
    check(context);
  }
  std::vector<Finding> findings = context.TakeFindings();
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& left, const Finding& right) {
    if (left.position.line != right.position.line) {
      return left.position.line < right.position.line;
    }
    return CatalogueIndex(left.rule) < CatalogueIndex(right.rule);
  });
  return findings;
}

std::optional<Severity> HighestSeverity(const std::vector<Finding>& findings) {
  std::optional<Severity> highest;
  for (const auto& finding : findings) {
    if (!highest || finding.severity > *highest) {
      highest = finding.severity;
    }
  }
  return highest;
}

}  // namespace casus
