#include "casus/core/party_table.hpp"

#include <gtest/gtest.h>

#include "../test_support.hpp"

namespace casus {
namespace {

using testing::Parties;

TEST(PartyTable, ResolvesIsoCodes) {
  const PartyInfo* ukraine = Parties().Resolve("UKR");
  ASSERT_NE(ukraine, nullptr);
  EXPECT_EQ(ukraine->id, "UKR");
  EXPECT_EQ(ukraine->alpha2, "UA");
  EXPECT_EQ(ukraine->cow_code, 369);
}

TEST(PartyTable, MapsCowAbbreviationsAndCodesToIso) {
  EXPECT_EQ(Parties().Resolve("UKG")->id, "GBR");
  EXPECT_EQ(Parties().Resolve("GMY")->id, "DEU");
  EXPECT_EQ(Parties().Resolve("GFR")->id, "DEU");  // West Germany's successor
  EXPECT_EQ(Parties().Resolve("365")->id, "RUS");
  EXPECT_EQ(Parties().Resolve("2")->id, "USA");
}

TEST(PartyTable, IsoWinsWhenACowAbbreviationCollides) {
  // COW's CZE is Czechoslovakia (315); ISO's CZE is Czechia (COW CZR, 316).
  EXPECT_EQ(Parties().Resolve("CZE")->name, "Czechia");
  EXPECT_EQ(Parties().Resolve("315")->kind, PartyKind::HistoricalState);
  EXPECT_EQ(Parties().Resolve("CZR")->id, "CZE");
}

TEST(PartyTable, KeepsHistoricalStatesUnderTheirCowAbbreviation) {
  const PartyInfo* bavaria = Parties().Resolve("BAV");
  ASSERT_NE(bavaria, nullptr);
  EXPECT_EQ(bavaria->kind, PartyKind::HistoricalState);
  EXPECT_EQ(bavaria->cow_code, 245);
}

TEST(PartyTable, KnowsOrganisationsAndTheSecurityCouncil) {
  EXPECT_EQ(Parties().Resolve("NATO")->kind, PartyKind::Organisation);
  EXPECT_EQ(Parties().Resolve("NATO")->members.size(), 32u);
  EXPECT_EQ(Parties().Resolve("EU")->members.size(), 27u);
  const auto& veto = Parties().SecurityCouncilPermanentMembers();
  EXPECT_EQ(veto, (std::vector<std::string>{"CHN", "FRA", "RUS", "GBR", "USA"}));
}

TEST(PartyTable, RejectsUnknownCodes) {
  EXPECT_EQ(Parties().Resolve("UKX"), nullptr);
  EXPECT_EQ(Parties().Resolve("ukr"), nullptr);  // codes are upper case
  EXPECT_EQ(Parties().Resolve(""), nullptr);
}

TEST(PartyTable, KnowsSubdivisions) {
  EXPECT_TRUE(Parties().IsSubdivision("UA-43"));
  EXPECT_TRUE(Parties().IsSubdivision("UA-40"));
  EXPECT_FALSE(Parties().IsSubdivision("UA-99"));
  EXPECT_EQ(Parties().SubdivisionCountry("UA-14")->id, "UKR");
  EXPECT_EQ(Parties().SubdivisionName("UA-40"), "Sevastopol");
  EXPECT_EQ(Parties().SubdivisionCodes("UA").size(), 27u);
}

TEST(PartyTable, ReportsAMissingDataFolder) {
  EXPECT_THROW(PartyTable::Load("/nonexistent"), std::runtime_error);
}

}  // namespace
}  // namespace casus
