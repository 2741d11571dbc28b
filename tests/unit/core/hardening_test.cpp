// Issue 10's shared mechanisms, each with the input that broke it: the checked number conversion,
// the duration arithmetic, UTF-8 validation, the atomic output writer, the finite-result guard,
// the TOML depth scan, non-regular input files and float → integer in the history readers.
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <limits>

#include <gtest/gtest.h>

#include "../test_support.hpp"
#include "casus/core/number.hpp"
#include "casus/core/output_file.hpp"
#include "casus/core/diagnostic.hpp"
#include "casus/core/utf8.hpp"
#include "casus/engine/load_timeline.hpp"
#include "casus/history/datasets.hpp"
#include "casus/report/finite.hpp"
#include "casus/spec/toml_reader.hpp"

namespace casus {
namespace {

// A fresh folder per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "casus-hardening-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& Path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
}

TEST(ParseNumber, AcceptsSubnormalsAndRejectsNonFinite) {
  EXPECT_EQ(ParseNumber("5e-324"), 5e-324);  // std::stod threw out_of_range ("internal error: stod")
  EXPECT_EQ(ParseNumber("0.25"), 0.25);
  EXPECT_FALSE(ParseNumber("1e400"));
  EXPECT_FALSE(ParseNumber("1e-400"));
  EXPECT_FALSE(ParseNumber("nan"));
  EXPECT_FALSE(ParseNumber("inf"));
  EXPECT_FALSE(ParseNumber(""));
  EXPECT_FALSE(ParseNumber("1.5x"));
}

TEST(WholeNumber, RefusesWhatStaticCastWouldMakeUndefined) {
  EXPECT_FALSE(WholeNumber<long>(1e30));  // an atopid of 1e30 was converted with static_cast
  EXPECT_FALSE(WholeNumber<long>(9223372036854775808.0));
  EXPECT_EQ(WholeNumber<long>(-9223372036854775808.0), std::numeric_limits<long>::min());
  EXPECT_FALSE(WholeNumber<int>(2147483648.0));
  EXPECT_EQ(WholeNumber<int>(5.0), 5);
  EXPECT_FALSE(WholeNumber<int>(5.5));
  EXPECT_FALSE(WholeNumber<int>(std::nan("")));
  EXPECT_FALSE(ParseInteger<uint64_t>("-1"));  // --seed -1 became 2⁶⁴−1
  EXPECT_EQ(ParseInteger<uint64_t>("18446744073709551615"), std::numeric_limits<uint64_t>::max());
}

TEST(IsoDuration, RefusesDurationsBeyondTheLimitInsteadOfOverflowing) {
  for (const char* text : {"P2147483647Y", "P999999999W", "P10000Y1D", "P120001M", "PT2147483647H"}) {
    const auto parsed = ParseIsoDuration(text);
    ASSERT_TRUE(std::holds_alternative<std::string>(parsed)) << text;
    EXPECT_NE(std::get<std::string>(parsed).find("10000 years"), std::string::npos) << std::get<std::string>(parsed);
  }
  const auto longest = ParseIsoDuration("P10000Y");
  ASSERT_TRUE(std::holds_alternative<IsoDuration>(longest));
  using namespace std::chrono;
  const sys_seconds start = sys_days{year{2024} / 6 / 13};
  EXPECT_EQ(year_month_day{floor<days>(std::get<IsoDuration>(longest).AddTo(start))}, year{12024} / 6 / 13);
  const auto weeks = std::get<IsoDuration>(ParseIsoDuration("P500000W"));  // 3.5 million days, in range
  EXPECT_EQ(floor<days>(weeks.AddTo(start)) - floor<days>(start), days{3500000});
  const auto month_end = std::get<IsoDuration>(ParseIsoDuration("P1M"));
  EXPECT_EQ(year_month_day{floor<days>(month_end.AddTo(sys_days{year{2024} / 1 / 31}))}, year{2024} / 2 / 29);
}

TEST(Utf8, FindsTheFirstInvalidSequence) {
  EXPECT_FALSE(FindInvalidUtf8("Kyiv élite, Київ, 東京, 🇺🇦"));
  const auto latin1 = FindInvalidUtf8("a,b\nKyiv \xe9lite");
  ASSERT_TRUE(latin1);
  EXPECT_EQ(latin1->line, 2u);
  EXPECT_EQ(latin1->column, 6u);
  EXPECT_EQ(latin1->byte, 0xe9);
  EXPECT_TRUE(FindInvalidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_TRUE(FindInvalidUtf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_TRUE(FindInvalidUtf8("\xf4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_TRUE(FindInvalidUtf8("\xe2\x80"));          // truncated
}

TEST(Utf8, ShowsInvisibleCharactersInDiagnostics) {
  // Printable text, any script, and the newline before a hint are kept as they are.
  EXPECT_EQ(ShowInvisible("Kyiv élite, Київ, 東京, 🇺🇦, 2⁶⁴ → \n  hint: x"), "Kyiv élite, Київ, 東京, 🇺🇦, 2⁶⁴ → \n  hint: x");
  // A right-to-left override would print "POL" reversed; a mark or a zero-width space prints nothing.
  EXPECT_EQ(ShowInvisible("\u202EPOL"), "<U+202E>POL");
  EXPECT_EQ(ShowInvisible("POL\u200F"), "POL<U+200F>");
  EXPECT_EQ(ShowInvisible("U\u200BKR"), "U<U+200B>KR");
  EXPECT_EQ(ShowInvisible("\uFEFFid \u2066x\u2069 \u061C \u00AD"), "<U+FEFF>id <U+2066>x<U+2069> <U+061C> <U+00AD>");
  // Control characters: C0 (an escape sequence would recolour the terminal), DEL, C1.
  EXPECT_EQ(ShowInvisible("a\x1b[31mb\tc\rd\x7f"), "a<U+001B>[31mb<U+0009>c<U+000D>d<U+007F>");
  EXPECT_EQ(ShowInvisible(std::string_view("\0\u0085", 3)), "<U+0000><U+0085>");
  // Bytes that are not UTF-8, one by one.
  EXPECT_EQ(ShowInvisible("Kyiv \xe9lite \xe2\x80"), "Kyiv <0xE9>lite <0xE2><0x80>");
  // FormatDiagnostic shows them in the file, the message and the hint.
  // Built field by field: GCC 12 -O2 warns (-Wmaybe-uninitialized, a false positive) on the aggregate form.
  Diagnostic diagnostic;
  diagnostic.position.file = "a\u202E.toml";
  diagnostic.position.line = 3;
  diagnostic.position.column = 4;
  diagnostic.message = "unknown party code '\u202EPOL'";
  diagnostic.hint = "not \u200F";
  EXPECT_EQ(FormatDiagnostic(diagnostic), "a<U+202E>.toml:3:4: error: unknown party code '<U+202E>POL'\n  hint: not <U+200F>");
}

TEST(OutputFile, WritesWholeOrNotAtAll) {
  TempDir dir;
  const auto target = dir.Path() / "out.csv";
  WriteOutputFile(target, "a,b\n1,2\n");
  EXPECT_EQ(Slurp(target), "a,b\n1,2\n");
  {
    OutputFile abandoned(target);
    abandoned.Stream() << "half a table";
  }  // destroyed without Commit(): the old file stays, no temporary is left
  EXPECT_EQ(Slurp(target), "a,b\n1,2\n");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.Path()), std::filesystem::directory_iterator()), 1);
  EXPECT_THROW(WriteOutputFile(dir.Path(), "x"), OutputError);                   // a directory
  EXPECT_THROW(WriteOutputFile(dir.Path() / "missing" / "x.csv", "x"), OutputError);  // no such folder
  EXPECT_THROW(WriteOutputFile(target, "x", {dir.Path() / "." / "out.csv"}), OutputError);  // an input
  EXPECT_EQ(Slurp(target), "a,b\n1,2\n");
  const auto fifo = dir.Path() / "fifo";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_THROW(WriteOutputFile(fifo, "x"), OutputError);
  if (std::filesystem::exists("/dev/full")) {  // a full disk: ENOSPC is an error, not a silent truncation
    EXPECT_THROW(WriteOutputFile("/dev/full", "a table"), OutputError);
  }
  WriteOutputFile("/dev/null", "discarded");  // a device is written in place, never replaced
}

TEST(ReadTextFile, RefusesAFifoInsteadOfBlocking) {
  TempDir dir;
  const auto fifo = dir.Path() / "timeline.toml";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  Diagnostics diagnostics;
  std::string text;
  EXPECT_FALSE(ReadTextFile(fifo, text, diagnostics));  // opening it would wait for a writer for ever
  ASSERT_EQ(diagnostics.All().size(), 1u);
  EXPECT_NE(diagnostics.All()[0].message.find("not a regular file"), std::string::npos);
  EXPECT_THROW(ReadAtopAlliances(fifo, [](const AtopAlliance&) {}), DataError);
}

TEST(ReadTextFile, ReadsAFileOfExactlyTheLimitWholeAndRefusesOneByteMore) {
  TempDir dir;
  const auto path = dir.Path() / "big.toml";
  std::string content(kMaxTextFileBytes, '#');
  content[12345] = 'a';  // a file read in blocks keeps every byte in its place
  content.back() = 'z';
  {
    std::ofstream out(path, std::ios::binary);
    out << content;
  }
  Diagnostics diagnostics;
  std::string text;
  EXPECT_TRUE(ReadTextFile(path, text, diagnostics));
  EXPECT_EQ(text, content);
  {
    std::ofstream out(path, std::ios::binary | std::ios::app);
    out << 'x';
  }
  EXPECT_FALSE(ReadTextFile(path, text, diagnostics));
  ASSERT_EQ(diagnostics.All().size(), 1u);
  EXPECT_NE(diagnostics.All()[0].message.find("larger than"), std::string::npos);
}

TEST(FiniteResults, NameThePathOfTheFirstNonFiniteNumber) {
  nlohmann::json document = {{"designs", {{{"id", "a"}, {"p_attack", 0.5}}, {{"id", "b"}, {"p_attack", std::nan("")}}}}};
  EXPECT_EQ(FindNonFinite(document), "designs[1].p_attack");
  EXPECT_THROW(RequireFinite(document, "s.toml", "hint"), NonFiniteResult);
  document["designs"][1]["p_attack"] = 0.25;
  EXPECT_FALSE(FindNonFinite(document));
  const nlohmann::json parameters = {{"noise_sd", 1.0}, {"reneging_cost", {{"mean", 1e308}, {"sd", 0.1}}}};
  EXPECT_NE(LargestParameter(parameters).find("reneging_cost.mean = 1e+308"), std::string::npos) << LargestParameter(parameters);
}

TEST(TomlDepth, DeepKeysAndNestingAreRefusedBeforeTomlxxRecurses) {
  auto first_error = [](const std::string& text) {
    Diagnostics diagnostics;
    EXPECT_FALSE(LoadTimelineText(text, "t.toml", testing::Parties(), diagnostics));
    return diagnostics.All().empty() ? Diagnostic{} : diagnostics.All()[0];
  };
  std::string deep = "x = 1\n";
  for (int part = 0; part < 40000; ++part) deep += part == 0 ? "a" : ".a";
  const Diagnostic dotted = first_error(deep + " = 1\n");  // 40 000 parts overflowed toml++'s stack
  EXPECT_EQ(dotted.position.line, 2u);
  EXPECT_EQ(dotted.position.column, 32u);  // the 16th dot: the 17th part
  EXPECT_NE(dotted.message.find("more than 16 parts"), std::string::npos) << dotted.message;
  EXPECT_NE(first_error("x = " + std::string(40, '[') + std::string(40, ']') + "\n").message.find("nested more than 32"),
            std::string::npos);
  // Dots in strings, comments and numbers do not count.
  const Diagnostic fine = first_error("# a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r\n[timeline]\nid = \"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r\"\n"
                                      "title = '''a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r'''\n");
  EXPECT_EQ(fine.message.find("parts"), std::string::npos) << fine.message;
}

TEST(HistoryReaders, RefuseAFloatBeyondTheIntegerRange) {
  TempDir dir;
  const auto data = std::filesystem::path(CASUS_TEST_HOME) / "data" / "atop" / "atop5_1a.csv";
  std::ifstream input(data);
  std::string header;
  std::string row;
  std::getline(input, header);
  std::getline(input, row);
  const auto file = dir.Path() / "atop.csv";
  std::ofstream(file) << header << '\n' << "1e30" << row.substr(row.find(',')) << '\n';
  try {
    ReadAtopAlliances(file, [](const AtopAlliance&) {});
    FAIL() << "an atopid of 1e30 was accepted";
  } catch (const DataError& error) {
    EXPECT_NE(std::string(error.what()).find(":2: error: column 'atopid': '1e30' is not an integer"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace casus
