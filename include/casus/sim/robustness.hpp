// `casus robustness`: how much of the designs' ranking survives when the assumptions move, and
// which assumption decides it (docs/robustness.md). The work is laid out in blocks — a block is a
// fixed range of Saltelli rows (or Morris trajectories), each row's worlds evaluated by the
// AssumptionModel — so that blocks can be computed on any thread or MPI rank, stored as they
// finish (BlockStore) and analysed once all are in. The analysis depends only on the blocks' values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/sim/assumptions.hpp"
#include "casus/sim/sensitivity.hpp"

namespace casus {

enum class RobustnessMethod { Sobol, Morris };

struct RobustnessOptions {
  RobustnessMethod method = RobustnessMethod::Sobol;
  int64_t samples = 128;  //!< Sobol: base rows N (N·(k + 2) worlds); Morris: trajectories r (r·(k + 1) worlds)
  uint64_t seed = 1;
  int resamples = 500;    //!< bootstrap resamples (Sobol)
};

//! How the work is cut: `units` rows or trajectories, `units_per_block` of them per block.
struct RobustnessPlan {
  int64_t units = 0;
  int64_t units_per_block = 0;
  int64_t blocks = 0;
  int parameters = 0;
  int designs = 0;
  int worlds_per_unit = 0;  //!< k + 2 (Sobol) or k + 1 (Morris)
  int64_t Worlds() const { return units * worlds_per_unit; }
};

//! Rows per block (Sobol) and trajectories per block (Morris): fixed, so that a block store is
//! valid whatever the number of ranks and threads.
constexpr int64_t kSobolRowsPerBlock = 8;
constexpr int64_t kMorrisTrajectoriesPerBlock = 4;

RobustnessPlan PlanRobustness(const AssumptionModel& model, const RobustnessOptions& options);

//! The block store's fingerprint: the model's, the method, samples, seed and block size.
std::string RobustnessFingerprint(const AssumptionModel& model, const RobustnessOptions& options, const RobustnessPlan& plan);

//! P(attack) of every design in every world of the block: values[(unit · worlds_per_unit + world) ·
//! designs + design], units in order. Worlds run in parallel (TBB); the values do not depend on it.
std::vector<double> ComputeRobustnessBlock(const AssumptionModel& model, const RobustnessOptions& options, const RobustnessPlan& plan,
                                           int64_t block);

struct RobustnessResult {
  RobustnessMethod method = RobustnessMethod::Sobol;
  int64_t samples = 0;
  uint64_t seed = 0;
  int64_t worlds = 0;  //!< model evaluations (each: every design)
  std::vector<std::string> designs;
  std::vector<Assumption> assumptions;
  std::vector<double> mean_p_attack;        //!< per design, over the sampled worlds
  sensitivity::SobolResult sobol;           //!< Sobol: per design
  std::vector<std::vector<sensitivity::MorrisIndex>> morris;  //!< Morris: per design, per assumption
  std::vector<sensitivity::Dominance> dominance;  //!< a deters better than b: P_a(attack) < P_b(attack)
  int64_t dominance_worlds = 0;
  double convergence_tolerance = 0.05;
  //! Assumptions ordered by their mean total-order index (Sobol) or mean μ* (Morris) over designs.
  std::vector<size_t> ranking;
  std::vector<double> ranking_score;
};

//! Analyses the blocks (all of them, in block order).
RobustnessResult AnalyzeRobustness(const AssumptionModel& model, const RobustnessOptions& options, const RobustnessPlan& plan,
                                   const std::vector<std::vector<double>>& blocks);

//! docs/cli.md, `casus robustness --json`.
nlohmann::json RobustnessToJson(const RobustnessResult& result, const std::string& scenario_id, int64_t draws);
//! The indices table, the dominance matrix and its sentences, for the terminal.
std::string RenderRobustnessText(const RobustnessResult& result);
//! A self-contained HTML page: a tornado chart of total-order indices per design and the dominance
//! matrix as a heat map with the shares in the cells (SVG, no script).
std::string RenderRobustnessHtml(const RobustnessResult& result, const std::string& scenario_id, const std::string& title, int64_t draws);

}  // namespace casus
