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
  EXPECT_EQ(FirstClause(qualified, limited), Condition::BelowGravity);  // --doctrine icj: below an armed attack
  const AdjudicationOptions us{false, Doctrine::Us};
  EXPECT_EQ(FirstClause(qualified, limited, us), Condition::BelowScale);
  std::string brief = Incident();
  brief.replace(brief.find("sustained = true"), 16, "sustained = false");
  EXPECT_EQ(FirstClause(qualified, brief), Condition::NotSustained);
  std::string accidental = Incident();
  accidental.replace(accidental.find("deliberate = true"), 17, "deliberate = false");
  EXPECT_EQ(FirstClause(qualified, accidental), Condition::NotDeliberate);
  std::string unknown = Incident();
  unknown.replace(unknown.find("sustained = true\n"), 17, "");
  EXPECT_EQ(FirstClause(qualified, unknown), Condition::ThresholdUnknown);
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), limited, us), Condition::Triggered);  // "any" takes everything
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

// --- The law of self-defence, restraint clauses and the life of treaties (docs/adjudication-law.md) ---

std::string Act(const std::string& kind, const std::string& incident_id, const std::string& fields,
                const std::string& at = "2027-03-01T12:00:00Z") {
  return "[[status]]\nat = " + at + "\nkind = \"" + kind + "\"\nincident = \"" + incident_id + "\"\n" + fields + "\n";
}

TEST(AdjudicationLaw, CollectiveSelfDefenceIsOwedOnceTheVictimAsks) {
  const Replay silent(Guarantee(AssistClause("", ", means = [\"armed-force\"]")), Incident());
  EXPECT_EQ(silent.FirstClause().status, ClauseStatus::OwedOnce);
  ASSERT_EQ(silent.FirstClause().needs.size(), 1u);
  EXPECT_EQ(silent.FirstClause().needs[0].kind, NeedKind::VictimRequest);
  const Replay asked(Guarantee(AssistClause("", ", means = [\"armed-force\"]")),
                     Act("request", "i2027-03-01", "parties = [\"UKR\"]") + Incident());
  EXPECT_EQ(asked.FirstClause().status, ClauseStatus::Owed);
  // A request by someone else is not the victim's.
  const Replay other(Guarantee(AssistClause("", ", means = [\"armed-force\"]")),
                     Act("request", "i2027-03-01", "parties = [\"POL\"]") + Incident());
  EXPECT_EQ(other.FirstClause().status, ClauseStatus::OwedOnce);
}

TEST(AdjudicationLaw, DeadlinesRunFromTheRequestTheTextNames) {
  const std::string consult = Guarantee(
      "[[clause]]\nid = \"c\"\ncite = \"Art. 2\"\ntext = \"at the request of either\"\nkind = \"consultation\"\n"
      "trigger = { events = [\"armed-attack\"], threshold = \"any\", on_request = true }\n"
      "duty = { strength = \"consult\", deadline = \"PT24H\", deadline_hedge = \"where possible\" }\n");
  const Replay before(consult, Incident());
  EXPECT_EQ(before.FirstClause().status, ClauseStatus::OwedOnce);
  EXPECT_FALSE(before.FirstClause().duties.at(0).due.has_value());
  const Replay after(consult, Act("request", "i2027-03-01", "parties = [\"UKR\"]") + Incident());
  EXPECT_EQ(after.FirstClause().status, ClauseStatus::Owed);
  EXPECT_EQ(FormatTime(*after.FirstClause().duties.at(0).due), "2027-03-02T12:00:00Z");  // the request + 24 h
  EXPECT_EQ(after.FirstClause().duties.at(0).hedge, "where possible");
}

TEST(AdjudicationLaw, SelfDefenceIsInferredAndIsNotAnArmedAttack) {
  const std::string both_ways = Incident() + "[[incident]]\nid = \"answer\"\nat = 2027-03-05T00:00:00Z\nkind = \"armed-attack\"\n"
                                "by = \"UKR\"\nagainst = \"RUS\"\nwhere = \"RU-BEL\"\nscale = \"significant\"\ndeliberate = true\nsustained = false\n";
  const std::string russia_protected = "[instrument]\nid = \"ally\"\ntitle = \"A\"\nform = \"treaty\"\nbinding = \"legal\"\n"
      "status = \"in-force\"\nduration = \"indefinite\"\nsources = [\"s\"]\n[parties]\nmembers = [\"RUS\", \"BLR\"]\n" + AssistClause();
  const Replay replay(russia_protected, both_ways);
  EXPECT_TRUE(replay.verdicts.at(1).assessment.character_inferred);
  EXPECT_EQ(replay.verdicts.at(1).instruments.at(0).clauses.at(0).condition, Condition::SelfDefence);
  // Stated otherwise, it is aggression.
  std::string stated = both_ways;
  stated.replace(stated.find("sustained = false"), 17, "sustained = false\ncharacter = \"aggression\"");
  const Replay aggression(russia_protected, stated);
  EXPECT_NE(aggression.verdicts.at(1).instruments.at(0).clauses.at(0).condition, Condition::SelfDefence);
}

