#include <fmt/format.h>

#include "casus/report/json.hpp"

namespace casus {

namespace {
using nlohmann::json;

json OptionalDate(const std::optional<Date>& date) { return date ? json(FormatDate(*date)) : json(nullptr); }

json DatedParties(const std::vector<std::pair<std::string, Date>>& dated) {
  json out = json::object();
  for (const auto& [party, date] : dated) out[party] = FormatDate(date);
  return out;
}

json DecisionToJson(const Decision& decision) {
  json out = {{"rule", ToString(decision.rule)}, {"by", decision.by}, {"by_written", decision.by_written}};
  if (!decision.body.empty()) out["body"] = decision.body;
  if (!decision.unencoded.empty()) out["unencoded"] = decision.unencoded;
  out["line"] = decision.position.line;
  return out;
}

json ClauseToJson(const Clause& clause) {
  json out = {{"id", clause.id},         {"cite", clause.cite},
              {"text", clause.text},     {"kind", ToString(clause.kind)},
              {"obligated", clause.obligated}, {"protected", clause.protected_parties},
              {"line", clause.position.line}};
  if (IsRestraintKind(clause.kind)) {
    out["forbids"] = ToStrings(clause.forbids);
    out["exceptions"] = ToStrings(clause.exceptions);
  }
  if (clause.trigger) {
    const Trigger& trigger = *clause.trigger;
    out["trigger"] = {{"events", ToStrings(trigger.events)},
                      {"threshold",
                       {{"scale", ToString(trigger.threshold.scale)},
                        {"deliberate", trigger.threshold.deliberate},
                        {"sustained", trigger.threshold.sustained}}},
                      {"area", trigger.area.empty() ? json(nullptr) : json(trigger.area)},
                      {"attribution", trigger.attribution ? DecisionToJson(*trigger.attribution) : json(nullptr)},
                      {"activation", ToStrings(trigger.activation)},
                      {"attackers", AttackersToJson(trigger.by)},
                      {"void_if", ToStrings(trigger.void_if)},
                      {"on_request", trigger.on_request}};
  }
  if (clause.duty) {
    const Duty& duty = *clause.duty;
    out["duty"] = {{"strength", ToString(duty.strength)},
                   {"means", ToStrings(duty.means)},
                   {"means_choice", ToString(duty.means_choice)},
                   {"deadline", duty.deadline.ToString()},
                   {"constitutional", duty.constitutional}};
  }
  if (clause.decision) out["decision"] = DecisionToJson(*clause.decision);
  if (clause.forces) {
    out["forces"] = {{"by", clause.forces->by},
                     {"where", clause.forces->where},
                     {"domains", clause.forces->domains},
                     {"size", clause.forces->size}};
  }
  if (!clause.unencoded.empty()) out["unencoded"] = clause.unencoded;
  return out;
}
}  // namespace

nlohmann::json InstrumentHeaderToJson(const Instrument& instrument) {
  return {{"id", instrument.id},
          {"title", instrument.title},
          {"file", instrument.file},
          {"form", ToString(instrument.form)},
          {"binding", ToString(instrument.binding)},
          {"status", ToString(instrument.status)},
          {"hypothetical", instrument.IsHypothetical()}};
}

nlohmann::json AttackersToJson(const AttackerScope& attackers) {
  if (attackers.any_state) return nlohmann::json::array({"any-state"});
  if (attackers.non_party_state) return nlohmann::json::array({"non-party-state"});
  return attackers.states;
}

nlohmann::json InstrumentToJson(const Instrument& instrument) {
  json out = InstrumentHeaderToJson(instrument);
  out.update({{"signed", OptionalDate(instrument.signed_on)},
              {"in_force", OptionalDate(instrument.in_force_on)},
              {"ended", OptionalDate(instrument.ended_on)},
              {"last_verified", OptionalDate(instrument.last_verified)},
              {"duration", instrument.duration.ToString()},
              {"sources", instrument.sources},
              {"parties",
               {{"members", instrument.parties.members},
                {"guarantors", instrument.parties.guarantors},
                {"co_guarantors", instrument.parties.co_guarantors},
                {"beneficiaries", instrument.parties.beneficiaries},
                {"adversaries", instrument.parties.adversaries},
                {"signatories", instrument.parties.signatories},
                {"joined", DatedParties(instrument.parties.joined)},
                {"left", DatedParties(instrument.parties.left)}}}});
  if (instrument.exit) {
    const Exit& exit = *instrument.exit;
    out["exit"] = {{"cite", exit.cite},
                   {"text", exit.text},
                   {"notice", exit.notice ? json(exit.notice->ToString()) : json(nullptr)},
                   {"not_before", exit.not_before ? json(exit.not_before->ToString()) : json(nullptr)},
                   {"renewal", ToString(exit.renewal)},
                   {"ends_if", exit.ends_if},
                   {"unencoded", exit.unencoded}};
  } else {
    out["exit"] = nullptr;
  }
  json areas = json::array();
  for (const auto& area : instrument.areas) {
    json covers = area.covers;
    if (area.covers_protected_territory) covers.insert(covers.begin(), "protected-territory");
    areas.push_back({{"id", area.id}, {"cite", area.cite}, {"text", area.text}, {"covers", covers}, {"excludes", area.excludes}});
  }
  out["areas"] = areas;
  json clauses = json::array();
  for (const auto& clause : instrument.clauses) clauses.push_back(ClauseToJson(clause));
  out["clauses"] = clauses;
  if (!instrument.notes.empty()) out["notes"] = instrument.notes;
  if (!instrument.unencoded.empty()) out["unencoded"] = instrument.unencoded;
  return out;
}

}  // namespace casus
