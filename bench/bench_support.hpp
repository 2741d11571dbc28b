// Shared by the table-printing benchmarks: the median wall time of repeated runs.
#pragma once

#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace casus::bench {

//! The wall-clock seconds of one run of `work`.
inline double Seconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

//! The median wall-clock seconds of `repetitions` runs of `work`.
inline double MedianSeconds(int repetitions, const std::function<void()>& work) {
  std::vector<double> seconds;
  for (int repetition = 0; repetition < repetitions; ++repetition) seconds.push_back(Seconds(work));
  return Median(seconds);
}

//! Two pieces of work timed alternately, `repetitions` times: their median seconds and the median
//! of the per-repetition ratios first/second. On a shared machine, load that comes and goes hits
//! both members of a pair alike, so the ratio is steadier than a ratio of two separate medians.
struct PairedTiming {
  double first = 0.0;
  double second = 0.0;
  double ratio = 0.0;
};
inline PairedTiming TimePaired(int repetitions, const std::function<void()>& first, const std::function<void()>& second) {
  std::vector<double> firsts;
  std::vector<double> seconds;
  std::vector<double> ratios;
  for (int repetition = 0; repetition < repetitions; ++repetition) {
    firsts.push_back(Seconds(first));
    seconds.push_back(Seconds(second));
    ratios.push_back(firsts.back() / seconds.back());
  }
  return PairedTiming{Median(firsts), Median(seconds), Median(ratios)};
}

}  // namespace casus::bench
