// casus check FILE... — load and validate instruments; diagnostics on stderr, exit 2 on any error.
#include <fmt/format.h>

#include "casus/report/documents.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct CheckOptions {
  std::vector<std::string> files;
  bool json = false;
};

int RunCheck(const GlobalOptions& global, const CheckOptions& options) {
  const Environment environment = LoadEnvironment(global);
  nlohmann::json files = nlohmann::json::array();
  size_t ok_count = 0;
  Diagnostics diagnostics;
  for (const auto& argument : options.files) {
    bool ok = false;
    const size_t before = diagnostics.All().size();
    auto instruments = LoadInstruments({argument}, environment, ok, diagnostics);
    const std::vector<Diagnostic> own(diagnostics.All().begin() + static_cast<std::ptrdiff_t>(before), diagnostics.All().end());
    files.push_back(CheckEntryDocument(argument, ok ? &instruments.front() : nullptr, own));
    if (ok) {
      ++ok_count;
      const Instrument& instrument = instruments.front();
      if (!options.json) {
        fmt::print("ok: {} ({}, {} clause{})\n", instrument.file, instrument.id, instrument.clauses.size(),
                   instrument.clauses.size() == 1 ? "" : "s");
      }
    }
  }
  const size_t failed = options.files.size() - ok_count;
  if (options.json) {
    PrintJson({{"files", files}, {"ok", ok_count}, {"failed", failed}});
  } else {
    fmt::print("checked {} file{}: {} ok, {} with errors\n", options.files.size(), options.files.size() == 1 ? "" : "s",
               ok_count, failed);
  }
  return failed == 0 ? kOk : kBadInput;
}
}  // namespace

void AddCheckCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand("check", "Load and validate instrument files: every mistake as file:line:col with a hint (exit 2).");
  command->add_option("instruments", options->files, "instrument files or library ids")->required();
  command->add_flag("--json", options->json, "machine-readable result on stdout (docs/cli.md)");
  command->callback([&run, &global, options] { run = [&global, options] { return RunCheck(global, *options); }; });
}

}  // namespace casus::app
