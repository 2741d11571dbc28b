// casus assess SCENARIO --settlement FILE.csv — would it deter, what would it cost, and would the
// parties sign? The guarantee game and the settlement negotiation side by side (docs/assess.md).
#include <unistd.h>

#include <fmt/format.h>

#include "casus/assess/assessment.hpp"
#include "casus/bargain/ktab_csv.hpp"
#include "casus/bargain/scales.hpp"
#include "casus/games/scenario.hpp"
#include "casus/history/datasets.hpp"
#include "casus/report/assessment.hpp"
#include "casus/core/utf8.hpp"
#include "casus/report/text_table.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct AssessOptions {
  std::string scenario;
  std::string settlement;
  std::string scales;
  int64_t draws = 20000;
  uint64_t seed = 20250817;
  int threads = 0;
  double perturb = 5.0;
  int perturb_draws = 200;
  bool sensitivity = false;
  bool json = false;
  bool csv = false;
  std::string report;
};

int RunAssess(const GlobalOptions& global, const AssessOptions& options) {
  const Environment environment = LoadEnvironment(global);
  Diagnostics diagnostics;
  auto flush = [&diagnostics, printed = size_t{0}]() mutable {
    for (; printed < diagnostics.All().size(); ++printed) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostics.All()[printed]));
  };
  std::optional<LoadedScenario> loaded;
  try {
    loaded = LoadCalibratedScenario(options.scenario, environment.home, environment.parties, diagnostics);
  } catch (const DataError& error) {
    fmt::print(stderr, "{}\n", ShowInvisible(error.what()));
    return kBadInput;
  }
  const auto settlement = ReadKtabCsv(options.settlement, diagnostics);
  flush();
  if (!loaded || !settlement) return kBadInput;
  const std::filesystem::path scales_path = options.scales.empty() ? DefaultScalesPath(options.settlement) : std::filesystem::path(options.scales);
  std::error_code error;
  if (!std::filesystem::is_regular_file(scales_path, error)) {
    fmt::print(stderr, "{}: error: no such scale file\n  hint: assess reads what the settlement's numbers mean from a scale file (docs/negotiation.md, "
                       "\"Scale files\"); {}\n",
               scales_path.string(), options.scales.empty() ? fmt::format("write {} beside the CSV or pass --scales FILE", scales_path.string()) : "check the path");
    return kBadInput;
  }
  const auto scales = ReadScaleFile(scales_path, *settlement, environment.parties, diagnostics);
  flush();
  if (!scales || !CheckSettlementInputs(loaded->scenario, *scales, environment.parties, diagnostics)) {
    flush();
    return kBadInput;
  }
  const SimulationOptions simulation{options.draws, options.seed, options.threads};
  const PerturbationOptions perturbation{options.perturb, options.perturb_draws, options.seed, options.threads};
  const Assessment assessment = AssessScenario(*loaded, environment.parties, *settlement, *scales, simulation, perturbation);
  std::vector<InputSensitivity> sensitivity;
  if (options.sensitivity) {
    sensitivity = AcceptanceSensitivity(*loaded, environment.parties, *settlement, *scales, perturbation);
  }
  if (options.json) {
    nlohmann::json document = AssessmentToJson(assessment, *scales);
    if (options.sensitivity) document["sensitivity"] = SensitivityToJson(sensitivity);
    PrintJson(document);
  } else if (options.csv) {
    fmt::print("{}", AssessmentToCsv(assessment, *scales));
  } else {
    fmt::print("{}", WrapParagraph(fmt::format("Scenario {} against the settlement \"{}\": {} designs; game {} draws, seed {}; negotiation {} "
                                               "perturbed runs (sd {}), seed {}",
                                               assessment.scenario, assessment.settlement, assessment.designs.size(), options.draws, options.seed,
                                               options.perturb_draws, options.perturb, options.seed)));
    fmt::print("{}", RenderAssessmentTable(assessment, *scales));
    if (options.sensitivity) {
      fmt::print("\nWhich bargaining inputs move the acceptances most (same seed and runs, each input moved both ways):\n{}",
                 RenderSensitivityTable(sensitivity, 12));
    }
  }
  if (!options.report.empty()) return WriteReport(options.report, RenderAssessmentHtml(assessment, *scales), options.json || options.csv);
  return kOk;
}
}  // namespace

void AddAssessCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<AssessOptions>();
  CLI::App* command = app.add_subcommand(
      "assess", "Would it deter, what would it cost, would the parties sign? Each design's P(attack), cost and acceptance side by side (docs/assess.md).");
  command->add_option("scenario", options->scenario, "guarantee scenario (docs/scenario-format.md)")->required();
  command->add_option("--settlement", options->settlement, "the settlement negotiation: a KTAB CSV (docs/negotiation.md)")->required();
  command->add_option("--scales", options->scales, "its scale file (default: the CSV's name with .scales.toml)");
  command->add_option("--draws", options->draws, "guarantee-game Monte Carlo draws per design")->check(CLI::Range(int64_t{1}, int64_t{100000000}))->capture_default_str();
  command->add_option("--seed", options->seed, "seed of the game and of the perturbed negotiation runs")->capture_default_str();
  command->add_option("--threads", options->threads, "threads (0: all); results are the same for any number")->check(CLI::Range(0, 1024))->capture_default_str();
  command->add_option("--perturb", options->perturb, "perturbation of the negotiation's inputs: positions ± N(0, SD) on 0–100, capabilities × exp(N(0, SD/100))")
      ->check(CLI::Range(0.0, 50.0))->capture_default_str();
  command->add_option("--perturb-draws", options->perturb_draws, "perturbed negotiation runs")->check(CLI::Range(1, 100000))->capture_default_str();
  command->add_flag("--sensitivity", options->sensitivity, "also measure how much each bargaining input moves the acceptances (slow: 216 reruns)");
  auto* json = command->add_flag("--json", options->json, "machine-readable results on stdout (docs/cli.md)");
  command->add_flag("--csv", options->csv, "one CSV row per design on stdout")->excludes(json);
  command->add_option("--report", options->report, "write a self-contained HTML report (deterrence against acceptability) to this file");
  command->callback([&run, &global, options] { run = [&global, options] { return RunAssess(global, *options); }; });
}

}  // namespace casus::app
