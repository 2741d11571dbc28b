// The backtest's steps (docs/performance.md): building the 1.8 M-row frame, the Johnson & Leeds
// logit with its clustered errors on it, and the structural game fit. Targets: frame + logit
// < 10 s on one core and < 2 GB; the structural fit < 2 min. Peak RSS is reported as a counter.
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include "casus/history/backtest.hpp"
#include "casus/history/frame.hpp"
#include "casus/history/game_bridge.hpp"

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

// E[L] over the whole frame at one ρ: per defender (the definition, as the fit computed it before)
// and grouped by commitment value (GroupedLoss, what the fit and the scores use now). Compare the
// two medians: the ratio is the saving per likelihood evaluation.
void BM_BacktestExpectedLossPerDefender(benchmark::State& state) {
  const casus::DyadYearFrame& frame = SharedFrame();
  std::vector<double> loss, slope;
  double rho = 0.5;
  for (auto _ : state) {
    casus::ExpectedLossColumnPerDefender(frame, rho, loss, &slope);
    benchmark::DoNotOptimize(loss.data());
    rho += 0.01;
  }
}
BENCHMARK(BM_BacktestExpectedLossPerDefender)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(5);

void BM_BacktestExpectedLossGrouped(benchmark::State& state) {
  const casus::DyadYearFrame& frame = SharedFrame();
  std::vector<size_t> rows(frame.Rows());
  for (size_t row = 0; row < rows.size(); ++row) rows[row] = row;
  const casus::GroupedLoss grouped(frame, rows);
  std::vector<double> loss, slope;
  double rho = 0.5;
  for (auto _ : state) {
    grouped.Evaluate(rho, loss, &slope);
    benchmark::DoNotOptimize(loss.data());
    rho += 0.01;
  }
  state.counters["groups"] = static_cast<double>(grouped.Groups());
}
BENCHMARK(BM_BacktestExpectedLossGrouped)->Unit(benchmark::kMillisecond)->Iterations(3)->Repetitions(5);

// One era split as `casus history backtest --train 1816-1944 --test 1945-2014 --draws 50` runs it:
// the three models fitted on 1816-1944, scored on 1945-2014 with 50-draw intervals.
void BM_BacktestEraSplit(benchmark::State& state) {
  const casus::DyadYearFrame& frame = SharedFrame();
  casus::BacktestOptions options;
  options.splits = {{{1816, 1944}, {1945, 2014}}};
  options.full_fit = false;
  options.draws = 50;
  for (auto _ : state) {
    const casus::BacktestResult result = casus::RunBacktest(frame, options);
    benchmark::DoNotOptimize(result.splits.size());
  }
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_BacktestEraSplit)->Unit(benchmark::kSecond)->Iterations(1)->Repetitions(1);

}  // namespace
