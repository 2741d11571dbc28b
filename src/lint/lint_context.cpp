#include "casus/lint/lint_context.hpp"

#include <algorithm>
#include <cassert>

#include <fmt/format.h>

namespace casus {

namespace {
bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}
}  // namespace

std::vector<std::pair<std::string, std::string>> LintContext::PlausibleAggressors(
    const std::vector<std::string>& protected_parties, bool security_council) const {
  std::vector<std::pair<std::string, std::string>> aggressors;
  auto add = [&aggressors](const std::string& party, std::string reason) {
    for (auto& [existing, reasons] : aggressors) {
      if (existing == party) {
        reasons += "; " + reason;
        return;
      }
    }
    aggressors.emplace_back(party, std::move(reason));
  };
  for (const auto& adversary : instrument_.parties.adversaries) {
    add(adversary, "named adversary");
  }
  for (const auto& clause : instrument_.clauses) {
    if (!IsRestraintKind(clause.kind)) {
      continue;
    }
    const bool protects_one = std::any_of(clause.protected_parties.begin(), clause.protected_parties.end(),
                                          [&](const std::string& party) { return Contains(protected_parties, party); });
    if (!protects_one) {
      continue;
    }
    for (const auto& party : clause.obligated) {
      if (!Contains(protected_parties, party)) {
        add(party, fmt::format("bound by {} ({})", ToString(clause.kind), clause.cite));
      }
    }
  }
  if (security_council) {
    for (const auto& member : parties_.SecurityCouncilPermanentMembers()) {
      if (!Contains(protected_parties, member)) {
        add(member, "a permanent member of the Security Council");
      }
    }
  }
  return aggressors;
}

std::vector<std::string> LintContext::ConsentNeeded(const Decision& decision) {
  switch (decision.rule) {
    case DecisionRule::Consensus:
    case DecisionRule::Unanimity:
    case DecisionRule::Single:
    case DecisionRule::SecurityCouncil:
      return decision.by;
    case DecisionRule::EachParty:
    case DecisionRule::Majority:
    case DecisionRule::TwoThirds:
      return {};
  }
  return {};
}

void LintContext::Report(std::string_view rule, const Clause* clause, const SourcePosition& position, std::string message) {
  const RuleInfo* info = FindRule(rule);
  assert(info != nullptr && "lint rule missing from the catalogue");
  findings_.push_back(Finding{std::string(rule), info->severity, clause ? clause->id : std::string(),
                              clause ? clause->cite : std::string(), position, std::move(message)});
}

std::string DescribeClause(const Clause& clause) { return fmt::format("clause '{}' ({})", clause.id, clause.cite); }

}  // namespace casus
