#include "casus/core/csv_reader.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace casus {

CsvReader::CsvReader(const std::filesystem::path& path, size_t block_bytes)
    : path_(path), block_bytes_(std::max<size_t>(block_bytes, 1)) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {  // a FIFO would block for ever
    throw std::runtime_error(path.string() + ": error: not a regular file (a FIFO, a device or a socket)");
  }
  input_.open(path, std::ios::binary);
  if (!input_) {
    throw std::runtime_error(path.string() + ": error: cannot open file");
  }
}

void CsvReader::Fail(const char* message) const {
  throw std::runtime_error(path_.string() + ":" + std::to_string(line_) + ": error: " + message);
}

bool CsvReader::Refill() {
  if (end_of_file_) return false;
  buffer_.erase(0, begin_);
  begin_ = 0;
  const size_t before = buffer_.size();
  buffer_.resize(before + block_bytes_);
  input_.read(buffer_.data() + before, static_cast<std::streamsize>(block_bytes_));
  const auto got = static_cast<size_t>(input_.gcount());
  buffer_.resize(before + got);
  if (!input_ || got == 0) end_of_file_ = true;
  return got > 0;
}

bool CsvReader::NextLine(std::string_view& line) {
  // A line ends at \n, \r\n or a lone \r (old Mac files, such as COW's war data). `scanned` bytes
  // after begin_ hold no line end; a \r that is the last byte read waits for the next byte.
  size_t scanned = 0;
  while (true) {
    const char* data = buffer_.data();
    const size_t size = buffer_.size();
    size_t at = begin_ + scanned;
    // Eight bytes at a time while none is a line end (a byte equal to \n or \r leaves a zero byte
    // in the XOR, which the borrow test sees), then byte by byte to the line end itself.
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
    for (uint64_t word = 0; at + 8 <= size; at += 8) {
      std::memcpy(&word, data + at, 8);
      const uint64_t newline = word ^ (kOnes * '\n'), carriage = word ^ (kOnes * '\r');
      if ((((newline - kOnes) & ~newline) | ((carriage - kOnes) & ~carriage)) & kHighs) break;
    }
    while (at < size && data[at] != '\n' && data[at] != '\r') ++at;
    if (at < size && !(data[at] == '\r' && at + 1 == size && !end_of_file_)) {
      line = std::string_view(data + begin_, at - begin_);
      begin_ = at + (data[at] == '\r' && at + 1 < size && data[at + 1] == '\n' ? 2 : 1);
      return true;
    }
    scanned = at - begin_;
    if (!Refill()) {
      if (begin_ == buffer_.size()) return false;
      if (begin_ + scanned < buffer_.size()) continue;  // the \r at the end of the file: a lone \r
      line = std::string_view(buffer_.data() + begin_, buffer_.size() - begin_);  // the last line has no end
      begin_ = buffer_.size();
      return true;
    }
  }
}

bool CsvReader::Next(std::vector<std::string_view>& fields) {
  fields.clear();
  std::string_view line;
  if (!NextLine(line)) return false;
  ++line_;
  // The line's bytes are the reader's until the next call: a quoted field is unescaped in place.
  char* const data = buffer_.data() + (line.data() - buffer_.data());
  const size_t size = line.size();
  size_t pos = 0;
  while (true) {
    if (pos < size && data[pos] == '"') {
      const size_t start = ++pos;
      size_t out = start;  // where the unescaped text ends
      while (true) {
        const auto* quote = static_cast<const char*>(std::memchr(data + pos, '"', size - pos));
        if (quote == nullptr) Fail("unterminated quoted field");
        const auto length = static_cast<size_t>(quote - (data + pos));
        if (out != pos) std::memmove(data + out, data + pos, length);
        out += length;
        pos += length + 1;
        if (pos < size && data[pos] == '"') {  // "" stands for one quote
          data[out++] = '"';
          ++pos;
          continue;
        }
        break;
      }
      fields.emplace_back(data + start, out - start);
      if (pos < size && data[pos] != ',') Fail("text after a closing quote (expected ',')");
    } else {
      const auto* comma = static_cast<const char*>(std::memchr(data + pos, ',', size - pos));
      const size_t end = comma == nullptr ? size : static_cast<size_t>(comma - data);
      fields.emplace_back(data + pos, end - pos);
      pos = end;
    }
    if (pos >= size) break;
    ++pos;  // skip the comma
  }
  return true;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  if (!Next(views_)) {
    fields.clear();
    return false;
  }
  fields.resize(views_.size());
  for (size_t field_idx = 0; field_idx < views_.size(); ++field_idx) fields[field_idx].assign(views_[field_idx]);  // capacity reused
  return true;
}

}  // namespace casus
