#include "casus/games/commitments.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "casus/engine/adjudicate.hpp"
#include "casus/lint/thresholds.hpp"

namespace casus {

namespace {

// Step 2's duty weights, one table (MODELS.md D.2; the act weight is discussed in
// docs/guarantee-game.md, "Differences").
double DutyWeight(const Duty& duty) {
  double weight = 0.0;
  switch (duty.strength) {
    case DutyStrength::AllMeans: weight = 1.0; break;
    case DutyStrength::Assist: weight = 0.8; break;
    case DutyStrength::Act: weight = 0.6; break;
    case DutyStrength::Consult: weight = 0.3; break;
    case DutyStrength::SeekUnAction: weight = 0.1; break;
    case DutyStrength::None: weight = 0.0; break;
  }
  return duty.constitutional ? 0.75 * weight : weight;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

double DeadlineFactor(const Deadline& deadline, const GameParameters& parameters) {
  const double floor = parameters.no_deadline_factor;
  switch (deadline.kind) {
    case DeadlineKind::Forthwith: return 1.0;
    case DeadlineKind::None: return floor;
    case DeadlineKind::Within: {
      const double scale = std::max(parameters.deadline_scale_days, 1e-9);
      return floor + (1.0 - floor) * std::exp(-deadline.within.NominalDays() / scale);
    }
  }
  return floor;
}

double DurationFactor(const Instrument& instrument, const GameParameters& parameters) {
  const double floor = parameters.short_exit_factor;
  double factor = 1.0;
  if (instrument.duration.kind == InstrumentDuration::Kind::Fixed) {
    const double years = instrument.duration.length.NominalDays() / kDaysPerYear;
    factor = std::min(factor, floor + (1.0 - floor) * std::min(1.0, years / kShortDurationYears));
  }
  if (instrument.exit && instrument.exit->notice) {
    const double years = instrument.exit->notice->NominalDays() / kDaysPerYear;
    factor = std::min(factor, floor + (1.0 - floor) * std::min(1.0, years / kShortNoticeYears));
  }
  return factor;
}

std::vector<Commitment> TriggeredCommitments(const GameDesign& design, const Incident& attack, const WorldState& world,
                                             const PartyTable& parties, const GameParameters& parameters) {
  std::vector<Commitment> commitments;
  for (const Instrument* instrument : design.instruments) {
    const double binding = instrument->binding == Binding::Legal ? 1.0 : 0.6;
    const double duration = DurationFactor(*instrument, parameters);
    for (const auto& clause : instrument->clauses) {
      if (!IsResponseKind(clause.kind) || !clause.duty || !clause.trigger) continue;
      if (DecideClause(*instrument, clause, attack, world, parties) != Condition::Triggered) continue;
      const double deadline = DeadlineFactor(clause.duty->deadline, parameters);
      const double strength = DutyWeight(*clause.duty) * binding * deadline * duration;
      std::vector<Means> means = clause.duty->means;
      if (means.empty()) means.push_back(Means::Diplomatic);  // consultations, UN action: diplomacy
      for (const auto& party : clause.obligated) {
        if (party == attack.by || party == attack.against) continue;
        for (const Means one : means) {
          auto existing = std::find_if(commitments.begin(), commitments.end(),
                                       [&](const Commitment& c) { return c.guarantor == party && c.means == one; });
          const Commitment commitment{party, one, strength, deadline, duration, instrument, &clause};
          if (existing == commitments.end()) {
            commitments.push_back(commitment);
          } else if (strength > existing->strength) {
            *existing = commitment;
          }
        }
      }
    }
  }
  std::sort(commitments.begin(), commitments.end(), [](const Commitment& left, const Commitment& right) {
    return std::tie(left.guarantor, left.means) < std::tie(right.guarantor, right.means);
  });
  return commitments;
}

bool StrikesForceArea(const ForceInPlace& force, const std::string& place, const PartyTable& parties) {
  return PlaceInForceAreas(force.areas, place, parties);
}

bool BlockedByChallenger(const Commitment& commitment, const std::string& challenger) {
  const Clause& clause = *commitment.clause;
  if (clause.trigger && clause.trigger->attribution && Contains(BlockingParties(*clause.trigger->attribution), challenger)) {
    return true;
  }
  return clause.decision && Contains(BlockingParties(*clause.decision), challenger);
}

std::vector<std::string> CoDeciders(const Commitment& commitment) {
  if (!commitment.clause->decision) return {};
  const Decision& decision = *commitment.clause->decision;
  switch (decision.rule) {
    case DecisionRule::Consensus:
    case DecisionRule::Unanimity:
    case DecisionRule::Single:
    case DecisionRule::Majority:
    case DecisionRule::TwoThirds: {
      std::vector<std::string> others;
      for (const auto& party : decision.by) {
        if (party != commitment.guarantor) others.push_back(party);
      }
      return others;
    }
    default: return {};
  }
}

size_t CoDeciderQuota(const Commitment& commitment, size_t co_deciders) {
  if (!commitment.clause->decision) return 0;
  const size_t members = co_deciders + 1;
  switch (commitment.clause->decision->rule) {
    case DecisionRule::Majority: return members / 2 + 1 - 1;
    case DecisionRule::TwoThirds: return static_cast<size_t>(std::ceil(2.0 * static_cast<double>(members) / 3.0)) - 1;
    default: return co_deciders;
  }
}

}  // namespace casus
