// IRLS for logit and probit, and the clustered sandwiches (glm.hpp).
#include "casus/history/glm.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace casus {

namespace {

constexpr double kSqrt2 = 1.41421356237309504880;
constexpr double kInvSqrt2Pi = 0.39894228040143267794;

double NormalCdf(double x) { return 0.5 * std::erfc(-x / kSqrt2); }
double NormalPdf(double x) { return kInvSqrt2Pi * std::exp(-0.5 * x * x); }

// log P(y | η), the score factor d log P / dη and the Fisher weight E[-d² log P / dη²].
struct Pointwise {
  double log_p, score, weight;
};

Pointwise Evaluate(Link link, double eta, double y) {
  if (link == Link::Logit) {
    // One exp: e^−|η| gives μ and log(1 + e^η) stably on both sides.
    const double e = std::exp(-std::abs(eta));
    const double mu = eta >= 0.0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    const double softplus = std::max(eta, 0.0) + std::log1p(e);
    return {y * eta - softplus, y - mu, std::max(mu * (1.0 - mu), 1e-300)};
  }
  // One erfc: the smaller tail Φ(−|η|) is accurate to the last bit, and the larger 1 − tail loses
  // nothing (tail ≤ 1/2). Φ(η) and Φ(−η) each from its own erfc cost two.
  const double tail = 0.5 * std::erfc(std::abs(eta) / kSqrt2);
  const double upper = eta >= 0.0 ? 1.0 - tail : tail;  // Φ(η)
  const double lower = eta >= 0.0 ? tail : 1.0 - tail;  // Φ(−η)
  const double density = NormalPdf(eta);
  const double log_p = y > 0.5 ? std::log(std::max(upper, 1e-300)) : std::log(std::max(lower, 1e-300));
  const double score = y > 0.5 ? density / std::max(upper, 1e-300) : -density / std::max(lower, 1e-300);
  return {log_p, score, std::max(density * density / std::max(upper * lower, 1e-300), 1e-300)};
}

}  // namespace

void WeightedCrossProduct(const Eigen::MatrixXd& x, const Eigen::VectorXd& weights, Eigen::MatrixXd& out) {
  // In blocks of rows: X'diag(w)X at once would build an n × k temporary (150 MB on the frame)
  // at every Fisher step, and its page faults cost as much as the product.
  constexpr Eigen::Index kBlock = 4096;
  out.setZero(x.cols(), x.cols());
  Eigen::MatrixXd weighted(kBlock, x.cols());
  for (Eigen::Index start = 0; start < x.rows(); start += kBlock) {
    const Eigen::Index rows = std::min(kBlock, x.rows() - start);
    weighted.topRows(rows) = x.middleRows(start, rows).array().colwise() * weights.segment(start, rows).array();
    out.noalias() += x.middleRows(start, rows).transpose() * weighted.topRows(rows);
  }
}

GlmPoint EvaluateGlm(Link link, double eta, double y) {
  const Pointwise point = Evaluate(link, eta, y);
  return {point.log_p, point.score, point.weight};
}

double LinkProbability(Link link, double eta) { return link == Link::Logit ? 1.0 / (1.0 + std::exp(-eta)) : NormalCdf(eta); }

GlmFit FitGlm(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, Link link, const Eigen::VectorXd* start, int max_iterations) {
  const Eigen::Index n = x.rows();
  const Eigen::Index k = x.cols();
  GlmFit fit;
  fit.link = link;
  fit.n = static_cast<long>(n);
  fit.events = static_cast<long>(y.sum());
  fit.beta = start != nullptr && start->size() == k ? *start : Eigen::VectorXd::Zero(k);
  // One pass at β gives the log-likelihood and the next Fisher step's weights and scores, so the
  // accepted step's pass is not repeated.
  Eigen::VectorXd weights(n), working(n);
  auto evaluate = [&](const Eigen::VectorXd& eta) {
    double sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const Pointwise point = Evaluate(link, eta(i), y(i));
      sum += point.log_p;
      weights(i) = point.weight;
      working(i) = point.score;
    }
    return sum;
  };
  Eigen::VectorXd eta = x * fit.beta;
  double log_likelihood = evaluate(eta);
  for (int iteration = 1; iteration <= max_iterations; ++iteration) {
    WeightedCrossProduct(x, weights, fit.information);
    const Eigen::VectorXd gradient = x.transpose() * working;
    Eigen::VectorXd step = fit.information.ldlt().solve(gradient);
    // Step halving: Fisher scoring is not guaranteed to climb for the probit.
    double next = log_likelihood;
    Eigen::VectorXd candidate;
    for (int halving = 0; halving < 30; ++halving) {
      candidate = fit.beta + step;
      eta.noalias() = x * candidate;
      next = evaluate(eta);
      if (next >= log_likelihood - 1e-9 * std::abs(log_likelihood)) break;
      step *= 0.5;
    }
    fit.beta = candidate;  // the last pass was at the candidate: the weights are β's
    fit.iterations = iteration;
    const bool small_step = step.cwiseAbs().maxCoeff() < 1e-8;
    const bool flat = std::abs(next - log_likelihood) < 1e-11 * std::max(1.0, std::abs(log_likelihood));
    log_likelihood = next;
    if (small_step || (flat && iteration > 1)) {
      fit.converged = true;
      break;
    }
  }
  // The information at the final beta.
  WeightedCrossProduct(x, weights, fit.information);
  fit.covariance = fit.information.ldlt().solve(Eigen::MatrixXd::Identity(k, k));
  fit.log_likelihood = log_likelihood;
  return fit;
}

