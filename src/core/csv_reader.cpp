#include "casus/core/csv_reader.hpp"

#include <stdexcept>

namespace casus {

CsvReader::CsvReader(const std::filesystem::path& path) : path_(path) {
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

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  // A line ends at \n, \r\n or a lone \r (old Mac files, such as COW's war data).
  buffer_.clear();
  std::streambuf* source = input_.rdbuf();
  int next = source->sbumpc();
  if (next == std::char_traits<char>::eof()) {
    return false;
  }
  while (next != std::char_traits<char>::eof() && next != '\n' && next != '\r') {
    buffer_ += static_cast<char>(next);
    next = source->sbumpc();
  }
  if (next == '\r' && source->sgetc() == '\n') {
    source->sbumpc();
  }
  ++line_;
  std::string field;
  size_t pos = 0;
  while (true) {
    field.clear();
    if (pos < buffer_.size() && buffer_[pos] == '"') {
      ++pos;
      while (true) {
        if (pos >= buffer_.size()) {
          throw std::runtime_error(path_.string() + ":" + std::to_string(line_) + ": error: unterminated quoted field");
        }
        if (buffer_[pos] == '"') {
          if (pos + 1 < buffer_.size() && buffer_[pos + 1] == '"') {
            field += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        field += buffer_[pos++];
      }
      if (pos < buffer_.size() && buffer_[pos] != ',') {
        throw std::runtime_error(path_.string() + ":" + std::to_string(line_) +
                                 ": error: text after a closing quote (expected ',')");
      }
    } else {
      const size_t comma = buffer_.find(',', pos);
      field = buffer_.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
      pos = comma == std::string::npos ? buffer_.size() : comma;
    }
    fields.push_back(field);
    if (pos >= buffer_.size()) {
      break;
    }
    ++pos;  // skip the comma
  }
  return true;
}

}  // namespace casus
