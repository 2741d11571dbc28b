// casus compare FILE... — instruments side by side (text table or --json).
#include <fmt/format.h>

#include "casus/lint/lint_instrument.hpp"
#include "casus/report/compare.hpp"
#include "casus/report/csv.hpp"
#include "casus/report/documents.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct CompareOptions {
  std::vector<std::string> files;
  bool json = false;
  size_t width = 16;
  std::string csv;
};

int RunCompare(const GlobalOptions& global, const CompareOptions& options) {
  const Environment environment = LoadEnvironment(global);
  Diagnostics diagnostics;
  bool all_ok = true;
  const auto instruments = LoadInstruments(options.files, environment, all_ok, diagnostics);
  if (!all_ok) return kBadInput;
  if (!options.csv.empty()) {
    if (!WriteCsv(options.csv, CompareCsv(CompareDocument(instruments, environment.parties)))) return CannotWrite(options.csv);
    if (options.csv == "-") return kOk;
  }
  if (options.json) {
    PrintJson(CompareDocument(instruments, environment.parties));
  } else {
    std::vector<InstrumentSummary> summaries;
    for (const auto& instrument : instruments) {
      summaries.push_back(Summarize(instrument, LintInstrument(instrument, environment.parties)));
    }
    fmt::print("{}", RenderCompare(summaries, options.width));
  }
  return kOk;
}
}  // namespace

void AddCompareCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<CompareOptions>();
  CLI::App* command = app.add_subcommand("compare", "Compare instruments side by side: who guarantees whom, trigger, duty, decision, who can block.");
  command->add_option("instruments", options->files, "instrument files or library ids")->required();
  command->add_flag("--json", options->json, "machine-readable comparison on stdout (docs/cli.md)");
  command->add_option("--csv", options->csv, "also write one row per instrument as CSV to FILE ('-': stdout, instead of the table)");
  command->add_option("--width", options->width, "width of each instrument's column")->check(CLI::Range(8, 80))->capture_default_str();
  command->callback([&run, &global, options] { run = [&global, options] { return RunCompare(global, *options); }; });
}

}  // namespace casus::app
