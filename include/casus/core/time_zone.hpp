// Local times for the text a person reads (`casus adjudicate --tz Europe/Kyiv`): a zone of the
// system's tz database (/usr/share/zoneinfo, Debian's tzdata; $TZDIR overrides), its offset at each
// instant from the database's rules (so summer time is right for the date shown). Timelines and
// JSON stay in UTC; only the rendering changes.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace casus {

class TimeZone {
 public:
  //! UTC: times print as "2026-01-15T06:00:00Z", as without --tz.
  static TimeZone Utc();
  //! The zone NAME ("Europe/Kyiv", "America/New_York", "UTC") when the tz database has it (a
  //! regular file under the database's folder starting with "TZif"; no "..", no absolute path).
  static std::optional<TimeZone> Find(const std::string& name);
  //! Every zone name of the database (for a did-you-mean), sorted; posix/ and right/ left out.
  static std::vector<std::string> Names();
  //! The database's folder: $TZDIR, or /usr/share/zoneinfo.
  static std::string Directory();

  const std::string& name() const { return name_; }
  bool utc() const { return file_.empty(); }
  //! ISO 8601 with the zone's offset at that instant: "2026-01-15T08:00:00+02:00" (UTC: "…Z").
  std::string Format(std::chrono::sys_seconds time) const;
  //! The offset from UTC at that instant, in seconds east (+7200 for Kyiv in winter).
  long OffsetAt(std::chrono::sys_seconds time) const;

 private:
  std::string name_ = "UTC";
  std::string file_;  //!< the zone's file; empty for UTC
};

}  // namespace casus
