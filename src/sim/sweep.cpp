#include "casus/sim/sweep.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <variant>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "casus/assess/acceptance.hpp"
#include "casus/assess/assessment.hpp"
#include "casus/bargain/ktab_csv.hpp"
#include "casus/history/datasets.hpp"
#include "casus/core/spelling.hpp"
#include "casus/core/enum_names.hpp"
#include "casus/core/limits.hpp"
#include "casus/core/number.hpp"
#include "casus/core/output_file.hpp"
#include "casus/engine/adjudicate.hpp"
#include "casus/report/csv.hpp"
#include "casus/report/finite.hpp"
#include "casus/sim/distributed.hpp"
#include "casus/spec/toml_reader.hpp"

namespace casus {

namespace {

const std::vector<std::string> kNumericParameters = {
    "reneging_cost", "reneging_cost_sd", "forces_bonus", "common_shock_sd", "noise_sd", "challenger_type_sd", "guarantor_value_mean",
    "guarantor_value_sd", "challenger_gain_mean", "challenger_war_cost_mean", "no_deadline_factor", "deadline_scale_days",
    "short_exit_factor", "capability_sd"};

// Design variables: they change the design's response clauses (or its forces), not the game.
const std::vector<std::string> kWordVariables = {"duty_strength", "decision_rule", "threshold", "deadline"};
const std::vector<std::string> kSetVariables = {"guarantors", "forces"};

bool IsIn(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string NumberText(double value) { return fmt::format("{}", value); }

// A set of parties as a point value: "FRA,GBR", or "none".
std::string SetText(const std::vector<std::string>& set) { return set.empty() ? "none" : fmt::format("{}", fmt::join(set, ",")); }

std::vector<std::string> SetFromText(const std::string& text) {
  std::vector<std::string> set;
  if (text == "none") return set;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = std::min(text.find(',', start), text.size());
    set.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return set;
}

// Whether a deadline word is valid: "forthwith", "none", or an ISO 8601 duration.
std::optional<Deadline> ParseDeadline(const std::string& text) {
  if (text == "forthwith") return Deadline{DeadlineKind::Forthwith, {}};
  if (text == "none") return Deadline{DeadlineKind::None, {}};
  const auto parsed = ParseIsoDuration(text);
  if (const auto* duration = std::get_if<IsoDuration>(&parsed)) return Deadline{DeadlineKind::Within, *duration};
  return std::nullopt;
}

// The error for a word that is not one of `names` (nullopt when it is).
std::optional<std::string> CheckWord(const std::string& name, const std::string& word) {
  auto enum_error = [&](auto parsed, const std::vector<std::string>& names) -> std::optional<std::string> {
    if (parsed) return std::nullopt;
    return SuggestionHint(word, names);
  };
  if (name == "duty_strength") return enum_error(ParseEnum<DutyStrength>(word), EnumNameList<DutyStrength>());
  if (name == "decision_rule") return enum_error(ParseEnum<DecisionRule>(word), EnumNameList<DecisionRule>());
  if (name == "threshold") return enum_error(ParseEnum<Scale>(word), EnumNameList<Scale>());
  if (!ParseDeadline(word)) return std::string("write \"forthwith\", \"none\" or an ISO 8601 duration such as \"P3D\"");
  return std::nullopt;
}

GameParameters Apply(GameParameters parameters, const SweepRun& run) {
  for (const auto& [name, text] : run.point) {
    if (name == "design" || IsIn(kWordVariables, name) || IsIn(kSetVariables, name)) continue;
    const auto parsed = ParseNumber(text);  // written by NumberText from a finite double: always a number
    assert(parsed && "a numeric sweep value is a number");
    const double value = parsed.value_or(0.0);
    if (name == "reneging_cost") parameters.reneging_cost = value;
    else if (name == "reneging_cost_sd") parameters.reneging_cost_sd = value;
    else if (name == "forces_bonus") parameters.forces_bonus = value;
    else if (name == "no_deadline_factor") parameters.no_deadline_factor = value;
    else if (name == "deadline_scale_days") parameters.deadline_scale_days = value;
    else if (name == "short_exit_factor") parameters.short_exit_factor = value;
    else if (name == "capability_sd") parameters.capability_sd = value;
    else if (name == "common_shock_sd") parameters.common_shock_sd = value;
    else if (name == "noise_sd") parameters.noise_sd = value;
    else if (name == "challenger_type_sd") parameters.challenger_type_sd = value;
    else if (name == "guarantor_value_mean") parameters.guarantor_value.mean = value;
    else if (name == "guarantor_value_sd") parameters.guarantor_value.sd = value;
    else if (name == "challenger_gain_mean") parameters.challenger_gain.mean = value;
    else if (name == "challenger_war_cost_mean") parameters.challenger_war_cost.mean = value;
  }
  return parameters;
}

// FNV-1a over the bytes of the scenario file and of every instrument file its designs load: a
// resumed sweep whose inputs changed is refused instead of mixing old and new results (issue 10).
std::string ContentsDigest(const SweepSpec& spec, const LoadedScenario& loaded) {
  uint64_t hash = 14695981039346656037ULL;
  auto add_file = [&hash](const std::filesystem::path& file) {
    std::ifstream input(file, std::ios::binary);
    for (std::istreambuf_iterator<char> it(input), end; it != end; ++it) {
      hash = (hash ^ static_cast<unsigned char>(*it)) * 1099511628211ULL;
    }
    hash = (hash ^ 0xFFu) * 1099511628211ULL;  // a separator: the same bytes split differently differ
  };
  add_file(spec.scenario);
  for (const auto& instruments : loaded.instruments) {
    for (const auto& instrument : instruments) add_file(instrument.file);
  }
  // [parameters] source = "backtest" (or a path): the fitted-parameters file sets ρ (issue 11).
  if (!loaded.scenario.parameters_file.empty()) add_file(loaded.scenario.parameters_file);
  return fmt::format("{:016x}", hash);
}

std::string Fingerprint(const SweepSpec& spec, const LoadedScenario& loaded) {
  nlohmann::json axes = nlohmann::json::array();
  for (const auto& axis : spec.axes) {
    nlohmann::json entry{{"name", axis.name}, {"numbers", axis.numbers}, {"designs", axis.designs}};
    if (!axis.texts.empty()) entry["texts"] = axis.texts;  // absent before design variables: old databases still match
    if (!axis.sets.empty()) entry["sets"] = axis.sets;
    axes.push_back(std::move(entry));
  }
  nlohmann::json fingerprint{{"id", spec.id}, {"scenario", spec.scenario.filename().string()}, {"replications", spec.replications},
                             {"draws", spec.draws}, {"seed", spec.seed}, {"axes", axes}, {"contents", ContentsDigest(spec, loaded)}};
  if (spec.settlement) {  // absent without one: old databases still match
    fingerprint["settlement"] = {spec.settlement->file.filename().string(), spec.settlement->draws, spec.settlement->sd};
  }
  return fingerprint.dump();
}

void CreateSchema(SQLite::Database& db) {
  db.exec("CREATE TABLE IF NOT EXISTS sweep_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");
  db.exec("CREATE TABLE IF NOT EXISTS runs(run INTEGER PRIMARY KEY, replication INTEGER NOT NULL, seed INTEGER NOT NULL, point TEXT NOT NULL)");
  db.exec("CREATE TABLE IF NOT EXISTS results(run INTEGER NOT NULL, design TEXT NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL,"
          " PRIMARY KEY(run, design, metric))");
  db.exec("CREATE TABLE IF NOT EXISTS pareto(run INTEGER NOT NULL, design TEXT NOT NULL, on_front INTEGER NOT NULL, PRIMARY KEY(run, design))");
}

// Every (run, design) point of the database with its objectives and their standard errors; with
// `stored`, also the front flag MarkPareto wrote and the run's point.
std::vector<ParetoPoint> ReadPoints(SQLite::Database& db, bool stored) {
  std::vector<ParetoPoint> points;
  SQLite::Statement query(db,
                          "SELECT run, design, metric, value FROM results WHERE metric IN ('p_attack', 'p_attack_se', 'guarantor_cost',"
                          " 'guarantor_cost_se', 'p_all_accept', 'p_all_accept_se') ORDER BY run, design");
  while (query.executeStep()) {
    const int64_t run = query.getColumn(0).getInt64();
    const std::string design = query.getColumn(1).getString();
    if (points.empty() || points.back().run != run || points.back().design != design) {
      ParetoPoint point;
      point.run = run;
      point.design = design;
      points.push_back(std::move(point));
    }
    ParetoPoint& point = points.back();
    const std::string metric = query.getColumn(2).getString();
    const double value = query.getColumn(3).getDouble();
    if (metric == "p_attack") point.deterrence = 1.0 - value;
    else if (metric == "p_attack_se") point.deterrence_se = value;
    else if (metric == "guarantor_cost") point.guarantor_cost = value;
    else if (metric == "guarantor_cost_se") point.guarantor_cost_se = value;
    else if (metric == "p_all_accept") point.acceptability = value;
    else point.acceptability_se = value;
  }
  if (!stored) return points;
  std::map<std::pair<int64_t, std::string>, bool> fronts;
  SQLite::Statement front(db, "SELECT run, design, on_front FROM pareto");
  while (front.executeStep()) fronts[{front.getColumn(0).getInt64(), front.getColumn(1).getString()}] = front.getColumn(2).getInt() == 1;
  std::map<int64_t, std::string> runs;
  SQLite::Statement run(db, "SELECT run, point FROM runs");
  while (run.executeStep()) runs[run.getColumn(0).getInt64()] = run.getColumn(1).getString();
  for (auto& point : points) {
    const auto flag = fronts.find({point.run, point.design});
    point.on_front = flag != fronts.end() && flag->second;
    if (const auto found = runs.find(point.run); found != runs.end()) point.point = found->second;
  }
  return points;
}

void MarkPareto(SQLite::Database& db) {
  std::vector<ParetoPoint> points = ReadPoints(db, false);
  MarkParetoFront(points);
  SQLite::Transaction transaction(db);
  db.exec("DELETE FROM pareto");
  SQLite::Statement insert(db, "INSERT INTO pareto(run, design, on_front) VALUES(?, ?, ?)");
  for (const auto& point : points) {
    insert.bind(1, point.run);
    insert.bind(2, point.design);
    insert.bind(3, point.on_front ? 1 : 0);
    insert.exec();
    insert.reset();
  }
  transaction.commit();
}

// [sweep] settlement = "ukraine-settlement.csv" (its scale file beside it), settlement_draws, settlement_sd.
void ReadSweepSettlement(TableReader& reader, const std::filesystem::path& path, const LoadState& state, SweepSpec& spec) {
  const auto file = reader.String("settlement", false, "settlement = \"ukraine-settlement.csv\"");
  SweepSettlement settlement;
  if (const toml::node* node = reader.Get("settlement_draws")) {
    const auto value = node->value<int64_t>();
    if (!node->is_integer() || !value || *value < 1 || *value > 100000) {
      state.Error(state.At(*node), "'settlement_draws' must be a whole number from 1 to 100000", "e.g. settlement_draws = 100");
    } else {
      settlement.draws = static_cast<int>(*value);
    }
  }
  if (const toml::node* node = reader.Get("settlement_sd")) {
    const auto value = node->value<double>();
    if (!node->is_number() || !value || *value < 0.0 || *value > 50.0) {
      state.Error(state.At(*node), "'settlement_sd' must be a number from 0 to 50", "the perturbation on 0–100, e.g. settlement_sd = 5");
    } else {
      settlement.sd = *value;
    }
  }
  if (!file) return;
  settlement.file = path.parent_path() / *file;
  std::error_code error;
  if (!std::filesystem::is_regular_file(settlement.file, error)) {
    state.Error(state.At(*reader.Get("settlement")), fmt::format("no settlement file {}", settlement.file.string()),
                "a KTAB CSV (docs/negotiation.md), relative to the sweep file");
    return;
  }
  auto scenario = ReadKtabCsv(settlement.file, state.diagnostics);
  if (!scenario) return;
  auto scales = ReadScaleFile(DefaultScalesPath(settlement.file), *scenario, state.parties, state.diagnostics);
  if (!scales) return;
  settlement.scenario = std::move(*scenario);
  settlement.scales = std::move(*scales);
  spec.settlement = std::move(settlement);
}

}  // namespace

const std::vector<std::string>& SweepableParameters() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> all = {"design"};
    all.insert(all.end(), kSetVariables.begin(), kSetVariables.end());
    all.insert(all.end(), kWordVariables.begin(), kWordVariables.end());
    all.insert(all.end(), kNumericParameters.begin(), kNumericParameters.end());
    return all;
  }();
  return names;
}

