// Rules about what sets a guarantee off: threshold-gap, hybrid-gap, geographic-gap, activation-condition.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "rules.hpp"

namespace casus::rules {

namespace {

bool IsAttackEvent(EventKind kind) {
  return kind == EventKind::ArmedAttack || kind == EventKind::Aggression || kind == EventKind::NuclearAttack;
}

}  // namespace

void ThresholdGap(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (!IsResponseKind(clause.kind) || !clause.trigger || clause.trigger->threshold.IsAny()) {
      continue;
    }
    context.Report("threshold-gap", &clause, clause.trigger->position,
                   fmt::format("{}: only an attack that is {} triggers it; lesser attacks fall below the threshold",
                               DescribeClause(clause), clause.trigger->threshold.ToString()));
  }
}

void HybridGap(LintContext& context) {
  const Instrument& instrument = context.GetInstrument();
  const Clause* strongest = nullptr;         // strongest response clause overall
  const Clause* strongest_hybrid = nullptr;  // strongest one a hybrid or cyber attack triggers
  auto stronger = [](const Clause& clause, const Clause* than) {
    return than == nullptr || clause.duty->strength > than->duty->strength;
  };
  for (const auto& clause : instrument.clauses) {
    if (!IsResponseKind(clause.kind) || !clause.trigger || !clause.duty) {
      continue;
    }
    if (stronger(clause, strongest)) strongest = &clause;
    const auto& events = clause.trigger->events;
    const bool hybrid = std::any_of(events.begin(), events.end(), [](EventKind event) {
      return event == EventKind::HybridAttack || event == EventKind::CyberAttack;
    });
    if (hybrid && stronger(clause, strongest_hybrid)) strongest_hybrid = &clause;
  }
  if (strongest == nullptr) {
    return;
  }
  if (strongest_hybrid == nullptr) {
    context.Report("hybrid-gap", nullptr, instrument.position,
                   "no clause is triggered by a hybrid or cyber attack (events hybrid-attack, cyber-attack)");
  } else if (strongest_hybrid->duty->strength < strongest->duty->strength) {
    context.Report("hybrid-gap", strongest, strongest->trigger->position,
                   fmt::format("a hybrid or cyber attack triggers at most the duty to {} ({}), not the duty to {} of {}",
                               DutyVerb(strongest_hybrid->duty->strength), strongest_hybrid->cite,
                               DutyVerb(strongest->duty->strength), DescribeClause(*strongest)));
  }
}

void GeographicGap(LintContext& context) {
  const Instrument& instrument = context.GetInstrument();
  const PartyTable& table = context.GetParties();
  for (const auto& clause : instrument.clauses) {
    if (!IsResponseKind(clause.kind) || !clause.trigger || clause.trigger->area.empty()) {
      continue;
    }
    if (!std::any_of(clause.trigger->events.begin(), clause.trigger->events.end(), IsAttackEvent)) {
      continue;
    }
    const Area* area = instrument.FindArea(clause.trigger->area);
    if (area == nullptr) {
      continue;
    }
    auto is_protected = [&](const std::string& party_id) {
      return std::find(clause.protected_parties.begin(), clause.protected_parties.end(), party_id) !=
             clause.protected_parties.end();
    };
    std::vector<std::string> gaps;
    for (const auto& code : area->excludes) {
      const PartyInfo* country = code.find('-') != std::string::npos ? table.SubdivisionCountry(code) : table.Resolve(code);
      if (country != nullptr && is_protected(country->id)) {
        const std::string name = table.SubdivisionName(code);
        gaps.push_back(name.empty() ? code : fmt::format("{} {}", code, name));
      }
    }
    if (!area->covers_protected_territory) {
      for (const auto& party : clause.protected_parties) {
        const bool covered = std::any_of(area->covers.begin(), area->covers.end(), [&](const std::string& code) {
          return code == party;
        });
        if (!covered) {
          gaps.push_back(fmt::format("{} (only {} covered)", party, fmt::join(area->covers, ", ")));
        }
      }
    }
    if (!gaps.empty()) {
      context.Report("geographic-gap", &clause, clause.trigger->position,
                     fmt::format("{}: attacks on {} do not trigger it (area '{}', {})", DescribeClause(clause),
                                 fmt::join(gaps, ", "), area->id, area->cite));
    }
  }
}

void ActivationCondition(LintContext& context) {
  for (const auto& clause : context.GetInstrument().clauses) {
    if (IsResponseKind(clause.kind) && clause.trigger && !clause.trigger->activation.empty()) {
      context.Report("activation-condition", &clause, clause.trigger->position,
                     fmt::format("{}: applies only once {} holds", DescribeClause(clause),
                                 fmt::join(ToStrings(clause.trigger->activation), " and ")));
    }
  }
}

}  // namespace casus::rules