Eigen::MatrixXd ObservationScores(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const GlmFit& fit) {
  const Eigen::VectorXd eta = x * fit.beta;
  Eigen::VectorXd factor(x.rows());
  for (Eigen::Index i = 0; i < x.rows(); ++i) factor(i) = Evaluate(fit.link, eta(i), y(i)).score;
  return x.array().colwise() * factor.array();
}

Eigen::MatrixXd ClusterMeat(const Eigen::MatrixXd& scores, const std::vector<int64_t>& cluster) {
  std::unordered_map<int64_t, Eigen::Index> index;
  for (const int64_t id : cluster) index.emplace(id, static_cast<Eigen::Index>(index.size()));
  Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(index.size()), scores.cols());
  for (Eigen::Index i = 0; i < scores.rows(); ++i) sums.row(index.at(cluster[static_cast<size_t>(i)])) += scores.row(i);
  return sums.transpose() * sums;
}

Eigen::MatrixXd ClusteredCovariance(const GlmFit& fit, const Eigen::MatrixXd& scores, const std::vector<int64_t>& cluster) {
  std::unordered_map<int64_t, int> distinct;
  for (const int64_t id : cluster) distinct.emplace(id, 0);
  const double groups = static_cast<double>(distinct.size());
  const double correction = groups > 1 ? groups / (groups - 1.0) : 1.0;
  return correction * fit.covariance * ClusterMeat(scores, cluster) * fit.covariance;
}

Eigen::MatrixXd DyadicMeat(const Eigen::MatrixXd& scores, const std::vector<int32_t>& state_a, const std::vector<int32_t>& state_b,
                           size_t* states) {
  const size_t n = state_a.size();
  // Score sums per state (each observation adds to both of its states) and per undirected dyad.
  std::unordered_map<int64_t, Eigen::Index> state_index;
  for (size_t i = 0; i < n; ++i) {
    state_index.emplace(state_a[i], static_cast<Eigen::Index>(state_index.size()));
    state_index.emplace(state_b[i], static_cast<Eigen::Index>(state_index.size()));
  }
  Eigen::MatrixXd state_sums = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(state_index.size()), scores.cols());
  std::vector<int64_t> by_dyad(n);
  for (size_t i = 0; i < n; ++i) {
    const auto row = scores.row(static_cast<Eigen::Index>(i));
    state_sums.row(state_index.at(state_a[i])) += row;
    state_sums.row(state_index.at(state_b[i])) += row;
    const int64_t low = std::min(state_a[i], state_b[i]);
    const int64_t high = std::max(state_a[i], state_b[i]);
    by_dyad[i] = low * 100000 + high;
  }
  if (states != nullptr) *states = state_index.size();
  return state_sums.transpose() * state_sums - ClusterMeat(scores, by_dyad);
}

Eigen::MatrixXd DyadicCovariance(const GlmFit& fit, const Eigen::MatrixXd& scores, const std::vector<int32_t>& state_a,
                                 const std::vector<int32_t>& state_b, bool* clipped) {
  size_t states = 0;
  Eigen::MatrixXd meat = DyadicMeat(scores, state_a, state_b, &states);
  const double groups = static_cast<double>(states);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(meat);
  const bool negative = eigen.eigenvalues().minCoeff() < 0.0;
  if (negative) meat = eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0.0).asDiagonal() * eigen.eigenvectors().transpose();
  if (clipped != nullptr) *clipped = negative;
  const double correction = groups > 1 ? groups / (groups - 1.0) : 1.0;
  return correction * fit.covariance * meat * fit.covariance;
}

Eigen::MatrixXd DyadicMeatBruteForce(const Eigen::MatrixXd& scores, const std::vector<int32_t>& state_a, const std::vector<int32_t>& state_b) {
  const size_t n = state_a.size();
  Eigen::MatrixXd meat = Eigen::MatrixXd::Zero(scores.cols(), scores.cols());
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < n; ++j) {
      const bool share = state_a[i] == state_a[j] || state_a[i] == state_b[j] || state_b[i] == state_a[j] || state_b[i] == state_b[j];
      if (share) meat += scores.row(static_cast<Eigen::Index>(i)).transpose() * scores.row(static_cast<Eigen::Index>(j));
    }
  }
  return meat;
}

}  // namespace casus
