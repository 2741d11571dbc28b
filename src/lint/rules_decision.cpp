// Rules about who decides and who can block: aggressor-veto, attribution-blockable, single-decider.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules.hpp"

namespace casus::rules {

namespace {

// The plausible aggressors whose consent `decision` needs, as "RUS (reason)".
std::vector<std::string> Blockers(const LintContext& context, const Clause& clause, const Decision& decision) {
  const auto consent = BlockingParties(decision);
  const auto aggressors =
      context.PlausibleAggressors(clause.protected_parties, decision.rule == DecisionRule::SecurityCouncil);
  std::vector<std::string> blockers;
  for (const auto& [party, reason] : aggressors) {
    if (std::find(consent.begin(), consent.end(), party) != consent.end()) {
      blockers.push_back(fmt::format("{} ({})", party, reason));
    }
  }
  return blockers;
}

std::string DescribeRule(const Decision& decision) {
  if (decision.rule == DecisionRule::SecurityCouncil) {
    return "a UN Security Council decision";
  }
  return fmt::format("{} of {}", ToString(decision.rule), fmt::join(decision.by_written, ", "));
}

}  // namespace

void AggressorVeto(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (!IsResponseKind(clause.kind) || !clause.decision) {
      continue;
    }
    const auto blockers = Blockers(context, clause, *clause.decision);
    if (!blockers.empty()) {
      context.Report("aggressor-veto", &clause, clause.decision->position,
                     fmt::format("{}: the response needs {}, so it needs the consent of {}, a plausible aggressor "
                                 "against {}",
                                 DescribeClause(clause), DescribeRule(*clause.decision), fmt::join(blockers, ", "),
                                 fmt::join(clause.protected_parties, ", ")));
    }
  }
}

void AttributionBlockable(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (!IsResponseKind(clause.kind) || !clause.trigger || !clause.trigger->attribution) {
      continue;
    }
    const Decision& attribution = *clause.trigger->attribution;
    const auto blockers = Blockers(context, clause, attribution);
    if (!blockers.empty()) {
      context.Report("attribution-blockable", &clause, attribution.position,
                     fmt::format("{}: whether the attack happened is decided by {}{}, which {} can block",
                                 DescribeClause(clause), DescribeRule(attribution),
                                 attribution.body.empty() ? "" : fmt::format(" ({})", attribution.body),
                                 fmt::join(blockers, ", ")));
    }
  }
}

void SingleDecider(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (IsResponseKind(clause.kind) && clause.decision && clause.decision->rule == DecisionRule::Single) {
      context.Report("single-decider", &clause, clause.decision->position,
                     fmt::format("{}: the response rests on the decision of {} alone", DescribeClause(clause),
                                 clause.decision->by.front()));
    }
  }
}

}  // namespace casus::rules
