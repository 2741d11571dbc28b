// Streaming CSV (RFC 4180: comma-separated, double-quoted fields with "" escapes, one record per
// line; lines end with \n, \r\n or a lone \r) → one vector of fields per record. Rejects an unterminated quote with its line number.
// A record is one line: a line break inside quotes ends the record (an unterminated quoted field).
// The file is read in blocks (64 KiB unless told) and scanned in place, whatever the file's size.
#pragma once

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

class CsvReader {
 public:
  static constexpr size_t kDefaultBlockBytes = 64 * 1024;
  //! Opens the file; throws std::runtime_error("path: error: cannot open …") when it cannot.
  //! `block_bytes` (at least 1) is how much is read at a time: tests set it small to put record
  //! ends, quotes and line breaks across block boundaries.
  explicit CsvReader(const std::filesystem::path& path, size_t block_bytes = kDefaultBlockBytes);
  //! Reads the next record into `fields` (its strings are assigned in place, so that their
  //! capacity is reused from record to record); false at end of file. Throws std::runtime_error
  //! ("path:line: error: …") on a malformed record.
  bool Next(std::vector<std::string>& fields);
  //! Like Next, without copies: the fields are views into the reader's buffer (a quoted field's
  //! "" unescaped in place), valid until the next call.
  bool Next(std::vector<std::string_view>& fields);
  //! 1-based line number of the record last returned by Next.
  size_t Line() const { return line_; }
  const std::filesystem::path& Path() const { return path_; }

 private:
  //! The next line (without its end) as a view into buffer_, valid until the next call; false at
  //! end of file.
  bool NextLine(std::string_view& line);
  //! Moves the unread bytes to the front of buffer_ and appends up to one block; false when the
  //! file had nothing more.
  bool Refill();
  [[noreturn]] void Fail(const char* message) const;

  std::filesystem::path path_;
  std::ifstream input_;
  size_t block_bytes_;
  std::string buffer_;  // bytes read and not yet returned: [begin_, buffer_.size())
  std::vector<std::string_view> views_;  // the fields of Next(std::vector<std::string>&) before they are copied
  size_t begin_ = 0;
  bool end_of_file_ = false;
  size_t line_ = 0;
};

}  // namespace casus
