// The guarantee game: it reduces to RADG; the facts the lint rules judge move it the way their
// rationale says; and its Monte Carlo gives the same bits for any number of threads.
#include "casus/games/guarantee_game.hpp"

#include <cmath>
#include <functional>
#include <tuple>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/engine/adjudicate.hpp"
#include "casus/games/deterrence_models.hpp"

namespace casus {
namespace {

using testing::AssistClause;
using testing::Guarantee;
using testing::LoadOk;

Incident Attack(Scale scale = Scale::Significant) {
  Incident attack;
  attack.id = "attack";
  attack.at = Time{std::chrono::sys_days{std::chrono::year{2027} / 3 / 1}};
  attack.kind = IncidentKind::ArmedAttack;
  attack.by = "RUS";
  attack.against = "UKR";
  attack.where = "UA-63";
  attack.scale = scale;
  attack.deliberate = true;
  attack.sustained = true;
  return attack;
}

// One guarantor (USA), one means (armed force), fixed payoffs.
GameParameters FixedParameters(double value) {
  GameParameters parameters = DefaultGameParameters();
  parameters.guarantor_value = {value, 0.0};
  parameters.common_shock_sd = 0.0;
  parameters.noise_sd = 0.3;
  parameters.challenger_gain = {1.0, 0.0};
  parameters.challenger_war_cost = {0.4, 0.0};
  parameters.challenger_type_sd = 1e-6;
  parameters.capability = {{"USA", 0.1}};
  return parameters;
}

const char* kUsaOnly = "guarantors = [\"USA\", \"GBR\"]";

std::string OneGuarantor(const std::string& clauses) {
  std::string text = Guarantee(clauses);
  text.replace(text.find(kUsaOnly), std::string(kUsaOnly).size(), "guarantors = [\"USA\"]");
  return text;
}

double PAttack(const Instrument& instrument, const GameParameters& parameters, Scale scale = Scale::Significant,
               int64_t draws = 2000, int threads = 1) {
  GameDesign design{"d", {&instrument}, {}};
  const WorldState world;
  const Incident attack = Attack(scale);
  const auto commitments = TriggeredCommitments(design, attack, world, testing::Parties(), parameters);
  return SimulateDesign(design, commitments, attack, parameters, testing::Parties(), SimulationOptions{draws, 7, threads}).p_attack;
}

TEST(GuaranteeGame, ReducesToRadgWithOneGuarantorOneMeansAndFixedPayoffs) {
  const Instrument instrument = LoadOk(OneGuarantor(AssistClause("", ", means = [\"armed-force\"]")));
  int deterred = 0;
  int not_deterred = 0;
  for (const double value : {-1.5, -1.0, -0.6, -0.3, 0.0, 0.4, 0.6, 1.0, 1.5}) {
    const GameParameters parameters = FixedParameters(value);
    // pB: the probability that the guarantor acts; RADG with aSQ = 0, aDC = G − W, aDD = G − W − L.
    const double strength = 0.8;  // assist, legally binding
    const double p_hard = 0.5 * std::erfc(-(value - 1.0 + parameters.reneging_cost * strength) / parameters.noise_sd / std::sqrt(2.0));
    const double loss = 0.1 * parameters.effectiveness.at(Means::ArmedForce);
    const auto radg = std::get<RadgSolution>(SolveRadg({p_hard, 0.0, 0.6, 0.6 - loss}));
    const double p_attack = PAttack(instrument, parameters);
    if (std::abs(p_hard - radg.threshold) > 1e-3) {
      EXPECT_NEAR(p_attack, radg.deterred ? 0.0 : 1.0, 1e-9) << "value " << value << " pB " << p_hard << " α " << radg.threshold;
      (radg.deterred ? deterred : not_deterred) += 1;
    }
  }
  EXPECT_GE(deterred, 2);  // both sides of the threshold were tried
  EXPECT_GE(not_deterred, 2);
}

TEST(GuaranteeGame, AnAggressorInTheConsensusMakesTheCollectiveResponseZero) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}, {"RUS", 0.04}};
  std::string with_russia = Guarantee(AssistClause("", ", means = [\"armed-force\"]", "decision = { rule = \"consensus\", by = [\"guarantors\"] }\n"));
  with_russia.replace(with_russia.find(kUsaOnly), std::string(kUsaOnly).size(), "guarantors = [\"USA\", \"GBR\", \"RUS\"]");
  const Instrument vetoed = LoadOk(with_russia);
  GameDesign design{"vetoed", {&vetoed}, {}};
  const auto commitments = TriggeredCommitments(design, Attack(), WorldState{}, testing::Parties(), DefaultGameParameters());
  const auto outcome = SimulateDesign(design, commitments, Attack(), parameters, testing::Parties(), SimulationOptions{2000, 3, 1});
  EXPECT_EQ(outcome.p_collective_armed_response, 0.0);
  const Instrument free_hand = LoadOk(Guarantee(AssistClause("", ", means = [\"armed-force\"]", "decision = \"each-party\"\n")));
  GameDesign open{"open", {&free_hand}, {}};
  const auto open_commitments = TriggeredCommitments(open, Attack(), WorldState{}, testing::Parties(), DefaultGameParameters());
  EXPECT_GT(SimulateDesign(open, open_commitments, Attack(), parameters, testing::Parties(), SimulationOptions{2000, 3, 1}).p_collective_armed_response, 0.1);
}

