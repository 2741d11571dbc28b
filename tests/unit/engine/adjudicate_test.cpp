// Each semantic rule of adjudication (trigger, duties, decision, in force), with a case that
// passes and one that does not.
#include "casus/engine/adjudicate.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/engine/load_timeline.hpp"

namespace casus {
namespace {

using testing::AssistClause;
using testing::Guarantee;
using testing::LoadOk;

Timeline LoadTimelineOk(const std::string& text) {
  Diagnostics diagnostics;
  auto timeline = LoadTimelineText(text, "timeline.toml", testing::Parties(), diagnostics);
  std::string report;
  for (const auto& diagnostic : diagnostics.All()) report += FormatDiagnostic(diagnostic) + "\n";
  EXPECT_TRUE(timeline.has_value()) << report;
  return timeline ? *timeline : Timeline{};
}

std::vector<Diagnostic> LoadTimelineBad(const std::string& text) {
  Diagnostics diagnostics;
  EXPECT_FALSE(LoadTimelineText(text, "timeline.toml", testing::Parties(), diagnostics).has_value());
  return diagnostics.All();
}

// An incident by RUS on UKR; `fields` replace or add lines.
std::string Incident(const std::string& fields = "", const std::string& at = "2027-03-01T04:00:00Z") {
  return "[[incident]]\nid = \"i" + at.substr(0, 10) + "\"\nat = " + at +
         "\nkind = \"armed-attack\"\nby = \"RUS\"\nagainst = \"UKR\"\nwhere = \"UA-63\"\nscale = \"significant\"\n"
         "deliberate = true\nsustained = true\n" + fields + "\n";
}

std::string TimelineText(const std::string& body) { return "[timeline]\nid = \"t\"\n\n" + body; }

// One instrument replayed against one timeline; the verdicts point into the members, so a Replay
// stays where it was made.
struct Replay {
  std::vector<Instrument> instruments;
  Timeline timeline;
  std::vector<IncidentVerdict> verdicts;

  Replay(const std::string& instrument_text, const std::string& timeline_body, AdjudicationOptions options = {})
      : instruments{LoadOk(instrument_text)}, timeline(LoadTimelineOk(TimelineText(timeline_body))) {
    Adjudicate(timeline, instruments, testing::Parties(), options,
               [&](const IncidentVerdict& verdict) { verdicts.push_back(verdict); });
  }
  Replay(const Replay&) = delete;
  Replay& operator=(const Replay&) = delete;

  const InstrumentVerdict& First() const { return verdicts.at(0).instruments.at(0); }
  const ClauseVerdict& FirstClause() const { return First().clauses.at(0); }
};

Condition FirstClause(const std::string& instrument_text, const std::string& timeline_body, AdjudicationOptions options = {}) {
  return Replay(instrument_text, timeline_body, options).FirstClause().condition;
}

TEST(Adjudicate, EventKindMustMatch) {
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), Incident()), Condition::Triggered);
  std::string cyber = Incident();
  cyber.replace(cyber.find("armed-attack"), 12, "cyber-attack");
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), cyber), Condition::EventNotCovered);
  // A nuclear attack is an armed attack.
  std::string nuclear = Incident();
  nuclear.replace(nuclear.find("armed-attack"), 12, "nuclear-attack");
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), nuclear), Condition::Triggered);
}

TEST(Adjudicate, ThresholdNeedsEveryCondition) {
  std::string qualified = Guarantee(AssistClause());
  qualified.replace(qualified.find("threshold = \"any\""), 17, "threshold = { scale = \"significant\", deliberate = true, sustained = true }");
  EXPECT_EQ(FirstClause(qualified, Incident()), Condition::Triggered);
  std::string limited = Incident();
  limited.replace(limited.find("\"significant\""), 13, "\"limited\"");
  EXPECT_EQ(FirstClause(qualified, limited), Condition::BelowScale);
  std::string brief = Incident();
  brief.replace(brief.find("sustained = true"), 16, "sustained = false");
  EXPECT_EQ(FirstClause(qualified, brief), Condition::NotSustained);
  std::string accidental = Incident();
  accidental.replace(accidental.find("deliberate = true"), 17, "deliberate = false");
  EXPECT_EQ(FirstClause(qualified, accidental), Condition::NotDeliberate);
  std::string unknown = Incident();
  unknown.replace(unknown.find("sustained = true\n"), 17, "");
  EXPECT_EQ(FirstClause(qualified, unknown), Condition::ThresholdUnknown);
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), limited), Condition::Triggered);  // "any" takes everything
}

