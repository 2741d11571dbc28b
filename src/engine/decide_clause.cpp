// The decision logic of adjudication, without text: which condition decides a clause.
#include <algorithm>

#include "casus/engine/adjudicate.hpp"
#include "engine_internal.hpp"

namespace casus {

namespace {

// Party ids are a few characters long: comparing them inline beats a call to memcmp, and this
// lookup is the hot loop of adjudication (the benchmark's profile showed memcmp at 20 %).
bool SameId(const std::string& left, const std::string& right) {
  if (left.size() != right.size()) return false;
  for (size_t char_idx = 0; char_idx < left.size(); ++char_idx) {
    if (left[char_idx] != right[char_idx]) return false;
  }
  return true;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& item) { return SameId(item, value); });
}

}  // namespace

bool IsForcible(const Incident& incident) {
  switch (incident.kind) {
    case IncidentKind::ArmedAttack:
    case IncidentKind::NuclearAttack: return true;
    case IncidentKind::CyberAttack:
    case IncidentKind::HybridAttack:
      return incident.effects && (*incident.effects == Effects::Damage || *incident.effects == Effects::Deaths);
    default: return false;
  }
}

IncidentAssessment AssessAlone(const Incident& incident) {
  IncidentAssessment assessment;
  assessment.character = incident.character.value_or(Character::Aggression);
  assessment.scale = incident.scale;
  const bool attributed = incident.by != kNonStateActor ||
                          (!incident.sponsor.empty() && incident.attribution && *incident.attribution != AttributionBasis::None);
  assessment.attributed = attributed;
  assessment.attacker = incident.by != kNonStateActor ? incident.by : attributed ? incident.sponsor : incident.by;
  return assessment;
}

IncidentAssessment Assess(const Timeline& timeline, size_t index) {
  const Incident& incident = timeline.incidents[index];
  IncidentAssessment assessment = AssessAlone(incident);
  // Who struck first between the two states: if the attacked state did, this incident answers it.
  for (size_t earlier_idx = 0; earlier_idx < index; ++earlier_idx) {
    const Incident& earlier = timeline.incidents[earlier_idx];
    if (!IsForcible(earlier) || earlier.character.value_or(Character::Aggression) != Character::Aggression) continue;
    const std::string earlier_attacker = AssessAlone(earlier).attacker;
    const bool reverse = earlier_attacker == incident.against && earlier.against == assessment.attacker;
    const bool same = earlier_attacker == assessment.attacker && earlier.against == incident.against;
    if (!reverse && !same) continue;
    if (reverse) assessment.answers = assessment.first_strike = &earlier;
    break;
  }
  if (!incident.character && assessment.answers != nullptr && IsForcible(incident)) {
    assessment.character = Character::SelfDefence;  // a state under armed attack that strikes its attacker
    assessment.character_inferred = true;
  }
  // Accumulation: deliberate limited incidents by one attacker against one state, within the window.
  if (timeline.accumulation && incident.scale == Scale::Limited && incident.deliberate.value_or(false) && IsForcible(incident)) {
    std::vector<const Incident*> together;
    for (size_t earlier_idx = 0; earlier_idx <= index; ++earlier_idx) {
      const Incident& earlier = timeline.incidents[earlier_idx];
      if (earlier.by == incident.by && earlier.against == incident.against && IsForcible(earlier) &&
          earlier.deliberate.value_or(false) && timeline.accumulation->window.AddTo(earlier.at) >= incident.at) {
        together.push_back(&earlier);
      }
    }
    if (static_cast<int>(together.size()) >= timeline.accumulation->count) {
      assessment.scale = Scale::Significant;
      assessment.accumulated = std::move(together);
    }
  }
  for (const auto& status : timeline.statuses) {
    if (IsIncidentAct(status.kind) && status.incident == incident.id) assessment.acts.push_back(&status);
  }
  return assessment;
}

