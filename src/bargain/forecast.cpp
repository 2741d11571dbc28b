#include "casus/bargain/forecast.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <pcg_random.hpp>

namespace casus {

namespace {

double Distance(const std::vector<double>& left, const std::vector<double>& right) {
  double sum = 0.0;
  for (size_t dim_idx = 0; dim_idx < left.size(); ++dim_idx) sum += (left[dim_idx] - right[dim_idx]) * (left[dim_idx] - right[dim_idx]);
  return std::sqrt(sum);
}

// The lower weighted median of values with weights (ties broken by position order).
double WeightedMedian(std::vector<std::pair<double, double>> weighted) {
  std::sort(weighted.begin(), weighted.end());
  double total = 0.0;
  for (const auto& entry : weighted) total += entry.second;
  double running = 0.0;
  for (const auto& [value, weight] : weighted) {
    running += weight;
    if (running >= total / 2.0) return value;
  }
  return weighted.empty() ? 0.0 : weighted.back().first;
}

Band Quantiles(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  auto at = [&values](double q) {  // nearest rank
    const size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
    return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
  };
  return values.empty() ? Band{} : Band{at(0.05), at(0.5), at(0.95)};
}

}  // namespace

SmpForecast ForecastOf(const SmpScenario& scenario, const SmpResult& result) {
  SmpForecast forecast;
  const SmpPositions& final_state = result.states.back();
  const std::vector<double>& probability = result.probabilities.back();
  const size_t dimensions = scenario.dimensions.size();
  for (size_t dim_idx = 0; dim_idx < dimensions; ++dim_idx) {
    double weighted_sum = 0.0;
    double total_weight = 0.0;
    std::vector<std::pair<double, double>> weighted;
    for (size_t actor_idx = 0; actor_idx < scenario.actors.size(); ++actor_idx) {
      const double weight = scenario.actors[actor_idx].capability * scenario.actors[actor_idx].salience[dim_idx];
      weighted_sum += weight * final_state[actor_idx][dim_idx];
      total_weight += weight;
      weighted.emplace_back(final_state[actor_idx][dim_idx], weight);
    }
    forecast.weighted_mean.push_back(total_weight > 0.0 ? weighted_sum / total_weight : 0.0);
    forecast.weighted_median.push_back(WeightedMedian(std::move(weighted)));
  }
  // Clusters: actors within kClusterTolerance of a cluster's first member on every dimension join
  // it. Its probability sums the probabilities of the distinct positions in it (actors at one
  // position share one option's probability); its position is the mean of its members'.
  std::vector<std::vector<double>> anchors;
  for (size_t actor_idx = 0; actor_idx < scenario.actors.size(); ++actor_idx) {
    const auto& position = final_state[actor_idx];
    size_t found = 0;
    while (found < anchors.size()) {
      double largest = 0.0;
      for (size_t dim_idx = 0; dim_idx < position.size(); ++dim_idx) largest = std::max(largest, std::abs(anchors[found][dim_idx] - position[dim_idx]));
      if (largest <= kClusterTolerance) break;
      ++found;
    }
    if (found == anchors.size()) {
      anchors.push_back(position);
      forecast.clusters.push_back(SmpCluster{{}, {}, 0.0});
    }
    SmpCluster& cluster = forecast.clusters[found];
    const bool new_position = std::none_of(cluster.actors.begin(), cluster.actors.end(),
                                           [&](size_t member) { return Distance(final_state[member], position) < 1e-3; });
    if (new_position) cluster.probability += probability[actor_idx];
    cluster.actors.push_back(actor_idx);
  }
  for (auto& cluster : forecast.clusters) {
    cluster.position.assign(scenario.dimensions.size(), 0.0);
    for (const size_t member : cluster.actors) {
      for (size_t dim_idx = 0; dim_idx < cluster.position.size(); ++dim_idx) cluster.position[dim_idx] += final_state[member][dim_idx];
    }
    for (double& value : cluster.position) value /= static_cast<double>(cluster.actors.size());
  }
  std::stable_sort(forecast.clusters.begin(), forecast.clusters.end(),
                   [](const SmpCluster& left, const SmpCluster& right) { return left.probability > right.probability; });
  return forecast;
}

std::vector<PerturbedDraw> PerturbedDrawsOf(const SmpScenario& scenario, const PerturbationOptions& options) {
  const size_t draws = static_cast<size_t>(std::max(0, options.draws));
  std::vector<PerturbedDraw> runs(draws);
  auto run_draw = [&](size_t draw_idx) {
    pcg64 random(options.seed, draw_idx);  // stream = draw: independent of the thread that runs it
    std::normal_distribution<double> normal(0.0, 1.0);
    SmpScenario jittered = scenario;
    for (auto& actor : jittered.actors) {
      actor.capability *= std::exp(options.sd / 100.0 * normal(random));
      for (double& position : actor.position) {
        position = std::clamp(position + options.sd / 100.0 * normal(random), 0.0, 1.0);
      }
    }
    const SmpResult result = RunSmp(jittered);
    runs[draw_idx].forecast = ForecastOf(jittered, result);
    runs[draw_idx].turns = static_cast<int>(result.states.size() - 1);
    runs[draw_idx].scenario = std::move(jittered);
  };
  std::unique_ptr<oneapi::tbb::global_control> limit;
  if (options.threads > 0) {
    limit = std::make_unique<oneapi::tbb::global_control>(oneapi::tbb::global_control::max_allowed_parallelism,
                                                          static_cast<size_t>(options.threads));
  }
  oneapi::tbb::parallel_for(size_t{0}, draws, run_draw);
  return runs;
}

PerturbedForecast PerturbedForecastOf(const SmpScenario& scenario, const PerturbationOptions& options) {
  const std::vector<PerturbedDraw> runs = PerturbedDrawsOf(scenario, options);
  PerturbedForecast perturbed;
  perturbed.draws = options.draws;
  perturbed.seed = options.seed;
  perturbed.sd = options.sd;
  for (size_t dim_idx = 0; dim_idx < scenario.dimensions.size(); ++dim_idx) {
    std::vector<double> means;
    std::vector<double> medians;
    for (const auto& run : runs) {
      means.push_back(run.forecast.weighted_mean[dim_idx]);
      medians.push_back(run.forecast.weighted_median[dim_idx]);
    }
    perturbed.weighted_mean.push_back(Quantiles(std::move(means)));
    perturbed.weighted_median.push_back(Quantiles(std::move(medians)));
  }
  std::vector<double> turns;
  for (const auto& run : runs) turns.push_back(static_cast<double>(run.turns));
  perturbed.turns = Quantiles(std::move(turns));
  return perturbed;
}

}  // namespace casus
