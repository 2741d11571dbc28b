#include "casus/report/summary.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/lint/lint_context.hpp"
#include "casus/spec/in_words.hpp"

namespace casus {

namespace {
void AppendUnique(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}
}  // namespace

InstrumentSummary Summarize(const Instrument& instrument, std::vector<Finding> findings) {
  InstrumentSummary summary;
  summary.instrument = &instrument;
  summary.findings = std::move(findings);
  for (const auto& clause : instrument.clauses) {
    if (!IsResponseKind(clause.kind) || !clause.duty) {
      continue;
    }
    for (const Means means : clause.duty->means) {
      AppendUnique(summary.response_means, std::string(ToString(means)));
    }
    if (summary.primary == nullptr || clause.duty->strength > summary.primary->duty->strength) {
      summary.primary = &clause;
    }
  }
  if (summary.primary != nullptr) {
    summary.obligated = summary.primary->obligated;
    summary.protected_parties = summary.primary->protected_parties;
    if (summary.primary->decision) {
      for (const auto& party : BlockingParties(*summary.primary->decision)) AppendUnique(summary.veto_holders, party);
    }
    if (summary.primary->trigger && summary.primary->trigger->attribution) {
      for (const auto& party : BlockingParties(*summary.primary->trigger->attribution)) {
        AppendUnique(summary.veto_holders, party);
      }
    }
  }
  return summary;
}

std::string DescribeDecision(const Decision& decision) {
  std::string text;
  switch (decision.rule) {
    case DecisionRule::EachParty: text = "each party for itself"; break;
    case DecisionRule::SecurityCouncil: text = fmt::format("UN Security Council (veto: {})", fmt::join(decision.by, ", ")); break;
    case DecisionRule::Unstated: text = "not stated"; break;
    case DecisionRule::Single: text = fmt::format("single decider: {}", fmt::join(decision.by, ", ")); break;
    default: text = fmt::format("{} of {}", ToString(decision.rule), fmt::join(decision.by_written, ", ")); break;
  }
  if (!decision.body.empty()) {
    text += fmt::format(" ({})", decision.body);
  }
  return text;
}

std::string DescribeAttackers(const AttackerScope& attackers) {
  if (attackers.any_state) return "any state";
  if (attackers.non_party_state) return "any state other than a party";
  return attackers.states.empty() ? std::string("any") : fmt::format("{}", fmt::join(attackers.states, ", "));
}

std::string DescribeDurationAndExit(const Instrument& instrument) {
  std::string text = InWords(instrument.duration);
  if (instrument.exit) {
    const Exit& exit = *instrument.exit;
    if (exit.notice) {
      text += fmt::format("; exit on {} notice", InWords(*exit.notice));
      if (exit.not_before) text += fmt::format(" after {}", InWords(*exit.not_before));
    }
    if (exit.renewal != Renewal::Unstated) text += fmt::format("; renewal: {}", ToString(exit.renewal));
    if (!exit.ends_if.empty()) text += fmt::format("; ends if {}", fmt::join(exit.ends_if, " or "));
  }
  return text;
}

std::string DescribeFindingCounts(const std::vector<Finding>& findings) {
  size_t counts[3] = {0, 0, 0};
  for (const auto& finding : findings) ++counts[static_cast<size_t>(finding.severity)];
  std::vector<std::string> parts;
  auto part = [&parts](size_t count, std::string_view noun) {
    if (count > 0) parts.push_back(fmt::format("{} {}{}", count, noun, count == 1 ? "" : "s"));
  };
  part(counts[static_cast<size_t>(Severity::Error)], "error");
  part(counts[static_cast<size_t>(Severity::Warning)], "warning");
  part(counts[static_cast<size_t>(Severity::Note)], "note");
  return parts.empty() ? "none" : fmt::format("{}", fmt::join(parts, ", "));
}

std::vector<std::string> DescribeForces(const Instrument& instrument) {
  std::vector<std::string> forces;
  for (const auto& clause : instrument.clauses) {
    if (!clause.forces) continue;
    const Forces& f = *clause.forces;
    const std::string size = f.size.empty() ? "size not stated" : f.size;
    const std::string by = f.by.empty() ? std::string("forces of parties not named") : fmt::format("{}", fmt::join(f.by, ", "));
    forces.push_back(fmt::format("{} in {} ({})", by, fmt::join(f.where, ", "), size));
  }
  return forces;
}

}  // namespace casus
