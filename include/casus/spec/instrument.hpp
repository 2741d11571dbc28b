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
  SourcePosition position;
};

//! Forces placed in or near a protected party (reassurance force, tripwire, air policing).
struct Forces {
  std::vector<std::string> by;     //!< canonical ids of the contributing parties
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
//! True for clause kinds that bind a party to restraint towards another (non-aggression, neutrality, assurance).
bool IsRestraintKind(ClauseKind kind);

}  // namespace casus
