// One checked conversion for numbers: text → number and number → narrower number. Every reader
// uses these instead of std::stod / static_cast, so that "5e-324", "1e30" as an integer or a
// float beyond the target's range are a nullopt (and then a located error), never an exception,
// a wrap-around or undefined behaviour.
#pragma once

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>
#include <utility>

namespace casus {

//! The whole of `text` as a finite double (decimal or scientific; subnormals allowed); nullopt for
//! anything else: empty, trailing text, inf, nan, out of range.
inline std::optional<double> ParseNumber(std::string_view text) {
  // Plain decimals ("1816", "0.0123") with at most 15 digits, the bulk of the data files: the
  // digits as an integer are exact (< 2⁵³), and so is 10ᵏ for k ≤ 15, so one division rounds
  // correctly (Clinger's fast path): the bits std::from_chars gives, at a fraction of its cost.
  if (!text.empty() && text.size() <= 16) {
    uint64_t digits = 0;
    size_t count = 0, point = text.size();
    bool plain = true;
    for (size_t at = 0; at < text.size() && plain; ++at) {
      const char c = text[at];
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + static_cast<uint64_t>(c - '0');
        ++count;
      } else if (c == '.' && point == text.size() && at > 0 && at + 1 < text.size()) {
        point = at;
      } else {
        plain = false;
      }
    }
    if (plain && count <= 15) {
      constexpr double kPowers[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
      const size_t fraction = point == text.size() ? 0 : text.size() - point - 1;
      return static_cast<double>(digits) / kPowers[fraction];
    }
  }
  double value = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  // Out of range (1e400, 1e-400) is an error: from_chars then leaves `value` as it was.
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

//! The whole of `text` as an integer of type T; nullopt when it is not one or does not fit.
template <std::integral T>
std::optional<T> ParseInteger(std::string_view text) {
  T value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

//! `value` as T when it is a whole number within T's range; nullopt otherwise (a fraction, nan, inf,
//! 1e30 for a long): the conversion that static_cast would make undefined.
template <std::integral T>
std::optional<T> WholeNumber(double value) {
  if (!std::isfinite(value) || value != std::trunc(value)) return std::nullopt;
  // The bounds as doubles: min is a power of two (exact); max + 1 is one too.
  constexpr double kLow = static_cast<double>(std::numeric_limits<T>::min());
  constexpr double kHighExclusive = static_cast<double>(std::numeric_limits<T>::max() / 2 + 1) * 2.0;
  if (value < kLow || value >= kHighExclusive) return std::nullopt;
  return static_cast<T>(value);
}

//! `value` as T when it fits (integer to narrower integer); nullopt otherwise.
template <std::integral T, std::integral U>
std::optional<T> Narrow(U value) {
  if (!std::in_range<T>(value)) return std::nullopt;
  return static_cast<T>(value);
}

}  // namespace casus
