#include "casus/report/documents.hpp"

#include <algorithm>

#include "casus/report/adjudication.hpp"
#include "casus/report/compare.hpp"
#include "casus/history/datasets.hpp"
#include "casus/report/json.hpp"
#include "casus/report/negotiation.hpp"
#include "casus/report/summary.hpp"

namespace casus {

nlohmann::json CheckEntryDocument(const std::string& argument, const Instrument* instrument,
                                  const std::vector<Diagnostic>& diagnostics) {
  nlohmann::json entry = {{"argument", argument}, {"ok", instrument != nullptr}};
  nlohmann::json items = nlohmann::json::array();
  for (const auto& diagnostic : diagnostics) items.push_back(DiagnosticToJson(diagnostic));
  entry["diagnostics"] = items;
  if (instrument != nullptr) {
    entry["file"] = instrument->file;
    entry["id"] = instrument->id;
    entry["clauses"] = instrument->clauses.size();
  }
  return entry;
}

nlohmann::json LintEntryDocument(const Instrument& instrument, const std::vector<Finding>& findings) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& finding : findings) items.push_back(FindingToJson(finding));
  return {{"id", instrument.id}, {"file", instrument.file}, {"findings", items}};
}

nlohmann::json RulesDocument() {
  nlohmann::json rules = nlohmann::json::array();
  for (const auto& rule : RuleCatalogue()) {
    rules.push_back({{"rule", rule.name}, {"severity", SeverityName(rule.severity)}, {"fires_when", rule.fires_when},
                     {"rationale", rule.rationale}});
  }
  return {{"rules", rules}};
}

nlohmann::json ShowDocument(const Instrument& instrument, const std::vector<Finding>& findings) {
  nlohmann::json document = InstrumentToJson(instrument);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& finding : findings) items.push_back(FindingToJson(finding));
  document["findings"] = items;
  return document;
}

nlohmann::json CompareDocument(const std::vector<Instrument>& instruments, const PartyTable& parties) {
  std::vector<InstrumentSummary> summaries;
  summaries.reserve(instruments.size());
  for (const auto& instrument : instruments) summaries.push_back(Summarize(instrument, LintInstrument(instrument, parties)));
  return CompareToJson(summaries);
}

bool InstrumentMatches(const Instrument& instrument, const std::optional<std::string>& party,
                       const std::optional<std::string>& protects) {
  const auto has = [](const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  if (party) {
    const Parties& parties = instrument.parties;
    if (!has(parties.members, *party) && !has(parties.guarantors, *party) && !has(parties.co_guarantors, *party) &&
        !has(parties.beneficiaries, *party)) {
      return false;
    }
  }
  if (protects) {
    const bool any = std::any_of(instrument.clauses.begin(), instrument.clauses.end(),
                                 [&](const Clause& clause) { return has(clause.protected_parties, *protects); });
    if (!any) return false;
  }
  return true;
}

nlohmann::json AdjudicationDocument(const Timeline& timeline, const std::vector<Instrument>& instruments,
                                    const PartyTable& parties, const AdjudicationOptions& options, bool with_record) {
  nlohmann::json incidents = nlohmann::json::array();
  Adjudicate(timeline, instruments, parties, options, [&](const IncidentVerdict& verdict) {
    incidents.push_back(IncidentVerdictToJson(verdict));
    if (with_record) incidents.back()["record"] = RecordToJson(verdict, timeline);
  });
  return {{"timeline", timeline.id}, {"as_if_in_force", options.as_if_in_force},
          {"doctrine", ToString(options.doctrine)}, {"incidents", incidents}};
}

nlohmann::json NegotiationDocument(const SmpScenario& scenario, const std::optional<PerturbationOptions>& perturbation) {
  const SmpResult result = RunSmp(scenario);
  const SmpForecast forecast = ForecastOf(scenario, result);
  std::optional<PerturbedForecast> perturbed;
  if (perturbation) perturbed = PerturbedForecastOf(scenario, *perturbation);
  return SmpToJson(scenario, result, forecast, perturbed);
}

namespace {
nlohmann::json RateJson(const HonourRate& rate) {
  return {{"honored", rate.honoured}, {"violated", rate.violated}, {"rate", rate.rate}, {"ci95", {rate.ci95_low, rate.ci95_high}}};
}
}  // namespace

nlohmann::json ReliabilityDocument(const std::filesystem::path& home, ReliabilityCoding coding) {
  std::vector<ReliabilityCase> cases;
  ReadReliability(home / "data" / "reliability" / "BerkemeierFuhrmannRAP2018_0303.csv", [&](const ReliabilityCase& row) { cases.push_back(row); });
  const ReliabilityTable table = ComputeReliability(cases, coding);
  nlohmann::json eras = nlohmann::json::object();
  for (const auto& [era, rate] : table.by_era) eras[era] = RateJson(rate);
  nlohmann::json types = nlohmann::json::object();
  for (const auto& [type, rate] : table.by_type) types[type] = RateJson(rate);
  return {{"coding", CodingName(table.coding)}, {"overall", RateJson(table.overall)}, {"by_era", eras}, {"by_type", types}};
}

}  // namespace casus
