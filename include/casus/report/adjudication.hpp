// Adjudication verdicts → a brief in text, or JSON (docs/cli.md, `casus adjudicate`).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "casus/core/party_table.hpp"
#include "casus/engine/adjudicate.hpp"

namespace casus {

//! The timeline's header: id, title, counts and its status events.
std::string RenderTimelineHeader(const Timeline& timeline, size_t instrument_count);
//! One incident's verdicts as a brief: per instrument, per clause, the verdict and its reason,
//! the duties with deadlines, the decision and who can block it.
std::string RenderIncidentVerdict(const IncidentVerdict& verdict, const PartyTable& parties);
//! {"id","at","kind","by","against","where",…,"instruments":[{"id","hypothetical","in_force",
//! "in_force_reason","clauses":[{"clause","cite","kind","triggered","condition","reason","duties",
//! "decision","attribution"}]}]}.
nlohmann::json IncidentVerdictToJson(const IncidentVerdict& verdict);

}  // namespace casus
