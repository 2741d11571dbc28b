// Binary-response GLMs for the backtest: logit and probit fitted by iteratively reweighted least
// squares (Fisher scoring, with step halving) on Eigen matrices, and robust covariances clustered
// on one key (e.g. the dyad) or multiway on both states of a dyad (Aronow, Samii & Assenova 2015;
// Cameron, Gelbach & Miller 2011). docs/backtest.md, "The estimators".
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Dense>

namespace casus {

enum class Link { Logit, Probit };

struct GlmFit {
  Link link = Link::Logit;
  Eigen::VectorXd beta;
  Eigen::MatrixXd information;  //!< X'WX at beta (Fisher information)
  Eigen::MatrixXd covariance;   //!< its inverse: the model-based covariance
  double log_likelihood = 0.0;
  int iterations = 0;
  bool converged = false;
  long n = 0, events = 0;
};

//! P(y = 1 | η) under the link.
double LinkProbability(Link link, double eta);

//! One observation at index η: log P(y | η), the score factor ∂ log P / ∂η and the Fisher weight
//! E[−∂² log P / ∂η²] (stable for |η| large).
struct GlmPoint {
  double log_p, score, weight;
};
GlmPoint EvaluateGlm(Link link, double eta, double y);

//! Fits y ~ X (X carries the intercept column if one is wanted). `start` (size k) warm-starts.
GlmFit FitGlm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Link link, const Eigen::VectorXd* start = nullptr,
              int max_iterations = 50);

//! X'diag(w)X, accumulated in blocks of rows (no n × k temporary).
void WeightedCrossProduct(const Eigen::MatrixXd& x, const Eigen::VectorXd& weights, Eigen::MatrixXd& out);

//! Per-observation scores s_i = ∂ log L_i / ∂β (n × k).
Eigen::MatrixXd ObservationScores(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const GlmFit& fit);

//! Σ_g S_g S_g' with S_g the sum of the scores in cluster g (ids need not be contiguous).
Eigen::MatrixXd ClusterMeat(const Eigen::MatrixXd& scores, const std::vector<int64_t>& cluster);

//! One-way clustered sandwich: G/(G − 1) · B⁻¹ M B⁻¹ (B the information, M the cluster meat).
Eigen::MatrixXd ClusteredCovariance(const GlmFit& fit, const Eigen::MatrixXd& scores, const std::vector<int64_t>& cluster);

//! The dyadic meat: Σ_states S_c S_c' − Σ_dyads S_d S_d' (below); `states` counts the states.
Eigen::MatrixXd DyadicMeat(const Eigen::MatrixXd& scores, const std::vector<int32_t>& state_a, const std::vector<int32_t>& state_b,
                           size_t* states = nullptr);

//! Dyadic (multiway on both members) sandwich: the meat sums s_i s_j' over every pair of
//! observations whose dyads share a state, = Σ_states S_c S_c' − Σ_dyads S_d S_d' (a pair sharing
//! both states is counted once), scaled by G/(G − 1) with G the number of states. A meat that is
//! not positive semi-definite has its negative eigenvalues set to 0 (Cameron, Gelbach & Miller
//! 2011, §2.3); `clipped` says whether that happened.
Eigen::MatrixXd DyadicCovariance(const GlmFit& fit, const Eigen::MatrixXd& scores, const std::vector<int32_t>& state_a,
                                 const std::vector<int32_t>& state_b, bool* clipped = nullptr);

//! The dyadic meat by brute force over all pairs (O(n²)): for tests.
Eigen::MatrixXd DyadicMeatBruteForce(const Eigen::MatrixXd& scores, const std::vector<int32_t>& state_a, const std::vector<int32_t>& state_b);

}  // namespace casus