bool AttackerBoundToRestraint(const Instrument& instrument, const Incident& incident) {
  return std::any_of(instrument.clauses.begin(), instrument.clauses.end(), [&](const Clause& clause) {
    return IsRestraintKind(clause.kind) && Contains(clause.obligated, incident.by) &&
           Contains(clause.protected_parties, incident.against);
  });
}

bool EventCovers(EventKind event, const Instrument& instrument, const Incident& incident) {
  const IncidentKind kind = incident.kind;
  switch (event) {
    case EventKind::ArmedAttack:
    case EventKind::Aggression: return IsForcible(incident);
    case EventKind::ThreatOfArmedAttack: return kind == IncidentKind::ThreatOfArmedAttack || kind == IncidentKind::NuclearThreat;
    case EventKind::HybridAttack: return kind == IncidentKind::HybridAttack;
    case EventKind::CyberAttack: return kind == IncidentKind::CyberAttack;
    case EventKind::NuclearAttack: return kind == IncidentKind::NuclearAttack;
    case EventKind::NuclearThreat: return kind == IncidentKind::NuclearThreat;
    case EventKind::CeasefireBreach: return kind == IncidentKind::CeasefireBreach;
    // any incident against a party threatens its security; forces stationed in a host are not against it
    case EventKind::SecurityThreat: return kind != IncidentKind::Stationing;
    case EventKind::CommitmentsQuestion: return AttackerBoundToRestraint(instrument, incident);
  }
  return false;
}

Date DateOf(Time time) { return Date{std::chrono::floor<std::chrono::days>(time)}; }

bool RoleBased(const Instrument& instrument, const std::vector<std::string>& parties) {
  return (!instrument.parties.members.empty() && parties == instrument.parties.members) ||
         (!instrument.parties.beneficiaries.empty() && parties == instrument.parties.beneficiaries);
}

std::optional<Time> WithdrawalEffective(const Instrument& instrument, const std::string& party, const WorldState& world) {
  const StatusEvent* notice = world.WithdrawalOf(instrument.id, party);
  if (notice == nullptr) {
    return std::nullopt;
  }
  for (const auto& [who, when] : instrument.parties.left) {  // the recorded history wins (Art. 50 extensions)
    if (who == party) return Time{std::chrono::sys_days{when}};
  }
  if (instrument.exit && instrument.exit->notice) {
    return instrument.exit->notice->AddTo(notice->at);
  }
  return IsoDuration{.years = 1}.AddTo(notice->at);  // no exit clause: VCLT Art. 56(2), twelve months' notice
}

bool IsProtected(const Instrument& instrument, const Clause& clause, const std::string& party, Time time,
                 const WorldState& world) {
  const bool listed = Contains(clause.protected_parties, party);
  if (!listed && !(world.AccessionOf(instrument.id, party) != nullptr && RoleBased(instrument, clause.protected_parties))) {
    return false;
  }
  const Parties& parties = instrument.parties;
  if (listed && (!parties.joined.empty() || !parties.left.empty()) && !parties.IsPartyOn(party, DateOf(time))) {
    return false;  // listed, but had not joined yet (or had left)
  }
  const auto withdrawn = WithdrawalEffective(instrument, party, world);
  return !withdrawn || *withdrawn > time;
}

