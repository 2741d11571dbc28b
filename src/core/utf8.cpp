#include "casus/core/utf8.hpp"

#include <fmt/format.h>

namespace casus {

namespace {
// The length of the well-formed sequence at text[pos], or 0 (RFC 3629, table 3-7 of Unicode).
size_t SequenceLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t offset) { return static_cast<unsigned char>(text[pos + offset]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // overlong
    if (lead == 0xED) high = 0x9F;  // surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;   // overlong
    if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t offset = 2; offset < length; ++offset) {
    if (byte(offset) < 0x80 || byte(offset) > 0xBF) return 0;
  }
  return length;
}

// The code point of the well-formed sequence of `length` bytes at text[pos].
char32_t Decode(std::string_view text, size_t pos, size_t length) {
  const auto byte = [&](size_t offset) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + offset])); };
  if (length == 1) return byte(0);
  char32_t code = byte(0) & (0xFFu >> (length + 1));
  for (size_t offset = 1; offset < length; ++offset) code = (code << 6) | (byte(offset) & 0x3Fu);
  return code;
}

bool IsInvisible(char32_t code) {
  if (code < 0x20) return code != U'\n';
  if (code >= 0x7F && code <= 0x9F) return true;  // DEL, C1 controls
  switch (code) {
    case 0x00AD: case 0x061C: case 0x180E: case 0xFEFF: return true;
    default: break;
  }
  return (code >= 0x200B && code <= 0x200F) || (code >= 0x2028 && code <= 0x202E) ||
         (code >= 0x2060 && code <= 0x2064) || (code >= 0x2066 && code <= 0x2069);
}
}  // namespace

std::optional<Utf8Error> FindInvalidUtf8(std::string_view text) {
  uint32_t line = 1;
  uint32_t column = 1;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = SequenceLength(text, pos);
    if (length == 0) return Utf8Error{line, column, static_cast<unsigned char>(text[pos])};
    if (text[pos] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    pos += length;
  }
  return std::nullopt;
}

std::string ShowInvisible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = SequenceLength(text, pos);
    if (length == 0) {
      out += fmt::format("<0x{:02X}>", static_cast<unsigned char>(text[pos]));
      ++pos;
      continue;
    }
    const char32_t code = Decode(text, pos, length);
    if (IsInvisible(code)) {
      out += fmt::format("<U+{:04X}>", static_cast<uint32_t>(code));
    } else {
      out.append(text.substr(pos, length));
    }
    pos += length;
  }
  return out;
}

}  // namespace casus
