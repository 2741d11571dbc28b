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

bool IsForceOrThreat(IncidentKind kind) {
  return kind == IncidentKind::ArmedAttack || kind == IncidentKind::NuclearAttack ||
         kind == IncidentKind::ThreatOfArmedAttack || kind == IncidentKind::NuclearThreat;
}

}  // namespace

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
    case EventKind::Aggression: return kind == IncidentKind::ArmedAttack || kind == IncidentKind::NuclearAttack;
    case EventKind::ThreatOfArmedAttack: return kind == IncidentKind::ThreatOfArmedAttack || kind == IncidentKind::NuclearThreat;
    case EventKind::HybridAttack: return kind == IncidentKind::HybridAttack;
    case EventKind::CyberAttack: return kind == IncidentKind::CyberAttack;
    case EventKind::NuclearAttack: return kind == IncidentKind::NuclearAttack;
    case EventKind::NuclearThreat: return kind == IncidentKind::NuclearThreat;
    case EventKind::CeasefireBreach: return kind == IncidentKind::CeasefireBreach;
    case EventKind::SecurityThreat: return true;  // any incident against a party threatens its security
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
  if (instrument.exit && instrument.exit->notice) {
    return instrument.exit->notice->AddTo(notice->at);
  }
  return notice->at;  // no notice period encoded: effective at once
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

Condition CheckPlace(const Area& area, const Incident& incident, const PartyTable& parties) {
  const bool is_subdivision = incident.where.find('-') != std::string::npos;
  for (const auto& excluded : area.excludes) {
    if (excluded == incident.where) {
      return Condition::PlaceExcluded;
    }
    if (excluded.find('-') == std::string::npos && is_subdivision) {  // a whole state excluded
      const PartyInfo* country = parties.SubdivisionCountry(incident.where);
      if (country != nullptr && country->id == excluded) return Condition::PlaceExcluded;
    }
  }
  if (area.covers_protected_territory) {
    return Condition::Triggered;  // the attacked party's protection was checked before
  }
  for (const auto& covered : area.covers) {
    if (covered == incident.where || covered == incident.against) {
      return Condition::Triggered;
    }
  }
  return Condition::PlaceOutsideArea;
}

Condition CheckThreshold(const Threshold& threshold, const Incident& incident) {
  if (threshold.scale != Scale::Any) {
    if (!incident.scale) return Condition::ThresholdUnknown;
    if (*incident.scale < threshold.scale) return Condition::BelowScale;
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
  }
  return false;
}

Condition DecideClause(const Instrument& instrument, const Clause& clause, const Incident& incident,
                       const WorldState& world, const PartyTable& parties) {
  if (IsRestraintKind(clause.kind)) {
    const bool breach = IsForceOrThreat(incident.kind) && Contains(clause.obligated, incident.by) &&
                        Contains(clause.protected_parties, incident.against);
    return breach ? Condition::Breached : Condition::NotBreached;
  }
  const Trigger& trigger = *clause.trigger;
  if (std::none_of(trigger.events.begin(), trigger.events.end(),
                   [&](EventKind event) { return EventCovers(event, instrument, incident); })) {
    return Condition::EventNotCovered;
  }
  if (!IsProtected(instrument, clause, incident.against, incident.at, world)) {
    return Condition::TargetNotProtected;
  }
  if (!trigger.area.empty()) {
    if (const Area* area = instrument.FindArea(trigger.area)) {
      if (const Condition place = CheckPlace(*area, incident, parties); place != Condition::Triggered) return place;
    }
  }
  if (const Condition threshold = CheckThreshold(trigger.threshold, incident); threshold != Condition::Triggered) {
    return threshold;
  }
  for (const ActivationCondition condition : trigger.activation) {
    if (!ActivationHolds(condition, incident, world)) return Condition::ActivationNotMet;
  }
  return Condition::Triggered;
}

}  // namespace casus
