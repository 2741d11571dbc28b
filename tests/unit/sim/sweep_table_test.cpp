// The sweep's exports (issue 15): the CSV is a wide table a spreadsheet reads (a row per run and
// design, a column per setting and per metric, no JSON in a cell, RFC 4180 quoting), and the
// Pareto front keeps only the points no other point beats beyond its error.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../test_support.hpp"
#include "casus/core/number.hpp"
#include "casus/games/scenario.hpp"
#include "casus/sim/sweep.hpp"

namespace casus {
namespace {

const std::filesystem::path kHome(CASUS_TEST_HOME);

// RFC 4180, read independently of the writer: fields split on commas outside quotes, "" inside
// quotes is one quote, records end with CRLF. Fails the test on a malformed record.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (quoted) {
      if (c == '"' && at + 1 < text.size() && text[at + 1] == '"') {
        field += '"';
        ++at;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      EXPECT_TRUE(field.empty()) << "a quote inside an unquoted field at byte " << at;
      quoted = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
    } else if (c == '\r') {
      EXPECT_TRUE(at + 1 < text.size() && text[at + 1] == '\n') << "a CR without LF at byte " << at;
      record.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(record));
      record.clear();
      ++at;
    } else {
      EXPECT_NE(c, '\n') << "a bare LF at byte " << at;
      field += c;
    }
  }
  EXPECT_FALSE(quoted) << "an unterminated quoted field";
  EXPECT_TRUE(field.empty() && record.empty()) << "the last record lacks its CRLF";
  return records;
}

std::string ReadAll(const std::filesystem::path& file) {
  std::ifstream input(file, std::ios::binary);
  std::stringstream buffer;
  buffer << input.rdbuf();
  return buffer.str();
}

std::filesystem::path TempFile(const std::string& name) {
  return std::filesystem::temp_directory_path() / fmt::format("casus-{}-{}", ::getpid(), name);
}

TEST(SweepCsv, AColumnPerSettingAndMetricWithTheDatabasesValues) {
  Diagnostics diagnostics;
  const auto spec = LoadSweepFile(kHome / "scenarios/draft-levers.sweep.toml", testing::Parties(), diagnostics);
  ASSERT_TRUE(spec.has_value());
  SweepSpec small = *spec;
  small.draws = 300;
  auto loaded = LoadCalibratedScenario(small.scenario, kHome, testing::Parties(), diagnostics);
  ASSERT_TRUE(loaded.has_value());
  const auto database = TempFile("levers.db");
  const auto csv = TempFile("levers.csv");
  std::filesystem::remove(database);
  RunSweep(small, *loaded, testing::Parties(), database, false, 1);
  ExportSweepCsv(database, csv, SweepSettingColumns(small));
  const std::string text = ReadAll(csv);
  const auto records = ParseCsv(text);
  ASSERT_EQ(records.size(), 25u);  // the header and 24 runs × 1 design
  const std::vector<std::string> settings = {"decision_rule", "deadline", "forces", "threshold"};  // the sweep file's order
  EXPECT_EQ(SweepSettingColumns(small), settings);
  const auto& header = records.front();
  ASSERT_GE(header.size(), 9u);
  EXPECT_EQ(std::vector<std::string>(header.begin(), header.begin() + 4), (std::vector<std::string>{"run", "replication", "seed", "design"}));
  EXPECT_EQ(std::vector<std::string>(header.begin() + 4, header.begin() + 8), settings);
  EXPECT_EQ(header[8], "p_attack");
  EXPECT_EQ(header.back(), "pareto");
  // A set of parties holds a comma: quoted in the file, whole in the field.
  EXPECT_NE(text.find(",\"FRA,GBR\","), std::string::npos);
  SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
  size_t fronts = 0;
  for (size_t row_idx = 1; row_idx < records.size(); ++row_idx) {
    const auto& row = records[row_idx];
    ASSERT_EQ(row.size(), header.size()) << "row " << row_idx;
    for (const auto& cell : row) EXPECT_EQ(cell.find('{'), std::string::npos) << "JSON in a cell: " << cell;
    SQLite::Statement run(db, "SELECT replication, seed, point FROM runs WHERE run = ?");
    run.bind(1, static_cast<int64_t>(std::stoll(row[0])));
    ASSERT_TRUE(run.executeStep()) << "no run " << row[0];
    EXPECT_EQ(row[1], std::to_string(run.getColumn(0).getInt()));
    EXPECT_EQ(row[2], std::to_string(run.getColumn(1).getInt64()));
    const auto point = nlohmann::json::parse(run.getColumn(2).getString());
    EXPECT_EQ(row[3], point.at("design").get<std::string>());
    for (size_t setting_idx = 0; setting_idx < settings.size(); ++setting_idx) {
      EXPECT_EQ(row[4 + setting_idx], point.at(settings[setting_idx]).get<std::string>()) << "run " << row[0] << " " << settings[setting_idx];
    }
    for (size_t column = 8; column + 1 < header.size(); ++column) {
      SQLite::Statement value(db, "SELECT value FROM results WHERE run = ? AND design = ? AND metric = ?");
      value.bind(1, static_cast<int64_t>(std::stoll(row[0])));
      value.bind(2, row[3]);
      value.bind(3, header[column]);
      ASSERT_TRUE(value.executeStep()) << header[column];
      const auto cell = ParseNumber(row[column]);
      ASSERT_TRUE(cell.has_value()) << row[column];
      EXPECT_EQ(*cell, value.getColumn(0).getDouble()) << "run " << row[0] << " " << header[column];  // the same bits
    }
    SQLite::Statement front(db, "SELECT on_front FROM pareto WHERE run = ? AND design = ?");
    front.bind(1, static_cast<int64_t>(std::stoll(row[0])));
    front.bind(2, row[3]);
    ASSERT_TRUE(front.executeStep());
    EXPECT_EQ(row.back(), std::to_string(front.getColumn(0).getInt()));
    fronts += row.back() == "1" ? 1 : 0;
  }
  EXPECT_GE(fronts, 1u);
  std::filesystem::remove(database);
  std::filesystem::remove(csv);
}

