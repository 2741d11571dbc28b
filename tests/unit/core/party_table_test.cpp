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

// ISO 3166-3 (data/iso3166-3.csv): a dissolved or merged state is a historical party under its
// alpha-4 code; a renamed one is its present self.
TEST(PartyTable, AcceptsFormerStatesOfIso3166Part3) {
  const PartyInfo* ussr = Parties().Resolve("SUHH");
  ASSERT_NE(ussr, nullptr);
  EXPECT_EQ(ussr->kind, PartyKind::HistoricalState);
  EXPECT_EQ(Parties().Resolve("SUN"), ussr);
  EXPECT_EQ(ussr->withdrawn, "1992-08-30");
  EXPECT_EQ(ussr->successors.size(), 15u);
  EXPECT_EQ(Parties().Resolve("365")->id, "RUS");  // COW's code stays Russia's
  // Czechoslovakia: COW's historical state 315, now under its ISO 3166-3 id, not Czechia's CZE.
  EXPECT_EQ(Parties().Resolve("CSHH")->id, "CSHH");
  EXPECT_EQ(Parties().Resolve("CSK"), Parties().Resolve("315"));
  EXPECT_EQ(Parties().Find("CSHH")->cow_code.value_or(0), 315);
  EXPECT_EQ(Parties().Resolve("DDDE"), Parties().Resolve("GDR"));
  EXPECT_NE(Parties().Resolve("YUCS"), Parties().Resolve("SRB"));
  EXPECT_NE(Parties().Resolve("YUCS"), Parties().Resolve("CSXX"));
  EXPECT_EQ(Parties().Resolve("BUMM")->id, "MMR");  // renamed: the same state
  EXPECT_EQ(Parties().Resolve("ZRCD")->id, "COD");
  const auto predecessors = Parties().Predecessors("CZE");
  ASSERT_EQ(predecessors.size(), 1u);
  EXPECT_EQ(predecessors.front()->id, "CSHH");
}

TEST(PartyTable, KnowsCowContiguity) {
  EXPECT_EQ(Parties().ContiguityType("RUS", "UKR", 2016).value_or(0), 1);
  EXPECT_EQ(Parties().ContiguityType("UKR", "RUS", 2030).value_or(0), 1);  // after the data: its last year
  EXPECT_FALSE(Parties().ContiguityType("USA", "UKR", 2016).has_value());
  EXPECT_FALSE(Parties().ContiguityType("UKR", "RUS", 1950).has_value());  // Ukraine was no state
  EXPECT_FALSE(Parties().ContiguityType("NATO", "RUS", 2016).has_value());  // organisations have no COW code
  // COW codes the USSR as Russia (365): SUHH keeps that code for contiguity, within its own life.
  EXPECT_EQ(Parties().ContiguityType("SUHH", "POL", 1980).value_or(0), 1);
  EXPECT_EQ(Parties().ContiguityType("SUN", "FIN", 1955).value_or(0), 1);  // by its ISO 3166-3 alpha-3 too
  EXPECT_EQ(Parties().ContiguityType("SUHH", "ROU", 2010).value_or(0), 1);  // after 1991: the USSR of 1991 (Moldavian SSR)…
  EXPECT_FALSE(Parties().ContiguityType("RUS", "ROU", 2010).has_value());   // …not Russia, which no longer borders Romania
  EXPECT_EQ(Parties().Resolve("365")->id, "RUS");                            // the code still names Russia
  EXPECT_GT(Parties().ContiguityType("GBR", "FRA", 2016).value_or(0), 1);   // across the Channel
}

TEST(PartyTable, ReportsAMissingDataFolder) {
  EXPECT_THROW(PartyTable::Load("/nonexistent"), std::runtime_error);
}

TEST(PartyTable, NamesPlaces) {
  using Codes = std::vector<std::string>;
  EXPECT_EQ(Parties().PlacesNamed("Odesa"), Codes{"UA-51"});          // place-names.csv: the oblast's centre
  EXPECT_EQ(Parties().PlacesNamed("odeska OBLAST"), Codes{"UA-51"});  // ISO 3166-2's name, any ASCII case
  EXPECT_EQ(Parties().PlacesNamed("Kyiv"), Codes{"UA-30"});           // the city, ISO 3166-2
  EXPECT_EQ(Parties().PlacesNamed("Kyiv Oblast"), Codes{"UA-32"});    // the oblast around it
  EXPECT_EQ(Parties().PlacesNamed("Ivano Frankivsk"), Codes{"UA-26"});  // a space for the hyphen
  EXPECT_EQ(Parties().PlacesNamed("Ukraine"), Codes{"UKR"});
  EXPECT_EQ(Parties().PlacesNamed("Georgia"), (Codes{"GEO", "US-GA"}));  // ambiguous: both
  EXPECT_TRUE(Parties().PlacesNamed("Odessa").empty());
  EXPECT_EQ(Parties().PlaceName("UA-51"), "Odeska oblast");
  EXPECT_EQ(Parties().PlaceName("UKR"), "Ukraine");
}

}  // namespace
}  // namespace casus
