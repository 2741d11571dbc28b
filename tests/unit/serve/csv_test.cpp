// The CSV exports: RFC 4180 quoting, one row per item, no JSON in a cell.
#include <algorithm>

#include <gtest/gtest.h>

#include "casus/report/csv.hpp"

namespace casus {
namespace {

TEST(Csv, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a, b"), "\"a, b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("Київ"), "Київ");  // UTF-8 passes through
}

TEST(Csv, FlattensObjectsAndListsIntoColumns) {
  const auto rows = nlohmann::ordered_json::parse(R"([
    {"id":"a","mix":{"diplomatic":0.5,"armed-force":0.25},"who":["USA","GBR"],"ok":true,"none":null},
    {"id":"b, c","mix":{"sanctions":1},"who":[],"ok":false}])");
  EXPECT_EQ(RowsToCsv(rows),
            "id,mix.diplomatic,mix.armed-force,who,ok,none,mix.sanctions\r\n"
            "a,0.5,0.25,USA; GBR,true,,\r\n"
            "\"b, c\",,,,false,,1\r\n");
}

TEST(Csv, ListsOfObjectsBecomeTextNotJson) {
  const std::string csv = RowsToCsv(nlohmann::ordered_json::parse(R"([{"needs":[{"kind":"request","by":["UKR"]},{"kind":"determination"}]}])"));
  EXPECT_NE(csv.find("kind: request, by: UKR; kind: determination"), std::string::npos) << csv;
  EXPECT_EQ(csv.find('{'), std::string::npos) << csv;
}

TEST(Csv, AdjudicationHasOneRowPerClauseAndDutiesAsParallelColumns) {
  const auto document = nlohmann::json::parse(R"({"timeline":"t","as_if_in_force":false,"incidents":[
    {"id":"i1","at":"2027-03-01T04:00:00Z","instruments":[{"id":"x","in_force":true,"clauses":[
      {"clause":"c1","triggered":true,"duties":[{"party":"USA","duty":"act","deadline":null,"means":["armed-force","sanctions"]},
                                                {"party":"GBR","duty":"consult","deadline":"forthwith","means":[]}]},
      {"clause":"c2","triggered":false,"duties":[]}]}]}]})");
  const std::string csv = AdjudicationCsv(document);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);  // header + two clauses
  EXPECT_NE(csv.find("USA; GBR,act; consult,none; forthwith,armed-force + sanctions; "), std::string::npos) << csv;
  EXPECT_EQ(csv.find('{'), std::string::npos);
}

}  // namespace
}  // namespace casus
