// The backtest: IRLS logit/probit against known coefficients on data generated here, the
// clustered and multiway sandwiches against brute force, the scores against hand-computed cases,
// the structural game fit on synthetic data, and the frame built from the shipped data.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/games/scenario.hpp"
#include "casus/history/backtest.hpp"
#include "casus/history/backtest_report.hpp"
#include "casus/history/frame.hpp"
#include "casus/history/game_bridge.hpp"
#include "casus/history/glm.hpp"

#include <toml++/toml.h>

namespace casus {
namespace {

const std::filesystem::path kData = std::filesystem::path(CASUS_TEST_HOME) / "data";

struct Synthetic {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};

// y ~ Bernoulli(F(Xβ)) with an intercept, a normal and a binary regressor.
Synthetic Generate(Link link, const Eigen::Vector3d& beta, Eigen::Index n, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::normal_distribution<double> normal;
  std::bernoulli_distribution coin(0.3);
  std::uniform_real_distribution<double> uniform;
  Synthetic data{Eigen::MatrixXd(n, 3), Eigen::VectorXd(n)};
  for (Eigen::Index i = 0; i < n; ++i) {
    data.x(i, 0) = 1.0;
    data.x(i, 1) = normal(engine);
    data.x(i, 2) = coin(engine) ? 1.0 : 0.0;
    data.y(i) = uniform(engine) < LinkProbability(link, data.x.row(i).dot(beta)) ? 1.0 : 0.0;
  }
  return data;
}

TEST(Glm, LogitAndProbitRecoverKnownCoefficients) {
  const Eigen::Vector3d beta(-2.0, 0.6, -0.8);
  for (const Link link : {Link::Logit, Link::Probit}) {
    const Synthetic data = Generate(link, beta, 200000, link == Link::Logit ? 11 : 12);
    const GlmFit fit = FitGlm(data.x, data.y, link);
    ASSERT_TRUE(fit.converged);
    for (Eigen::Index term = 0; term < 3; ++term) {
      const double se = std::sqrt(fit.covariance(term, term));
      EXPECT_LT(std::abs(fit.beta(term) - beta(term)), 4.0 * se) << "term " << term << (link == Link::Logit ? " logit" : " probit");
      EXPECT_LT(se, 0.05);
    }
  }
}

TEST(Glm, ModelStandardErrorsMatchTheSpreadAcrossSamples) {
  // 40 samples of 5,000: the standard deviation of the estimates is close to the reported s.e.
  const Eigen::Vector3d beta(-1.0, 0.5, 0.5);
  std::vector<double> slopes;
  double reported = 0.0;
  for (unsigned sample = 0; sample < 40; ++sample) {
    const Synthetic data = Generate(Link::Logit, beta, 5000, 100 + sample);
    const GlmFit fit = FitGlm(data.x, data.y, Link::Logit);
    slopes.push_back(fit.beta(1));
    reported += std::sqrt(fit.covariance(1, 1)) / 40.0;
  }
  double mean = 0.0, variance = 0.0;
  for (const double slope : slopes) mean += slope / 40.0;
  for (const double slope : slopes) variance += (slope - mean) * (slope - mean) / 39.0;
  EXPECT_NEAR(std::sqrt(variance) / reported, 1.0, 0.3);
}

TEST(Glm, DyadicMeatEqualsTheBruteForceSumOverPairsSharingAState) {
  std::mt19937_64 engine(7);
  std::uniform_int_distribution<int> state(1, 12);
  const Eigen::Index n = 300;
  std::vector<int32_t> a(static_cast<size_t>(n)), b(static_cast<size_t>(n));
  for (size_t i = 0; i < a.size(); ++i) {
    a[i] = state(engine);
    do b[i] = state(engine); while (b[i] == a[i]);
  }
  const Synthetic data = Generate(Link::Logit, Eigen::Vector3d(-1.0, 0.5, 0.5), n, 8);
  const GlmFit fit = FitGlm(data.x, data.y, Link::Logit);
  const Eigen::MatrixXd scores = ObservationScores(data.x, data.y, fit);
  const Eigen::MatrixXd brute = DyadicMeatBruteForce(scores, a, b);
  size_t states = 0;
  const Eigen::MatrixXd meat = DyadicMeat(scores, a, b, &states);
  EXPECT_EQ(states, 12u);
  EXPECT_LT((meat - brute).cwiseAbs().maxCoeff(), 1e-9 * brute.cwiseAbs().maxCoeff());
  // The covariance is the sandwich of that meat (after clipping any negative eigenvalue).
  bool clipped = false;
  const Eigen::MatrixXd covariance = DyadicCovariance(fit, scores, a, b, &clipped);
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(meat);
  const Eigen::MatrixXd psd = eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0.0).asDiagonal() * eigen.eigenvectors().transpose();
  EXPECT_EQ(clipped, eigen.eigenvalues().minCoeff() < 0.0);
  EXPECT_LT((covariance - 12.0 / 11.0 * fit.covariance * psd * fit.covariance).cwiseAbs().maxCoeff(), 1e-12);
  // The dyad-clustered meat: pairs of observations in the same undirected dyad.
  std::vector<int64_t> dyads;
  for (size_t i = 0; i < a.size(); ++i) dyads.push_back(std::min(a[i], b[i]) * 1000 + std::max(a[i], b[i]));
  Eigen::MatrixXd same_dyad = Eigen::MatrixXd::Zero(3, 3);
  for (size_t i = 0; i < a.size(); ++i) {
    for (size_t j = 0; j < a.size(); ++j) {
      if (dyads[i] == dyads[j]) same_dyad += scores.row(static_cast<Eigen::Index>(i)).transpose() * scores.row(static_cast<Eigen::Index>(j));
    }
  }
  EXPECT_LT((ClusterMeat(scores, dyads) - same_dyad).cwiseAbs().maxCoeff(), 1e-9 * same_dyad.cwiseAbs().maxCoeff());
}

TEST(Scores, AucLogLossBrierAndDecilesOnAHandComputedCase) {
  const std::vector<double> y = {0, 0, 1, 1};
  const std::vector<double> p = {0.1, 0.4, 0.35, 0.8};
  const ModelScore score = ScorePredictions(y, p);
  EXPECT_DOUBLE_EQ(score.auc, 0.75);  // of the 4 (positive, negative) pairs, 3 are ordered right
  EXPECT_NEAR(score.log_loss, -(std::log(0.9) + std::log(0.6) + std::log(0.35) + std::log(0.8)) / 4.0, 1e-12);
  EXPECT_NEAR(score.brier, (0.01 + 0.16 + 0.4225 + 0.04) / 4.0, 1e-12);
  EXPECT_EQ(score.deciles.size(), 10u);
  EXPECT_DOUBLE_EQ(ScorePredictions({0, 1, 0, 1}, {0.5, 0.5, 0.5, 0.5}).auc, 0.5);  // ties count a half
  EXPECT_EQ(ScorePredictions(y, p).roc.back(), (std::pair<double, double>(1.0, 1.0)));
}

TEST(YearSpans, ParseAndRejectMalformedSpans) {
  EXPECT_EQ(ParseYearSpan("1816-1944").first, 1816);
  EXPECT_EQ(ParseYearSpan("1816-1944").last, 1944);
  EXPECT_THROW(ParseYearSpan("1944-1816"), std::invalid_argument);
  EXPECT_THROW(ParseYearSpan("1816"), std::invalid_argument);
  EXPECT_THROW(ParseYearSpan("1816-1944x"), std::invalid_argument);
}

// A synthetic frame whose initiations follow the structural model with known parameters.
DyadYearFrame SyntheticGameFrame(double lambda, double rho, size_t n, unsigned seed) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> uniform;
  std::normal_distribution<double> normal;
  DyadYearFrame frame;
  frame.first_year = 1900;
  frame.last_year = 1999;
  frame.ally_offset.push_back(0);
  const GameBridgeConstants& constants = BridgeConstants();
  for (size_t row = 0; row < n; ++row) {
    frame.year.push_back(static_cast<int16_t>(1900 + row % 100));
    frame.a.push_back(static_cast<int16_t>(2 + row % 37));
    frame.b.push_back(static_cast<int16_t>(100 + (row / 37) % 41));
    frame.ongoing.push_back(0);
    frame.contiguity.push_back(uniform(engine) < 0.2 ? 1 : 0);
    frame.distance_km.push_back(static_cast<float>(std::exp(6.0 + 2.0 * uniform(engine))));
    frame.capability_share.push_back(static_cast<float>(uniform(engine)));
    frame.major_a.push_back(uniform(engine) < 0.1 ? 1 : 0);
    frame.major_b.push_back(uniform(engine) < 0.1 ? 1 : 0);
    frame.joint_democracy.push_back(uniform(engine) < 0.2 ? 1 : 0);
    frame.joint_democracy_vdem.push_back(0);
    frame.peace_years.push_back(static_cast<int16_t>(uniform(engine) * 60));
    // Allies: none for half the rows, else 1–3 with commitments 0.2–1 and CINC 0.005–0.2.
    double loss = 0.0;
    if (uniform(engine) < 0.5) {
      const int count = 1 + static_cast<int>(uniform(engine) * 3);
      for (int ally = 0; ally < count; ++ally) {
        const TargetAlly defender{200 + ally, static_cast<float>(0.2 + 0.8 * uniform(engine)), static_cast<float>(0.005 + 0.195 * uniform(engine))};
        frame.allies.push_back(defender);
        loss += defender.cinc * constants.effectiveness_armed *
                0.5 * std::erfc(-((constants.value_mean - constants.cost_armed + rho * defender.commitment) / constants.scale) / std::sqrt(2.0));
      }
    }
    frame.ptargdef.push_back(frame.allies.size() > frame.ally_offset.back() ? 1 : 0);
    frame.ally_offset.push_back(static_cast<uint32_t>(frame.allies.size()));
    for (auto* column : {&frame.pchaldef, &frame.pchalally, &frame.pchaloff, &frame.pchalneu}) column->push_back(0);
    for (auto* column : {&frame.target_uncond_det, &frame.target_cond_det, &frame.target_prob_det, &frame.chal_uncond_comp, &frame.chal_cond_comp}) column->push_back(0);
    const size_t last = frame.year.size() - 1;
    const double index = -1.2 + 0.8 * frame.contiguity[last] - 0.15 * std::log1p(frame.distance_km[last]) + 0.3 * frame.capability_share[last] +
                         0.4 * frame.major_a[last] - 0.3 * frame.joint_democracy[last] - 0.5 * frame.peace_years[last] / 10.0 - lambda * loss;
    frame.initiation.push_back(uniform(engine) < 0.5 * std::erfc(-index / std::sqrt(2.0)) ? 1 : 0);
    (void)normal;
  }
  return frame;
}

