// Loading and linting the shipped library: time per instrument (target < 1 ms, so that the ~800
// ATOP alliances of the history issue lint in under a second). Prints the load-only baseline and
// the load+lint time in one run, so their ratio is measured on the same machine at the same time.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "casus/core/party_table.hpp"
#include "casus/lint/lint_instrument.hpp"
#include "casus/spec/load_instrument.hpp"
#include "casus/spec/resolve_instrument.hpp"

namespace {

struct Library {
  casus::PartyTable parties = casus::PartyTable::Load(std::filesystem::path(CASUS_BENCH_HOME) / "data");
  std::vector<std::pair<std::string, std::string>> files;  // name, text (read once: we time parsing, not disk)
  Library() {
    for (const auto& path : casus::ListLibrary(CASUS_BENCH_HOME)) {
      std::ifstream input(std::filesystem::path(CASUS_BENCH_HOME) / path);
      std::stringstream text;
      text << input.rdbuf();
      files.emplace_back(path.string(), text.str());
    }
  }
};

const Library& GetLibrary() {
  static const Library library;
  return library;
}

void BM_LoadLibrary(benchmark::State& state) {
  const Library& library = GetLibrary();
  for (auto _ : state) {
    for (const auto& [name, text] : library.files) {
      casus::Diagnostics diagnostics;
      auto instrument = casus::LoadInstrumentText(text, name, library.parties, diagnostics);
      benchmark::DoNotOptimize(instrument);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(library.files.size()));
  state.counters["instruments"] = static_cast<double>(library.files.size());
  state.counters["us_per_instrument"] = benchmark::Counter(
      static_cast<double>(state.iterations() * library.files.size()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert,
      benchmark::Counter::OneK::kIs1000);
}
BENCHMARK(BM_LoadLibrary)->Unit(benchmark::kMicrosecond);

void BM_LoadAndLintLibrary(benchmark::State& state) {
  const Library& library = GetLibrary();
  for (auto _ : state) {
    for (const auto& [name, text] : library.files) {
      casus::Diagnostics diagnostics;
      auto instrument = casus::LoadInstrumentText(text, name, library.parties, diagnostics);
      auto findings = casus::LintInstrument(*instrument, library.parties);
      benchmark::DoNotOptimize(findings);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(library.files.size()));
  state.counters["us_per_instrument"] = benchmark::Counter(
      static_cast<double>(state.iterations() * library.files.size()), benchmark::Counter::kIsRate | benchmark::Counter::kInvert,
      benchmark::Counter::OneK::kIs1000);
}
BENCHMARK(BM_LoadAndLintLibrary)->Unit(benchmark::kMicrosecond);

void BM_LintOnly(benchmark::State& state) {
  const Library& library = GetLibrary();
  std::vector<casus::Instrument> instruments;
  for (const auto& [name, text] : library.files) {
    casus::Diagnostics diagnostics;
    instruments.push_back(*casus::LoadInstrumentText(text, name, library.parties, diagnostics));
  }
  for (auto _ : state) {
    for (const auto& instrument : instruments) {
      benchmark::DoNotOptimize(casus::LintInstrument(instrument, library.parties));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(instruments.size()));
}
BENCHMARK(BM_LintOnly)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
