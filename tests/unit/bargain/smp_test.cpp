// SMP reproduces KTAB: every printed position (%5.1f) and probability (%.4f) of every turn of the
// two reference logs shipped in data/ktab, and runs the other shipped inputs to completion.
#include "casus/bargain/smp.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include "casus/bargain/forecast.hpp"
#include "casus/bargain/ktab_csv.hpp"

namespace casus {
namespace {

const std::filesystem::path kKtab = std::filesystem::path(CASUS_TEST_HOME) / "data" / "ktab";

SmpScenario Read(const std::string& file) {
  Diagnostics diagnostics;
  auto scenario = ReadKtabCsv(kKtab / file, diagnostics);
  EXPECT_TRUE(scenario.has_value()) << file;
  return scenario ? *scenario : SmpScenario{};
}

// The reference log's "History of …" blocks: row label ("XJ, Policy Position" / "XJ, prob") → tokens.
std::map<std::string, std::vector<std::string>> ReferenceHistory(const std::string& log_file, size_t& states) {
  std::ifstream input(kKtab / log_file);
  std::map<std::string, std::vector<std::string>> rows;
  std::string line;
  bool in_history = false;
  while (std::getline(input, line)) {
    if (line.rfind("There were ", 0) == 0) states = std::stoul(line.substr(11));
    if (line.rfind("History of actor positions over time", 0) == 0) in_history = true;
    if (!in_history || line.rfind("History of", 0) == 0) continue;
    if (line.rfind("SMPModel", 0) == 0) break;
    const size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::istringstream values(line.substr(colon + 1));
    std::vector<std::string> tokens;
    for (std::string token; values >> token;) tokens.push_back(token);
    std::string label = line.substr(0, colon);
    while (!label.empty() && label.back() == ' ') label.pop_back();
    rows[label] = tokens;
  }
  return rows;
}

void ExpectReproducesReference(const std::string& input, const std::string& log_file) {
  const SmpScenario scenario = Read(input);
  const SmpResult result = RunSmp(scenario);
  size_t reference_states = 0;
  const auto reference = ReferenceHistory(log_file, reference_states);
  ASSERT_GT(reference_states, 0u);
  EXPECT_EQ(result.states.size(), reference_states);
  size_t compared = 0;
  for (size_t actor_idx = 0; actor_idx < scenario.actors.size(); ++actor_idx) {
    const std::string& name = scenario.actors[actor_idx].name;
    for (size_t dim_idx = 0; dim_idx < scenario.dimensions.size(); ++dim_idx) {
      const auto row = reference.find(name + ", " + scenario.dimensions[dim_idx]);
      ASSERT_NE(row, reference.end()) << name << " " << scenario.dimensions[dim_idx];
      ASSERT_EQ(row->second.size(), result.states.size());
      for (size_t state_idx = 0; state_idx < result.states.size(); ++state_idx) {
        EXPECT_EQ(fmt::format("{:.1f}", 100.0 * result.states[state_idx][actor_idx][dim_idx]), row->second[state_idx])
            << name << " dimension " << dim_idx << " state " << state_idx;
        ++compared;
      }
    }
    const auto row = reference.find(name + ", prob");
    ASSERT_NE(row, reference.end());
    ASSERT_EQ(row->second.size(), result.probabilities.size());
    for (size_t state_idx = 0; state_idx < result.probabilities.size(); ++state_idx) {
      EXPECT_EQ(fmt::format("{:.4f}", result.probabilities[state_idx][actor_idx]), row->second[state_idx])
          << name << " state " << state_idx;
      ++compared;
    }
  }
  EXPECT_GT(compared, 100u);
}

TEST(Smp, ReproducesKtabOnDummyData3Dim) { ExpectReproducesReference("dummyData_3Dim.csv", "20170530_ref-dummyData_3Dim.txt"); }

TEST(Smp, ReproducesKtabOnSoePolComp) { ExpectReproducesReference("SOE-Pol-Comp.csv", "20170530_ref-SOE-Pol-Comp.txt"); }

TEST(Smp, RunsEveryShippedInputToCompletion) {
  for (const char* file : {"SOE-Policy.csv", "SOE-Competitive.csv", "dummyData_6Dim.csv", "dummyData-a040.csv"}) {
    const SmpScenario scenario = Read(file);
    const SmpResult result = RunSmp(scenario);
    EXPECT_FALSE(result.degenerate) << file;
    EXPECT_GE(result.states.size(), 3u) << file;
    EXPECT_LE(result.states.size(), 101u) << file;
    EXPECT_EQ(result.probabilities.size(), result.states.size());
    for (const auto& probabilities : result.probabilities) {
      for (const double probability : probabilities) EXPECT_TRUE(probability >= 0.0 && probability <= 1.0) << file;
    }
    // The stopping rule: it ran until the change fell below 2 % of the first step (or 100 steps).
    EXPECT_TRUE(result.fractional_change.back() < 0.02 || result.states.size() == 101u) << file;
  }
}

SmpScenario Colocated(size_t actors) {
  SmpScenario scenario{"same", "all at one point", {"d1", "d2"}, {}};
  for (size_t actor_idx = 0; actor_idx < actors; ++actor_idx) {
    scenario.actors.push_back(SmpActor{fmt::format("A{}", actor_idx), "", 10.0 + static_cast<double>(actor_idx), {0.5, 0.5}, {0.3, 0.2}});
  }
  return scenario;
}

TEST(Smp, DegenerateInputsHaveADefinedResult) {
  for (size_t actors : {1u, 2u, 5u}) {
    const SmpResult result = RunSmp(Colocated(actors));
    EXPECT_TRUE(result.degenerate);
    ASSERT_EQ(result.states.size(), 1u);
    for (const double probability : result.probabilities.front()) {
      EXPECT_FALSE(std::isnan(probability));
      EXPECT_DOUBLE_EQ(probability, 1.0);  // one cluster holding everyone wins for sure
    }
  }
}

TEST(Smp, ForecastWeighsFinalPositionsByCapabilityAndSalience) {
  SmpScenario scenario{"two", "two actors", {"d"}, {}};
  scenario.actors.push_back(SmpActor{"big", "", 3.0, {0.2}, {0.5}});
  scenario.actors.push_back(SmpActor{"small", "", 1.0, {0.8}, {0.5}});
  SmpResult result;
  result.states = {{{0.2}, {0.8}}};
  result.probabilities = {{0.7, 0.3}};
  const SmpForecast forecast = ForecastOf(scenario, result);
  EXPECT_NEAR(forecast.weighted_mean[0], (3.0 * 0.2 + 1.0 * 0.8) / 4.0, 1e-12);
  EXPECT_NEAR(forecast.weighted_median[0], 0.2, 1e-12);
  ASSERT_EQ(forecast.clusters.size(), 2u);
  EXPECT_EQ(forecast.clusters[0].actors, std::vector<size_t>{0});
}

TEST(Smp, PerturbedForecastIsTheSameForAnyThreadCount) {
  const SmpScenario scenario = Read("dummyData_3Dim.csv");
  const auto one = PerturbedForecastOf(scenario, PerturbationOptions{5.0, 24, 7, 1});
  const auto two = PerturbedForecastOf(scenario, PerturbationOptions{5.0, 24, 7, 2});
  for (size_t dim_idx = 0; dim_idx < scenario.dimensions.size(); ++dim_idx) {
    EXPECT_EQ(one.weighted_mean[dim_idx].median, two.weighted_mean[dim_idx].median);  // bit-identical
    EXPECT_EQ(one.weighted_mean[dim_idx].low, two.weighted_mean[dim_idx].low);
    EXPECT_EQ(one.weighted_median[dim_idx].high, two.weighted_median[dim_idx].high);
  }
  const auto other_seed = PerturbedForecastOf(scenario, PerturbationOptions{5.0, 24, 8, 2});
  EXPECT_NE(one.weighted_mean[0].median, other_seed.weighted_mean[0].median);
}

TEST(KtabCsv, RejectsBadInputWithPositions) {
  Diagnostics diagnostics;
  EXPECT_FALSE(ReadKtabCsvText("s,d,2,1\nActor,Desc,Power,P,S\nA,a,1,50,x\nB,b,1,50,50\n", "bad.csv", diagnostics));
  ASSERT_TRUE(diagnostics.HasErrors());
  EXPECT_EQ(diagnostics.All().front().message, "salience 'x' is not a number");
  EXPECT_EQ(diagnostics.All().front().position.line, 3u);
  EXPECT_EQ(diagnostics.All().front().position.column, 10u);
}

}  // namespace
}  // namespace casus
