// The work of the robustness and sweep jobs the browser starts (serve/simulation_jobs.hpp runs
// them): the same library calls as `casus robustness` and `casus sweep`, one block or run at a time
// so that progress shows and a cancel stops the work between two of them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "casus/core/party_table.hpp"
#include "casus/games/scenario.hpp"
#include "casus/serve/simulation_jobs.hpp"
#include "casus/sim/sweep.hpp"

namespace casus {

struct RobustnessRequest {
  std::string method = "sobol";  //!< "sobol" or "morris"
  int64_t samples = 16;
  int64_t draws = 1000;
  uint64_t seed = 1;
  int resamples = 500;
};

//! `casus robustness SCENARIO --method … --samples … --draws … --seed … --resamples … --json`;
//! views: "report" (the --report page). Refuses (JobError 400) a request beyond `limits`:
//! samples, draws per world, and worlds × designs × draws in all.
JobWork RobustnessWork(std::shared_ptr<const LoadedScenario> loaded, const PartyTable& parties, const RobustnessRequest& request,
                       const SimulationLimits& limits);

//! `casus sweep SWEEP --db DATABASE [--resume] --json`, the document naming the database
//! `database_name`; views: "report" (the --report page). Refuses (JobError 400) a sweep whose runs ×
//! designs × draws exceed the limits.
JobWork SweepWork(std::shared_ptr<const SweepSpec> spec, std::shared_ptr<const LoadedScenario> loaded, const PartyTable& parties,
                  const std::filesystem::path& database, const std::string& database_name, bool resume, const SimulationLimits& limits);

}  // namespace casus