TEST(Structural, RecoversTheGamesParametersFromSyntheticInitiations) {
  const double lambda = 3.0, rho = 2.0;
  const DyadYearFrame frame = SyntheticGameFrame(lambda, rho, 120000, 5);
  const auto rows = SelectRows(frame, {1900, 1999}, ControlTerms());
  ASSERT_EQ(rows.size(), 120000u);
  const StructuralFit fit = FitStructural(frame, rows);
  ASSERT_TRUE(fit.converged);
  EXPECT_LT(std::abs(fit.Lambda() - lambda), 4.0 * fit.Se(fit.terms.size() - 2)) << fit.Lambda();
  EXPECT_LT(std::abs(fit.Rho() - rho), 4.0 * fit.Se(fit.terms.size() - 1)) << fit.Rho();
  EXPECT_GT(fit.Lambda(), 0.0);
}

TEST(Structural, HoldsRhoOnItsBoundWhereTheLikelihoodRisesBeyondIt) {
  // Initiations generated with ρ = −1, below the fit's range [0, 10], and λ < 0 as on the shipped
  // frame: the maximum is on the bound, where the fit is the probit with ρ held at 0. A fit that
  // clamps an unconstrained Newton step there never converges (it ran to its 100th iteration).
  const DyadYearFrame frame = SyntheticGameFrame(-20.0, 0.0, 60000, 7);
  const auto rows = SelectRows(frame, {1900, 1999}, ControlTerms());
  const StructuralFit fit = FitStructural(frame, rows);
  ASSERT_TRUE(fit.converged) << fit.iterations << " rho " << fit.Rho() << " lambda " << fit.Lambda() << " ll " << fit.log_likelihood;
  EXPECT_LT(fit.iterations, 30);
  EXPECT_EQ(fit.Rho(), 0.0);
  EXPECT_TRUE(fit.rho_at_bound);
  const StructuralFit held = FitStructuralAtRho(frame, rows, 0.0);
  ASSERT_TRUE(held.converged);
  EXPECT_NEAR(fit.log_likelihood, held.log_likelihood, 1e-6 * std::abs(held.log_likelihood));
  for (Eigen::Index term = 0; term + 1 < fit.theta.size(); ++term) {
    EXPECT_NEAR(fit.theta(term), held.theta(term), 1e-3 * held.Se(static_cast<size_t>(term))) << fit.terms[static_cast<size_t>(term)];
  }
  // Warm-started from the fit itself, the held probit converges at once to the same maximum.
  const StructuralFit again = FitStructuralAtRho(frame, rows, 0.0, &held);
  EXPECT_LE(again.iterations, 2);
  EXPECT_NEAR(again.log_likelihood, held.log_likelihood, 1e-9 * std::abs(held.log_likelihood));
}