// A database written by hand: a setting whose values hold commas, quotes and a line break, and
// no settings given (the columns come from the database's record of the sweep).
TEST(SweepCsv, QuotesCommasQuotesAndLineBreaks) {
  const auto database = TempFile("quoting.db");
  const auto csv = TempFile("quoting.csv");
  std::filesystem::remove(database);
  const std::string awkward = "a \"quoted\", value\nover two lines";
  {
    SQLite::Database db(database.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE sweep_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    db.exec("CREATE TABLE runs(run INTEGER PRIMARY KEY, replication INTEGER NOT NULL, seed INTEGER NOT NULL, point TEXT NOT NULL)");
    db.exec("CREATE TABLE results(run INTEGER NOT NULL, design TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY(run, design, metric))");
    db.exec("CREATE TABLE pareto(run INTEGER NOT NULL, design TEXT NOT NULL, on_front INTEGER NOT NULL, PRIMARY KEY(run, design))");
    SQLite::Statement meta(db, "INSERT INTO sweep_meta VALUES('fingerprint', ?)");
    meta.bind(1, nlohmann::json{{"axes", {{{"name", "design"}}, {{"name", "label"}}, {{"name", "noise_sd"}}}}}.dump());
    meta.exec();
    SQLite::Statement run(db, "INSERT INTO runs VALUES(0, 0, 7, ?)");
    run.bind(1, nlohmann::json{{"design", "d,1"}, {"label", awkward}, {"noise_sd", "0.25"}}.dump());
    run.exec();
    db.exec("INSERT INTO results VALUES(0, 'd,1', 'p_attack', 0.125), (0, 'd,1', 'guarantor_cost', 2.5)");
    db.exec("INSERT INTO pareto VALUES(0, 'd,1', 1)");
  }
  ExportSweepCsv(database, csv);
  const auto records = ParseCsv(ReadAll(csv));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"run", "replication", "seed", "design", "label", "noise_sd", "p_attack", "guarantor_cost", "pareto"}));
  EXPECT_EQ(records[1], (std::vector<std::string>{"0", "0", "7", "d,1", awkward, "0.25", "0.125", "2.5", "1"}));
  std::filesystem::remove(database);
  std::filesystem::remove(csv);
}

