// ISO 8601 durations ("P10Y", "P6M", "P3D", "PT24H", "P1Y6M", "P2W") → IsoDuration; rejects
// anything else (negative, fractional, empty "P", "T" without a time part) with a reason.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <variant>

namespace casus {

struct IsoDuration {
  int years = 0;
  int months = 0;
  int weeks = 0;
  int days = 0;
  int hours = 0;
  int minutes = 0;
  int seconds = 0;

  //! Nominal length in days for comparisons (year = 365.2425 days, month = year / 12).
  //! Not for calendar arithmetic: deadlines add calendar fields, see AddTo.
  double NominalDays() const;
  //! Canonical text, e.g. "P1Y6M", "PT24H".
  std::string ToString() const;
  //! Calendar addition: years and months first (day clamped to the month's end), then the rest.
  std::chrono::sys_seconds AddTo(std::chrono::sys_seconds start) const;

  bool operator==(const IsoDuration&) const = default;
};

//! Either a duration, or the reason the text is not one (for a diagnostic).
using DurationParse = std::variant<IsoDuration, std::string>;

//! Parses an ISO 8601 duration of whole numbers (PnYnMnWnDTnHnMnS, each part optional, at least one).
DurationParse ParseIsoDuration(std::string_view text);

}  // namespace casus
