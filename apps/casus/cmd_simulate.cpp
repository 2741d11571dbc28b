// casus simulate SCENARIO — would the designs deter? The guarantee game by Monte Carlo.
#include <unistd.h>

#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "casus/games/explain.hpp"
#include "casus/games/guarantee_game.hpp"
#include "casus/games/scenario.hpp"
#include "casus/history/datasets.hpp"
#include "casus/report/csv.hpp"
#include "casus/core/output_file.hpp"
#include "casus/report/finite.hpp"
#include "casus/report/simulation.hpp"
#include "casus/core/utf8.hpp"
#include "casus/report/text_table.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct SimulateOptions {
  std::string scenario;
  int64_t draws = 20000;
  uint64_t seed = 20250817;
  int threads = 0;
  bool json = false;
  bool explain = false;
  std::string report;
  std::string csv;
};

int RunSimulate(const GlobalOptions& global, const SimulateOptions& options) {
  const Environment environment = LoadEnvironment(global);
  if (!options.report.empty()) CheckOutputPath(options.report, {options.scenario});  // before any work or output
  Diagnostics diagnostics;
  std::optional<LoadedScenario> loaded;
  try {
    loaded = LoadCalibratedScenario(options.scenario, environment.home, environment.parties, diagnostics);
  } catch (const DataError& error) {
    fmt::print(stderr, "{}\n", ShowInvisible(error.what()));
    return kBadInput;
  }
  for (const auto& diagnostic : diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
  if (!loaded) return kBadInput;
  const GuaranteeScenario* scenario = &loaded->scenario;
  const SimulationOptions simulation{options.draws, options.seed, options.threads};
  const bool terminal = isatty(fileno(stderr)) != 0;  // a progress display on a terminal only
  const std::vector<DesignOutcome> outcomes =
      SimulateScenario(*loaded, scenario->parameters, environment.parties, simulation, {}, [terminal](size_t done, size_t total) {
        if (terminal) fmt::print(stderr, "\r  {} / {} designs simulated", done, total);
      });
  if (terminal) fmt::print(stderr, "\n");
  const int threads_used = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::vector<ClauseChange>> changes;
  if (options.explain) {
    for (size_t idx = 0; idx < outcomes.size(); ++idx) {
      changes.push_back(BestClauseChanges(*loaded, idx, environment.parties, simulation, outcomes[idx].p_attack));
    }
  }
  const auto* explained = options.explain ? &changes : nullptr;
  const nlohmann::json document = SimulationToJson(*scenario, outcomes, simulation, threads_used, explained);
  RequireFinite(document["designs"], options.scenario, LargestParameter(document["parameters"]));  // before anything is printed
  if (!options.csv.empty()) {  // one row per design (report/csv.hpp)
    if (!WriteCsv(options.csv, SimulationCsv(document))) return CannotWrite(options.csv);
    if (options.csv == "-") return kOk;
  }
  if (options.json) {
    PrintJson(document);
  } else {
    const GameParameters& parameters = scenario->parameters;
    const std::string spread = parameters.reneging_cost_sd > 0.0 ? fmt::format(", sd {:.3f}", parameters.reneging_cost_sd) : "";
    fmt::print("{}", WrapParagraph(fmt::format("Scenario {}: {} designs, {} draws, seed {}, {} thread{}; reneging cost ρ = {:.3f}{}{}", scenario->id, outcomes.size(),
               options.draws, options.seed, threads_used, threads_used == 1 ? "" : "s", parameters.reneging_cost, spread,
               scenario->calibrate_reneging ? (scenario->calibrate_nuclear ? " (calibrated on defence pacts' honour rate since 1945 against non-nuclear opponents)"
                                                                            : " (calibrated on defence pacts' honour rate since 1945)")
               : scenario->parameters_source.empty() ? ""
                                                      : fmt::format(" (from {})", scenario->parameter_sources.at("reneging_cost")))));
    if (scenario->calibrate_nuclear) {
      fmt::print("{}", WrapParagraph(fmt::format("nuclear cost markup μ = {:.3f} (calibrated: defence pacts' honour rates since 1945 against "
                                                 "nuclear-armed and non-nuclear opponents)",
                                                 parameters.nuclear_cost_markup)));
    }
    fmt::print("{}", RenderSimulationTable(outcomes));
    if (options.explain) fmt::print("{}", RenderExplanationText(outcomes, changes));
  }
  if (!options.report.empty()) return WriteReport(options.report, RenderSimulationHtml(*scenario, outcomes, simulation, explained), options.json);
  return kOk;
}
}  // namespace

void AddSimulateCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<SimulateOptions>();
  CLI::App* command = app.add_subcommand("simulate", "Would it deter? The guarantee game over a scenario's designs, by seeded Monte Carlo (docs/guarantee-game.md).");
  command->add_option("scenario", options->scenario, "scenario file (docs/scenario-format.md)")->required();
  command->add_option("--draws", options->draws, "Monte Carlo draws per design")->check(CLI::Range(int64_t{1}, int64_t{100000000}))->capture_default_str();
  command->add_option("--seed", options->seed, "seed; draw chunk c uses the pcg64 stream (seed, c)")->check(SeedCheck())->capture_default_str();
  command->add_option("--threads", options->threads, "threads (0: all); results are the same for any number")->check(CLI::Range(0, 1024))->capture_default_str();
  command->add_flag("--json", options->json, "machine-readable results on stdout (docs/cli.md)");
  command->add_flag("--explain", options->explain,
                    "per design: the share of each guarantor and means in the fall of P(attack), and the three one-clause changes that lower it most");
  command->add_option("--csv", options->csv, "also write one row per design as CSV to FILE ('-': stdout, instead of the table)");
  command->add_option("--report", options->report, "write a self-contained HTML report with SVG charts to this file");
  command->callback([&run, &global, options] { run = [&global, options] { return RunSimulate(global, *options); }; });
}

}  // namespace casus::app
