// Global sensitivity analysis of a vector-valued model on the unit cube [0, 1)^k (docs/robustness.md):
// Saltelli's sampling scheme with the Saltelli (2010) first-order and Jansen (1999) total-order
// estimators, percentile-bootstrap 95 % intervals and a convergence check; Morris's elementary
// effects (μ*, σ) for a cheap screening; and the pairwise dominance of outputs across the sampled
// worlds. The model is not called here: callers evaluate the points these functions lay out (in
// blocks, on any number of threads or MPI ranks) and pass the values back, so that the estimates
// depend on the seed and the sample size only.
//
// Randomness: row j of the Saltelli matrices A and B (k uniforms each), Morris trajectory t and
// bootstrap resample r each come from their own pcg64 stream, (seed, j), (seed, t) and
// (seed ^ kBootstrapSalt, r): any row can be generated alone, on any rank, in any order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace casus::sensitivity {

// ---- Saltelli design --------------------------------------------------------------------------

//! Evaluations per base-sample row: f(A_j), f(B_j) and f(A_B^(i)_j) for each of the k parameters
//! (A_j with its i-th coordinate taken from B_j).
inline int64_t SaltelliEvaluationsPerRow(int parameters) { return parameters + 2; }

//! The `parameters` uniforms of A_j (into `a`) and of B_j (into `b`), from the pcg64 stream (seed, j).
void SaltelliRow(uint64_t seed, int64_t row, int parameters, double* a, double* b);

//! The point of evaluation `e` (0: A, 1: B, 2 + i: A_B^(i)) of a row, given that row's A and B.
void SaltelliPoint(const double* a, const double* b, int parameters, int evaluation, double* point);

//! Model values of a Saltelli sample: values[(row * (k + 2) + evaluation) * outputs + output].
struct SaltelliValues {
  int64_t rows = 0;
  int parameters = 0;
  int outputs = 0;
  std::vector<double> values;
  double At(int64_t row, int evaluation, int output) const {
    return values[static_cast<size_t>((row * (parameters + 2) + evaluation) * outputs + output)];
  }
};

struct Interval {
  double low = 0.0;
  double high = 0.0;
};

struct SobolIndex {
  double first = 0.0;   //!< S_i, Saltelli 2010: mean((f(B) − f̄)·(f(A_B^i) − f(A))) / V (centred on the mean f̄)
  double total = 0.0;   //!< S_Ti, Jansen 1999: mean((f(A) − f(A_B^i))²) / (2V)
  Interval first_ci95;  //!< percentile bootstrap over rows
  Interval total_ci95;
};

struct SobolOutput {
  double mean = 0.0;      //!< of f over the A and B rows
  double variance = 0.0;  //!< V, over the A and B rows (2N values); 0: indices are reported as 0
  std::vector<SobolIndex> indices;  //!< per parameter
  //! Convergence check: the largest |S_Ti(N) − S_Ti(N/2)| (the first half of the rows against all)
  //! and the widest total-order interval.
  double total_change_half = 0.0;
  double widest_total_ci = 0.0;
};

struct SobolOptions {
  uint64_t seed = 1;
  int resamples = 500;                  //!< bootstrap resamples
  //! Converged: total_change_half ≤ tolerance and widest_total_ci ≤ 4 × tolerance, for every output.
  double convergence_tolerance = 0.05;
};

struct SobolResult {
  std::vector<SobolOutput> outputs;
  bool converged = false;  //!< see SobolOptions::convergence_tolerance
};

//! The indices of every output with bootstrap intervals (rows ≥ 2).
SobolResult EstimateSobol(const SaltelliValues& sample, const SobolOptions& options);

// ---- Morris screening -------------------------------------------------------------------------

//! Levels of the Morris grid (p = 4: x ∈ {0, 1/3, 2/3, 1}, Δ = p / (2(p − 1)) = 2/3). A grid level
//! x is used as the uniform u = 1/8 + 3x/4 ∈ {1/8, 3/8, 5/8, 7/8}, so that unbounded priors are
//! never asked for their 0 or 1 quantile.
constexpr int kMorrisLevels = 4;

//! Trajectory t: k + 1 points of the unit cube (row-major into `points`, (k + 1)·k values), each
//! from the last by moving one parameter by ±Δ; `order[s]` is the parameter moved at step s + 1,
//! `sign[s]` its direction (+1, −1). From the pcg64 stream (seed, t).
void MorrisTrajectory(uint64_t seed, int64_t trajectory, int parameters, double* points, int* order, int* sign);

struct MorrisIndex {
  double mu_star = 0.0;  //!< mean |elementary effect|
  double mu = 0.0;       //!< mean elementary effect
  double sigma = 0.0;    //!< standard deviation of the elementary effects
};

//! values[(trajectory * (k + 1) + point) * outputs + output]; returns per output, per parameter.
std::vector<std::vector<MorrisIndex>> EstimateMorris(const std::vector<double>& values, int64_t trajectories, int parameters, int outputs,
                                                     uint64_t seed);

// ---- Dominance -------------------------------------------------------------------------------

struct Dominance {
  int a = 0;
  int b = 0;
  double share = 0.0;  //!< share of worlds with output a < output b (ties count ½)
  double se = 0.0;     //!< √(share(1 − share) / worlds): the worlds are independent draws
};

//! For each ordered pair a ≠ b of outputs, over worlds given as worlds[w * outputs + o].
std::vector<Dominance> DominanceMatrix(const std::vector<double>& worlds, int outputs);

}  // namespace casus::sensitivity
