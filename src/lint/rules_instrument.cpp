// Rules about the instrument as a whole: non-binding, short-duration, no-forces-in-place.
#include <algorithm>

#include <fmt/format.h>

#include "casus/lint/thresholds.hpp"
#include "casus/spec/in_words.hpp"
#include "rules.hpp"

namespace casus::rules {

namespace {
std::string FormNoun(Form form) {
  std::string noun(ToString(form));
  std::replace(noun.begin(), noun.end(), '-', ' ');
  return noun;
}
}  // namespace

void NonBinding(LintContext& context) {
  const Instrument& instrument = context.GetInstrument();
  if (instrument.binding == Binding::Political) {
    context.Report("non-binding", nullptr, instrument.binding_position,
                   fmt::format("this {} is a political commitment, not legally binding", FormNoun(instrument.form)));
  }
}

void ShortDuration(LintContext& context) {
  const Instrument& instrument = context.GetInstrument();
  const auto& duration = instrument.duration;
  if (duration.kind == InstrumentDuration::Kind::Fixed &&
      duration.length.NominalDays() < kShortDurationYears * kDaysPerYear) {
    context.Report("short-duration", nullptr, duration.position,
                   fmt::format("in force for {} only, under {} years", InWords(duration), kShortDurationYears));
  }
  if (instrument.exit && instrument.exit->notice &&
      instrument.exit->notice->NominalDays() < kShortNoticeYears * kDaysPerYear) {
    context.Report("short-duration", nullptr, instrument.exit->position,
                   fmt::format("a party may leave or end it on {} notice ({}), under one year",
                               InWords(*instrument.exit->notice), instrument.exit->cite));
  }
}

void NoForcesInPlace(LintContext& context) {
  const Instrument& instrument = context.GetInstrument();
  const auto& beneficiaries = instrument.parties.beneficiaries;
  if (beneficiaries.empty()) {
    return;  // mutual pacts: each member's own forces are in place
  }
  const PartyTable& table = context.GetParties();
  for (const auto& clause : instrument.clauses) {
    if (clause.kind != ClauseKind::ReassuranceForce || !clause.forces) {
      continue;
    }
    const bool by_guarantor = std::any_of(clause.forces->by.begin(), clause.forces->by.end(), [&](const std::string& party) {
      return std::find(instrument.parties.guarantors.begin(), instrument.parties.guarantors.end(), party) !=
             instrument.parties.guarantors.end();
    });
    const bool in_beneficiary = std::any_of(clause.forces->where.begin(), clause.forces->where.end(), [&](const std::string& code) {
      const PartyInfo* place = code.find('-') != std::string::npos ? table.SubdivisionCountry(code) : table.Resolve(code);
      return place != nullptr &&
             std::find(beneficiaries.begin(), beneficiaries.end(), place->id) != beneficiaries.end();
    });
    if (by_guarantor && in_beneficiary) {
      return;
    }
  }
  context.Report("no-forces-in-place", nullptr, instrument.position,
                 "no clause places guarantor forces in or near the protected party (no reassurance-force clause)");
}

}  // namespace casus::rules