TEST(AdjudicationLaw, LimitedIncidentsAccumulateWithinTheStatedWindow) {
  auto strike = [](const std::string& id, const std::string& at) {
    return "[[incident]]\nid = \"" + id + "\"\nat = " + at + "\nkind = \"armed-attack\"\nby = \"RUS\"\nagainst = \"UKR\"\n"
           "where = \"UA-63\"\nscale = \"limited\"\ndeliberate = true\nsustained = false\n";
  };
  const std::string strikes = strike("a", "2027-03-01T00:00:00Z") + strike("b", "2027-03-10T00:00:00Z");
  const Replay alone(Guarantee(AssistClause()), strikes);
  EXPECT_EQ(alone.verdicts.at(1).instruments.at(0).clauses.at(0).condition, Condition::BelowGravity);
  const std::string header = "accumulation = { window = \"P30D\", count = 2 }\n";
  const Replay together(Guarantee(AssistClause()), header + strikes);
  EXPECT_EQ(together.verdicts.at(0).instruments.at(0).clauses.at(0).condition, Condition::BelowGravity);
  EXPECT_EQ(together.verdicts.at(1).instruments.at(0).clauses.at(0).condition, Condition::Triggered);
  const Replay apart(Guarantee(AssistClause()), header + strike("a", "2027-01-01T00:00:00Z") + strike("b", "2027-03-10T00:00:00Z"));
  EXPECT_EQ(apart.verdicts.at(1).instruments.at(0).clauses.at(0).condition, Condition::BelowGravity);
}

TEST(AdjudicationLaw, EffectsNotTheWeaponMakeAnArmedAttack) {
  std::string lethal = Incident("effects = \"deaths\"");
  lethal.replace(lethal.find("armed-attack"), 12, "cyber-attack");
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), lethal), Condition::Triggered);
  std::string disruptive = Incident("effects = \"disruption\"");
  disruptive.replace(disruptive.find("armed-attack"), 12, "cyber-attack");
  EXPECT_EQ(FirstClause(Guarantee(AssistClause()), disruptive), Condition::EventNotCovered);
}

TEST(AdjudicationLaw, UnattributedNonStateAttacksAreOwedOnceAtBest) {
  std::string non_state = Act("request", "i2027-03-01", "parties = [\"UKR\"]") + Incident();  // the victim asks
  non_state.replace(non_state.find("by = \"RUS\""), 10, "by = \"non-state\"");
  const Replay icj(Guarantee(AssistClause()), non_state);
  EXPECT_EQ(icj.FirstClause().status, ClauseStatus::OwedOnce);
  EXPECT_EQ(icj.FirstClause().needs.at(0).kind, NeedKind::Attribution);
  const Replay us(Guarantee(AssistClause()), non_state, AdjudicationOptions{false, Doctrine::Us});
  EXPECT_EQ(us.FirstClause().status, ClauseStatus::Owed);
  const Replay us_any_state(Guarantee(AssistClause(", by = [\"any-state\"]")), non_state, AdjudicationOptions{false, Doctrine::Us});
  EXPECT_EQ(us_any_state.FirstClause().status, ClauseStatus::OwedOnce);
  std::string sponsored = non_state + "sponsor = \"BLR\"\nattribution = \"effective-control\"\n";
  const Replay attributed(Guarantee(AssistClause(", by = [\"RUS\"]")), sponsored);
  EXPECT_EQ(attributed.FirstClause().condition, Condition::AttackerNotCovered);  // BLR is not RUS
  const Replay determined(Guarantee(AssistClause()),
                          Act("determination", "i2027-03-01", "instrument = \"test\"\nfinding = \"attribution\"") + non_state);
  EXPECT_EQ(determined.FirstClause().status, ClauseStatus::Owed);
}

