// Adjudication with its reasons: the verdicts, duties and decisions, in words that cite the clause.
#include "casus/engine/adjudicate.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/core/spelling.hpp"
#include "engine_internal.hpp"

namespace casus {

namespace {

Time StartOfDay(const Date& date) { return Time{std::chrono::sys_days{date}}; }

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string Place(const Incident& incident, const PartyTable& parties) {
  const std::string name = parties.SubdivisionName(incident.where);
  return name.empty() ? incident.where : fmt::format("{} ({})", incident.where, name);
}

// "a" or "an", for a kind spelt in kebab-case.
std::string_view Article(std::string_view word) {
  return !word.empty() && std::string_view("aeiou").find(word.front()) != std::string_view::npos ? "an" : "a";
}

std::string DescribeIncident(const Incident& incident, const PartyTable& parties) {
  return fmt::format("the {} by {} on {} at {}", ToString(incident.kind), incident.by, incident.against, Place(incident, parties));
}

std::string DescribeProtected(const Instrument& instrument, const Clause& clause) {
  if (!instrument.parties.members.empty() && clause.protected_parties == instrument.parties.members) {
    return fmt::format("the {} members", clause.protected_parties.size());
  }
  return fmt::format("{}", fmt::join(clause.protected_parties, ", "));
}

std::string Reason(Condition condition, const Instrument& instrument, const Clause& clause, const Incident& incident,
                   const WorldState& world, const PartyTable& parties) {
  const std::string cite = clause.cite;
  switch (condition) {
    case Condition::Triggered: {
      const Trigger& trigger = *clause.trigger;
      std::string reason = fmt::format("{} meets {}: events {}; threshold {}", DescribeIncident(incident, parties), cite,
                                       fmt::join(ToStrings(trigger.events), ", "), trigger.threshold.ToString());
      if (!trigger.area.empty()) reason += fmt::format("; inside area '{}'", trigger.area);
      for (const ActivationCondition activation : trigger.activation) {
        if (activation == ActivationCondition::CeasefireInForce) {
          reason += fmt::format("; ceasefire in force since {}", FormatTime(world.CeasefireFor(incident.against)->at));
        } else {
          reason += fmt::format("; settlement in force since {}", FormatTime(world.SettlementFor(incident.against)->at));
        }
      }
      if (std::find(trigger.events.begin(), trigger.events.end(), EventKind::CommitmentsQuestion) != trigger.events.end() &&
          AttackerBoundToRestraint(instrument, incident)) {
        reason += fmt::format("; {} is bound to restraint towards {} by this instrument, so the incident raises a question concerning its commitments",
                              incident.by, incident.against);
      }
      return reason;
    }
    case Condition::NotInForce: return "the instrument was not in force";
    case Condition::EventNotCovered:
      return fmt::format("{} {} does not trigger {} (events: {})", Article(ToString(incident.kind)), ToString(incident.kind), cite,
                         fmt::join(ToStrings(clause.trigger->events), ", "));
    case Condition::TargetNotProtected:
      return fmt::format("{} is not protected by {} (it protects {})", incident.against, cite, DescribeProtected(instrument, clause));
    case Condition::PlaceExcluded: {
      const Area* area = instrument.FindArea(clause.trigger->area);
      return fmt::format("{} is excluded from area '{}' ({}) of {}", Place(incident, parties), area->id, area->cite, cite);
    }
    case Condition::PlaceOutsideArea: {
      const Area* area = instrument.FindArea(clause.trigger->area);
      return fmt::format("{} is outside area '{}' ({}) of {}, which covers {}", Place(incident, parties), area->id, area->cite,
                         cite, fmt::join(area->covers, ", "));
    }
    case Condition::BelowScale:
      return fmt::format("{} {} {} is below the threshold of {} ({})", Article(ToString(*incident.scale)),
                         ToString(*incident.scale), ToString(incident.kind),
                         cite, clause.trigger->threshold.ToString());
    case Condition::NotDeliberate:
      return fmt::format("the {} was not deliberate; {} needs {}", ToString(incident.kind), cite, clause.trigger->threshold.ToString());
    case Condition::NotSustained:
      return fmt::format("the {} was not sustained; {} needs {}", ToString(incident.kind), cite, clause.trigger->threshold.ToString());
    case Condition::ThresholdUnknown:
      return fmt::format("the timeline does not say the incident's {}; {} needs {}",
                         !incident.scale ? "scale" : !incident.deliberate ? "deliberateness" : "sustainment", cite,
                         clause.trigger->threshold.ToString());
    case Condition::ActivationNotMet:
      return fmt::format("{} applies only once {} holds, and at {} it did not for {}", cite,
                         fmt::join(ToStrings(clause.trigger->activation), " and "), FormatTime(incident.at), incident.against);
    case Condition::Breached:
      return fmt::format("breached by {}: {} is what {} ({}) forbids", incident.by, DescribeIncident(incident, parties), cite,
                         ToString(clause.kind));
    case Condition::NotBreached:
      return fmt::format("not breached: {} is not bound by {} towards {}, or the incident is not a use or threat of force",
                         incident.by == kNonStateActor ? std::string("a non-state actor") : incident.by, cite, incident.against);
  }
  return "";
}

std::vector<std::string> Obligated(const Instrument& instrument, const Clause& clause, const Incident& incident,
                                   const WorldState& world) {
  std::vector<std::string> obligated;
  for (const auto& party : clause.obligated) {
    if (!instrument.parties.IsPartyOn(party, DateOf(incident.at))) continue;
    auto withdrawn = WithdrawalEffective(instrument, party, world);
    if (!withdrawn || *withdrawn > incident.at) obligated.push_back(party);
  }
  if (RoleBased(instrument, clause.obligated)) {
    for (const auto& protected_party : {incident.against}) {
      if (!Contains(obligated, protected_party) && world.AccessionOf(instrument.id, protected_party) != nullptr) {
        obligated.push_back(protected_party);
      }
    }
  }
  return obligated;
}

DecisionOutcome Outcome(const Decision& decision, const Incident& incident) {
  DecisionOutcome outcome;
  outcome.rule = decision.rule;
  outcome.body = decision.body;
  outcome.needs = BlockingParties(decision);
  outcome.veto_holders = outcome.needs;
  outcome.attacker_can_block = Contains(outcome.needs, incident.by);
  return outcome;
}

ClauseVerdict Verdict(const Instrument& instrument, const Clause& clause, const Incident& incident, const WorldState& world,
                      const PartyTable& parties) {
  ClauseVerdict verdict;
  verdict.clause = &clause;
  verdict.condition = DecideClause(instrument, clause, incident, world, parties);
  verdict.reason = Reason(verdict.condition, instrument, clause, incident, world, parties);
  if (!verdict.Triggered()) {
    return verdict;
  }
  const Duty& duty = *clause.duty;
  for (const auto& party : Obligated(instrument, clause, incident, world)) {
    if (duty.strength >= DutyStrength::Act && party == incident.against) {
      continue;  // the attacked party does not owe itself assistance
    }
    DutyOwed owed{party, duty.strength, duty.means, duty.deadline, std::nullopt};
    if (duty.deadline.kind == DeadlineKind::Within) owed.due = duty.deadline.within.AddTo(incident.at);
    verdict.duties.push_back(std::move(owed));
  }
  if (clause.trigger->attribution) {
    verdict.attribution = Outcome(*clause.trigger->attribution, incident);
  }
  if (clause.decision) {
    verdict.decision = Outcome(*clause.decision, incident);
    if (verdict.attribution) {  // whoever can block the finding can block the response
      for (const auto& party : verdict.attribution->needs) {
        if (!Contains(verdict.decision->veto_holders, party)) verdict.decision->veto_holders.push_back(party);
      }
      verdict.decision->attacker_can_block = verdict.decision->attacker_can_block || verdict.attribution->attacker_can_block;
    }
  }
  return verdict;
}

}  // namespace

InForceWindow InForceWindowOf(const Instrument& instrument, const AdjudicationOptions& options) {
  InForceWindow window;
  window.instrument = &instrument;
  const std::optional<Date> start = instrument.in_force_on ? instrument.in_force_on : instrument.signed_on;
  if (start) window.start = StartOfDay(*start);
  if (options.as_if_in_force) {
    window.always = InForce::AsIf;
  } else if (instrument.IsHypothetical()) {
    window.always = InForce::Hypothetical;
  } else if (instrument.status == Status::Signed) {
    window.always = InForce::SignedOnly;
  }
  if (instrument.ended_on) {
    window.end = StartOfDay(*instrument.ended_on);
  }
  if (start && instrument.duration.kind == InstrumentDuration::Kind::Fixed) {
    const Time expiry = instrument.duration.length.AddTo(StartOfDay(*start));
    if (!window.end || expiry < *window.end) {
      window.end = expiry;
      window.end_kind = InForce::Expired;
    }
  }
  return window;
}

InForce CheckInForce(const InForceWindow& window, Time time, const WorldState& world, std::optional<Time>* since) {
  auto decide = [since](InForce verdict, std::optional<Time> moment) {
    if (since != nullptr) *since = moment;
    return verdict;
  };
  if (window.always != InForce::Yes) return decide(window.always, window.start);
  if (window.start && time < *window.start) return decide(InForce::NotYet, window.start);
  if (window.end && time >= *window.end) return decide(window.end_kind, window.end);
  if (const StatusEvent* termination = world.TerminationOf(window.instrument->id);
      termination != nullptr && termination->at <= time) {
    return decide(InForce::Terminated, termination->at);
  }
  return decide(InForce::Yes, window.start);
}

InstrumentVerdict InstrumentInForce(const InForceWindow& window, Time time, const WorldState& world) {
  const Instrument& instrument = *window.instrument;
  InstrumentVerdict verdict;
  verdict.instrument = &instrument;
  std::optional<Time> since;
  const InForce in_force = CheckInForce(window, time, world, &since);
  verdict.hypothetical = in_force == InForce::AsIf || in_force == InForce::Hypothetical;
  verdict.in_force = in_force == InForce::Yes || verdict.hypothetical;
  const std::string day = since ? FormatTime(*since).substr(0, 10) : std::string();
  switch (in_force) {
    case InForce::Yes: verdict.in_force_reason = since ? "in force since " + day : "in force"; break;
    case InForce::AsIf: verdict.in_force_reason = "adjudicated as if in force at the time (--as-if-in-force)"; break;
    case InForce::Hypothetical:
      verdict.in_force_reason = fmt::format("a {}: adjudicated as if in force", ToString(instrument.status));
      break;
    case InForce::SignedOnly:
      verdict.in_force_reason = since ? fmt::format("signed on {} but not in force", day) : "signed but not in force";
      break;
    case InForce::NotYet: verdict.in_force_reason = "not yet in force: in force from " + day; break;
    case InForce::Ended:
      verdict.in_force_reason = fmt::format("no longer in force: {} on {}", ToString(instrument.status), day);
      break;
    case InForce::Expired:
      verdict.in_force_reason = fmt::format("no longer in force: expired on {} ({} from {})", FormatTime(*since),
                                            instrument.duration.ToString(),
                                            FormatDate(instrument.in_force_on ? *instrument.in_force_on : *instrument.signed_on));
      break;
    case InForce::Terminated:
      verdict.in_force_reason = fmt::format("no longer in force: terminated on {} (timeline line {})", FormatTime(*since),
                                            world.TerminationOf(instrument.id)->position.line);
      break;
  }
  return verdict;
}

void CheckTimelineReferences(const Timeline& timeline, const std::vector<Instrument>& instruments,
                             Diagnostics& diagnostics) {
  std::vector<std::string> ids;
  for (const auto& instrument : instruments) ids.push_back(instrument.id);
  for (const auto& status : timeline.statuses) {
    if (!status.instrument.empty() && !Contains(ids, status.instrument)) {
      diagnostics.Error(status.position,
                        fmt::format("the {} refers to instrument '{}', which is not among those adjudicated",
                                    ToString(status.kind), status.instrument),
                        ids.empty() ? std::string("name the instrument on the command line")
                                    : SuggestionHint(status.instrument, ids));
    }
  }
}

void Adjudicate(const Timeline& timeline, const std::vector<Instrument>& instruments, const PartyTable& parties,
                const AdjudicationOptions& options, const std::function<void(const IncidentVerdict&)>& on_incident) {
  WorldState world;
  std::vector<InForceWindow> windows;
  for (const auto& instrument : instruments) windows.push_back(InForceWindowOf(instrument, options));
  size_t next_status = 0;
  for (const auto& incident : timeline.incidents) {
    while (next_status < timeline.statuses.size() && timeline.statuses[next_status].at <= incident.at) {
      world.Apply(timeline.statuses[next_status++]);
    }
    IncidentVerdict verdict;
    verdict.incident = &incident;
    if (const StatusEvent* ceasefire = world.CeasefireFor(incident.against)) verdict.context.push_back(ceasefire);
    if (const StatusEvent* settlement = world.SettlementFor(incident.against)) verdict.context.push_back(settlement);
    for (const auto& window : windows) {
      const Instrument& instrument = *window.instrument;
      InstrumentVerdict instrument_verdict = InstrumentInForce(window, incident.at, world);
      for (const auto& clause : instrument.clauses) {
        if (!IsResponseKind(clause.kind) && !IsRestraintKind(clause.kind)) {
          continue;
        }
        if (!instrument_verdict.in_force) {
          instrument_verdict.clauses.push_back(
              ClauseVerdict{&clause, Condition::NotInForce, instrument_verdict.in_force_reason, {}, std::nullopt, std::nullopt});
          continue;
        }
        instrument_verdict.clauses.push_back(Verdict(instrument, clause, incident, world, parties));
      }
      verdict.instruments.push_back(std::move(instrument_verdict));
    }
    on_incident(verdict);
  }
}

}  // namespace casus
