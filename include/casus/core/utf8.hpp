// UTF-8 validation for the text readers that do not get it from a parser (toml++ checks its own):
// the KTAB CSV reader. Invalid bytes in an actor's name would otherwise reach the JSON writer
// (nlohmann throws type_error 316) or the terminal as raw bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace casus {

//! Where the first invalid UTF-8 sequence of a text starts (1-based line and column, columns in
//! characters) and its first byte.
struct Utf8Error {
  uint32_t line = 0;
  uint32_t column = 0;
  unsigned char byte = 0;
};

//! The first byte that does not begin a well-formed UTF-8 sequence (RFC 3629: no overlong forms,
//! no surrogates, nothing above U+10FFFF, no truncated sequence); nullopt when the text is valid.
std::optional<Utf8Error> FindInvalidUtf8(std::string_view text);

}  // namespace casus