TEST(GuaranteeGame, AThresholdAboveTheAttackRemovesTheClause) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  std::string high = Guarantee(AssistClause("", ", means = [\"armed-force\"]"));
  high.replace(high.find("threshold = \"any\""), 17, "threshold = \"full-scale\"");
  const Instrument instrument = LoadOk(high);
  GameDesign design{"d", {&instrument}, {}};
  EXPECT_TRUE(TriggeredCommitments(design, Attack(Scale::Significant), WorldState{}, testing::Parties(), DefaultGameParameters()).empty());
  EXPECT_FALSE(TriggeredCommitments(design, Attack(Scale::FullScale), WorldState{}, testing::Parties(), DefaultGameParameters()).empty());
  EXPECT_GT(PAttack(instrument, parameters, Scale::Significant), PAttack(instrument, parameters, Scale::FullScale));
}

TEST(GuaranteeGame, StrongerAndBindingCommitmentsDeterMore) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument assist = LoadOk(Guarantee(AssistClause("", ", means = [\"armed-force\"]")));
  std::string political_text = Guarantee(AssistClause("", ", means = [\"armed-force\"]"));
  political_text.replace(political_text.find("binding = \"legal\""), 17, "binding = \"political\"");
  const Instrument political = LoadOk(political_text);
  std::string consult_text = Guarantee(AssistClause("", ", means = [\"armed-force\"]"));
  consult_text.replace(consult_text.find("strength = \"assist\""), 19, "strength = \"consult\"");
  const Instrument consult = LoadOk(consult_text);
  const double p_assist = PAttack(assist, parameters);
  EXPECT_LT(p_assist, PAttack(political, parameters));
  EXPECT_LT(p_assist, PAttack(consult, parameters));
}

TEST(GuaranteeGame, ForcesInPlaceDeterMore) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument instrument = LoadOk(Guarantee(AssistClause("", ", means = [\"armed-force\"]")));
  GameDesign without{"without", {&instrument}, {}};
  GameDesign with{"with", {&instrument}, {"USA", "GBR"}};
  const auto commitments = TriggeredCommitments(without, Attack(), WorldState{}, testing::Parties(), DefaultGameParameters());
  const SimulationOptions options{2000, 5, 1};
  EXPECT_LT(SimulateDesign(with, commitments, Attack(), parameters, testing::Parties(), options).p_attack,
            SimulateDesign(without, commitments, Attack(), parameters, testing::Parties(), options).p_attack);
}

TEST(GuaranteeGame, SameBitsForAnyThreadCount) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument instrument = LoadOk(Guarantee(AssistClause("", ", means = [\"armed-force\", \"sanctions\"]")));
  GameDesign design{"d", {&instrument}, {}};
  const auto commitments = TriggeredCommitments(design, Attack(), WorldState{}, testing::Parties(), DefaultGameParameters());
  const auto one = SimulateDesign(design, commitments, Attack(), parameters, testing::Parties(), SimulationOptions{5000, 11, 1});
  const auto two = SimulateDesign(design, commitments, Attack(), parameters, testing::Parties(), SimulationOptions{5000, 11, 2});
  EXPECT_EQ(one.p_attack, two.p_attack);
  EXPECT_EQ(one.p_collective_armed_response, two.p_collective_armed_response);
  EXPECT_EQ(one.response_mix, two.response_mix);
  EXPECT_EQ(one.guarantor_cost, two.guarantor_cost);
}

}  // namespace
}  // namespace casus

