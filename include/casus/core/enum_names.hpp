// Spelling tables for enums: CASUS_ENUM_NAMES(E, N, {E::A, "a"}, …) declares how each value of E
// is written in files; ToString, ParseEnum, EnumNameList and ToStrings use the table.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casus {

template <typename E>
struct EnumNames;

#define CASUS_ENUM_NAMES(E, N, ...)                                             \
  template <>                                                                    \
  struct EnumNames<E> {                                                          \
    static constexpr std::array<std::pair<E, std::string_view>, N> kNames{{__VA_ARGS__}}; \
  };

//! The spelling of `value` in casus files.
template <typename E>
constexpr std::string_view ToString(E value) {
  for (const auto& [candidate, name] : EnumNames<E>::kNames) {
    if (candidate == value) {
      return name;
    }
  }
  return "?";
}

//! The value spelt `text`, nullopt when no value is.
template <typename E>
constexpr std::optional<E> ParseEnum(std::string_view text) {
  for (const auto& [candidate, name] : EnumNames<E>::kNames) {
    if (name == text) {
      return candidate;
    }
  }
  return std::nullopt;
}

//! Every spelling, in declaration order (for hints and documentation).
template <typename E>
std::vector<std::string> EnumNameList() {
  std::vector<std::string> names;
  for (const auto& entry : EnumNames<E>::kNames) {
    names.emplace_back(entry.second);
  }
  return names;
}

//! The spellings of `values`, in order.
template <typename E>
std::vector<std::string> ToStrings(const std::vector<E>& values) {
  std::vector<std::string> names;
  for (const auto value : values) {
    names.emplace_back(ToString(value));
  }
  return names;
}

}  // namespace casus
