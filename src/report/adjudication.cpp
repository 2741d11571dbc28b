#include "casus/report/adjudication.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/report/summary.hpp"
#include "casus/report/text_table.hpp"
#include "casus/spec/in_words.hpp"

namespace casus {

namespace {

using nlohmann::json;

std::string DescribeFacts(const Incident& incident) {
  std::vector<std::string> facts;
  if (incident.scale) facts.emplace_back(ToString(*incident.scale));
  if (incident.deliberate) facts.push_back(*incident.deliberate ? "deliberate" : "not deliberate");
  if (incident.sustained) facts.push_back(*incident.sustained ? "sustained" : "not sustained");
  if (incident.effects) facts.push_back(fmt::format("effects: {}", ToString(*incident.effects)));
  if (facts.empty()) facts.emplace_back("scale not stated");
  return fmt::format("{}", fmt::join(facts, ", "));
}

std::string DescribeDeadline(const DutyOwed& duty, const TimeZone& zone) {
  switch (duty.deadline.kind) {
    case DeadlineKind::Forthwith: return "forthwith";
    case DeadlineKind::None: return "no deadline";
    case DeadlineKind::Within: {
      std::string text = duty.due ? fmt::format("by {} ({} after the {})", zone.Format(*duty.due), InWords(duty.deadline.within), ToString(duty.from))
                                  : fmt::format("within {} of the {}", InWords(duty.deadline.within), ToString(duty.from));
      if (!duty.hedge.empty()) text += fmt::format(", {}: not a firm deadline", duty.hedge);
      return text;
    }
  }
  return "";
}

// "must assist", "have a political commitment to assist", "would have to assist", …
std::string DutyPhrase(const DutyOwed& duty) {
  if (duty.binding == Binding::Political) {
    return fmt::format("{} a political commitment to {}", duty.would ? "would have" : "have", DutyVerb(duty.strength));
  }
  return fmt::format("{} {}", duty.would ? "would have to" : "must", DutyVerb(duty.strength));
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
  switch (verdict.status) {
    case ClauseStatus::Owed: return "OWED";
    case ClauseStatus::OwedOnce: return "OWED ONCE";
    case ClauseStatus::NotOwed: return "not owed";
    case ClauseStatus::Breached: return "BREACHED";
    case ClauseStatus::NotBreached: return "kept";
  }
  return "";
}

json OutcomeToJson(const DecisionOutcome& outcome) {
  json out = {{"rule", ToString(outcome.rule)},
              {"needs", outcome.needs},
              {"veto_holders", outcome.veto_holders},
              {"attacker_can_block", outcome.attacker_can_block}};
  if (!outcome.body.empty()) out["body"] = outcome.body;
  out["blocks_duty"] = outcome.blocks_duty;
  if (!outcome.organisations.empty()) out["organisations_expanded"] = outcome.organisations;
  return out;
}

json NeedsToJson(const std::vector<Need>& needs) {
  json out = json::array();
  for (const auto& need : needs) out.push_back({{"kind", ToString(need.kind)}, {"by", need.by}, {"text", need.text}});
  return out;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

constexpr std::string_view kLimitsNotJudged =
    "limits: necessity and proportionality of the armed response (Nicaragua §176, §194; Oil Platforms §§43, 73-77) are "
    "not judged: the timeline records the attack, not the measures taken";

std::string DescribeForcesStruck(const ForcesStruck& struck) {
  const std::string who = struck.parties.empty() ? std::string("forces (contributors not named)")
                                                 : fmt::format("the forces of {}", fmt::join(struck.parties, ", "));
  return fmt::format("FORCES {} [{}]: the incident strikes where it places {} (in {}); an attack on them is an armed attack "
                     "on their states (GA Res. 3314 Art. 3(d)), a tripwire whatever the clauses above owe",
                     struck.clause->cite, struck.clause->id, who, fmt::join(struck.where, ", "));
}

}  // namespace

std::string RenderTimelineHeader(const Timeline& timeline, size_t instrument_count, const TimeZone& zone) {
  std::string out = fmt::format("Timeline {}{}: {} incident{} against {} instrument{}\n", timeline.id,
                                timeline.title.empty() ? "" : fmt::format(" ({})", timeline.title), timeline.incidents.size(),
                                timeline.incidents.size() == 1 ? "" : "s", instrument_count, instrument_count == 1 ? "" : "s");
  if (!zone.utc()) out += fmt::format("  times in {} (local time, its offset from UTC after each)\n", zone.name());
  for (const auto& status : timeline.statuses) {
    if (IsIncidentAct(status.kind)) continue;  // shown with the incident they concern
    out += fmt::format("  status {} {}: {}{}{}\n", zone.Format(status.at), ToString(status.kind), fmt::join(status.parties, ", "),
                       status.towards.empty() ? "" : fmt::format(" towards {}", fmt::join(status.towards, ", ")),
                       status.instrument.empty() ? "" : fmt::format(" ({})", status.instrument));
  }
  return out;
}

void AdjudicationSummary::Add(const IncidentVerdict& verdict) {
  incidents_.push_back(verdict.incident->id);
  for (size_t idx = 0; idx < verdict.instruments.size(); ++idx) {
    const InstrumentVerdict& instrument = verdict.instruments[idx];
    if (idx >= instruments_.size()) {
      instruments_.push_back(instrument.instrument->id);
      cells_.emplace_back();
    }
    const auto count = [&](ClauseStatus status) {
      return std::count_if(instrument.clauses.begin(), instrument.clauses.end(), [status](const ClauseVerdict& clause) { return clause.status == status; });
    };
    std::string cell = !instrument.in_force            ? "not in force"
                       : count(ClauseStatus::Owed) > 0     ? "OWED"
                       : count(ClauseStatus::OwedOnce) > 0 ? "owed once"
                                                           : "—";
    if (instrument.in_force && count(ClauseStatus::Breached) > 0) cell += fmt::format(" +{} breached", count(ClauseStatus::Breached));
    cells_[idx].push_back(std::move(cell));
  }
}

std::string AdjudicationSummary::Render() const {
  std::vector<std::string> header = {"instrument"};
  header.insert(header.end(), incidents_.begin(), incidents_.end());
  TextTable table(header, 24);  // "owed once +1 breached" (21) on one line
  for (size_t idx = 0; idx < instruments_.size(); ++idx) {
    std::vector<std::string> row = {instruments_[idx]};
    row.insert(row.end(), cells_[idx].begin(), cells_[idx].end());
    table.AddRow(std::move(row));
  }
  return "\nSummary (the strongest status of each instrument's response clauses; details below):\n" + table.Render() +
         "OWED: a response is owed now · owed once: owed once a request, determination or approval comes\n"
         "—: nothing owed · +N breached: restraint clauses the attack breached\n";
}

std::string RenderIncidentVerdict(const IncidentVerdict& verdict, const PartyTable& parties, const TimeZone& zone) {
  const Incident& incident = *verdict.incident;
  std::string out;
  const std::string place_name = parties.SubdivisionName(incident.where);
  const std::string target = incident.target == Target::Territory ? std::string() : fmt::format("'s {}", ToString(incident.target));
  const std::string place = fmt::format("{}{}", incident.where, place_name.empty() ? "" : fmt::format(" ({})", place_name));
  if (incident.kind == IncidentKind::Stationing) {  // forces in a host, not an attack: no scale to state
    out += '\n' + WrapParagraph(fmt::format("{} — {}: stationing of {}'s forces in {} at {}", zone.Format(incident.at), incident.id, incident.by,
                                             incident.against, place));
  } else {
    out += '\n' + WrapParagraph(fmt::format("{} — {}: {} by {} on {}{} at {}; {}", zone.Format(incident.at), incident.id, ToString(incident.kind),
                                             incident.by, incident.against, target, place, DescribeFacts(incident)));
  }
  const IncidentAssessment& assessment = verdict.assessment;
  if (incident.by == kNonStateActor) {
    out += assessment.attributed ? fmt::format("  attribution: to {} ({})\n", incident.sponsor, ToString(*incident.attribution))
                                 : std::string("  attribution: to no state\n");
  }
  if (assessment.character != Character::Aggression || incident.character) {
    out += fmt::format("  character: {}{}{}\n", ToString(assessment.character),
                       assessment.character_inferred ? fmt::format(" (inferred: answers '{}')", assessment.answers->id) : std::string(" (stated)"),
                       assessment.character == Character::SelfDefence ? "; whether it was necessary and proportionate is not judged" : "");
  }
  for (const StatusEvent* act : assessment.acts) {
    std::string who = act->parties.empty() ? act->body : fmt::format("{}", fmt::join(act->parties, ", "));
    if (!act->body.empty() && !act->parties.empty()) who += fmt::format(" ({})", act->body);
    out += fmt::format("  {} {}: {}{}{}\n", ToString(act->kind), zone.Format(act->at), who,
                       act->finding ? fmt::format(" finds {}", ToString(*act->finding)) : std::string(),
                       act->instrument.empty() ? std::string() : fmt::format(" under {}{}", act->instrument, act->clause.empty() ? "" : " " + act->clause));
  }
  for (const StatusEvent* status : verdict.context) {
    out += fmt::format("  context: {} ({}) since {}\n", ToString(status->kind), fmt::join(status->parties, ", "), zone.Format(status->at));
  }
  for (const auto& instrument_verdict : verdict.instruments) {
    out += fmt::format("  {} — {}\n", instrument_verdict.instrument->id, instrument_verdict.in_force_reason);
    if (!instrument_verdict.in_force) {
      continue;  // every clause has the same reason: said once
    }
    for (const auto& clause_verdict : instrument_verdict.clauses) {
      if (clause_verdict.condition == Condition::NotBreached &&
          (!Contains(clause_verdict.clause->obligated, verdict.assessment.attacker) ||
           !Contains(clause_verdict.clause->protected_parties, incident.against))) {
        continue;  // a restraint the attacker is not bound by: nothing to say in a brief (the JSON has it)
      }
      Line(out, 4, fmt::format("{} {} [{}]: {}", VerdictWord(clause_verdict), clause_verdict.clause->cite,
                               clause_verdict.clause->id, clause_verdict.reason));
      // Parties owing the same duty, by the same deadline, with the same means, share a line.
      const auto& duties = clause_verdict.duties;
      const auto same = [](const DutyOwed& left, const DutyOwed& right) {
        return left.strength == right.strength && left.due == right.due && left.deadline.kind == right.deadline.kind &&
               left.means == right.means && left.excluded == right.excluded;
      };
      std::vector<bool> shown(duties.size(), false);
      for (size_t first = 0; first < duties.size(); ++first) {
        if (shown[first]) continue;
        std::vector<std::string> owing;
        for (size_t other = first; other < duties.size(); ++other) {
          if (!shown[other] && same(duties[first], duties[other])) {
            owing.push_back(duties[other].party);
            shown[other] = true;
          }
        }
        std::string text = fmt::format("{} {} — {}", fmt::join(owing, ", "), DutyPhrase(duties[first]), DescribeDeadline(duties[first], zone));
        if (!duties[first].means.empty()) text += fmt::format("; means: {}", fmt::join(ToStrings(duties[first].means), ", "));
        if (!duties[first].excluded.empty()) {
          text += fmt::format("; not {} ({})", fmt::join(ToStrings(duties[first].excluded), ", "), duties[first].proviso_cite);
        }
        Line(out, 8, text);
      }
      for (const auto& need : clause_verdict.needs) Line(out, 8, "needs: " + need.text);
      if (clause_verdict.attribution) Line(out, 8, "attribution: " + DescribeOutcome(*clause_verdict.attribution));
      if (clause_verdict.decision) {
        std::string text = "decision: " + DescribeOutcome(*clause_verdict.decision);
        if (!clause_verdict.decision->veto_holders.empty()) {
          text += fmt::format("; can block: {}", fmt::join(clause_verdict.decision->veto_holders, ", "));
        }
        if (clause_verdict.decision->attacker_can_block) text += fmt::format(" — the attacker, {}, can block it", verdict.assessment.attacker);
        if (!clause_verdict.decision->blocks_duty) text += " (the result, not the duty to seek it: an obligation of conduct)";
        Line(out, 8, text);
      }
      if (clause_verdict.limits_not_judged) Line(out, 8, std::string(kLimitsNotJudged));
    }
    for (const auto& struck : instrument_verdict.forces_struck) Line(out, 4, DescribeForcesStruck(struck));
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
              {"sustained", incident.sustained ? json(*incident.sustained) : json(nullptr)},
              {"target", ToString(incident.target)},
              {"character", ToString(verdict.assessment.character)},
              {"character_inferred", verdict.assessment.character_inferred},
              {"attacker", verdict.assessment.attacker},
              {"attributed", verdict.assessment.attributed},
              {"accumulated_scale", verdict.assessment.accumulated.empty() ? json(nullptr) : json(ToString(*verdict.assessment.scale))},
              {"necessity_proportionality", verdict.assessment.character == Character::SelfDefence ? json("not-judged") : json(nullptr)}};
  json instruments = json::array();
  for (const auto& instrument_verdict : verdict.instruments) {
    json clauses = json::array();
    for (const auto& clause_verdict : instrument_verdict.clauses) {
      json duties = json::array();
      for (const auto& duty : clause_verdict.duties) {
        json deadline = duty.due ? json(FormatTime(*duty.due))
                                 : duty.deadline.kind == DeadlineKind::Forthwith ? json("forthwith") : json(nullptr);
        json one = {{"party", duty.party}, {"duty", ToString(duty.strength)}, {"deadline", deadline},
                    {"means", ToStrings(duty.means)}, {"binding", ToString(duty.binding)}, {"would", duty.would},
                    {"deadline_from", ToString(duty.from)}, {"deadline_firm", duty.hedge.empty()},
                    {"constitutional", duty.constitutional}};
        if (!duty.excluded.empty()) one["excluded_means"] = ToStrings(duty.excluded);
        duties.push_back(std::move(one));
      }
      clauses.push_back({{"clause", clause_verdict.clause->id},
                         {"cite", clause_verdict.clause->cite},
                         {"kind", ToString(clause_verdict.clause->kind)},
                         {"triggered", clause_verdict.Triggered()},
                         {"status", ToString(clause_verdict.status)},
                         {"needs", NeedsToJson(clause_verdict.needs)},
                         {"breached", ToStrings(clause_verdict.breached)},
                         {"condition", ToString(clause_verdict.condition)},
                         {"reason", clause_verdict.reason},
                         {"duties", duties},
                         {"decision", clause_verdict.decision ? OutcomeToJson(*clause_verdict.decision) : json(nullptr)},
                         {"attribution", clause_verdict.attribution ? OutcomeToJson(*clause_verdict.attribution) : json(nullptr)},
                         {"necessity_proportionality", clause_verdict.limits_not_judged ? json("not-judged") : json(nullptr)}});
    }
    json forces_struck = json::array();
    for (const auto& struck : instrument_verdict.forces_struck) {
      forces_struck.push_back({{"clause", struck.clause->id}, {"cite", struck.clause->cite}, {"parties", struck.parties},
                               {"where", struck.where}, {"text", DescribeForcesStruck(struck)}});
    }
    instruments.push_back({{"id", instrument_verdict.instrument->id},
                           {"hypothetical", instrument_verdict.hypothetical},
                           {"in_force", instrument_verdict.in_force},
                           {"in_force_reason", instrument_verdict.in_force_reason},
                           {"binding", ToString(instrument_verdict.instrument->binding)},
                           {"clauses", clauses},
                           {"forces_struck", forces_struck}});
  }
  out["instruments"] = instruments;
  return out;
}

namespace {
const ClauseVerdict* FindClauseVerdict(const IncidentVerdict& verdict, const Record& record) {
  for (const auto& instrument_verdict : verdict.instruments) {
    if (instrument_verdict.instrument->id != record.instrument) continue;
    for (const auto& clause_verdict : instrument_verdict.clauses) {
      if (clause_verdict.clause->id == record.clause) return &clause_verdict;
    }
  }
  return nullptr;
}

// Whether casus's reading agrees with the record: a duty casus finds owed that was honoured, a
// duty casus finds not owed that was not invoked, agree; the rest is for the reader to weigh.
std::string_view Agreement(const Record& record, const ClauseVerdict* clause_verdict) {
  if (clause_verdict == nullptr) return "casus has no verdict (instrument or clause not adjudicated)";
  const ClauseStatus status = clause_verdict->status;
  if (status == ClauseStatus::Breached || status == ClauseStatus::NotBreached) {  // restraint clauses
    const bool breached = status == ClauseStatus::Breached;
    switch (record.outcome) {
      case RecordOutcome::NotHonoured: return breached ? "agrees: breached" : "differs: casus finds it kept";
      case RecordOutcome::Honoured: return breached ? "differs: casus finds it breached" : "agrees: kept";
      case RecordOutcome::NotInvoked: return breached ? "differs: casus finds it breached" : "agrees";
      case RecordOutcome::Disputed: return "disputed: casus gives one reading";
    }
  }
  switch (record.outcome) {
    case RecordOutcome::Honoured: return status == ClauseStatus::Owed ? "agrees" : "differs: honoured, though casus finds it not (yet) owed";
    case RecordOutcome::NotHonoured:
      return status == ClauseStatus::Owed ? "agrees: owed and not honoured"
             : status == ClauseStatus::OwedOnce ? "differs in part: casus finds it owed only once its needs are met"
                                                : "differs: the parties' dispute turned on a duty casus finds not owed";
    case RecordOutcome::NotInvoked:
      return status == ClauseStatus::Owed ? "differs: casus finds it owed, yet nobody invoked it" : "agrees";
    case RecordOutcome::Disputed: return "disputed: casus gives one reading";
  }
  return "";
}
}  // namespace

std::string RenderRecord(const IncidentVerdict& verdict, const Timeline& timeline) {
  std::string out;
  for (const auto& record : timeline.records) {
    if (record.incident != verdict.incident->id) continue;
    const ClauseVerdict* clause_verdict = FindClauseVerdict(verdict, record);
    if (out.empty()) out += "  the record beside casus:\n";
    Line(out, 4, fmt::format("{} {}: record {} — casus {} — {}", record.instrument, record.clause, ToString(record.outcome),
                             clause_verdict != nullptr ? ToString(clause_verdict->status) : std::string_view("-"),
                             Agreement(record, clause_verdict)));
    Line(out, 8, record.text);
    Line(out, 8, fmt::format("sources: {}", fmt::join(record.sources, "; ")));
  }
  return out;
}

nlohmann::json RecordToJson(const IncidentVerdict& verdict, const Timeline& timeline) {
  json out = json::array();
  for (const auto& record : timeline.records) {
    if (record.incident != verdict.incident->id) continue;
    const ClauseVerdict* clause_verdict = FindClauseVerdict(verdict, record);
    out.push_back({{"instrument", record.instrument},
                   {"clause", record.clause},
                   {"outcome", ToString(record.outcome)},
                   {"text", record.text},
                   {"sources", record.sources},
                   {"casus_status", clause_verdict != nullptr ? json(ToString(clause_verdict->status)) : json(nullptr)},
                   {"agreement", Agreement(record, clause_verdict)}});
  }
  return out;
}

}  // namespace casus