TEST(AdjudicationLaw, RestraintClausesForbidWhatTheySayWithTheirExceptions) {
  const std::string nuclear_only = Guarantee(
      "[[clause]]\nid = \"n\"\ncite = \"para. 5\"\ntext = \"not to use nuclear weapons\"\nkind = \"non-aggression\"\n"
      "obligated = [\"RUS\"]\nforbids = [\"nuclear-use\"]\n", "", "adversaries = [\"RUS\"]\n");
  EXPECT_EQ(FirstClause(nuclear_only, Incident()), Condition::NotBreached);
  std::string threat = Incident();
  threat.replace(threat.find("armed-attack"), 12, "nuclear-threat");
  EXPECT_EQ(FirstClause(nuclear_only, threat), Condition::NotBreached);  // a threat is not a use
  std::string use = Incident();
  use.replace(use.find("armed-attack"), 12, "nuclear-attack");
  const Replay breached(nuclear_only, use);
  EXPECT_EQ(breached.FirstClause().status, ClauseStatus::Breached);
  EXPECT_EQ(breached.FirstClause().breached, std::vector<Forbidden>{Forbidden::NuclearUse});
  std::string defence = Incident("character = \"self-defence\"");
  const std::string force = Guarantee(
      "[[clause]]\nid = \"f\"\ncite = \"para. 2\"\ntext = \"refrain from force\"\nkind = \"non-aggression\"\nobligated = [\"RUS\"]\n",
      "", "adversaries = [\"RUS\"]\n");
  EXPECT_EQ(FirstClause(force, Incident()), Condition::Breached);
  EXPECT_EQ(FirstClause(force, defence), Condition::Excepted);
}

TEST(AdjudicationLaw, TheAttackerOwesNothingAndSuspensionsAndVcltNoticesCount) {
  const std::string pact = "[instrument]\nid = \"pact\"\ntitle = \"P\"\nform = \"treaty\"\nbinding = \"legal\"\n"
      "status = \"in-force\"\nduration = \"indefinite\"\nsources = [\"s\"]\n[parties]\nmembers = [\"POL\", \"DEU\", \"UKR\", \"RUS\"]\n" +
      AssistClause();
  const Replay replay(pact, Incident());
  std::vector<std::string> owing;
  for (const auto& duty : replay.FirstClause().duties) owing.push_back(duty.party);
  EXPECT_EQ(owing, (std::vector<std::string>{"POL", "DEU"}));  // not RUS, the attacker; not UKR, the victim
  const std::string suspension = "[[status]]\nat = 2026-01-01T00:00:00Z\nkind = \"suspension\"\nparties = [\"DEU\"]\n"
                                 "towards = [\"UKR\"]\ninstrument = \"pact\"\n";
  const Replay suspended(pact, suspension + Incident());
  ASSERT_EQ(suspended.FirstClause().duties.size(), 1u);
  EXPECT_EQ(suspended.FirstClause().duties[0].party, "POL");
  // No exit clause: a withdrawal takes effect twelve months after notice (VCLT Art. 56(2)).
  const std::string withdrawal = "[[status]]\nat = 2026-06-01T00:00:00Z\nkind = \"withdrawal-notice\"\nparties = [\"UKR\"]\ninstrument = \"pact\"\n";
  EXPECT_EQ(FirstClause(pact, withdrawal + Incident("", "2027-03-01T04:00:00Z")), Condition::Triggered);
  EXPECT_EQ(FirstClause(pact, withdrawal + Incident("", "2027-06-02T00:00:00Z")), Condition::TargetNotProtected);
}

TEST(AdjudicationLaw, AnActivationThatFiresOnceOutlivesTheCeasefire) {
  const std::string ceasefire = "[[status]]\nat = 2026-06-01T00:00:00Z\nkind = \"ceasefire-in-force\"\nparties = [\"UKR\", \"RUS\"]\n"
                                "[[status]]\nat = 2027-01-01T00:00:00Z\nkind = \"ceasefire-ended\"\nparties = [\"UKR\", \"RUS\"]\n";
  EXPECT_EQ(FirstClause(Guarantee(AssistClause(", activation = [\"ceasefire-in-force\"]")), ceasefire + Incident()),
            Condition::ActivationNotMet);
  EXPECT_EQ(FirstClause(Guarantee(AssistClause(", activation = [\"ceasefire-entered\"]")), ceasefire + Incident()),
            Condition::Triggered);
  EXPECT_EQ(FirstClause(Guarantee(AssistClause(", activation = [\"ceasefire-entered\"]")), Incident()),
            Condition::ActivationNotMet);
}

TEST(AdjudicationLaw, TheGuaranteeIsVoidWhenTheBeneficiaryStrikesFirst) {
  const std::string first = "[[incident]]\nid = \"first\"\nat = 2027-01-01T00:00:00Z\nkind = \"armed-attack\"\nby = \"UKR\"\n"
                            "against = \"RUS\"\nwhere = \"RU-BEL\"\nscale = \"significant\"\ndeliberate = true\nsustained = false\n";
  const Replay replay(Guarantee(AssistClause(", void_if = [\"beneficiary-attacks-first\"]")), first + Incident());
  EXPECT_EQ(replay.verdicts.at(1).instruments.at(0).clauses.at(0).condition, Condition::SelfDefence);  // RUS answers UKR
  std::string stated = Incident("character = \"aggression\"");
  const Replay voided(Guarantee(AssistClause(", void_if = [\"beneficiary-attacks-first\"]")), first + stated);
  EXPECT_EQ(voided.verdicts.at(1).instruments.at(0).clauses.at(0).condition, Condition::Voided);
}

