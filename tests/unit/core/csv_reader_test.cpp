// CsvReader reads its file in blocks: every record, quote, "" escape and line end must come out the
// same wherever a block boundary falls. Each case runs at every block size from 1 byte to past the
// file's length; a property compares random files against a line-by-line model of the syntax.
#include <charconv>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>
#include <unistd.h>

#include "casus/core/csv_reader.hpp"
#include "casus/core/number.hpp"

namespace casus {
namespace {

using Records = std::vector<std::vector<std::string>>;

struct Outcome {
  Records records;
  std::string error;  // the exception's text, empty when the whole file was read
};

std::filesystem::path WriteFile(const std::string& text) {
  static int counter = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("casus_csv_reader_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + ".csv");
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

Outcome ReadAll(const std::filesystem::path& path, size_t block_bytes) {
  Outcome outcome;
  CsvReader reader(path, block_bytes);
  std::vector<std::string> fields;
  try {
    while (reader.Next(fields)) outcome.records.push_back(fields);
  } catch (const std::runtime_error& error) {
    outcome.error = error.what();
  }
  return outcome;
}

// The same text at every block size gives `expected` (and `error`, with the file's path first).
void ExpectAtEveryBlockSize(const std::string& text, const Records& expected, const std::string& error = "") {
  const auto path = WriteFile(text);
  for (size_t block = 1; block <= text.size() + 2; ++block) {
    const Outcome outcome = ReadAll(path, block);
    EXPECT_EQ(outcome.records, expected) << "block size " << block;
    EXPECT_EQ(outcome.error, error.empty() ? "" : path.string() + error) << "block size " << block;
  }
  const Outcome whole = ReadAll(path, CsvReader::kDefaultBlockBytes);
  EXPECT_EQ(whole.records, expected);
  std::filesystem::remove(path);
}

TEST(CsvReader, LineEndsOfEveryKindAtEveryBlockBoundary) {
  ExpectAtEveryBlockSize("a,b\nc,d\n", {{"a", "b"}, {"c", "d"}});
  ExpectAtEveryBlockSize("a,b\nc,d", {{"a", "b"}, {"c", "d"}});  // no line end after the last record
  ExpectAtEveryBlockSize("a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}});
  // Lone \r (COW's war data): one line end each, also when a block ends on it.
  ExpectAtEveryBlockSize("a\rb\r\rc", {{"a"}, {"b"}, {""}, {"c"}});
  ExpectAtEveryBlockSize("a\r", {{"a"}});
  ExpectAtEveryBlockSize("a\r\r\n", {{"a"}, {""}});  // \r then \r\n: two line ends
  ExpectAtEveryBlockSize("\n\n", {{""}, {""}});       // an empty line is a record of one empty field
  // Lines longer than the eight bytes scanned at a time, each ending otherwise.
  const std::string run(21, 'x');
  ExpectAtEveryBlockSize(run + "\r" + run + "\r\n" + run + "\n" + run, {{run}, {run}, {run}, {run}});
  ExpectAtEveryBlockSize("", {});
}

TEST(CsvReader, FieldsQuotesAndEscapes) {
  ExpectAtEveryBlockSize("a,,b,\n,\n", {{"a", "", "b", ""}, {"", ""}});
  ExpectAtEveryBlockSize("\"x,y\",\"say \"\"hi\"\"\",\"\"\n", {{"x,y", "say \"hi\"", ""}});
  ExpectAtEveryBlockSize("\"\"\"\"\r\n\"a\",b\r\n", {{"\""}, {"a", "b"}});
  ExpectAtEveryBlockSize("a\"b,c\"\n", {{"a\"b", "c\""}});  // a quote inside an unquoted field is text
  // A record longer than many blocks.
  const std::string wide(300, 'w');
  ExpectAtEveryBlockSize(wide + "," + wide + "\n1\n", {{wide, wide}, {"1"}});
}

TEST(CsvReader, MalformedRecordsGiveTheirLine) {
  // A record is one line: a quoted line break leaves the quote unterminated on its first line.
  ExpectAtEveryBlockSize("h\n\"a\nb\"\n", {{"h"}}, ":2: error: unterminated quoted field");
  ExpectAtEveryBlockSize("h\r\n\"a\r\nb\"\r\n", {{"h"}}, ":2: error: unterminated quoted field");
  ExpectAtEveryBlockSize("h\nok\n\"open", {{"h"}, {"ok"}}, ":3: error: unterminated quoted field");  // at the end of the file
  ExpectAtEveryBlockSize("\"a\"\"", {}, ":1: error: unterminated quoted field");
  ExpectAtEveryBlockSize("a\r\"a\"x,b\n", {{"a"}}, ":2: error: text after a closing quote (expected ',')");
}

TEST(CsvReader, ReusesTheFieldsVector) {
  const auto path = WriteFile("a,b,c\nd\n");
  CsvReader reader(path);
  std::vector<std::string> fields = {"left", "over", "from", "before"};
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(fields, (std::vector<std::string>{"d"}));
  EXPECT_EQ(reader.Line(), 2u);
  EXPECT_FALSE(reader.Next(fields));
  EXPECT_TRUE(fields.empty());
  std::filesystem::remove(path);
}

// The syntax, one line at a time on the whole text: the model the block reader must match.
Outcome Model(const std::string& text) {
  Outcome outcome;
  size_t at = 0;
  size_t line_number = 0;
  while (at < text.size()) {
    const size_t end = text.find_first_of("\r\n", at);
    const std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    at = end == std::string::npos ? text.size() : end + (text.compare(end, 2, "\r\n") == 0 ? 2 : 1);
    ++line_number;
    std::vector<std::string> fields(1);
    bool quoted = false, closed = false;
    for (size_t pos = 0; pos < line.size(); ++pos) {
      const char c = line[pos];
      const bool field_start = fields.back().empty() && !quoted && !closed;
      if (quoted) {
        if (c != '"') fields.back() += c;
        else if (pos + 1 < line.size() && line[pos + 1] == '"') fields.back() += '"', ++pos;
        else quoted = false, closed = true;
      } else if (c == ',') {
        fields.emplace_back();
        closed = false;
      } else if (closed) {
        outcome.error = ":" + std::to_string(line_number) + ": error: text after a closing quote (expected ',')";
        return outcome;
      } else if (c == '"' && field_start && (pos == 0 || line[pos - 1] == ',')) {
        quoted = true;
      } else {
        fields.back() += c;
      }
    }
    if (quoted) {
      outcome.error = ":" + std::to_string(line_number) + ": error: unterminated quoted field";
      return outcome;
    }
    outcome.records.push_back(fields);
  }
  return outcome;
}

RC_GTEST_PROP(CsvReader, AnyFileAtAnyBlockSizeReadsAsTheLineModelSays, ()) {
  const std::string text = *rc::gen::container<std::string>(rc::gen::element('a', 'b', '\xc3', ',', '"', '\n', '\r'));
  const size_t block = *rc::gen::inRange<size_t>(1, 9);
  const Outcome expected = Model(text);
  const auto path = WriteFile(text);
  const Outcome read = ReadAll(path, block);
  std::filesystem::remove(path);
  RC_ASSERT(read.records == expected.records);
  RC_ASSERT(read.error == (expected.error.empty() ? "" : path.string() + expected.error));
}

// ParseNumber's shortcut for plain decimals must give the bits std::from_chars gives.
RC_GTEST_PROP(ParseNumber, PlainDecimalsAreTheBitsFromCharsGives, ()) {
  const std::string digits = *rc::gen::nonEmpty(rc::gen::container<std::string>(rc::gen::inRange('0', static_cast<char>('9' + 1))));
  const size_t point = *rc::gen::inRange<size_t>(0, digits.size() + 1);
  std::string text = digits;
  if (point > 0 && point < digits.size()) text.insert(point, ".");
  double reference = 0.0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), reference);
  RC_PRE(error == std::errc() && end == text.data() + text.size());
  const auto parsed = ParseNumber(text);
  RC_ASSERT(parsed.has_value());
  RC_ASSERT(std::signbit(*parsed) == std::signbit(reference));
  RC_ASSERT(*parsed == reference);
}

}  // namespace
}  // namespace casus