ParetoPoint Point(int64_t run, std::string design, double deterrence, double cost, double se) {
  ParetoPoint point;
  point.run = run;
  point.design = std::move(design);
  point.deterrence = deterrence;
  point.guarantor_cost = cost;
  point.deterrence_se = se;
  point.guarantor_cost_se = se;
  return point;
}

// Twenty-four points along a trade-off made of noise: deterrence rises by 0.001 a point (far below
// its error, se 0.01), cost by 0.05 (far above it). The plain Pareto rule calls every point a best
// trade-off; beyond error, the cheapest deters as much as any of them within noise and costs less
// beyond doubt, so the front is small.
TEST(SweepFront, NoiseLevelDifferencesNoLongerMakeEveryPointBest) {
  std::vector<ParetoPoint> points;
  for (int idx = 0; idx < 24; ++idx) points.push_back(Point(idx, idx % 2 == 0 ? "a" : "b", 0.80 + 0.001 * idx, 1.0 + 0.05 * idx, 0.01));
  std::vector<ParetoPoint> exact = points;  // the same values with no error: the plain Pareto front
  for (auto& point : exact) point.deterrence_se = point.guarantor_cost_se = 0.0;
  MarkParetoFront(exact);
  EXPECT_EQ(std::count_if(exact.begin(), exact.end(), [](const ParetoPoint& point) { return point.on_front; }), 24);
  MarkParetoFront(points);
  const auto front = std::count_if(points.begin(), points.end(), [](const ParetoPoint& point) { return point.on_front; });
  EXPECT_LE(front, 2);
  EXPECT_GE(front, 1);
  EXPECT_TRUE(points.front().on_front);  // the cheapest
  EXPECT_FALSE(points.back().on_front);
}

TEST(SweepFront, AClearlyDominatedPointIsOffAndATradeOffStays) {
  std::vector<ParetoPoint> points = {Point(0, "a", 0.60, 0.50, 0.01),   // cheap, deters less
                                     Point(1, "b", 0.90, 1.50, 0.01),   // dear, deters more: a real trade-off
                                     Point(2, "c", 0.55, 1.60, 0.01),   // worse than both beyond error on both
                                     Point(3, "a", 0.605, 0.49, 0.01)}; // within noise of point 0
  MarkParetoFront(points);
  EXPECT_TRUE(points[0].on_front);
  EXPECT_TRUE(points[1].on_front);
  EXPECT_FALSE(points[2].on_front);
  EXPECT_TRUE(points[3].on_front);  // neither of 0 and 3 beats the other beyond error
}

TEST(SweepFront, AcceptabilityIsAThirdObjectiveOnlyWhenRecorded) {
  std::vector<ParetoPoint> points = {Point(0, "a", 0.90, 1.0, 0.01), Point(1, "b", 0.60, 1.5, 0.01)};
  MarkParetoFront(points);
  EXPECT_FALSE(points[1].on_front);  // two objectives: beaten on both
  points[0].acceptability = 0.1;
  points[1].acceptability = 0.8;
  points[0].acceptability_se = points[1].acceptability_se = 0.02;
  MarkParetoFront(points);
  EXPECT_TRUE(points[1].on_front);  // three: far more acceptable
}

TEST(SweepFront, IdenticalPointsAreOneDistinctPoint) {
  const std::vector<ParetoPoint> points = {Point(0, "a", 0.7, 1.0, 0.01), Point(1, "a", 0.7, 1.0, 0.01), Point(2, "b", 0.7, 1.0, 0.02),
                                           Point(3, "a", 0.7, 1.0, 0.01)};
  const auto groups = TiedPoints(points);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0], (std::vector<size_t>{0, 1, 3}));
  EXPECT_EQ(groups[1], (std::vector<size_t>{2}));
}

}  // namespace
}  // namespace casus
