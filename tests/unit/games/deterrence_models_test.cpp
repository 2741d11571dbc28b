// The closed forms of MODELS.md A–C, pinned to 1e-12, and the published comparative statics.
#include "casus/games/deterrence_models.hpp"

#include <cmath>

#include <gtest/gtest.h>

namespace casus {
namespace {

template <typename Solution>
Solution Solved(const ModelResult<Solution>& result) {
  EXPECT_TRUE(std::holds_alternative<Solution>(result)) << (std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "");
  return std::holds_alternative<Solution>(result) ? std::get<Solution>(result) : Solution{};
}

template <typename Solution>
std::string Rejected(const ModelResult<Solution>& result) {
  EXPECT_TRUE(std::holds_alternative<std::string>(result));
  return std::holds_alternative<std::string>(result) ? std::get<std::string>(result) : "";
}

TEST(Radg, ThresholdIsTheClosedForm) {
  const auto solution = Solved(SolveRadg({0.3, 0.2, 1.0, 0.0}));
  EXPECT_NEAR(solution.threshold, 0.8, 1e-12);  // normalised: α = 1 − aSQ
  EXPECT_FALSE(solution.deterred);
  const auto general = Solved(SolveRadg({0.7, 1.0, 4.0, -2.0}));
  EXPECT_NEAR(general.threshold, 3.0 / 6.0, 1e-12);
  EXPECT_TRUE(general.deterred);
}

TEST(Radg, DeterredExactlyAboveTheThreshold) {
  EXPECT_FALSE(Solved(SolveRadg({0.5, 0.5, 1.0, 0.0})).deterred);  // pB = α: the challenger is indifferent
  EXPECT_TRUE(Solved(SolveRadg({0.5 + 1e-9, 0.5, 1.0, 0.0})).deterred);
}

TEST(Radg, ThresholdFallsAsTheStatusQuoImproves) {
  double previous = 2.0;
  for (double a_sq = 0.05; a_sq < 1.0; a_sq += 0.05) {
    const double threshold = Solved(SolveRadg({0.5, a_sq, 1.0, 0.0})).threshold;
    EXPECT_LT(threshold, previous) << a_sq;
    previous = threshold;
  }
}

TEST(Radg, ViolatedOrderingsAreNamed) {
  EXPECT_NE(Rejected(SolveRadg({0.5, 1.5, 1.0, 0.0})).find("aSQ < aDC"), std::string::npos);
  EXPECT_NE(Rejected(SolveRadg({0.5, -0.5, 1.0, 0.0})).find("aDD < aSQ"), std::string::npos);
  EXPECT_NE(Rejected(SolveRadg({1.0, 0.5, 1.0, 0.0})).find("0 < pB < 1"), std::string::npos);
  EXPECT_NE(Rejected(SolveRadg({0.0, 0.5, 1.0, 0.0})).find("0 < pB < 1"), std::string::npos);
  EXPECT_NE(Rejected(SolveRadg({NAN, 0.5, 1.0, 0.0})).find("finite"), std::string::npos);
}

TEST(Radg, OneResponseReducesToTheBinaryGame) {
  // Resisting (payoff aDD) with probability pB and conceding (aDC) otherwise is the binary game.
  for (double p_hard : {0.1, 0.35, 0.6, 0.9}) {
    for (double a_sq : {0.2, 0.5, 0.8}) {
      const auto binary = Solved(SolveRadg({p_hard, a_sq, 1.0, 0.0}));
      const auto responses = Solved(SolveRadgResponses(a_sq, {{"resist", p_hard, 0.0}, {"concede", 1.0 - p_hard, 1.0}}));
      EXPECT_NEAR(responses.expected_challenge_payoff, 1.0 - p_hard, 1e-12);
      if (std::abs(p_hard - binary.threshold) > 1e-9) {
        EXPECT_EQ(responses.deterred, binary.deterred) << p_hard << " " << a_sq;
      }
    }
  }
  EXPECT_NE(Rejected(SolveRadgResponses(0.5, {{"a", 0.5, 0.0}})).find("sum to 1"), std::string::npos);
  EXPECT_NE(Rejected(SolveRadgResponses(0.5, {})).find("at least one"), std::string::npos);
}

TEST(Fearon, DemandAndWarAreTheClosedForms) {
  const auto solution = Solved(SolveFearon({0.4, 0.1, 0.3}));
  EXPECT_NEAR(solution.demand, 0.4 + 0.1, 1e-12);
  EXPECT_NEAR(solution.p_war, (0.3 - 0.1) / (2 * 0.3), 1e-12);
  const auto costly = Solved(SolveFearon({0.4, 0.5, 0.3}));  // cA ≥ c̄: no risk worth taking
  EXPECT_NEAR(costly.demand, 0.4, 1e-12);
  EXPECT_NEAR(costly.p_war, 0.0, 1e-12);
}

TEST(Fearon, WarDoesNotDependOnTheBalanceOfPower) {
  const double reference = Solved(SolveFearon({0.1, 0.05, 0.4})).p_war;
  for (double p = 0.1; p <= 0.8; p += 0.1) {
    EXPECT_NEAR(Solved(SolveFearon({p, 0.05, 0.4})).p_war, reference, 1e-12) << p;
  }
}

TEST(Fearon, WarFallsWithTheAttackersCostAndRisesWithUncertainty) {
  double previous = 1.0;
  for (double cost = 0.0; cost < 0.4; cost += 0.05) {
    const double p_war = Solved(SolveFearon({0.3, cost, 0.4})).p_war;
    EXPECT_LT(p_war, previous);
    previous = p_war;
  }
  previous = -1.0;
  for (double c_bar = 0.15; c_bar < 0.6; c_bar += 0.05) {
    const double p_war = Solved(SolveFearon({0.3, 0.1, c_bar})).p_war;
    EXPECT_GT(p_war, previous);
    previous = p_war;
  }
}

TEST(Fearon, DemandsAreClippedToTheGood) {
  const auto clipped = Solved(SolveFearon({0.9, 0.0, 0.6}));
  EXPECT_NEAR(clipped.demand, 1.0, 1e-12);
  EXPECT_NEAR(clipped.p_war, (1.0 - 0.9) / 0.6, 1e-12);
  EXPECT_NE(Rejected(SolveFearon({1.2, 0.1, 0.3})).find("0 ≤ p ≤ 1"), std::string::npos);
  EXPECT_NE(Rejected(SolveFearon({0.5, -0.1, 0.3})).find("cA ≥ 0"), std::string::npos);
  EXPECT_NE(Rejected(SolveFearon({0.5, 0.1, 0.0})).find("c̄ > 0"), std::string::npos);
}

TEST(Credibility, IsOneMinusTheValueDistributionAtTheThreshold) {
  const auto normal = Solved(SolveCredibility({ValueDistribution::Normal, 0.2, 0.5, 0.7, 0.1, 0.0}));
  EXPECT_NEAR(normal.threshold_value, 0.6, 1e-12);
  EXPECT_NEAR(normal.credibility, 0.5 * std::erfc((0.6 - 0.2) / (0.5 * std::sqrt(2.0))), 1e-12);
  const auto uniform = Solved(SolveCredibility({ValueDistribution::Uniform, 0.0, 2.0, 1.5, 0.5, 0.0}));
  EXPECT_NEAR(uniform.credibility, 0.5, 1e-12);  // acts iff v ≥ 1 on U[0, 2]
}

TEST(Credibility, TyingHandsAndForcesInPlaceRaiseIt) {
  double previous = -1.0;
  for (double reneging = 0.0; reneging <= 1.0; reneging += 0.1) {
    const double credibility = Solved(SolveCredibility({ValueDistribution::Normal, 0.0, 1.0, 0.5, reneging, 0.0})).credibility;
    EXPECT_GT(credibility, previous);
    previous = credibility;
  }
  const double without = Solved(SolveCredibility({ValueDistribution::Normal, 0.0, 1.0, 0.5, 0.2, 0.0})).credibility;
  const double with = Solved(SolveCredibility({ValueDistribution::Normal, 0.0, 1.0, 0.5, 0.2, 0.3})).credibility;
  EXPECT_GT(with, without);
  EXPECT_NE(Rejected(SolveCredibility({ValueDistribution::Normal, 0.0, -1.0, 0.5, 0.0, 0.0})).find("sd > 0"), std::string::npos);
  EXPECT_NE(Rejected(SolveCredibility({ValueDistribution::Uniform, 1.0, 1.0, 0.5, 0.0, 0.0})).find("lower < upper"), std::string::npos);
}

}  // namespace
}  // namespace casus
