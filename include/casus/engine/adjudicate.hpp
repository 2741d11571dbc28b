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
};

CASUS_ENUM_NAMES(Condition, 13, {Condition::Triggered, "triggered"}, {Condition::NotInForce, "not-in-force"},
                 {Condition::EventNotCovered, "event-not-covered"}, {Condition::TargetNotProtected, "target-not-protected"},
                 {Condition::PlaceOutsideArea, "place-outside-area"}, {Condition::PlaceExcluded, "place-excluded"},
                 {Condition::BelowScale, "below-scale"}, {Condition::NotDeliberate, "not-deliberate"},
                 {Condition::NotSustained, "not-sustained"}, {Condition::ThresholdUnknown, "threshold-unknown"},
                 {Condition::ActivationNotMet, "activation-not-met"}, {Condition::Breached, "breached"},
                 {Condition::NotBreached, "not-breached"})

struct AdjudicationOptions {
  bool as_if_in_force = false;  //!< ignore dates and status: "what would it have done had it existed"
};

struct DutyOwed {
  std::string party;
  DutyStrength strength = DutyStrength::None;
  std::vector<Means> means;
  Deadline deadline;
  std::optional<Time> due;  //!< incident time + the deadline's duration (Within only)
};

struct DecisionOutcome {
  DecisionRule rule = DecisionRule::EachParty;
  std::string body;
  std::vector<std::string> needs;         //!< whose agreement is needed (each of whom can block)
  std::vector<std::string> veto_holders;  //!< among `needs` and the attribution's: who can block the response
  bool attacker_can_block = false;
};

struct ClauseVerdict {
  const Clause* clause = nullptr;
  Condition condition = Condition::Triggered;
  std::string reason;  //!< the deciding condition, in words, citing the clause
  std::vector<DutyOwed> duties;             //!< when triggered
  std::optional<DecisionOutcome> decision;  //!< when triggered and the clause states one
  std::optional<DecisionOutcome> attribution;
  bool Triggered() const { return condition == Condition::Triggered; }
};

struct InstrumentVerdict {
  const Instrument* instrument = nullptr;
  bool hypothetical = false;  //!< a draft or proposal (or --as-if-in-force): adjudicated as if in force
  bool in_force = true;
  std::string in_force_reason;
  std::vector<ClauseVerdict> clauses;  //!< response and restraint clauses, in file order
};

struct IncidentVerdict {
  const Incident* incident = nullptr;
  std::vector<const StatusEvent*> context;  //!< ceasefires and settlements in force for the attacked party
  std::vector<InstrumentVerdict> instruments;
};

//! The decision logic alone (no text): the condition deciding `clause` for `incident`. The
//! instrument must be in force (see InstrumentInForce). Used by Adjudicate and the benchmark.
Condition DecideClause(const Instrument& instrument, const Clause& clause, const Incident& incident,
                       const WorldState& world, const PartyTable& parties);

//! Why an instrument is (or is not) in force at a moment.
enum class InForce { Yes, AsIf, Hypothetical, SignedOnly, NotYet, Ended, Expired, Terminated };

//! When an instrument is in force, its dates turned into times once per run (not per incident).
struct InForceWindow {
  const Instrument* instrument = nullptr;
  InForce always = InForce::Yes;  //!< AsIf, Hypothetical or SignedOnly hold at any time; Yes: see the times
  std::optional<Time> start;      //!< entry into force (or signature)
  std::optional<Time> end;        //!< end or expiry, whichever comes first
  InForce end_kind = InForce::Ended;
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
