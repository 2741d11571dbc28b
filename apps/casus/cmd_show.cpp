// casus show FILE — one instrument for reading: each clause's words and what casus understood.
#include <fmt/format.h>

#include "casus/lint/lint_instrument.hpp"
#include "casus/report/documents.hpp"
#include "casus/report/show.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct ShowOptions {
  std::string file;
  bool json = false;
};

int RunShow(const GlobalOptions& global, const ShowOptions& options) {
  const Environment environment = LoadEnvironment(global);
  Diagnostics diagnostics;
  bool all_ok = true;
  const auto instruments = LoadInstruments({options.file}, environment, all_ok, diagnostics);
  if (!all_ok) return kBadInput;
  const Instrument& instrument = instruments.front();
  const auto findings = LintInstrument(instrument, environment.parties);
  if (options.json) {
    PrintJson(ShowDocument(instrument, findings));
  } else {
    fmt::print("{}", RenderInstrument(instrument, findings, environment.parties));
  }
  return kOk;
}
}  // namespace

void AddShowCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* command = app.add_subcommand("show", "Render one instrument for reading, clause by clause, with its lint findings.");
  command->add_option("instrument", options->file, "an instrument file or library id")->required();
  command->add_flag("--json", options->json, "the whole instrument model as JSON (docs/cli.md)");
  command->callback([&run, &global, options] { run = [&global, options] { return RunShow(global, *options); }; });
}

}  // namespace casus::app
