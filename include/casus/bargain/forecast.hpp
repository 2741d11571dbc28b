// What KTAB does not give: a forecast. From an SMP run → per dimension the capability×salience-
// weighted mean and median of the final positions, and the clusters of final positions (actors
// within kClusterTolerance of each other on every dimension) with the probability that each wins. With
// perturbation: the same forecast over many runs on jittered inputs, as bands, computed in
// parallel and bit-identical whatever the number of threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "casus/bargain/smp.hpp"

namespace casus {

//! Final positions this close on every dimension (on 0..1: one point on 0–100) are one cluster:
//! closer than that is within the rounding of the inputs (positions are given in whole points).
inline constexpr double kClusterTolerance = 0.01;

struct SmpCluster {
  std::vector<double> position;  //!< on 0..1: the mean of its members' final positions
  std::vector<size_t> actors;    //!< indices of the actors in it
  double probability = 0.0;      //!< that one of its positions wins, in the final state (KTAB's "prob", summed over its distinct positions)
};

struct SmpForecast {
  std::vector<double> weighted_mean;    //!< per dimension, on 0..1; weights c_i · s_id
  std::vector<double> weighted_median;  //!< per dimension, on 0..1 (lower weighted median)
  std::vector<SmpCluster> clusters;     //!< by decreasing probability
};

//! The forecast of a finished run's final state.
SmpForecast ForecastOf(const SmpScenario& scenario, const SmpResult& result);

struct PerturbationOptions {
  double sd = 5.0;        //!< positions move by N(0, sd) on 0–100 (clipped); capabilities scale by exp(N(0, sd/100))
  int draws = 100;
  uint64_t seed = 20250817;
  int threads = 0;        //!< 0: as many as the machine has
};

struct Band {
  double low = 0.0;     //!< 5th percentile
  double median = 0.0;  //!< 50th percentile
  double high = 0.0;    //!< 95th percentile
};

struct PerturbedForecast {
  std::vector<Band> weighted_mean;    //!< per dimension, on 0..1
  std::vector<Band> weighted_median;  //!< per dimension, on 0..1
  Band turns;
  int draws = 0;
  uint64_t seed = 0;
  double sd = 0.0;
};

//! One perturbed run: the jittered inputs (the actors' ideals as this draw assumes them) and the
//! forecast they lead to.
struct PerturbedDraw {
  SmpScenario scenario;  //!< the jittered inputs
  SmpForecast forecast;
  int turns = 0;
};

//! The perturbed runs themselves, in draw order. Draw d uses the pcg64 stream (seed, d): the same
//! bits for any number of threads. `casus assess` evaluates designs against each draw's forecast.
std::vector<PerturbedDraw> PerturbedDrawsOf(const SmpScenario& scenario, const PerturbationOptions& options);

//! Reruns the model `draws` times on jittered inputs. Draw d uses the pcg64 stream (seed, d), so
//! the result does not depend on the number of threads.
PerturbedForecast PerturbedForecastOf(const SmpScenario& scenario, const PerturbationOptions& options);

}  // namespace casus