TEST(Adjudicate, PlaceMustBeInsideTheAreaAndNotExcluded) {
  const std::string area = "[[area]]\nid = \"a\"\ncite = \"Art. 6\"\ntext = \"t\"\ncovers = [\"protected-territory\"]\nexcludes = [\"UA-43\"]\n";
  const std::string instrument = Guarantee(area + AssistClause(", area = \"a\""));
  EXPECT_EQ(FirstClause(instrument, Incident()), Condition::Triggered);
  std::string crimea = Incident();
  crimea.replace(crimea.find("UA-63"), 5, "UA-43");
  EXPECT_EQ(FirstClause(instrument, crimea), Condition::PlaceExcluded);
  const std::string kyiv_only = "[[area]]\nid = \"a\"\ncite = \"Art. 6\"\ntext = \"t\"\ncovers = [\"UA-30\"]\n";
  EXPECT_EQ(FirstClause(Guarantee(kyiv_only + AssistClause(", area = \"a\"")), Incident()), Condition::PlaceOutsideArea);
}

TEST(Adjudicate, TheAttackedPartyMustBeProtected) {
  std::string on_poland = Incident();
  on_poland.replace(on_poland.find("against = \"UKR\""), 15, "against = \"POL\"");
  on_poland.replace(on_poland.find("UA-63"), 5, "PL-14");
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), on_poland), Condition::TargetNotProtected);
}

TEST(Adjudicate, ActivationConditionsMustHoldAtTheIncident) {
  const std::string instrument = Guarantee(AssistClause(", activation = [\"ceasefire-in-force\"]"));
  const std::string ceasefire = "[[status]]\nat = 2026-06-01T00:00:00Z\nkind = \"ceasefire-in-force\"\nparties = [\"UKR\", \"RUS\"]\n";
  EXPECT_EQ(FirstClause(instrument, ceasefire + Incident()), Condition::Triggered);
  EXPECT_EQ(FirstClause(instrument, Incident()), Condition::ActivationNotMet);
  const std::string ended = "[[status]]\nat = 2027-01-01T00:00:00Z\nkind = \"ceasefire-ended\"\nparties = [\"UKR\"]\n";
  EXPECT_EQ(FirstClause(instrument, ceasefire + ended + Incident()), Condition::ActivationNotMet);
  // A ceasefire that starts after the incident does not count.
  const std::string later = "[[status]]\nat = 2027-06-01T00:00:00Z\nkind = \"ceasefire-in-force\"\nparties = [\"UKR\", \"RUS\"]\n";
  EXPECT_EQ(FirstClause(instrument, later + Incident()), Condition::ActivationNotMet);
}

TEST(Adjudicate, TheInstrumentMustBeInForce) {
  const std::string dated = Guarantee(AssistClause(), "in_force = 2024-06-13\n");
  EXPECT_EQ(FirstClause(dated, Incident()), Condition::Triggered);
  EXPECT_EQ(FirstClause(dated, Incident("", "2022-02-24T03:00:00Z")), Condition::NotInForce);
  EXPECT_EQ(FirstClause(dated, Incident("", "2022-02-24T03:00:00Z"), AdjudicationOptions{true}), Condition::Triggered);
  std::string ten_years = dated;
  ten_years.replace(ten_years.find("duration = \"indefinite\""), 23, "duration = \"P10Y\"");
  EXPECT_EQ(FirstClause(ten_years, Incident("", "2034-06-13T00:00:00Z")), Condition::NotInForce);
  EXPECT_EQ(FirstClause(ten_years, Incident("", "2034-06-12T23:59:59Z")), Condition::Triggered);
  std::string terminated = Guarantee(AssistClause(), "in_force = 2000-01-01\nended = 2011-06-30\n");
  terminated.replace(terminated.find("status = \"in-force\""), 19, "status = \"terminated\"");
  EXPECT_EQ(FirstClause(terminated, Incident()), Condition::NotInForce);
  const std::string termination = "[[status]]\nat = 2027-01-01T00:00:00Z\nkind = \"termination\"\ninstrument = \"test\"\n";
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), termination + Incident()), Condition::NotInForce);
}

