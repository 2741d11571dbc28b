#include "casus/report/compare.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/report/json.hpp"
#include "casus/report/text_table.hpp"
#include "casus/spec/in_words.hpp"

namespace casus {

namespace {
std::string JoinOr(const std::vector<std::string>& items, std::string_view empty) {
  return items.empty() ? std::string(empty) : fmt::format("{}", fmt::join(items, ", "));
}

// Parties, or "all N members" when they are exactly the members of a mutual pact.
std::string DescribeParties(const std::vector<std::string>& parties, const Instrument& instrument) {
  const auto& members = instrument.parties.members;
  if (!members.empty() && parties.size() == members.size() &&
      std::is_permutation(parties.begin(), parties.end(), members.begin())) {
    return fmt::format("all {} members", members.size());
  }
  return JoinOr(parties, "-");
}
}  // namespace

std::string RenderCompare(const std::vector<InstrumentSummary>& summaries, size_t column_width) {
  std::vector<std::string> header = {""};
  for (const auto& summary : summaries) header.push_back(summary.instrument->id);
  TextTable table(header, column_width);
  auto row = [&](std::string label, auto cell) {
    std::vector<std::string> cells = {std::move(label)};
    for (const auto& summary : summaries) cells.push_back(cell(summary));
    table.AddRow(std::move(cells));
  };
  auto primary_field = [](const InstrumentSummary& summary, auto field) -> std::string {
    return summary.primary == nullptr ? "(no response clause)" : field(*summary.primary);
  };
  row("status", [](const InstrumentSummary& s) {
    return fmt::format("{}{}", ToString(s.instrument->status), s.instrument->IsHypothetical() ? " (as if in force)" : "");
  });
  row("binding", [](const InstrumentSummary& s) { return std::string(ToString(s.instrument->binding)); });
  row("who owes", [](const InstrumentSummary& s) { return DescribeParties(s.obligated, *s.instrument); });
  row("protects", [](const InstrumentSummary& s) { return DescribeParties(s.protected_parties, *s.instrument); });
  row("clause", [&](const InstrumentSummary& s) { return primary_field(s, [](const Clause& c) { return c.cite; }); });
  row("trigger", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) { return JoinOr(ToStrings(c.trigger->events), "-"); });
  });
  row("threshold", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) { return c.trigger->threshold.ToString(); });
  });
  row("activation", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) { return JoinOr(ToStrings(c.trigger->activation), "none"); });
  });
  row("attackers", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) { return DescribeAttackers(c.trigger->by); });
  });
  row("void if", [&](const InstrumentSummary& s) {  // conditions that void the guarantee for an incident
    return primary_field(s, [](const Clause& c) { return JoinOr(ToStrings(c.trigger->void_if), "none"); });
  });
  row("attribution", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) {
      return c.trigger->attribution ? DescribeDecision(*c.trigger->attribution) : std::string("not stated");
    });
  });
  row("duty", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) {
      return fmt::format("{}{}", ToString(c.duty->strength), c.duty->constitutional ? " (constitutional processes)" : "");
    });
  });
  row("means", [](const InstrumentSummary& s) { return JoinOr(s.response_means, "not stated"); });
  row("forces", [](const InstrumentSummary& s) { return JoinOr(DescribeForces(*s.instrument), "none"); });  // who, where, how many
  row("deadline", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) { return InWords(c.duty->deadline); });
  });
  row("decision", [&](const InstrumentSummary& s) {
    return primary_field(s, [](const Clause& c) { return c.decision ? DescribeDecision(*c.decision) : std::string("not stated"); });
  });
  row("can block", [](const InstrumentSummary& s) { return JoinOr(s.veto_holders, "nobody"); });
  row("duration, exit", [](const InstrumentSummary& s) { return DescribeDurationAndExit(*s.instrument); });
  row("lint", [](const InstrumentSummary& s) { return DescribeFindingCounts(s.findings); });
  row("lint rules", [](const InstrumentSummary& s) {
    std::vector<std::string> rules;
    for (const auto& finding : s.findings) {
      if (std::find(rules.begin(), rules.end(), finding.rule) == rules.end()) rules.push_back(finding.rule);
    }
    return JoinOr(rules, "-");
  });
  return table.Render();
}

nlohmann::json CompareToJson(const std::vector<InstrumentSummary>& summaries) {
  nlohmann::json instruments = nlohmann::json::array();
  for (const auto& summary : summaries) instruments.push_back(SummaryToJson(summary));
  return {{"instruments", instruments}};
}

}  // namespace casus
