#include "typed_csv.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "casus/core/number.hpp"

namespace casus {

namespace {
// Compared as views: a size check first, no memcmp call per cell for the common case.
bool IsMissingText(std::string_view text) { return text.empty() || text == "NA" || text == "." || text == "NaN"; }
bool IsMissingCode(double value) { return value == -9.0 || value == -8.0 || value == -7.0; }
}  // namespace

TypedCsv::TypedCsv(const std::filesystem::path& file, const std::vector<std::string>& required_columns) try
    : reader_(file) {
  std::vector<std::string> header;
  if (!reader_.Next(header)) {
    throw DataError(fmt::format("{}:1: error: the file is empty (expected a header)", file.string()));
  }
  header_size_ = header.size();
  for (size_t column_idx = 0; column_idx < header.size(); ++column_idx) index_.emplace(header[column_idx], column_idx);
  for (const auto& column : required_columns) {
    if (!Has(column)) throw DataError(fmt::format("{}:1: error: missing column '{}'", file.string(), column));
  }
} catch (const DataError&) {
  throw;
} catch (const std::runtime_error& error) {
  throw DataError(error.what());
}

bool TypedCsv::Next() {
  try {
    if (!reader_.Next(fields_)) return false;
  } catch (const std::runtime_error& error) {
    throw DataError(error.what());
  }
  if (fields_.size() != header_size_) {
    Fail(fmt::format("expected {} fields (as in the header), found {}", header_size_, fields_.size()));
  }
  return true;
}

void TypedCsv::Fail(const std::string& message) const {
  throw DataError(fmt::format("{}:{}: error: {}", reader_.Path().string(), reader_.Line(), message));
}

TypedCsv::Column TypedCsv::Bind(const std::string& column) const {
  const auto found = index_.find(column);
  return Column{found == index_.end() ? std::string::npos : found->second, column};
}

std::string_view TypedCsv::Cell(const Column& column) const {
  if (column.index == std::string::npos) Fail(fmt::format("missing column '{}'", column.name));
  return fields_[column.index];
}

OptionalInt TypedCsv::Int(const Column& column) const {
  const std::string_view text = Cell(column);
  if (IsMissingText(text)) return std::nullopt;
  long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    // Some sources write integers as decimals ("5.0"): accept those that are whole.
    const auto decimal = Double(column);
    if (decimal) {
      if (const auto whole = WholeNumber<long>(*decimal)) return IsMissingCode(*decimal) ? std::nullopt : OptionalInt(*whole);
    }
    Fail(fmt::format("column '{}': '{}' is not an integer (or is beyond ±9.2e18)", column.name, text));
  }
  if (IsMissingCode(static_cast<double>(value))) return std::nullopt;
  return value;
}

long TypedCsv::RequiredInt(const Column& column) const {
  const auto value = Int(column);
  if (!value) Fail(fmt::format("column '{}' is missing ('{}') where a value is required", column.name, Cell(column)));
  return *value;
}

OptionalDouble TypedCsv::Double(const Column& column) const {
  const std::string_view text = Cell(column);
  if (IsMissingText(text)) return std::nullopt;
  const auto value = ParseNumber(text);
  if (!value) Fail(fmt::format("column '{}': '{}' is not a number", column.name, text));
  if (IsMissingCode(*value)) return std::nullopt;
  return value;
}

}  // namespace casus