TEST(Adjudicate, DraftsAreAdjudicatedAsIfInForceAndSaySo) {
  std::string draft = Guarantee(AssistClause());
  draft.replace(draft.find("status = \"in-force\""), 19, "status = \"draft\"");
  const Replay replay(draft, Incident());
  EXPECT_TRUE(replay.First().hypothetical);
  EXPECT_TRUE(replay.FirstClause().Triggered());
  EXPECT_FALSE(Replay(Guarantee(AssistClause()), Incident()).First().hypothetical);
}

TEST(Adjudicate, DutiesHaveAbsoluteDeadlines) {
  std::string within = Guarantee(AssistClause());
  within.replace(within.find("deadline = \"forthwith\""), 22, "deadline = \"PT24H\"");
  const Replay replay(within, Incident());
  const auto& duties = replay.FirstClause().duties;
  ASSERT_EQ(duties.size(), 2u);
  EXPECT_EQ(duties[0].party, "USA");
  EXPECT_EQ(duties[1].party, "GBR");
  ASSERT_TRUE(duties[0].due.has_value());
  EXPECT_EQ(FormatTime(*duties[0].due), "2027-03-02T04:00:00Z");
  const Replay forthwith(Guarantee(AssistClause()), Incident());
  EXPECT_EQ(forthwith.FirstClause().duties[0].deadline.kind, DeadlineKind::Forthwith);
  EXPECT_FALSE(forthwith.FirstClause().duties[0].due.has_value());
}

TEST(Adjudicate, VetoHoldersIncludeTheAttackerWhenItsConsentIsNeeded) {
  std::string with_russia = Guarantee(AssistClause("", "", "decision = { rule = \"consensus\", by = [\"guarantors\"] }\n"));
  with_russia.replace(with_russia.find("guarantors = [\"USA\", \"GBR\"]"), 27, "guarantors = [\"USA\", \"GBR\", \"RUS\"]");
  const Replay replay(with_russia, Incident());
  const auto& decision = *replay.FirstClause().decision;
  EXPECT_EQ(decision.needs, (std::vector<std::string>{"USA", "GBR", "RUS"}));
  EXPECT_TRUE(decision.attacker_can_block);
  const Replay council(Guarantee(AssistClause("", "", "decision = \"security-council\"\n")), Incident());
  EXPECT_TRUE(council.FirstClause().decision->attacker_can_block);
  const Replay each(Guarantee(AssistClause("", "", "decision = \"each-party\"\n")), Incident());
  EXPECT_FALSE(each.FirstClause().decision->attacker_can_block);
  EXPECT_TRUE(each.FirstClause().decision->needs.empty());
}

TEST(Adjudicate, AccessionAndWithdrawalChangeWhoIsProtected) {
  const std::string pact =
      "[instrument]\nid = \"pact\"\ntitle = \"P\"\nform = \"treaty\"\nbinding = \"legal\"\nstatus = \"in-force\"\n"
      "duration = \"indefinite\"\nsources = [\"s\"]\n[exit]\ncite = \"Art. 9\"\ntext = \"notice\"\nnotice = \"P1Y\"\n"
      "[parties]\nmembers = [\"POL\", \"DEU\"]\n" + AssistClause();
  const std::string accession = "[[status]]\nat = 2026-01-01T00:00:00Z\nkind = \"accession\"\nparties = [\"UKR\"]\ninstrument = \"pact\"\n";
  EXPECT_EQ(FirstClause(pact, Incident()), Condition::TargetNotProtected);
  EXPECT_EQ(FirstClause(pact, accession + Incident()), Condition::Triggered);
  const std::string withdrawal = "[[status]]\nat = 2026-06-01T00:00:00Z\nkind = \"withdrawal-notice\"\nparties = [\"UKR\"]\ninstrument = \"pact\"\n";
  EXPECT_EQ(FirstClause(pact, accession + withdrawal + Incident("", "2027-03-01T04:00:00Z")), Condition::Triggered);  // notice running
  EXPECT_EQ(FirstClause(pact, accession + withdrawal + Incident("", "2027-06-02T00:00:00Z")), Condition::TargetNotProtected);
}

