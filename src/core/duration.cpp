#include "casus/core/duration.hpp"

#include <cctype>
#include <charconv>
#include <climits>

#include <fmt/format.h>

#include "casus/core/limits.hpp"

namespace casus {

double IsoDuration::NominalDays() const {
  constexpr double kDaysPerYear = 365.2425;
  return years * kDaysPerYear + months * (kDaysPerYear / 12.0) + weeks * 7.0 + days + hours / 24.0 +
         minutes / 1440.0 + seconds / 86400.0;
}

std::string IsoDuration::ToString() const {
  std::string out = "P";
  auto part = [&out](int value, char unit) {
    if (value != 0) {
      out += fmt::format("{}{}", value, unit);
    }
  };
  part(years, 'Y');
  part(months, 'M');
  part(weeks, 'W');
  part(days, 'D');
  if (hours != 0 || minutes != 0 || seconds != 0) {
    out += 'T';
    part(hours, 'H');
    part(minutes, 'M');
    part(seconds, 'S');
  }
  if (out == "P") {
    out += "0D";
  }
  return out;
}

// The arithmetic is in 64-bit counts: ParseIsoDuration bounds every part by kMaxDurationYears, so
// neither the year (at most 9999 + 10 000 < chrono::year's 32 767) nor the seconds can overflow.
std::chrono::sys_seconds IsoDuration::AddTo(std::chrono::sys_seconds start) const {
  namespace chrono = std::chrono;
  const chrono::sys_days start_day = chrono::floor<chrono::days>(start);
  const auto time_of_day = start - start_day;
  const chrono::year_month_day start_date{start_day};
  // Months since year 0, so that month arithmetic never passes through chrono's 32-bit year.
  const int64_t month_index = int64_t{static_cast<int>(start_date.year())} * 12 + (static_cast<unsigned>(start_date.month()) - 1) +
                              int64_t{years} * 12 + months;
  const int64_t year = month_index >= 0 ? month_index / 12 : (month_index - 11) / 12;
  const auto month = static_cast<unsigned>(month_index - year * 12 + 1);
  chrono::year_month_day date{chrono::year{static_cast<int>(year)}, chrono::month{month}, start_date.day()};
  if (!date.ok()) {  // 31 Jan + 1 month → last day of February
    date = chrono::year_month_day{date.year() / date.month() / chrono::last};
  }
  const int64_t rest = ((int64_t{weeks} * 7 + days) * 24 + hours) * 3600 + int64_t{minutes} * 60 + seconds;
  return chrono::sys_seconds{chrono::sys_days{date}} + time_of_day + chrono::seconds{rest};
}

DurationParse ParseIsoDuration(std::string_view text) {
  if (text.empty() || text.front() != 'P') {
    return std::string("an ISO 8601 duration starts with 'P' (e.g. P10Y, P6M, P3D, PT24H)");
  }
  IsoDuration duration;
  bool in_time = false;
  bool any_part = false;
  bool any_time_part = false;
  // Units must appear in this order; a unit may appear once.
  const std::string_view date_units = "YMWD";
  const std::string_view time_units = "HMS";
  size_t next_date_unit = 0;
  size_t next_time_unit = 0;
  size_t pos = 1;
  while (pos < text.size()) {
    if (text[pos] == 'T') {
      if (in_time) {
        return std::string("'T' appears twice");
      }
      in_time = true;
      ++pos;
      continue;
    }
    if (!std::isdigit(static_cast<unsigned char>(text[pos]))) {
      return fmt::format("expected a whole number at '{}'", text.substr(pos));
    }
    int value = 0;
    const char* begin = text.data() + pos;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc::result_out_of_range) {
      return std::string("number too large");
    }
    if (ec != std::errc() || ptr == begin) {
      return fmt::format("expected a whole number at '{}'", text.substr(pos));
    }
    pos = static_cast<size_t>(ptr - text.data());
    if (pos >= text.size()) {
      return fmt::format("number {} has no unit (Y, M, W, D, or after T: H, M, S)", value);
    }
    const char unit = text[pos++];
    const std::string_view units = in_time ? time_units : date_units;
    size_t& next_unit = in_time ? next_time_unit : next_date_unit;
    const size_t unit_idx = units.find(unit);
    if (unit_idx == std::string_view::npos) {
      return fmt::format("'{}' is not a {} unit (expected one of {})", unit, in_time ? "time" : "date", units);
    }
    if (unit_idx < next_unit) {
      return fmt::format("unit '{}' out of order or repeated", unit);
    }
    next_unit = unit_idx + 1;
    any_part = true;
    if (in_time) {
      any_time_part = true;
      (unit == 'H' ? duration.hours : unit == 'M' ? duration.minutes : duration.seconds) = value;
    } else {
      (unit == 'Y' ? duration.years : unit == 'M' ? duration.months : unit == 'W' ? duration.weeks : duration.days) =
          value;
    }
  }
  if (!any_part) {
    return std::string("the duration has no part (e.g. P10Y, PT24H)");
  }
  if (in_time && !any_time_part) {
    return std::string("'T' must be followed by hours, minutes or seconds (e.g. PT24H)");
  }
  // Each part alone, then the whole (in days, as integers: no rounding at the edge).
  constexpr int64_t kMaxDays = kMaxDurationYears * 366;
  const int64_t days_total = int64_t{duration.years} * 366 + int64_t{duration.months} * 31 + int64_t{duration.weeks} * 7 +
                             duration.days + duration.hours / 24 + duration.minutes / 1440 + duration.seconds / 86400;
  if (duration.years > kMaxDurationYears || days_total > kMaxDays) {
    return fmt::format("longer than {} years, the longest duration casus accepts", kMaxDurationYears);
  }
  return duration;
}

}  // namespace casus
