// casus — security guarantees as documents and as games. One binary, one subcommand per job.
#include <cstdio>
#include <algorithm>
#include <exception>
#include <fstream>
#include <functional>

#include <fmt/format.h>

#include "casus/core/number.hpp"
#include "casus/core/output_file.hpp"
#include "casus/core/resources.hpp"
#include "casus/report/finite.hpp"
#include "casus/core/spelling.hpp"
#include "casus/core/utf8.hpp"
#include "casus/spec/load_instrument.hpp"
#include "casus/spec/resolve_instrument.hpp"
#include "common.hpp"

namespace casus::app {

Environment LoadEnvironment(const GlobalOptions& options) {
  std::optional<std::filesystem::path> home;
  if (options.home) home = *options.home;
  Environment environment{FindHome(home), {}};
  try {
    environment.parties = PartyTable::Load(environment.home / "data");
  } catch (const std::runtime_error& error) {  // a malformed or missing shipped table
    throw ResourceError(error.what());
  }
  return environment;
}

std::vector<Instrument> LoadInstruments(const std::vector<std::string>& arguments, const Environment& environment,
                                        bool& all_ok, Diagnostics& diagnostics) {
  std::vector<Instrument> instruments;
  all_ok = true;
  for (const auto& argument : arguments) {
    const auto path = ResolveInstrumentArgument(argument, environment.home);
    const size_t before = diagnostics.All().size();
    std::optional<Instrument> instrument;
    std::error_code error;
    if (!std::filesystem::exists(path, error) && path == std::filesystem::path(argument) &&
        argument.find('/') == std::string::npos && path.extension() != ".toml") {
      std::vector<std::string> ids;  // the argument looks like a library id that does not exist
      for (const auto& file : ListLibrary(environment.home)) ids.push_back(file.stem().string());
      diagnostics.Error(SourcePosition{argument, 0, 0}, "no such file, and no library instrument with this id",
                        SuggestionHint(argument, ids));
    } else {
      instrument = LoadInstrumentFile(path, environment.parties, diagnostics);
    }
    for (size_t diagnostic_idx = before; diagnostic_idx < diagnostics.All().size(); ++diagnostic_idx) {
      fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostics.All()[diagnostic_idx]));
    }
    if (instrument) {
      instruments.push_back(std::move(*instrument));
    } else {
      all_ok = false;
    }
  }
  return instruments;
}

void PrintJson(const nlohmann::json& document) { fmt::print("{}\n", document.dump(2)); }

int CannotWrite(const std::string& path) {
  fmt::print(stderr, "casus: error: cannot write {}\n  hint: check that the folder exists and is writable\n", path);
  return kBadInput;
}

int WriteReport(const std::string& path, const std::string& html, bool quiet) {
  try {
    WriteOutputFile(path, html);
  } catch (const casus::OutputError& error) {
    fmt::print(stderr, "{}\n", casus::ShowInvisible(error.what()));
    return kBadInput;
  }
  if (!quiet) fmt::print("report: {}\n", path);
  return kOk;
}

CLI::Validator SeedCheck() {
  return CLI::Validator(
      [](std::string& input) -> std::string {
        if (!casus::ParseInteger<uint64_t>(input) || input.front() == '+') {
          return fmt::format("'{}' is not a seed: write a whole number from 0 to 18446744073709551615", input);
        }
        return {};
      },
      "SEED");
}

CLI::Validator FiniteCheck(double low, double high) {
  return CLI::Validator(
      [low, high](std::string& input) -> std::string {
        const auto value = casus::ParseNumber(input);
        if (!value || *value < low || *value > high) return fmt::format("'{}' is not a number from {} to {}", input, low, high);
        return {};
      },
      fmt::format("NUMBER in [{}, {}]", low, high));
}

}  // namespace casus::app

int main(int argc, char** argv) {
  using namespace casus::app;
  CLI::App app{"casus — security guarantees as documents and as games.\n"
               "Instruments are TOML files (docs/instrument-format.md) or ids of the shipped library (nato-1949).",
               "casus"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "casus 0.1.0");
  GlobalOptions options;
  app.add_option("--home", options.home, "folder holding casus's data/ and library/ (default: $CASUS_HOME, then the build's source tree, then the install prefix)")
      ->check(CLI::ExistingDirectory);
  std::function<int()> run;
  AddCheckCommand(app, options, run);
  AddLintCommand(app, options, run);
  AddCompareCommand(app, options, run);
  AddShowCommand(app, options, run);
  AddAdjudicateCommand(app, options, run);
  AddGameCommand(app, options, run);
  AddNegotiateCommand(app, options, run);
  AddHistoryCommand(app, options, run);
  AddSimulateCommand(app, options, run);
  AddSweepCommand(app, options, run);
  AddRobustnessCommand(app, options, run);
  AddAssessCommand(app, options, run);
  AddServeCommand(app, options, run);
  AddListCommand(app, options, run);
  if (argc > 1 && argv[1][0] != '-') {  // a mistyped command: say so, rather than CLI11's generic message
    std::vector<std::string> commands;
    for (const CLI::App* command : app.get_subcommands({})) commands.push_back(command->get_name());
    if (std::find(commands.begin(), commands.end(), argv[1]) == commands.end()) {
      fmt::print(stderr, "casus: error: unknown command '{}'\n  hint: {}\n", casus::ShowInvisible(argv[1]),
                 casus::ShowInvisible(casus::SuggestionHint(argv[1], commands)));
      return kBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForAllHelp& help) {
    return app.exit(help);
  } catch (const CLI::CallForVersion& version) {
    return app.exit(version);
  } catch (const CLI::ParseError& error) {
    fmt::print(stderr, "casus: error: {}\n  hint: run 'casus --help' or 'casus COMMAND --help'\n", casus::ShowInvisible(error.what()));
    return kBadInput;
  }
  try {
    return run ? run() : kBadInput;
  } catch (const casus::ResourceError& error) {  // missing or malformed shipped data: a set-up problem
    fmt::print(stderr, "casus: error: {}\n", casus::ShowInvisible(error.what()));
    return kBadInput;
  } catch (const casus::NonFiniteResult& error) {  // "file: error: the result … is not a finite number" + hint
    fmt::print(stderr, "{}\n", casus::ShowInvisible(error.what()));
    return kBadInput;
  } catch (const casus::OutputError& error) {  // "path: error: cannot write the file: …" + hint
    fmt::print(stderr, "{}\n", casus::ShowInvisible(error.what()));
    return kBadInput;
  } catch (const std::exception& error) {
    fmt::print(stderr, "casus: internal error: {}\n  please report this with the command that caused it\n", casus::ShowInvisible(error.what()));
    return kInternal;
  }
}
