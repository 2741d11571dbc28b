// casus history import-atop|loopholes|reliability|regression|calibrate|frame|replicate|backtest —
// two centuries of alliances as data.
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>

#include <fmt/format.h>

#include "casus/games/game_parameters.hpp"
#include "casus/history/atop_import.hpp"
#include "casus/history/backtest.hpp"
#include "casus/history/backtest_report.hpp"
#include "casus/history/frame.hpp"
#include "casus/history/calibration.hpp"
#include "casus/history/loopholes.hpp"
#include "casus/history/reliability.hpp"
#include "casus/report/documents.hpp"
#include "casus/lint/finding.hpp"
#include "casus/core/output_file.hpp"
#include "casus/core/utf8.hpp"
#include "common.hpp"

namespace casus::app {

namespace {

struct HistoryOptions {
  std::string out = "atop-instruments";
  std::string coding = "llm";
  bool json = false;
  // frame, replicate, backtest
  std::string csv;
  std::string replication;
  bool probit = false;
  std::string train, test;
  std::string report, write_params, provenance;
  int draws = 200;
  bool no_decades = false;
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
    fmt::print(stderr, "{}\n  hint: the data files are described in data/DATA_SOURCES.md\n", ShowInvisible(error.what()));
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
  if (options.json) {  // the document `casus serve` answers too (report/documents.hpp)
    PrintJson(ReliabilityDocument(environment.home, ParseCoding(options.coding)));
    return kOk;
  }
  const ReliabilityTable table = ComputeReliability(ReadCases(environment), ParseCoding(options.coding));
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
    nlohmann::json split = nullptr;
    if (defaults.nuclear_split.available) {
      auto prior_json = [](const CredibilityPrior& prior) {
        return nlohmann::json{{"alpha", prior.alpha}, {"beta", prior.beta}, {"mean", prior.Mean()}, {"observed", RateJson(prior.observed)}};
      };
      split = {{"against_nuclear", prior_json(defaults.nuclear_split.against_nuclear)},
               {"against_non_nuclear", prior_json(defaults.nuclear_split.against_non_nuclear)},
               {"unsided", defaults.nuclear_split.unsided}};
    }
    auto prior_json = [](const CredibilityPrior& prior) {
      return nlohmann::json{{"alpha", prior.alpha}, {"beta", prior.beta}, {"mean", prior.Mean()}, {"observed", RateJson(prior.observed)}};
    };
    PrintJson({{"coding", CodingName(defaults.coding)},
               {"credibility", credibility},
               {"capability", capability},
               {"defense_1945_by_opponent", split},
               {"defense_1945_by_size",
                {{"bilateral", prior_json(defaults.defense_bilateral)}, {"multilateral", prior_json(defaults.defense_multilateral)}}}});
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
  if (defaults.nuclear_split.available) {
    const NuclearSplit& split = defaults.nuclear_split;
    fmt::print("\nDefence pacts 1945-2003 by the opponent's nuclear weapons at the war's start ({} cases unsided):\n", split.unsided);
    fmt::print("  against a nuclear-armed opponent  {:.3f} Beta({:.0f},{:.0f})\n", split.against_nuclear.Mean(), split.against_nuclear.alpha,
               split.against_nuclear.beta);
    fmt::print("  against a non-nuclear opponent    {:.3f} Beta({:.0f},{:.0f})\n", split.against_non_nuclear.Mean(),
               split.against_non_nuclear.alpha, split.against_non_nuclear.beta);
  }
  fmt::print("\nDefence pacts 1945-2003, bilateral and multilateral:\n  bilateral     {:.3f} Beta({:.0f},{:.0f})\n  multilateral  {:.3f} Beta({:.0f},{:.0f})\n",
             defaults.defense_bilateral.Mean(), defaults.defense_bilateral.alpha, defaults.defense_bilateral.beta,
             defaults.defense_multilateral.Mean(), defaults.defense_multilateral.alpha, defaults.defense_multilateral.beta);
  fmt::print("\nCapability weights: CINC in the latest year available (COW NMC v7), for {} states; e.g.\n", defaults.capability.size());
  for (const char* party : {"USA", "CHN", "RUS", "IND", "GBR", "FRA", "DEU", "UKR"}) {
    const auto found = defaults.capability.find(party);
    if (found != defaults.capability.end()) fmt::print("  {}  {:.5f} ({})\n", party, found->second.cinc, found->second.year);
  }
  return kOk;
}

// Progress on stderr, only when it is a terminal (so that piped and tested output stays clean).
std::function<void(const std::string&)> Progress() {
  if (isatty(fileno(stderr)) == 0) return {};
  auto started = std::make_shared<std::chrono::steady_clock::time_point>(std::chrono::steady_clock::now());
  return [started](const std::string& message) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - *started).count();
    fmt::print(stderr, "[{:6.1f} s] fitting {}\n", seconds, message);
  };
}

