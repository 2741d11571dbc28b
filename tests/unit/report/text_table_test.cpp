#include "casus/report/text_table.hpp"

#include <gtest/gtest.h>

namespace casus {
namespace {

TEST(TextTable, WrapsAtSpacesAndHyphens) {
  EXPECT_EQ(WrapText("each party for itself", 10), (std::vector<std::string>{"each party", "for itself"}));
  EXPECT_EQ(WrapText("threat-of-armed-attack", 16), (std::vector<std::string>{"threat-of-armed-", "attack"}));
  EXPECT_EQ(WrapText("", 10), (std::vector<std::string>{""}));
}

TEST(TextTable, CountsUtf8CharactersNotBytes) {
  EXPECT_EQ(DisplayWidth("Türkiye"), 7u);
  EXPECT_EQ(DisplayWidth("“quoted”"), 8u);
}

TEST(TextTable, AlignsColumns) {
  TextTable table({"", "a", "b"}, 6);
  table.AddRow({"row", "one two three", "x"});
  EXPECT_EQ(table.Render(),
            "     a      b\n"
            "-------------\n"
            "row  one    x\n"
            "     two\n"
            "     three\n");
}

TEST(TextTable, CutsATableWiderThan120ColumnsIntoBlocksWithTheLabelsRepeated) {
  std::vector<std::string> header{"label"};
  std::vector<std::string> row{"first row"};
  for (char column = 'a'; column <= 'e'; ++column) {
    header.push_back(std::string(30, column));  // 9 + 5 × (2 + 30) = 169 columns in one block
    row.push_back(std::string(1, column));
  }
  TextTable table(header, 30);
  table.AddRow(row);
  const std::string text = table.Render();
  // Three columns fit in 120, so two blocks are needed: of 3 and 2 columns, the labels in each.
  EXPECT_EQ(text, "label      " + header[1] + "  " + header[2] + "  " + header[3] + "\n" + std::string(105, '-') +
                      "\nfirst row  a" + std::string(31, ' ') + "b" + std::string(31, ' ') + "c\n\nlabel      " + header[4] + "  " +
                      header[5] + "\n" + std::string(73, '-') + "\nfirst row  d" + std::string(31, ' ') + "e\n");
}

TEST(TextTable, WrapsAParagraphWithAHangingIndent) {
  EXPECT_EQ(WrapParagraph("one two three four", 10, 2), "one two\n  three\n  four\n");
  EXPECT_EQ(WrapParagraph("short", 10, 2), "short\n");
}

TEST(ColumnBlocks, KeepsTwoSpacesBeforeANegativeCell) {
  const std::string grid = RenderColumnBlocks("x", {"[1]", "[2]"}, {{"a", {"0.5", "-0.125"}}, {"", {"(-0.5)", "(0.25)"}}});
  EXPECT_EQ(grid,
            "  x     [1]     [2]\n"
            "  a     0.5  -0.125\n"
            "     (-0.5)  (0.25)\n");
}

TEST(ColumnBlocks, CutsColumnsIntoBlocksOfAboutEqualSizeThatFitTheWidth) {
  std::vector<std::string> header;
  GridLine row{"label", {}};
  for (int column = 1; column <= 7; ++column) {
    std::string number = "[";  // not "[" + … + "]": GCC 12 warns falsely (-Wrestrict) on that
    number += std::to_string(column);
    number += ']';
    header.push_back(number);
    row.cells.push_back(std::to_string(-column * 1000));  // "-7000": 5 wide
  }
  // 2 + 5 (label) + 5 × (2 + 5) = 42 columns fit in 45: 7 columns go in blocks of 4 and 3, not 5 and 2.
  const std::string grid = RenderColumnBlocks("", header, {row}, 2, 2, 45);
  EXPECT_EQ(grid,
            "           [1]    [2]    [3]    [4]\n"
            "  label  -1000  -2000  -3000  -4000\n"
            "\n"
            "           [5]    [6]    [7]\n"
            "  label  -5000  -6000  -7000\n");
  for (size_t start = 0, end; start < grid.size(); start = end + 1) {
    end = grid.find('\n', start);
    EXPECT_LE(end - start, 45u);
  }
  // One block when everything fits; a column wider than the width still gets a block of its own.
  EXPECT_EQ(RenderColumnBlocks("", {"[1]"}, {{"a", {"1"}}}), "     [1]\n  a    1\n");
  EXPECT_EQ(RenderColumnBlocks("", {"[1]", "[2]"}, {{"a", {"1", "2"}}}, 2, 2, 4), "     [1]\n  a    1\n\n     [2]\n  a    2\n");
}

}  // namespace
}  // namespace casus
