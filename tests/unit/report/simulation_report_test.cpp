// The simulation's report and JSON name the parameters they ran with (enough to rerun them).
#include "casus/report/simulation.hpp"
#include "casus/report/svg_chart.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace casus {
namespace {

GuaranteeScenario Scenario() {
  GuaranteeScenario scenario;
  scenario.id = std::string{"s"};  // (assigning a literal trips GCC 12's -Wrestrict false positive)
  scenario.challenger = "RUS";
  scenario.beneficiary = "UKR";
  scenario.parameters = DefaultGameParameters();
  scenario.parameters.reneging_cost = 0.9;
  scenario.parameters.reneging_cost_sd = 0.1;
  scenario.parameters.no_deadline_factor = 0.75;
  return scenario;
}

DesignOutcome Outcome() {
  DesignOutcome outcome;
  outcome.id = std::string{"d"};
  outcome.p_attack = 0.5;
  outcome.response_mix = {{"armed-force", 0.25}, {"diplomatic", 0.5}};
  outcome.response_mix_se = {{"armed-force", 0.0125}};  // none for diplomatic: shown without
  return outcome;
}

TEST(SimulationReport, HtmlListsEveryParameterWithItsValue) {
  const std::string html = RenderSimulationHtml(Scenario(), {Outcome()}, SimulationOptions{100, 1, 1});
  EXPECT_NE(html.find("<tr><td>reneging_cost</td><td>N(0.9, 0.1)</td><td>default</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("<tr><td>no_deadline_factor</td><td>0.75</td><td>default</td></tr>"), std::string::npos);
  EXPECT_NE(html.find("armed-force 0.25 ± 0.013; diplomatic 0.50</td>"), std::string::npos);
  for (const char* name : {"challenger_gain", "challenger_war_cost", "challenger_type_sd", "guarantor_value", "common_shock_sd",
                           "noise_sd", "forces_bonus", "deadline_scale_days", "short_exit_factor", "cost", "effectiveness"}) {
    EXPECT_NE(html.find(fmt::format("<tr><td>{}</td>", name)), std::string::npos) << name;
  }
}

TEST(SimulationReport, JsonCarriesTheParameters) {
  const nlohmann::json json = SimulationToJson(Scenario(), {Outcome()}, SimulationOptions{100, 1, 1}, 1);
  EXPECT_EQ(json["parameters"]["reneging_cost"]["mean"], 0.9);
  EXPECT_EQ(json["parameters"]["reneging_cost"]["sd"], 0.1);
  EXPECT_EQ(json["parameters"]["cost"]["armed-force"], 1.0);
  EXPECT_EQ(json["designs"][0]["p_attack"], 0.5);
}

TEST(SimulationReport, EveryParameterNamesItsSource) {
  GuaranteeScenario scenario = Scenario();
  scenario.parameter_sources["reneging_cost"] = "backtest: fit.toml";
  scenario.parameter_sources["noise_sd"] = "scenario";
  const nlohmann::json json = SimulationToJson(scenario, {Outcome()}, SimulationOptions{100, 1, 1}, 1);
  ASSERT_EQ(json["parameter_sources"].size(), json["parameters"].size());  // one source per parameter
  EXPECT_EQ(json["parameter_sources"]["reneging_cost"], "backtest: fit.toml");
  EXPECT_EQ(json["parameter_sources"]["noise_sd"], "scenario");
  EXPECT_EQ(json["parameter_sources"]["forces_bonus"], "default");
  const std::string html = RenderSimulationHtml(scenario, {Outcome()}, SimulationOptions{100, 1, 1});
  EXPECT_NE(html.find("<td>backtest: fit.toml</td>"), std::string::npos);
}

ParetoPoint SweepPoint(int64_t run, std::string design, double deterrence, double cost, bool front, std::string point) {
  ParetoPoint out;
  out.run = run;
  out.design = std::move(design);
  out.deterrence = deterrence;
  out.guarantor_cost = cost;
  out.on_front = front;
  out.point = std::move(point);
  out.deterrence_se = 0.005;
  out.guarantor_cost_se = 0.01;
  return out;
}

TEST(SweepReport, ListsEachPointWithItsSettingsMostDeterrentFirst) {
  const std::vector<ParetoPoint> points = {SweepPoint(0, "d", 0.25, 0.1, true, R"({"design":"d","decision_rule":"single","forces":"none"})"),
                                           SweepPoint(1, "d", 0.75, 0.4, true, R"({"design":"d","decision_rule":"each-party","forces":"USA"})")};
  const std::string html = RenderSweepHtml("s", points);
  const size_t first = html.find("<tr><td>1</td><td>d</td><td>decision_rule each-party; forces USA</td><td>0.750 ± 0.010</td><td>0.400 ± 0.020</td><td>yes</td></tr>");
  const size_t second = html.find("<tr><td>0</td><td>d</td><td>decision_rule single; forces none</td><td>0.250 ± 0.010</td>");
  ASSERT_NE(first, std::string::npos) << html;
  ASSERT_NE(second, std::string::npos);
  EXPECT_LT(first, second);
}

TEST(SweepReport, ColoursByDesignWithALegendAndDrawsTiesOnce) {
  const std::vector<ParetoPoint> points = {SweepPoint(0, "alpha", 0.6, 0.5, true, R"({"design":"alpha","noise_sd":"0.5"})"),
                                           SweepPoint(1, "alpha", 0.6, 0.5, true, R"({"design":"alpha","noise_sd":"1"})"),
                                           SweepPoint(2, "beta", 0.4, 0.9, false, R"({"design":"beta","noise_sd":"0.5"})")};
  const std::string html = RenderSweepHtml("s", points);
  // Two distinct points drawn (plus the legend's markers: two designs, filled and hollow).
  size_t circles = 0;
  for (size_t at = html.find("<circle"); at != std::string::npos; at = html.find("<circle", at + 1)) ++circles;
  EXPECT_EQ(circles, 2u + 2u + 2u);
  EXPECT_NE(html.find("3 points, 2 distinct"), std::string::npos);
  EXPECT_NE(html.find(">run 0 (+1 tied)</text>"), std::string::npos);  // the front point's label, readable without hover
  EXPECT_NE(html.find("<td>0, 1</td><td>alpha</td><td>run 0: noise_sd 0.5<br>run 1: noise_sd 1</td>"), std::string::npos);
  // The legend names each design in its colour; the points use the same colours.
  EXPECT_NE(html.find(fmt::format("fill=\"{}\"/><text x=", SeriesColour(0))), std::string::npos);
  EXPECT_NE(html.find(">alpha</text>"), std::string::npos);
  EXPECT_NE(html.find(">beta</text>"), std::string::npos);
  EXPECT_NE(html.find(fmt::format("stroke=\"{}\" stroke-width=\"1.5\"", SeriesColour(1))), std::string::npos);  // beta's hollow point
  EXPECT_NE(html.find("Monte Carlo error"), std::string::npos);  // the rule, in words
}

}  // namespace
}  // namespace casus