namespace casus {
namespace {

TEST(GuaranteeGame, CalibratedRenegingCostReproducesTheHonourRate) {
  const GameParameters parameters = DefaultGameParameters();
  for (const double honour : {0.156, 0.41, 0.66}) {
    const double rho = CalibratedRenegingCost(honour, parameters);
    const double spread = std::sqrt(parameters.common_shock_sd * parameters.common_shock_sd + parameters.noise_sd * parameters.noise_sd);
    const double p_act = 0.5 * std::erfc(-((parameters.guarantor_value.mean - parameters.cost.at(Means::ArmedForce) + 0.8 * rho) / spread) / std::sqrt(2.0));
    EXPECT_NEAR(p_act, honour, 1e-9) << honour;
  }
  EXPECT_LT(CalibratedRenegingCost(0.2, parameters), CalibratedRenegingCost(0.6, parameters));  // more reliable history, costlier reneging
}

}  // namespace
}  // namespace casus

namespace casus {
namespace {

// P(attack) of one instrument text for a given attack and world.
double PAttackOf(const std::string& text, const Incident& attack, const WorldState& world = {}) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument instrument = LoadOk(text);
  GameDesign design{"d", {&instrument}, {}};
  const auto commitments = TriggeredCommitments(design, attack, world, testing::Parties(), parameters);
  return SimulateDesign(design, commitments, attack, parameters, testing::Parties(), SimulationOptions{2000, 9, 1}).p_attack;
}

const std::string kArmed = ", means = [\"armed-force\"]";

TEST(GuaranteeGameDirections, AnAttributionTheChallengerCanBlockRemovesTheClause) {
  const double open = PAttackOf(Guarantee(AssistClause(", attribution = \"each-party\"", kArmed)), Attack());
  const double council = PAttackOf(Guarantee(AssistClause(", attribution = \"security-council\"", kArmed)), Attack());
  EXPECT_LT(open, council);
  // Blocked, the clause counts for nothing: the challenger expects no loss at all.
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument blocked = LoadOk(Guarantee(AssistClause(", attribution = \"security-council\"", kArmed)));
  GameDesign design{"blocked", {&blocked}, {}};
  const auto commitments = TriggeredCommitments(design, Attack(), WorldState{}, testing::Parties(), DefaultGameParameters());
  ASSERT_FALSE(commitments.empty());
  EXPECT_EQ(ExpectedLoss(commitments, {{"USA", 0.5}, {"GBR", 0.5}}, Attack(), parameters, testing::Parties()), 0.0);
}

TEST(GuaranteeGameDirections, AnExcludedAreaOrAHybridAttackLeavesTheClauseOut) {
  const std::string area = "[[area]]\nid = \"a\"\ncite = \"Art. 6\"\ntext = \"t\"\ncovers = [\"protected-territory\"]\nexcludes = [\"UA-63\"]\n";
  EXPECT_LT(PAttackOf(Guarantee(AssistClause("", kArmed)), Attack()), PAttackOf(Guarantee(area + AssistClause(", area = \"a\"", kArmed)), Attack()));
  Incident hybrid = Attack();
  hybrid.kind = IncidentKind::HybridAttack;
  EXPECT_LT(PAttackOf(Guarantee(AssistClause("", kArmed)), Attack()), PAttackOf(Guarantee(AssistClause("", kArmed)), hybrid));
}

TEST(GuaranteeGameDirections, ConstitutionalProcessesAndASingleDeciderWeakenIt) {
  const double plain = PAttackOf(Guarantee(AssistClause("", kArmed)), Attack());
  EXPECT_LT(plain, PAttackOf(Guarantee(AssistClause("", kArmed + ", constitutional = true")), Attack()));
  // GBR acts only if the USA does: the response can only shrink.
  EXPECT_LE(plain, PAttackOf(Guarantee(AssistClause("", kArmed, "decision = { rule = \"single\", by = [\"USA\"] }\n")), Attack()));
}

// E[L] takes one of three routes per commitment: alone (closed form), with one co-decider (the
// bivariate normal CDF), or with several (quadrature over η). A third co-decider who is always
// willing must leave a consensus where it was: the general route agrees with the pair route.
TEST(GuaranteeGame, PairAndGeneralIntegrationAgree) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  parameters.common_shock_sd = 0.6;  // σ_η/σ_ε = 2: a sharp integrand for the quadrature
  const std::string pair = "decision = { rule = \"consensus\", by = [\"USA\", \"GBR\"] }\n";
  const std::string three = "decision = { rule = \"consensus\", by = [\"USA\", \"GBR\", \"FRA\"] }\n";
  const Instrument two_deciders = LoadOk(Guarantee(AssistClause("", kArmed, pair)));
  const Instrument three_deciders = LoadOk(Guarantee(AssistClause("", kArmed, three), "", "co_guarantors = [\"FRA\"]\n"));
  for (const double usa : {-0.4, 0.0, 0.3}) {
    const std::map<std::string, double> values{{"USA", usa}, {"GBR", 0.1}, {"FRA", 1000.0}};
    GameDesign first{"pair", {&two_deciders}, {}};
    GameDesign second{"general", {&three_deciders}, {}};
    const double via_pair = ExpectedLoss(TriggeredCommitments(first, Attack(), WorldState{}, testing::Parties(), DefaultGameParameters()), values,
                                         Attack(), parameters, testing::Parties());
    const double via_general = ExpectedLoss(TriggeredCommitments(second, Attack(), WorldState{}, testing::Parties(), DefaultGameParameters()), values,
                                            Attack(), parameters, testing::Parties());
    EXPECT_GT(via_pair, 0.0);
    EXPECT_NEAR(via_pair, via_general, 1e-9) << "v_USA = " << usa;
  }
}

