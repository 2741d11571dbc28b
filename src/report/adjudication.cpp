#include "casus/report/adjudication.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/report/summary.hpp"
#include "casus/report/text_table.hpp"

namespace casus {

namespace {

using nlohmann::json;

std::string DescribeFacts(const Incident& incident) {
  std::vector<std::string> facts;
  if (incident.scale) facts.emplace_back(ToString(*incident.scale));
  if (incident.deliberate) facts.push_back(*incident.deliberate ? "deliberate" : "not deliberate");
  if (incident.sustained) facts.push_back(*incident.sustained ? "sustained" : "not sustained");
  return facts.empty() ? std::string("scale not stated") : fmt::format("{}", fmt::join(facts, ", "));
}

std::string DescribeDeadline(const DutyOwed& duty) {
  switch (duty.deadline.kind) {
    case DeadlineKind::Forthwith: return "forthwith";
    case DeadlineKind::None: return "no deadline";
    case DeadlineKind::Within: return fmt::format("by {} ({} after the incident)", FormatTime(*duty.due), duty.deadline.within.ToString());
  }
  return "";
}

std::string DescribeOutcome(const DecisionOutcome& outcome) {
  std::string text;
  switch (outcome.rule) {
    case DecisionRule::EachParty: text = "each party for itself"; break;
    case DecisionRule::Unstated: text = "rule not stated"; break;
    case DecisionRule::SecurityCouncil: text = "UN Security Council"; break;
    default: text = std::string(ToString(outcome.rule)); break;
  }
  if (!outcome.body.empty()) text += fmt::format(" ({})", outcome.body);
  if (!outcome.needs.empty()) text += fmt::format(", needs {}", fmt::join(outcome.needs, ", "));
  return text;
}

// Text wrapped at `width`, the first line at `indent`, the others two columns further in.
void Line(std::string& out, size_t indent, const std::string& text, size_t width = 100) {
  const std::string pad(indent, ' ');
  bool first = true;
  for (const auto& line : WrapText(text, width - indent)) {
    out += (first ? pad : pad + "  ") + line + '\n';
    first = false;
  }
}

std::string_view VerdictWord(const ClauseVerdict& verdict) {
  switch (verdict.condition) {
    case Condition::Triggered: return "TRIGGERED";
    case Condition::Breached: return "BREACHED";
    case Condition::NotBreached: return "kept";
    default: return "not triggered";
  }
}

json OutcomeToJson(const DecisionOutcome& outcome) {
  json out = {{"rule", ToString(outcome.rule)},
              {"needs", outcome.needs},
              {"veto_holders", outcome.veto_holders},
              {"attacker_can_block", outcome.attacker_can_block}};
  if (!outcome.body.empty()) out["body"] = outcome.body;
  return out;
}

}  // namespace

std::string RenderTimelineHeader(const Timeline& timeline, size_t instrument_count) {
  std::string out = fmt::format("Timeline {}{}: {} incident{} against {} instrument{}\n", timeline.id,
                                timeline.title.empty() ? "" : fmt::format(" ({})", timeline.title), timeline.incidents.size(),
                                timeline.incidents.size() == 1 ? "" : "s", instrument_count, instrument_count == 1 ? "" : "s");
  for (const auto& status : timeline.statuses) {
    out += fmt::format("  status {} {}: {}{}\n", FormatTime(status.at), ToString(status.kind), fmt::join(status.parties, ", "),
                       status.instrument.empty() ? "" : fmt::format(" ({})", status.instrument));
  }
  return out;
}

std::string RenderIncidentVerdict(const IncidentVerdict& verdict, const PartyTable& parties) {
  const Incident& incident = *verdict.incident;
  std::string out;
  const std::string place_name = parties.SubdivisionName(incident.where);
  out += fmt::format("\n{} — {}: {} by {} on {} at {}{}; {}\n", FormatTime(incident.at), incident.id, ToString(incident.kind),
                     incident.by, incident.against, incident.where, place_name.empty() ? "" : fmt::format(" ({})", place_name),
                     DescribeFacts(incident));
  for (const StatusEvent* status : verdict.context) {
    out += fmt::format("  context: {} ({}) since {}\n", ToString(status->kind), fmt::join(status->parties, ", "), FormatTime(status->at));
  }
  for (const auto& instrument_verdict : verdict.instruments) {
    out += fmt::format("  {} — {}\n", instrument_verdict.instrument->id, instrument_verdict.in_force_reason);
    if (!instrument_verdict.in_force) {
      continue;  // every clause has the same reason: said once
    }
    for (const auto& clause_verdict : instrument_verdict.clauses) {
      if (clause_verdict.condition == Condition::NotBreached) {
        continue;  // a restraint the attacker is not bound by: nothing to say in a brief (the JSON has it)
      }
      Line(out, 4, fmt::format("{} {} [{}]: {}", VerdictWord(clause_verdict), clause_verdict.clause->cite,
                               clause_verdict.clause->id, clause_verdict.reason));
      // Parties owing the same duty, by the same deadline, with the same means, share a line.
      const auto& duties = clause_verdict.duties;
      for (size_t first = 0; first < duties.size();) {
        size_t last = first + 1;
        std::vector<std::string> owing = {duties[first].party};
        while (last < duties.size() && duties[last].strength == duties[first].strength &&
               duties[last].due == duties[first].due && duties[last].deadline.kind == duties[first].deadline.kind &&
               duties[last].means == duties[first].means) {
          owing.push_back(duties[last++].party);
        }
        std::string text = fmt::format("{} must {} — {}", fmt::join(owing, ", "), DutyVerb(duties[first].strength),
                                       DescribeDeadline(duties[first]));
        if (!duties[first].means.empty()) text += fmt::format("; means: {}", fmt::join(ToStrings(duties[first].means), ", "));
        Line(out, 8, text);
        first = last;
      }
      if (std::any_of(duties.begin(), duties.end(), [&](const DutyOwed& duty) { return duty.party == incident.by; })) {
        Line(out, 8, fmt::format("note: {}, the attacker, is itself among those who owe this duty", incident.by));
      }
      if (clause_verdict.attribution) Line(out, 8, "attribution: " + DescribeOutcome(*clause_verdict.attribution));
      if (clause_verdict.decision) {
        std::string text = "decision: " + DescribeOutcome(*clause_verdict.decision);
        if (!clause_verdict.decision->veto_holders.empty()) {
          text += fmt::format("; can block: {}", fmt::join(clause_verdict.decision->veto_holders, ", "));
        }
        if (clause_verdict.decision->attacker_can_block) text += fmt::format(" — the attacker, {}, can block it", incident.by);
        Line(out, 8, text);
      }
    }
  }
  return out;
}

nlohmann::json IncidentVerdictToJson(const IncidentVerdict& verdict) {
  const Incident& incident = *verdict.incident;
  json out = {{"id", incident.id},
              {"at", FormatTime(incident.at)},
              {"kind", ToString(incident.kind)},
              {"by", incident.by},
              {"against", incident.against},
              {"where", incident.where},
              {"scale", incident.scale ? json(ToString(*incident.scale)) : json(nullptr)},
              {"deliberate", incident.deliberate ? json(*incident.deliberate) : json(nullptr)},
              {"sustained", incident.sustained ? json(*incident.sustained) : json(nullptr)}};
  json instruments = json::array();
  for (const auto& instrument_verdict : verdict.instruments) {
    json clauses = json::array();
    for (const auto& clause_verdict : instrument_verdict.clauses) {
      json duties = json::array();
      for (const auto& duty : clause_verdict.duties) {
        json deadline = duty.due ? json(FormatTime(*duty.due))
                                 : duty.deadline.kind == DeadlineKind::Forthwith ? json("forthwith") : json(nullptr);
        duties.push_back({{"party", duty.party}, {"duty", ToString(duty.strength)}, {"deadline", deadline},
                          {"means", ToStrings(duty.means)}});
      }
      clauses.push_back({{"clause", clause_verdict.clause->id},
                         {"cite", clause_verdict.clause->cite},
                         {"kind", ToString(clause_verdict.clause->kind)},
                         {"triggered", clause_verdict.Triggered()},
                         {"condition", ToString(clause_verdict.condition)},
                         {"reason", clause_verdict.reason},
                         {"duties", duties},
                         {"decision", clause_verdict.decision ? OutcomeToJson(*clause_verdict.decision) : json(nullptr)},
                         {"attribution", clause_verdict.attribution ? OutcomeToJson(*clause_verdict.attribution) : json(nullptr)}});
    }
    instruments.push_back({{"id", instrument_verdict.instrument->id},
                           {"hypothetical", instrument_verdict.hypothetical},
                           {"in_force", instrument_verdict.in_force},
                           {"in_force_reason", instrument_verdict.in_force_reason},
                           {"clauses", clauses}});
  }
  out["instruments"] = instruments;
  return out;
}

}  // namespace casus
