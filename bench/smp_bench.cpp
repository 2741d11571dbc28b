// SMP speed, in one run: (1) the cost of one turn for N = 10, 20, 40, 80, 160 actors (the first N
// actors of dummyData-a160) and its growth exponent between successive N; (2) whole runs of
// dummyData-a040/a080/a160, single-threaded and on every thread, beside KTAB's times as quoted in
// the issue (KTAB as shipped, -O2, on this kind of machine; not measured here: KTAB is not built
// in this project). Medians of repeated runs; the machine is shared, so read ratios, not digits.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>

#include "bench_support.hpp"
#include <optional>
#include <thread>

#include <oneapi/tbb/global_control.h>

#include "casus/bargain/ktab_csv.hpp"

namespace {

const std::filesystem::path kKtab = std::filesystem::path(CASUS_BENCH_HOME) / "data" / "ktab";

casus::SmpScenario Read(const std::string& file) {
  casus::Diagnostics diagnostics;
  return *casus::ReadKtabCsv(kKtab / file, diagnostics);
}


}  // namespace

int main() {
  const casus::SmpScenario a160 = Read("dummyData-a160.csv");
  std::printf("SMP per-turn cost (first N actors of dummyData-a160; one turn = risk, targets, bargains, resolution; 1 thread)\n");
  std::printf("%6s %14s %18s\n", "N", "turn (ms)", "growth exponent");
  double previous_time = 0.0;
  size_t previous_n = 0;
  {
    oneapi::tbb::global_control one_thread(oneapi::tbb::global_control::max_allowed_parallelism, 1);
    for (size_t n : {10, 20, 40, 80, 160}) {
      casus::SmpScenario subset = a160;
      subset.actors.resize(n);
      casus::SmpOptions one_turn;
      one_turn.max_turns = 1;
      const double seconds = casus::bench::MedianSeconds(n <= 40 ? 21 : 5, [&] { casus::RunSmp(subset, one_turn); });
      if (previous_n == 0) {
        std::printf("%6zu %14.3f %18s\n", n, 1e3 * seconds, "-");
      } else {
        std::printf("%6zu %14.3f %18.2f\n", n, 1e3 * seconds,
                    std::log(seconds / previous_time) / std::log(static_cast<double>(n) / static_cast<double>(previous_n)));
      }
      previous_time = seconds;
      previous_n = n;
    }
  }
  std::printf("\nWhole runs (medians of 3) beside KTAB as quoted in the issue (not measured here)\n");
  std::printf("%-16s %7s %10s %12s %12s %12s %14s\n", "input", "states", "KTAB (s)", "1 thread (s)", "all (s)", "threads x", "vs KTAB (1 t)");
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  for (const auto& [file, ktab_seconds] : std::vector<std::pair<std::string, std::optional<double>>>{
           {"dummyData-a040.csv", 12.4}, {"dummyData-a080.csv", 144.7}, {"dummyData-a160.csv", std::nullopt}}) {
    const casus::SmpScenario scenario = Read(file);
    size_t states = 0;
    double single = 0.0;
    {
      oneapi::tbb::global_control one_thread(oneapi::tbb::global_control::max_allowed_parallelism, 1);
      single = casus::bench::MedianSeconds(3, [&] { states = casus::RunSmp(scenario).states.size(); });
    }
    const double all = casus::bench::MedianSeconds(3, [&] { casus::RunSmp(scenario); });
    std::printf("%-16s %7zu %10s %12.3f %12.3f %12.2f %14s\n", file.c_str(), states,
                ktab_seconds ? std::to_string(*ktab_seconds).substr(0, 5).c_str() : "n/a", single, all, single / all,
                ktab_seconds ? (std::to_string(static_cast<int>(*ktab_seconds / single)) + "x").c_str() : "-");
  }
  std::printf("(%u hardware threads)\n", threads);
  return 0;
}
