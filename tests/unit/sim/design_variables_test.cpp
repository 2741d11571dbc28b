// Sweeping design variables (issue 6: "guarantor set, decision rule, duty strength, threshold,
// forces in place") changes the shipped designs the way the lint rules' rationale says.
#include <filesystem>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/games/scenario.hpp"
#include "casus/sim/sweep.hpp"

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

// P(attack) of one shipped design with these design variables set.
double PAttack(const std::string& design, const std::vector<std::pair<std::string, std::string>>& point) {
  const LoadedScenario variant = ApplyDesignVariables(Ukraine(), point, testing::Parties());
  const auto outcomes = SimulateScenario(variant, variant.scenario.parameters, testing::Parties(), SimulationOptions{8000, 3, 1}, {design});
  EXPECT_EQ(outcomes.size(), 1u);
  return outcomes.front().p_attack;
}

TEST(DesignVariables, NoneLeaveTheScenarioAsItIs) {
  EXPECT_EQ(PAttack("us-draft-2025-11", {}), PAttack("us-draft-2025-11", {{"reneging_cost", "0.5"}}));
}

TEST(DesignVariables, EachMovesTheDesignTheWayTheLintRuleSays) {
  const std::string draft = "us-draft-2025-11";
  const double as_drafted = PAttack(draft, {});
  // consult-only: a duty to consult deters less than a duty to act.
  EXPECT_GT(PAttack(draft, {{"duty_strength", "consult"}}), as_drafted);
  EXPECT_LT(PAttack(draft, {{"duty_strength", "all-means"}}), as_drafted);
  // threshold-gap: a full-scale threshold leaves the significant attack untriggered.
  EXPECT_GT(PAttack(draft, {{"threshold", "full-scale"}}), as_drafted);
  EXPECT_LE(PAttack(draft, {{"threshold", "any"}}), as_drafted);
  // no-deadline: a deadline of three days deters more than none.
  EXPECT_LT(PAttack(draft, {{"deadline", "P3D"}}), as_drafted);
  // no-forces-in-place: US forces in place deter more.
  EXPECT_LT(PAttack(draft, {{"forces", "USA"}}), as_drafted);
  // A guarantor set without the US deters less.
  EXPECT_GT(PAttack(draft, {{"guarantors", "FRA,GBR"}}), as_drafted);
  // A consensus of the six Paris guarantors instead of each acting alone deters less.
  EXPECT_GT(PAttack("paris-2026-mnf", {{"decision_rule", "consensus"}}), PAttack("paris-2026-mnf", {}));
}

TEST(DesignVariables, AConsensusWithTheChallengerGivesNoResponse) {
  const LoadedScenario variant = ApplyDesignVariables(Ukraine(), {{"guarantors", "FRA,GBR,RUS"}, {"decision_rule", "consensus"}}, testing::Parties());
  const auto outcomes =
      SimulateScenario(variant, variant.scenario.parameters, testing::Parties(), SimulationOptions{2000, 3, 1}, {"paris-2026-mnf"});
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes.front().p_collective_armed_response, 0.0);
  // A Security Council decision: Russia's veto blocks it, whoever the guarantors are.
  const LoadedScenario council = ApplyDesignVariables(Ukraine(), {{"decision_rule", "security-council"}}, testing::Parties());
  const auto blocked =
      SimulateScenario(council, council.scenario.parameters, testing::Parties(), SimulationOptions{2000, 3, 1}, {"nato-membership"});
  ASSERT_EQ(blocked.size(), 1u);
  EXPECT_EQ(blocked.front().p_collective_armed_response, 0.0);
  EXPECT_GT(blocked.front().p_attack, 0.5);
}

}  // namespace
}  // namespace casus