int WriteText(const std::string& path, const std::string& text, const char* what) {
  std::ofstream output(path, std::ios::binary);
  output << text;
  output.close();
  if (!output) {
    fmt::print(stderr, "casus: error: cannot write the {} to {}\n  hint: check that the folder exists and is writable\n", what, path);
    return kBadInput;
  }
  return kOk;
}

int RunFrame(const GlobalOptions& global, const HistoryOptions& options) {
  const Environment environment = LoadEnvironment(global);
  const DyadYearFrame frame = BuildFrame(environment.home / "data");
  size_t usable = 0, usable_events = 0, pacts = 0;
  for (size_t row = 0; row < frame.Rows(); ++row) {
    if (frame.Usable(row)) {
      ++usable;
      usable_events += frame.initiation[row];
    }
    pacts += frame.ptargdef[row];
  }
  if (!options.csv.empty()) {
    std::ofstream output(options.csv, std::ios::binary);
    WriteFrameCsv(frame, output);
    output.close();
    if (!output) {
      fmt::print(stderr, "casus: error: cannot write the frame to {}\n  hint: check that the folder exists and is writable\n", options.csv);
      return kBadInput;
    }
  }
  const size_t ongoing = static_cast<size_t>(std::count(frame.ongoing.begin(), frame.ongoing.end(), uint8_t{1}));
  if (options.json) {
    nlohmann::json out = {{"years", fmt::format("{}-{}", frame.first_year, frame.last_year)}, {"dyad_years", frame.Rows()},
                          {"initiations", frame.Initiations()}, {"ongoing", ongoing}, {"usable", usable},
                          {"usable_initiations", usable_events}, {"ptargdef", pacts}};
    if (!options.csv.empty()) out["csv"] = options.csv;
    PrintJson(out);
    return kOk;
  }
  fmt::print("Directed dyad-years {}-{}: {} rows, {} MID initiations; {} ongoing-dispute years (excluded from fits); "
             "{} usable rows ({} initiations); {} with a target defence pact (ptargdef)\n",
             frame.first_year, frame.last_year, frame.Rows(), frame.Initiations(), ongoing, usable, usable_events, pacts);
  if (!options.csv.empty()) fmt::print("wrote {}\n", options.csv);
  return kOk;
}

int RunReplicate(const GlobalOptions& global, const HistoryOptions& options) {
  const Environment environment = LoadEnvironment(global);
  const DyadYearFrame frame = BuildFrame(environment.home / "data");
  const Replication replication = Replicate(frame, options.replication, options.probit ? Link::Probit : Link::Logit);
  if (options.json) {
    PrintJson(ReplicationJson(replication));
    return kOk;
  }
  fmt::print("Replication of {} on casus's frame (coefficients; standard errors model-based, clustered on the dyad, "
             "and multiway on both states after Aronow, Samii & Assenova 2015)\n\n{}\n",
             replication.name, RegressionTableText(replication.main));
  for (const auto& era : replication.eras) fmt::print("{}\n", RegressionTableText(era));
  fmt::print("note: {}\n", replication.note);
  return kOk;
}

