#include "casus/core/duration.hpp"
#include "casus/spec/in_words.hpp"

#include <gtest/gtest.h>

namespace casus {
namespace {

IsoDuration Parse(std::string_view text) {
  auto parsed = ParseIsoDuration(text);
  EXPECT_TRUE(std::holds_alternative<IsoDuration>(parsed)) << text;
  return std::holds_alternative<IsoDuration>(parsed) ? std::get<IsoDuration>(parsed) : IsoDuration{};
}

std::string Reason(std::string_view text) {
  auto parsed = ParseIsoDuration(text);
  EXPECT_TRUE(std::holds_alternative<std::string>(parsed)) << text << " was accepted";
  return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

TEST(Duration, ParsesEveryPart) {
  const IsoDuration duration = Parse("P1Y2M3W4DT5H6M7S");
  EXPECT_EQ(duration.years, 1);
  EXPECT_EQ(duration.months, 2);
  EXPECT_EQ(duration.weeks, 3);
  EXPECT_EQ(duration.days, 4);
  EXPECT_EQ(duration.hours, 5);
  EXPECT_EQ(duration.minutes, 6);
  EXPECT_EQ(duration.seconds, 7);
}

TEST(Duration, TheMInTheTimePartIsMinutes) {
  EXPECT_EQ(Parse("PT30M").minutes, 30);
  EXPECT_EQ(Parse("PT30M").months, 0);
  EXPECT_EQ(Parse("P6M").months, 6);
}

TEST(Duration, RoundTripsThroughText) {
  for (const char* text : {"P10Y", "P6M", "P3D", "PT24H", "P1Y6M", "P2W", "P1DT12H"}) {
    EXPECT_EQ(Parse(text).ToString(), text);
  }
}

TEST(Duration, RejectsMalformedText) {
  EXPECT_NE(Reason("").find("starts with 'P'"), std::string::npos);
  EXPECT_NE(Reason("10Y").find("starts with 'P'"), std::string::npos);
  EXPECT_NE(Reason("P").find("no part"), std::string::npos);
  EXPECT_NE(Reason("PT").find("no part"), std::string::npos);
  EXPECT_NE(Reason("P1DT").find("'T' must be followed"), std::string::npos);
  EXPECT_NE(Reason("P10").find("has no unit"), std::string::npos);
  EXPECT_NE(Reason("P10X").find("not a date unit"), std::string::npos);
  EXPECT_NE(Reason("PT3D").find("not a time unit"), std::string::npos);
  EXPECT_NE(Reason("P1D2Y").find("out of order"), std::string::npos);
  EXPECT_NE(Reason("P1Y1Y").find("out of order or repeated"), std::string::npos);
  EXPECT_NE(Reason("P-1Y").find("whole number"), std::string::npos);
  EXPECT_NE(Reason("P1.5Y").find("not a date unit"), std::string::npos);
  EXPECT_NE(Reason("P99999999999Y").find("too large"), std::string::npos);
}

TEST(Duration, NominalDaysUseTheGregorianYear) {
  EXPECT_DOUBLE_EQ(Parse("P1Y").NominalDays(), 365.2425);
  EXPECT_DOUBLE_EQ(Parse("P6M").NominalDays(), 365.2425 / 2);
  EXPECT_DOUBLE_EQ(Parse("PT24H").NominalDays(), 1.0);
  EXPECT_LT(Parse("P10Y").NominalDays(), Parse("P20Y").NominalDays());
}

TEST(Duration, AddToClampsToTheEndOfTheMonth) {
  using namespace std::chrono;
  const sys_seconds january_31 = sys_days{2027y / January / 31} + hours{4};
  EXPECT_EQ(Parse("P1M").AddTo(january_31), sys_seconds{sys_days{2027y / February / 28} + hours{4}});
  EXPECT_EQ(Parse("PT24H").AddTo(january_31), sys_seconds{sys_days{2027y / February / 1} + hours{4}});
  EXPECT_EQ(Parse("P1Y").AddTo(sys_days{2024y / February / 29}), sys_seconds{sys_days{2025y / February / 28}});
}

TEST(Duration, InWordsAsWritten) {
  EXPECT_EQ(InWords(Parse("PT72H")), "72 hours");  // as written: not "3 days"
  EXPECT_EQ(InWords(Parse("P30D")), "30 days");
  EXPECT_EQ(InWords(Parse("P1Y6M")), "1 year 6 months");
  EXPECT_EQ(InWords(Parse("PT1H30M")), "1 hour 30 minutes");
  EXPECT_EQ(InWords(Parse("P1W")), "1 week");
  EXPECT_EQ(InWords(IsoDuration{}), "0 days");
}

}  // namespace
}  // namespace casus
