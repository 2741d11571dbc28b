// One writer for every file casus writes (sweep --csv, simulate --report, sweep --report, …): the
// text goes to a temporary file beside the target, which is flushed, synced and renamed over the
// target only when everything was written. A full disk, an unwritable folder or a directory in
// the way is an OutputError; the target is then untouched and no partial file is left behind.
#pragma once

#include <filesystem>
#include <ostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

//! A file could not be written: "path: error: cannot write …" with a hint line (exit 2).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

//! Throws OutputError unless `target` can be written: its folder exists and is writable, it is not
//! a directory, a FIFO or a socket (a character device such as /dev/null is written in place), and it is none of `inputs` (writing it would
//! destroy what is read). Commands call it for every output before they start work, so that a
//! mistaken path costs nothing and touches nothing.
void CheckOutputPath(const std::filesystem::path& target, const std::vector<std::filesystem::path>& inputs = {});

//! An output file written whole or not at all. Write to Stream(), then Commit(); destroying it
//! without Commit() (an exception on the way) removes the temporary file.
class OutputFile {
 public:
  //! CheckOutputPath(target, inputs) first.
  explicit OutputFile(std::filesystem::path target, const std::vector<std::filesystem::path>& inputs = {});
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  ~OutputFile();

  std::ostream& Stream() { return buffer_; }
  //! Writes the text to a temporary file in the target's folder, syncs it and renames it over the
  //! target. Throws OutputError (and leaves the target as it was) on any failure.
  void Commit();

 private:
  std::filesystem::path target_;
  std::ostringstream buffer_;
};

//! WriteOutputFile(path, text): OutputFile in one call.
void WriteOutputFile(const std::filesystem::path& target, std::string_view text,
                     const std::vector<std::filesystem::path>& inputs = {});

}  // namespace casus
