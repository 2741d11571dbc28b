// Typed access to a CSV with a header: columns by name, integers and decimals with the sources'
// missing-value codes turned into nullopt. Every malformed cell or row throws DataError with
// file:line. Internal to src/history.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "casus/core/csv_reader.hpp"
#include "casus/history/datasets.hpp"

namespace casus {

class TypedCsv {
 public:
  //! Opens the file and reads its header; throws DataError when a required column is missing.
  TypedCsv(const std::filesystem::path& file, const std::vector<std::string>& required_columns);
  //! The next record; false at the end. Throws DataError on a record with the wrong field count.
  bool Next();
  bool Has(const std::string& column) const { return index_.count(column) > 0; }
  std::string Text(const std::string& column) const;
  //! nullopt for empty, NA, ".", −7, −8, −9; throws DataError for anything not an integer.
  OptionalInt Int(const std::string& column) const;
  //! Like Int, but a missing value throws DataError.
  long RequiredInt(const std::string& column) const;
  OptionalDouble Double(const std::string& column) const;
  //! 0/1 dummies; missing counts as false.
  bool Flag(const std::string& column) const { return Int(column).value_or(0) == 1; }
  PartialDate Date(const std::string& year, const std::string& month, const std::string& day) const;
  [[noreturn]] void Fail(const std::string& message) const;

 private:
  const std::string& Cell(const std::string& column) const;
  CsvReader reader_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::string> fields_;
  size_t header_size_ = 0;
};

}  // namespace casus