TEST(Structural, ProfilesRhoWhereTheJointFitDoesNotConvergeAndSaysItIsNotIdentified) {
  // Initiations generated with λ = 0: allies' expected loss does not move the probability, so ρ
  // (which enters only through λ·E[L](ρ)) is not identified and the joint fit wanders along the ridge.
  const DyadYearFrame frame = SyntheticGameFrame(0.0, 2.0, 60000, 23);
  const auto rows = SelectRows(frame, {1900, 1999}, ControlTerms());
  const StructuralFit fit = FitStructural(frame, rows);
  ASSERT_TRUE(fit.profiled) << "the joint fit converged: rho " << fit.Rho() << " lambda " << fit.Lambda();
  EXPECT_TRUE(fit.converged);
  EXPECT_EQ(fit.profile.joint_iterations, 100);
  // The profile's maximum is at least the joint fit's last point (it maximises over the same
  // parameters, ρ on a grid that is then refined).
  EXPECT_GE(fit.log_likelihood, fit.profile.joint_log_likelihood - 1e-6);
  EXPECT_TRUE(fit.profile.flat);
  EXPECT_EQ(fit.profile.low, 0.0);
  EXPECT_EQ(fit.profile.high, 10.0);
  const auto [lowest, highest] = std::minmax_element(fit.profile.log_likelihood.begin(), fit.profile.log_likelihood.end());
  EXPECT_LT(*highest - *lowest, kProfileDrop);
  EXPECT_DOUBLE_EQ(*highest, fit.log_likelihood);
  EXPECT_GE(fit.profile.rho.size(), 21u);
  EXPECT_EQ(fit.profile.rho.front(), 0.0);
  EXPECT_EQ(fit.profile.rho.back(), 10.0);
  EXPECT_EQ(fit.Se(fit.terms.size() - 1), 0.0);  // ρ's uncertainty is the interval, not a Wald s.e.
  // The reported fit is the probit with ρ held at the profile's ρ.
  const StructuralFit held = FitStructuralAtRho(frame, rows, fit.Rho());
  EXPECT_NEAR(held.log_likelihood, fit.log_likelihood, 1e-6 * std::abs(fit.log_likelihood));
}