Condition CheckPlace(const Area& area, const Incident& incident, const PartyTable& parties,
                     const std::vector<std::string>& protected_parties) {
  const bool is_subdivision = incident.where.find('-') != std::string::npos && !parties.IsSeaArea(incident.where);
  for (const auto& excluded : area.excludes) {
    if (excluded == incident.where) {
      return Condition::PlaceExcluded;
    }
    if (excluded.find('-') == std::string::npos && is_subdivision) {  // a whole state excluded
      const PartyInfo* country = parties.SubdivisionCountry(incident.where);
      if (country != nullptr && country->id == excluded) return Condition::PlaceExcluded;
    }
  }
  if (incident.target != Target::Territory) {  // forces, vessels, aircraft: Art. 6(ii)
    const auto object = static_cast<ProtectedObject>(static_cast<int>(incident.target) - 1);
    if (std::find(area.objects.begin(), area.objects.end(), object) == area.objects.end()) return Condition::PlaceOutsideArea;
    const PartyInfo* territory = parties.TerritoryOf(incident.where);
    if (area.objects_in_protected_territory && territory != nullptr && Contains(protected_parties, territory->id)) {
      return Condition::Triggered;
    }
    for (const auto& place : area.objects_in) {
      if (place == incident.where || (territory != nullptr && place == territory->id)) return Condition::Triggered;
    }
    return Condition::PlaceOutsideArea;
  }
  if (area.covers_protected_territory) {
    return Condition::Triggered;  // the attacked party's protection was checked before
  }
  const PartyInfo* territory = parties.TerritoryOf(incident.where);
  for (const auto& covered : area.covers) {
    if (covered == incident.where || (territory != nullptr && covered == territory->id && !parties.IsDependency(incident.where))) {
      return Condition::Triggered;
    }
  }
  return Condition::PlaceOutsideArea;
}

Condition CheckThreshold(const Threshold& threshold, const Incident& incident, std::optional<Scale> scale) {
  if (threshold.scale != Scale::Any) {
    if (!scale) return Condition::ThresholdUnknown;
    if (*scale < threshold.scale) return Condition::BelowScale;
  }
  if (threshold.deliberate) {
    if (!incident.deliberate) return Condition::ThresholdUnknown;
    if (!*incident.deliberate) return Condition::NotDeliberate;
  }
  if (threshold.sustained) {
    if (!incident.sustained) return Condition::ThresholdUnknown;
    if (!*incident.sustained) return Condition::NotSustained;
  }
  return Condition::Triggered;
}

bool ActivationHolds(ActivationCondition condition, const Incident& incident, const WorldState& world) {
  switch (condition) {
    case ActivationCondition::CeasefireInForce: return world.CeasefireFor(incident.against) != nullptr;
    case ActivationCondition::SettlementInForce: return world.SettlementFor(incident.against) != nullptr;
    case ActivationCondition::CeasefireEntered: return world.FirstCeasefireFor(incident.against) != nullptr;
    case ActivationCondition::ConcertedActionImpossible: return true;  // a need (a determination), not a condition
  }
  return false;
}

std::vector<Forbidden> BreachedForbids(const Clause& clause, const Incident& incident) {
  std::vector<Forbidden> breached;
  for (const Forbidden forbidden : clause.forbids) {
    bool match = false;
    switch (forbidden) {
      case Forbidden::UseOfForce: match = IsForcible(incident); break;
      case Forbidden::ThreatOfForce:
        match = incident.kind == IncidentKind::ThreatOfArmedAttack || incident.kind == IncidentKind::NuclearThreat;
        break;
      case Forbidden::NuclearUse: match = incident.kind == IncidentKind::NuclearAttack; break;
      case Forbidden::EconomicCoercion: match = incident.kind == IncidentKind::EconomicCoercion; break;
      case Forbidden::AcquisitionOfTerritory: match = incident.kind == IncidentKind::Annexation; break;
      case Forbidden::StationingForces: match = incident.kind == IncidentKind::Stationing; break;
    }
    if (match) breached.push_back(forbidden);
  }
  return breached;
}

bool IsArmedAttackEvent(EventKind event) {
  return event == EventKind::ArmedAttack || event == EventKind::Aggression || event == EventKind::NuclearAttack;
}

bool NeedsArmedAttack(const Trigger& trigger, const Instrument& instrument, const Incident& incident) {
  bool any = false;
  for (const EventKind event : trigger.events) {
    if (!EventCovers(event, instrument, incident)) continue;
    if (!IsArmedAttackEvent(event)) return false;  // met as a threat, a hybrid or cyber attack, a security threat
    any = true;
  }
  return any;
}

bool IsPartyOf(const Instrument& instrument, const std::string& party) {
  return Contains(instrument.parties.All(), party);
}

