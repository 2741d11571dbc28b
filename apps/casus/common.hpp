// What every subcommand shares: the resources (home, party table), loading instrument arguments
// with diagnostics on stderr, and the exit codes of PRODUCT.md.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/spec/instrument.hpp"

namespace casus::app {

enum ExitCode : int { kOk = 0, kFindings = 1, kBadInput = 2, kInternal = 3 };

//! Options every subcommand accepts.
struct GlobalOptions {
  std::optional<std::string> home;
};

//! Shipped resources, found once per run.
struct Environment {
  std::filesystem::path home;
  PartyTable parties;
};

//! Finds the home folder and reads the party table (throws std::runtime_error with a hint).
Environment LoadEnvironment(const GlobalOptions& options);

//! Loads each argument (a path or a library id). Prints every diagnostic to stderr. Returns the
//! instruments that loaded, in argument order; `all_ok` is false when any did not.
std::vector<Instrument> LoadInstruments(const std::vector<std::string>& arguments, const Environment& environment,
                                        bool& all_ok, Diagnostics& diagnostics);

//! Prints a JSON document on stdout, indented by 2.
void PrintJson(const nlohmann::json& document);

//! Writes an HTML report to `path` and says so on stdout (unless `quiet`, e.g. under --json).
//! Returns kOk, or kBadInput with an error on stderr when the file cannot be written.
int WriteReport(const std::string& path, const std::string& html, bool quiet);

//! "casus: error: cannot write PATH" on stderr; returns kBadInput.
int CannotWrite(const std::string& path);
//! Option checks (docs/reliability.md): CLI11 would turn "--seed -1" into 2⁶⁴−1 and accept "nan".
//! SeedCheck: a whole number from 0 to 2⁶⁴−1, no sign. FiniteCheck: a finite number in [low, high].
CLI::Validator SeedCheck();
CLI::Validator FiniteCheck(double low, double high);

//! Registers the subcommands; each sets `run` to its action when chosen.
void AddCheckCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddLintCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddCompareCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddShowCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddAdjudicateCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddGameCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddNegotiateCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddHistoryCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddSimulateCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddSweepCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddRobustnessCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddAssessCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddServeCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);
void AddListCommand(CLI::App& app, const GlobalOptions& options, std::function<int()>& run);

}  // namespace casus::app
