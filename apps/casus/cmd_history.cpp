// casus history import-atop|loopholes|reliability|regression — two centuries of alliances as data.
#include <fstream>

#include <fmt/format.h>

#include "casus/history/atop_import.hpp"
#include "casus/history/calibration.hpp"
#include "casus/history/loopholes.hpp"
#include "casus/history/reliability.hpp"
#include "casus/lint/finding.hpp"
#include "casus/core/output_file.hpp"
#include "common.hpp"

namespace casus::app {

namespace {

struct HistoryOptions {
  std::string out = "atop-instruments";
  std::string coding = "llm";
  bool json = false;
};

ReliabilityCoding ParseCoding(const std::string& text) {
  return text == "bf" ? ReliabilityCoding::Bf : text == "sabrosky" ? ReliabilityCoding::Sabrosky : ReliabilityCoding::Llm;
}

std::vector<ReliabilityCase> ReadCases(const Environment& environment) {
  std::vector<ReliabilityCase> cases;
  ReadReliability(environment.home / "data" / "reliability" / "BerkemeierFuhrmannRAP2018_0303.csv",
                  [&](const ReliabilityCase& row) { cases.push_back(row); });
  return cases;
}

nlohmann::json RateJson(const HonourRate& rate) {
  return {{"honored", rate.honoured}, {"violated", rate.violated}, {"rate", rate.rate}, {"ci95", {rate.ci95_low, rate.ci95_high}}};
}

// Runs `body`, turning a malformed data file into its diagnostic and exit 2.
int Guarded(const std::function<int()>& body) {
  try {
    return body();
  } catch (const DataError& error) {
    fmt::print(stderr, "{}\n  hint: the data files are described in data/DATA_SOURCES.md\n", error.what());
    return kBadInput;
  }
}

int RunImport(const GlobalOptions& global, const HistoryOptions& options) {
  const Environment environment = LoadEnvironment(global);
  const auto records = ReadAtop(environment.home / "data" / "atop");
  std::error_code error;
  std::filesystem::create_directories(options.out, error);
  if (error) {
    fmt::print(stderr, "casus: error: cannot create {}: {}\n", options.out, error.message());
    return kBadInput;
  }
  for (const auto& record : records) {
    const auto path = std::filesystem::path(options.out) / (AtopInstrumentId(record.alliance.atopid) + ".toml");
    try {
      WriteOutputFile(path, AtopInstrumentToml(record, environment.parties));
    } catch (const OutputError& write_error) {
      fmt::print(stderr, "{}\n", write_error.what());
      return kBadInput;
    }
  }
  if (options.json) {
    PrintJson({{"written", records.size()}, {"directory", options.out}});
  } else {
    fmt::print("wrote {} instrument files to {} (lint them: casus lint {}/*.toml)\n", records.size(), options.out, options.out);
  }
  return kOk;
}

int RunLoopholes(const GlobalOptions& global, const HistoryOptions& options) {
  const Environment environment = LoadEnvironment(global);
  const auto eras = TabulateLoopholes(LintAtop(ReadAtop(environment.home / "data" / "atop"), environment.parties));
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& era : eras) out.push_back({{"era", era.era}, {"alliances", era.alliances}, {"alliances_with_rule", era.alliances_with_rule}});
    PrintJson({{"eras", out}});
    return kOk;
  }
  fmt::print("Loopholes in the ATOP 5.1 alliances, by era of signature (share of the era's alliances each rule fires on)\n");
  fmt::print("{:<22}", "rule");
  for (const auto& era : eras) fmt::print("{:>16}", fmt::format("{} (n={})", era.era, era.alliances));
  fmt::print("\n");
  for (const auto& rule : RuleCatalogue()) {
    fmt::print("{:<22}", rule.name);
    for (const auto& era : eras) {
      const auto found = era.alliances_with_rule.find(std::string(rule.name));
      const long count = found == era.alliances_with_rule.end() ? 0 : found->second;
      fmt::print("{:>16}", fmt::format("{:.0f}% ({})", era.alliances ? 100.0 * static_cast<double>(count) / static_cast<double>(era.alliances) : 0.0, count));
    }
    fmt::print("\n");
  }
  return kOk;
}

