// Simulations started from the browser: each runs on its own thread, reports progress by design,
// can be cancelled, and is cancelled when no client has asked about it for a while (the page was
// closed). Capped: so many running at once, so many draws per request. Results are the documents
// of `casus simulate --json` (report/simulation.hpp) and the charts of report/simulation_charts.hpp.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
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
  size_t max_running = 2;                        //!< more at once: refused (429)
  int64_t max_draws = 200000;                    //!< per request
  int threads_per_job = 1;                       //!< Monte Carlo threads of each job
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

class SimulationJobs {
 public:
  SimulationJobs(std::filesystem::path home, const PartyTable& parties, SimulationLimits limits);
  ~SimulationJobs();  //!< cancels every job and waits for it

  //! Starts simulating `scenario_file` (an absolute path); returns the job's id. With `explain`,
  //! the result is `simulate --explain --json` (each design's best one-clause changes, simulated).
  uint64_t Start(const std::filesystem::path& scenario_file, int64_t draws, uint64_t seed, bool explain = false);
  //! {"job","state":"running"|"done"|"cancelled"|"failed","designs_done","designs","draws","error"?}.
  nlohmann::json Status(uint64_t job);
  //! The finished job's `simulate --json` document.
  nlohmann::json Result(uint64_t job);
  //! "p-attack" or "response-mix" as SVG.
  std::string Chart(uint64_t job, const std::string& chart);
  void Cancel(uint64_t job);

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