std::optional<SweepSpec> LoadSweepFile(const std::filesystem::path& path, const PartyTable& parties, Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, text, diagnostics)) return std::nullopt;
  const size_t errors_before = diagnostics.ErrorCount();
  LoadState state{path.string(), diagnostics, parties};
  auto parsed = ParseTomlText(text, state, "a sweep", "docs/sweep-format.md");
  if (!parsed) return std::nullopt;
  SweepSpec spec;
  spec.file = path.string();
  TableReader top(*parsed, "the file", state);
  if (const toml::table* header = SubTable(top, "sweep", "[sweep]", state)) {
    TableReader reader(*header, "[sweep]", state);
    spec.id = reader.String("id", true, "id = \"guarantee-levers\"").value_or("");
    if (auto scenario = reader.String("scenario", true, "scenario = \"ukraine-guarantees.toml\"")) spec.scenario = path.parent_path() / *scenario;
    for (const auto& [key, high] : {std::pair{"replications", kMaxReplications}, std::pair{"draws", kMaxDraws}}) {
      if (const toml::node* node = reader.Get(key)) {
        const auto value = node->value<int64_t>();
        if (!node->is_integer() || !value || *value < 1 || *value > high) {
          state.Error(state.At(*node), fmt::format("'{}' must be a whole number from 1 to {}", key, high),
                      fmt::format("e.g. {} = 2 (docs/reliability.md lists the limits)", key));
        } else if (std::string_view(key) == "replications") {
          spec.replications = static_cast<int>(*value);
        } else {
          spec.draws = *value;
        }
      }
    }
    if (const toml::node* node = reader.Get("seed")) {
      const auto value = node->value<int64_t>();
      if (!node->is_integer() || !value || *value < 0) state.Error(state.At(*node), "'seed' must be a whole number ≥ 0", "e.g. seed = 1");
      else spec.seed = static_cast<uint64_t>(*value);
    }
    ReadSweepSettlement(reader, path, state, spec);
    reader.RejectUnknownFields();
  } else if (parsed->get("sweep") == nullptr) {
    top.Missing("sweep", "a [sweep] table with id and scenario", "missing [sweep] table");
  }
  if (const toml::table* table = SubTable(top, "parameters", "[parameters]", state)) {
    for (auto&& [key, node] : *table) {
      const std::string name(key.str());
      const SourcePosition position = state.At(key.source());
      if (std::find(SweepableParameters().begin(), SweepableParameters().end(), name) == SweepableParameters().end()) {
        state.Error(position, fmt::format("'{}' cannot be swept", name), SuggestionHint(name, SweepableParameters()));
        continue;
      }
      SweepAxis axis{name, {}, {}, {}, {}, {}, position};
      std::vector<const toml::node*> values;
      if (const toml::array* array = node.as_array()) {
        for (const auto& item : *array) values.push_back(&item);
        if (values.empty()) state.Error(state.At(node), fmt::format("'{}' has an empty list of values", name), "give one value or a list of them");
      } else {
        values.push_back(&node);
      }
      if (IsIn(kSetVariables, name) && std::any_of(values.begin(), values.end(), [](const toml::node* value) { return !value->is_array(); })) {
        state.Error(state.At(node), fmt::format("'{}' takes a list of sets of parties", name),
                    fmt::format("e.g. {} = [[], [\"FRA\", \"GBR\"]] (each inner list is one value)", name));
        continue;
      }
      for (const toml::node* value : values) {
        if (name == "design") {
          if (!value->is_string()) state.Error(state.At(*value), "design values must be design ids (strings)", "e.g. design = [\"bilaterals-2024\"]");
          else {
            axis.designs.push_back(value->as_string()->get());
            axis.design_positions.push_back(state.At(*value));
          }
        } else if (IsIn(kSetVariables, name)) {
          const toml::array* set = value->as_array();
          WrittenCodes written;
          bool strings = true;
          for (const auto& code : *set) {
            if (!code.is_string()) strings = false;
            else written.emplace_back(code.as_string()->get(), state.At(code));
          }
          if (!strings) {
            state.Error(state.At(*value), fmt::format("a set of '{}' lists party codes (strings)", name), "e.g. [\"FRA\", \"GBR\"]");
            continue;
          }
          if (name == "guarantors" && written.empty()) {
            state.Error(state.At(*value), "a guarantor set cannot be empty", "list at least one party, e.g. [\"USA\"]");
            continue;
          }
          axis.sets.push_back(ResolveCodes(written, state, name));
        } else if (IsIn(kWordVariables, name)) {
          if (!value->is_string()) {
            state.Error(state.At(*value), fmt::format("'{}' values are words (strings)", name), fmt::format("e.g. {} = [\"assist\"]", name));
          } else if (auto error = CheckWord(name, value->as_string()->get())) {
            state.Error(state.At(*value), fmt::format("unknown {} '{}'", name, value->as_string()->get()), *error);
          } else {
            axis.texts.push_back(value->as_string()->get());
          }
        } else {
          const auto number = value->value<double>();
          const bool positive_only = name == "noise_sd" || name == "challenger_type_sd" || name == "deadline_scale_days";
          const bool non_negative = name.ends_with("_sd") || name == "reneging_cost" || name == "forces_bonus";
          const bool share = name.ends_with("_factor");
          if (number && std::fabs(*number) > kMaxParameterMagnitude) {
            state.Error(state.At(*value), fmt::format("'{}' values must be at most {:g} in magnitude", name, kMaxParameterMagnitude),
                        "the game's parameters are of the order of 1; a larger value overflows its arithmetic");
          } else if (!number || !std::isfinite(*number) || (non_negative && *number < 0.0) || (positive_only && *number <= 0.0)) {
            state.Error(state.At(*value), fmt::format("'{}' values must be {} numbers", name, positive_only ? "positive" : non_negative ? "non-negative" : "finite"),
                        "a standard deviation, a cost or a bonus cannot be negative");
          } else if (share && (*number < 0.0 || *number > 1.0)) {
            state.Error(state.At(*value), fmt::format("'{}' values must be numbers from 0 to 1", name),
                        "a factor is the share of a commitment's weight that remains");
          } else {
            axis.numbers.push_back(*number);
          }
        }
      }
      spec.axes.push_back(std::move(axis));
    }
    top.Get("parameters");
    // The number of runs, saturating: a grid of 10¹⁰ runs is refused here, not by bad_alloc later.
    int64_t runs = spec.replications;
    for (const auto& axis : spec.axes) {
      const auto values = static_cast<int64_t>(axis.designs.size() + axis.numbers.size() + axis.texts.size() + axis.sets.size());
      runs = values == 0 ? 0 : std::min(runs, kMaxSweepRuns + 1) * std::min(values, kMaxSweepRuns + 1);
      runs = std::min(runs, kMaxSweepRuns + 1);
    }
    if (runs > kMaxSweepRuns) {
      state.Error(state.At(*table), fmt::format("the sweep has more than {} runs (the values of each parameter multiplied, times the replications)",
                                                kMaxSweepRuns),
                  "sweep fewer values at once, or split the sweep into several files");
    }
  }
  top.RejectUnknownFields();
  if (diagnostics.ErrorCount() > errors_before) return std::nullopt;
  return spec;
}