int RunReliability(const GlobalOptions& global, const HistoryOptions& options) {
  const Environment environment = LoadEnvironment(global);
  const ReliabilityTable table = ComputeReliability(ReadCases(environment), ParseCoding(options.coding));
  if (options.json) {
    nlohmann::json eras = nlohmann::json::object();
    for (const auto& [era, rate] : table.by_era) eras[era] = RateJson(rate);
    nlohmann::json types = nlohmann::json::object();
    for (const auto& [type, rate] : table.by_type) types[type] = RateJson(rate);
    PrintJson({{"coding", CodingName(table.coding)}, {"overall", RateJson(table.overall)}, {"by_era", eras}, {"by_type", types}});
    return kOk;
  }
  fmt::print("Alliance reliability when the casus foederis arose (coding: {}; Berkemeier & Fuhrmann 2018 data)\n", CodingName(table.coding));
  fmt::print("{:<12} {:>9} {:>9} {:>7}   {}\n", "", "honoured", "violated", "rate", "95% interval (Wilson)");
  auto line = [](const std::string& label, const HonourRate& rate) {
    fmt::print("{:<12} {:>9} {:>9} {:>6.1f}%   [{:.1f}%, {:.1f}%]\n", label, rate.honoured, rate.violated, 100.0 * rate.rate,
               100.0 * rate.ci95_low, 100.0 * rate.ci95_high);
  };
  line("overall", table.overall);
  for (const auto& [era, rate] : table.by_era) line(era, rate);
  for (const char* type : {"defense", "offense", "neutral", "nonagg", "consul"}) {
    const auto found = table.by_type.find(type);
    if (found != table.by_type.end()) line(type, found->second);
  }
  return kOk;
}

int RunRegression(const GlobalOptions& global, const HistoryOptions& options) {
  const Environment environment = LoadEnvironment(global);
  const auto findings = LintAtop(ReadAtop(environment.home / "data" / "atop"), environment.parties);
  const auto regression = RegressViolationOnLoopholes(ReadCases(environment), findings, ParseCoding(options.coding));
  if (options.json) {
    nlohmann::json terms = nlohmann::json::array();
    for (const auto& term : regression.terms) {
      terms.push_back({{"term", term.name}, {"coefficient", term.coefficient}, {"se", term.standard_error}, {"z", term.z}});
    }
    PrintJson({{"coding", options.coding}, {"n", regression.n}, {"violations", regression.events}, {"converged", regression.converged},
               {"iterations", regression.iterations}, {"terms", terms}, {"dropped", regression.dropped}, {"note", regression.note}});
    return kOk;
  }
  fmt::print("Logistic regression: P(violation) ~ era + loopholes casus finds in the alliance (coding {})\n", options.coding);
  fmt::print("n = {} cases ({} violations); {} after {} iterations\n", regression.n, regression.events,
             regression.converged ? "converged" : "NOT converged", regression.iterations);
  fmt::print("{:<24} {:>11} {:>9} {:>8}\n", "term", "coefficient", "s.e.", "z");
  for (const auto& term : regression.terms) {
    fmt::print("{:<24} {:>11.3f} {:>9.3f} {:>8.2f}\n", term.name, term.coefficient, term.standard_error, term.z);
  }
  if (!regression.dropped.empty()) {
    fmt::print("not estimable: {}\n", fmt::join(regression.dropped, "; "));
  }
  if (!regression.note.empty()) fmt::print("note: {}\n", regression.note);
  return kOk;
}

