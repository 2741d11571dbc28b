// Properties (rapidcheck): durations survive a round trip through their text; instrument and
// timeline loaders never crash or throw on mangled input, and reject it with a positioned error.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "../test_support.hpp"
#include "casus/core/duration.hpp"
#include "casus/engine/load_timeline.hpp"

namespace casus {
namespace {

RC_GTEST_PROP(Properties, DurationsRoundTripThroughText, ()) {
  IsoDuration duration;
  duration.years = *rc::gen::inRange(0, 200);
  duration.months = *rc::gen::inRange(0, 24);
  duration.weeks = *rc::gen::inRange(0, 10);
  duration.days = *rc::gen::inRange(0, 40);
  duration.hours = *rc::gen::inRange(0, 48);
  duration.minutes = *rc::gen::inRange(0, 120);
  duration.seconds = *rc::gen::inRange(0, 120);
  const auto parsed = ParseIsoDuration(duration.ToString());
  RC_ASSERT(std::holds_alternative<IsoDuration>(parsed));
  if (duration == IsoDuration{}) {
    RC_ASSERT(std::get<IsoDuration>(parsed).NominalDays() == 0.0);  // "P0D"
  } else {
    RC_ASSERT(std::get<IsoDuration>(parsed) == duration);
  }
}

RC_GTEST_PROP(Properties, LongerDurationsCompareLonger, ()) {
  IsoDuration shorter;
  shorter.years = *rc::gen::inRange(0, 50);
  shorter.days = *rc::gen::inRange(0, 400);
  IsoDuration longer = shorter;
  longer.months += *rc::gen::inRange(1, 12);
  RC_ASSERT(longer.NominalDays() > shorter.NominalDays());
}

// A valid file with one byte replaced, deleted or inserted somewhere.
std::string Mangle(const std::string& text) {
  const size_t position = *rc::gen::inRange<size_t>(0, text.size());
  const char byte = *rc::gen::elementOf(std::string("\"=[]{}#\n,.-x0 \\\x01\xff"));
  switch (*rc::gen::inRange(0, 3)) {
    case 0: return text.substr(0, position) + byte + text.substr(std::min(position + 1, text.size()));
    case 1: return text.substr(0, position) + text.substr(std::min(position + 1, text.size()));
    default: return text.substr(0, position) + byte + text.substr(position);
  }
}

RC_GTEST_PROP(Properties, MangledInstrumentsAreRejectedWithAPositionOrAccepted, ()) {
  const std::string text = Mangle(testing::Guarantee(testing::AssistClause("", "", "decision = \"each-party\"\n")));
  Diagnostics diagnostics;
  const auto instrument = LoadInstrumentText(text, "mangled.toml", testing::Parties(), diagnostics);
  if (!instrument) {
    RC_ASSERT(diagnostics.HasErrors());
    for (const auto& diagnostic : diagnostics.All()) {
      RC_ASSERT(diagnostic.position.file == "mangled.toml");
      RC_ASSERT(diagnostic.position.line >= 1u);
      RC_ASSERT(!diagnostic.message.empty());
    }
  }
}

RC_GTEST_PROP(Properties, MangledTimelinesAreRejectedWithAPositionOrAccepted, ()) {
  const std::string valid =
      "[timeline]\nid = \"t\"\n[[status]]\nat = 2026-06-01T00:00:00Z\nkind = \"ceasefire-in-force\"\nparties = [\"UKR\"]\n"
      "[[incident]]\nid = \"i\"\nat = 2027-03-01T04:00:00Z\nkind = \"armed-attack\"\nby = \"RUS\"\nagainst = \"UKR\"\n"
      "where = \"UA-63\"\nscale = \"limited\"\n";
  const std::string text = Mangle(valid);
  Diagnostics diagnostics;
  const auto timeline = LoadTimelineText(text, "mangled.toml", testing::Parties(), diagnostics);
  if (!timeline) {
    RC_ASSERT(diagnostics.HasErrors());
    RC_ASSERT(diagnostics.All().front().position.line >= 1u);
  }
}

}  // namespace
}  // namespace casus
