// Timeline + instruments → for each incident, each instrument and each clause: triggered or not
// and the condition that decided it, the duties owed with absolute deadlines, the decision rule
// and who can block it. Streams: incidents are adjudicated one at a time, in time order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/engine/timeline.hpp"
#include "casus/engine/world_state.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! The condition that decided a clause's verdict, in the order they are checked.
enum class Condition {
  Triggered,             //!< every condition holds
  NotInForce,            //!< the instrument was not in force at the incident's time
  EventNotCovered,       //!< the incident's kind is not among the clause's events
  TargetNotProtected,    //!< the attacked party is not protected by the clause
  PlaceOutsideArea,      //!< the place is outside the clause's area
  PlaceExcluded,         //!< the place is excluded from the clause's area
  BelowScale,            //!< the incident is smaller than the threshold's scale
  NotDeliberate,         //!< the threshold needs a deliberate attack; it was not
  NotSustained,          //!< the threshold needs a sustained attack; it was not
  ThresholdUnknown,      //!< the threshold needs a fact (scale, deliberate, sustained) the timeline does not give
  ActivationNotMet,      //!< an activation condition (a ceasefire in force…) does not hold
  Breached,              //!< restraint clauses: the incident breaches it
  NotBreached,           //!< restraint clauses: the incident does not breach it
  SelfDefence,           //!< the incident is self-defence (or authorised by the Council), not an armed attack
  BelowGravity,          //!< --doctrine icj: below the gravity of an armed attack (Nicaragua §191, §195)
  GravityUnknown,        //!< --doctrine icj: the timeline does not give the scale that gravity needs
  AttackerNotCovered,    //!< the trigger answers other attackers (by = [...])
  Voided,                //!< a void_if condition holds (the protected party attacked first)
  Excepted,              //!< restraint clauses: the act is of a forbidden kind, but an exception applies
};

CASUS_ENUM_NAMES(Condition, 19, {Condition::Triggered, "triggered"}, {Condition::NotInForce, "not-in-force"},
                 {Condition::EventNotCovered, "event-not-covered"}, {Condition::TargetNotProtected, "target-not-protected"},
                 {Condition::PlaceOutsideArea, "place-outside-area"}, {Condition::PlaceExcluded, "place-excluded"},
                 {Condition::BelowScale, "below-scale"}, {Condition::NotDeliberate, "not-deliberate"},
                 {Condition::NotSustained, "not-sustained"}, {Condition::ThresholdUnknown, "threshold-unknown"},
                 {Condition::ActivationNotMet, "activation-not-met"}, {Condition::Breached, "breached"},
                 {Condition::NotBreached, "not-breached"}, {Condition::SelfDefence, "self-defence"},
                 {Condition::BelowGravity, "below-gravity"}, {Condition::GravityUnknown, "gravity-unknown"},
                 {Condition::AttackerNotCovered, "attacker-not-covered"}, {Condition::Voided, "voided"},
                 {Condition::Excepted, "excepted"})

//! Whether an armed attack needs a minimum gravity: the International Court's (Nicaragua §191:
//! "the most grave forms of the use of force"), or the United States' (no threshold: any illegal
//! use of force may be met in self-defence; DoD Law of War Manual §1.11.5.2).
enum class Doctrine { Icj, Us };
CASUS_ENUM_NAMES(Doctrine, 2, {Doctrine::Icj, "icj"}, {Doctrine::Us, "us"})

//! A clause's verdict in three values (response clauses) or two (restraint clauses).
enum class ClauseStatus { Owed, OwedOnce, NotOwed, Breached, NotBreached };
CASUS_ENUM_NAMES(ClauseStatus, 5, {ClauseStatus::Owed, "owed"}, {ClauseStatus::OwedOnce, "owed-once"},
                 {ClauseStatus::NotOwed, "not-owed"}, {ClauseStatus::Breached, "breached"},
                 {ClauseStatus::NotBreached, "not-breached"})

