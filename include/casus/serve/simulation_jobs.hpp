// Background jobs started from the browser — simulations, robustness runs and sweeps: each runs on
// its own thread, reports progress, can be cancelled, and is cancelled when no client has asked
// about it for a while (the page was closed). Capped: so many running at once (all kinds together),
// so many draws per request. Results are the documents of the commands' --json (simulate:
// report/simulation.hpp; robustness: sim/robustness.hpp; sweep: report/sweep_document.hpp) and
// views of them (SVG charts, the command's --report page), computed by the library's own APIs.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/core/party_table.hpp"

namespace casus {

struct SimulationLimits {
  size_t max_running = 2;                        //!< more at once (of any kind): refused (429)
  int64_t max_draws = 200000;                    //!< per request
  int64_t max_robustness_samples = 1024;         //!< Sobol base rows or Morris trajectories per request
  int64_t max_job_draws = 200000000;             //!< a robustness run's or a sweep's game draws in all, per request
  int threads_per_job = 1;                       //!< threads of each job
  std::chrono::milliseconds abandon_after{15000};  //!< no status request for this long: cancelled
};

//! A request the jobs cannot honour: an HTTP status and a message.
class JobError : public std::runtime_error {
 public:
  JobError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int Status() const { return status_; }

 private:
  int status_;
};

//! Thrown by a job's work when its input does not load: the job fails with these diagnostics.
struct JobFailure {
  std::string error;
  nlohmann::json diagnostics;  //!< as in `check --json`, or null
};

//! What a finished job keeps: its document and named views of it (SVG charts, an HTML report).
struct JobOutput {
  nlohmann::json document;
  std::map<std::string, std::string> views;
};

//! Called by a job's work after each unit (a design, a block, a run); throws to stop the work when
//! the job is cancelled or abandoned. `total` may be given before the first unit with done = 0.
using JobProgress = std::function<void(size_t done, size_t total)>;
using JobWork = std::function<JobOutput(const JobProgress&)>;

class SimulationJobs {
 public:
  SimulationJobs(std::filesystem::path home, const PartyTable& parties, SimulationLimits limits);
  ~SimulationJobs();  //!< cancels every job and waits for it

  //! Starts simulating `scenario_file` (an absolute path); returns the job's id. With `explain`,
  //! the result is `simulate --explain --json` (each design's best one-clause changes, simulated).
  //! Views: "p-attack" and "response-mix" (SVG).
  uint64_t Start(const std::filesystem::path& scenario_file, int64_t draws, uint64_t seed, bool explain = false);
  //! Starts any work as a job of `kind` ("robustness", "sweep"…) counting `unit`s ("blocks", "runs").
  //! Refused (429) when the cap of running jobs is reached.
  uint64_t Run(const std::string& kind, const std::string& unit, int64_t draws, JobWork work);
  //! {"job","kind","state":"running"|"done"|"cancelled"|"failed","done","total","unit","draws",
  //! "error"?,"diagnostics"?}; a simulation also says "designs_done" and "designs".
  nlohmann::json Status(uint64_t job);
  //! The finished job's document (409 until it is done).
  nlohmann::json Result(uint64_t job);
  //! A view of the finished job's result, by name (404 for a name the job does not have).
  std::string View(uint64_t job, const std::string& view);
  //! The kind of job `job` is (404 when there is none).
  std::string Kind(uint64_t job);
  void Cancel(uint64_t job);

  const SimulationLimits& Limits() const { return limits_; }

 private:
  struct Job;
  std::shared_ptr<Job> Find(uint64_t job);

  std::filesystem::path home_;
  const PartyTable& parties_;
  SimulationLimits limits_;
  std::mutex mutex_;
  uint64_t next_id_ = 1;
  std::map<uint64_t, std::shared_ptr<Job>> jobs_;
};

}  // namespace casus
