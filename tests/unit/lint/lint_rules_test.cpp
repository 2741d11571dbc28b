// Each rule of the catalogue: a minimal instrument that fires it and one that does not.
#include <set>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/lint/lint_instrument.hpp"

namespace casus {
namespace {

using testing::AssistClause;
using testing::Guarantee;
using testing::LoadOk;

std::set<std::string> RulesFired(const std::string& text) {
  std::set<std::string> rules;
  for (const auto& finding : LintInstrument(LoadOk(text), testing::Parties())) rules.insert(finding.rule);
  return rules;
}

bool Fires(const std::string& rule, const std::string& text) { return RulesFired(text).count(rule) > 0; }

const std::string kRussiaAssurance =
    "[[clause]]\nid = \"respect\"\ncite = \"Art. 0\"\ntext = \"respect Ukraine's borders\"\nkind = \"assurance\"\n"
    "obligated = [\"RUS\"]\n";

std::string WithRussiaAsGuarantor(const std::string& clauses) {
  std::string text = Guarantee(clauses);
  const std::string from = "guarantors = [\"USA\", \"GBR\"]";
  text.replace(text.find(from), from.size(), "guarantors = [\"USA\", \"GBR\", \"RUS\"]");
  return text;
}

TEST(LintCatalogue, HasTheFourteenRulesOfInstrumentsMd) {
  const std::vector<std::string> expected = {
      "aggressor-veto",        "attribution-blockable", "consult-only",   "non-binding",    "no-deadline",
      "threshold-gap",         "hybrid-gap",            "geographic-gap", "constitutional-escape",
      "means-discretion",      "single-decider",        "activation-condition", "short-duration",
      "no-forces-in-place"};
  std::vector<std::string> names;
  for (const auto& rule : RuleCatalogue()) {
    names.emplace_back(rule.name);
    EXPECT_FALSE(rule.rationale.empty()) << rule.name;
    EXPECT_FALSE(rule.fires_when.empty()) << rule.name;
  }
  EXPECT_EQ(names, expected);
}

TEST(LintRule, AggressorVeto) {
  const std::string consensus = "decision = { rule = \"consensus\", by = [\"guarantors\"] }\n";
  EXPECT_TRUE(Fires("aggressor-veto", WithRussiaAsGuarantor(kRussiaAssurance + AssistClause("", "", consensus))));
  EXPECT_FALSE(Fires("aggressor-veto", WithRussiaAsGuarantor(kRussiaAssurance + AssistClause("", "", "decision = \"each-party\"\n"))));
  // Without the assurance clause nothing marks Russia as a threat: the rule judges encoded facts.
  EXPECT_FALSE(Fires("aggressor-veto", WithRussiaAsGuarantor(AssistClause("", "", consensus))));
  // A named adversary whose consent is needed.
  EXPECT_TRUE(Fires("aggressor-veto", Guarantee(AssistClause("", "", "decision = { rule = \"unanimity\", by = [\"USA\", \"RUS\"] }\n"),
                                                "", "adversaries = [\"RUS\"]\n")));
  // The Security Council: the permanent members hold a veto.
  EXPECT_TRUE(Fires("aggressor-veto", Guarantee(AssistClause("", "", "decision = \"security-council\"\n"))));
  // Majority rules give no single party a veto.
  EXPECT_FALSE(Fires("aggressor-veto", WithRussiaAsGuarantor(kRussiaAssurance + AssistClause("", "", "decision = { rule = \"majority\", by = [\"guarantors\"] }\n"))));
}

// Issue 13: an assurance-giver or a permanent member is a plausible aggressor only when it is a
// named adversary or contiguous with the protected state (COW direct contiguity).
TEST(LintRule, AggressorVetoNeedsContiguityOrANamedAdversary) {
  const auto with = [](const std::string& text, const std::string& from, const std::string& to) {
    std::string out = text;
    out.replace(out.find(from), from.size(), to);
    return out;
  };
  const std::string council = AssistClause("", "", "decision = \"security-council\"\n");
  // UKR: Russia (a permanent member) borders it, so the Council's veto is an aggressor's veto…
  EXPECT_TRUE(Fires("aggressor-veto", Guarantee(council)));
  // …AUS: no permanent member is contiguous with Australia: the vetoes are not an aggressor's.
  EXPECT_FALSE(Fires("aggressor-veto", with(Guarantee(council), "beneficiaries = [\"UKR\"]", "beneficiaries = [\"AUS\"]")));
  // …unless one is a named adversary.
  EXPECT_TRUE(Fires("aggressor-veto", with(Guarantee(council, "", "adversaries = [\"CHN\"]\n"), "beneficiaries = [\"UKR\"]",
                                           "beneficiaries = [\"AUS\"]")));
  // Assurance-givers: the US bound to respect Ukraine's borders, with a veto in a consensus, is
  // not a suspect (Budapest's US and UK); Russia, bordering Ukraine, is.
  const std::string us_assurance =
      "[[clause]]\nid = \"respect\"\ncite = \"Art. 0\"\ntext = \"respect Ukraine's borders\"\nkind = \"assurance\"\n"
      "obligated = [\"USA\"]\n";
  const std::string consensus = "decision = { rule = \"consensus\", by = [\"guarantors\"] }\n";
  EXPECT_FALSE(Fires("aggressor-veto", Guarantee(us_assurance + AssistClause("", "", consensus))));
  EXPECT_TRUE(Fires("aggressor-veto", WithRussiaAsGuarantor(kRussiaAssurance + AssistClause("", "", consensus))));
  // The finding names each reason, contiguity included.
  for (const auto& finding : LintInstrument(LoadOk(Guarantee(council)), testing::Parties())) {
    if (finding.rule != "aggressor-veto") continue;
    EXPECT_NE(finding.message.find("RUS (veto in the Security Council; contiguous by land)"), std::string::npos) << finding.message;
    EXPECT_EQ(finding.message.find("USA"), std::string::npos) << finding.message;
  }
}

TEST(LintRule, AttributionBlockable) {
  EXPECT_TRUE(Fires("attribution-blockable", Guarantee(AssistClause(", attribution = \"security-council\""))));
  EXPECT_TRUE(Fires("attribution-blockable",
                    WithRussiaAsGuarantor(kRussiaAssurance + AssistClause(", attribution = { rule = \"consensus\", by = [\"guarantors\"] }"))));
  EXPECT_FALSE(Fires("attribution-blockable",
                     Guarantee(AssistClause(", attribution = { rule = \"consensus\", by = [\"USA\", \"NATO\", \"UKR\"] }"), "",
                               "adversaries = [\"RUS\"]\n")));
  EXPECT_FALSE(Fires("attribution-blockable", Guarantee(AssistClause(", attribution = \"each-party\""))));
}

TEST(LintRule, ConsultOnly) {
  const std::string consult =
      "[[clause]]\nid = \"c\"\ncite = \"Art. 2\"\ntext = \"consult\"\nkind = \"consultation\"\n"
      "trigger = { events = [\"armed-attack\"], threshold = \"any\" }\nduty = { strength = \"consult\", deadline = \"PT24H\" }\n";
  EXPECT_TRUE(Fires("consult-only", Guarantee(consult)));
  EXPECT_FALSE(Fires("consult-only", Guarantee(consult + AssistClause())));
  // An instrument of assurances only obliges no response at all.
  EXPECT_TRUE(Fires("consult-only", Guarantee(kRussiaAssurance, "", "adversaries = [\"RUS\"]\n")));
}

TEST(LintRule, NonBinding) {
  const std::string legal = Guarantee(AssistClause());
  std::string political = legal;
  political.replace(political.find("binding = \"legal\""), 17, "binding = \"political\"");
  EXPECT_TRUE(Fires("non-binding", political));
  EXPECT_FALSE(Fires("non-binding", legal));
}

TEST(LintRule, NoDeadline) {
  std::string none = Guarantee(AssistClause());
  none.replace(none.find("deadline = \"forthwith\""), 22, "deadline = \"none\"");
  EXPECT_TRUE(Fires("no-deadline", none));
  EXPECT_FALSE(Fires("no-deadline", Guarantee(AssistClause())));
}

TEST(LintRule, ThresholdGap) {
  std::string significant = Guarantee(AssistClause());
  significant.replace(significant.find("threshold = \"any\""), 17, "threshold = { scale = \"significant\", sustained = true }");
  EXPECT_TRUE(Fires("threshold-gap", significant));
  EXPECT_FALSE(Fires("threshold-gap", Guarantee(AssistClause())));
}

TEST(LintRule, HybridGap) {
  EXPECT_TRUE(Fires("hybrid-gap", Guarantee(AssistClause())));
  std::string hybrid = Guarantee(AssistClause());
  hybrid.replace(hybrid.find("events = [\"armed-attack\"]"), 25, "events = [\"armed-attack\", \"cyber-attack\"]");
  EXPECT_FALSE(Fires("hybrid-gap", hybrid));
  // Hybrid attacks trigger only consultations while an armed attack triggers assistance.
  const std::string consult_on_hybrid =
      "[[clause]]\nid = \"c\"\ncite = \"Art. 2\"\ntext = \"consult\"\nkind = \"consultation\"\n"
      "trigger = { events = [\"hybrid-attack\"], threshold = \"any\" }\nduty = { strength = \"consult\", deadline = \"PT24H\" }\n";
  EXPECT_TRUE(Fires("hybrid-gap", Guarantee(consult_on_hybrid + AssistClause())));
}

TEST(LintRule, GeographicGap) {
  const std::string area = "[[area]]\nid = \"a\"\ncite = \"Art. 6\"\ntext = \"the area\"\ncovers = [\"protected-territory\"]\n";
  EXPECT_TRUE(Fires("geographic-gap", Guarantee(area + "excludes = [\"UA-43\"]\n" + AssistClause(", area = \"a\""))));
  EXPECT_FALSE(Fires("geographic-gap", Guarantee(area + AssistClause(", area = \"a\""))));
  // Excluding a place that is not the protected party's is no gap.
  EXPECT_FALSE(Fires("geographic-gap", Guarantee(area + "excludes = [\"US-HI\"]\n" + AssistClause(", area = \"a\""))));
  // Covering a listed part only.
  const std::string part = "[[area]]\nid = \"a\"\ncite = \"Art. 6\"\ntext = \"Kyiv only\"\ncovers = [\"UA-30\"]\n";
  EXPECT_TRUE(Fires("geographic-gap", Guarantee(part + AssistClause(", area = \"a\""))));
}

TEST(LintRule, ConstitutionalEscape) {
  EXPECT_TRUE(Fires("constitutional-escape", Guarantee(AssistClause("", ", constitutional = true"))));
  EXPECT_FALSE(Fires("constitutional-escape", Guarantee(AssistClause())));
}

TEST(LintRule, MeansDiscretion) {
  EXPECT_TRUE(Fires("means-discretion", Guarantee(AssistClause("", ", means_choice = \"each-party\""))));
  EXPECT_FALSE(Fires("means-discretion", Guarantee(AssistClause("", ", means_choice = \"collective\""))));
}

TEST(LintRule, SingleDecider) {
  EXPECT_TRUE(Fires("single-decider", Guarantee(AssistClause("", "", "decision = { rule = \"single\", by = [\"USA\"] }\n"))));
  EXPECT_FALSE(Fires("single-decider", Guarantee(AssistClause("", "", "decision = { rule = \"consensus\", by = [\"USA\", \"GBR\"] }\n"))));
}

TEST(LintRule, ActivationCondition) {
  EXPECT_TRUE(Fires("activation-condition", Guarantee(AssistClause(", activation = [\"ceasefire-in-force\"]"))));
  EXPECT_FALSE(Fires("activation-condition", Guarantee(AssistClause())));
}

TEST(LintRule, ShortDuration) {
  std::string ten_years = Guarantee(AssistClause());
  ten_years.replace(ten_years.find("duration = \"indefinite\""), 23, "duration = \"P10Y\"");
  EXPECT_TRUE(Fires("short-duration", ten_years));
  const std::string exit = "\n[exit]\ncite = \"Art. 9\"\ntext = \"notice\"\nnotice = ";
  EXPECT_TRUE(Fires("short-duration", Guarantee(AssistClause()) + exit + "\"P6M\"\n"));
  EXPECT_FALSE(Fires("short-duration", Guarantee(AssistClause()) + exit + "\"P1Y\"\n"));
  std::string twenty_years = Guarantee(AssistClause());
  twenty_years.replace(twenty_years.find("duration = \"indefinite\""), 23, "duration = \"P20Y\"");
  EXPECT_FALSE(Fires("short-duration", twenty_years));
}

TEST(LintRule, NoForcesInPlace) {
  EXPECT_TRUE(Fires("no-forces-in-place", Guarantee(AssistClause())));
  const std::string force = "[[clause]]\nid = \"f\"\ncite = \"Art. 3\"\ntext = \"a force\"\nkind = \"reassurance-force\"\n";
  EXPECT_FALSE(Fires("no-forces-in-place", Guarantee(AssistClause() + force + "forces = { by = [\"GBR\"], where = [\"UKR\"] }\n")));
  EXPECT_FALSE(Fires("no-forces-in-place", Guarantee(AssistClause() + force + "forces = { by = [\"GBR\"], where = [\"UA-30\"] }\n")));
  // Forces placed elsewhere are not in place.
  EXPECT_TRUE(Fires("no-forces-in-place", Guarantee(AssistClause() + force + "forces = { by = [\"GBR\"], where = [\"POL\"] }\n")));
}

TEST(LintRule, JudgesFactsNotNames) {
  // The same facts under another id and title give the same findings.
  std::string renamed = Guarantee(AssistClause("", "", "decision = \"security-council\"\n"));
  const auto before = RulesFired(renamed);
  renamed.replace(renamed.find("id = \"test\""), 11, "id = \"nato-1949\"");
  renamed.replace(renamed.find("title = \"Test guarantee\""), 24, "title = \"North Atlantic Treaty\"");
  EXPECT_EQ(RulesFired(renamed), before);
}

}  // namespace
}  // namespace casus