LoadedScenario ApplyDesignVariables(const LoadedScenario& loaded, const std::vector<std::pair<std::string, std::string>>& point,
                                    const PartyTable& parties) {
  LoadedScenario variant = loaded;
  for (const auto& [name, text] : point) {
    if (name == "forces") {
      for (auto& design : variant.scenario.designs) design.forces_in_place = SetFromText(text);
      continue;
    }
    if (!IsIn(kWordVariables, name) && name != "guarantors") continue;
    for (auto& instruments : variant.instruments) {
      for (auto& instrument : instruments) {
        for (auto& clause : instrument.clauses) {
          if (!IsResponseKind(clause.kind) || !clause.duty || !clause.trigger) continue;
          if (name == "duty_strength") {
            clause.duty->strength = *ParseEnum<DutyStrength>(text);
          } else if (name == "deadline") {
            clause.duty->deadline = *ParseDeadline(text);
          } else if (name == "threshold") {
            Threshold& threshold = clause.trigger->threshold;
            threshold.scale = *ParseEnum<Scale>(text);
            if (threshold.scale == Scale::Any) threshold = Threshold{};  // "any armed attack": no further condition
          } else if (name == "decision_rule") {
            const DecisionRule rule = *ParseEnum<DecisionRule>(text);
            if (!clause.decision) clause.decision = Decision{};
            Decision& decision = *clause.decision;
            if (decision.rule == DecisionRule::SecurityCouncil || decision.by.empty()) decision.by = clause.obligated;
            decision.rule = rule;
            if (rule == DecisionRule::Single && decision.by.size() > 1) decision.by.resize(1);  // the first decides
            if (rule == DecisionRule::SecurityCouncil) decision.by = parties.SecurityCouncilPermanentMembers();
          } else if (name == "guarantors") {
            const std::vector<std::string> guarantors = SetFromText(text);
            // A decision taken by the old guarantors is taken by the new ones (a single decider stays).
            if (clause.decision && clause.decision->by == clause.obligated) clause.decision->by = guarantors;
            clause.obligated = guarantors;
          }
        }
      }
    }
  }
  return variant;
}