TEST(AdjudicationLaw, PlacesIncludeDependenciesAndObjectsAbroad) {
  const std::string pact = "[instrument]\nid = \"pact\"\ntitle = \"P\"\nform = \"treaty\"\nbinding = \"legal\"\n"
      "status = \"in-force\"\nduration = \"indefinite\"\nsources = [\"s\"]\n[parties]\nmembers = [\"DNK\", \"USA\"]\n"
      "[[area]]\nid = \"a\"\ncite = \"Art. 6\"\ntext = \"t\"\ncovers = [\"protected-territory\"]\nexcludes = [\"GUM\"]\n"
      "objects = [\"vessels\"]\nobjects_in = [\"protected-territory\", \"mediterranean\"]\n" + AssistClause(", area = \"a\"");
  auto attack = [](const std::string& against, const std::string& where, const std::string& extra = "") {
    return "[[incident]]\nid = \"x\"\nat = 2027-03-01T00:00:00Z\nkind = \"armed-attack\"\nby = \"RUS\"\nagainst = \"" + against +
           "\"\nwhere = \"" + where + "\"\nscale = \"significant\"\n" + extra;
  };
  EXPECT_EQ(FirstClause(pact, attack("DNK", "GRL")), Condition::Triggered);
  EXPECT_EQ(FirstClause(pact, attack("USA", "GUM")), Condition::PlaceExcluded);
  EXPECT_EQ(FirstClause(pact, attack("USA", "mediterranean", "target = \"vessels\"\n")), Condition::Triggered);
  EXPECT_EQ(FirstClause(pact, attack("USA", "south-china-sea", "target = \"vessels\"\n")), Condition::PlaceOutsideArea);
  EXPECT_EQ(FirstClause(pact, attack("USA", "DK-84", "target = \"vessels\"\n")), Condition::Triggered);  // in a party's territory
  EXPECT_EQ(FirstClause(pact, attack("USA", "DK-84", "target = \"aircraft\"\n")), Condition::PlaceOutsideArea);
  EXPECT_EQ(LoadTimelineBad(TimelineText(attack("DNK", "mediterranean"))).front().message,
            "'mediterranean' is a sea area, not DNK's territory");
}

TEST(AdjudicationLaw, UnknownTerminationAndConcertedActionAreNeeds) {
  std::string ended = Guarantee(AssistClause("", ", means = [\"diplomatic\"]"));
  ended.replace(ended.find("status = \"in-force\""), 19, "status = \"terminated\"\nended = \"unknown\"");
  const Replay perhaps(ended, Incident());
  EXPECT_TRUE(perhaps.First().in_force);
  EXPECT_EQ(perhaps.FirstClause().status, ClauseStatus::OwedOnce);
  EXPECT_EQ(perhaps.FirstClause().needs.at(0).kind, NeedKind::InForce);
  const std::string concert = Guarantee(AssistClause(", activation = [\"concerted-action-impossible\"]", ", means = [\"diplomatic\"]"));
  const Replay waiting(concert, Incident());
  EXPECT_EQ(waiting.FirstClause().needs.at(0).kind, NeedKind::ConcertedActionImpossible);
  const Replay found(concert, Act("determination", "i2027-03-01", "finding = \"concerted-action-impossible\"") + Incident());
  EXPECT_EQ(found.FirstClause().status, ClauseStatus::Owed);
}

TEST(LoadTimeline, RejectsBadInput) {
  EXPECT_EQ(LoadTimelineBad(TimelineText(Incident("", "2027-03-01T04:00:00"))).front().message, "'at' has no time zone");
  EXPECT_EQ(LoadTimelineBad(TimelineText(Incident("", "2027-03-01T04:00:00Z") + Incident("", "2027-02-01T04:00:00Z"))).front().message,
            "incident 'i2027-02-01' at 2027-02-01T04:00:00Z is earlier than the incident before it ('i2027-03-01' at 2027-03-01T04:00:00Z)");
  std::string outside = Incident();
  outside.replace(outside.find("UA-63"), 5, "PL-14");
  EXPECT_EQ(LoadTimelineBad(TimelineText(outside)).front().message, "'PL-14' (Mazowieckie) is in POL, not in UKR, the attacked party");
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
