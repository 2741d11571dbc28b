#include "casus/core/spelling.hpp"

#include <gtest/gtest.h>

namespace casus {
namespace {

TEST(Spelling, EditDistanceCountsTranspositionsOnce) {
  EXPECT_EQ(EditDistance("title", "title"), 0u);
  EXPECT_EQ(EditDistance("titel", "title"), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
}

TEST(Spelling, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> fields = {"id", "cite", "text", "kind", "trigger", "duty"};
  EXPECT_EQ(ClosestMatch("cites", fields), "cite");
  EXPECT_EQ(ClosestMatch("trigegr", fields), "trigger");
  EXPECT_EQ(ClosestMatch("Duty", fields), "duty");
  EXPECT_EQ(ClosestMatch("banana", fields), std::nullopt);
}

TEST(Spelling, HintListsTheChoices) {
  EXPECT_EQ(SuggestionHint("legaly", {"legal", "political"}), "did you mean 'legal'? expected one of: legal, political");
  EXPECT_EQ(SuggestionHint("xyz", {"legal", "political"}), "expected one of: legal, political");
}

}  // namespace
}  // namespace casus
