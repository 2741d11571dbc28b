// casus robustness SCENARIO — how sure is the ranking of the designs? Global sensitivity of P(attack)
// to every assumption (Sobol or Morris) and the dominance matrix, in blocks across threads and MPI
// ranks, stored as they finish (docs/robustness.md, docs/distributed.md).
#include <unistd.h>

#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <oneapi/tbb/global_control.h>

#include "casus/games/scenario.hpp"
#include "casus/report/text_table.hpp"
#include "casus/history/datasets.hpp"
#include "casus/sim/block_store.hpp"
#include "casus/sim/distributed.hpp"
#include "casus/sim/robustness.hpp"
#include "casus/core/utf8.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct RobustnessCommandOptions {
  std::string scenario;
  std::string method = "sobol";
  int64_t samples = 128;
  uint64_t seed = 1;
  int64_t draws = 1000;
  int threads = 0;
  int resamples = 500;
  bool json = false;
  bool timing = false;
  std::string report;
  std::string database;
  bool resume = false;
};

int RunRobustness(const GlobalOptions& global, const RobustnessCommandOptions& options) {
  const MpiSession session;  // MPI only under mpirun or srun
  const bool root = session.root();
  int64_t status_before_run = kOk;
  if (options.resume && options.database.empty()) {
    if (root) fmt::print(stderr, "casus: error: --resume needs --db\n  hint: give the database of the run to continue, e.g. --db run.db --resume\n");
    return kBadInput;
  }
  if (root && !options.report.empty()) {  // say so now, not after an hour of computing
    std::ofstream probe(options.report, std::ios::app);
    if (!probe) {
      fmt::print(stderr, "casus: error: cannot write {}\n  hint: --report takes a file in a folder that exists and can be written\n", options.report);
    }
    status_before_run = probe ? kOk : kBadInput;
  }
  if (session.BroadcastInt(status_before_run) != kOk) return kBadInput;
  const Environment environment = LoadEnvironment(global);
  Diagnostics diagnostics;
  std::optional<LoadedScenario> loaded;
  try {
    loaded = LoadCalibratedScenario(options.scenario, environment.home, environment.parties, diagnostics);
  } catch (const DataError& error) {
    if (root) fmt::print(stderr, "{}\n", ShowInvisible(error.what()));
    return kBadInput;
  }
  if (root) {
    for (const auto& diagnostic : diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
  }
  if (!loaded) return kBadInput;

  std::unique_ptr<oneapi::tbb::global_control> limit;
  if (options.threads > 0) {
    limit = std::make_unique<oneapi::tbb::global_control>(oneapi::tbb::global_control::max_allowed_parallelism,
                                                          static_cast<size_t>(options.threads));
  }
  const AssumptionModel model(*loaded, environment.parties, SimulationOptions{options.draws, options.seed, 0});
  RobustnessOptions analysis;
  analysis.method = options.method == "morris" ? RobustnessMethod::Morris : RobustnessMethod::Sobol;
  analysis.samples = options.samples;
  analysis.seed = options.seed;
  analysis.resamples = options.resamples;
  const RobustnessPlan plan = PlanRobustness(model, analysis);

  // Rank 0 opens the store and says which blocks are missing; an error stops every rank.
  std::unique_ptr<BlockStore> store;
  std::vector<int64_t> missing;
  int64_t status = kOk;
  if (root) {
    try {
      if (!options.database.empty()) store = std::make_unique<BlockStore>(options.database, RobustnessFingerprint(model, analysis, plan), options.resume);
      const std::set<int64_t> completed = store ? store->Completed() : std::set<int64_t>{};
      for (int64_t block = 0; block < plan.blocks; ++block) {
        if (!completed.count(block)) missing.push_back(block);
      }
    } catch (const DataError& error) {
      fmt::print(stderr, "{}\n", ShowInvisible(error.what()));
      status = kBadInput;
    }
  }
  if (session.BroadcastInt(status) != kOk) return kBadInput;
  missing = session.BroadcastInts(missing);

  std::map<int64_t, std::vector<double>> computed;
  const bool terminal = root && isatty(fileno(stderr)) != 0;
  const BlockRunStats stats = RunBlocks(
      session, missing, [&](int64_t block) { return ComputeRobustnessBlock(model, analysis, plan, block); },
      [&](int64_t block, std::vector<double> values) {
        if (store) store->Put(block, values);  // committed before the next block is looked at
        computed.emplace(block, std::move(values));
      },
      [&](int64_t done, int64_t total) {
        if (terminal) fmt::print(stderr, "\r  {} / {} blocks ({} already stored)", done, total, plan.blocks - total);
      });
  if (terminal) fmt::print(stderr, "\n");
  if (!root) return kOk;

  std::vector<std::vector<double>> blocks;
  for (int64_t block = 0; block < plan.blocks; ++block) {
    const auto found = computed.find(block);
    blocks.push_back(found != computed.end() ? found->second : store->Get(block));
  }
  const RobustnessResult result = AnalyzeRobustness(model, analysis, plan, blocks);
  const GuaranteeScenario& scenario = loaded->scenario;
  if (options.timing) {
    const int threads = options.threads > 0 ? options.threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    fmt::print(stderr, "timing: ranks {} threads {} blocks {} wall {:.3f} s; summed over ranks: compute {:.3f} s, MPI {:.3f} s, rank time {:.3f} s, "
                       "cpu {:.3f} s; MPI share {:.4f}\n",
               stats.ranks, threads, stats.blocks, stats.wall_seconds, stats.compute_seconds, stats.mpi_seconds, stats.rank_seconds, stats.cpu_seconds,
               stats.rank_seconds > 0.0 ? stats.mpi_seconds / stats.rank_seconds : 0.0);
  }
  if (options.json) {
    PrintJson(RobustnessToJson(result, scenario.id, options.draws));
  } else {
    fmt::print("{}  {}",
               WrapParagraph(fmt::format("Robustness of {}: {}, {} {} × {} worlds each = {} worlds of {} designs,", scenario.id, options.method,
                                         options.samples, analysis.method == RobustnessMethod::Sobol ? "base rows" : "trajectories",
                                         plan.worlds_per_unit, plan.Worlds(), plan.designs)),
               WrapParagraph(fmt::format("{} draws per design and world, seed {}; {} rank{}", options.draws, options.seed, session.size(),
                                         session.size() == 1 ? "" : "s"),
                             kTextWidth, 4));
    fmt::print("{}", RenderRobustnessText(result));
  }
  if (!options.report.empty()) {
    return WriteReport(options.report, RenderRobustnessHtml(result, scenario.id, scenario.title, options.draws), options.json);
  }
  return kOk;
}
}  // namespace

void AddRobustnessCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<RobustnessCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "robustness", "How sure is the ranking? Sobol or Morris sensitivity of P(attack) to every assumption, and the dominance matrix; "
                    "runs under mpirun (docs/robustness.md, docs/distributed.md).");
  command->add_option("scenario", options->scenario, "scenario file (docs/scenario-format.md)")->required();
  command->add_option("--method", options->method, "sobol (indices with bootstrap intervals) or morris (cheaper screening)")
      ->check(CLI::IsMember({"sobol", "morris"}))
      ->capture_default_str();
  command->add_option("--samples", options->samples, "Sobol: base rows N (N·(k+2) worlds); Morris: trajectories r (r·(k+1) worlds)")
      ->check(CLI::Range(int64_t{2}, int64_t{10000000}))
      ->capture_default_str();
  command->add_option("--seed", options->seed, "seed of the worlds and of the game's draws")->capture_default_str();
  command->add_option("--draws", options->draws, "Monte Carlo draws per design in each world (the same draws in every world)")
      ->check(CLI::Range(int64_t{1}, int64_t{100000000}))
      ->capture_default_str();
  command->add_option("--threads", options->threads, "threads per rank (0: all); results do not depend on it")->check(CLI::Range(0, 1024));
  command->add_option("--resamples", options->resamples, "bootstrap resamples for the 95 % intervals")
      ->check(CLI::Range(10, 100000))
      ->capture_default_str();
  command->add_flag("--json", options->json, "machine-readable results on stdout (docs/cli.md)");
  command->add_option("--report", options->report, "write an HTML page: tornado charts and the dominance heat map");
  command->add_option("--db", options->database, "SQLite block store: blocks are written as they finish (created if absent)");
  command->add_flag("--resume", options->resume, "continue the run in --db: compute only the missing blocks");
  command->add_flag("--timing", options->timing, "print wall, compute and MPI time on stderr (for the bench)");
  command->callback([&run, &global, options] { run = [&global, options] { return RunRobustness(global, *options); }; });
}

}  // namespace casus::app
