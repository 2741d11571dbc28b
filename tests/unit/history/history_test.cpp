// The readers on every shipped file (row counts from data/DATA_SOURCES.md), malformed rows, the
// ATOP import, the reliability table against Berkemeier & Fuhrmann (2018), and the regression.
#include <cmath>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include <sstream>

#include "casus/history/atop_import.hpp"
#include "casus/history/backtest_data.hpp"
#include "casus/history/calibration.hpp"
#include "casus/history/loopholes.hpp"
#include "casus/history/reliability.hpp"

namespace casus {
namespace {

const std::filesystem::path kData = std::filesystem::path(CASUS_TEST_HOME) / "data";

template <typename Row>
size_t Count(void (*reader)(const std::filesystem::path&, const std::function<void(const Row&)>&), const std::string& file) {
  size_t rows = 0;
  reader(kData / file, [&rows](const Row&) { ++rows; });
  return rows;
}

TEST(Readers, ReadEveryShippedFile) {
  EXPECT_EQ(Count(ReadAtopAlliances, "atop/atop5_1a.csv"), 789u);
  EXPECT_EQ(Count(ReadAtopMembers, "atop/atop5_1m.csv"), 2510u);
  EXPECT_EQ(Count(ReadCowStates, "cow/states2016_clean.csv"), 243u);
  EXPECT_EQ(Count(ReadCowSystem, "cow/system2016.csv"), 15951u);
  EXPECT_EQ(Count(ReadCowMajors, "cow/majors2016.csv"), 14u);
  EXPECT_EQ(Count(ReadCowAlliances, "cow/alliance_v4.1_by_member.csv"), 1221u);
  EXPECT_EQ(Count(ReadCowWars, "cow/Inter-StateWarData_v4.0.csv"), 337u);  // a file with \r line ends
  EXPECT_EQ(Count(ReadMidDisputes, "mid/MIDA_5.0.csv"), 2436u);
  EXPECT_EQ(Count(ReadMidParticipants, "mid/MIDB_5.0.csv"), 5883u);
  EXPECT_EQ(Count(ReadNmc, "nmc/NMC-60-abridged.csv"), 15951u);
  EXPECT_EQ(Count(ReadNmc, "nmc/cow_nmc_v7.csv"), 17121u);
  EXPECT_EQ(Count(ReadReliability, "reliability/BerkemeierFuhrmannRAP2018_0303.csv"), 576u);
  // The backtest's files (backtest_data.hpp).
  EXPECT_EQ(Count(ReadContiguity, "contiguity/contdird.csv"), 82498u);
  EXPECT_EQ(Count(ReadCapitals, "capitals/cow_capitals.csv"), 242u);
  EXPECT_EQ(Count(ReadPolity5, "polity/p5v2018.csv"), 17574u);
  EXPECT_EQ(Count(ReadDemocracy, "polity/ccode_democracy.csv"), 16731u);
  EXPECT_EQ(Count(ReadAtopMemberTerms, "atop/atop5_1m.csv"), 2510u);
  EXPECT_EQ(Count(ReadBenson, "benson/alliance-types-benson.csv"), 799u);
}

TEST(Readers, MissingCodesAreNotNumbers) {
  // MID 5.0 dispute 2 starts on an unknown day (−9).
  std::optional<MidDispute> first;
  ReadMidDisputes(kData / "mid/MIDA_5.0.csv", [&first](const MidDispute& row) { if (!first) first = row; });
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->dispute, 2);
  EXPECT_FALSE(first->start.day.has_value());
  EXPECT_EQ(first->start.month, 7);
}

std::filesystem::path WriteTemporary(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path;
}

TEST(Readers, MalformedRowsAreReportedWithTheirLine) {
  const auto short_row = WriteTemporary("casus_short_row.csv", "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,1816,1,2,3,4,5,6,0.1\n2,1817,1\n");
  try {
    ReadNmc(short_row, [](const NmcRecord&) {});
    FAIL() << "a short row was accepted";
  } catch (const DataError& error) {
    EXPECT_EQ(std::string(error.what()), short_row.string() + ":3: error: expected 9 fields (as in the header), found 3");
  }
  const auto not_a_number = WriteTemporary("casus_not_a_number.csv", "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n2,18x6,1,2,3,4,5,6,0.1\n");
  EXPECT_THROW(ReadNmc(not_a_number, [](const NmcRecord&) {}), DataError);
  const auto missing_column = WriteTemporary("casus_missing_column.csv", "ccode,year\n2,1816\n");
  try {
    ReadNmc(missing_column, [](const NmcRecord&) {});
    FAIL() << "a file without the cinc column was accepted";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find(":1: error: missing column 'milex'"), std::string::npos);
  }
  const auto missing_date_column = WriteTemporary("casus_missing_month.csv", "stateabb,ccode,styear,endyear,stmonth,stday,endmonth\nUSA,2,1898,2016,8,13,12\n");
  EXPECT_THROW(ReadCowMajors(missing_date_column, [](const CowMajor&) {}), DataError);  // 'endday' is missing: an error, not a crash
  const auto missing_key = WriteTemporary("casus_missing_key.csv", "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n-9,1816,1,2,3,4,5,6,0.1\n");
  EXPECT_THROW(ReadNmc(missing_key, [](const NmcRecord&) {}), DataError);  // a key column may not be missing
}

