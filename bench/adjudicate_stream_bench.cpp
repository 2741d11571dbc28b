// Adjudicating a generated stream of incidents against the whole library (issue: ≥ 1 M incidents
// per second per core, memory flat in the stream's length). Incidents are generated one at a time
// and never stored; each is decided against every response and restraint clause of the 17
// instruments (DecideClause + CheckInForce: the decision logic without text). A second benchmark
// builds the full verdicts with their reasons, for comparison in the same run. Peak RSS is read
// after each run: if the stream were held, it would grow with the stream's length.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <random>

#include "casus/core/party_table.hpp"
#include "casus/engine/adjudicate.hpp"
#include "casus/spec/load_instrument.hpp"
#include "casus/spec/resolve_instrument.hpp"

namespace {

struct Library {
  casus::PartyTable parties = casus::PartyTable::Load(std::filesystem::path(CASUS_BENCH_HOME) / "data");
  std::vector<casus::Instrument> instruments;
  Library() {
    for (const auto& path : casus::ListLibrary(CASUS_BENCH_HOME)) {
      casus::Diagnostics diagnostics;
      instruments.push_back(*casus::LoadInstrumentFile(std::filesystem::path(CASUS_BENCH_HOME) / path, parties, diagnostics));
    }
  }
};

const Library& GetLibrary() {
  static const Library library;
  return library;
}

// Incidents one at a time: attacks on Ukraine (and on NATO members) of every kind and scale.
class IncidentStream {
 public:
  explicit IncidentStream(uint64_t seed) : random_(seed) {
    incident_.id = "generated";
    incident_.at = casus::Time{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}};
  }
  const casus::Incident& Next() {
    static const char* kUkraine[] = {"UA-63", "UA-51", "UA-43", "UA-14", "UA-30", "UA-46", "UKR"};
    static const char* kTargets[] = {"UKR", "UKR", "UKR", "POL", "EST"};
    incident_.at += std::chrono::seconds{1 + random_() % 600};
    incident_.kind = static_cast<casus::IncidentKind>(random_() % 7);
    incident_.against = kTargets[random_() % 5];
    incident_.where = incident_.against == "UKR" ? kUkraine[random_() % 7] : incident_.against;
    incident_.by = "RUS";
    incident_.scale = static_cast<casus::Scale>(1 + random_() % 3);
    incident_.deliberate = random_() % 2 == 0;
    incident_.sustained = random_() % 2 == 0;
    return incident_;
  }

 private:
  std::mt19937_64 random_;
  casus::Incident incident_;
};

long PeakRssKilobytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

void BM_DecideStream(benchmark::State& state) {
  const Library& library = GetLibrary();
  const int64_t length = state.range(0);
  const casus::WorldState world;  // no status events: the clauses' own conditions decide
  std::vector<casus::InForceWindow> windows;
  for (const auto& instrument : library.instruments) windows.push_back(casus::InForceWindowOf(instrument, {}));
  int64_t triggered = 0;
  for (auto _ : state) {
    IncidentStream stream(42);
    for (int64_t incident_idx = 0; incident_idx < length; ++incident_idx) {
      const casus::Incident& incident = stream.Next();
      for (const auto& window : windows) {
        const casus::Instrument& instrument = *window.instrument;
        const casus::InForce in_force = casus::CheckInForce(window, incident.at, world);
        if (in_force != casus::InForce::Yes && in_force != casus::InForce::Hypothetical) continue;
        for (const auto& clause : instrument.clauses) {
          if (!casus::IsResponseKind(clause.kind) && !casus::IsRestraintKind(clause.kind)) continue;
          triggered += casus::DecideClause(instrument, clause, incident, world, library.parties) == casus::Condition::Triggered;
        }
      }
    }
  }
  benchmark::DoNotOptimize(triggered);
  state.SetItemsProcessed(state.iterations() * length);
  state.counters["incidents_per_s"] = benchmark::Counter(static_cast<double>(state.iterations() * length), benchmark::Counter::kIsRate);
  state.counters["peak_rss_kb"] = static_cast<double>(PeakRssKilobytes());
}
BENCHMARK(BM_DecideStream)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_FullVerdictStream(benchmark::State& state) {
  const Library& library = GetLibrary();
  const int64_t length = state.range(0);
  size_t reason_bytes = 0;
  for (auto _ : state) {
    // The full path: a one-incident timeline at a time through Adjudicate, reasons and all.
    IncidentStream stream(42);
    casus::Timeline timeline;
    timeline.incidents.resize(1);
    for (int64_t incident_idx = 0; incident_idx < length; ++incident_idx) {
      timeline.incidents[0] = stream.Next();
      casus::Adjudicate(timeline, library.instruments, library.parties, {}, [&](const casus::IncidentVerdict& verdict) {
        for (const auto& instrument : verdict.instruments) {
          for (const auto& clause : instrument.clauses) reason_bytes += clause.reason.size();
        }
      });
    }
  }
  benchmark::DoNotOptimize(reason_bytes);
  state.SetItemsProcessed(state.iterations() * length);
  state.counters["incidents_per_s"] = benchmark::Counter(static_cast<double>(state.iterations() * length), benchmark::Counter::kIsRate);
  state.counters["peak_rss_kb"] = static_cast<double>(PeakRssKilobytes());
}
BENCHMARK(BM_FullVerdictStream)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
