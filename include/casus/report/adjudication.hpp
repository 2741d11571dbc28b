// Adjudication verdicts → a brief in text, or JSON (docs/cli.md, `casus adjudicate`).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/core/party_table.hpp"
#include "casus/core/time_zone.hpp"
#include "casus/engine/adjudicate.hpp"

namespace casus {

//! The timeline's header: id, title, counts and its status events. `zone`: the times' zone in this
//! text and RenderIncidentVerdict's (--tz); JSON and CSV stay in UTC.
std::string RenderTimelineHeader(const Timeline& timeline, size_t instrument_count, const TimeZone& zone = TimeZone::Utc());
//! The summary that opens the text brief: one row per instrument, one column per incident, each
//! cell the strongest status of the instrument's response clauses ("OWED" > "owed once" > "—",
//! nothing owed) or "not in force", with "+N breached" when restraint clauses are breached.
//! Add the incidents as Adjudicate reports them, then Render.
class AdjudicationSummary {
 public:
  void Add(const IncidentVerdict& verdict);
  std::string Render() const;

 private:
  std::vector<std::string> incidents_;
  std::vector<std::string> instruments_;
  std::vector<std::vector<std::string>> cells_;  //!< [instrument][incident]
};

//! One incident's verdicts as a brief: per instrument, per clause, the verdict and its reason,
//! the duties with deadlines, the decision and who can block it.
std::string RenderIncidentVerdict(const IncidentVerdict& verdict, const PartyTable& parties, const TimeZone& zone = TimeZone::Utc());
//! {"id","at","kind","by","against","where",…,"instruments":[{"id","hypothetical","in_force",
//! "in_force_reason","binding","clauses":[{"clause","cite","kind","triggered","status","needs","breached",
//! "condition","reason","duties","decision","attribution"}]}]}.
nlohmann::json IncidentVerdictToJson(const IncidentVerdict& verdict);
//! The record of what happened (the timeline's [[record]] for this incident) beside casus's
//! verdict for the same clause: "", or a block of text.
std::string RenderRecord(const IncidentVerdict& verdict, const Timeline& timeline);
//! [{"instrument","clause","outcome","text","sources","casus_status","casus_condition"}], for --record --json.
nlohmann::json RecordToJson(const IncidentVerdict& verdict, const Timeline& timeline);

}  // namespace casus
