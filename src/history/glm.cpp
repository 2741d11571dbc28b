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
    const double mu = 1.0 / (1.0 + std::exp(-eta));
    // log(1 + e^η) computed stably.
    const double softplus = eta > 0 ? eta + std::log1p(std::exp(-eta)) : std::log1p(std::exp(eta));
    return {y * eta - softplus, y - mu, std::max(mu * (1.0 - mu), 1e-300)};
  }
  const double upper = NormalCdf(eta);   // Φ(η)
  const double lower = NormalCdf(-eta);  // Φ(−η)
  const double density = NormalPdf(eta);
  const double log_p = y > 0.5 ? std::log(std::max(upper, 1e-300)) : std::log(std::max(lower, 1e-300));
  const double score = y > 0.5 ? density / std::max(upper, 1e-300) : -density / std::max(lower, 1e-300);
  return {log_p, score, std::max(density * density / std::max(upper * lower, 1e-300), 1e-300)};
}

double LogLikelihood(const Eigen::VectorXd& eta, const Eigen::VectorXd& y, Link link) {
  double sum = 0.0;
  for (Eigen::Index i = 0; i < eta.size(); ++i) sum += Evaluate(link, eta(i), y(i)).log_p;
  return sum;
}

}  // namespace

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
  Eigen::VectorXd eta = x * fit.beta;
  double log_likelihood = LogLikelihood(eta, y, link);
  Eigen::VectorXd weights(n), working(n);
  for (int iteration = 1; iteration <= max_iterations; ++iteration) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const Pointwise point = Evaluate(link, eta(i), y(i));
      weights(i) = point.weight;
      working(i) = point.score;
    }
    fit.information.noalias() = x.transpose() * (x.array().colwise() * weights.array()).matrix();
    const Eigen::VectorXd gradient = x.transpose() * working;
    Eigen::VectorXd step = fit.information.ldlt().solve(gradient);
    // Step halving: Fisher scoring is not guaranteed to climb for the probit.
    double next = log_likelihood;
    Eigen::VectorXd candidate;
    for (int halving = 0; halving < 30; ++halving) {
      candidate = fit.beta + step;
      eta.noalias() = x * candidate;
      next = LogLikelihood(eta, y, link);
      if (next >= log_likelihood - 1e-9 * std::abs(log_likelihood)) break;
      step *= 0.5;
    }
    fit.beta = candidate;
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
  for (Eigen::Index i = 0; i < n; ++i) weights(i) = Evaluate(link, eta(i), y(i)).weight;
  fit.information.noalias() = x.transpose() * (x.array().colwise() * weights.array()).matrix();
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