TEST(Structural, TheProfileFindsTheJointFitsRhoWhereRhoIsIdentified) {
  // λ = 3, ρ = 2: E[L] moves the probability and its curvature in ρ identifies ρ. (Not every
  // sample's likelihood has one mode in ρ: with λ = 3, ρ = 2, 120,000 rows and seed 5 the joint fit
  // converges to a local maximum at ρ 0.56, log-likelihood −1,548.86, and the profile's maximum is at
  // ρ 2.74, −1,546.03; this sample's likelihood has one, where both agree.)
  const DyadYearFrame frame = SyntheticGameFrame(3.0, 2.0, 60000, 31);
  const auto rows = SelectRows(frame, {1900, 1999}, ControlTerms());
  const StructuralFit joint = FitStructural(frame, rows);
  ASSERT_TRUE(joint.converged);
  ASSERT_FALSE(joint.profiled);  // a fit that converges is returned as it is
  const StructuralFit profile = ProfileStructural(frame, rows);
  ASSERT_TRUE(profile.profiled);
  EXPECT_FALSE(profile.profile.flat);
  EXPECT_LT(std::abs(profile.Rho() - joint.Rho()), kProfileGridStep) << profile.Rho() << " vs " << joint.Rho();
  // The same maximum: the refined grid comes within a small fraction of a unit of log-likelihood.
  EXPECT_LE(profile.log_likelihood, joint.log_likelihood + 1e-6);
  EXPECT_GT(profile.log_likelihood, joint.log_likelihood - 0.01);
  // The profile interval covers the joint fit's ρ and lies strictly within [0, 10].
  EXPECT_LT(profile.profile.low, joint.Rho());
  EXPECT_GT(profile.profile.high, joint.Rho());
  EXPECT_GT(profile.profile.low, 0.0);
  EXPECT_LT(profile.profile.high, 10.0);
  // At its ends the profile is 1.92 below its maximum (bisected, then interpolated linearly).
  const StructuralFit at_low = FitStructuralAtRho(frame, rows, profile.profile.low);
  EXPECT_NEAR(at_low.log_likelihood, profile.log_likelihood - kProfileDrop, 0.02);
  const StructuralFit at_high = FitStructuralAtRho(frame, rows, profile.profile.high);
  EXPECT_NEAR(at_high.log_likelihood, profile.log_likelihood - kProfileDrop, 0.02);
}

void ExpectGroupedLossEqualsPerDefender(const DyadYearFrame& frame) {
  for (const double rho : {0.0, 0.8, 2.5, 9.0}) {
    std::vector<double> grouped, grouped_slope, direct, direct_slope;
    ExpectedLossColumn(frame, rho, grouped, &grouped_slope);
    ExpectedLossColumnPerDefender(frame, rho, direct, &direct_slope);
    ASSERT_EQ(grouped.size(), frame.Rows());
    ASSERT_EQ(direct.size(), frame.Rows());
    double worst = 0.0, worst_slope = 0.0;
    for (size_t row = 0; row < frame.Rows(); ++row) {
      worst = std::max(worst, std::abs(grouped[row] - direct[row]) / std::max(1e-300, std::abs(direct[row])));
      worst_slope = std::max(worst_slope, std::abs(grouped_slope[row] - direct_slope[row]) / std::max(1e-300, std::abs(direct_slope[row])));
      if (frame.ally_offset[row] == frame.ally_offset[row + 1]) {
        ASSERT_EQ(grouped[row], 0.0);
      }
    }
    EXPECT_LT(worst, 1e-12) << "rho " << rho;
    EXPECT_LT(worst_slope, 1e-12) << "rho " << rho;
  }
}

