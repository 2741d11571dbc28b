// The robustness adapter (AssumptionModel) on the shipped scenario: which assumptions it moves and
// with what priors, that the median world is the scenario itself, that a world fixes the
// scenario's distributions, and that moving an assumption moves P(attack) the way the game says.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/games/scenario.hpp"
#include "casus/report/text_table.hpp"
#include "casus/sim/assumptions.hpp"
#include "casus/sim/robustness.hpp"

namespace casus {
namespace {

const std::filesystem::path kHome(CASUS_TEST_HOME);

const LoadedScenario& Ukraine() {
  static const LoadedScenario loaded = [] {
    Diagnostics diagnostics;
    auto scenario = LoadCalibratedScenario(kHome / "scenarios/ukraine-guarantees.toml", kHome, testing::Parties(), diagnostics);
    EXPECT_TRUE(scenario.has_value());
    return *scenario;
  }();
  return loaded;
}

std::map<std::string, const Assumption*> ByName(const AssumptionModel& model) {
  std::map<std::string, const Assumption*> names;
  for (const auto& assumption : model.assumptions()) names[assumption.name] = &assumption;
  return names;
}

TEST(Assumptions, TheShippedScenarioHasTwentyOneWithTheirPriors) {
  const AssumptionModel model(Ukraine(), testing::Parties(), SimulationOptions{200, 1, 0});
  const auto names = ByName(model);
  EXPECT_EQ(model.assumptions().size(), 21u);
  // Game v2's parameters are moved too, each with the range the scenario reader accepts.
  for (const char* name : {"reach_half_distance_km", "nuclear_escalation_probability", "nuclear_escalation_loss", "nuclear_cost_markup",
                           "defender_strength", "forces_reference_troops", "tripwire_bonus", "free_riding"}) {
    ASSERT_TRUE(names.count(name)) << name;
    EXPECT_FALSE(names.at(name)->from_scenario) << name;
    EXPECT_FALSE(names.at(name)->reference.empty()) << name;
    EXPECT_GE(names.at(name)->prior.a, 0.0) << name;
  }
  EXPECT_LE(names.at("nuclear_escalation_probability")->prior.b, 1.0);
  ASSERT_TRUE(names.count("challenger_gain"));
  EXPECT_TRUE(names.at("challenger_gain")->from_scenario);
  EXPECT_EQ(names.at("challenger_gain")->prior.Describe(), "N(1, 0.3)");
  ASSERT_TRUE(names.count("reneging_cost"));  // calibrated: its spread is the prior
  EXPECT_TRUE(names.at("reneging_cost")->from_scenario);
  EXPECT_GT(names.at("reneging_cost")->prior.b, 0.05);
  ASSERT_TRUE(names.count("no_deadline_factor"));  // 0.8 ± 50 % narrowed to stay in [0, 1], centred
  EXPECT_DOUBLE_EQ(names.at("no_deadline_factor")->prior.a, 0.6);
  EXPECT_DOUBLE_EQ(names.at("no_deadline_factor")->prior.b, 1.0);
  EXPECT_EQ(names.count("capability_sd"), 0u);  // 0 and fixed: nothing to move
  EXPECT_EQ(names.count("cost_scale"), 1u);
  EXPECT_EQ(model.designs().size(), 7u);  // the six designs and the coalition reassurance force
}

TEST(Assumptions, TheMedianWorldIsTheScenarioWithItsDistributionsFixed) {
  const AssumptionModel model(Ukraine(), testing::Parties(), SimulationOptions{200, 1, 0});
  const std::vector<double> middle(model.assumptions().size(), 0.5);
  const GameParameters world = model.ParametersAt(middle.data());
  const GameParameters& scenario = Ukraine().scenario.parameters;
  EXPECT_NEAR(world.challenger_gain.mean, scenario.challenger_gain.mean, 1e-12);
  EXPECT_EQ(world.challenger_gain.sd, 0.0);  // a world says what G is
  // ρ's prior is truncated at 0, 5 sd below its mean: the median moves from the mean by ~1e-7.
  EXPECT_NEAR(world.reneging_cost, scenario.reneging_cost, 1e-6);
  EXPECT_EQ(world.reneging_cost_sd, 0.0);
  EXPECT_NEAR(world.no_deadline_factor, scenario.no_deadline_factor, 1e-12);
  EXPECT_NEAR(world.forces_bonus, scenario.forces_bonus, 1e-12);
  EXPECT_EQ(world.guarantor_value.sd, scenario.guarantor_value.sd);  // the spread between guarantors stays
  for (const auto& [means, cost] : scenario.cost) EXPECT_NEAR(world.cost.at(means), cost, 1e-12);
}

TEST(Assumptions, MovingAnAssumptionMovesPAttackTheWayTheGameSays) {
  const AssumptionModel model(Ukraine(), testing::Parties(), SimulationOptions{400, 2, 0});
  const size_t k = model.assumptions().size();
  const auto index = [&](const std::string& name) {
    for (size_t i = 0; i < k; ++i) {
      if (model.assumptions()[i].name == name) return i;
    }
    ADD_FAILURE() << name;
    return size_t{0};
  };
  std::vector<double> point(k, 0.5);
  // One output per design of the scenario (it has seven since the coalition design; a fixed 6 here
  // wrote past the end, which ASan found in CI's sanitizer stage).
  const size_t designs = model.designs().size();
  ASSERT_GE(designs, 6u);
  std::vector<double> base(designs), moved(designs);
  model.Evaluate(point.data(), base.data());
  point[index("challenger_gain")] = 0.9;  // a greater gain: more attacks, whatever the design
  model.Evaluate(point.data(), moved.data());
  for (size_t d = 0; d < designs; ++d) EXPECT_GT(moved[d], base[d]) << model.designs()[d];
  point[index("challenger_gain")] = 0.5;
  point[index("effectiveness_scale")] = 0.9;  // a costlier intervention deters more where someone would act
  model.Evaluate(point.data(), moved.data());
  const auto nato = std::find(model.designs().begin(), model.designs().end(), "nato-membership");
  ASSERT_NE(nato, model.designs().end());
  const auto n = static_cast<size_t>(nato - model.designs().begin());
  EXPECT_LT(moved[n], base[n]) << "nato-membership";
  // Common random numbers: the same world gives the same bits.
  std::vector<double> again(designs);
  model.Evaluate(point.data(), again.data());
  EXPECT_EQ(moved, again);
}

TEST(Assumptions, GameTwoParametersMovePAttackTheWayTheGameSays) {
  const AssumptionModel model(Ukraine(), testing::Parties(), SimulationOptions{400, 2, 0});
  const size_t k = model.assumptions().size();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < k; ++i) index[model.assumptions()[i].name] = i;
  const size_t designs = model.designs().size();
  std::vector<double> point(k, 0.5), base(designs), moved(designs);
  model.Evaluate(point.data(), base.data());
  // A stronger Ukrainian army raises the challenger's cost of war in every design.
  point[index.at("defender_strength")] = 0.95;
  model.Evaluate(point.data(), moved.data());
  for (size_t d = 0; d < designs; ++d) EXPECT_LE(moved[d], base[d]) << model.designs()[d];
  EXPECT_LT(moved[0], base[0]) << model.designs()[0];
  point[index.at("defender_strength")] = 0.5;
  // A likelier nuclear escalation by a nuclear guarantor that fights: NATO membership deters more.
  point[index.at("nuclear_escalation_probability")] = 0.95;
  model.Evaluate(point.data(), moved.data());
  const auto design = [&](const std::string& id) {
    return static_cast<size_t>(std::find(model.designs().begin(), model.designs().end(), id) - model.designs().begin());
  };
  ASSERT_LT(design("nato-membership"), designs);
  EXPECT_LT(moved[design("nato-membership")], base[design("nato-membership")]);
  EXPECT_EQ(moved[design("bilaterals-2024")], base[design("bilaterals-2024")]);  // no combat duty of a nuclear guarantor
  for (size_t d = 0; d < designs; ++d) EXPECT_LE(moved[d], base[d]) << model.designs()[d];
}

TEST(Assumptions, PerGuarantorValuesAndRenegingCostsAreAssumptionsOfTheirOwn) {
  LoadedScenario loaded = Ukraine();
  loaded.scenario.parameters.guarantor_values["USA"] = Normal{0.2, 0.3};
  loaded.scenario.parameters.guarantor_reneging_cost["GBR"] = 1.5;
  const AssumptionModel model(loaded, testing::Parties(), SimulationOptions{50, 1, 0});
  const auto names = ByName(model);
  ASSERT_TRUE(names.count("guarantor_value.USA"));
  ASSERT_TRUE(names.count("reneging_cost.GBR"));
  EXPECT_DOUBLE_EQ(names.at("reneging_cost.GBR")->prior.a, 0.75);  // 1.5 ± 50 %
  EXPECT_DOUBLE_EQ(names.at("reneging_cost.GBR")->prior.b, 2.25);
  std::vector<double> point(model.assumptions().size(), 0.5);
  size_t usa = 0;
  for (size_t i = 0; i < point.size(); ++i) {
    if (model.assumptions()[i].name == "guarantor_value.USA") usa = i;
  }
  point[usa] = 1.0;  // the top of U(0.1, 0.3)
  const GameParameters world = model.ParametersAt(point.data());
  EXPECT_NEAR(world.guarantor_values.at("USA").mean, 0.3, 1e-12);
  EXPECT_EQ(world.guarantor_values.at("USA").sd, 0.3);  // its spread between draws stays
  EXPECT_NEAR(world.guarantor_reneging_cost.at("GBR"), 1.5, 1e-12);
}

TEST(Robustness, BlocksDoNotDependOnTheirNeighbours) {
  const AssumptionModel model(Ukraine(), testing::Parties(), SimulationOptions{50, 3, 0});
  RobustnessOptions options;
  options.samples = 20;
  const RobustnessPlan plan = PlanRobustness(model, options);
  EXPECT_EQ(plan.blocks, 3);  // 8 + 8 + 4 rows
  const auto last = ComputeRobustnessBlock(model, options, plan, 2);
  EXPECT_EQ(last.size(), 4u * (model.assumptions().size() + 2) * 7u);
  EXPECT_EQ(last, ComputeRobustnessBlock(model, options, plan, 2));
}

// The text of a small analysis of the shipped scenario (7 designs, 21 assumptions) fits a
// 120-column terminal, both methods, and no number is glued to the one before it.
TEST(Robustness, TheTextFitsOneHundredTwentyColumns) {
  const AssumptionModel model(Ukraine(), testing::Parties(), SimulationOptions{100, 1, 0});
  for (const RobustnessMethod method : {RobustnessMethod::Sobol, RobustnessMethod::Morris}) {
    RobustnessOptions options;
    options.method = method;
    options.samples = 8;
    options.resamples = 20;
    const RobustnessPlan plan = PlanRobustness(model, options);
    std::vector<std::vector<double>> blocks;
    for (int64_t block = 0; block < plan.blocks; ++block) blocks.push_back(ComputeRobustnessBlock(model, options, plan, block));
    const RobustnessResult result = AnalyzeRobustness(model, options, plan, blocks);
    ASSERT_EQ(result.designs.size(), 7u);
    const std::string text = RenderRobustnessText(result);
    size_t lines = 0;
    size_t widest = 0;
    for (size_t start = 0, end; start < text.size(); start = end + 1) {
      end = text.find('\n', start);
      const std::string line = text.substr(start, end - start);
      EXPECT_LE(DisplayWidth(line), kTextWidth) << line;
      widest = std::max(widest, DisplayWidth(line));
      ++lines;
      for (size_t at = line.find('(', 1); at != std::string::npos; at = line.find('(', at + 1)) {
        const bool number = at + 1 < line.size() && (std::isdigit(static_cast<unsigned char>(line[at + 1])) != 0 || line[at + 1] == '-');
        const char before = line[at - 1];
        if (number) {
          EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(before)) == 0 && before != ')') << "a number glued to the one before: " << line;
        }
      }
    }
    EXPECT_GT(lines, 50u);    // the assumptions, the index table (two lines each), the matrix
    EXPECT_GT(widest, 100u);  // the priors' lines: the check is not vacuous
    // Every design's column is in the table: the header numbers them all.
    EXPECT_NE(text.find("[1]"), std::string::npos);
    EXPECT_NE(text.find("[7]"), std::string::npos);
  }
}

}  // namespace
}  // namespace casus
