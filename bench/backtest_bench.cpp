// The backtest's steps (docs/performance.md): building the 1.8 M-row frame, the Johnson & Leeds
// logit with its clustered errors on it, and the structural game fit. Targets: frame + logit
// < 10 s on one core and < 2 GB; the structural fit < 2 min. Peak RSS is reported as a counter.
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include "casus/history/backtest.hpp"
#include "casus/history/frame.hpp"

namespace {

const std::filesystem::path kData = std::filesystem::path(CASUS_BENCH_HOME) / "data";

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

const casus::DyadYearFrame& SharedFrame() {
  static const casus::DyadYearFrame frame = casus::BuildFrame(kData);
  return frame;
}

void BM_BacktestBuildFrame(benchmark::State& state) {
  for (auto _ : state) {
    const casus::DyadYearFrame frame = casus::BuildFrame(kData);
    benchmark::DoNotOptimize(frame.Rows());
    state.counters["rows"] = static_cast<double>(frame.Rows());
  }
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_BacktestBuildFrame)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(3);

void BM_BacktestLogitJohnsonLeeds(benchmark::State& state) {
  const casus::DyadYearFrame& frame = SharedFrame();
  for (auto _ : state) {
    const casus::RegressionTable table = casus::FitTable(frame, casus::JohnsonLeedsSpec(), {1816, 2014});
    benchmark::DoNotOptimize(table.log_likelihood);
    state.counters["n"] = static_cast<double>(table.n);
  }
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_BacktestLogitJohnsonLeeds)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(3);

void BM_BacktestStructuralFit(benchmark::State& state) {
  const casus::DyadYearFrame& frame = SharedFrame();
  const auto rows = casus::SelectRows(frame, {1816, 2014}, casus::JohnsonLeedsSpec().terms);
  for (auto _ : state) {
    const casus::StructuralFit fit = casus::FitStructural(frame, rows);
    benchmark::DoNotOptimize(fit.log_likelihood);
    state.counters["iterations"] = fit.iterations;
  }
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_BacktestStructuralFit)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(1);

}  // namespace
