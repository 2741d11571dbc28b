// adjudicate --tz (issue 15): local times from the system's tz database, with summer time right
// on each side of a switch, and names that are not zones refused.
#include <algorithm>
#include <chrono>
#include <cstdlib>

#include <gtest/gtest.h>

#include "casus/core/time_zone.hpp"

namespace casus {
namespace {

using namespace std::chrono;

sys_seconds At(int y, unsigned m, unsigned d, int hour, int minute, int second) {
  return sys_days{year{y} / month{m} / day{d}} + hours{hour} + minutes{minute} + seconds{second};
}

TEST(TimeZone, KyivIsTwoHoursAheadInWinterAndThreeInSummer) {
  const auto kyiv = TimeZone::Find("Europe/Kyiv");
  ASSERT_TRUE(kyiv.has_value());
  EXPECT_EQ(kyiv->Format(At(2027, 3, 1, 4, 0, 0)), "2027-03-01T06:00:00+02:00");
  EXPECT_EQ(kyiv->Format(At(2027, 4, 10, 2, 30, 0)), "2027-04-10T05:30:00+03:00");
  // The switch of 2027: the last Sunday of March at 01:00 UTC (03:00 local becomes 04:00).
  EXPECT_EQ(kyiv->Format(At(2027, 3, 28, 0, 59, 59)), "2027-03-28T02:59:59+02:00");
  EXPECT_EQ(kyiv->Format(At(2027, 3, 28, 1, 0, 0)), "2027-03-28T04:00:00+03:00");
  EXPECT_EQ(kyiv->OffsetAt(At(2027, 1, 15, 12, 0, 0)), 7200);
  EXPECT_EQ(kyiv->OffsetAt(At(2027, 7, 15, 12, 0, 0)), 10800);
}

TEST(TimeZone, NewYorkFallsBackAnHourInNovember) {
  const auto new_york = TimeZone::Find("America/New_York");
  ASSERT_TRUE(new_york.has_value());
  EXPECT_EQ(new_york->Format(At(2001, 9, 11, 12, 46, 0)), "2001-09-11T08:46:00-04:00");
  // 2026-11-01 at 06:00 UTC: 02:00 EDT becomes 01:00 EST, so 01:59:59 comes twice.
  EXPECT_EQ(new_york->Format(At(2026, 11, 1, 5, 59, 59)), "2026-11-01T01:59:59-04:00");
  EXPECT_EQ(new_york->Format(At(2026, 11, 1, 6, 0, 0)), "2026-11-01T01:00:00-05:00");
}

TEST(TimeZone, UtcIsTheDefaultAndPrintsAsBefore) {
  EXPECT_TRUE(TimeZone::Utc().utc());
  EXPECT_EQ(TimeZone::Utc().Format(At(2022, 2, 24, 3, 0, 0)), "2022-02-24T03:00:00Z");
  ASSERT_TRUE(TimeZone::Find("UTC").has_value());
  EXPECT_TRUE(TimeZone::Find("UTC")->utc());
}

TEST(TimeZone, NamesThatAreNotZonesAreRefused) {
  for (const char* name : {"Europe/Kiyv", "", "/etc/passwd", "../../../etc/passwd", "Europe", "Europe/../Europe/Kyiv"}) {
    EXPECT_FALSE(TimeZone::Find(name).has_value()) << name;
  }
  const auto names = TimeZone::Names();
  EXPECT_TRUE(std::binary_search(names.begin(), names.end(), std::string("Europe/Kyiv")));
  EXPECT_TRUE(std::binary_search(names.begin(), names.end(), std::string("America/New_York")));
  EXPECT_TRUE(std::none_of(names.begin(), names.end(), [](const std::string& name) { return name.starts_with("posix/") || name.starts_with("right/"); }));
}

TEST(TimeZone, LeavesTheProcessTimeZoneAsItWas) {
  ::setenv("TZ", "Asia/Tokyo", 1);
  const auto kyiv = TimeZone::Find("Europe/Kyiv");
  ASSERT_TRUE(kyiv.has_value());
  kyiv->Format(At(2027, 3, 1, 4, 0, 0));
  ASSERT_NE(std::getenv("TZ"), nullptr);
  EXPECT_STREQ(std::getenv("TZ"), "Asia/Tokyo");
  ::unsetenv("TZ");
  kyiv->Format(At(2027, 3, 1, 4, 0, 0));
  EXPECT_EQ(std::getenv("TZ"), nullptr);
}

}  // namespace
}  // namespace casus
