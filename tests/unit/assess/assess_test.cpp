// casus assess: the design → position mapping on the shipped designs, the directions of the
// acceptance rule, reproducibility across thread counts, the three-way frontier, scale files.
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/assess/assessment.hpp"
#include "casus/bargain/ktab_csv.hpp"
#include "casus/bargain/scales.hpp"
#include "casus/sim/sweep.hpp"

namespace casus {
namespace {

const std::filesystem::path kHome = CASUS_TEST_HOME;

const LoadedScenario& Scenario() {
  static const LoadedScenario loaded = [] {
    Diagnostics diagnostics;
    auto scenario = LoadCalibratedScenario(kHome / "scenarios/ukraine-guarantees.toml", kHome, testing::Parties(), diagnostics);
    EXPECT_TRUE(scenario.has_value());
    return *scenario;
  }();
  return loaded;
}

const SmpScenario& Settlement() {
  static const SmpScenario settlement = [] {
    Diagnostics diagnostics;
    auto csv = ReadKtabCsv(kHome / "scenarios/ukraine-settlement.csv", diagnostics);
    EXPECT_TRUE(csv.has_value());
    return *csv;
  }();
  return settlement;
}

const SettlementScales& Scales() {
  static const SettlementScales scales = [] {
    Diagnostics diagnostics;
    auto read = ReadScaleFile(DefaultScalesPath(kHome / "scenarios/ukraine-settlement.csv"), Settlement(), testing::Parties(), diagnostics);
    for (const auto& diagnostic : diagnostics.All()) ADD_FAILURE() << FormatDiagnostic(diagnostic);
    EXPECT_TRUE(read.has_value());
    return *read;
  }();
  return scales;
}

const SettlementForecasts& Forecasts() {
  static const SettlementForecasts forecasts = ForecastSettlement(Settlement(), PerturbationOptions{5.0, 60, 7, 0});
  return forecasts;
}

DesignPosition Position(double guarantee, double forces, std::vector<std::string> guarantors = {"USA"}) {
  return DesignPosition{"test", {{DesignAxis::GuaranteeStrength, guarantee, ""}, {DesignAxis::ForeignForces, forces, ""}}, std::move(guarantors)};
}

double Accept(const DesignAcceptance& acceptance, const std::string& code) {
  for (const auto& actor : acceptance.actors) {
    if (actor.code == code) return actor.probability;
  }
  ADD_FAILURE() << "no actor " << code;
  return -1.0;
}

DesignAcceptance AcceptanceOf(const DesignPosition& position) {
  return casus::AcceptanceOf(position, "RUS", "UKR", Settlement(), Scales(), Forecasts(), testing::Parties());
}

const DesignPosition& Shipped(const std::string& id) {
  static const std::vector<DesignPosition> positions = PositionDesigns(Scenario(), testing::Parties());
  for (const auto& position : positions) {
    if (position.design == id) return position;
  }
  ADD_FAILURE() << "no design " << id;
  return positions.front();
}

TEST(DesignPosition, TheShippedDesignsSitWhereTheNotesAnchorsSay) {
  // NATO membership is collective defence in a pact Ukraine joins (the top band, (75, 100]; below
  // 100 since Art. 11's constitutional processes qualify Art. 5); the 2024 bilaterals commit to
  // political assistance as well as consultation (25, 50] (issue 13's correction); the Aug 2025
  // proposal is a political "Article 5-like" commitment (25, 50]; the Nov 2025 draft a legally
  // binding duty with armed force (50, 75].
  EXPECT_GT(Shipped("nato-membership").On(DesignAxis::GuaranteeStrength), 75.0);
  EXPECT_LE(Shipped("nato-membership").On(DesignAxis::GuaranteeStrength), 100.0);
  EXPECT_GT(Shipped("bilaterals-2024").On(DesignAxis::GuaranteeStrength), 25.0);
  EXPECT_LE(Shipped("bilaterals-2024").On(DesignAxis::GuaranteeStrength), 50.0);
  EXPECT_GT(Shipped("us-proposal-2025-08").On(DesignAxis::GuaranteeStrength), 25.0);
  EXPECT_LE(Shipped("us-proposal-2025-08").On(DesignAxis::GuaranteeStrength), 50.0);
  EXPECT_GT(Shipped("us-draft-2025-11").On(DesignAxis::GuaranteeStrength), 50.0);
  EXPECT_LE(Shipped("us-draft-2025-11").On(DesignAxis::GuaranteeStrength), 75.0);
}

TEST(DesignPosition, ForcesComeFromForcesClausesInTheBeneficiary) {
  EXPECT_DOUBLE_EQ(Shipped("paris-2026-mnf").On(DesignAxis::ForeignForces), 75.0);  // FRA and GBR on the ground
  EXPECT_DOUBLE_EQ(Shipped("nato-membership").On(DesignAxis::ForeignForces), 0.0);
  EXPECT_DOUBLE_EQ(Shipped("snapback-sanctions").On(DesignAxis::ForeignForces), 0.0);
  const auto& paris = Shipped("paris-2026-mnf").guarantors;
  EXPECT_NE(std::find(paris.begin(), paris.end(), "FRA"), paris.end());
  EXPECT_NE(std::find(paris.begin(), paris.end(), "GBR"), paris.end());
}

TEST(Acceptance, ADesignCloserToRussiasPositionIsMoreAcceptableToRussia) {
  // Russia wants 10 on guarantee strength: NATO membership (100) is far from it.
  const double near = Accept(AcceptanceOf(Position(15.0, 0.0)), "RUS");
  const double far = Accept(AcceptanceOf(Position(100.0, 0.0)), "RUS");
  EXPECT_GT(near, far);
  EXPECT_GT(near, 0.5);
  EXPECT_LT(far, 0.5);
  double previous = 1.0;  // never more acceptable as the guarantee moves away from Russia's position
  for (double guarantee = 10.0; guarantee <= 100.0; guarantee += 10.0) {
    const double p = Accept(AcceptanceOf(Position(guarantee, 0.0)), "RUS");
    EXPECT_LE(p, previous) << guarantee;
    previous = p;
  }
}

TEST(Acceptance, ForeignForcesAreLessAcceptableToRussiaAndMoreToUkraine) {
  const DesignAcceptance without = AcceptanceOf(Position(30.0, 0.0));
  const DesignAcceptance with = AcceptanceOf(Position(30.0, 75.0));
  EXPECT_LT(Accept(with, "RUS"), Accept(without, "RUS"));
  EXPECT_GT(Accept(with, "UKR"), Accept(without, "UKR"));
  // And on the shipped designs' own terms: more forces, less acceptable to Russia at every guarantee strength.
  for (const double guarantee : {20.0, 40.0, 60.0}) {
    EXPECT_GE(Accept(AcceptanceOf(Position(guarantee, 25.0)), "RUS"), Accept(AcceptanceOf(Position(guarantee, 75.0)), "RUS"));
    EXPECT_LE(Accept(AcceptanceOf(Position(guarantee, 25.0)), "UKR"), Accept(AcceptanceOf(Position(guarantee, 75.0)), "UKR"));
  }
}

TEST(Acceptance, AStrongerGuaranteeIsMoreAcceptableToUkraine) {
  EXPECT_GT(Accept(AcceptanceOf(Position(90.0, 10.0)), "UKR"), Accept(AcceptanceOf(Position(15.0, 10.0)), "UKR"));
}

TEST(Acceptance, AllAcceptIsNoMoreThanAnyOne) {
  for (const double guarantee : {10.0, 30.0, 50.0, 90.0}) {
    const DesignAcceptance acceptance = AcceptanceOf(Position(guarantee, 20.0, {"USA", "FRA", "NLD"}));
    for (const auto& actor : acceptance.actors) EXPECT_LE(acceptance.p_all, actor.probability);
    // The Netherlands has no actor of its own: the EU actor stands for it.
    const auto eu = std::find_if(acceptance.actors.begin(), acceptance.actors.end(), [](const ActorAcceptance& actor) { return actor.code == "EU"; });
    ASSERT_NE(eu, acceptance.actors.end());
    EXPECT_EQ(eu->stands_for, std::vector<std::string>{"NLD"});
  }
}

TEST(Acceptance, PartiesWithoutAnActorAreListedNotCounted) {
  const DesignAcceptance acceptance = AcceptanceOf(Position(30.0, 0.0, {"CAN", "USA"}));
  EXPECT_EQ(acceptance.not_modelled, std::vector<std::string>{"CAN"});
  EXPECT_EQ(acceptance.actors.size(), 3u);  // RUS, UKR, USA
}

TEST(Acceptance, SameBitsForAnyNumberOfThreads) {
  const auto one = ForecastSettlement(Settlement(), PerturbationOptions{5.0, 24, 11, 1});
  const auto two = ForecastSettlement(Settlement(), PerturbationOptions{5.0, 24, 11, 2});
  const DesignPosition position = Position(45.0, 30.0, {"USA", "GBR"});
  const auto a = casus::AcceptanceOf(position, "RUS", "UKR", Settlement(), Scales(), one, testing::Parties());
  const auto b = casus::AcceptanceOf(position, "RUS", "UKR", Settlement(), Scales(), two, testing::Parties());
  ASSERT_EQ(a.actors.size(), b.actors.size());
  for (size_t idx = 0; idx < a.actors.size(); ++idx) EXPECT_EQ(a.actors[idx].probability, b.actors[idx].probability);
  EXPECT_EQ(a.p_all, b.p_all);
  for (size_t draw = 0; draw < one.draws.size(); ++draw) {
    EXPECT_EQ(one.draws[draw].forecast.weighted_mean, two.draws[draw].forecast.weighted_mean);
  }
}

DesignAssessment Point(double p_attack, double cost, double p_all, double se = 0.01) {
  DesignAssessment design;
  design.outcome.p_attack = p_attack;
  design.outcome.p_attack_se = se;
  design.outcome.total_guarantor_cost = cost;
  design.outcome.total_guarantor_cost_se = se;
  design.acceptance.p_all = p_all;
  design.acceptance.p_all_se = se;
  return design;
}

TEST(Frontier, ADesignBeatenOnOneObjectiveAndTiedOnTheOthersIsOff) {
  const auto frontier = ThreeWayFrontier({Point(0.2, 1.0, 0.5), Point(0.5, 1.0, 0.5), Point(0.9, 0.1, 0.0), Point(0.2, 1.0, 0.505)});
  EXPECT_TRUE(frontier[0]);
  EXPECT_FALSE(frontier[1]);  // deters less, same cost and acceptability
  EXPECT_TRUE(frontier[2]);   // cheapest
  EXPECT_TRUE(frontier[3]);   // within error of design 0 on everything
}

TEST(Frontier, ATradeOffKeepsBoth) {
  const auto frontier = ThreeWayFrontier({Point(0.1, 2.0, 0.0), Point(0.8, 0.5, 0.9)});
  EXPECT_TRUE(frontier[0]);
  EXPECT_TRUE(frontier[1]);
}

TEST(Scales, DescribePutsAValueInWords) {
  EXPECT_EQ(Scales().Describe(0, 100.0), "100.0 (NATO membership)");
  EXPECT_EQ(Scales().Describe(0, 30.0), "30.0 (between consultations (2024 bilaterals) and \"Article 5-like\" political commitment (Aug 2025 proposal))");
  EXPECT_EQ(Scales().DimensionOf(DesignAxis::ForeignForces), 3);
}

}  // namespace
}  // namespace casus