std::vector<SweepRun> ExpandSweep(const SweepSpec& spec) {
  std::vector<std::vector<std::pair<std::string, std::string>>> points = {{}};
  for (const auto& axis : spec.axes) {
    std::vector<std::string> values = axis.designs;
    for (const double number : axis.numbers) values.push_back(NumberText(number));
    values.insert(values.end(), axis.texts.begin(), axis.texts.end());
    for (const auto& set : axis.sets) values.push_back(SetText(set));
    std::vector<std::vector<std::pair<std::string, std::string>>> next;
    for (const auto& point : points) {
      for (const auto& value : values) {
        auto extended = point;
        extended.emplace_back(axis.name, value);
        next.push_back(std::move(extended));
      }
    }
    points = std::move(next);
  }
  std::vector<SweepRun> runs;
  for (const auto& point : points) {
    for (int replication = 0; replication < spec.replications; ++replication) {
      runs.push_back(SweepRun{static_cast<int64_t>(runs.size()), replication, spec.seed + static_cast<uint64_t>(replication), point});
    }
  }
  return runs;
}

namespace {

// One row of the results table.
struct SweepRow {
  std::string design, metric;
  double value = 0.0;
};

// A run's rows as doubles, the form RunBlocks sends between ranks: per row its value, the length of
// "design\tmetric" and that text one byte per double (exact: 0…255). Values keep their bits.
std::vector<double> PackRows(const std::vector<SweepRow>& rows) {
  std::vector<double> packed;
  for (const auto& row : rows) {
    const std::string name = row.design + '\t' + row.metric;
    packed.push_back(row.value);
    packed.push_back(static_cast<double>(name.size()));
    for (const char c : name) packed.push_back(static_cast<double>(static_cast<unsigned char>(c)));
  }
  return packed;
}

std::vector<SweepRow> UnpackRows(const std::vector<double>& packed) {
  std::vector<SweepRow> rows;
  for (size_t at = 0; at + 1 < packed.size();) {
    SweepRow row;
    row.value = packed[at];
    const auto length = static_cast<size_t>(packed[at + 1]);
    at += 2;
    std::string name;
    for (size_t i = 0; i < length && at < packed.size(); ++i, ++at) name += static_cast<char>(static_cast<unsigned char>(packed[at]));
    const size_t tab = name.find('\t');
    row.design = name.substr(0, tab);
    row.metric = tab == std::string::npos ? std::string() : name.substr(tab + 1);
    rows.push_back(std::move(row));
  }
  return rows;
}

nlohmann::json PointJson(const SweepRun& run) {
  nlohmann::json point = nlohmann::json::object();
  for (const auto& [name, value] : run.point) point[name] = value;
  return point;
}

// One run of the sweep: the game (and the settlement's acceptance) at the run's point. Throws
// NonFiniteResult when a metric is not a finite number.
std::vector<SweepRow> ComputeSweepRun(const SweepSpec& spec, const LoadedScenario& loaded, const PartyTable& parties, const SweepRun& run,
                                      int threads, const std::optional<SettlementForecasts>& forecasts) {
  std::vector<std::string> only;
  for (const auto& [name, value] : run.point) {
    if (name == "design") only.push_back(value);
  }
  const bool varies_designs = std::any_of(run.point.begin(), run.point.end(), [](const auto& entry) {
    return IsIn(kWordVariables, entry.first) || IsIn(kSetVariables, entry.first);
  });
  std::optional<LoadedScenario> variant;
  if (varies_designs) variant = ApplyDesignVariables(loaded, run.point, parties);
  const LoadedScenario& scenario = variant ? *variant : loaded;
  const GameParameters parameters = Apply(scenario.scenario.parameters, run);
  const auto outcomes = SimulateScenario(scenario, parameters, parties, SimulationOptions{spec.draws, run.seed, threads}, only);
  std::vector<SweepRow> rows;
  auto row = [&](const std::string& design, const std::string& metric, double value) {
    if (!std::isfinite(value)) {  // nothing of the run is stored
      throw NonFiniteResult(fmt::format("{}: error: run {} of the sweep gives {} = {} for design '{}'\n  hint: the run's parameters are {}; "
                                        "a parameter of that size overflows the game's arithmetic",
                                        spec.file, run.index, metric, value, design, PointJson(run).dump()));
    }
    rows.push_back({design, metric, value});
  };
  for (const auto& outcome : outcomes) {
    row(outcome.id, "p_attack", outcome.p_attack);
    row(outcome.id, "p_attack_ci95_low", outcome.p_attack_ci95[0]);
    row(outcome.id, "p_attack_ci95_high", outcome.p_attack_ci95[1]);
    row(outcome.id, "p_attack_se", outcome.p_attack_se);
    row(outcome.id, "p_collective_armed_response", outcome.p_collective_armed_response);
    row(outcome.id, "p_collective_armed_response_se", outcome.p_collective_armed_response_se);
    row(outcome.id, "guarantor_cost", outcome.total_guarantor_cost);
    row(outcome.id, "guarantor_cost_se", outcome.total_guarantor_cost_se);
    if (!forecasts) continue;
    const auto& designs = scenario.scenario.designs;
    const size_t design_idx = static_cast<size_t>(
        std::find_if(designs.begin(), designs.end(), [&](const ScenarioDesign& design) { return design.id == outcome.id; }) - designs.begin());
    const DesignPosition position = PositionOfDesign(PrepareDesign(scenario, design_idx, parameters, parties), scenario.scenario, parties);
    const DesignAcceptance acceptance = AcceptanceOf(position, scenario.scenario.challenger, scenario.scenario.beneficiary,
                                                     spec.settlement->scenario, spec.settlement->scales, *forecasts, parties);
    row(outcome.id, "p_all_accept", acceptance.p_all);
    row(outcome.id, "p_all_accept_se", acceptance.p_all_se);
    for (const auto& actor : acceptance.actors) row(outcome.id, fmt::format("p_accept_{}", actor.code), actor.probability);
  }
  return rows;
}

// Writes one run whole (its row in runs and all its results) in one transaction.
void StoreSweepRun(SQLite::Database& db, const SweepRun& run, const std::vector<SweepRow>& rows) {
  SQLite::Transaction transaction(db);
  SQLite::Statement insert_run(db, "INSERT INTO runs(run, replication, seed, point) VALUES(?, ?, ?, ?)");
  insert_run.bind(1, run.index);
  insert_run.bind(2, run.replication);
  insert_run.bind(3, static_cast<int64_t>(run.seed));
  insert_run.bind(4, PointJson(run).dump());
  insert_run.exec();
  SQLite::Statement insert(db, "INSERT INTO results(run, design, metric, value) VALUES(?, ?, ?, ?)");
  for (const auto& row : rows) {
    insert.bind(1, run.index);
    insert.bind(2, row.design);
    insert.bind(3, row.metric);
    insert.bind(4, row.value);
    insert.exec();
    insert.reset();
  }
  transaction.commit();
}

}  // namespace

