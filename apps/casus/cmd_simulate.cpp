// casus simulate SCENARIO — would the designs deter? The guarantee game by Monte Carlo.
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "casus/engine/adjudicate.hpp"
#include "casus/games/guarantee_game.hpp"
#include "casus/games/scenario.hpp"
#include "casus/history/calibration.hpp"
#include "casus/report/simulation.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct SimulateOptions {
  std::string scenario;
  int64_t draws = 20000;
  uint64_t seed = 20250817;
  int threads = 0;
  bool json = false;
  std::string report;
};

int RunSimulate(const GlobalOptions& global, const SimulateOptions& options) {
  const Environment environment = LoadEnvironment(global);
  std::map<std::string, double> cinc;
  try {
    for (const auto& [party, weight] : Calibrate(environment.home / "data", environment.parties).capability) cinc[party] = weight.cinc;
  } catch (const DataError& error) {
    fmt::print(stderr, "{}\n", error.what());
    return kBadInput;
  }
  Diagnostics diagnostics;
  const auto scenario = LoadScenarioFile(options.scenario, environment.parties, cinc, diagnostics);
  for (const auto& diagnostic : diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
  if (!scenario) return kBadInput;
  const std::filesystem::path scenario_dir = std::filesystem::path(options.scenario).parent_path();
  std::vector<std::vector<Instrument>> loaded;  // per design; outlive the simulation
  loaded.reserve(scenario->designs.size());
  for (const auto& design : scenario->designs) {
    std::vector<std::string> arguments;
    for (const auto& argument : design.instrument_arguments) {
      const bool is_path = argument.find('/') != std::string::npos || argument.ends_with(".toml");
      arguments.push_back(is_path ? (scenario_dir / argument).string() : argument);
    }
    bool all_ok = true;
    loaded.push_back(LoadInstruments(arguments, environment, all_ok, diagnostics));
    if (!all_ok) {
      fmt::print(stderr, "{}:{}:{}: error: design '{}' names an instrument that does not load (see above)\n", scenario->file,
                 design.position.line, design.position.column, design.id);
      return kBadInput;
    }
  }
  const SimulationOptions simulation{options.draws, options.seed, options.threads};
  std::vector<DesignOutcome> outcomes;
  for (size_t design_idx = 0; design_idx < scenario->designs.size(); ++design_idx) {
    const ScenarioDesign& spec = scenario->designs[design_idx];
    GameDesign design{spec.id, {}, spec.forces_in_place};
    WorldState world;
    if (scenario->ceasefire_in_force) {
      world.Apply(StatusEvent{scenario->attack.at, StatusKind::CeasefireInForce, {scenario->beneficiary, scenario->challenger}, "", "", {}});
    }
    for (const auto& instrument : loaded[design_idx]) {
      design.instruments.push_back(&instrument);
      if (!spec.accede.empty()) {
        world.Apply(StatusEvent{scenario->attack.at, StatusKind::Accession, spec.accede, instrument.id, "", {}});
      }
    }
    const auto commitments = TriggeredCommitments(design, scenario->attack, world, environment.parties);
    outcomes.push_back(SimulateDesign(design, commitments, scenario->attack, scenario->parameters, environment.parties, simulation));
  }
  const int threads_used = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (options.json) {
    PrintJson(SimulationToJson(*scenario, outcomes, simulation, threads_used));
  } else {
    fmt::print("Scenario {}: {} designs, {} draws, seed {}, {} thread{}\n", scenario->id, outcomes.size(), options.draws, options.seed,
               threads_used, threads_used == 1 ? "" : "s");
    fmt::print("{}", RenderSimulationTable(outcomes));
  }
  if (!options.report.empty()) {
    std::ofstream report(options.report);
    report << RenderSimulationHtml(*scenario, outcomes, simulation);
    if (!report) {
      fmt::print(stderr, "casus: error: cannot write {}\n", options.report);
      return kBadInput;
    }
    if (!options.json) fmt::print("report: {}\n", options.report);
  }
  return kOk;
}
}  // namespace

void AddSimulateCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<SimulateOptions>();
  CLI::App* command = app.add_subcommand("simulate", "Would it deter? The guarantee game over a scenario's designs, by seeded Monte Carlo (docs/guarantee-game.md).");
  command->add_option("scenario", options->scenario, "scenario file (docs/scenario-format.md)")->required();
  command->add_option("--draws", options->draws, "Monte Carlo draws per design")->check(CLI::Range(int64_t{1}, int64_t{100000000}))->capture_default_str();
  command->add_option("--seed", options->seed, "seed; draw chunk c uses the pcg64 stream (seed, c)")->capture_default_str();
  command->add_option("--threads", options->threads, "threads (0: all); results are the same for any number")->check(CLI::Range(0, 1024))->capture_default_str();
  command->add_flag("--json", options->json, "machine-readable results on stdout (docs/cli.md)");
  command->add_option("--report", options->report, "write a self-contained HTML report with SVG charts to this file");
  command->callback([&run, &global, options] { run = [&global, options] { return RunSimulate(global, *options); }; });
}

}  // namespace casus::app