TEST(AtopImport, EveryAllianceLoadsAndLints) {
  const auto records = ReadAtop(kData / "atop");
  ASSERT_EQ(records.size(), 789u);
  const auto findings = LintAtop(records, testing::Parties());  // throws if one does not load
  EXPECT_EQ(findings.size(), 789u);
  // NATO (ATOP 3180) is a defence pact: means-discretion and no-deadline fire, consult-only does not.
  const auto& nato = findings.at(3180).rules;
  EXPECT_NE(std::find(nato.begin(), nato.end(), "means-discretion"), nato.end());
  EXPECT_EQ(std::find(nato.begin(), nato.end(), "consult-only"), nato.end());
}

TEST(AtopImport, CitesTheAtopIdAndCodebookVariable) {
  const auto records = ReadAtop(kData / "atop");
  const std::string text = AtopInstrumentToml(records.front(), testing::Parties());
  EXPECT_NE(text.find("id = \"atop-1005\""), std::string::npos);
  EXPECT_NE(text.find("cite = \"ATOP 1005: DEFENSE=1\""), std::string::npos);
  EXPECT_NE(text.find("members = [\"GBR\", \"NLD\", \"FRA\", \"HAN\", \"BAV\", \"AUH\"]"), std::string::npos);
}

std::vector<ReliabilityCase> Cases() {
  std::vector<ReliabilityCase> cases;
  ReadReliability(kData / "reliability/BerkemeierFuhrmannRAP2018_0303.csv", [&](const ReliabilityCase& row) { cases.push_back(row); });
  return cases;
}

TEST(Reliability, TheLlmCodingReproducesBerkemeierAndFuhrmann2018) {
  // Published (abstract): 50 % overall; 66 % before 1945, 22 % after; defence 41 %, non-aggression
  // 37 %, offence 74 %, neutrality 78 %.
  const ReliabilityTable table = ComputeReliability(Cases(), ReliabilityCoding::Llm);
  auto percent = [](const HonourRate& rate) { return std::lround(100.0 * rate.rate); };
  EXPECT_EQ(percent(table.overall), 50);
  EXPECT_EQ(percent(table.by_era.at("1816-1944")), 66);
  EXPECT_EQ(percent(table.by_era.at("1945-2003")), 22);
  EXPECT_EQ(percent(table.by_type.at("defense")), 41);
  EXPECT_EQ(percent(table.by_type.at("nonagg")), 37);
  EXPECT_EQ(percent(table.by_type.at("offense")), 74);
  EXPECT_EQ(percent(table.by_type.at("neutral")), 78);
  EXPECT_EQ(table.overall.honoured + table.overall.violated, 146);
  EXPECT_LT(table.overall.ci95_low, 0.5);
  EXPECT_GT(table.overall.ci95_high, 0.5);
}

