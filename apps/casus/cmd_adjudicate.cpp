// casus adjudicate --timeline FILE INSTRUMENT... — replay a timeline against instruments.
#include <fmt/format.h>

#include "casus/core/spelling.hpp"
#include "casus/core/time_zone.hpp"
#include "casus/core/utf8.hpp"
#include "casus/engine/adjudicate.hpp"
#include "casus/engine/load_timeline.hpp"
#include "casus/report/adjudication.hpp"
#include "casus/report/csv.hpp"
#include "casus/report/documents.hpp"
#include "common.hpp"

namespace casus::app {

namespace {
struct AdjudicateOptions {
  std::string timeline;
  std::vector<std::string> instruments;
  bool json = false;
  bool as_if_in_force = false;
  bool record = false;
  Doctrine doctrine = Doctrine::Icj;
  std::string csv;
  std::string tz = "UTC";
};

int RunAdjudicate(const GlobalOptions& global, const AdjudicateOptions& options) {
  const std::optional<TimeZone> zone = TimeZone::Find(options.tz);
  if (!zone) {  // a usage error, before any file is read
    const auto closest = ClosestMatch(options.tz, TimeZone::Names());
    fmt::print(stderr, "casus: error: --tz: no time zone '{}' in the tz database ({})\n  hint: {}name a zone such as Europe/Kyiv or America/New_York (UTC is the default)\n",
               ShowInvisible(options.tz), TimeZone::Directory(), closest ? fmt::format("did you mean '{}'? Otherwise ", *closest) : std::string());
    return kBadInput;
  }
  const Environment environment = LoadEnvironment(global);
  Diagnostics diagnostics;
  auto timeline = LoadTimelineFile(options.timeline, environment.parties, diagnostics);
  for (const auto& diagnostic : diagnostics.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
  bool all_ok = true;
  const auto instruments = LoadInstruments(options.instruments, environment, all_ok, diagnostics);
  if (!timeline || !all_ok) return kBadInput;
  Diagnostics references;
  CheckTimelineReferences(*timeline, instruments, references);
  for (const auto& diagnostic : references.All()) fmt::print(stderr, "{}\n", FormatDiagnostic(diagnostic));
  if (references.HasErrors()) return kBadInput;

  if (options.record && timeline->records.empty()) {
    fmt::print(stderr, "{}:1:1: error: --record: the timeline has no [[record]] of what happened\n  hint: add [[record]] entries (docs/timeline-format.md), or drop --record\n",
               options.timeline);
    return kBadInput;
  }
  const AdjudicationOptions adjudication{options.as_if_in_force, options.doctrine};
  if (!options.csv.empty()) {  // one row per incident × instrument × clause (report/csv.hpp)
    if (!WriteCsv(options.csv, AdjudicationCsv(AdjudicationDocument(*timeline, instruments, environment.parties, adjudication)))) {
      return CannotWrite(options.csv);
    }
    if (options.csv == "-") return kOk;
  }
  if (options.json) {
    PrintJson(AdjudicationDocument(*timeline, instruments, environment.parties, adjudication, options.record));
  } else {
    fmt::print("{}", RenderTimelineHeader(*timeline, instruments.size(), *zone));
    if (options.doctrine != Doctrine::Icj) fmt::print("Doctrine: {} (no gravity threshold for an armed attack)\n", ToString(options.doctrine));
    AdjudicationSummary summary;  // printed first: the details wait for the last incident
    std::string details;
    Adjudicate(*timeline, instruments, environment.parties, adjudication, [&](const IncidentVerdict& verdict) {
      summary.Add(verdict);
      details += RenderIncidentVerdict(verdict, environment.parties, *zone);
      if (options.record) details += RenderRecord(verdict, *timeline);
    });
    fmt::print("{}{}", summary.Render(), details);
  }
  return kOk;
}
}  // namespace

void AddAdjudicateCommand(CLI::App& app, const GlobalOptions& global, std::function<int()>& run) {
  auto options = std::make_shared<AdjudicateOptions>();
  CLI::App* command = app.add_subcommand(
      "adjudicate", "Replay an attack timeline against instruments: what triggers, who owes what by when, who can block it.");
  command->add_option("--timeline", options->timeline, "timeline file (docs/timeline-format.md)")->required();
  command->add_option("instruments", options->instruments, "instrument files or library ids")->required();
  command->add_flag("--json", options->json, "machine-readable verdicts on stdout (docs/cli.md)");
  command->add_option("--tz", options->tz, "print the brief's times in this zone of the tz database, e.g. Europe/Kyiv (default UTC; JSON and CSV stay in UTC)");
  command->add_option("--csv", options->csv, "also write one row per incident, instrument and clause as CSV to FILE ('-': stdout, instead of the brief)");
  command->add_flag("--as-if-in-force", options->as_if_in_force,
                    "ignore the instruments' dates and status: what would they have done had they existed");
  command->add_flag("--record", options->record,
                    "print the timeline's record of what happened beside each verdict (cases with known outcomes)");
  command->add_option("--doctrine", options->doctrine,
                      "gravity of an armed attack: icj (default: a threshold; Nicaragua §191) or us (none)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, Doctrine>{{"icj", Doctrine::Icj}, {"us", Doctrine::Us}}));
  command->callback([&run, &global, options] { run = [&global, options] { return RunAdjudicate(global, *options); }; });
}

}  // namespace casus::app