TEST(Structural, GroupedExpectedLossEqualsTheSumOverDefenders) {
  // Commitments drawn from a handful of values so that rows share groups, as ATOP's do.
  DyadYearFrame frame = SyntheticGameFrame(3.0, 2.0, 5000, 11);
  for (size_t ally = 0; ally < frame.allies.size(); ++ally) frame.allies[ally].commitment = static_cast<float>(0.2 + 0.1 * static_cast<double>(ally % 7));
  ExpectGroupedLossEqualsPerDefender(frame);
  std::vector<size_t> rows = {3, 1, 4, 1, 5};
  const GroupedLoss subset(frame, rows);
  EXPECT_EQ(subset.Rows(), rows.size());
  EXPECT_LE(subset.Groups(), 7u);
  std::vector<double> all, some;
  ExpectedLossColumn(frame, 1.5, all);
  subset.Evaluate(1.5, some);
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_DOUBLE_EQ(some[i], all[rows[i]]);
}

TEST(BacktestDocuments, JsonReportAndFittedFileFollowTheSchema) {
  // A small synthetic frame run through the whole pipeline: one split, the full fit, four models.
  DyadYearFrame frame = SyntheticGameFrame(3.0, 2.0, 30000, 17);
  for (size_t row = 0; row < frame.Rows(); ++row) {  // the logit's other alliance dummies must vary
    frame.pchaldef[row] = row % 5 == 0;
    frame.pchalally[row] = row % 7 == 0;
    frame.pchaloff[row] = row % 11 == 0;
    frame.pchalneu[row] = row % 13 == 0;
  }
  BacktestOptions options;
  options.splits = {{{1900, 1949}, {1950, 1999}}};
  options.draws = 20;
  options.honour_rate_reneging_cost = 0.9;
  const BacktestResult result = RunBacktest(frame, options);
  const nlohmann::json json = BacktestJson(result);
  EXPECT_EQ(json["frame"]["dyad_years"], 30000);
  EXPECT_EQ(json["honour_rate_reneging_cost"], 0.9);
  ASSERT_EQ(json["splits"].size(), 1u);
  const nlohmann::json& split = json["splits"][0];
  EXPECT_EQ(split["train"], "1900-1949");
  EXPECT_EQ(split["test"], "1950-1999");
  ASSERT_EQ(split["models"].size(), 4u);
  const std::vector<std::string> names = {"controls", "logit-jl2011", "game", "game-honour-rate"};
  for (size_t model = 0; model < names.size(); ++model) {
    const nlohmann::json& entry = split["models"][model];
    EXPECT_EQ(entry["model"], names[model]);
    EXPECT_GT(entry["auc"].get<double>(), 0.5) << names[model];  // the synthetic controls predict
    EXPECT_LE(entry["auc"].get<double>(), 1.0);
    EXPECT_GT(entry["log_loss"].get<double>(), 0.0);
    EXPECT_GT(entry["brier"].get<double>(), 0.0);
    EXPECT_EQ(entry["calibration_deciles"].size(), 10u);
    EXPECT_EQ(entry["defence_pact_relative_risk"].is_null(), model == 0) << names[model];
  }
  // The game generated with λ = 3 > 0: pacts deter, in the fitted game's relative risk.
  EXPECT_LT(split["models"][2]["defence_pact_relative_risk"].get<double>(), 1.0);
  EXPECT_TRUE(json.contains("game_fit"));
  // The fit on every year carries its profile over ρ as a check: the interval around the profile's
  // maximum, which is at least the joint fit's maximum less the refinement's resolution.
  const nlohmann::json& check = json["game_fit"]["profile_check"];
  ASSERT_TRUE(check.is_object());
  EXPECT_LE(check["interval95"][0].get<double>(), check["reneging_cost"].get<double>());
  EXPECT_GE(check["interval95"][1].get<double>(), check["reneging_cost"].get<double>());
  EXPECT_GT(check["log_likelihood"].get<double>(), json["game_fit"]["log_likelihood"].get<double>() - 0.01);
  EXPECT_GE(check["points"].size(), 21u);
  EXPECT_NE(BacktestText(result).find("Check: the profile likelihood over ρ varies by"), std::string::npos);
  EXPECT_NE(BacktestReportHtml(result).find("<p id=\"profile-check\">Check: the profile likelihood over ρ"), std::string::npos);
  EXPECT_TRUE(json.contains("logit_fit"));
  // The text table and the report carry every model; the report its plots and tables.
  const std::string text = BacktestText(result);
  const std::string html = BacktestReportHtml(result);
  for (const auto& name : names) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
    EXPECT_NE(html.find(name), std::string::npos) << name;
  }
  EXPECT_NE(html.find("<table id=\"scores\">"), std::string::npos);
  EXPECT_NE(html.find("<table id=\"game\">"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  // Every fit on the synthetic frame converges, and the outputs say so; a fit that stopped at its
  // iteration limit (the 1940s-out game fit on the shipped data) is flagged in all three.
  for (const auto& model : split["models"]) EXPECT_EQ(model["unconverged_fits"], nlohmann::json::array()) << model["model"];
  EXPECT_EQ(text.find("not converged"), std::string::npos);
  BacktestResult flagged = result;
  flagged.splits[0].models[2].unconverged_fits = {"all but 1940-1949"};
  EXPECT_EQ(BacktestJson(flagged)["splits"][0]["models"][2]["unconverged_fits"], nlohmann::json::array({"all but 1940-1949"}));
  EXPECT_NE(BacktestText(flagged).find("game: not converged on all but 1940-1949 (iteration limit)"), std::string::npos);
  EXPECT_NE(BacktestReportHtml(flagged).find("game (not converged on all but 1940-1949)"), std::string::npos);
  // A fit that took ρ from the profile likelihood: named with its profile interval in all three.
  for (const auto& model : split["models"]) EXPECT_EQ(model["profiled_fits"], nlohmann::json::array()) << model["model"];
  EXPECT_EQ(json["game_fit"]["profiled"], false);
  BacktestResult profiled = result;
  StructuralFit fit = result.full_fit;
  fit.profiled = true;
  fit.profile.low = 0.0;
  fit.profile.high = 10.0;
  fit.profile.flat = true;
  fit.profile.joint_iterations = 100;
  fit.profile.rho = {0.0, 10.0};
  fit.profile.log_likelihood = {-10.0, -10.5};
  fit.theta(static_cast<Eigen::Index>(fit.terms.size()) - 1) = 1.25;
  profiled.splits[0].models[2].profiled_fits = {{"all but 1940-1949", fit}};
  const nlohmann::json entry = BacktestJson(profiled)["splits"][0]["models"][2]["profiled_fits"];
  ASSERT_EQ(entry.size(), 1u);
  EXPECT_EQ(entry[0]["train"], "all but 1940-1949");
  EXPECT_EQ(entry[0]["reneging_cost"], 1.25);
  EXPECT_TRUE(entry[0]["reneging_cost_se"].is_null());
  EXPECT_EQ(entry[0]["profile"]["interval95"], nlohmann::json::array({0.0, 10.0}));
  EXPECT_EQ(entry[0]["profile"]["identified"], false);
  EXPECT_EQ(entry[0]["profile"]["joint_fit"]["iterations"], 100);
  EXPECT_EQ(entry[0]["profile"]["points"].size(), 2u);
  const std::string profiled_text = BacktestText(profiled);
  EXPECT_NE(profiled_text.find("† game, all but 1940-1949: ρ profiled (the joint fit: iteration 100,"), std::string::npos);
  EXPECT_NE(profiled_text.find("ρ = 1.250 [0.00, 10.00] (95 % profile interval; not identified)"), std::string::npos);
  // The profile's footnote lines stay within 120 columns (the table's other lines are not checked here).
  std::istringstream lines(profiled_text.substr(profiled_text.find("† game, all but")));
  for (std::string line; std::getline(lines, line) && line.find("observed") == std::string::npos;) {
    const auto columns = std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    EXPECT_LE(columns, 120) << line;
  }
  EXPECT_NE(BacktestReportHtml(profiled).find("game (ρ profiled on all but 1940-1949: ρ = 1.250 [0.00, 10.00] (95 % profile interval; not identified))"),
            std::string::npos);
  // The fitted-parameters file: TOML, every parameter with its s.e., the provenance.
  const std::string toml_text = FittedParametersToml(result, FitProvenance{"casus history backtest --write-params x.toml", "2026-12-02T00:00:00Z", "a \"note\""});
  const toml::table parsed = toml::parse(toml_text);
  EXPECT_NEAR(parsed["fitted"]["reneging_cost"].value<double>().value_or(-1.0), result.full_fit.Rho(), 1e-6);
  const toml::table* terms = parsed["fitted"]["terms"].as_table();
  ASSERT_NE(terms, nullptr);
  EXPECT_EQ(terms->size(), result.full_fit.terms.size());
  EXPECT_NEAR((*terms)["lambda"][1].value<double>().value_or(-1.0), result.full_fit.Se(result.full_fit.terms.size() - 2), 1e-6);
  EXPECT_EQ(parsed["provenance"]["note"].value<std::string>(), "a \"note\"");
  EXPECT_EQ(parsed["provenance"]["written"].value<std::string>(), "2026-12-02T00:00:00Z");
}

// The full frame, built once for the tests below (a few seconds).
const DyadYearFrame& Frame() {
  static const DyadYearFrame frame = BuildFrame(kData);
  return frame;
}

size_t FindRow(long year, long a, long b) {
  const DyadYearFrame& frame = Frame();
  for (size_t row = 0; row < frame.Rows(); ++row) {
    if (frame.year[row] == year && frame.a[row] == a && frame.b[row] == b) return row;
  }
  return frame.Rows();
}

TEST(Frame, RowAndInitiationCountsArePinned) {
  const DyadYearFrame& frame = Frame();
  // Σ over years of n(n − 1), n the COW system members that year, 1816–2014.
  EXPECT_EQ(frame.Rows(), 1836690u);
  EXPECT_EQ(frame.Initiations(), 2690u);
  EXPECT_EQ(frame.ally_offset.size(), frame.Rows() + 1);
  size_t usable = 0, usable_initiations = 0, ongoing = 0;
  for (size_t row = 0; row < frame.Rows(); ++row) {
    ongoing += frame.ongoing[row];
    if (frame.Usable(row)) {
      ++usable;
      usable_initiations += frame.initiation[row];
    }
    ASSERT_FALSE(frame.ongoing[row] && frame.initiation[row]) << "row " << row;
  }
  EXPECT_EQ(ongoing, 3304u);
  EXPECT_EQ(usable, 1472460u);
  EXPECT_EQ(usable_initiations, 2568u);
}

TEST(Frame, KnownDyadYears) {
  const DyadYearFrame& frame = Frame();
  // North Korea (731) against South Korea (732), June 1950: an initiation, land contiguity.
  const size_t korea = FindRow(1950, 731, 732);
  ASSERT_LT(korea, frame.Rows());
  EXPECT_EQ(frame.initiation[korea], 1);
  EXPECT_EQ(frame.contiguity[korea], 1);
  EXPECT_EQ(frame.initiation[FindRow(1950, 732, 731)], 0);  // the direction matters
  // Iraq (645) against Kuwait (690), 1990: an initiation; both in the Arab League (pchalally).
  const size_t kuwait = FindRow(1990, 645, 690);
  EXPECT_EQ(frame.initiation[kuwait], 1);
  EXPECT_EQ(frame.pchalally[kuwait], 1);
  // Washington to Ottawa by great circle ≈ 734 km; the USA a major power, Canada not.
  const size_t north_america = FindRow(1960, 2, 20);
  EXPECT_NEAR(frame.distance_km[north_america], 734.0, 2.0);
  EXPECT_EQ(frame.major_a[north_america], 1);
  EXPECT_EQ(frame.major_b[north_america], 0);
  EXPECT_EQ(frame.pchalally[north_america], 1);  // both in NATO
  EXPECT_EQ(frame.ptargdef[north_america], 0);   // NATO does not apply against a member
  EXPECT_EQ(frame.joint_democracy[north_america], 1);
  EXPECT_EQ(frame.peace_years[north_america], 40);  // Canada enters the system in 1920
  // The USSR (365) against Norway (385), 1960: Norway's NATO allies would defend it.
  const size_t norway = FindRow(1960, 365, 385);
  EXPECT_EQ(frame.ptargdef[norway], 1);
  EXPECT_GT(frame.ally_offset[norway + 1] - frame.ally_offset[norway], 10u);
  EXPECT_EQ(frame.joint_democracy[norway], 0);  // the USSR's polity2 is read at its COW code
  // Germany (255) against Poland (290), 1939: Britain and France's guarantees apply.
  const size_t poland = FindRow(1939, 255, 290);
  EXPECT_EQ(frame.ptargdef[poland], 1);
  bool britain = false, france = false;
  for (uint32_t ally = frame.ally_offset[poland]; ally < frame.ally_offset[poland + 1]; ++ally) {
    britain |= frame.allies[ally].ccode == 200;
    france |= frame.allies[ally].ccode == 220;
    EXPECT_GT(frame.allies[ally].commitment, 0.4F);
  }
  EXPECT_TRUE(britain);
  EXPECT_TRUE(france);
}

TEST(Frame, GroupedExpectedLossEqualsTheSumOverDefenders) {
  ExpectGroupedLossEqualsPerDefender(Frame());
  std::vector<size_t> all(Frame().Rows());
  std::iota(all.begin(), all.end(), size_t{0});
  // Two centuries of ATOP obligations take few distinct commitment values (the point of grouping).
  EXPECT_LT(GroupedLoss(Frame(), all).Groups(), 200u);
}

TEST(Frame, ShippedFittedParametersAreWhatTheFitComputes) {
  // data/fitted/backtest.toml is written by `casus history backtest --write-params` (its
  // [provenance] says when and how): the same fit on the shipped data gives the same numbers.
  const auto file = std::filesystem::path(CASUS_TEST_HOME) / "data" / "fitted" / "backtest.toml";
  const toml::table shipped = toml::parse_file(file.string());
  const toml::table* terms = shipped["fitted"]["terms"].as_table();
  ASSERT_NE(terms, nullptr) << file;
  const StructuralFit fit = FitStructural(Frame(), SelectRows(Frame(), {Frame().first_year, Frame().last_year}, JohnsonLeedsSpec().terms));
  ASSERT_TRUE(fit.converged);
  EXPECT_EQ(shipped["fitted"]["converged"].value<bool>(), true);
  EXPECT_EQ(shipped["fitted"]["dyad_years"].value<int64_t>(), fit.n);
  EXPECT_EQ(shipped["fitted"]["initiations"].value<int64_t>(), fit.events);
  ASSERT_EQ(terms->size(), fit.terms.size());
  for (size_t term = 0; term < fit.terms.size(); ++term) {
    const toml::array* pair = (*terms)[fit.terms[term]].as_array();
    ASSERT_NE(pair, nullptr) << fit.terms[term];
    const double estimate = (*pair)[0].value<double>().value_or(std::nan(""));
    const double se = (*pair)[1].value<double>().value_or(std::nan(""));
    // The file keeps six decimals; the fit's own tolerance (a Newton decrement below 1e-7) moves
    // the estimates by far less than their standard errors.
    EXPECT_NEAR(estimate, fit.theta(static_cast<Eigen::Index>(term)), 1e-3 * std::max(1.0, fit.Se(term))) << fit.terms[term];
    EXPECT_NEAR(se, fit.Se(term), 1e-3 * std::max(1e-3, fit.Se(term)) + 1e-6) << fit.terms[term];
  }
  EXPECT_NEAR(shipped["fitted"]["reneging_cost"].value<double>().value_or(-1.0), fit.Rho(), 1e-5);
  EXPECT_NEAR(shipped["fitted"]["reneging_cost_sd"].value<double>().value_or(-1.0), fit.Se(fit.terms.size() - 1), 1e-5);
  EXPECT_TRUE(shipped["provenance"]["command"].value<std::string>().has_value());
}

TEST(FittedParameters, SourceBacktestReadsTheShippedFile) {
  // [parameters] source = "backtest" in a scenario: ρ and its spread are data/fitted/backtest.toml's.
  const std::filesystem::path home(CASUS_TEST_HOME);
  const toml::table shipped = toml::parse_file((home / "data" / "fitted" / "backtest.toml").string());
  Diagnostics diagnostics;
  const auto loaded = LoadCalibratedScenario(home / "tests/cases/simulate/fitted/scenario-backtest.toml", home, testing::Parties(), diagnostics);
  ASSERT_TRUE(loaded.has_value()) << diagnostics.ErrorCount();
  EXPECT_EQ(loaded->scenario.parameters.reneging_cost, shipped["fitted"]["reneging_cost"].value<double>().value_or(-1.0));
  EXPECT_EQ(loaded->scenario.parameters.reneging_cost_sd, shipped["fitted"]["reneging_cost_sd"].value<double>().value_or(-1.0));
  EXPECT_EQ(std::filesystem::canonical(loaded->scenario.parameters_file), std::filesystem::canonical(home / "data" / "fitted" / "backtest.toml"));
  EXPECT_EQ(loaded->scenario.parameter_sources.at("reneging_cost").rfind("backtest: ", 0), 0u);
}

TEST(Frame, CsvHasOneLinePerRowAndNaForMissing) {
  const DyadYearFrame& frame = Frame();
  std::ostringstream out;
  WriteFrameCsv(frame, out);
  const std::string text = out.str();
  EXPECT_EQ(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')), frame.Rows() + 1);
  EXPECT_EQ(text.rfind("year,ccode_a,ccode_b,initiation,", 0), 0u);
  EXPECT_NE(text.find(",NA,"), std::string::npos);
}

TEST(Frame, RegressionTablesCarryThreeErrorsAndThePublishedDirections) {
  // One era of the Johnson & Leeds specification (the whole replication is a CLI case's job).
  const RegressionTable table = FitTable(Frame(), JohnsonLeedsSpec(), {1870, 1913});
  EXPECT_TRUE(table.converged);
  EXPECT_EQ(table.span.Label(), "1870-1913");
  EXPECT_GT(table.events, 100);
  const auto ptargdef = std::find_if(table.terms.begin(), table.terms.end(), [](const TermEstimate& term) { return term.term == "ptargdef"; });
  ASSERT_NE(ptargdef, table.terms.end());
  EXPECT_FALSE(ptargdef->published.empty());
  // Clustering widens the errors here: dyads repeat over years and share states.
  EXPECT_GT(ptargdef->se_dyad, ptargdef->se_model);
  EXPECT_GT(ptargdef->se_multiway, ptargdef->se_model);
  EXPECT_THROW(Replicate(Frame(), "no-such-paper"), std::invalid_argument);
}
}  // namespace
}  // namespace casus
