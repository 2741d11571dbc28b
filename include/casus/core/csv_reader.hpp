// Streaming CSV (RFC 4180: comma-separated, double-quoted fields with "" escapes, one record per
// line; lines end with \n, \r\n or a lone \r) → one vector of fields per record. Rejects an unterminated quote with its line number.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace casus {

class CsvReader {
 public:
  //! Opens the file; throws std::runtime_error("path: error: cannot open …") when it cannot.
  explicit CsvReader(const std::filesystem::path& path);
  //! Reads the next record into `fields`; false at end of file. Throws std::runtime_error
  //! ("path:line: error: …") on a malformed record.
  bool Next(std::vector<std::string>& fields);
  //! 1-based line number of the record last returned by Next.
  size_t Line() const { return line_; }
  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::ifstream input_;
  std::string buffer_;
  size_t line_ = 0;
};

}  // namespace casus
