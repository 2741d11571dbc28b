// casus negotiate FILE.csv — KTAB's spatial model of politics, with a forecast.
#include <fmt/format.h>

#include "casus/bargain/forecast.hpp"
#include "casus/bargain/ktab_csv.hpp"
#include "casus/report/csv.hpp"
#include "casus/report/documents.hpp"
#include "casus/report/negotiation.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct NegotiateOptions {
  std::string file;
  bool json = false;
  std::optional<double> perturb;
  int draws = 100;
  uint64_t seed = 20250817;
  int threads = 0;
  std::string csv;
};

int RunNegotiate(const GlobalOptions& global, const NegotiateOptions& options) {
  Diagnostics diagnostics;
  const auto scenario = ReadKtabCsv(options.file, diagnostics);
  for (const auto& diagnostic : diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
  if (!scenario) return kBadInput;
  std::optional<PerturbationOptions> perturbation;
  if (options.perturb) perturbation = PerturbationOptions{*options.perturb, options.draws, options.seed, options.threads};
  if (options.json || !options.csv.empty()) {  // the document `casus serve` answers too (report/documents.hpp)
    const nlohmann::json document = NegotiationDocument(*scenario, perturbation);
    if (!options.csv.empty()) {  // one row per actor (report/csv.hpp)
      if (!WriteCsv(options.csv, NegotiationCsv(document))) return CannotWrite(options.csv);
      if (options.csv == "-") return kOk;
    }
    if (options.json) {
      PrintJson(document);
      return kOk;
    }
  }
  {
    // The scale file beside the CSV, when there is one, says what the numbers mean.
    std::optional<SettlementScales> scales;
    if (std::filesystem::is_regular_file(DefaultScalesPath(options.file))) {
      const Environment environment = LoadEnvironment(global);
      Diagnostics scale_diagnostics;
      scales = ReadScaleFile(DefaultScalesPath(options.file), *scenario, environment.parties, scale_diagnostics);
      for (const auto& diagnostic : scale_diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
      if (!scales) return kBadInput;
    }
    const SmpResult result = RunSmp(*scenario);
    const SmpForecast forecast = ForecastOf(*scenario, result);
    std::optional<PerturbedForecast> perturbed;
    if (perturbation) perturbed = PerturbedForecastOf(*scenario, *perturbation);
    fmt::print("Scenario: {} — {} ({} actors, {} dimensions)\n", scenario->name, scenario->description, scenario->actors.size(),
               scenario->dimensions.size());
    // The forecast first; KTAB's history of every turn after it, for those who want it.
    fmt::print("{}\n{}", RenderSmpForecast(*scenario, forecast, perturbed, scales ? &*scales : nullptr), RenderSmpHistory(*scenario, result));
  }
  return kOk;
}
}  // namespace

void AddNegotiateCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<NegotiateOptions>();
  CLI::App* command = app.add_subcommand(
      "negotiate", "Run KTAB's spatial model of politics (SMP) on a KTAB CSV, with a forecast and its uncertainty (docs/negotiation.md).");
  command->add_option("scenario", options->file, "KTAB CSV: `name,desc,N,D`, a header, one row per actor")->required();
  command->add_flag("--json", options->json, "machine-readable history and forecast on stdout");
  command->add_option("--csv", options->csv, "also write one row per actor as CSV to FILE ('-': stdout, instead of the text)");
  command->add_option("--perturb", options->perturb, "rerun over input uncertainty: positions ± N(0, SD) on 0–100, capabilities × exp(N(0, SD/100))")
      ->check(FiniteCheck(0.0, 50.0));
  command->add_option("--draws", options->draws, "perturbed runs")->check(CLI::Range(1, 1000000))->capture_default_str();
  command->add_option("--seed", options->seed, "seed of the perturbation (draw d uses pcg64 stream (seed, d))")->check(SeedCheck())->capture_default_str();
  command->add_option("--threads", options->threads, "threads for the perturbed runs (0: all); results do not depend on it")
      ->check(CLI::Range(0, 1024))->capture_default_str();
  command->callback([&run, &global, options] { run = [&global, options] { return RunNegotiate(global, *options); }; });
}

}  // namespace casus::app
