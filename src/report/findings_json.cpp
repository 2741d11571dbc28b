#include "casus/report/json.hpp"

namespace casus {

nlohmann::json FindingToJson(const Finding& finding) {
  return {{"rule", finding.rule},        {"severity", SeverityName(finding.severity)},
          {"clause", finding.clause},    {"cite", finding.cite},
          {"line", finding.position.line}, {"column", finding.position.column},
          {"message", finding.message}};
}

nlohmann::json DiagnosticToJson(const Diagnostic& diagnostic) {
  return {{"file", diagnostic.position.file},     {"line", diagnostic.position.line},
          {"column", diagnostic.position.column}, {"severity", SeverityName(diagnostic.level)},
          {"message", diagnostic.message},        {"hint", diagnostic.hint}};
}

nlohmann::json SummaryToJson(const InstrumentSummary& summary) {
  using nlohmann::json;
  const Instrument& instrument = *summary.instrument;
  json out = InstrumentHeaderToJson(instrument);
  out.update({{"obligated", summary.obligated},
              {"protected", summary.protected_parties},
              {"veto_holders", summary.veto_holders},
              {"response_means", summary.response_means},
              {"duration", instrument.duration.ToString()},
              {"exit_notice", instrument.exit && instrument.exit->notice ? json(instrument.exit->notice->ToString()) : json(nullptr)},
              {"duration_and_exit", DescribeDurationAndExit(instrument)},
              {"forces", DescribeForces(instrument)}});
  if (const Clause* primary = summary.primary) {
    json clause = {{"id", primary->id}, {"cite", primary->cite}, {"kind", ToString(primary->kind)}};
    if (primary->trigger) {
      clause["events"] = ToStrings(primary->trigger->events);
      clause["threshold"] = primary->trigger->threshold.ToString();
      clause["activation"] = ToStrings(primary->trigger->activation);
      clause["attackers"] = AttackersToJson(primary->trigger->by);
      clause["void_if"] = ToStrings(primary->trigger->void_if);
      clause["attribution"] = primary->trigger->attribution ? json(DescribeDecision(*primary->trigger->attribution)) : json(nullptr);
    }
    clause["duty"] = ToString(primary->duty->strength);
    clause["means"] = ToStrings(primary->duty->means);
    clause["deadline"] = primary->duty->deadline.ToString();
    clause["decision"] = primary->decision ? json(DescribeDecision(*primary->decision)) : json(nullptr);
    out["primary_clause"] = clause;
  } else {
    out["primary_clause"] = nullptr;
  }
  json counts = {{"error", 0}, {"warning", 0}, {"note", 0}};
  json rules = json::array();
  for (const auto& finding : summary.findings) {
    counts[std::string(SeverityName(finding.severity))] = counts[std::string(SeverityName(finding.severity))].get<int>() + 1;
    if (std::find(rules.begin(), rules.end(), finding.rule) == rules.end()) rules.push_back(finding.rule);
  }
  out["findings"] = {{"counts", counts}, {"rules", rules}};
  return out;
}

}  // namespace casus