TEST(Adjudicate, PartiesCountOnlyFromTheDateTheyJoined) {
  const std::string pact =
      "[instrument]\nid = \"pact\"\ntitle = \"P\"\nform = \"treaty\"\nbinding = \"legal\"\nstatus = \"in-force\"\n"
      "duration = \"indefinite\"\nsources = [\"s\"]\n[parties]\nmembers = [\"POL\", \"UKR\"]\njoined = { UKR = 2030-01-01 }\n" +
      AssistClause();
  EXPECT_EQ(FirstClause(pact, Incident()), Condition::TargetNotProtected);
  EXPECT_EQ(FirstClause(pact, Incident("", "2030-01-02T00:00:00Z")), Condition::Triggered);
}

TEST(Adjudicate, RestraintClausesReportBreaches) {
  const std::string assurance = Guarantee(
      "[[clause]]\nid = \"respect\"\ncite = \"para. 1\"\ntext = \"respect borders\"\nkind = \"assurance\"\nobligated = [\"RUS\"]\n",
      "", "adversaries = [\"RUS\"]\n");
  EXPECT_EQ(FirstClause(assurance, Incident()), Condition::Breached);
  std::string by_belarus = Incident();
  by_belarus.replace(by_belarus.find("by = \"RUS\""), 10, "by = \"BLR\"");
  EXPECT_EQ(FirstClause(assurance, by_belarus), Condition::NotBreached);
}

TEST(LoadTimeline, RejectsBadInput) {
  EXPECT_EQ(LoadTimelineBad(TimelineText(Incident("", "2027-03-01T04:00:00"))).front().message, "'at' has no time zone");
  EXPECT_EQ(LoadTimelineBad(TimelineText(Incident("", "2027-03-01T04:00:00Z") + Incident("", "2027-02-01T04:00:00Z"))).front().message,
            "incident 'i2027-02-01' at 2027-02-01T04:00:00Z is earlier than the incident before it ('i2027-03-01' at 2027-03-01T04:00:00Z)");
  std::string outside = Incident();
  outside.replace(outside.find("UA-63"), 5, "PL-14");
  EXPECT_EQ(LoadTimelineBad(TimelineText(outside)).front().message, "'PL-14' is not in UKR, the attacked party");
  std::string unknown_kind = Incident();
  unknown_kind.replace(unknown_kind.find("armed-attack"), 12, "invasion");
  EXPECT_EQ(LoadTimelineBad(TimelineText(unknown_kind)).front().message, "unknown incident kind 'invasion'");
}

TEST(LoadTimeline, ReadsOffsetsAsUtc) {
  const Timeline timeline = LoadTimelineOk(TimelineText(Incident("", "2027-03-01T06:00:00+02:00")));
  EXPECT_EQ(FormatTime(timeline.incidents.front().at), "2027-03-01T04:00:00Z");
}

TEST(CheckTimelineReferences, ReportsUnknownInstruments) {
  const Timeline timeline = LoadTimelineOk(TimelineText(
      "[[status]]\nat = 2026-01-01T00:00:00Z\nkind = \"termination\"\ninstrument = \"nato-1950\"\n" + Incident()));
  Diagnostics diagnostics;
  CheckTimelineReferences(timeline, {LoadOk(Guarantee(AssistClause()))}, diagnostics);
  ASSERT_TRUE(diagnostics.HasErrors());
  EXPECT_EQ(diagnostics.All().front().position.line, 4u);
}

}  // namespace
}  // namespace casus
