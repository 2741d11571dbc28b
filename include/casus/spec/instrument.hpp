// The instrument model: one guarantee text (treaty, agreement, declaration, draft, proposal) as
// data, clause by clause, each clause with its cite and verbatim words. Built by LoadInstrument.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "casus/core/diagnostic.hpp"
#include "casus/core/duration.hpp"
#include "casus/spec/enums.hpp"

namespace casus {

using Date = std::chrono::year_month_day;

//! "YYYY-MM-DD".
std::string FormatDate(const Date& date);

//! Who must agree for a decision (or an attribution) to be taken.
struct Decision {
  DecisionRule rule = DecisionRule::EachParty;
  std::vector<std::string> by;          //!< canonical party ids, roles expanded; the P5 for security-council
  std::vector<std::string> by_written;  //!< as written in the file (roles kept), for display
  std::string body;                     //!< optional name of the deciding body ("Special Commission")
  std::string unencoded;                //!< what about this decision the file does not encode
  SourcePosition position;
};

//! Parties each of whom can block the decision: all of `by` for consensus and unanimity, the
//! decider for single, the permanent members for security-council; nobody for each-party,
//! majority and two-thirds (no one party can block those), and unstated rules.
std::vector<std::string> BlockingParties(const Decision& decision);

// --- Adjudication constructs (docs/instrument-format.md, "Who may attack, who may ask, what voids it",
// "What a restraint clause forbids", "Objects beyond territory") ---

//! Who must request before the duty arises: the attacked party, or any party (NATO Art. 4: a party
//! consults about its own security, whoever is attacked).
enum class RequestBy { Attacked, AnyParty };
//! A condition that voids the guarantee for an incident: the protected party attacked first.
enum class VoidCondition { BeneficiaryAttacksFirst };
//! The event a deadline runs from.
enum class DeadlineFrom { Incident, Request, Invocation, Determination };
//! What a restraint clause forbids.
//! StationingForces: the bound party's forces stationed in a protected state (28-point plan, point 8).
enum class Forbidden { UseOfForce, ThreatOfForce, NuclearUse, EconomicCoercion, AcquisitionOfTerritory, StationingForces };
//! Exceptions to a restraint clause: self-defence (UN Charter Art. 51), or any use of force the
//! Charter allows (self-defence or Security Council authorisation).
enum class RestraintException { SelfDefence, UnCharter };
//! Objects of a party protected beyond its territory (North Atlantic Treaty Art. 6(ii)).
enum class ProtectedObject { Forces, Vessels, Aircraft };

CASUS_ENUM_NAMES(RequestBy, 2, {RequestBy::Attacked, "attacked"}, {RequestBy::AnyParty, "any-party"})
CASUS_ENUM_NAMES(VoidCondition, 1, {VoidCondition::BeneficiaryAttacksFirst, "beneficiary-attacks-first"})
CASUS_ENUM_NAMES(DeadlineFrom, 4, {DeadlineFrom::Incident, "incident"}, {DeadlineFrom::Request, "request"},
                 {DeadlineFrom::Invocation, "invocation"}, {DeadlineFrom::Determination, "determination"})
CASUS_ENUM_NAMES(Forbidden, 6, {Forbidden::UseOfForce, "use-of-force"}, {Forbidden::ThreatOfForce, "threat-of-force"},
                 {Forbidden::NuclearUse, "nuclear-use"}, {Forbidden::EconomicCoercion, "economic-coercion"},
                 {Forbidden::AcquisitionOfTerritory, "acquisition-of-territory"},
                 {Forbidden::StationingForces, "stationing-forces"})
CASUS_ENUM_NAMES(RestraintException, 2, {RestraintException::SelfDefence, "self-defence"},
                 {RestraintException::UnCharter, "un-charter"})
CASUS_ENUM_NAMES(ProtectedObject, 3, {ProtectedObject::Forces, "forces"}, {ProtectedObject::Vessels, "vessels"},
                 {ProtectedObject::Aircraft, "aircraft"})

//! Which attackers a trigger answers (issue 13: `by = [...]`): anyone (empty), named states, any
//! state (not a non-state actor unless attributed), or any state other than a party.
struct AttackerScope {
  std::vector<std::string> states;  //!< canonical ids, when named
  bool any_state = false;           //!< "any-state"
  bool non_party_state = false;     //!< "non-party-state"
  bool IsAny() const { return states.empty() && !any_state && !non_party_state; }
};

//! Parties whose duty is qualified: they owe it without the means listed (TEU Art. 42(7), second
//! sentence: the neutral states' "specific character of the security and defence policy").
struct Proviso {
  std::vector<std::string> parties;
  std::vector<Means> excludes;
  std::string cite;
  std::string text;
};

struct Threshold {
  Scale scale = Scale::Any;
  bool deliberate = false;
  bool sustained = false;
  //! True when any armed attack meets it (scale any, no further condition).
  bool IsAny() const { return scale == Scale::Any && !deliberate && !sustained; }
  //! "any", or the conditions: "significant, deliberate, sustained".
  std::string ToString() const;
};

struct Trigger {
  std::vector<EventKind> events;
  Threshold threshold;
  std::string area;  //!< id of an [[area]]; empty = the whole territory of the protected parties
  std::optional<Decision> attribution;  //!< who decides that the event occurred (absent = not stated)
  std::vector<ActivationCondition> activation;
  bool on_request = false;  //!< the duty arises at the request of a party ("at the request of either Party")
  RequestBy request_by = RequestBy::Attacked;
  AttackerScope by;         //!< which attackers it answers
  std::vector<VoidCondition> void_if;
  SourcePosition position;
};

enum class DeadlineKind { None, Forthwith, Within };

struct Deadline {
  DeadlineKind kind = DeadlineKind::None;
  IsoDuration within;  //!< for Within
  //! "forthwith", "none", or the ISO duration.
  std::string ToString() const;
};

struct Duty {
  DutyStrength strength = DutyStrength::None;
  std::vector<Means> means;
  MeansChoice means_choice = MeansChoice::EachParty;
  Deadline deadline;
  bool constitutional = false;  //!< "in accordance with (its) constitutional processes" or laws
  std::optional<DeadlineFrom> from;  //!< the event the deadline runs from (absent: the request when on_request, else the incident)
  std::string deadline_hedge;        //!< "where possible": the deadline is an aim, not a firm term
  std::optional<Proviso> proviso;
  SourcePosition position;
};

//! Forces placed in or near a protected party (reassurance force, tripwire, air policing).
struct Forces {
  std::vector<std::string> by;     //!< canonical ids of the contributing parties (empty: the text names none)
  bool by_stated = true;           //!< false: `by` left out, the clause's unencoded says why
  std::vector<std::string> where;  //!< ISO 3166-1/2 codes of where they are placed
  std::vector<std::string> domains;  //!< "land" | "air" | "sea"
  std::string size;                //!< as reported, free text
};

struct Area {
  std::string id;
  std::string cite;
  std::string text;
  bool covers_protected_territory = false;  //!< covers = ["protected-territory"]
  std::vector<std::string> covers;          //!< ISO 3166-1/2 codes covered besides
  std::vector<std::string> excludes;        //!< ISO 3166-2 (or 3166-1) codes excluded
  std::vector<ProtectedObject> objects;     //!< forces, vessels, aircraft of the protected parties covered…
  bool objects_in_protected_territory = false;  //!< …when in or over the protected territory
  std::vector<std::string> objects_in;      //!< …or in these places and sea areas
  std::string unencoded;
  SourcePosition position;
};

struct Clause {
  std::string id;
  std::string cite;
  std::string text;
  ClauseKind kind = ClauseKind::Assistance;
  std::vector<std::string> obligated;  //!< canonical ids; roles expanded (default: see docs)
  std::vector<std::string> protected_parties;
  std::optional<Trigger> trigger;
  std::optional<Duty> duty;
  std::optional<Decision> decision;
  std::optional<Forces> forces;
  std::vector<Forbidden> forbids;                  //!< restraint clauses: what they forbid (see DefaultForbids)
  std::vector<RestraintException> exceptions;      //!< restraint clauses: what they allow
  bool forbids_stated = false;                     //!< false: `forbids` is the kind's default
  std::string unencoded;
  SourcePosition position;
};

struct Exit {
  std::string cite;
  std::string text;
  std::optional<IsoDuration> notice;      //!< a party may leave (or terminate) on this notice
  std::optional<IsoDuration> not_before;  //!< notice allowed only after this long in force
  Renewal renewal = Renewal::Unstated;
  std::vector<std::string> ends_if;       //!< events that end it, free text ("Ukraine joins NATO")
  std::string unencoded;
  SourcePosition position;
};

//! "indefinite", "unstated", or an ISO duration.
struct InstrumentDuration {
  enum class Kind { Indefinite, Unstated, Fixed } kind = Kind::Unstated;
  IsoDuration length;
  SourcePosition position;
  std::string ToString() const;
};

struct Parties {
  std::vector<std::string> members;        //!< mutual pacts: each protects each
  std::vector<std::string> guarantors;
  std::vector<std::string> co_guarantors;  //!< secondary guarantors ("act in concert"); obligated only where a clause says so
  std::vector<std::string> beneficiaries;  //!< protected states
  std::vector<std::string> adversaries;    //!< named threats (ATOP specthrt)
  //! Other signatories (NATO in the 28-point plan): bound or protected only where a clause names
  //! them, never counted as parties (not in All()).
  std::vector<std::string> signatories;
  std::vector<std::pair<std::string, Date>> joined;  //!< parties that joined after the instrument began, and when
  std::vector<std::pair<std::string, Date>> left;    //!< parties that left, and when
  //! False when `party` had not yet joined, or had already left, on `date`.
  bool IsPartyOn(const std::string& party, const Date& date) const;
  //! Every party once, in the order members, guarantors, co-guarantors, beneficiaries (named
  //! adversaries are not counted as parties, even when they sign).
  std::vector<std::string> All() const;
};

struct Instrument {
  std::string id;
  std::string title;
  Form form = Form::Treaty;
  Binding binding = Binding::Legal;
  Status status = Status::Draft;
  std::optional<Date> signed_on;
  std::optional<Date> in_force_on;
  std::optional<Date> ended_on;
  bool ended_unknown = false;  //!< terminated, but when is not known (ended = "unknown")
  std::optional<Date> last_verified;
  InstrumentDuration duration;
  std::optional<Exit> exit;
  Parties parties;
  std::vector<Area> areas;
  std::vector<Clause> clauses;
  std::vector<std::string> sources;
  std::string notes;
  std::string unencoded;
  std::string file;  //!< path it was loaded from
  SourcePosition position;          //!< the [instrument] table
  SourcePosition binding_position;  //!< the binding key

  //! The area with this id, nullptr when none.
  const Area* FindArea(const std::string& area_id) const;
  //! True for drafts and proposals: analysed "as if in force".
  bool IsHypothetical() const { return status == Status::Draft || status == Status::Proposal; }
};

//! True for clause kinds that answer an event (those that carry a trigger).
bool IsResponseKind(ClauseKind kind);
//! What a restraint clause of this kind forbids when the file does not say: non-aggression and
//! assurance, the use and threat of force; neutrality, the use of force (with self-defence excepted).
std::vector<Forbidden> DefaultForbids(ClauseKind kind);

//! True for clause kinds that bind a party to restraint towards another (non-aggression, neutrality, assurance).
bool IsRestraintKind(ClauseKind kind);

}  // namespace casus
