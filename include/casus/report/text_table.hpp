// Plain-text tables for the terminal: cells word-wrapped to a column width, columns aligned.
#pragma once

#include <string>
#include <vector>

namespace casus {

class TextTable {
 public:
  //! `max_column_width` caps every column but the first (labels), whose width is its longest cell.
  explicit TextTable(std::vector<std::string> header, size_t max_column_width = 18);
  void AddRow(std::vector<std::string> cells);
  //! The table with a rule under the header; wrapped cells take several lines.
  std::string Render() const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  size_t max_column_width_;
};

//! Splits `text` into lines of at most `width` characters (UTF-8 aware), breaking at spaces
//! where possible, and after commas or slashes in long words.
std::vector<std::string> WrapText(const std::string& text, size_t width);

//! Display width of UTF-8 text (code points; casus prints no wide characters).
size_t DisplayWidth(const std::string& text);

}  // namespace casus