namespace casus {
namespace {

TEST(Sweep, AcceptabilityIsAThirdObjective) {
  Diagnostics diagnostics;
  const auto spec = LoadSweepFile(kHome / "scenarios/signable-levers.sweep.toml", testing::Parties(), diagnostics);
  for (const auto& diagnostic : diagnostics.All()) ADD_FAILURE() << FormatDiagnostic(diagnostic);
  ASSERT_TRUE(spec.has_value());
  ASSERT_TRUE(spec->settlement.has_value());
  SweepSpec small = *spec;
  small.draws = 500;
  small.settlement->draws = 30;
  const auto database = std::filesystem::temp_directory_path() / fmt::format("casus-signable-{}.db", ::getpid());
  std::filesystem::remove(database);
  RunSweep(small, Scenario(), testing::Parties(), database, false, 1);
  const auto points = ReadParetoPoints(database);
  std::filesystem::remove(database);
  ASSERT_EQ(points.size(), 9u);
  for (const auto& point : points) {
    EXPECT_GE(point.acceptability, 0.0);
    EXPECT_LE(point.acceptability, 1.0);
  }
  // The three-way front keeps the most acceptable point, or one as acceptable within error that
  // beats it beyond error elsewhere (the rule of MarkParetoFront), even if it deters less.
  const auto best = std::max_element(points.begin(), points.end(), [](const ParetoPoint& a, const ParetoPoint& b) {
    return std::tie(a.acceptability, a.deterrence) < std::tie(b.acceptability, b.deterrence);
  });
  EXPECT_TRUE(std::any_of(points.begin(), points.end(), [&](const ParetoPoint& point) {
    return point.on_front && point.acceptability >= best->acceptability - 1.96 * std::hypot(point.acceptability_se, best->acceptability_se);
  }));
  // Forces on the ground never make the draft more acceptable to all than no forces, duty for duty.
  auto acceptability = [&](const std::string& forces, const std::string& duty) {
    for (const auto& point : points) {
      if (point.point.find(fmt::format("\"forces\":\"{}\"", forces)) != std::string::npos &&
          point.point.find(fmt::format("\"duty_strength\":\"{}\"", duty)) != std::string::npos) {
        return point.acceptability;
      }
    }
    ADD_FAILURE() << forces << " " << duty;
    return -1.0;
  };
  for (const std::string duty : {"consult", "act", "assist"}) EXPECT_LE(acceptability("FRA,GBR", duty), acceptability("none", duty)) << duty;
}

}  // namespace
}  // namespace casus

