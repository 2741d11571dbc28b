// Rules about what is owed: consult-only, no-deadline, constitutional-escape, means-discretion.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules.hpp"

namespace casus::rules {

void ConsultOnly(LintContext& context) {
  const Instrument& instrument = context.GetInstrument();
  const Clause* strongest = nullptr;
  for (const auto& clause : instrument.clauses) {
    if (IsResponseKind(clause.kind) && clause.duty &&
        (strongest == nullptr || clause.duty->strength > strongest->duty->strength)) {
      strongest = &clause;
    }
  }
  if (strongest == nullptr) {
    context.Report("consult-only", nullptr, instrument.position,
                   "no clause obliges any party to respond to an attack (no response clause with a duty)");
    return;
  }
  if (strongest->duty->strength <= DutyStrength::Consult) {
    context.Report("consult-only", strongest, strongest->duty->position,
                   fmt::format("the strongest duty towards {} is to {} ({}); no clause obliges anyone to assist",
                               fmt::join(strongest->protected_parties, ", "), DutyVerb(strongest->duty->strength),
                               strongest->cite));
  }
}

void NoDeadline(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (IsResponseKind(clause.kind) && clause.duty && clause.duty->strength != DutyStrength::None &&
        clause.duty->deadline.kind == DeadlineKind::None) {
      context.Report("no-deadline", &clause, clause.duty->position,
                     fmt::format("{}: the duty to {} has no time bound", DescribeClause(clause),
                                 DutyVerb(clause.duty->strength)));
    }
  }
}

void ConstitutionalEscape(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (clause.duty && clause.duty->constitutional && clause.duty->strength != DutyStrength::None) {
      context.Report("constitutional-escape", &clause, clause.duty->position,
                     fmt::format("{}: the duty to {} is subject to each party's constitutional processes or laws",
                                 DescribeClause(clause), DutyVerb(clause.duty->strength)));
    }
  }
}

void MeansDiscretion(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (IsResponseKind(clause.kind) && clause.duty && clause.duty->strength >= DutyStrength::Act &&
        clause.duty->means_choice == MeansChoice::EachParty) {
      context.Report("means-discretion", &clause, clause.duty->position,
                     fmt::format("{}: each party chooses its means{}", DescribeClause(clause),
                                 clause.duty->means.empty()
                                     ? std::string()
                                     : fmt::format(" among: {}", fmt::join(ToStrings(clause.duty->means), ", "))));
    }
  }
}

}  // namespace casus::rules
