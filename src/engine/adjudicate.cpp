// Adjudication with its reasons: the verdicts, duties and decisions, in words that cite the clause.
#include "casus/engine/adjudicate.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/core/spelling.hpp"
#include "casus/spec/in_words.hpp"
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
  if (incident.kind == IncidentKind::Stationing) {
    return fmt::format("the stationing of {}'s forces in {} at {}", incident.by, incident.against, Place(incident, parties));
  }
  return fmt::format("the {} by {} on {} at {}", ToString(incident.kind), incident.by, incident.against, Place(incident, parties));
}

std::string DescribeProtected(const Instrument& instrument, const Clause& clause) {
  if (!instrument.parties.members.empty() && clause.protected_parties == instrument.parties.members) {
    return fmt::format("the {} members", clause.protected_parties.size());
  }
  return fmt::format("{}", fmt::join(clause.protected_parties, ", "));
}

std::string DescribeEarlier(const Incident& earlier) {
  return fmt::format("'{}' of {}", earlier.id, FormatTime(earlier.at).substr(0, 10));
}

std::string Reason(Condition condition, const Instrument& instrument, const Clause& clause, const Incident& incident,
                   const WorldState& world, const PartyTable& parties, const IncidentAssessment& assessment, Doctrine doctrine) {
  const std::string cite = clause.cite;
  const std::string attacker = assessment.attacker == kNonStateActor ? std::string("a non-state actor") : assessment.attacker;
  switch (condition) {
    case Condition::Triggered: {
      const Trigger& trigger = *clause.trigger;
      std::string reason = fmt::format("{} meets {}: events {}; threshold {}", DescribeIncident(incident, parties), cite,
                                       fmt::join(ToStrings(trigger.events), ", "), trigger.threshold.ToString());
      if (NeedsArmedAttack(trigger, instrument, incident)) {
        if (doctrine == Doctrine::Us) {
          reason += "; an armed attack whatever its gravity (--doctrine us)";
        } else if (!assessment.accumulated.empty()) {
          std::vector<std::string> ids;
          for (const Incident* together : assessment.accumulated) ids.push_back(together->id);
          reason += fmt::format("; limited, but {} deliberate incidents within the window taken together ({}) reach the gravity of an armed attack (accumulation: Oil Platforms §64)",
                                ids.size(), fmt::join(ids, ", "));
        } else {
          reason += fmt::format("; {} reaches the gravity of an armed attack (Nicaragua §191)", ToString(*assessment.scale));
        }
        if (incident.kind == IncidentKind::CyberAttack || incident.kind == IncidentKind::HybridAttack) {
          reason += fmt::format("; a {} whose effects ({}) are those of an armed attack, whatever the weapon (Nuclear Weapons opinion §39)",
                                ToString(incident.kind), ToString(*incident.effects));
        }
      }
      if (!trigger.area.empty()) reason += fmt::format("; inside area '{}'", trigger.area);
      if (incident.target != Target::Territory) {
        reason += fmt::format("; the target is {}'s {} at {}", incident.against, ToString(incident.target), incident.where);
      }
      for (const ActivationCondition activation : trigger.activation) {
        if (activation == ActivationCondition::CeasefireInForce) {
          reason += fmt::format("; ceasefire in force since {}", FormatTime(world.CeasefireFor(incident.against)->at));
        } else if (activation == ActivationCondition::SettlementInForce) {
          reason += fmt::format("; settlement in force since {}", FormatTime(world.SettlementFor(incident.against)->at));
        } else if (activation == ActivationCondition::CeasefireEntered) {
          reason += fmt::format("; activated once and for all by the ceasefire that entered into force on {}",
                                FormatTime(world.FirstCeasefireFor(incident.against)->at));
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
    case Condition::EventNotCovered: {
      std::string reason = fmt::format("{} {} does not trigger {} (events: {})", Article(ToString(incident.kind)),
                                       ToString(incident.kind), cite, fmt::join(ToStrings(clause.trigger->events), ", "));
      const auto& events = clause.trigger->events;
      if ((incident.kind == IncidentKind::CyberAttack || incident.kind == IncidentKind::HybridAttack) &&
          std::any_of(events.begin(), events.end(), [](EventKind event) { return event == EventKind::ArmedAttack || event == EventKind::Aggression; })) {
        reason += fmt::format("; its effects ({}) are not those of an armed attack: physical damage or deaths are (Tallinn Manual 2.0 r. 71)",
                              incident.effects ? std::string(ToString(*incident.effects)) : std::string("not stated"));
      }
      return reason;
    }
    case Condition::SelfDefence:
      if (assessment.character == Character::Authorised) {
        return fmt::format("the {} by {} is a use of force authorised by the UN Security Council (Chapter VII), not an armed attack that {} answers",
                           ToString(incident.kind), attacker, cite);
      }
      if (assessment.character_inferred) {
        return fmt::format("{} acts in self-defence (UN Charter Art. 51) against {}'s armed attack {} — inferred: a state under armed attack that strikes its attacker, and the timeline does not say otherwise; self-defence is not an armed attack that {} answers",
                           attacker, incident.against, DescribeEarlier(*assessment.answers), cite);
      }
      return fmt::format("the timeline states that {}'s {} is self-defence (UN Charter Art. 51): not an armed attack that {} answers",
                         attacker, ToString(incident.kind), cite);
    case Condition::BelowGravity:
      return fmt::format("a limited{} {} is below the gravity of an armed attack (--doctrine icj: Nicaragua §191, §195, a \"mere frontier incident\"; Eritrea-Ethiopia Claims Commission, Jus ad Bellum, 2005, §11); {} is not triggered (--doctrine us has no gravity threshold)",
                         incident.deliberate && !*incident.deliberate ? ", not deliberate" : "", ToString(incident.kind), cite);
    case Condition::GravityUnknown:
      return fmt::format("the timeline does not say the incident's scale; under --doctrine icj an armed attack must reach a gravity (Nicaragua §191) that {} then needs", cite);
    case Condition::AttackerNotCovered:
      return clause.trigger->by.non_party_state
                 ? fmt::format("{} answers attacks by a state other than a party; {} is a party", cite, attacker)
                 : fmt::format("{} answers attacks by {}; {} is not among them", cite, fmt::join(clause.trigger->by.states, ", "), attacker);
    case Condition::Voided:
      return fmt::format("{} is void for this incident: {} attacked {} first ({})", cite, incident.against, attacker,
                         DescribeEarlier(*assessment.first_strike));
    case Condition::Excepted:
      return fmt::format("not breached: {}'s {} is {}, which {} excepts ({})", attacker, ToString(incident.kind),
                         assessment.character == Character::Authorised ? "authorised by the UN Security Council"
                         : assessment.answers != nullptr ? fmt::format("self-defence against {}", DescribeEarlier(*assessment.answers))
                                                         : std::string("self-defence"),
                         cite, fmt::join(ToStrings(clause.exceptions), ", "));
    case Condition::TargetNotProtected: {
      const Date on = DateOf(incident.at);  // a listed party outside its [parties] joined/left dates
      for (const auto& [who, when] : instrument.parties.joined) {
        if (who == incident.against && on < when) {
          return fmt::format("{} is not protected by {}: it joined {} on {}", incident.against, cite, instrument.id, FormatDate(when));
        }
      }
      for (const auto& [who, when] : instrument.parties.left) {
        if (who == incident.against && !(on < when)) {
          return fmt::format("{} is not protected by {}: it left {} on {}", incident.against, cite, instrument.id, FormatDate(when));
        }
      }
      return fmt::format("{} is not protected by {} (it protects {})", incident.against, cite, DescribeProtected(instrument, clause));
    }
    case Condition::PlaceExcluded: {
      const Area* area = instrument.FindArea(clause.trigger->area);
      return fmt::format("{} is excluded from area '{}' ({}) of {}", Place(incident, parties), area->id, area->cite, cite);
    }
    case Condition::PlaceOutsideArea: {
      const Area* area = instrument.FindArea(clause.trigger->area);
      if (incident.target != Target::Territory) {
        std::vector<std::string> places = area->objects_in;
        if (area->objects_in_protected_territory) places.insert(places.begin(), "the protected territory");
        return area->objects.empty()
                   ? fmt::format("{}'s {} at {} are outside area '{}' ({}) of {}, which covers territory only", incident.against,
                                 ToString(incident.target), incident.where, area->id, area->cite, cite)
                   : fmt::format("{}'s {} at {} are outside area '{}' ({}) of {}, which covers {} in or over {}", incident.against,
                                 ToString(incident.target), incident.where, area->id, area->cite, cite,
                                 fmt::join(ToStrings(area->objects), ", "), fmt::join(places, ", "));
      }
      std::vector<std::string> covers = area->covers;
      if (area->covers_protected_territory) covers.insert(covers.begin(), "the protected territory");
      return fmt::format("{} is outside area '{}' ({}) of {}, which covers {}", Place(incident, parties), area->id, area->cite,
                         cite, fmt::join(covers, ", "));
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
      return fmt::format("breached by {}: {} is {}, which {} ({}) forbids", attacker, DescribeIncident(incident, parties),
                         fmt::join(ToStrings(BreachedForbids(clause, incident)), " and "), cite, ToString(clause.kind));
    case Condition::NotBreached:
      if (!Contains(clause.obligated, assessment.attacker) || !Contains(clause.protected_parties, incident.against)) {
        return fmt::format("not breached: {} is not bound by {} towards {}", attacker, cite, incident.against);
      }
      return fmt::format("not breached: {} {} is not what {} forbids ({}{})", Article(ToString(incident.kind)), ToString(incident.kind),
                         cite, fmt::join(ToStrings(clause.forbids), ", "), clause.forbids_stated ? "" : ", by default for its kind");
  }
  return "";
}

std::vector<std::string> Obligated(const Instrument& instrument, const Clause& clause, const Incident& incident,
                                   const WorldState& world, const IncidentAssessment& assessment) {
  std::vector<std::string> obligated;
  for (const auto& party : clause.obligated) {
    if (!instrument.parties.IsPartyOn(party, DateOf(incident.at))) continue;
    if (party == assessment.attacker || party == incident.by) continue;  // the attacker owes nothing against itself
    if (world.SuspensionOf(instrument.id, party, incident.against) != nullptr) continue;
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

DecisionOutcome Outcome(const Decision& decision, const Incident& incident, const IncidentAssessment& assessment,
                        const PartyTable& parties) {
  DecisionOutcome outcome;
  outcome.rule = decision.rule;
  outcome.body = decision.body;
  for (const auto& party : BlockingParties(decision)) {  // an organisation that decides by consensus: each member blocks
    const PartyInfo* info = parties.Find(party);
    if (info != nullptr && info->kind == PartyKind::Organisation && !info->members.empty()) {
      outcome.organisations.push_back(party);
      for (const auto& member : info->members) {
        if (!Contains(outcome.needs, member)) outcome.needs.push_back(member);
      }
    } else if (!Contains(outcome.needs, party)) {
      outcome.needs.push_back(party);
    }
  }
  outcome.veto_holders = outcome.needs;
  outcome.attacker_can_block = Contains(outcome.needs, incident.by) || Contains(outcome.needs, assessment.attacker);
  return outcome;
}

bool ActUnder(const StatusEvent& act, const Instrument& instrument, const Clause& clause) {
  return (act.instrument.empty() || act.instrument == instrument.id) && (act.clause.empty() || act.clause == clause.id);
}

// The earliest act of one of `kinds` under the instrument, by one of `by` (any party when empty).
const StatusEvent* FindAct(const IncidentAssessment& assessment, const Instrument& instrument, const Clause& clause,
                           std::initializer_list<StatusKind> kinds, const std::vector<std::string>& by,
                           std::initializer_list<Determined> findings = {}) {
  for (const StatusEvent* act : assessment.acts) {
    if (std::find(kinds.begin(), kinds.end(), act->kind) == kinds.end() || !ActUnder(*act, instrument, clause)) continue;
    if (!by.empty() && std::none_of(act->parties.begin(), act->parties.end(), [&](const std::string& party) { return Contains(by, party); })) {
      continue;
    }
    if (findings.size() > 0 && (!act->finding || std::find(findings.begin(), findings.end(), *act->finding) == findings.end())) continue;
    return act;
  }
  return nullptr;
}

std::string Names(const std::vector<std::string>& parties) { return fmt::format("{}", fmt::join(parties, ", ")); }

// The events still needed before the triggered clause is owed (owed-once), and the moment each
// event that happened was made (for deadlines that run from it).
std::vector<Need> Needs(const Instrument& instrument, const Clause& clause, const Incident& incident,
                        const IncidentAssessment& assessment, Doctrine doctrine, const std::vector<std::string>& obligated,
                        const PartyTable& parties, const WorldState& world) {
  std::vector<Need> needs;
  const Trigger& trigger = *clause.trigger;
  const Duty& duty = *clause.duty;
  const bool armed_attack = NeedsArmedAttack(trigger, instrument, incident);
  if (trigger.on_request) {
    std::vector<std::string> requesters = {incident.against};
    if (trigger.request_by == RequestBy::AnyParty) {
      requesters.clear();
      for (const auto& party : instrument.parties.All()) {
        if (IsProtected(instrument, clause, party, incident.at, world)) requesters.push_back(party);
      }
    }
    if (FindAct(assessment, instrument, clause, {StatusKind::Request, StatusKind::Invocation}, requesters) == nullptr) {
      needs.push_back({NeedKind::Request, trigger.request_by == RequestBy::AnyParty ? std::vector<std::string>{} : requesters,
                       trigger.request_by == RequestBy::AnyParty
                           ? fmt::format("a request by a party that considers its own security threatened ({})", clause.cite)
                           : fmt::format("a request by {} ({}: \"at the request of\")", incident.against, clause.cite)});
    }
  } else if (armed_attack && (clause.kind == ClauseKind::CollectiveDefence || clause.kind == ClauseKind::Assistance) &&
             duty.strength >= DutyStrength::Act &&
             (duty.means.empty() || std::find(duty.means.begin(), duty.means.end(), Means::ArmedForce) != duty.means.end()) &&
             FindAct(assessment, instrument, clause, {StatusKind::Request, StatusKind::Invocation}, {incident.against}) == nullptr) {
    needs.push_back({NeedKind::VictimRequest, {incident.against},
                     fmt::format("a request or invocation by {}, the victim: collective self-defence needs the victim's request (Nicaragua §199)",
                                 incident.against)});
  }
  const bool determined = FindAct(assessment, instrument, clause, {StatusKind::Determination}, {},
                                  {Determined::ArmedAttack, Determined::Attribution}) != nullptr;
  if (trigger.attribution && trigger.attribution->rule != DecisionRule::EachParty && !determined) {
    const DecisionOutcome outcome = Outcome(*trigger.attribution, incident, assessment, parties);
    std::string who = trigger.attribution->rule == DecisionRule::SecurityCouncil ? std::string("the UN Security Council")
                      : !trigger.attribution->body.empty()                        ? trigger.attribution->body
                                                                                   : fmt::format("{} ({})", Names(trigger.attribution->by_written), ToString(trigger.attribution->rule));
    std::string text = fmt::format("a determination by {} that the event occurred ({})", who, clause.cite);
    if (outcome.attacker_can_block) text += fmt::format("; {}, the attacker, can block it", assessment.attacker);
    needs.push_back({NeedKind::Determination, outcome.needs, text});
  }
  const bool restricted = !trigger.by.IsAny();
  if (!assessment.attributed && armed_attack && (doctrine == Doctrine::Icj || restricted) && !determined) {
    needs.push_back({NeedKind::Attribution, {},
                     restricted ? fmt::format("a determination that a state is answerable for the attack: {} answers attacks by {}", clause.cite,
                                              trigger.by.any_state ? "any state" : trigger.by.non_party_state ? "a state other than a party" : Names(trigger.by.states))
                                : std::string("a determination attributing the attack to a state — an organ, a group under its effective control (Nicaragua §115) or an act it acknowledges (ILC Articles Arts. 4, 8, 11); the Wall opinion (§139) reads Art. 51 as answering attacks by states (--doctrine us does not)")});
  }
  if (std::find(trigger.activation.begin(), trigger.activation.end(), ActivationCondition::ConcertedActionImpossible) != trigger.activation.end() &&
      FindAct(assessment, instrument, clause, {StatusKind::Determination}, {}, {Determined::ConcertedActionImpossible}) == nullptr) {
    needs.push_back({NeedKind::ConcertedActionImpossible, {}, fmt::format("a finding that concerted action has proved impossible ({})", clause.cite)});
  }
  if (duty.constitutional && std::find(duty.means.begin(), duty.means.end(), Means::ArmedForce) != duty.means.end()) {
    std::vector<std::string> awaiting;
    for (const auto& party : obligated) {
      if (party == incident.against) continue;  // the victim owes itself nothing
      if (FindAct(assessment, instrument, clause, {StatusKind::Approval}, {party}) == nullptr) awaiting.push_back(party);
    }
    if (!awaiting.empty()) {
      needs.push_back({NeedKind::ConstitutionalApproval, awaiting,
                       fmt::format("approval of armed force in accordance with the constitutional processes of {} ({})", Names(awaiting), clause.cite)});
    }
  }
  return needs;
}

ClauseVerdict Verdict(const Instrument& instrument, const Clause& clause, const Incident& incident, const WorldState& world,
                      const PartyTable& parties, const IncidentAssessment& assessment, const AdjudicationOptions& options,
                      const InstrumentVerdict& in_force) {
  ClauseVerdict verdict;
  verdict.clause = &clause;
  verdict.condition = DecideClause(instrument, clause, incident, world, parties, assessment, options.doctrine);
  verdict.reason = Reason(verdict.condition, instrument, clause, incident, world, parties, assessment, options.doctrine);
  if (IsRestraintKind(clause.kind)) {
    verdict.status = verdict.condition == Condition::Breached ? ClauseStatus::Breached : ClauseStatus::NotBreached;
    if (verdict.condition == Condition::Breached) verdict.breached = BreachedForbids(clause, incident);
    return verdict;
  }
  if (!verdict.Triggered()) {
    verdict.status = ClauseStatus::NotOwed;
    return verdict;
  }
  const Duty& duty = *clause.duty;
  const auto obligated = Obligated(instrument, clause, incident, world, assessment);
  verdict.needs = Needs(instrument, clause, incident, assessment, options.doctrine, obligated, parties, world);
  if (in_force.end_unknown) {
    verdict.needs.push_back({NeedKind::InForce, {}, fmt::format("evidence that {} was still in force: it ended at a date not known", instrument.id)});
  }
  verdict.status = verdict.needs.empty() ? ClauseStatus::Owed : ClauseStatus::OwedOnce;
  const DeadlineFrom from = duty.from.value_or(clause.trigger->on_request ? DeadlineFrom::Request : DeadlineFrom::Incident);
  std::optional<Time> start;
  switch (from) {
    case DeadlineFrom::Incident: start = incident.at; break;
    case DeadlineFrom::Request:
      if (const auto* act = FindAct(assessment, instrument, clause, {StatusKind::Request, StatusKind::Invocation}, {})) start = act->at;
      break;
    case DeadlineFrom::Invocation:
      if (const auto* act = FindAct(assessment, instrument, clause, {StatusKind::Invocation}, {})) start = act->at;
      break;
    case DeadlineFrom::Determination:
      if (const auto* act = FindAct(assessment, instrument, clause, {StatusKind::Determination}, {})) start = act->at;
      break;
  }
  for (const auto& party : obligated) {
    if (duty.strength >= DutyStrength::Act && party == incident.against) {
      continue;  // the attacked party does not owe itself assistance
    }
    DutyOwed owed;
    owed.party = party;
    owed.strength = duty.strength;
    owed.means = duty.means;
    owed.deadline = duty.deadline;
    owed.from = from;
    owed.hedge = duty.deadline_hedge;
    owed.binding = instrument.binding;
    owed.would = in_force.hypothetical;
    owed.constitutional = duty.constitutional;
    if (duty.proviso && Contains(duty.proviso->parties, party)) {
      owed.excluded = duty.proviso->excludes;
      owed.proviso_cite = duty.proviso->cite;
      std::erase_if(owed.means, [&](Means means) { return std::find(owed.excluded.begin(), owed.excluded.end(), means) != owed.excluded.end(); });
    }
    if (duty.deadline.kind == DeadlineKind::Within && start) owed.due = duty.deadline.within.AddTo(*start);
    verdict.duties.push_back(std::move(owed));
  }
  verdict.limits_not_judged = std::any_of(verdict.duties.begin(), verdict.duties.end(), [](const DutyOwed& owed) {
    return std::find(owed.means.begin(), owed.means.end(), Means::ArmedForce) != owed.means.end();
  });
  if (clause.trigger->attribution) {
    verdict.attribution = Outcome(*clause.trigger->attribution, incident, assessment, parties);
  }
  if (clause.decision) {
    verdict.decision = Outcome(*clause.decision, incident, assessment, parties);
    verdict.decision->blocks_duty = duty.strength != DutyStrength::SeekUnAction;
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

bool PlaceInForceAreas(const std::vector<std::string>& areas, const std::string& place, const PartyTable& parties) {
  for (const auto& area : areas) {
    if (area == place) return true;
    if (area.find('-') == std::string::npos && place.find('-') != std::string::npos) {
      const PartyInfo* country = parties.SubdivisionCountry(place);
      const PartyInfo* whole = parties.Resolve(area);
      if (country != nullptr && whole != nullptr && country->id == whole->id) return true;
    }
  }
  return false;
}

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
  window.end_unknown = instrument.ended_unknown;
  // A fixed term that renews itself unless denounced (e.g. Armenia–Russia 1997) does not expire:
  // a denunciation is a withdrawal or an `ended` date, which the timeline or the file states.
  const bool renews = instrument.exit && instrument.exit->renewal == Renewal::Automatic;
  if (start && instrument.duration.kind == InstrumentDuration::Kind::Fixed && !renews) {
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
  if (window.end_unknown) return decide(InForce::EndUnknown, window.start);
  return decide(InForce::Yes, window.start);
}

InstrumentVerdict InstrumentInForce(const InForceWindow& window, Time time, const WorldState& world) {
  const Instrument& instrument = *window.instrument;
  InstrumentVerdict verdict;
  verdict.instrument = &instrument;
  std::optional<Time> since;
  const InForce in_force = CheckInForce(window, time, world, &since);
  verdict.hypothetical = in_force == InForce::AsIf || in_force == InForce::Hypothetical;
  verdict.end_unknown = in_force == InForce::EndUnknown;
  verdict.in_force = in_force == InForce::Yes || verdict.hypothetical || verdict.end_unknown;
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
                                            InWords(instrument.duration),
                                            FormatDate(instrument.in_force_on ? *instrument.in_force_on : *instrument.signed_on));
      break;
    case InForce::EndUnknown:
      verdict.in_force_reason = fmt::format("in force from {}, terminated at a date not known: perhaps still in force", day);
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
    if (IsIncidentAct(status.kind)) continue;  // an act under an instrument not adjudicated is simply not read
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
  for (size_t incident_idx = 0; incident_idx < timeline.incidents.size(); ++incident_idx) {
    const Incident& incident = timeline.incidents[incident_idx];
    while (next_status < timeline.statuses.size() && timeline.statuses[next_status].at <= incident.at) {
      world.Apply(timeline.statuses[next_status++]);
    }
    IncidentVerdict verdict;
    verdict.incident = &incident;
    verdict.assessment = Assess(timeline, incident_idx);
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
          ClauseVerdict not_in_force;
        not_in_force.clause = &clause;
        not_in_force.condition = Condition::NotInForce;
        not_in_force.reason = instrument_verdict.in_force_reason;
        not_in_force.status = IsRestraintKind(clause.kind) ? ClauseStatus::NotBreached : ClauseStatus::NotOwed;
        instrument_verdict.clauses.push_back(std::move(not_in_force));
          continue;
        }
        instrument_verdict.clauses.push_back(
            Verdict(instrument, clause, incident, world, parties, verdict.assessment, options, instrument_verdict));
      }
      for (const auto& clause : instrument.clauses) {
        if (instrument_verdict.in_force && clause.forces && IsForcible(incident) && PlaceInForceAreas(clause.forces->where, incident.where, parties)) {
          instrument_verdict.forces_struck.push_back(ForcesStruck{&clause, clause.forces->by, clause.forces->where});
        }
      }
      verdict.instruments.push_back(std::move(instrument_verdict));
    }
    on_incident(verdict);
  }
}

}  // namespace casus