//! An event still needed before a triggered duty is owed.
enum class NeedKind { Request, VictimRequest, Determination, Attribution, ConcertedActionImpossible, ConstitutionalApproval, InForce };
CASUS_ENUM_NAMES(NeedKind, 7, {NeedKind::Request, "request"}, {NeedKind::VictimRequest, "victim-request"},
                 {NeedKind::Determination, "determination"}, {NeedKind::Attribution, "attribution"},
                 {NeedKind::ConcertedActionImpossible, "concerted-action-impossible"},
                 {NeedKind::ConstitutionalApproval, "constitutional-approval"}, {NeedKind::InForce, "in-force"})

struct Need {
  NeedKind kind = NeedKind::Request;
  std::vector<std::string> by;  //!< who must make it (the requesting party, the deciding body's members, …)
  std::string text;             //!< in words, with the legal source
};

//! What the law makes of an incident, from the incident and the timeline before it.
struct IncidentAssessment {
  Character character = Character::Aggression;
  bool character_inferred = false;          //!< not stated: inferred from an earlier armed attack
  const Incident* answers = nullptr;        //!< the armed attack a self-defence answers
  const Incident* first_strike = nullptr;   //!< an earlier attack by the attacked state on the attacker
  std::optional<Scale> scale;               //!< the incident's scale, or significant by accumulation
  std::vector<const Incident*> accumulated; //!< the incidents taken together, this one last (empty: none)
  std::string attacker;                     //!< the answerable state: `by`, or the sponsor when attributed
  bool attributed = true;                   //!< false for a non-state attack not attributed to a state
  std::vector<const StatusEvent*> acts;     //!< requests, invocations, determinations, approvals naming it
};

//! True when the incident's effects are those of an armed attack, whatever the weapon: an armed or
//! nuclear attack, or a cyber or hybrid attack that damaged or killed (Nuclear Weapons opinion §39).
bool IsForcible(const Incident& incident);

//! The assessment of `timeline.incidents[index]` (earlier incidents and every act naming it).
IncidentAssessment Assess(const Timeline& timeline, size_t index);
//! The assessment of an incident alone: its stated character and scale, no history, no acts.
IncidentAssessment AssessAlone(const Incident& incident);

struct AdjudicationOptions {
  bool as_if_in_force = false;  //!< ignore dates and status: "what would it have done had it existed"
  Doctrine doctrine = Doctrine::Icj;
};

struct DutyOwed {
  std::string party;
  DutyStrength strength = DutyStrength::None;
  std::vector<Means> means;
  Deadline deadline;
  std::optional<Time> due;  //!< the starting event's time + the deadline's duration (Within only, once that event happened)
  DeadlineFrom from = DeadlineFrom::Incident;  //!< the event the deadline runs from
  std::string hedge;        //!< "where possible": not a firm deadline
  Binding binding = Binding::Legal;
  bool would = false;       //!< a draft or proposal (or --as-if-in-force): what it would oblige
  std::vector<Means> excluded;  //!< means a proviso takes out for this party
  std::string proviso_cite;
  bool constitutional = false;
};

struct DecisionOutcome {
  DecisionRule rule = DecisionRule::EachParty;
  std::string body;
  std::vector<std::string> needs;         //!< whose agreement is needed (each of whom can block)
  std::vector<std::string> veto_holders;  //!< among `needs` and the attribution's: who can block the response
  bool attacker_can_block = false;
  bool blocks_duty = true;  //!< false for a duty to seek Council action: a veto blocks the result, not the duty (conduct)
  std::vector<std::string> organisations;  //!< organisations named among the deciders, expanded to their members
};

struct ClauseVerdict {
  const Clause* clause = nullptr;
  Condition condition = Condition::Triggered;
  std::string reason;  //!< the deciding condition, in words, citing the clause
  std::vector<DutyOwed> duties;             //!< when triggered
  std::optional<DecisionOutcome> decision;  //!< when triggered and the clause states one
  std::optional<DecisionOutcome> attribution;
  ClauseStatus status = ClauseStatus::NotOwed;
  std::vector<Need> needs;                //!< owed-once: what is still needed
  std::vector<Forbidden> breached;        //!< breached: what the incident did that the clause forbids
  //! Owed or owed-once with armed force among the means: collective self-defence, whose measures
  //! must be necessary and proportionate (Nicaragua §176, §194; Oil Platforms §§43, 73–77). casus
  //! does not judge them: the timeline records attacks and acts, not the measures taken.
  bool limits_not_judged = false;
  bool Triggered() const { return condition == Condition::Triggered; }
};

