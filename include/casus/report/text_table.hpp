// Plain-text tables for the terminal: cells word-wrapped to a column width, columns aligned.
#pragma once

#include <string>
#include <vector>

namespace casus {

//! The widest line of casus's text output: a 120-column terminal.
constexpr size_t kTextWidth = 120;

class TextTable {
 public:
  //! `max_column_width` caps every column but the first (labels), whose width is its longest cell.
  explicit TextTable(std::vector<std::string> header, size_t max_column_width = 18);
  void AddRow(std::vector<std::string> cells);
  //! The table with a rule under the header; wrapped cells take several lines. A table wider than
  //! kTextWidth is cut into blocks of columns, one under the other, each with the first column.
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

//! `text` wrapped at `width` (WrapText), every line ended by '\n', the lines after the first
//! indented by `indent` spaces (within `width`).
std::string WrapParagraph(const std::string& text, size_t width = kTextWidth, size_t indent = 2);

//! One line of a ColumnBlocks grid: a label (empty on a continuation line) and its cells.
struct GridLine {
  std::string label;
  std::vector<std::string> cells;
};

//! A grid of right-aligned cells of one width beside left-aligned labels (an index table, a
//! matrix), `gap` spaces before every cell so that a negative number never touches its
//! neighbour. When the columns do not fit in `width`, they are cut into blocks of about equal
//! size, one under the other, each with the header and the labels again.
std::string RenderColumnBlocks(const std::string& corner, const std::vector<std::string>& header, const std::vector<GridLine>& lines,
                               size_t indent = 2, size_t gap = 2, size_t width = kTextWidth);

}  // namespace casus
