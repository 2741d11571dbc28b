// casus sweep SWEEP.toml --db FILE — the guarantee game over a grid of designs and parameters.
#include <unistd.h>

#include <fstream>

#include <fmt/format.h>

#include "casus/core/output_file.hpp"
#include "casus/core/spelling.hpp"
#include "casus/report/simulation.hpp"
#include "casus/report/sweep_document.hpp"
#include "casus/history/datasets.hpp"
#include "casus/sim/distributed.hpp"
#include "casus/sim/sweep.hpp"
#include "casus/core/utf8.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct SweepOptions {
  std::string sweep;
  std::string database;
  bool resume = false;
  std::string csv;
  std::string report;
  int threads = 0;
  bool json = false;
};

int RunSweepCommand(const GlobalOptions& global, const SweepOptions& options) {
  const MpiSession session;  // MPI only under mpirun or srun: the runs are dealt across the ranks
  const bool root = session.root();
  const Environment environment = LoadEnvironment(global);
  Diagnostics diagnostics;
  const auto spec = LoadSweepFile(options.sweep, environment.parties, diagnostics);
  if (root) {
    for (const auto& diagnostic : diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
  }
  if (!spec) return kBadInput;
  try {
    Diagnostics scenario_diagnostics;  // the sweep file's were printed above
    const auto loaded = LoadCalibratedScenario(spec->scenario, environment.home, environment.parties, scenario_diagnostics);
    if (root) {
      for (const auto& diagnostic : scenario_diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
    }
    if (!loaded) return kBadInput;
    for (const auto& axis : spec->axes) {
      for (size_t design_idx = 0; design_idx < axis.designs.size(); ++design_idx) {
        const auto& designs = loaded->scenario.designs;
        std::vector<std::string> ids;
        for (const auto& candidate : designs) ids.push_back(candidate.id);
        if (std::find(ids.begin(), ids.end(), axis.designs[design_idx]) == ids.end()) {
          if (root) fmt::print(stderr, "{}\n", FormatDiagnostic(Diagnostic{Severity::Error, axis.design_positions[design_idx],
                                                                  fmt::format("design '{}' is not in the scenario {}", axis.designs[design_idx],
                                                                              spec->scenario.filename().string()),
                                                                  SuggestionHint(axis.designs[design_idx], ids)}));
          return kBadInput;
        }
      }
    }
    // Every output checked before the first run: a wrong path must not cost a sweep, nor touch the database.
    // Under mpirun rank 0 checks and every rank hears the verdict (no rank may wait for another that stopped).
    int64_t checked = kOk;
    if (root) {
      try {
        if (!options.csv.empty()) CheckOutputPath(options.csv, {options.database, options.sweep});
        if (!options.report.empty()) CheckOutputPath(options.report, {options.database, options.sweep, options.csv});
      } catch (const OutputError& error) {
        fmt::print(stderr, "{}\n", error.what());
        checked = kBadInput;
      }
    }
    if (session.BroadcastInt(checked) != kOk) return kBadInput;
    const bool terminal = root && isatty(fileno(stderr)) != 0;
    const auto progress = RunSweep(*spec, *loaded, environment.parties, options.database, options.resume, options.threads,
                                   [terminal](const SweepProgress& step) {
                                     if (terminal) fmt::print(stderr, "\r  {} / {} runs", step.skipped + step.done, step.total);
                                   },
                                   &session);
    if (terminal) fmt::print(stderr, "\n");
    if (!root) return kOk;
    if (!options.json) {
      fmt::print("sweep {}: {} runs in all; {} already in {}, {} run now\n", spec->id, progress.total, progress.skipped,
                 options.database, progress.done);
    }
    if (!options.csv.empty()) {
      ExportSweepCsv(options.database, options.csv, SweepSettingColumns(*spec));
      if (!options.json) fmt::print("table: {} (a row per run and design)\n", options.csv);
    }
    const std::vector<ParetoPoint> points = ReadParetoPoints(options.database);
    if (!options.report.empty()) {
      if (const int status = WriteReport(options.report, RenderSweepHtml(spec->id, points), options.json); status != kOk) return status;
    }
    const nlohmann::json document = SweepDocument(spec->id, options.database, progress, options.csv, options.report, points);
    if (options.json) {
      PrintJson(document);
    } else {
      const nlohmann::json& front = document["pareto_front"];
      fmt::print("Pareto front, beyond Monte Carlo error (docs/sweep-format.md): {} of {} distinct points ({} in all)\n", front.size(),
                 TiedPoints(points).size(), points.size());
      constexpr size_t kShown = 12;  // the rest in --json, the CSV and the report
      for (size_t entry_idx = 0; entry_idx < front.size() && entry_idx < kShown; ++entry_idx) {
        const auto& entry = front[entry_idx];
        fmt::print("  run {:>4}  {}  deterrence {:.3f}  cost {:.3f}{}\n", entry["run"].get<int64_t>(), entry["design"].get<std::string>(),
                   entry["deterrence"].get<double>(), entry["guarantor_cost"].get<double>(),
                   entry["ties"].empty() ? std::string() : fmt::format("  (+{} tied)", entry["ties"].size()));
      }
      if (front.size() > kShown) fmt::print("  … {} more (--json, --csv or --report list them all)\n", front.size() - kShown);
    }
  } catch (const DataError& error) {
    if (root) fmt::print(stderr, "{}\n", ShowInvisible(error.what()));
    return kBadInput;
  } catch (const OutputError& error) {
    fmt::print(stderr, "{}\n", error.what());
    return kBadInput;
  }
  return kOk;
}
}  // namespace

void AddSweepCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<SweepOptions>();
  CLI::App* command = app.add_subcommand("sweep", "Run the guarantee game over a grid of designs and parameters into SQLite; resumable; runs under mpirun (docs/sweep-format.md, docs/distributed.md).");
  command->add_option("sweep", options->sweep, "sweep file (docs/sweep-format.md)")->required();
  command->add_option("--db", options->database, "SQLite database to write (created if absent)")->required();
  command->add_flag("--resume", options->resume, "continue a sweep already in the database (completed runs are skipped)");
  command->add_option("--csv", options->csv, "also write the table as CSV: a row per run and design, a column per setting and per metric");
  command->add_option("--report", options->report, "write an HTML page with the Pareto plot");
  command->add_option("--threads", options->threads, "threads per run (0: all); results do not depend on it")->check(CLI::Range(0, 1024));
  command->add_flag("--json", options->json, "print the summary and the Pareto front as JSON (docs/cli.md)");
  command->callback([&run, &global, options] { run = [&global, options] { return RunSweepCommand(global, *options); }; });
}

}  // namespace casus::app