//! A force clause of an instrument whose area the incident strikes: the contributors' own forces
//! are hit where they stand (a tripwire), whatever the clause's verdicts say.
struct ForcesStruck {
  const Clause* clause = nullptr;
  std::vector<std::string> parties;  //!< the contributors (empty: the text names none)
  std::vector<std::string> where;    //!< the force's areas
};

struct InstrumentVerdict {
  const Instrument* instrument = nullptr;
  bool hypothetical = false;  //!< a draft or proposal (or --as-if-in-force): adjudicated as if in force
  bool in_force = true;
  bool end_unknown = false;   //!< terminated at an unknown date: in force only perhaps
  std::string in_force_reason;
  std::vector<ClauseVerdict> clauses;  //!< response and restraint clauses, in file order
  std::vector<ForcesStruck> forces_struck;  //!< in force (or as if): force clauses whose area the incident strikes
};

//! Whether `place` lies where a force stands: one of `areas`, or inside one that is a whole
//! country. The tripwire test of `casus adjudicate` and of the guarantee game (StrikesForceArea).
bool PlaceInForceAreas(const std::vector<std::string>& areas, const std::string& place, const PartyTable& parties);

struct IncidentVerdict {
  const Incident* incident = nullptr;
  std::vector<const StatusEvent*> context;  //!< ceasefires and settlements in force for the attacked party
  IncidentAssessment assessment;
  std::vector<InstrumentVerdict> instruments;
};

//! The decision logic alone (no text): the condition deciding `clause` for `incident`. The
//! instrument must be in force (see InstrumentInForce). Used by Adjudicate and the benchmark.
Condition DecideClause(const Instrument& instrument, const Clause& clause, const Incident& incident,
                       const WorldState& world, const PartyTable& parties, const IncidentAssessment& assessment, Doctrine doctrine);
//! The same for an incident alone (AssessAlone) under --doctrine us: what the guarantee game uses,
//! where the attack is hypothetical and its gravity is a parameter, not a finding.
Condition DecideClause(const Instrument& instrument, const Clause& clause, const Incident& incident,
                       const WorldState& world, const PartyTable& parties);

//! Why an instrument is (or is not) in force at a moment.
enum class InForce { Yes, AsIf, Hypothetical, SignedOnly, NotYet, Ended, Expired, Terminated, EndUnknown };

//! When an instrument is in force, its dates turned into times once per run (not per incident).
struct InForceWindow {
  const Instrument* instrument = nullptr;
  InForce always = InForce::Yes;  //!< AsIf, Hypothetical or SignedOnly hold at any time; Yes: see the times
  std::optional<Time> start;      //!< entry into force (or signature)
  std::optional<Time> end;        //!< end or expiry, whichever comes first
  InForce end_kind = InForce::Ended;
  bool end_unknown = false;       //!< terminated at a date not known (ended = "unknown")
};

//! The window of `instrument` under `options`.
InForceWindow InForceWindowOf(const Instrument& instrument, const AdjudicationOptions& options);

//! The decision logic alone: whether the instrument is in force at `time` (no text). `since` gets
//! the moment that decided it (start, end, expiry or termination), when there is one.
InForce CheckInForce(const InForceWindow& window, Time time, const WorldState& world, std::optional<Time>* since = nullptr);

//! Whether the window's instrument is in force at `time`, and why (or why not).
InstrumentVerdict InstrumentInForce(const InForceWindow& window, Time time, const WorldState& world);

//! Reports status events that name instruments not given (file:line:col, exit 2 for the caller).
void CheckTimelineReferences(const Timeline& timeline, const std::vector<Instrument>& instruments,
                             Diagnostics& diagnostics);

//! Adjudicates every incident of the timeline against every instrument, calling on_incident for
//! each in time order. The verdict passed refers to the timeline and instruments given.
void Adjudicate(const Timeline& timeline, const std::vector<Instrument>& instruments, const PartyTable& parties,
                const AdjudicationOptions& options, const std::function<void(const IncidentVerdict&)>& on_incident);

}  // namespace casus