// The assist clause of test_support with another deadline (it says "forthwith").
std::string WithDeadline(const std::string& deadline) {
  std::string clause = AssistClause("", kArmed);
  const std::string forthwith = "deadline = \"forthwith\"";
  clause.replace(clause.find(forthwith), forthwith.size(), "deadline = \"" + deadline + "\"");
  return Guarantee(clause);
}

// no-deadline: a duty with no time bound can be met late, or never, at less cost than reneging.
TEST(GuaranteeGameDirections, ALaterDeadlineOrNoneWeakensTheCommitment) {
  const double forthwith = PAttackOf(WithDeadline("forthwith"), Attack());
  const double three_days = PAttackOf(WithDeadline("P3D"), Attack());
  const double six_months = PAttackOf(WithDeadline("P6M"), Attack());
  const double none = PAttackOf(WithDeadline("none"), Attack());
  EXPECT_LT(forthwith, three_days);
  EXPECT_LT(three_days, six_months);
  EXPECT_LT(six_months, none);
  const GameParameters parameters = DefaultGameParameters();
  const Instrument instrument = LoadOk(WithDeadline("none"));
  const auto commitments = TriggeredCommitments(GameDesign{"d", {&instrument}, {}}, Attack(), WorldState{}, testing::Parties(), parameters);
  ASSERT_FALSE(commitments.empty());
  EXPECT_DOUBLE_EQ(commitments.front().deadline_factor, parameters.no_deadline_factor);
  EXPECT_DOUBLE_EQ(commitments.front().strength, 0.8 * parameters.no_deadline_factor);  // assist, legal, indefinite
}

