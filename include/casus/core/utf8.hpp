// UTF-8 validation for the text readers that do not get it from a parser (toml++ checks its own):
// the KTAB CSV reader. Invalid bytes in an actor's name would otherwise reach the JSON writer
// (nlohmann throws type_error 316) or the terminal as raw bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
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

//! The text as it may be echoed in a diagnostic: every character that prints as nothing or moves
//! other text — control characters (C0 but the newline, DEL, C1), bidirectional marks, overrides
//! and isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C), zero-width and other
//! invisible format characters (U+00AD, U+180E, U+200B–U+200D, U+2028, U+2029, U+2060–U+2064,
//! U+FEFF) — is shown as "<U+200F>", and a byte that is not UTF-8 as "<0xFF>". Everything else,
//! the newline included, is kept as it is. A party code "\u202EPOL" reads "<U+202E>POL", not "LOP".
std::string ShowInvisible(std::string_view text);

}  // namespace casus
