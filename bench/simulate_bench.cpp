// The guarantee game's speed, in one run (issue 12: ≥ 50 % of the ziggurat-RNG bound per core;
// ≥ 1.9× from 1 to 2 threads): (1) the RNG-only bound — generating exactly the normal variates one
// simulated crisis needs, with the same generator and Boost.Random's ziggurat normal (and, for
// reference, libstdc++'s polar method); (2) the simulation's crises per second on 1 thread and on
// 2; and the ratios. Medians of paired runs; a shared machine: read the ratios. Two parameter sets:
// the defaults (ρ fixed) and the shipped scenario's calibrated ones (ρ drawn per draw: every
// guarantor's ladder is rebuilt every draw, the harder case).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

#include <random>
#include <thread>

#include "bench_support.hpp"

#include <boost/random/normal_distribution.hpp>
#include <pcg_random.hpp>

#include "casus/core/party_table.hpp"
#include "casus/engine/adjudicate.hpp"
#include "casus/games/guarantee_game.hpp"
#include "casus/games/scenario.hpp"
#include "casus/games/world_power.hpp"
#include "casus/history/calibration.hpp"
#include "casus/spec/load_instrument.hpp"

int main() {
  const std::filesystem::path home(CASUS_BENCH_HOME);
  const casus::PartyTable parties = casus::PartyTable::Load(home / "data");
  casus::Diagnostics diagnostics;
  const auto instrument = *casus::LoadInstrumentFile(home / "library/us-draft-2025-11.toml", parties, diagnostics);
  casus::GameParameters parameters = casus::DefaultGameParameters();
  for (const auto& [party, weight] : casus::Calibrate(home / "data", parties).capability) parameters.capability[party] = weight.cinc;
  parameters.power = casus::PowerForTheatre(casus::ReadWorldPower(home / "data", parties), parties, "UKR", 2027);
  casus::Incident attack;
  attack.at = casus::Time{std::chrono::sys_days{std::chrono::year{2027} / 3 / 1}};
  attack.kind = casus::IncidentKind::ArmedAttack;
  attack.by = "RUS";
  attack.against = "UKR";
  attack.where = "UA-63";
  attack.scale = casus::Scale::Significant;
  attack.deliberate = true;
  attack.sustained = true;
  const casus::GameDesign design{"us-draft-2025-11", {&instrument}, {}};
  const auto commitments = casus::TriggeredCommitments(design, attack, casus::WorldState{}, parties, parameters);
  // The variates one crisis draws: G, W̄, ρ when it is drawn, a value per party (guarantors and
  // co-deciders), η, an ε per party, and an ε per co-decider of each option (counted per
  // commitment: an upper bound).
  auto variates_of = [](const std::vector<casus::Commitment>& triggered, const casus::Incident& incident, bool rho_drawn) {
    std::vector<std::string> parties_drawn;
    size_t co_deciders = 0;
    for (const auto& commitment : triggered) {
      if (std::find(parties_drawn.begin(), parties_drawn.end(), commitment.guarantor) == parties_drawn.end()) parties_drawn.push_back(commitment.guarantor);
      for (const auto& other : casus::CoDeciders(commitment)) {
        ++co_deciders;
        if (other != incident.by && std::find(parties_drawn.begin(), parties_drawn.end(), other) == parties_drawn.end()) {
          parties_drawn.push_back(other);
        }
      }
    }
    return 2 + (rho_drawn ? 1 : 0) + 2 * parties_drawn.size() + 1 + co_deciders;
  };
  const size_t variates = variates_of(commitments, attack, parameters.reneging_cost_sd > 0.0);
  // The shipped scenario's us-draft design with its calibrated parameters (ρ drawn).
  const auto loaded = casus::LoadCalibratedScenario(home / "scenarios/ukraine-guarantees.toml", home, parties, diagnostics);
  if (!loaded) return 2;
  size_t shipped_idx = 0;
  while (shipped_idx < loaded->scenario.designs.size() && loaded->scenario.designs[shipped_idx].id != "us-draft-2025-11") ++shipped_idx;
  if (shipped_idx == loaded->scenario.designs.size()) return 2;
  const casus::GameParameters& shipped_parameters = loaded->scenario.parameters;
  const casus::PreparedDesign shipped = casus::PrepareDesign(*loaded, shipped_idx, shipped_parameters, parties);
  const size_t shipped_variates = variates_of(shipped.commitments, loaded->scenario.attack, shipped_parameters.reneging_cost_sd > 0.0);
  constexpr int64_t kCrises = 200000;
  constexpr int kRepetitions = 15;
  double sink = 0.0;
  auto rng_bound = [&](size_t count) {
    return [&, count] {
      pcg64 random(1, 0);
      boost::random::normal_distribution<double> normal(0.0, 1.0);
      for (int64_t crisis = 0; crisis < kCrises; ++crisis) {
        for (size_t variate = 0; variate < count; ++variate) sink += normal(random);
      }
    };
  };
  const auto rng_only = rng_bound(variates);
  auto rng_polar = [&] {
    pcg64 random(1, 0);
    std::normal_distribution<double> normal(0.0, 1.0);
    for (int64_t crisis = 0; crisis < kCrises; ++crisis) {
      for (size_t variate = 0; variate < variates; ++variate) sink += normal(random);
    }
  };
  auto simulate = [&](int threads, bool prepared_envelopes = true) {
    return [&, threads, prepared_envelopes] {
      casus::SimulationOptions options{kCrises, 1, threads};
      options.prepared_envelopes = prepared_envelopes;
      sink += casus::SimulateDesign(design, commitments, attack, parameters, parties, options).p_attack;
    };
  };
  auto simulate_shipped = [&](int threads) {
    return [&, threads] {
      const casus::SimulationOptions options{kCrises, 1, threads};
      sink += casus::SimulateDesign(shipped.design, shipped.commitments, loaded->scenario.attack, shipped_parameters, parties, options).p_attack;
    };
  };
  // The machine's own scaling, for reference: the RNG-only loop, twice, on one thread and then on
  // two (no shared data at all): on a shared machine, what the second core gives at the moment.
  auto rng_half = [&](uint64_t stream, double& out) {
    pcg64 random(1, stream);
    boost::random::normal_distribution<double> normal(0.0, 1.0);
    double local = 0.0;
    for (int64_t crisis = 0; crisis < kCrises / 2; ++crisis) {
      for (size_t variate = 0; variate < variates; ++variate) local += normal(random);
    }
    out = local;
  };
  auto rng_serial = [&] {
    double first = 0.0;
    double second = 0.0;
    rng_half(0, first);
    rng_half(1, second);
    sink += first + second;
  };
  auto rng_parallel = [&] {
    double first = 0.0;
    double second = 0.0;
    std::thread worker([&] { rng_half(0, first); });
    rng_half(1, second);
    worker.join();
    sink += first + second;
  };
  // Each ratio is the median of paired runs (the bound, then the simulation; 1 thread, then 2).
  const casus::bench::PairedTiming per_core = casus::bench::TimePaired(kRepetitions, rng_only, simulate(1));
  const casus::bench::PairedTiming scaling = casus::bench::TimePaired(kRepetitions, simulate(1), simulate(2));
  const casus::bench::PairedTiming machine = casus::bench::TimePaired(kRepetitions, rng_serial, rng_parallel);
  const casus::bench::PairedTiming polar = casus::bench::TimePaired(kRepetitions, rng_polar, rng_only);
  // The same simulation with each guarantor's envelope built in full every draw (as before
  // 2026-12-02; the same bits): what preparing the envelopes per design gains, in this run.
  const casus::bench::PairedTiming envelopes = casus::bench::TimePaired(kRepetitions, simulate(1, false), simulate(1));
  const casus::bench::PairedTiming shipped_per_core = casus::bench::TimePaired(kRepetitions, rng_bound(shipped_variates), simulate_shipped(1));
  const casus::bench::PairedTiming shipped_scaling = casus::bench::TimePaired(kRepetitions, simulate_shipped(1), simulate_shipped(2));
  std::printf("design us-draft-2025-11, default parameters (rho fixed): %zu commitments, %zu variates per crisis, %lld crises, medians of %d paired runs\n",
              commitments.size(), variates, static_cast<long long>(kCrises), kRepetitions);
  std::printf("%-34s %14s %16s\n", "", "seconds", "crises/s");
  std::printf("%-34s %14.3f %16.0f\n", "RNG-only, polar (libstdc++)", polar.first, kCrises / polar.first);
  std::printf("%-34s %14.3f %16.0f\n", "RNG-only bound, ziggurat (Boost)", per_core.first, kCrises / per_core.first);
  std::printf("%-34s %14.3f %16.0f\n", "simulation, 1 thread", per_core.second, kCrises / per_core.second);
  std::printf("%-34s %14.3f %16.0f\n", "simulation, 2 threads", scaling.second, kCrises / scaling.second);
  std::printf("%-34s %14.3f %16.0f\n", "simulation, 1 thread, envelope/draw", envelopes.first, kCrises / envelopes.first);
  std::printf("ratio simulation / ziggurat RNG bound (per core): %.3f   (target >= 0.5)\n", per_core.ratio);
  std::printf("ziggurat / polar normal variates:                %.2f\n", polar.ratio);
  std::printf("envelopes prepared per design / built per draw:  %.2f   (speed-up, 1 thread)\n", envelopes.ratio);
  std::printf("speed-up 1 -> 2 threads:                 %.2f    (target >= 1.9)\n", scaling.ratio);
  std::printf("the machine's own 1 -> 2 thread scaling: %.2f    (the RNG-only loop split in two: what this machine gives now)\n", machine.ratio);
  std::printf("\nthe same design with the shipped scenario's calibrated parameters (rho drawn, sd %.3f): %zu variates per crisis\n",
              shipped_parameters.reneging_cost_sd, shipped_variates);
  std::printf("%-34s %14.3f %16.0f\n", "RNG-only bound, ziggurat (Boost)", shipped_per_core.first, kCrises / shipped_per_core.first);
  std::printf("%-34s %14.3f %16.0f\n", "simulation, 1 thread", shipped_per_core.second, kCrises / shipped_per_core.second);
  std::printf("%-34s %14.3f %16.0f\n", "simulation, 2 threads", shipped_scaling.second, kCrises / shipped_scaling.second);
  std::printf("ratio simulation / ziggurat RNG bound (per core): %.3f   (target >= 0.5)\n", shipped_per_core.ratio);
  std::printf("speed-up 1 -> 2 threads:                 %.2f    (target >= 1.9)\n", shipped_scaling.ratio);
  return sink == 42.0 ? 1 : 0;
}