// short-duration: a guarantee that ends, or can be left, soon is cheaper to walk away from.
TEST(GuaranteeGameDirections, AShortTermOrShortNoticeWeakensTheCommitment) {
  const std::string clause = AssistClause("", kArmed);
  auto with_duration = [&](const std::string& duration, const std::string& exit) {
    std::string text = Guarantee(clause, exit);
    const std::string indefinite = "duration = \"indefinite\"";
    text.replace(text.find(indefinite), indefinite.size(), "duration = \"" + duration + "\"");
    return text;
  };
  const std::string short_notice = "\n[exit]\ncite = \"Art. 9\"\ntext = \"Any party may withdraw on three months' notice.\"\nnotice = \"P3M\"\n";
  const double indefinite = PAttackOf(with_duration("indefinite", ""), Attack());
  const double forty_years = PAttackOf(with_duration("P40Y", ""), Attack());
  const double ten_years = PAttackOf(with_duration("P10Y", ""), Attack());
  const double three_months_notice = PAttackOf(with_duration("indefinite", short_notice), Attack());
  EXPECT_EQ(indefinite, forty_years);  // 20 years or more: not short (the lint rule's threshold)
  EXPECT_LT(indefinite, ten_years);
  EXPECT_LT(indefinite, three_months_notice);
  const GameParameters parameters = DefaultGameParameters();
  const Instrument ten = LoadOk(with_duration("P10Y", ""));
  EXPECT_NEAR(DurationFactor(ten, parameters), parameters.short_exit_factor + (1.0 - parameters.short_exit_factor) * 0.5, 1e-3);
}

// ρ drawn from the calibrated prior's spread: the mean effect of a convex-concave Φ changes, the
// draws use one more variate, and the result is still the same for any number of threads.
TEST(GuaranteeGame, AnUncertainRenegingCostIsDrawnPerCrisis) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument instrument = LoadOk(Guarantee(AssistClause("", kArmed)));
  const double fixed = PAttack(instrument, parameters);
  parameters.reneging_cost_sd = 0.5;
  const double uncertain = PAttack(instrument, parameters);
  EXPECT_NE(fixed, uncertain);
  EXPECT_EQ(PAttack(instrument, parameters, Scale::Significant, 5000, 1), PAttack(instrument, parameters, Scale::Significant, 5000, 2));
  // The delta method: dρ/dp at the calibration point, times sd(p).
  const GameParameters defaults = DefaultGameParameters();
  const double p = 0.7;
  const double step = 1e-6;
  const double slope = (CalibratedRenegingCost(p + step, defaults) - CalibratedRenegingCost(p - step, defaults)) / (2.0 * step);
  EXPECT_NEAR(CalibratedRenegingCostSd(p, 0.05, defaults), slope * 0.05, 1e-6);
  EXPECT_EQ(CalibratedRenegingCostSd(1e-6, 0.05, defaults), 0.0);  // ρ floored at 0: no spread
}

// Costs, effectivenesses and capabilities as distributions (issue 6: "the parties' uncertain
// parameters … as distributions"): a dearer means deters less; uncertainty changes the result,
// costs variates only when asked for, and keeps the bits the same for any thread count.
TEST(GuaranteeGame, UncertainCostsEffectivenessAndCapabilities) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument instrument = LoadOk(Guarantee(AssistClause("", kArmed)));
  const double base = PAttack(instrument, parameters);
  GameParameters dearer = parameters;
  dearer.cost[Means::ArmedForce] = 1.5;
  EXPECT_LT(base, PAttack(instrument, dearer));
  GameParameters unused = parameters;
  unused.cost_sd[Means::Sanctions] = 0.5;  // no commitment uses sanctions: nothing is drawn
  EXPECT_EQ(base, PAttack(instrument, unused));
  for (auto change : std::vector<std::function<void(GameParameters&)>>{
           [](GameParameters& p) { p.cost_sd[Means::ArmedForce] = 0.4; },
           [](GameParameters& p) { p.effectiveness_sd[Means::ArmedForce] = 4.0; },
           [](GameParameters& p) { p.capability_sd = 0.5; }}) {
    GameParameters uncertain = parameters;
    change(uncertain);
    EXPECT_NE(base, PAttack(instrument, uncertain));
    EXPECT_EQ(PAttack(instrument, uncertain, Scale::Significant, 5000, 1), PAttack(instrument, uncertain, Scale::Significant, 5000, 2));
  }
}

