#include "casus/serve/analysis_jobs.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/task_arena.h>

#include "casus/report/simulation.hpp"
#include "casus/report/sweep_document.hpp"
#include "casus/sim/robustness.hpp"

namespace casus {

namespace {
// The draws a request asks for in all, refused beyond the cap.
void CheckTotalDraws(double total, const SimulationLimits& limits, const std::string& what) {
  if (total > static_cast<double>(limits.max_job_draws)) {
    throw JobError(400, fmt::format("{} asks for {:.0f} game draws in all; a request may ask for at most {} (run it with the command line)", what,
                                    total, limits.max_job_draws));
  }
}
}  // namespace

JobWork RobustnessWork(std::shared_ptr<const LoadedScenario> loaded, const PartyTable& parties, const RobustnessRequest& request,
                       const SimulationLimits& limits) {
  if (request.method != "sobol" && request.method != "morris") throw JobError(400, fmt::format("unknown method '{}' (sobol or morris)", request.method));
  if (request.samples < 2 || request.samples > limits.max_robustness_samples) {
    throw JobError(400, fmt::format("samples must be between 2 and {} (asked: {})", limits.max_robustness_samples, request.samples));
  }
  if (request.draws < 1 || request.draws > limits.max_draws) {
    throw JobError(400, fmt::format("draws must be between 1 and {} (asked: {})", limits.max_draws, request.draws));
  }
  if (request.resamples < 10 || request.resamples > 100000) throw JobError(400, fmt::format("resamples must be between 10 and 100000 (asked: {})", request.resamples));
  auto model = std::make_shared<const AssumptionModel>(*loaded, parties, SimulationOptions{request.draws, request.seed, 0});
  RobustnessOptions analysis;
  analysis.method = request.method == "morris" ? RobustnessMethod::Morris : RobustnessMethod::Sobol;
  analysis.samples = request.samples;
  analysis.seed = request.seed;
  analysis.resamples = request.resamples;
  const RobustnessPlan plan = PlanRobustness(*model, analysis);
  CheckTotalDraws(static_cast<double>(plan.Worlds()) * plan.designs * static_cast<double>(request.draws), limits, "this robustness run");
  const int threads = limits.threads_per_job;
  return [loaded, model, analysis, plan, threads, draws = request.draws](const JobProgress& progress) {
    const auto blocks_total = static_cast<size_t>(plan.blocks);
    std::vector<std::vector<double>> blocks;
    progress(0, blocks_total);
    oneapi::tbb::task_arena arena(threads);  // the worlds of a block run in parallel: on this job's threads only
    for (int64_t block = 0; block < plan.blocks; ++block) {
      blocks.push_back(arena.execute([&] { return ComputeRobustnessBlock(*model, analysis, plan, block); }));
      progress(blocks.size(), blocks_total);
    }
    const RobustnessResult result = arena.execute([&] { return AnalyzeRobustness(*model, analysis, plan, blocks); });
    const GuaranteeScenario& scenario = loaded->scenario;
    return JobOutput{RobustnessToJson(result, scenario.id, draws), {{"report", RenderRobustnessHtml(result, scenario.id, scenario.title, draws)}}};
  };
}

JobWork SweepWork(std::shared_ptr<const SweepSpec> spec, std::shared_ptr<const LoadedScenario> loaded, const PartyTable& parties,
                  const std::filesystem::path& database, const std::string& database_name, bool resume, const SimulationLimits& limits) {
  const size_t runs = ExpandSweep(*spec).size();
  CheckTotalDraws(static_cast<double>(runs) * static_cast<double>(loaded->scenario.designs.size()) * static_cast<double>(spec->draws), limits,
                  fmt::format("the sweep {} ({} runs of {} draws)", spec->id, runs, spec->draws));
  const int threads = limits.threads_per_job;
  return [spec, loaded, &parties, database, database_name, resume, threads, runs](const JobProgress& progress) {
    progress(0, runs);
    oneapi::tbb::task_arena arena(threads);
    const SweepProgress done = arena.execute([&] {
      return RunSweep(*spec, *loaded, parties, database, resume, threads, [&](const SweepProgress& step) {
        progress(static_cast<size_t>(step.skipped + step.done), static_cast<size_t>(step.total));
      });
    });
    const std::vector<ParetoPoint> points = ReadParetoPoints(database);
    return JobOutput{SweepDocument(spec->id, database_name, done, "", "", points), {{"report", RenderSweepHtml(spec->id, points)}}};
  };
}

}  // namespace casus
