#include "casus/report/show.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/report/summary.hpp"
#include "casus/report/text_table.hpp"
#include "casus/spec/in_words.hpp"

namespace casus {

namespace {

std::string Names(const std::vector<std::string>& ids, const PartyTable& parties) {
  constexpr size_t kMaxNamed = 6;  // longer lists print codes only
  if (ids.size() > kMaxNamed) {
    return fmt::format("{} ({} parties)", fmt::join(ids, ", "), ids.size());
  }
  std::vector<std::string> named;
  for (const auto& id : ids) {
    const PartyInfo* party = parties.Find(id);
    named.push_back(party != nullptr ? fmt::format("{} ({})", id, party->name) : id);
  }
  return named.empty() ? "-" : fmt::format("{}", fmt::join(named, ", "));
}

// "label: text", the text wrapped and indented under the label.
void Field(std::string& out, std::string_view indent, std::string_view label, const std::string& text, size_t width) {
  const std::string lead = fmt::format("{}{}: ", indent, label);
  const size_t text_width = width > lead.size() + 20 ? width - lead.size() : 20;
  bool first = true;
  size_t start = 0;
  while (start <= text.size()) {  // each paragraph of the text wrapped on its own
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    for (const auto& line : WrapText(text.substr(start, end - start), text_width)) {
      out += (first ? lead : std::string(DisplayWidth(lead), ' ')) + line + '\n';
      first = false;
    }
    start = end + 1;
  }
}

std::string Quote(const std::string& text) { return "\u201c" + text + "\u201d"; }

}  // namespace

std::string RenderInstrument(const Instrument& instrument, const std::vector<Finding>& findings,
                             const PartyTable& parties, size_t width) {
  std::string out;
  out += fmt::format("{} — {}\n", instrument.id, instrument.title);
  const std::string_view form = ToString(instrument.form);
  const std::string_view status = ToString(instrument.status);  // a proposal's status is "proposal": said once
  out += fmt::format("{} · {}{}{}\n", form, ToString(instrument.binding), status == form ? "" : fmt::format(" · {}", status),
                     instrument.IsHypothetical() ? " (analysed as if in force)" : "");
  std::vector<std::string> dates;
  if (instrument.signed_on) dates.push_back("signed " + FormatDate(*instrument.signed_on));
  if (instrument.in_force_on) dates.push_back("in force " + FormatDate(*instrument.in_force_on));
  if (instrument.ended_on) dates.push_back("ended " + FormatDate(*instrument.ended_on));
  if (!dates.empty()) out += fmt::format("{}\n", fmt::join(dates, " · "));
  Field(out, "", "duration", DescribeDurationAndExit(instrument), width);
  if (instrument.exit && !instrument.exit->text.empty()) {
    Field(out, "  ", fmt::format("exit ({})", instrument.exit->cite), Quote(instrument.exit->text), width);
  }
  if (instrument.exit && !instrument.exit->unencoded.empty()) Field(out, "  ", "exit, not encoded", instrument.exit->unencoded, width);
  const Parties& p = instrument.parties;
  if (!p.members.empty()) Field(out, "", "members", Names(p.members, parties), width);
  if (!p.guarantors.empty()) Field(out, "", "guarantors", Names(p.guarantors, parties), width);
  if (!p.co_guarantors.empty()) Field(out, "", "co-guarantors", Names(p.co_guarantors, parties), width);
  if (!p.beneficiaries.empty()) Field(out, "", "beneficiaries", Names(p.beneficiaries, parties), width);
  if (!p.adversaries.empty()) Field(out, "", "named adversaries", Names(p.adversaries, parties), width);
  if (!p.signatories.empty()) Field(out, "", "other signatories", Names(p.signatories, parties), width);
  for (const auto& source : instrument.sources) Field(out, "", "source", source, width);
  if (!instrument.notes.empty()) Field(out, "", "notes", instrument.notes, width);
  if (!instrument.unencoded.empty()) Field(out, "", "not encoded", instrument.unencoded, width);

  auto findings_for = [&](const std::string& clause_id) {
    for (const auto& finding : findings) {
      if (finding.clause == clause_id) {
        Field(out, "  ", fmt::format("{} [{}]", SeverityName(finding.severity), finding.rule), finding.message, width);
      }
    }
  };
  findings_for("");

  for (const auto& area : instrument.areas) {
    out += fmt::format("\nArea '{}' — {}\n", area.id, area.cite);
    Field(out, "  ", "text", Quote(area.text), width);
    std::vector<std::string> covers = area.covers;
    if (area.covers_protected_territory) covers.insert(covers.begin(), "the protected parties' territory");
    Field(out, "  ", "covers", fmt::format("{}", fmt::join(covers, ", ")), width);
    if (!area.excludes.empty()) {
      std::vector<std::string> excluded;
      for (const auto& code : area.excludes) {
        const std::string name = parties.SubdivisionName(code);
        excluded.push_back(name.empty() ? code : fmt::format("{} ({})", code, name));
      }
      Field(out, "  ", "excludes", fmt::format("{}", fmt::join(excluded, ", ")), width);
    }
    if (!area.unencoded.empty()) Field(out, "  ", "not encoded", area.unencoded, width);
  }

  for (const auto& clause : instrument.clauses) {
    out += fmt::format("\n{} — {} [{}]\n", clause.cite, clause.id, ToString(clause.kind));
    Field(out, "  ", "text", Quote(clause.text), width);
    Field(out, "  ", "obliges", Names(clause.obligated, parties), width);
    Field(out, "  ", "protects", Names(clause.protected_parties, parties), width);
    if (clause.trigger) {
      const Trigger& trigger = *clause.trigger;
      std::string when = fmt::format("{}; threshold {}", fmt::join(ToStrings(trigger.events), ", "), trigger.threshold.ToString());
      if (!trigger.area.empty()) when += fmt::format("; in area '{}'", trigger.area);
      if (!trigger.activation.empty()) when += fmt::format("; only once {}", fmt::join(ToStrings(trigger.activation), " and "));
      if (trigger.on_request) when += "; at a party's request";
      if (!trigger.by.IsAny()) when += fmt::format("; answers attacks by {}", DescribeAttackers(trigger.by));
      if (!trigger.void_if.empty()) when += fmt::format("; void if {}", fmt::join(ToStrings(trigger.void_if), ", "));
      Field(out, "  ", "trigger", when, width);
      Field(out, "  ", "attribution", trigger.attribution ? DescribeDecision(*trigger.attribution) : "not stated", width);
    }
    if (clause.duty) {
      const Duty& duty = *clause.duty;
      std::string owed = std::string(DescribeDutyStrength(duty.strength));
      if (duty.constitutional) owed += ", in accordance with constitutional processes or laws";
      Field(out, "  ", "duty", owed, width);
      if (!duty.means.empty()) {
        Field(out, "  ", "means", fmt::format("{} (chosen: {})", fmt::join(ToStrings(duty.means), ", "), ToString(duty.means_choice)), width);
      }
      Field(out, "  ", "deadline", InWords(duty.deadline), width);
    }
    if (clause.decision) Field(out, "  ", "decision", DescribeDecision(*clause.decision), width);
    if (IsRestraintKind(clause.kind)) {
      Field(out, "  ", "forbids", fmt::format("{}; excepted: {}", fmt::join(ToStrings(clause.forbids), ", "),
                                              clause.exceptions.empty() ? std::string("nothing") : fmt::format("{}", fmt::join(ToStrings(clause.exceptions), ", "))),
            width);
    }
    if (clause.forces) {
      std::string forces = fmt::format("by {} in {}", clause.forces->by.empty() ? std::string("(not named)") : fmt::format("{}", fmt::join(clause.forces->by, ", ")),
                                       fmt::join(clause.forces->where, ", "));
      if (!clause.forces->domains.empty()) forces += fmt::format(" ({})", fmt::join(clause.forces->domains, ", "));
      if (!clause.forces->size.empty()) forces += "; size " + clause.forces->size;
      Field(out, "  ", "forces", forces, width);
    }
    if (!clause.unencoded.empty()) Field(out, "  ", "not encoded", clause.unencoded, width);
    findings_for(clause.id);
  }
  return out;
}

}  // namespace casus