// The standard errors say how much an estimate moves from seed to seed: compare the reported
// (delta-method) standard errors with the spread of 60 independent runs.
TEST(GuaranteeGame, StandardErrorsMatchTheSpreadAcrossSeeds) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}, {"GBR", 0.012}};
  const Instrument instrument = LoadOk(Guarantee(AssistClause("", kArmed)));
  GameDesign design{"d", {&instrument}, {}};
  const auto commitments = TriggeredCommitments(design, Attack(), WorldState{}, testing::Parties(), parameters);
  std::vector<double> attack;
  std::vector<double> armed;
  std::vector<double> cost;
  double attack_se = 0.0;
  double armed_se = 0.0;
  double cost_se = 0.0;
  constexpr int kRuns = 60;
  for (uint64_t seed = 1; seed <= kRuns; ++seed) {
    const DesignOutcome outcome = SimulateDesign(design, commitments, Attack(), parameters, testing::Parties(), SimulationOptions{2000, seed, 1});
    attack.push_back(outcome.p_attack);
    armed.push_back(outcome.p_collective_armed_response);
    cost.push_back(outcome.guarantor_cost.at("USA"));
    attack_se += outcome.p_attack_se / kRuns;
    armed_se += outcome.p_collective_armed_response_se / kRuns;
    cost_se += outcome.guarantor_cost_se.at("USA") / kRuns;
  }
  auto sd = [](const std::vector<double>& values) {
    double mean = 0.0;
    for (const double value : values) mean += value / static_cast<double>(values.size());
    double sum = 0.0;
    for (const double value : values) sum += (value - mean) * (value - mean);
    return std::sqrt(sum / static_cast<double>(values.size() - 1));
  };
  for (const auto& [name, spread, reported] : {std::tuple{"P(attack)", sd(attack), attack_se},
                                                std::tuple{"P(armed | attack)", sd(armed), armed_se},
                                                std::tuple{"cost to USA", sd(cost), cost_se}}) {
    EXPECT_GT(reported, 0.0) << name;
    EXPECT_GT(spread / reported, 0.7) << name << ": across seeds " << spread << ", reported " << reported;
    EXPECT_LT(spread / reported, 1.4) << name << ": across seeds " << spread << ", reported " << reported;
  }
}

// The quota route (majority, two-thirds: the Poisson-binomial recursion at each node): with one
// co-decider always willing and one never, a majority of three needs the guarantor and the
// willing one, which is the guarantor alone.
TEST(GuaranteeGame, AMajorityQuotaCountsTheWillingCoDeciders) {
  GameParameters parameters = DefaultGameParameters();
  parameters.capability = {{"USA", 0.12}};
  auto usa_only = [](const std::string& decision) {
    std::string text = Guarantee(AssistClause("", kArmed, decision), "", "co_guarantors = [\"GBR\", \"FRA\"]\n");
    text.replace(text.find(kUsaOnly), std::string(kUsaOnly).size(), "guarantors = [\"USA\"]");
    return text;
  };
  const Instrument alone = LoadOk(usa_only(""));
  const Instrument majority = LoadOk(usa_only("decision = { rule = \"majority\", by = [\"USA\", \"GBR\", \"FRA\"] }\n"));
  const Instrument two_thirds = LoadOk(usa_only("decision = { rule = \"two-thirds\", by = [\"USA\", \"GBR\", \"FRA\"] }\n"));
  const std::map<std::string, double> values{{"USA", 0.1}, {"GBR", 1000.0}, {"FRA", -1000.0}};
  auto loss = [&](const Instrument& instrument) {
    GameDesign design{"d", {&instrument}, {}};
    return ExpectedLoss(TriggeredCommitments(design, Attack(), WorldState{}, testing::Parties(), parameters), values, Attack(),
                        parameters, testing::Parties());
  };
  EXPECT_GT(loss(alone), 0.0);
  EXPECT_NEAR(loss(majority), loss(alone), 1e-9);
  EXPECT_NEAR(loss(two_thirds), loss(alone), 1e-9);  // ⌈2·3/3⌉ = 2 of 3: the guarantor and GBR
}

TEST(GuaranteeGameDirections, AnActivationConditionSwitchesTheClauseOffUntilItHolds) {
  const std::string text = Guarantee(AssistClause(", activation = [\"ceasefire-in-force\"]", kArmed));
  WorldState ceasefire;
  StatusEvent ceasefire_status;
  ceasefire_status.at = Attack().at;
  ceasefire_status.kind = StatusKind::CeasefireInForce;
  ceasefire_status.parties = {"UKR", "RUS"};
  ceasefire.Apply(ceasefire_status);
  EXPECT_LT(PAttackOf(text, Attack(), ceasefire), PAttackOf(text, Attack()));
}

}  // namespace
}  // namespace casus