int RunCalibrate(const GlobalOptions& global, const HistoryOptions& options) {
  const Environment environment = LoadEnvironment(global);
  const CalibratedDefaults defaults = Calibrate(environment.home / "data", environment.parties, ParseCoding(options.coding));
  if (options.json) {
    nlohmann::json credibility = nlohmann::json::object();
    for (const auto& [type, eras] : defaults.credibility) {
      for (const auto& [era, prior] : eras) {
        credibility[type][era] = {{"alpha", prior.alpha}, {"beta", prior.beta}, {"mean", prior.Mean()}, {"observed", RateJson(prior.observed)}};
      }
    }
    nlohmann::json capability = nlohmann::json::object();
    for (const auto& [party, weight] : defaults.capability) capability[party] = {{"cinc", weight.cinc}, {"year", weight.year}};
    PrintJson({{"coding", CodingName(defaults.coding)}, {"credibility", credibility}, {"capability", capability}});
    return kOk;
  }
  fmt::print("Credibility priors Beta(honoured + 1, violated + 1) by commitment type and era (coding {})\n", CodingName(defaults.coding));
  fmt::print("{:<9} {:>22} {:>22} {:>22}\n", "type", "1816-1944", "1945-2003", "all");
  for (const char* type : {"all", "defense", "offense", "neutral", "nonagg", "consul"}) {
    fmt::print("{:<9}", type);
    for (const char* era : {"1816-1944", "1945-2003", "all"}) {
      const CredibilityPrior& prior = defaults.credibility.at(type).at(era);
      fmt::print(" {:>22}", fmt::format("{:.3f} Beta({:.0f},{:.0f})", prior.Mean(), prior.alpha, prior.beta));
    }
    fmt::print("\n");
  }
  fmt::print("\nCapability weights: CINC in the latest year available (COW NMC v7), for {} states; e.g.\n", defaults.capability.size());
  for (const char* party : {"USA", "CHN", "RUS", "IND", "GBR", "FRA", "DEU", "UKR"}) {
    const auto found = defaults.capability.find(party);
    if (found != defaults.capability.end()) fmt::print("  {}  {:.5f} ({})\n", party, found->second.cinc, found->second.year);
  }
  return kOk;
}

}  // namespace

void AddHistoryCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  CLI::App* history = app.add_subcommand("history", "Two centuries of alliances as data: ATOP import, loopholes by era, reliability (docs/history.md).");
  history->require_subcommand(1);
  auto options = std::make_shared<HistoryOptions>();

  CLI::App* import_atop = history->add_subcommand("import-atop", "Write one instrument file per ATOP 5.1 alliance (789).");
  import_atop->add_option("--out", options->out, "folder to write to")->capture_default_str();
  import_atop->add_flag("--json", options->json, "print what was written as JSON");
  import_atop->callback([&run, &global, options] { run = [&global, options] { return Guarded([&] { return RunImport(global, *options); }); }; });

  CLI::App* loopholes = history->add_subcommand("loopholes", "Lint every ATOP alliance and tabulate the findings by era.");
  loopholes->add_flag("--json", options->json, "machine-readable table");
  loopholes->callback([&run, &global, options] { run = [&global, options] { return Guarded([&] { return RunLoopholes(global, *options); }); }; });

  CLI::App* reliability = history->add_subcommand("reliability", "Honour rates when the casus foederis arose: overall, by era, by obligation type.");
  reliability->add_option("--coding", options->coding, "coding rule: llm (Leeds, Long & Mitchell), bf (Berkemeier & Fuhrmann), sabrosky")
      ->check(CLI::IsMember({"llm", "bf", "sabrosky"}))->capture_default_str();
  reliability->add_flag("--json", options->json, "machine-readable table");
  reliability->callback([&run, &global, options] { run = [&global, options] { return Guarded([&] { return RunReliability(global, *options); }); }; });

  CLI::App* calibrate = history->add_subcommand("calibrate", "The guarantee game's defaults from the data: credibility priors, capability weights.");
  calibrate->add_option("--coding", options->coding, "coding rule: llm, bf, sabrosky")->check(CLI::IsMember({"llm", "bf", "sabrosky"}))->capture_default_str();
  calibrate->add_flag("--json", options->json, "machine-readable defaults");
  calibrate->callback([&run, &global, options] { run = [&global, options] { return Guarded([&] { return RunCalibrate(global, *options); }); }; });

  CLI::App* regression = history->add_subcommand("regression", "Do the loopholes casus finds predict violation? (logistic regression)");
  regression->add_option("--coding", options->coding, "coding rule: llm, bf, sabrosky")->check(CLI::IsMember({"llm", "bf", "sabrosky"}))->capture_default_str();
  regression->add_flag("--json", options->json, "machine-readable coefficients");
  regression->callback([&run, &global, options] { run = [&global, options] { return Guarded([&] { return RunRegression(global, *options); }); }; });
}

}  // namespace casus::app
