#include "casus/sim/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <oneapi/tbb/parallel_for.h>
#include <pcg_random.hpp>

namespace casus::sensitivity {

namespace {

// Bootstrap resamples draw from streams of their own, apart from the rows' (seed, j).
constexpr uint64_t kBootstrapSalt = 0x9e3779b97f4a7c15ULL;

// A uniform in (0, 1) from 53 random bits, never 0 or 1 (priors with unbounded support).
double Uniform(pcg64& random) { return (static_cast<double>(random() >> 11) + 0.5) * 0x1p-53; }

// The estimates of one output over a multiset of rows.
struct Estimate {
  double mean = 0.0;
  double variance = 0.0;
  std::vector<double> first;
  std::vector<double> total;
};

Estimate EstimateRows(const SaltelliValues& sample, const std::vector<int64_t>& rows, int output) {
  const int k = sample.parameters;
  Estimate estimate;
  estimate.first.assign(static_cast<size_t>(k), 0.0);
  estimate.total.assign(static_cast<size_t>(k), 0.0);
  const double n = static_cast<double>(rows.size());
  double sum = 0.0;
  for (const int64_t row : rows) sum += sample.At(row, 0, output) + sample.At(row, 1, output);
  estimate.mean = sum / (2.0 * n);
  double squares = 0.0;
  for (const int64_t row : rows) {
    const double a = sample.At(row, 0, output) - estimate.mean;
    const double b = sample.At(row, 1, output) - estimate.mean;
    squares += a * a + b * b;
  }
  estimate.variance = squares / (2.0 * n);
  if (!(estimate.variance > 0.0)) return estimate;  // a constant output: every index 0
  for (int parameter = 0; parameter < k; ++parameter) {
    double first = 0.0;
    double total = 0.0;
    for (const int64_t row : rows) {
      const double fa = sample.At(row, 0, output);
      const double fb = sample.At(row, 1, output) - estimate.mean;  // centred: same expectation, less variance
      const double fab = sample.At(row, 2 + parameter, output);
      first += fb * (fab - fa);
      total += (fa - fab) * (fa - fab);
    }
    estimate.first[static_cast<size_t>(parameter)] = first / n / estimate.variance;
    estimate.total[static_cast<size_t>(parameter)] = total / (2.0 * n) / estimate.variance;
  }
  return estimate;
}

// The q-quantile of sorted values (linear between order statistics).
double Quantile(const std::vector<double>& sorted, double q) {
  const double position = q * static_cast<double>(sorted.size() - 1);
  const size_t below = static_cast<size_t>(std::floor(position));
  const size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (position - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

Interval Percentile95(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return Interval{Quantile(values, 0.025), Quantile(values, 0.975)};
}

}  // namespace

void SaltelliRow(uint64_t seed, int64_t row, int parameters, double* a, double* b) {
  pcg64 random(seed, static_cast<uint64_t>(row));
  for (int i = 0; i < parameters; ++i) a[i] = Uniform(random);
  for (int i = 0; i < parameters; ++i) b[i] = Uniform(random);
}

void SaltelliPoint(const double* a, const double* b, int parameters, int evaluation, double* point) {
  const double* base = evaluation == 1 ? b : a;
  std::copy(base, base + parameters, point);
  if (evaluation >= 2) point[evaluation - 2] = b[evaluation - 2];
}

SobolResult EstimateSobol(const SaltelliValues& sample, const SobolOptions& options) {
  if (sample.rows < 2) throw std::invalid_argument("a Sobol estimate needs at least 2 rows");
  const int k = sample.parameters;
  const int resamples = std::max(options.resamples, 10);
  std::vector<int64_t> all(static_cast<size_t>(sample.rows));
  std::iota(all.begin(), all.end(), int64_t{0});
  const std::vector<int64_t> half(all.begin(), all.begin() + sample.rows / 2);
  // boot[(r * outputs + output) * 2k + (0: first, 1: total) * k + parameter]
  const size_t per_output = 2 * static_cast<size_t>(k);
  std::vector<double> boot(static_cast<size_t>(resamples) * static_cast<size_t>(sample.outputs) * per_output, 0.0);
  oneapi::tbb::parallel_for(0, resamples, [&](int resample) {
    pcg64 random(options.seed ^ kBootstrapSalt, static_cast<uint64_t>(resample));
    std::vector<int64_t> rows(static_cast<size_t>(sample.rows));
    for (auto& row : rows) row = static_cast<int64_t>(random(static_cast<uint64_t>(sample.rows)));
    for (int output = 0; output < sample.outputs; ++output) {
      const Estimate estimate = EstimateRows(sample, rows, output);
      double* target = &boot[(static_cast<size_t>(resample) * static_cast<size_t>(sample.outputs) + static_cast<size_t>(output)) * per_output];
      std::copy(estimate.first.begin(), estimate.first.end(), target);
      std::copy(estimate.total.begin(), estimate.total.end(), target + k);
    }
  });
  SobolResult result;
  result.converged = true;
  for (int output = 0; output < sample.outputs; ++output) {
    const Estimate estimate = EstimateRows(sample, all, output);
    const Estimate first_half = EstimateRows(sample, half, output);
    SobolOutput entry;
    entry.mean = estimate.mean;
    entry.variance = estimate.variance;
    for (int parameter = 0; parameter < k; ++parameter) {
      SobolIndex index;
      index.first = estimate.first[static_cast<size_t>(parameter)];
      index.total = estimate.total[static_cast<size_t>(parameter)];
      std::vector<double> firsts;
      std::vector<double> totals;
      for (int resample = 0; resample < resamples; ++resample) {
        const double* source = &boot[(static_cast<size_t>(resample) * static_cast<size_t>(sample.outputs) + static_cast<size_t>(output)) * per_output];
        firsts.push_back(source[parameter]);
        totals.push_back(source[k + parameter]);
      }
      index.first_ci95 = Percentile95(std::move(firsts));
      index.total_ci95 = Percentile95(std::move(totals));
      entry.total_change_half =
          std::max(entry.total_change_half, std::abs(index.total - first_half.total[static_cast<size_t>(parameter)]));
      entry.widest_total_ci = std::max(entry.widest_total_ci, index.total_ci95.high - index.total_ci95.low);
      entry.indices.push_back(index);
    }
    if (entry.total_change_half > options.convergence_tolerance || entry.widest_total_ci > 4.0 * options.convergence_tolerance) {
      result.converged = false;
    }
    result.outputs.push_back(std::move(entry));
  }
  return result;
}

void MorrisTrajectory(uint64_t seed, int64_t trajectory, int parameters, double* points, int* order, int* sign) {
  pcg64 random(seed, static_cast<uint64_t>(trajectory));
  constexpr double kDelta = kMorrisLevels / (2.0 * (kMorrisLevels - 1));  // 2/3
  constexpr double kStep = 1.0 / (kMorrisLevels - 1);
  std::vector<double> level(static_cast<size_t>(parameters));
  for (int i = 0; i < parameters; ++i) {
    sign[i] = (random() & 1U) != 0U ? 1 : -1;
    const double low = static_cast<double>(random(2)) * kStep;  // 0 or 1/3: room for a step of Δ
    level[static_cast<size_t>(i)] = sign[i] > 0 ? low : 1.0 - low;
  }
  std::iota(order, order + parameters, 0);
  for (int i = parameters - 1; i > 0; --i) std::swap(order[i], order[random(static_cast<uint64_t>(i + 1))]);
  std::vector<int> sign_by_parameter(sign, sign + parameters);
  auto store = [&](int point) {
    for (int i = 0; i < parameters; ++i) points[point * parameters + i] = 0.125 + 0.75 * level[static_cast<size_t>(i)];
  };
  store(0);
  for (int step = 0; step < parameters; ++step) {
    const int moved = order[step];
    level[static_cast<size_t>(moved)] += sign_by_parameter[static_cast<size_t>(moved)] * kDelta;
    store(step + 1);
  }
  for (int step = 0; step < parameters; ++step) sign[step] = sign_by_parameter[static_cast<size_t>(order[step])];
}

std::vector<std::vector<MorrisIndex>> EstimateMorris(const std::vector<double>& values, int64_t trajectories, int parameters, int outputs,
                                                     uint64_t seed) {
  constexpr double kDelta = kMorrisLevels / (2.0 * (kMorrisLevels - 1));
  // effects[(output * k + parameter) * r + t]
  std::vector<double> effects(static_cast<size_t>(outputs) * static_cast<size_t>(parameters) * static_cast<size_t>(trajectories));
  std::vector<double> points(static_cast<size_t>((parameters + 1) * parameters));
  std::vector<int> order(static_cast<size_t>(parameters));
  std::vector<int> sign(static_cast<size_t>(parameters));
  for (int64_t t = 0; t < trajectories; ++t) {
    MorrisTrajectory(seed, t, parameters, points.data(), order.data(), sign.data());
    for (int step = 0; step < parameters; ++step) {
      for (int output = 0; output < outputs; ++output) {
        const auto at = [&](int point) { return values[static_cast<size_t>((t * (parameters + 1) + point) * outputs + output)]; };
        const double effect = (at(step + 1) - at(step)) / (sign[static_cast<size_t>(step)] * kDelta);
        effects[(static_cast<size_t>(output) * static_cast<size_t>(parameters) + static_cast<size_t>(order[static_cast<size_t>(step)])) *
                    static_cast<size_t>(trajectories) + static_cast<size_t>(t)] = effect;
      }
    }
  }
  std::vector<std::vector<MorrisIndex>> result(static_cast<size_t>(outputs), std::vector<MorrisIndex>(static_cast<size_t>(parameters)));
  const double r = static_cast<double>(trajectories);
  for (int output = 0; output < outputs; ++output) {
    for (int parameter = 0; parameter < parameters; ++parameter) {
      const double* first = &effects[(static_cast<size_t>(output) * static_cast<size_t>(parameters) + static_cast<size_t>(parameter)) *
                                     static_cast<size_t>(trajectories)];
      MorrisIndex& index = result[static_cast<size_t>(output)][static_cast<size_t>(parameter)];
      for (int64_t t = 0; t < trajectories; ++t) {
        index.mu += first[t] / r;
        index.mu_star += std::abs(first[t]) / r;
      }
      double squares = 0.0;
      for (int64_t t = 0; t < trajectories; ++t) squares += (first[t] - index.mu) * (first[t] - index.mu);
      index.sigma = trajectories > 1 ? std::sqrt(squares / (r - 1.0)) : 0.0;
    }
  }
  return result;
}

std::vector<Dominance> DominanceMatrix(const std::vector<double>& worlds, int outputs) {
  std::vector<Dominance> matrix;
  const size_t count = worlds.size() / static_cast<size_t>(outputs);
  for (int a = 0; a < outputs; ++a) {
    for (int b = 0; b < outputs; ++b) {
      if (a == b) continue;
      double wins = 0.0;
      for (size_t w = 0; w < count; ++w) {
        const double va = worlds[w * static_cast<size_t>(outputs) + static_cast<size_t>(a)];
        const double vb = worlds[w * static_cast<size_t>(outputs) + static_cast<size_t>(b)];
        wins += va < vb ? 1.0 : va == vb ? 0.5 : 0.0;
      }
      const double share = count > 0 ? wins / static_cast<double>(count) : 0.0;
      const double se = count > 0 ? std::sqrt(share * (1.0 - share) / static_cast<double>(count)) : 0.0;
      matrix.push_back(Dominance{a, b, share, se});
    }
  }
  return matrix;
}

}  // namespace casus::sensitivity
