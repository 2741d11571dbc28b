// Reading every shipped data file, and importing + linting the 789 ATOP alliances (target < 1 s in all).
#include <benchmark/benchmark.h>

#include "casus/history/atop_import.hpp"
#include "casus/history/loopholes.hpp"

namespace {

const std::filesystem::path kData = std::filesystem::path(CASUS_BENCH_HOME) / "data";

void BM_ReadAllData(benchmark::State& state) {
  for (auto _ : state) {
    size_t rows = 0;
    casus::ReadAtopAlliances(kData / "atop/atop5_1a.csv", [&](const casus::AtopAlliance&) { ++rows; });
    casus::ReadAtopMembers(kData / "atop/atop5_1m.csv", [&](const casus::AtopMember&) { ++rows; });
    casus::ReadCowStates(kData / "cow/states2016_clean.csv", [&](const casus::CowState&) { ++rows; });
    casus::ReadCowSystem(kData / "cow/system2016.csv", [&](const casus::CowSystemYear&) { ++rows; });
    casus::ReadCowMajors(kData / "cow/majors2016.csv", [&](const casus::CowMajor&) { ++rows; });
    casus::ReadCowAlliances(kData / "cow/alliance_v4.1_by_member.csv", [&](const casus::CowAllianceMember&) { ++rows; });
    casus::ReadCowWars(kData / "cow/Inter-StateWarData_v4.0.csv", [&](const casus::CowWarParticipant&) { ++rows; });
    casus::ReadMidDisputes(kData / "mid/MIDA_5.0.csv", [&](const casus::MidDispute&) { ++rows; });
    casus::ReadMidParticipants(kData / "mid/MIDB_5.0.csv", [&](const casus::MidParticipant&) { ++rows; });
    casus::ReadNmc(kData / "nmc/NMC-60-abridged.csv", [&](const casus::NmcRecord&) { ++rows; });
    casus::ReadNmc(kData / "nmc/cow_nmc_v7.csv", [&](const casus::NmcRecord&) { ++rows; });
    casus::ReadReliability(kData / "reliability/BerkemeierFuhrmannRAP2018_0303.csv", [&](const casus::ReliabilityCase&) { ++rows; });
    benchmark::DoNotOptimize(rows);
    state.counters["rows"] = static_cast<double>(rows);
  }
}
BENCHMARK(BM_ReadAllData)->Unit(benchmark::kMillisecond);

void BM_ImportAndLintAtop(benchmark::State& state) {
  const casus::PartyTable parties = casus::PartyTable::Load(kData);
  for (auto _ : state) {
    const auto findings = casus::LintAtop(casus::ReadAtop(kData / "atop"), parties);
    benchmark::DoNotOptimize(findings);
  }
}
BENCHMARK(BM_ImportAndLintAtop)->Unit(benchmark::kMillisecond);

}  // namespace
