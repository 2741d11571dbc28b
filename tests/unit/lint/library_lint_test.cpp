// The whole shipped library, linted, with the rules each instrument must (and must not) fire
// pinned here, one line per instrument, for review against INSTRUMENTS.md's rationale.
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/lint/lint_instrument.hpp"

namespace casus {
namespace {

const std::map<std::string, std::set<std::string>> kExpected = {
    {"aachen-2019", {"hybrid-gap", "no-deadline", "means-discretion"}},
    {"anzus-1951", {"hybrid-gap", "no-deadline", "constitutional-escape", "means-discretion"}},
    {"armenia-russia-1997", {"hybrid-gap", "no-deadline"}},
    {"brussels-1954", {"hybrid-gap", "no-deadline"}},
    {"budapest-1994", {"aggressor-veto", "attribution-blockable", "consult-only", "non-binding", "no-deadline",
                       "hybrid-gap", "no-forces-in-place"}},
    {"china-dprk-1961", {"hybrid-gap", "threshold-gap"}},
    {"csto-1992", {"hybrid-gap", "short-duration"}},
    {"france-ukraine-2024", {"non-binding", "hybrid-gap", "short-duration", "no-forces-in-place", "no-deadline",
                             "constitutional-escape", "means-discretion"}},
    {"germany-ukraine-2024", {"non-binding", "hybrid-gap", "short-duration", "no-forces-in-place", "no-deadline",
                              "constitutional-escape", "means-discretion"}},
    {"istanbul-2022", {"aggressor-veto", "hybrid-gap", "geographic-gap", "no-forces-in-place"}},
    {"nato-1949", {"no-deadline", "hybrid-gap", "geographic-gap", "means-discretion", "constitutional-escape"}},
    {"paris-declaration-2026", {"non-binding", "no-deadline", "hybrid-gap", "constitutional-escape", "means-discretion",
                                "activation-condition"}},
    {"rio-1947", {"no-deadline", "hybrid-gap", "means-discretion"}},
    {"russia-belarus-2024", {"hybrid-gap", "short-duration"}},
    {"russia-dprk-2024", {"hybrid-gap", "threshold-gap", "constitutional-escape"}},
    {"shusha-2021", {"hybrid-gap", "no-deadline"}},
    // The Sino-Soviet treaty: Art. 1's attack must put a party "in a state of war" (as China-DPRK Art. II).
    {"sino-soviet-1950", {"hybrid-gap", "threshold-gap"}},
    {"taiwan-relations-act-1979", {"consult-only", "no-deadline", "constitutional-escape", "no-forces-in-place"}},
    {"teu-42-7", {"no-deadline", "hybrid-gap", "means-discretion"}},
    {"uk-ukraine-2024", {"non-binding", "hybrid-gap", "short-duration", "no-forces-in-place", "no-deadline",
                         "constitutional-escape", "means-discretion"}},
    {"us-draft-2025-11", {"no-deadline", "threshold-gap", "hybrid-gap", "geographic-gap", "means-discretion",
                          "single-decider", "short-duration", "no-forces-in-place"}},
    {"us-japan-1960", {"no-deadline", "hybrid-gap", "geographic-gap", "constitutional-escape", "means-discretion"}},
    {"us-proposal-2025-08", {"non-binding", "no-deadline", "hybrid-gap", "means-discretion", "no-forces-in-place"}},
    {"us-rok-1953", {"no-deadline", "hybrid-gap", "constitutional-escape", "means-discretion"}},
    {"us-ukraine-2024", {"consult-only", "non-binding", "hybrid-gap", "constitutional-escape", "short-duration",
                         "no-forces-in-place"}},
    // The Warsaw Pact: Art. 4 "by all the means it may consider necessary"; Art. 3 consults "unverzüglich".
    {"warsaw-1955", {"hybrid-gap", "means-discretion"}},
};

TEST(LibraryLint, EachInstrumentFiresExactlyItsPinnedRules) {
  std::set<std::string> seen;
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(CASUS_TEST_HOME) / "library")) {
    Diagnostics diagnostics;
    auto instrument = LoadInstrumentFile(entry.path(), testing::Parties(), diagnostics);
    ASSERT_TRUE(instrument.has_value()) << entry.path();
    std::set<std::string> fired;
    for (const auto& finding : LintInstrument(*instrument, testing::Parties())) {
      fired.insert(finding.rule);
      EXPECT_GT(finding.position.line, 0u) << instrument->id << " " << finding.rule;
    }
    auto expected = kExpected.find(instrument->id);
    ASSERT_NE(expected, kExpected.end()) << "no pinned findings for " << instrument->id;
    EXPECT_EQ(fired, expected->second) << instrument->id;
    seen.insert(instrument->id);
  }
  EXPECT_EQ(seen.size(), kExpected.size());
}

TEST(LibraryLint, TheSeedsContrastsHold) {
  // INSTRUMENTS.md's rationale, as facts about the library: only the Russian-veto designs carry
  // aggressor-veto; the November 2025 draft alone has a single decider (and, among the Ukraine
  // designs, the only qualified threshold);
  // the Paris Declaration alone waits for a ceasefire.
  std::map<std::string, std::set<std::string>> by_rule;
  for (const auto& [id, rules] : kExpected) {
    for (const auto& rule : rules) by_rule[rule].insert(id);
  }
  EXPECT_EQ(by_rule["aggressor-veto"], (std::set<std::string>{"budapest-1994", "istanbul-2022"}));
  // Besides the November 2025 draft, only the three treaties whose attack must put a party "in a
  // state of war" (Sino-Soviet 1950 Art. 1, China-DPRK 1961 Art. II and Russia-DPRK 2024 Art. 4,
  // its model) qualify the trigger.
  EXPECT_EQ(by_rule["threshold-gap"], (std::set<std::string>{"us-draft-2025-11", "sino-soviet-1950",
                                                             "china-dprk-1961", "russia-dprk-2024"}));
  EXPECT_EQ(by_rule["single-decider"], std::set<std::string>{"us-draft-2025-11"});
  EXPECT_EQ(by_rule["activation-condition"], std::set<std::string>{"paris-declaration-2026"});
  // The 2024 UK, French and German agreements oblige assistance after a future attack (their
  // texts, not only the consultation clause): only Budapest and the US agreement stop at talks.
  // The Taiwan Relations Act, a statute, promises Taiwan nothing beyond the President informing Congress.
  EXPECT_EQ(by_rule["consult-only"],
            (std::set<std::string>{"budapest-1994", "us-ukraine-2024", "taiwan-relations-act-1979"}));
}

}  // namespace
}  // namespace casus