SweepProgress RunSweep(const SweepSpec& spec, const LoadedScenario& loaded, const PartyTable& parties, const std::filesystem::path& database,
                       bool resume, int threads, const std::function<void(const SweepProgress&)>& on_run, const MpiSession* session) {
  const bool distributed = session != nullptr && session->active() && session->size() > 1;
  const bool root = session == nullptr || session->root();
  const auto runs = ExpandSweep(spec);
  try {
    // Rank 0 opens the database and says which runs are missing; an error stops every rank.
    std::optional<SQLite::Database> db;
    std::vector<int64_t> missing;
    SweepProgress progress{static_cast<int64_t>(runs.size()), 0, 0};
    std::optional<std::string> error;
    if (root) {
      try {
        db.emplace(database.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db->exec("PRAGMA journal_mode=WAL");
        db->exec("PRAGMA synchronous=FULL");
        CreateSchema(*db);
        const std::string fingerprint = Fingerprint(spec, loaded);
        std::optional<std::string> stored;
        {
          SQLite::Statement query(*db, "SELECT value FROM sweep_meta WHERE key = 'fingerprint'");
          if (query.executeStep()) stored = query.getColumn(0).getString();
        }
        std::set<int64_t> completed;
        {
          SQLite::Statement query(*db, "SELECT run FROM runs");
          while (query.executeStep()) completed.insert(query.getColumn(0).getInt64());
        }
        if (stored && *stored != fingerprint) {
          throw DataError(fmt::format("{}: error: the database holds another sweep (different parameters, draws or seed, or the scenario, its instruments or its fitted-parameters file changed)\n"
                                      "  hint: use a new --db file, or restore the files the sweep started with", database.string()));
        }
        if (!completed.empty() && !resume) {
          throw DataError(fmt::format("{}: error: the database already has {} runs of this sweep; pass --resume to continue it, or use a new file",
                                      database.string(), completed.size()));
        }
        if (!stored) db->exec(fmt::format("INSERT INTO sweep_meta(key, value) VALUES('fingerprint', '{}')", [&] {
          std::string escaped;
          for (const char c : fingerprint) escaped += c == '\'' ? std::string("''") : std::string(1, c);
          return escaped;
        }()));
        if (spec.settlement) {
          Diagnostics problems;
          if (!CheckSettlementInputs(loaded.scenario, spec.settlement->scales, parties, problems)) {
            throw DataError(FormatDiagnostic(problems.All().front()));
          }
        }
        progress.skipped = static_cast<int64_t>(completed.size());
        for (const auto& run : runs) {
          if (!completed.count(run.index)) missing.push_back(run.index);
        }
      } catch (const DataError& failure) {
        error = failure.what();
      } catch (const SQLite::Exception& failure) {
        error = fmt::format("{}: error: SQLite: {}", database.string(), failure.what());
      }
    }
    if (distributed) {
      if (session->BroadcastInt(error ? 1 : 0) != 0) throw DataError(root ? *error : std::string());  // printed by rank 0 only
      missing = session->BroadcastInts(missing);
    } else if (error) {
      throw DataError(*error);
    }
    std::optional<SettlementForecasts> forecasts;  // the negotiation does not depend on the run: once per sweep (and rank)
    if (spec.settlement) {
      forecasts = ForecastSettlement(spec.settlement->scenario, PerturbationOptions{spec.settlement->sd, spec.settlement->draws, spec.seed, threads});
    }
    auto compute = [&](int64_t index) { return ComputeSweepRun(spec, loaded, parties, runs[static_cast<size_t>(index)], threads, forecasts); };
    auto store = [&](int64_t index, const std::vector<SweepRow>& rows) {
      StoreSweepRun(*db, runs[static_cast<size_t>(index)], rows);
      ++progress.done;
      if (on_run) on_run(progress);
    };
    if (!distributed) {
      for (const int64_t index : missing) store(index, compute(index));
    } else {
      // A run that fails on any rank stops the job (the other ranks would wait for it for ever).
      auto abort_on_error = [&](auto&& action) {
        try {
          action();
        } catch (const std::exception& failure) {
          std::fprintf(stderr, "%s\n", failure.what());
          session->Abort(2);
        }
      };
      RunBlocks(
          *session, missing,
          [&](int64_t index) {
            std::vector<double> packed;
            abort_on_error([&] { packed = PackRows(compute(index)); });
            return packed;
          },
          [&](int64_t index, std::vector<double> packed) { abort_on_error([&] { store(index, UnpackRows(packed)); }); });
    }
    if (root) MarkPareto(*db);
    return progress;
  } catch (const SQLite::Exception& error) {
    throw DataError(fmt::format("{}: error: SQLite: {}", database.string(), error.what()));
  }
}

std::vector<std::string> SweepSettingColumns(const SweepSpec& spec) {
  std::vector<const SweepAxis*> axes;
  for (const auto& axis : spec.axes) {
    if (axis.name != "design") axes.push_back(&axis);
  }
  std::stable_sort(axes.begin(), axes.end(), [](const SweepAxis* left, const SweepAxis* right) {
    return std::pair(left->position.line, left->position.column) < std::pair(right->position.line, right->position.column);
  });
  std::vector<std::string> names;
  for (const SweepAxis* axis : axes) names.push_back(axis->name);
  return names;
}

void ExportSweepCsv(const std::filesystem::path& database, const std::filesystem::path& csv, std::vector<std::string> settings) {
  try {
    OutputFile file(csv, {database});  // written whole, then renamed: never a partial table, never over the database
    std::ostream& out = file.Stream();
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    if (settings.empty()) {  // the sweep's variables as the fingerprint lists them (the order RunSweep expanded them in)
      SQLite::Statement query(db, "SELECT value FROM sweep_meta WHERE key = 'fingerprint'");
      if (query.executeStep()) {
        const auto fingerprint = nlohmann::json::parse(query.getColumn(0).getString(), nullptr, false);
        if (fingerprint.is_object() && fingerprint.contains("axes") && fingerprint["axes"].is_array()) {
          for (const auto& axis : fingerprint["axes"]) {
            if (axis.contains("name") && axis["name"].is_string() && axis["name"] != "design") settings.push_back(axis["name"].get<std::string>());
          }
        }
      }
    }
    std::vector<std::string> metrics;  // in the order the runs wrote them (p_attack first, p_accept_ACTOR last)
    {
      SQLite::Statement query(db, "SELECT metric FROM results GROUP BY metric ORDER BY MIN(rowid)");
      while (query.executeStep()) metrics.push_back(query.getColumn(0).getString());
    }
    auto write_row = [&out](const std::vector<std::string>& fields) {
      for (size_t field_idx = 0; field_idx < fields.size(); ++field_idx) out << (field_idx > 0 ? "," : "") << CsvField(fields[field_idx]);
      out << "\r\n";
    };
    std::vector<std::string> header = {"run", "replication", "seed", "design"};
    header.insert(header.end(), settings.begin(), settings.end());
    header.insert(header.end(), metrics.begin(), metrics.end());
    header.push_back("pareto");
    write_row(header);
    // One row per (run, design): the results come sorted by run and design and a row is written when either changes.
    SQLite::Statement query(db,
                            "SELECT r.run, r.replication, r.seed, r.point, x.design, x.metric, x.value, COALESCE(p.on_front, 0)"
                            " FROM runs r JOIN results x ON r.run = x.run LEFT JOIN pareto p ON p.run = x.run AND p.design = x.design"
                            " ORDER BY r.run, x.design");
    std::vector<std::string> row;
    std::optional<std::pair<int64_t, std::string>> current;
    auto flush = [&] {
      if (current) write_row(row);
    };
    while (query.executeStep()) {
      const int64_t run = query.getColumn(0).getInt64();
      const std::string design = query.getColumn(4).getString();
      if (!current || current->first != run || current->second != design) {
        flush();
        current.emplace(run, design);
        row.assign(header.size(), std::string());
        row[0] = std::to_string(run);
        row[1] = std::to_string(query.getColumn(1).getInt());
        row[2] = std::to_string(query.getColumn(2).getInt64());
        row[3] = design;
        const auto point = nlohmann::json::parse(query.getColumn(3).getString(), nullptr, false);
        for (size_t setting_idx = 0; setting_idx < settings.size(); ++setting_idx) {
          if (point.is_object() && point.contains(settings[setting_idx]) && point[settings[setting_idx]].is_string()) {
            row[4 + setting_idx] = point[settings[setting_idx]].get<std::string>();
          }
        }
        row.back() = std::to_string(query.getColumn(7).getInt());
      }
      const std::string metric = query.getColumn(5).getString();
      const auto column = std::find(metrics.begin(), metrics.end(), metric);
      row[4 + settings.size() + static_cast<size_t>(column - metrics.begin())] = fmt::format("{}", query.getColumn(6).getDouble());
    }
    flush();
    file.Commit();
  } catch (const SQLite::Exception& error) {
    throw DataError(fmt::format("{}: error: SQLite: {}", database.string(), error.what()));
  }
}

void MarkParetoFront(std::vector<ParetoPoint>& points) {
  std::vector<std::vector<Objective>> objectives;
  for (const auto& point : points) {
    objectives.push_back({{point.deterrence, point.deterrence_se, true}, {point.guarantor_cost, point.guarantor_cost_se, false}});
    // A sweep without a settlement records no acceptability (−1 for every point): then two objectives.
    if (point.acceptability >= 0.0) objectives.back().push_back({point.acceptability, point.acceptability_se, true});
  }
  const std::vector<bool> front = FrontierBeyondError(objectives);
  for (size_t idx = 0; idx < points.size(); ++idx) points[idx].on_front = front[idx];
}

std::vector<std::vector<size_t>> TiedPoints(const std::vector<ParetoPoint>& points) {
  std::vector<std::vector<size_t>> groups;
  std::map<std::array<double, 6>, size_t> group_of;
  for (size_t idx = 0; idx < points.size(); ++idx) {
    const ParetoPoint& point = points[idx];
    const std::array<double, 6> key = {point.deterrence, point.deterrence_se, point.guarantor_cost, point.guarantor_cost_se, point.acceptability,
                                       point.acceptability_se};
    const auto [found, inserted] = group_of.emplace(key, groups.size());
    if (inserted) groups.emplace_back();
    groups[found->second].push_back(idx);
  }
  return groups;
}

std::vector<ParetoPoint> ReadParetoPoints(const std::filesystem::path& database) {
  try {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    return ReadPoints(db, true);
  } catch (const SQLite::Exception& error) {
    throw DataError(fmt::format("{}: error: SQLite: {}", database.string(), error.what()));
  }
}

}  // namespace casus
