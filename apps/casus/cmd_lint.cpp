// casus lint FILE... — the loophole catalogue; exit 1 when a finding reaches --fail-on.
#include <fmt/format.h>

#include "casus/core/spelling.hpp"
#include "casus/lint/lint_instrument.hpp"
#include "casus/report/documents.hpp"
#include "casus/report/summary.hpp"
#include "casus/report/text_table.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct LintOptions {
  std::vector<std::string> files;
  bool json = false;
  std::string fail_on = "error";
  std::string explain;
  bool list_rules = false;
};

int ExplainRule(const std::string& name) {
  const RuleInfo* rule = FindRule(name);
  if (rule == nullptr) {
    std::vector<std::string> names;
    for (const auto& info : RuleCatalogue()) names.emplace_back(info.name);
    fmt::print(stderr, "casus: error: unknown lint rule '{}'\n  hint: {}\n", name, SuggestionHint(name, names));
    return kBadInput;
  }
  // Within 120 columns: the rationale wrapped paragraph by paragraph (it keeps its line breaks).
  const std::string text(rule->rationale);
  std::string rationale;
  for (size_t start = 0, end; start <= text.size(); start = end + 1) {
    end = std::min(text.find('\n', start), text.size());
    rationale += WrapParagraph(text.substr(start, end - start), kTextWidth, 0);
  }
  fmt::print("{} ({})\n  {}\n{}", rule->name, SeverityName(rule->severity),
             WrapParagraph(fmt::format("fires when: {}", rule->fires_when), kTextWidth, 4), rationale);
  return kOk;
}

int ListRules(bool json) {
  if (json) {
    PrintJson(RulesDocument());
    return kOk;
  }
  for (const auto& rule : RuleCatalogue()) {  // the description wrapped under itself, within 120 columns
    const std::string description = WrapParagraph(std::string(rule.fires_when), kTextWidth - 32, 0);
    std::string indented;
    for (size_t start = 0, end; start < description.size(); start = end + 1) {
      end = description.find('\n', start);
      indented += (start == 0 ? "" : std::string(32, ' ')) + description.substr(start, end - start + 1);
    }
    fmt::print("{:<22} {:<8} {}", rule.name, SeverityName(rule.severity), indented);
  }
  return kOk;
}

int RunLint(const GlobalOptions& global, const LintOptions& options) {
  if (!options.explain.empty()) return ExplainRule(options.explain);
  if (options.list_rules) return ListRules(options.json);
  if (options.files.empty()) {
    fmt::print(stderr, "casus: error: lint needs at least one instrument\n  hint: casus lint library/*.toml\n");
    return kBadInput;
  }
  std::optional<Severity> fail_on;
  if (options.fail_on != "none") fail_on = ParseSeverity(options.fail_on);
  const Environment environment = LoadEnvironment(global);
  Diagnostics diagnostics;
  bool all_ok = true;
  const auto instruments = LoadInstruments(options.files, environment, all_ok, diagnostics);
  nlohmann::json reports = nlohmann::json::array();
  std::vector<Finding> all_findings;
  for (const auto& instrument : instruments) {
    const auto findings = LintInstrument(instrument, environment.parties);
    for (const auto& finding : findings) {
      if (!options.json) {
        fmt::print("{}:{}:{}: {}: [{}] {}\n", instrument.file, finding.position.line, finding.position.column,
                   SeverityName(finding.severity), finding.rule, finding.message);
      }
    }
    reports.push_back(LintEntryDocument(instrument, findings));
    all_findings.insert(all_findings.end(), findings.begin(), findings.end());
  }
  if (options.json) {
    PrintJson({{"instruments", reports}});
  } else {
    fmt::print("linted {} instrument{}: {}\n", instruments.size(), instruments.size() == 1 ? "" : "s",
               DescribeFindingCounts(all_findings));
  }
  if (!all_ok) return kBadInput;
  const auto highest = HighestSeverity(all_findings);
  return fail_on && highest && *highest >= *fail_on ? kFindings : kOk;
}
}  // namespace

void AddLintCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<LintOptions>();
  CLI::App* command = app.add_subcommand("lint", "Find loopholes with the rule catalogue (casus lint --list-rules).");
  command->add_option("instruments", options->files, "instrument files or library ids");
  command->add_flag("--json", options->json, "machine-readable findings on stdout (docs/cli.md)");
  command->add_option("--fail-on", options->fail_on, "exit 1 when a finding has this severity or higher")
      ->check(CLI::IsMember({"error", "warning", "note", "none"}))
      ->capture_default_str();
  command->add_option("--explain", options->explain, "print a rule's rationale and sources");
  command->add_flag("--list-rules", options->list_rules, "list the rules with their severity");
  command->callback([&run, &global, options] { run = [&global, options] { return RunLint(global, *options); }; });
}

}  // namespace casus::app