TEST(Reliability, WilsonIntervalIsTheClosedForm) {
  const HonourRate rate = MakeHonourRate(61, 31);
  EXPECT_NEAR(rate.rate, 61.0 / 92.0, 1e-12);
  EXPECT_NEAR(rate.ci95_low, 0.5616529840684809, 1e-9);
  EXPECT_NEAR(rate.ci95_high, 0.7513639542079468, 1e-9);
  EXPECT_EQ(MakeHonourRate(0, 0).rate, 0.0);
}

TEST(Regression, ConvergesAndFindsTheEraEffect) {
  const auto findings = LintAtop(ReadAtop(kData / "atop"), testing::Parties());
  const auto regression = RegressViolationOnLoopholes(Cases(), findings, ReliabilityCoding::Llm);
  EXPECT_TRUE(regression.converged);
  EXPECT_EQ(regression.n, 146);
  ASSERT_GE(regression.terms.size(), 2u);
  EXPECT_EQ(regression.terms[1].name, "era 1816-1944");
  EXPECT_LT(regression.terms[1].coefficient, 0.0);  // violations were rarer before 1945
  EXPECT_LT(regression.terms[1].z, -2.0);
  for (const auto& term : regression.terms) EXPECT_GT(term.standard_error, 0.0) << term.name;
}

}  // namespace
}  // namespace casus

