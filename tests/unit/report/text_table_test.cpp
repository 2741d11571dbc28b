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

}  // namespace
}  // namespace casus
