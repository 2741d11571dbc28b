// casus list [--protects CODE] [--party CODE] — the shipped library, one line per instrument.
#include <algorithm>

#include <fmt/format.h>

#include "casus/core/spelling.hpp"
#include "casus/report/csv.hpp"
#include "casus/report/documents.hpp"
#include "casus/report/text_table.hpp"
#include "casus/spec/resolve_instrument.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct ListOptions {
  std::string protects;
  std::string party;
  bool json = false;
  std::string csv;
};

//! The canonical id of a party code, or a diagnostic with the closest codes.
std::optional<std::string> ResolveParty(const std::string& option, const std::string& code, const PartyTable& parties) {
  if (const PartyInfo* party = parties.Resolve(code)) return party->id;
  std::string hint = SuggestionHint(code, parties.AllCodes());
  if (hint.empty()) hint = "use an ISO 3166-1 alpha-3 code (UKR, USA), a COW code or an organisation id (NATO, EU)";
  fmt::print(stderr, "casus: error: {} '{}' is not a known state or organisation code\n  hint: {}\n", option, code, hint);
  return std::nullopt;
}

int RunList(const GlobalOptions& global, const ListOptions& options) {
  const Environment environment = LoadEnvironment(global);
  std::optional<std::string> protects;
  std::optional<std::string> party;
  if (!options.protects.empty() && !(protects = ResolveParty("--protects", options.protects, environment.parties))) return kBadInput;
  if (!options.party.empty() && !(party = ResolveParty("--party", options.party, environment.parties))) return kBadInput;
  std::vector<std::string> arguments;
  for (const auto& file : ListLibrary(environment.home)) arguments.push_back(file.string());
  Diagnostics diagnostics;
  bool all_ok = true;
  auto instruments = LoadInstruments(arguments, environment, all_ok, diagnostics);
  if (!all_ok) return kBadInput;
  std::erase_if(instruments, [&](const Instrument& instrument) { return !InstrumentMatches(instrument, party, protects); });
  const nlohmann::json document = CompareDocument(instruments, environment.parties);
  if (!options.csv.empty()) {
    if (!WriteCsv(options.csv, CompareCsv(document))) return CannotWrite(options.csv);
    if (options.csv == "-") return kOk;
  }
  if (options.json) {
    PrintJson(document);
    return kOk;
  }
  TextTable table({"id", "status", "form", "who owes", "protects", "lint"}, 24);  // within 120 columns
  for (const auto& item : document["instruments"]) {
    const auto join = [](const nlohmann::json& values) {
      std::string text;
      for (const auto& value : values) text += (text.empty() ? "" : ", ") + value.get<std::string>();
      return text.empty() ? std::string("—") : text;
    };
    const auto& counts = item["findings"]["counts"];
    table.AddRow({item["id"].get<std::string>(), item["status"].get<std::string>(), item["form"].get<std::string>(), join(item["obligated"]),
                  join(item["protected"]),
                  fmt::format("{} E, {} W, {} N", counts.value("error", 0), counts.value("warning", 0), counts.value("note", 0))});
  }
  fmt::print("{}{} instrument{}\n", table.Render(), instruments.size(), instruments.size() == 1 ? "" : "s");
  return kOk;
}
}  // namespace

void AddListCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<ListOptions>();
  CLI::App* command = app.add_subcommand("list", "List the shipped library: who owes, whom it protects, lint counts.");
  command->add_option("--protects", options->protects, "only instruments that protect this state (e.g. UKR)");
  command->add_option("--party", options->party, "only instruments this state or organisation is a party to (e.g. USA)");
  command->add_flag("--json", options->json, "as compare --json, for the instruments listed");
  command->add_option("--csv", options->csv, "one row per instrument as CSV to FILE ('-': stdout, instead of the table)");
  command->callback([&run, &global, options] { run = [&global, options] { return RunList(global, *options); }; });
}

}  // namespace casus::app
