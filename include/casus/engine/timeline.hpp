// A timeline: states of the world (ceasefires, accessions, withdrawals, terminations) and
// incidents (attacks, threats), each at a UTC time. Built by LoadTimeline.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "casus/core/diagnostic.hpp"
#include "casus/core/duration.hpp"
#include "casus/core/enum_names.hpp"
#include "casus/spec/enums.hpp"

namespace casus {

using Time = std::chrono::sys_seconds;

//! "2027-03-01T04:00:00Z".
std::string FormatTime(Time time);

//! Stationing is not an attack: the forces of `by` stationed in `against`, the host (what a
//! restraint clause with forbids = ["stationing-forces"] forbids).
enum class IncidentKind {
  ArmedAttack, ThreatOfArmedAttack, HybridAttack, CyberAttack, NuclearThreat, NuclearAttack, CeasefireBreach,
  EconomicCoercion, Annexation, Stationing
};
//! States of the world (ceasefire … suspension) and acts that concern one incident (request,
//! invocation, determination, approval: they name the incident with `incident = "id"`).
enum class StatusKind {
  CeasefireInForce, CeasefireEnded, SettlementInForce, Accession, WithdrawalNotice, Termination, Suspension,
  Request, Invocation, Determination, Approval
};
//! What the incident is in law: an act of aggression, a use of force in self-defence (UN Charter
//! Art. 51), or one authorised by the Security Council (Chapter VII).
enum class Character { Aggression, SelfDefence, Authorised };
//! What was hit: the state's territory, or its forces, vessels or aircraft wherever they are
//! (GA Res. 3314 (1974) Art. 3(d); North Atlantic Treaty Art. 6(ii)).
enum class Target { Territory, Forces, Vessels, Aircraft };
//! The incident's effects, whatever the weapon (Nuclear Weapons opinion §39; Tallinn Manual 2.0 r. 71).
enum class Effects { None, Disruption, Damage, Deaths };
//! Why a non-state actor's attack is the act of a state (ILC Articles on State Responsibility
//! Arts. 4, 8, 11; Nicaragua §115), or "none" when it is not.
enum class AttributionBasis { StateOrgan, EffectiveControl, Acknowledged, None };
//! What a determination finds.
enum class Determined { ArmedAttack, Attribution, ConcertedActionImpossible, NotAnArmedAttack };

CASUS_ENUM_NAMES(IncidentKind, 10, {IncidentKind::ArmedAttack, "armed-attack"},
                 {IncidentKind::ThreatOfArmedAttack, "threat-of-armed-attack"}, {IncidentKind::HybridAttack, "hybrid-attack"},
                 {IncidentKind::CyberAttack, "cyber-attack"}, {IncidentKind::NuclearThreat, "nuclear-threat"},
                 {IncidentKind::NuclearAttack, "nuclear-attack"}, {IncidentKind::CeasefireBreach, "ceasefire-breach"},
                 {IncidentKind::EconomicCoercion, "economic-coercion"}, {IncidentKind::Annexation, "annexation"},
                 {IncidentKind::Stationing, "stationing"})
CASUS_ENUM_NAMES(StatusKind, 11, {StatusKind::CeasefireInForce, "ceasefire-in-force"},
                 {StatusKind::CeasefireEnded, "ceasefire-ended"}, {StatusKind::SettlementInForce, "settlement-in-force"},
                 {StatusKind::Accession, "accession"}, {StatusKind::WithdrawalNotice, "withdrawal-notice"},
                 {StatusKind::Termination, "termination"}, {StatusKind::Suspension, "suspension"},
                 {StatusKind::Request, "request"}, {StatusKind::Invocation, "invocation"},
                 {StatusKind::Determination, "determination"}, {StatusKind::Approval, "approval"})
CASUS_ENUM_NAMES(Character, 3, {Character::Aggression, "aggression"}, {Character::SelfDefence, "self-defence"},
                 {Character::Authorised, "authorised"})
CASUS_ENUM_NAMES(Target, 4, {Target::Territory, "territory"}, {Target::Forces, "forces"}, {Target::Vessels, "vessels"},
                 {Target::Aircraft, "aircraft"})
CASUS_ENUM_NAMES(Effects, 4, {Effects::None, "none"}, {Effects::Disruption, "disruption"}, {Effects::Damage, "damage"},
                 {Effects::Deaths, "deaths"})
CASUS_ENUM_NAMES(AttributionBasis, 4, {AttributionBasis::StateOrgan, "state-organ"},
                 {AttributionBasis::EffectiveControl, "effective-control"}, {AttributionBasis::Acknowledged, "acknowledged"},
                 {AttributionBasis::None, "none"})
CASUS_ENUM_NAMES(Determined, 4, {Determined::ArmedAttack, "armed-attack"}, {Determined::Attribution, "attribution"},
                 {Determined::ConcertedActionImpossible, "concerted-action-impossible"},
                 {Determined::NotAnArmedAttack, "not-an-armed-attack"})

//! True for the acts that concern one incident (request, invocation, determination, approval).
inline bool IsIncidentAct(StatusKind kind) {
  return kind == StatusKind::Request || kind == StatusKind::Invocation || kind == StatusKind::Determination ||
         kind == StatusKind::Approval;
}

//! The attacker id used when the attacker is not a state (11 September 2001).
inline constexpr std::string_view kNonStateActor = "non-state";

struct StatusEvent {
  Time at;
  StatusKind kind = StatusKind::CeasefireInForce;
  std::vector<std::string> parties;  //!< canonical ids
  std::string instrument;            //!< id of the instrument concerned (accession, withdrawal-notice, termination,
                                     //!< suspension; optional for request, invocation, determination, approval)
  std::string notes;
  SourcePosition position;
  std::string clause;                //!< id of the clause invoked or requested (optional)
  std::string incident;              //!< the incident a request, invocation, determination or approval concerns
  std::vector<std::string> towards;  //!< suspension: the parties towards whom obligations are suspended
  std::optional<Determined> finding;    //!< determination: what was found
  std::string body;                  //!< determination: who found it ("North Atlantic Council")
};

struct Incident {
  std::string id;
  Time at;
  IncidentKind kind = IncidentKind::ArmedAttack;
  std::string by;       //!< canonical id, or "non-state"
  std::string against;  //!< canonical id
  std::string where;    //!< ISO 3166-1 alpha-3 or ISO 3166-2 code: inside `against` (or one of its dependencies)
                        //!< for a territory; anywhere, or a sea area, for forces, vessels and aircraft
  std::optional<Scale> scale;      //!< absent: the timeline does not say
  std::optional<bool> deliberate;  //!< absent: the timeline does not say
  std::optional<bool> sustained;   //!< absent: the timeline does not say
  std::optional<Character> character;  //!< absent: inferred (self-defence against an earlier armed attack)
  Target target = Target::Territory;
  std::optional<Effects> effects;  //!< absent: the timeline does not say
  std::string sponsor;             //!< the state behind a non-state attacker, when one is named
  std::optional<AttributionBasis> attribution;  //!< why the sponsor answers for the attack
  std::string notes;
  SourcePosition position;
};

//! Incidents taken together (accumulation of events: Oil Platforms §64, Nicaragua §231): `count`
//! deliberate incidents by one attacker against one state within `window` count as significant.
struct Accumulation {
  IsoDuration window;
  int count = 0;
};

//! What happened, as the record has it, for one clause: for `casus adjudicate --record`.
enum class RecordOutcome { Honoured, NotHonoured, NotInvoked, Disputed };
CASUS_ENUM_NAMES(RecordOutcome, 4, {RecordOutcome::Honoured, "honoured"}, {RecordOutcome::NotHonoured, "not-honoured"},
                 {RecordOutcome::NotInvoked, "not-invoked"}, {RecordOutcome::Disputed, "disputed"})

struct Record {
  std::string incident;    //!< the incident it concerns
  std::string instrument;  //!< instrument id
  std::string clause;      //!< clause id
  RecordOutcome outcome = RecordOutcome::NotInvoked;
  std::string text;        //!< what happened, in words
  std::vector<std::string> sources;
  SourcePosition position;
};

struct Timeline {
  std::string id;
  std::string title;
  std::vector<std::string> sources;
  std::string notes;
  std::vector<StatusEvent> statuses;  //!< in time order
  std::vector<Incident> incidents;    //!< in time order
  std::optional<Accumulation> accumulation;
  std::vector<Record> records;        //!< what happened ([[record]]), for cases with known outcomes
  std::string file;
};

}  // namespace casus
