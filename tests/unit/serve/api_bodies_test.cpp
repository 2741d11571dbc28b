// The API's request bodies (serve/api_bodies.hpp) under hostile input: whatever a browser or a
// script posts, the answer is a document or a 4xx ApiError with located diagnostics, and it
// serialises (json::dump throws on bytes that are not UTF-8). The same functions are fuzzed by
// fuzz/fuzz_web_body.cpp.
#include <string>
#include <vector>

#include "../test_support.hpp"
#include "casus/serve/api_bodies.hpp"

namespace casus {
namespace {

const std::string kTimelineHead = "[timeline]\nid = \"t\"\ntitle = \"t\"\n";

//! Every diagnostic of a document or error body names the draft and a line and column ≥ 1.
void ExpectLocated(const nlohmann::json& diagnostics, const std::string& name, const std::string& what) {
  ASSERT_TRUE(diagnostics.is_array()) << what;
  ASSERT_FALSE(diagnostics.empty()) << what;
  for (const auto& diagnostic : diagnostics) {
    EXPECT_EQ(diagnostic["file"], name) << what;
    EXPECT_GE(diagnostic["line"].get<int>(), 1) << what << ": " << diagnostic.dump();
    EXPECT_GE(diagnostic["column"].get<int>(), 1) << what << ": " << diagnostic.dump();
  }
}

std::vector<std::pair<std::string, std::string>> HostileInstruments() {
  std::string dotted = "a";
  for (int part = 0; part < 40000; ++part) dotted += ".a";
  return {
      {"a dotted key of 40 001 parts", dotted + " = 1\n"},
      {"arrays nested 40 deep", "x = " + std::string(40, '[') + std::string(40, ']') + "\n"},
      {"a byte that is not UTF-8", "[instrument]\nid = \"x\xff\"\n"},
      {"a NUL byte", std::string("[instrument]\nid = \"x\0y\"\n", 24)},
      {"an empty body", ""},
      {"a duration beyond 10 000 years", "[instrument]\nid = \"x\"\nduration = \"P2147483647Y\"\n"},
  };
}

TEST(ApiBodies, HostileDraftsGetLocatedDiagnostics) {
  for (const auto& [what, body] : HostileInstruments()) {
    const auto checked = CheckDraftBody(body, "workspace/draft.toml", testing::Parties());
    EXPECT_EQ(checked["failed"], 1) << what;
    ExpectLocated(checked["files"][0]["diagnostics"], "workspace/draft.toml", what);
    EXPECT_NO_THROW((void)checked.dump(2)) << what;
    try {
      (void)LintDraftBody(body, "workspace/draft.toml", testing::Parties());
      ADD_FAILURE() << what << ": linted";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.status, 422) << what;
      ExpectLocated(error.diagnostics, "workspace/draft.toml", what);
      EXPECT_NO_THROW((void)ApiErrorBody(error).dump(2)) << what;
    }
  }
}

TEST(ApiBodies, HostileTimelinesAre422WithLocatedDiagnostics) {
  const std::string incident = "[[incident]]\nat = 2022-02-24T03:00:00Z\nkind = \"armed-attack\"\n";
  const std::vector<std::pair<std::string, std::string>> timelines = {
      {"two incidents without id", kTimelineHead + incident + incident},
      {"a zero-width space in an incident id", kTimelineHead + "[[incident]]\nid = \"a\xe2\x80\x8b" "b\"\nat = 2022-02-24T03:00:00Z\nkind = \"armed-attack\"\n"},
      {"a deadline of 999 999 999 weeks", kTimelineHead + "[[incident]]\nid = \"a\"\nat = 2022-02-24T03:00:00Z\nkind = \"armed-attack\"\ndeadline = \"P999999999W\"\n"},
      {"a byte that is not UTF-8", kTimelineHead + "[[incident]]\nid = \"\xc3\x28\"\n"},
  };
  for (const auto& [what, body] : timelines) {
    try {
      (void)AdjudicateTimelineBody(body, "workspace/timeline.toml", {}, testing::Parties(), false);
      ADD_FAILURE() << what << ": adjudicated";
    } catch (const ApiError& error) {
      EXPECT_EQ(error.status, 422) << what;
      ExpectLocated(error.diagnostics, "workspace/timeline.toml", what);
      EXPECT_NO_THROW((void)ApiErrorBody(error).dump(2)) << what;
    }
  }
}

TEST(ApiBodies, NamesThatAreNotUtf8AreRefused) {
  // ?name=%FF.toml arrives URL-decoded as a lone 0xFF byte; it would end up in every diagnostic.
  try {
    (void)CheckDraftBody("[instrument]\n", "workspace/\xff.toml", testing::Parties());
    ADD_FAILURE() << "checked";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status, 400);
    EXPECT_NO_THROW((void)ApiErrorBody(error).dump(2));
  }
}

}  // namespace
}  // namespace casus