Condition DecideClause(const Instrument& instrument, const Clause& clause, const Incident& incident,
                       const WorldState& world, const PartyTable& parties, const IncidentAssessment& assessment, Doctrine doctrine) {
  if (IsRestraintKind(clause.kind)) {
    if (!Contains(clause.obligated, assessment.attacker) || !Contains(clause.protected_parties, incident.against)) {
      return Condition::NotBreached;
    }
    if (BreachedForbids(clause, incident).empty()) return Condition::NotBreached;
    if (incident.kind == IncidentKind::Stationing) return Condition::Breached;  // presence, not force: no Art. 51 exception
    const auto allows = [&](RestraintException exception) {
      return std::find(clause.exceptions.begin(), clause.exceptions.end(), exception) != clause.exceptions.end();
    };
    if (assessment.character == Character::SelfDefence && (allows(RestraintException::SelfDefence) || allows(RestraintException::UnCharter))) {
      return Condition::Excepted;
    }
    if (assessment.character == Character::Authorised && allows(RestraintException::UnCharter)) return Condition::Excepted;
    return Condition::Breached;
  }
  const Trigger& trigger = *clause.trigger;
  if (std::none_of(trigger.events.begin(), trigger.events.end(),
                   [&](EventKind event) { return EventCovers(event, instrument, incident); })) {
    return Condition::EventNotCovered;
  }
  if (NeedsArmedAttack(trigger, instrument, incident)) {
    if (assessment.character != Character::Aggression) return Condition::SelfDefence;
    if (doctrine == Doctrine::Icj) {
      if (!assessment.scale) return Condition::GravityUnknown;
      if (*assessment.scale == Scale::Limited) return Condition::BelowGravity;
    }
  }
  if (assessment.attributed) {
    if (!trigger.by.states.empty() && !Contains(trigger.by.states, assessment.attacker)) return Condition::AttackerNotCovered;
    if (trigger.by.non_party_state && IsPartyOf(instrument, assessment.attacker)) return Condition::AttackerNotCovered;
  }
  if (!IsProtected(instrument, clause, incident.against, incident.at, world)) {
    const bool any_party_request =
        trigger.on_request && trigger.request_by == RequestBy::AnyParty &&
        std::any_of(assessment.acts.begin(), assessment.acts.end(), [&](const StatusEvent* act) {
          return (act->kind == StatusKind::Request || act->kind == StatusKind::Invocation) &&
                 (act->instrument.empty() || act->instrument == instrument.id) &&
                 std::any_of(act->parties.begin(), act->parties.end(), [&](const std::string& party) {
                   return IsProtected(instrument, clause, party, act->at, world);
                 });
        });
    if (!any_party_request) return Condition::TargetNotProtected;
  }
  if (!trigger.area.empty()) {
    if (const Area* area = instrument.FindArea(trigger.area)) {
      if (const Condition place = CheckPlace(*area, incident, parties, clause.protected_parties); place != Condition::Triggered) {
        return place;
      }
    }
  }  // no area: the whole territory of the protected party, its dependencies included (VCLT Art. 29)
  if (const Condition threshold = CheckThreshold(trigger.threshold, incident, assessment.scale); threshold != Condition::Triggered) {
    return threshold;
  }
  for (const ActivationCondition condition : trigger.activation) {
    if (!ActivationHolds(condition, incident, world)) return Condition::ActivationNotMet;
  }
  for (const VoidCondition condition : trigger.void_if) {
    if (condition == VoidCondition::BeneficiaryAttacksFirst && assessment.first_strike != nullptr) return Condition::Voided;
  }
  return Condition::Triggered;
}

Condition DecideClause(const Instrument& instrument, const Clause& clause, const Incident& incident,
                       const WorldState& world, const PartyTable& parties) {
  return DecideClause(instrument, clause, incident, world, parties, AssessAlone(incident), Doctrine::Us);
}

}  // namespace casus