int RunBacktestCommand(const GlobalOptions& global, const HistoryOptions& options) {
  BacktestOptions backtest;
  if (options.train.empty() != options.test.empty()) {
    fmt::print(stderr, "casus: error: --train and --test go together\n  hint: e.g. --train 1816-1944 --test 1945-2014\n");
    return kBadInput;
  }
  if (!options.train.empty()) {
    try {
      backtest.splits.emplace_back(ParseYearSpan(options.train), ParseYearSpan(options.test));
    } catch (const std::invalid_argument& error) {
      fmt::print(stderr, "casus: error: {}\n  hint: years are written Y1-Y2 with Y1 ≤ Y2, within 1816-2014\n", error.what());
      return kBadInput;
    }
    for (const auto& span : {backtest.splits.back().first, backtest.splits.back().second}) {
      if (span.first < 1816 || span.last > 2014) {
        fmt::print(stderr, "casus: error: {} is outside the frame's years\n  hint: the frame covers 1816-2014 (MID 5.0 ends in 2014)\n", span.Label());
        return kBadInput;
      }
    }
  }
  if (!options.write_params.empty() && !options.train.empty()) {
    fmt::print(stderr, "casus: error: --write-params writes the fit on every year, not on --train\n  hint: drop --train/--test to write the parameters\n");
    return kBadInput;
  }
  backtest.full_fit = options.train.empty();
  backtest.leave_one_decade_out = !options.no_decades;
  backtest.draws = options.draws;
  backtest.progress = Progress();
  const Environment environment = LoadEnvironment(global);
  // The calibration the fitted ρ competes with: the honour rate of defence pacts since 1945
  // (docs/calibration.md), as `reneging_cost = "calibrated"` computes it.
  const CalibratedDefaults defaults = Calibrate(environment.home / "data", environment.parties);
  backtest.honour_rate_reneging_cost = CalibratedRenegingCost(defaults.credibility.at("defense").at("1945-2003").Mean(), DefaultGameParameters());
  const DyadYearFrame frame = BuildFrame(environment.home / "data");
  const BacktestResult result = RunBacktest(frame, backtest);
  if (!options.report.empty() && WriteReport(options.report, BacktestReportHtml(result), options.json) != kOk) return kBadInput;
  if (!options.write_params.empty()) {
    FitProvenance provenance;
    provenance.command = "casus history backtest --write-params " + options.write_params;
    if (options.draws != 200) provenance.command += fmt::format(" --draws {}", options.draws);
    if (options.no_decades) provenance.command += " --no-decades";
    provenance.note = options.provenance;
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    provenance.written = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    if (WriteText(options.write_params, FittedParametersToml(result, provenance), "fitted parameters") != kOk) return kBadInput;
  }
  if (options.json) {
    PrintJson(BacktestJson(result));
    return kOk;
  }
  fmt::print("{}", BacktestText(result));
  if (!options.write_params.empty()) fmt::print("fitted parameters: {}\n", options.write_params);
  return kOk;
}

// Like Guarded, and a bad argument the library rejects (an unknown term, an empty span) exits 2.
int GuardedArguments(const std::function<int()>& body) {
  return Guarded([&]() -> int {
    try {
      return body();
    } catch (const std::invalid_argument& error) {
      fmt::print(stderr, "casus: error: {}\n  hint: see docs/backtest.md\n", error.what());
      return kBadInput;
    }
  });
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

  CLI::App* frame = history->add_subcommand("frame", "Build the directed dyad-year frame 1816-2014 (docs/backtest.md); print its counts.");
  frame->add_option("--csv", options->csv, "write the frame to this CSV file (for R or Stata)");
  frame->add_flag("--json", options->json, "machine-readable counts");
  frame->callback([&run, &global, options] { run = [&global, options] { return GuardedArguments([&] { return RunFrame(global, *options); }); }; });

  CLI::App* replicate = history->add_subcommand("replicate", "Replicate a published regression on the frame: johnson-leeds-2011 | benson-2011.");
  replicate->add_option("name", options->replication, "johnson-leeds-2011 | benson-2011")->required()->check(CLI::IsMember(ReplicationNames()));
  replicate->add_flag("--probit", options->probit, "probit instead of logit");
  replicate->add_flag("--json", options->json, "machine-readable tables");
  replicate->callback([&run, &global, options] { run = [&global, options] { return GuardedArguments([&] { return RunReplicate(global, *options); }); }; });

  CLI::App* backtest = history->add_subcommand("backtest", "Score controls-only, the Johnson & Leeds logit and the guarantee game out of sample.");
  backtest->add_option("--train", options->train, "training years Y1-Y2 (with --test; default: the three designs of docs/backtest.md)");
  backtest->add_option("--test", options->test, "test years Y1-Y2");
  backtest->add_flag("--no-decades", options->no_decades, "skip leave-one-decade-out (with the default designs)");
  backtest->add_option("--draws", options->draws, "parameter draws for the relative risk's 95 % interval")->check(CLI::Range(20, 100000))->capture_default_str();
  backtest->add_option("--report", options->report, "write the HTML report (ROC curves, calibration, coefficients)");
  backtest->add_option("--write-params", options->write_params, "write the game's fitted parameters (TOML) to this file");
  backtest->add_option("--provenance", options->provenance, "a note recorded in the fitted-parameters file's [provenance] (e.g. the commit)");
  backtest->add_flag("--json", options->json, "machine-readable scores");
  backtest->callback([&run, &global, options] { run = [&global, options] { return GuardedArguments([&] { return RunBacktestCommand(global, *options); }); }; });
}

}  // namespace casus::app