namespace casus {
namespace {

TEST(Calibration, DefaultsComeFromTheData) {
  const CalibratedDefaults defaults = Calibrate(kData, testing::Parties());
  const CredibilityPrior& defense_modern = defaults.credibility.at("defense").at("1945-2003");
  EXPECT_EQ(defense_modern.alpha, static_cast<double>(defense_modern.observed.honoured) + 1.0);
  EXPECT_EQ(defense_modern.beta, static_cast<double>(defense_modern.observed.violated) + 1.0);
  EXPECT_NEAR(defaults.credibility.at("all").at("all").Mean(), 74.0 / 148.0, 1e-12);
  EXPECT_EQ(defaults.capability.at("USA").year, 2022);
  EXPECT_NEAR(defaults.capability.at("USA").cinc, 0.12356574, 1e-9);
  // Defence pacts since 1945 split by the opponent's nuclear weapons: every sided case is in one
  // of the two priors, and the sided and unsided cases are all the defence cases of the era.
  const NuclearSplit& split = defaults.nuclear_split;
  ASSERT_TRUE(split.available);
  const long sided = split.against_nuclear.observed.honoured + split.against_nuclear.observed.violated +
                     split.against_non_nuclear.observed.honoured + split.against_non_nuclear.observed.violated;
  EXPECT_EQ(sided + split.unsided, defense_modern.observed.honoured + defense_modern.observed.violated);
  EXPECT_GT(split.against_nuclear.observed.violated, 0);
  EXPECT_GT(split.against_non_nuclear.observed.violated, 0);
  EXPECT_EQ(split.against_nuclear.alpha, static_cast<double>(split.against_nuclear.observed.honoured) + 1.0);
  EXPECT_EQ(defaults.defense_bilateral.alpha + defaults.defense_multilateral.alpha - 1.0, defense_modern.alpha);
  EXPECT_EQ(defaults.defense_bilateral.beta + defaults.defense_multilateral.beta - 1.0, defense_modern.beta);
}

// Start-up reads NMC once (ReadNmcLatest) for the capability weights: the weights must be those
// of a pass over every row, including when two codes of one party (GMY 255 and GFR 260 are both
// DEU) share a year: the later row in the file wins, whatever the codes' order.
TEST(Calibration, OneNmcReadGivesTheWeightsOfAPassOverEveryRow) {
  std::map<std::string, CapabilityWeight> expected;
  ReadNmc(kData / "nmc/cow_nmc_v7.csv", [&expected](const NmcRecord& row) {
    const PartyInfo* party = testing::Parties().Resolve(std::to_string(row.ccode));
    if (!row.cinc || party == nullptr) return;
    CapabilityWeight& weight = expected[party->id];
    if (row.year >= weight.year) weight = CapabilityWeight{*row.cinc, row.year};
  });
  const NmcLatest nmc = ReadNmcLatest(kData / "nmc/cow_nmc_v7.csv");
  const CalibratedDefaults defaults = Calibrate(kData, testing::Parties(), ReliabilityCoding::Llm, &nmc);
  ASSERT_EQ(defaults.capability.size(), expected.size());
  for (const auto& [party, weight] : expected) {
    EXPECT_EQ(defaults.capability.at(party).cinc, weight.cinc) << party;
    EXPECT_EQ(defaults.capability.at(party).year, weight.year) << party;
  }
  EXPECT_EQ(nmc.latest_year, 2022);

  const auto dir = std::filesystem::temp_directory_path() / "casus_nmc_once_test";
  std::filesystem::create_directories(dir / "reliability");
  std::filesystem::create_directories(dir / "nmc");
  std::filesystem::copy_file(kData / "reliability/BerkemeierFuhrmannRAP2018_0303.csv", dir / "reliability/BerkemeierFuhrmannRAP2018_0303.csv",
                             std::filesystem::copy_options::overwrite_existing);
  std::ofstream(dir / "nmc/cow_nmc_v7.csv") << "ccode,year,milex,milper,irst,pec,tpop,upop,cinc\n"
                                              "260,1990,1,1,1,1,1,1,0.25\n255,1990,1,1,1,1,1,1,0.5\n255,1989,1,1,1,1,1,1,0.9\n"
                                              "2,1991,1,1,1,1,1,1,\n";
  const CalibratedDefaults tied = Calibrate(dir, testing::Parties());
  EXPECT_EQ(tied.capability.at("DEU").cinc, 0.5);
  EXPECT_EQ(tied.capability.at("DEU").year, 1990);
  EXPECT_EQ(tied.capability.count("USA"), 0u);  // its only row has no CINC
  const NmcLatest latest = ReadNmcLatest(dir / "nmc/cow_nmc_v7.csv");
  EXPECT_EQ(latest.latest_year, 1991);
  ASSERT_EQ(latest.latest_year_records.size(), 1u);
  EXPECT_EQ(latest.latest_year_records.front().ccode, 2);
  std::filesystem::remove_all(dir);
}

TEST(Calibration, ChangingTheDataChangesTheDefaults) {
  const auto dir = std::filesystem::temp_directory_path() / "casus_calibration_test";
  std::filesystem::create_directories(dir / "reliability");
  std::filesystem::create_directories(dir / "nmc");
  // Every LLM-coded case violated, and the US's 2022 CINC doubled.
  std::ifstream reliability_in(kData / "reliability/BerkemeierFuhrmannRAP2018_0303.csv");
  std::ofstream reliability_out(dir / "reliability/BerkemeierFuhrmannRAP2018_0303.csv");
  std::string line;
  std::getline(reliability_in, line);
  reliability_out << line << "\n";
  while (std::getline(reliability_in, line)) {
    std::vector<std::string> cells;
    std::stringstream split(line);
    for (std::string cell; std::getline(split, cell, ',');) cells.push_back(cell);
    while (cells.size() < 28) cells.emplace_back();
    // columns 19 and 20 (0-based) are honorLLM and violateLLM
    if (cells[19] == "1") {
      cells[19] = "";
      cells[20] = "1";
    }
    for (size_t cell_idx = 0; cell_idx < cells.size(); ++cell_idx) reliability_out << (cell_idx ? "," : "") << cells[cell_idx];
    reliability_out << "\n";
  }
  reliability_out.close();
  std::ofstream nmc(dir / "nmc/cow_nmc_v7.csv");
  nmc << "\"ccode\",\"year\",\"milex\",\"milper\",\"irst\",\"pec\",\"tpop\",\"upop\",\"cinc\"\n2,2022,1,1,1,1,1,1,0.24713148\n";
  nmc.close();
  const CalibratedDefaults changed = Calibrate(dir, testing::Parties());
  EXPECT_EQ(changed.credibility.at("all").at("all").observed.honoured, 0);
  EXPECT_LT(changed.credibility.at("defense").at("1816-1944").Mean(), 0.1);
  EXPECT_NEAR(changed.capability.at("USA").cinc, 0.24713148, 1e-12);
  EXPECT_FALSE(changed.nuclear_split.available);  // no war, alliance or nuclear files in this data directory
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casus