namespace casus {
namespace {

TEST(Sensitivity, EveryInputIsMovedAndTheMostInfluentialComeFirst) {
  const auto sensitivity = AcceptanceSensitivity(Scenario(), testing::Parties(), Settlement(), Scales(), PerturbationOptions{5.0, 6, 3, 0});
  // The no-agreement point on each dimension, then each actor's position and salience per dimension and its capability.
  const size_t actors = Settlement().actors.size();
  const size_t dimensions = Settlement().dimensions.size();
  EXPECT_EQ(sensitivity.size(), dimensions + actors * (2 * dimensions + 1));
  for (size_t idx = 1; idx < sensitivity.size(); ++idx) {
    EXPECT_GE(sensitivity[idx - 1].mean_abs_change_actor, sensitivity[idx].mean_abs_change_actor);
  }
  EXPECT_GT(sensitivity.front().mean_abs_change_actor, 0.0);
  EXPECT_GE(sensitivity.front().max_abs_change_actor, sensitivity.front().mean_abs_change_actor);
}

}  // namespace
}  // namespace casus

#include "casus/report/assessment.hpp"

namespace casus {
namespace {

TEST(AssessReport, JsonHasTheIssuesShapeAndTheChartOneMarkerPerDesign) {
  const Assessment assessment = AssessScenario(Scenario(), testing::Parties(), Settlement(), Scales(), SimulationOptions{1000, 3, 0},
                                               PerturbationOptions{5.0, 20, 3, 0});
  ASSERT_EQ(assessment.designs.size(), Scenario().scenario.designs.size());
  const nlohmann::json json = AssessmentToJson(assessment, Scales());
  for (const auto& design : json["designs"]) {
    for (const char* key : {"id", "p_attack", "guarantor_cost", "acceptance", "p_all_accept", "on_frontier", "summary"}) {
      EXPECT_TRUE(design.contains(key)) << key;
    }
    EXPECT_TRUE(design["acceptance"].contains("RUS"));
    EXPECT_TRUE(design["acceptance"].contains("UKR"));
    EXPECT_TRUE(design["on_frontier"].is_boolean());
  }
  const std::string html = RenderAssessmentHtml(assessment, Scales());
  for (const auto& design : assessment.designs) {
    EXPECT_NE(html.find(fmt::format("<title>{}: deterrence", design.outcome.id)), std::string::npos) << design.outcome.id;
    EXPECT_NE(html.find(fmt::format("<li>{} ", design.outcome.id)), std::string::npos) << design.outcome.id;
  }
  size_t on_frontier = 0;
  for (const auto& design : assessment.designs) on_frontier += design.on_frontier ? 1 : 0;
  EXPECT_GE(on_frontier, 1u);  // some design is never dominated
  const std::string csv = AssessmentToCsv(assessment, Scales());
  EXPECT_EQ(static_cast<size_t>(std::count(csv.begin(), csv.end(), '\n')), assessment.designs.size() + 1);
}

}  // namespace
}  // namespace casus
