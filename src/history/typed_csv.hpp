// Typed access to a CSV with a header: columns by name, integers and decimals with the sources'
// missing-value codes turned into nullopt. Every malformed cell or row throws DataError with
// file:line. Internal to src/history.
//
// A reader binds each column once (Bind) and reads cells through the handle: a row then costs no
// lookup by name. The overloads taking a name bind on each call, as every read did before; the
// readers of the files `casus simulate` reads at start-up use handles (docs/performance.md).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "casus/core/csv_reader.hpp"
#include "casus/history/datasets.hpp"

namespace casus {

class TypedCsv {
 public:
  //! A column bound by name. A column the header lacks binds too: reading it fails on the row
  //! being read ("missing column '…'" at file:line), as reading it by name does.
  struct Column {
    size_t index;  // npos when the header lacks the column
    std::string name;
  };

  //! Opens the file and reads its header; throws DataError when a required column is missing.
  TypedCsv(const std::filesystem::path& file, const std::vector<std::string>& required_columns);
  //! The next record; false at the end. Throws DataError on a record with the wrong field count.
  bool Next();
  bool Has(const std::string& column) const { return index_.count(column) > 0; }
  Column Bind(const std::string& column) const;

  std::string Text(const Column& column) const { return std::string(Cell(column)); }
  //! nullopt for empty, NA, ".", −7, −8, −9; throws DataError for anything not an integer.
  OptionalInt Int(const Column& column) const;
  //! Like Int, but a missing value throws DataError.
  long RequiredInt(const Column& column) const;
  OptionalDouble Double(const Column& column) const;
  //! 0/1 dummies; missing counts as false.
  bool Flag(const Column& column) const { return Int(column).value_or(0) == 1; }
  PartialDate Date(const Column& year, const Column& month, const Column& day) const {
    return PartialDate{Int(year), Int(month), Int(day)};
  }

  std::string Text(const std::string& column) const { return Text(Bind(column)); }
  OptionalInt Int(const std::string& column) const { return Int(Bind(column)); }
  long RequiredInt(const std::string& column) const { return RequiredInt(Bind(column)); }
  OptionalDouble Double(const std::string& column) const { return Double(Bind(column)); }
  bool Flag(const std::string& column) const { return Flag(Bind(column)); }
  PartialDate Date(const std::string& year, const std::string& month, const std::string& day) const {
    return Date(Bind(year), Bind(month), Bind(day));
  }
  [[noreturn]] void Fail(const std::string& message) const;

 private:
  std::string_view Cell(const Column& column) const;
  CsvReader reader_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<std::string_view> fields_;  // views into reader_'s buffer, valid until Next
  size_t header_size_ = 0;
};

}  // namespace casus
