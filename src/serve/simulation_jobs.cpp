#include "casus/serve/simulation_jobs.hpp"

#include <atomic>
#include <thread>

#include <fmt/format.h>

#include "casus/games/explain.hpp"
#include "casus/games/scenario.hpp"
#include "casus/history/datasets.hpp"
#include "casus/report/json.hpp"
#include "casus/report/simulation.hpp"
#include "casus/report/simulation_charts.hpp"

namespace casus {

namespace {
struct Cancelled {};
using Clock = std::chrono::steady_clock;
}  // namespace

struct SimulationJobs::Job {
  uint64_t id = 0;
  std::string kind;
  std::string unit;
  int64_t draws = 0;
  std::atomic<bool> cancel{false};
  std::atomic<size_t> done{0};
  std::atomic<size_t> total{0};
  std::atomic<int64_t> last_asked;  // Clock ticks of the last status request
  std::mutex mutex;                 // guards what follows
  std::string state = "running";
  std::string error;
  nlohmann::json diagnostics = nullptr;
  JobOutput output;
  std::thread thread;

  void Touch() { last_asked = Clock::now().time_since_epoch().count(); }
  bool Abandoned(std::chrono::milliseconds after) const {
    return Clock::now() - Clock::time_point(Clock::duration(last_asked.load())) > after;
  }
  bool Running() {
    std::lock_guard lock(mutex);
    return state == "running";
  }
  void Finish(const std::string& final_state, std::string message = {}, nlohmann::json items = nullptr) {
    std::lock_guard lock(mutex);
    state = final_state;
    error = std::move(message);
    diagnostics = std::move(items);
  }
};

SimulationJobs::SimulationJobs(std::filesystem::path home, const PartyTable& parties, SimulationLimits limits)
    : home_(std::move(home)), parties_(parties), limits_(limits) {}

SimulationJobs::~SimulationJobs() {
  std::map<uint64_t, std::shared_ptr<Job>> jobs;
  {
    std::lock_guard lock(mutex_);
    jobs.swap(jobs_);
  }
  for (auto& [id, job] : jobs) job->cancel = true;
  for (auto& [id, job] : jobs) {
    if (job->thread.joinable()) job->thread.join();
  }
}

uint64_t SimulationJobs::Run(const std::string& kind, const std::string& unit, int64_t draws, JobWork work) {
  auto job = std::make_shared<Job>();
  job->kind = kind;
  job->unit = unit;
  job->draws = draws;
  job->Touch();
  {
    std::lock_guard lock(mutex_);
    size_t running = 0;
    for (auto& [id, other] : jobs_) running += other->Running() ? 1 : 0;
    if (running >= limits_.max_running) {
      throw JobError(429, fmt::format("{} jobs (simulations, sweeps, robustness runs) are running already (the cap); wait or cancel one", running));
    }
    job->id = next_id_++;
    jobs_[job->id] = job;
    // Keep the last finished jobs only: drop the oldest beyond 32.
    while (jobs_.size() > 32 && !jobs_.begin()->second->Running()) {
      auto oldest = jobs_.begin()->second;
      jobs_.erase(jobs_.begin());
      if (oldest->thread.joinable()) oldest->thread.join();
    }
  }
  job->thread = std::thread([job, work = std::move(work), abandon_after = limits_.abandon_after] {
    const JobProgress progress = [&](size_t done, size_t total) {
      job->done = done;
      job->total = total;
      if (job->cancel || job->Abandoned(abandon_after)) throw Cancelled{};
    };
    try {
      JobOutput output = work(progress);
      std::lock_guard lock(job->mutex);
      job->output = std::move(output);
      job->state = "done";
    } catch (const Cancelled&) {
      job->Finish("cancelled");
    } catch (const JobFailure& failure) {
      job->Finish("failed", failure.error, failure.diagnostics);
    } catch (const std::exception& error) {  // malformed shipped data (DataError) or a bug
      job->Finish("failed", error.what());
    }
  });
  return job->id;
}

uint64_t SimulationJobs::Start(const std::filesystem::path& scenario_file, int64_t draws, uint64_t seed, bool explain) {
  if (draws < 100 || draws > limits_.max_draws) {
    throw JobError(400, fmt::format("draws must be between 100 and {} (asked: {})", limits_.max_draws, draws));
  }
  const SimulationOptions options{draws, seed, limits_.threads_per_job};
  return Run("simulate", "designs", draws, [this, scenario_file, options, explain](const JobProgress& progress) {
    Diagnostics diagnostics;
    auto loaded = LoadCalibratedScenario(scenario_file, home_, parties_, diagnostics);
    if (!loaded) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& diagnostic : diagnostics.All()) items.push_back(DiagnosticToJson(diagnostic));
      throw JobFailure{"the scenario does not load", items};
    }
    const size_t designs = loaded->scenario.designs.size();
    progress(0, designs);
    auto outcomes = SimulateScenario(*loaded, loaded->scenario.parameters, parties_, options, {},
                                     [&](size_t done, size_t) { progress(done, designs); });
    std::vector<std::vector<ClauseChange>> changes;  // as `simulate --explain` computes them
    if (explain) {
      for (size_t idx = 0; idx < outcomes.size(); ++idx) {
        progress(designs, designs);
        changes.push_back(BestClauseChanges(*loaded, idx, parties_, options, outcomes[idx].p_attack));
      }
    }
    JobOutput output;
    output.document = SimulationToJson(loaded->scenario, outcomes, options, options.threads, explain ? &changes : nullptr);
    output.views = {{"p-attack", PAttackChart(outcomes)}, {"response-mix", ResponseMixChart(outcomes)}};
    return output;
  });
}

std::shared_ptr<SimulationJobs::Job> SimulationJobs::Find(uint64_t id) {
  std::lock_guard lock(mutex_);
  const auto found = jobs_.find(id);
  if (found == jobs_.end()) throw JobError(404, fmt::format("no job {}", id));
  return found->second;
}

nlohmann::json SimulationJobs::Status(uint64_t id) {
  auto job = Find(id);
  job->Touch();
  std::lock_guard lock(job->mutex);
  nlohmann::json status = {{"job", job->id},     {"kind", job->kind},   {"state", job->state},
                           {"done", job->done.load()}, {"total", job->total.load()}, {"unit", job->unit},
                           {"draws", job->draws}};
  if (job->kind == "simulate") {
    status["designs_done"] = job->done.load();
    status["designs"] = job->total.load();
  }
  if (!job->error.empty()) status["error"] = job->error;
  if (!job->diagnostics.is_null()) status["diagnostics"] = job->diagnostics;
  return status;
}

nlohmann::json SimulationJobs::Result(uint64_t id) {
  auto job = Find(id);
  std::lock_guard lock(job->mutex);
  if (job->state != "done") throw JobError(409, fmt::format("job {} is {}", id, job->state));
  return job->output.document;
}

std::string SimulationJobs::View(uint64_t id, const std::string& view) {
  auto job = Find(id);
  std::lock_guard lock(job->mutex);
  if (job->state != "done") throw JobError(409, fmt::format("job {} is {}", id, job->state));
  const auto found = job->output.views.find(view);
  if (found == job->output.views.end()) {
    std::string names;
    for (const auto& [name, text] : job->output.views) names += (names.empty() ? "" : ", ") + name;
    throw JobError(404, fmt::format("no view '{}' of job {} ({})", view, id, names));
  }
  return found->second;
}

std::string SimulationJobs::Kind(uint64_t id) { return Find(id)->kind; }

void SimulationJobs::Cancel(uint64_t id) { Find(id)->cancel = true; }

}  // namespace casus
