#include "casus/games/scenario.hpp"
#include "casus/games/fitted_parameters.hpp"

#include <cmath>

#include "casus/core/limits.hpp"
#include "casus/core/spelling.hpp"
#include "casus/engine/world_state.hpp"
#include "casus/games/world_power.hpp"
#include "casus/history/calibration.hpp"
#include "casus/spec/load_instrument.hpp"
#include "casus/spec/resolve_instrument.hpp"
#include "casus/spec/toml_reader.hpp"

namespace casus {

namespace {

// { mean = …, sd = … } under `key`, already known to be a table.
std::optional<Normal> ReadNormalTable(const toml::table* table, std::string_view key, const LoadState& state) {
  TableReader inner(*table, fmt::format("'{}'", key), state);
  const toml::node* mean = inner.Get("mean");
  const toml::node* sd = inner.Get("sd");
  if (mean == nullptr) inner.Missing("mean", "mean = 1.0");
  if (sd == nullptr) inner.Missing("sd", "sd = 0.2");
  inner.RejectUnknownFields();
  if (mean == nullptr || sd == nullptr) return std::nullopt;
  const auto mean_value = mean->value<double>();
  const auto sd_value = sd->value<double>();
  if (!mean_value || !std::isfinite(*mean_value) || std::fabs(*mean_value) > kMaxParameterMagnitude) {
    state.Error(state.At(*mean), fmt::format("'mean' of '{}' must be a number from -{:g} to {:g}", key, kMaxParameterMagnitude, kMaxParameterMagnitude),
                "e.g. mean = 1.0 (the game's values are of the order of 1)");
    return std::nullopt;
  }
  if (!sd_value || !std::isfinite(*sd_value) || *sd_value < 0.0 || *sd_value > kMaxParameterMagnitude) {
    state.Error(state.At(*sd), fmt::format("'sd' of '{}' must be a number ≥ 0", key), "a standard deviation cannot be negative; 0 fixes the value");
    return std::nullopt;
  }
  return Normal{*mean_value, *sd_value};
}

std::optional<Normal> ReadNormal(TableReader& reader, std::string_view key, const LoadState& state) {
  const toml::node* node = reader.Get(key);
  if (node == nullptr) return std::nullopt;
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    reader.WrongType(key, *node, "a table", fmt::format("{} = {{ mean = 1.0, sd = 0.2 }}", key));
    return std::nullopt;
  }
  return ReadNormalTable(table, key, state);
}

// [parameters.cost] or [parameters.effectiveness]: per means, a number ≥ 0 (fixed) or
// { mean, sd } (drawn per draw). Overrides the defaults means by means.
void ReadPerMeans(TableReader& reader, std::string_view key, const LoadState& state, std::map<Means, double>& means_values,
                  std::map<Means, double>& sds) {
  const toml::table* table = SubTable(reader, key, fmt::format("[parameters.{}]\narmed-force = {{ mean = 1.0, sd = 0.3 }}", key), state);
  if (table == nullptr) return;
  for (const auto& [name, node] : *table) {
    const auto means = ParseEnum<Means>(name.str());
    if (!means) {
      state.Error(state.At(name.source()), fmt::format("unknown means '{}' in [parameters.{}]", name.str(), key), SuggestionHint(name.str(), EnumNameList<Means>()));
      continue;
    }
    std::optional<Normal> value;
    if (const auto number = node.value<double>(); number && node.is_number()) {
      value = Normal{*number, 0.0};
    } else if (const toml::table* inner = node.as_table()) {
      value = ReadNormalTable(inner, name.str(), state);
      if (!value) continue;
    } else {
      state.Error(state.At(node), fmt::format("'{}' in [parameters.{}] must be a number or {{ mean, sd }}", name.str(), key),
                  fmt::format("e.g. {} = 0.5, or {} = {{ mean = 0.5, sd = 0.1 }}", name.str(), name.str()));
      continue;
    }
    if (!std::isfinite(value->mean) || value->mean < 0.0 || value->mean > kMaxParameterMagnitude) {
      state.Error(state.At(node), fmt::format("the {} of '{}' must be a number from 0 to {:g}", key, name.str(), kMaxParameterMagnitude),
                  "a cost or an effectiveness cannot be negative, and is of the order of 1");
      continue;
    }
    means_values[*means] = value->mean;
    sds[*means] = value->sd;
  }
}

std::optional<double> ReadNumber(TableReader& reader, std::string_view key, const LoadState& state, double low, bool strictly) {
  const toml::node* node = reader.Get(key);
  if (node == nullptr) return std::nullopt;
  const auto value = node->value<double>();
  if (!value || !std::isfinite(*value) || *value < low || (strictly && *value == low) || *value > kMaxParameterMagnitude) {
    state.Error(state.At(*node), fmt::format("'{}' must be a number {} {} and at most {:g}", key, strictly ? ">" : "≥", low, kMaxParameterMagnitude),
                fmt::format("e.g. {} = 0.3", key));
    return std::nullopt;
  }
  return value;
}

// A share in [0, 1] (the deadline and duration factors).
std::optional<double> ReadFactor(TableReader& reader, std::string_view key, const LoadState& state) {
  const toml::node* node = reader.Get(key);
  if (node == nullptr) return std::nullopt;
  const auto value = node->value<double>();
  if (!value || !std::isfinite(*value) || *value < 0.0 || *value > 1.0) {
    state.Error(state.At(*node), fmt::format("'{}' must be a number from 0 to 1", key),
                fmt::format("it is the share of a commitment's weight that remains, e.g. {} = 0.8", key));
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::optional<GuaranteeScenario> LoadScenarioFile(const std::filesystem::path& path, const PartyTable& parties,
                                                  const std::map<std::string, double>& capability, Diagnostics& diagnostics) {
  std::string text;
  if (!ReadTextFile(path, text, diagnostics)) return std::nullopt;
  const size_t errors_before = diagnostics.ErrorCount();
  LoadState state{path.string(), diagnostics, parties};
  auto parsed = ParseTomlText(text, state, "a scenario", "docs/scenario-format.md");
  if (!parsed) return std::nullopt;
  const toml::table& root = *parsed;
  GuaranteeScenario scenario;
  scenario.file = path.string();
  scenario.parameters = DefaultGameParameters();
  scenario.parameters.capability = capability;
  TableReader top(root, "the file", state);
  if (const toml::table* header = SubTable(top, "scenario", "[scenario]", state)) {
    TableReader reader(*header, "[scenario]", state);
    scenario.id = reader.String("id", true, "id = \"ukraine-guarantees\"").value_or("");
    scenario.title = reader.String("title", false, "title = \"…\"").value_or("");
    for (const auto& [key, target] : {std::pair{"challenger", &scenario.challenger}, std::pair{"beneficiary", &scenario.beneficiary}}) {
      if (auto code = reader.String(key, true, fmt::format("{} = \"RUS\"", key))) {
        auto resolved = ResolveCodes({{*code, state.At(*header->get(key))}}, state, key);
        if (!resolved.empty()) *target = resolved.front();
      }
    }
    reader.RejectUnknownFields();
  } else if (root.get("scenario") == nullptr) {
    top.Missing("scenario", "a [scenario] table with id, challenger and beneficiary", "missing [scenario] table");
  }
  SourcePosition where_position{state.file, 1, 1};
  if (const toml::table* attack = SubTable(top, "attack", "[attack]", state)) {
    TableReader reader(*attack, "[attack]", state);
    scenario.attack.id = "contemplated-attack";
    if (auto at = ReadOffsetTime(reader, "at", state)) scenario.attack.at = *at;
    scenario.attack.kind = reader.Enum<IncidentKind>("kind", true, "incident kind").value_or(IncidentKind::ArmedAttack);
    if (scenario.attack.kind == IncidentKind::Stationing) {
      state.Error(state.At(*attack->get("kind")), "the contemplated attack cannot be a stationing of forces",
                  "stationing is not an attack (it is what a restraint clause may forbid); write kind = \"armed-attack\"");
    }
    scenario.attack.scale = reader.Enum<Scale>("scale", true, "scale");
    scenario.attack.deliberate = reader.Bool("deliberate");
    scenario.attack.sustained = reader.Bool("sustained");
    if (auto where = reader.String("where", true, "where = \"UA-63\"")) {
      where_position = state.At(*attack->get("where"));
      scenario.attack.where = CheckPlaceCodes({{*where, where_position}}, state, "where", false).front();
    }
    scenario.ceasefire_in_force = reader.Bool("ceasefire_in_force").value_or(false);
    reader.RejectUnknownFields();
  } else if (root.get("attack") == nullptr) {
    top.Missing("attack", "an [attack] table: kind, scale, where", "missing [attack] table: the attack the challenger contemplates");
  }
  if (const toml::table* table = SubTable(top, "parameters", "[parameters]", state)) {
    TableReader reader(*table, "[parameters]", state);
    GameParameters& p = scenario.parameters;
    if (auto value = ReadNormal(reader, "challenger_gain", state)) p.challenger_gain = *value;
    if (auto value = ReadNormal(reader, "challenger_war_cost", state)) p.challenger_war_cost = *value;
    if (auto value = ReadNormal(reader, "guarantor_value", state)) p.guarantor_value = *value;
    if (auto value = ReadNumber(reader, "challenger_type_sd", state, 0.0, true)) p.challenger_type_sd = *value;
    if (auto value = ReadNumber(reader, "common_shock_sd", state, 0.0, false)) p.common_shock_sd = *value;
    if (auto value = ReadNumber(reader, "noise_sd", state, 0.0, true)) p.noise_sd = *value;
    // A number ≥ 0, or "calibrated" (the value then comes from the data: docs/calibration.md).
    auto number_or_calibrated = [&](const char* name, double& value, bool& calibrate, const char* what_calibrated) {
      if (const toml::node* node = table->get(name); node != nullptr && node->is_string()) {
        reader.Get(name);
        if (node->as_string()->get() == "calibrated") {
          calibrate = true;
        } else {
          state.Error(state.At(*node), fmt::format("unknown {} '{}'", name, node->as_string()->get()),
                      fmt::format("write a number ≥ 0, or \"calibrated\" to derive it from {}", what_calibrated));
        }
      } else if (auto number = ReadNumber(reader, name, state, 0.0, false)) {
        value = *number;
      }
    };
    number_or_calibrated("reneging_cost", p.reneging_cost, scenario.calibrate_reneging,
                         "the historical honour rate of defence pacts since 1945");
    if (auto value = ReadNumber(reader, "reneging_cost_sd", state, 0.0, false)) {
      p.reneging_cost_sd = *value;
      scenario.reneging_sd_given = true;
    }
    if (auto value = ReadNumber(reader, "forces_bonus", state, 0.0, false)) p.forces_bonus = *value;
    if (auto value = ReadFactor(reader, "no_deadline_factor", state)) p.no_deadline_factor = *value;
    if (auto value = ReadNumber(reader, "deadline_scale_days", state, 0.0, true)) p.deadline_scale_days = *value;
    if (auto value = ReadFactor(reader, "short_exit_factor", state)) p.short_exit_factor = *value;
    ReadPerMeans(reader, "cost", state, p.cost, p.cost_sd);
    ReadPerMeans(reader, "effectiveness", state, p.effectiveness, p.effectiveness_sd);
    if (auto value = ReadNumber(reader, "capability_sd", state, 0.0, false)) p.capability_sd = *value;
    if (auto value = ReadNumber(reader, "reach_half_distance_km", state, 0.0, true)) p.reach_half_distance_km = *value;
    if (auto value = ReadFactor(reader, "nuclear_escalation_probability", state)) p.nuclear_escalation_probability = *value;
    if (auto value = ReadNumber(reader, "nuclear_escalation_loss", state, 0.0, false)) p.nuclear_escalation_loss = *value;
    number_or_calibrated("nuclear_cost_markup", p.nuclear_cost_markup, scenario.calibrate_nuclear,
                         "defence pacts' honour rates against nuclear-armed and non-nuclear opponents since 1945");
    if (auto value = ReadNumber(reader, "defender_strength", state, 0.0, false)) p.defender_strength = *value;
    if (auto value = ReadNumber(reader, "forces_reference_troops", state, 0.0, true)) p.forces_reference_troops = *value;
    if (auto value = ReadNumber(reader, "tripwire_bonus", state, 0.0, false)) p.tripwire_bonus = *value;
    if (auto value = ReadNumber(reader, "free_riding", state, 0.0, false)) p.free_riding = *value;
    if (const toml::table* guarantors = SubTable(reader, "guarantors", "[parameters.guarantors.USA]\nvalue = { mean = 0.2, sd = 0.3 }", state)) {
      for (const auto& [name, node] : *guarantors) {
        const auto resolved = ResolveCodes({{std::string(name.str()), state.At(name.source())}}, state, "guarantors");
        const toml::table* one = node.as_table();
        if (one == nullptr) {
          state.Error(state.At(node), fmt::format("[parameters.guarantors.{}] must be a table", name.str()),
                      "e.g. [parameters.guarantors.USA] with value = { mean = 0.2, sd = 0.3 } and reneging_cost = 1.0");
          continue;
        }
        TableReader inner(*one, fmt::format("[parameters.guarantors.{}]", name.str()), state);
        const auto value = ReadNormal(inner, "value", state);
        const auto reneging = ReadNumber(inner, "reneging_cost", state, 0.0, false);
        inner.RejectUnknownFields();
        if (resolved.empty()) continue;
        if (value) p.guarantor_values[resolved.front()] = *value;
        if (reneging) p.guarantor_reneging_cost[resolved.front()] = *reneging;
      }
    }
    if (auto source = reader.String("source", false, "source = \"backtest\"")) {
      scenario.parameters_source = *source;
      scenario.parameters_source_position = state.At(*table->get("source"));
      if (table->get("reneging_cost") != nullptr || table->get("reneging_cost_sd") != nullptr) {
        state.Error(scenario.parameters_source_position, "[parameters] gives both source and reneging_cost",
                    "the fitted-parameters file sets reneging_cost and its spread: drop reneging_cost (and reneging_cost_sd), or drop source");
      }
    }
    for (const auto& [key, node] : *table) {
      if (key.str() != "source" && key.str() != "capability") scenario.parameter_sources[std::string(key.str())] = "scenario";
    }
    if (auto source = reader.String("capability", false, "capability = \"cinc\"")) {
      if (*source != "cinc") {
        state.Error(state.At(*table->get("capability")), fmt::format("unknown capability source '{}'", *source),
                    "the only source so far is \"cinc\" (COW NMC v7, latest year)");
      }
    }
    reader.RejectUnknownFields();
  }
  ForEachTable(top.Get("design"), "design", state, [&](const toml::table& table, size_t index) {
    ScenarioDesign design;
    design.position = state.At(table);
    TableReader reader(table, fmt::format("[[design]] #{}", index + 1), state);
    design.id = reader.String("id", true, "id = \"bilaterals-2024\"").value_or("");
    if (!design.id.empty()) CheckId(design.id, state.At(table, "id"), state, "design");
    design.instrument_arguments = Written(reader.StringArray("instruments", true, "instruments = [\"us-ukraine-2024\"]"));
    design.forces_in_place = ResolveCodes(reader.StringArray("forces", false, "forces = [\"GBR\", \"FRA\"]", true), state, "forces");
    design.accede = ResolveCodes(reader.StringArray("accede", false, "accede = [\"UKR\"]", true), state, "accede");
    ForEachTable(reader.Get("force"), "force", state, [&](const toml::table& force_table, size_t) {
      TableReader force_reader(force_table, "[[design.force]]", state);
      ForceInPlace force;
      if (auto by = force_reader.String("by", true, "by = \"FRA\"")) {
        auto resolved = ResolveCodes({{*by, state.At(*force_table.get("by"))}}, state, "by");
        if (!resolved.empty()) force.party = resolved.front();
      }
      const auto areas = force_reader.StringArray("where", false, "where = [\"UA-30\", \"UA-46\"]");
      force.areas = CheckPlaceCodes(areas, state, "where", false);
      if (auto troops = ReadNumber(force_reader, "troops", state, 0.0, true)) force.troops = *troops;
      force_reader.RejectUnknownFields();
      if (force.party.empty()) return;
      for (const auto& other : design.forces) {
        if (other.party == force.party) {
          state.Error(state.At(force_table), fmt::format("two forces of {} in design '{}'", force.party, design.id),
                      "give one [[design.force]] per guarantor, with every area it holds in 'where'");
          return;
        }
      }
      design.forces.push_back(std::move(force));
    });
    reader.RejectUnknownFields();
    for (const auto& other : scenario.designs) {
      if (!design.id.empty() && other.id == design.id) {  // a missing id is reported already
        state.Error(state.At(table, "id"), fmt::format("duplicate design id '{}'", design.id),
                    fmt::format("the first is at line {}", other.position.line));
        return;
      }
    }
    scenario.designs.push_back(std::move(design));
  });
  if (root.get("design") == nullptr) top.Missing("design", "at least one [[design]] with id and instruments", "the scenario has no [[design]]");
  top.RejectUnknownFields();
  scenario.attack.by = scenario.challenger;
  scenario.attack.against = scenario.beneficiary;
  if (!scenario.attack.where.empty() && !scenario.beneficiary.empty()) {
    const PartyInfo* place = scenario.attack.where.find('-') != std::string::npos ? parties.SubdivisionCountry(scenario.attack.where)
                                                                                  : parties.Resolve(scenario.attack.where);
    if (place != nullptr && place->id != scenario.beneficiary) {
      state.Error(where_position, fmt::format("the attack's place '{}' is not in the beneficiary {}", scenario.attack.where, scenario.beneficiary),
                  "the contemplated attack is on the beneficiary");
    }
  }
  if (diagnostics.ErrorCount() > errors_before) return std::nullopt;
  return scenario;
}

std::optional<LoadedScenario> LoadScenarioWithInstruments(const std::filesystem::path& path, const std::filesystem::path& home,
                                                          const PartyTable& parties, const std::map<std::string, double>& capability,
                                                          Diagnostics& diagnostics) {
  auto scenario = LoadScenarioFile(path, parties, capability, diagnostics);
  if (!scenario) return std::nullopt;
  LoadedScenario loaded{std::move(*scenario), {}};
  const size_t errors_before = diagnostics.ErrorCount();
  for (const auto& design : loaded.scenario.designs) {
    std::vector<Instrument> instruments;
    for (const auto& argument : design.instrument_arguments) {
      const bool is_path = argument.find('/') != std::string::npos || argument.ends_with(".toml");
      const std::filesystem::path file = is_path ? path.parent_path() / argument : ResolveInstrumentArgument(argument, home);
      std::error_code error;
      if (!is_path && !std::filesystem::exists(file, error)) {
        std::vector<std::string> ids;
        for (const auto& library_file : ListLibrary(home)) ids.push_back(library_file.stem().string());
        diagnostics.Error(design.position, fmt::format("design '{}': no library instrument '{}'", design.id, argument),
                          SuggestionHint(argument, ids));
        continue;
      }
      if (auto instrument = LoadInstrumentFile(file, parties, diagnostics)) {
        instruments.push_back(std::move(*instrument));
      } else {
        diagnostics.Error(design.position, fmt::format("design '{}' names an instrument that does not load: {}", design.id, argument),
                          "fix the instrument file (see the errors above)");
      }
    }
    loaded.instruments.push_back(std::move(instruments));
  }
  if (diagnostics.ErrorCount() > errors_before) return std::nullopt;
  return loaded;
}

std::optional<LoadedScenario> LoadCalibratedScenario(const std::filesystem::path& path, const std::filesystem::path& home,
                                                     const PartyTable& parties, Diagnostics& diagnostics) {
  // NMC is read once for both the capability weights and the world's power (docs/performance.md, "Start-up").
  const NmcLatest nmc = ReadNmcLatest(home / "data" / "nmc" / "cow_nmc_v7.csv");
  const CalibratedDefaults defaults = Calibrate(home / "data", parties, ReliabilityCoding::Llm, &nmc);
  std::map<std::string, double> cinc;
  for (const auto& [party, weight] : defaults.capability) cinc[party] = weight.cinc;
  auto loaded = LoadScenarioWithInstruments(path, home, parties, cinc, diagnostics);
  const CredibilityPrior* prior = &defaults.credibility.at("defense").at("1945-2003");
  if (loaded && !loaded->scenario.parameters_source.empty()) {
    const auto file = FittedParametersPath(loaded->scenario.parameters_source, path, home);
    const auto fitted = ReadFittedParameters(file, loaded->scenario.parameters_source_position, parties, diagnostics);
    if (!fitted) return std::nullopt;
    ApplyFittedParameters(loaded->scenario, *fitted);
  }
  if (loaded && loaded->scenario.calibrate_nuclear) {
    const NuclearSplit& split = defaults.nuclear_split;
    if (!split.available) throw DataError(fmt::format("{}: nuclear_cost_markup = \"calibrated\" needs data/cow, data/atop and data/nuclear", path.string()));
    loaded->scenario.parameters.nuclear_cost_markup =
        CalibratedNuclearMarkup(split.against_non_nuclear.Mean(), split.against_nuclear.Mean(), loaded->scenario.parameters);
    prior = &split.against_non_nuclear;  // the reference case of ρ's calibration faces no markup
    loaded->scenario.parameter_sources["nuclear_cost_markup"] =
        "calibrated: defence pacts' honour rates since 1945 against nuclear-armed and non-nuclear opponents (docs/calibration.md)";
  }
  if (loaded) {
    ApplyCalibration(*loaded, prior->Mean(), prior->Sd());
    ApplyWorldPower(*loaded, ReadWorldPower(home / "data", parties, &nmc), parties);
  }
  return loaded;
}

void ApplyWorldPower(LoadedScenario& loaded, const WorldPower& world, const PartyTable& parties) {
  const auto days = std::chrono::floor<std::chrono::days>(loaded.scenario.attack.at);
  const long year = static_cast<int>(std::chrono::year_month_day{days}.year());
  loaded.scenario.parameters.power = PowerForTheatre(world, parties, loaded.scenario.beneficiary, year);
}

std::vector<ForceInPlace> InstrumentForces(const std::vector<const Instrument*>& instruments) {
  std::vector<ForceInPlace> forces;
  for (const Instrument* instrument : instruments) {
    for (const auto& clause : instrument->clauses) {
      if (!clause.forces || clause.forces->by.empty()) continue;
      for (const auto& party : clause.forces->by) {
        if (std::any_of(forces.begin(), forces.end(), [&](const ForceInPlace& force) { return force.party == party; })) continue;
        forces.push_back(ForceInPlace{party, clause.forces->where, 0.0});  // the size is free text: unknown
      }
    }
  }
  return forces;
}

GameDesign MakeGameDesign(const LoadedScenario& loaded, size_t design_idx, WorldState& world) {
  const GuaranteeScenario& scenario = loaded.scenario;
  const ScenarioDesign& spec = scenario.designs[design_idx];
  GameDesign design{spec.id, {}, spec.forces_in_place, spec.forces};
  if (scenario.ceasefire_in_force) {
    StatusEvent ceasefire;
    ceasefire.at = scenario.attack.at;
    ceasefire.kind = StatusKind::CeasefireInForce;
    ceasefire.parties = {scenario.beneficiary, scenario.challenger};
    world.Apply(ceasefire);
  }
  for (const auto& instrument : loaded.instruments[design_idx]) {
    design.instruments.push_back(&instrument);
    if (!spec.accede.empty()) {
      StatusEvent accession;
      accession.at = scenario.attack.at;
      accession.kind = StatusKind::Accession;
      accession.parties = spec.accede;
      accession.instrument = instrument.id;
      world.Apply(accession);
    }
  }
  if (spec.forces_in_place.empty() && spec.forces.empty()) design.forces = InstrumentForces(design.instruments);
  return design;
}

void ApplyCalibration(LoadedScenario& loaded, double honour_probability, double honour_sd) {
  if (loaded.scenario.calibrate_reneging) {
    GameParameters& parameters = loaded.scenario.parameters;
    parameters.reneging_cost = CalibratedRenegingCost(honour_probability, parameters);
    if (!loaded.scenario.reneging_sd_given) parameters.reneging_cost_sd = CalibratedRenegingCostSd(honour_probability, honour_sd, parameters);
    loaded.scenario.parameter_sources["reneging_cost"] =
        loaded.scenario.calibrate_nuclear ? "calibrated: the honour rate of defence pacts since 1945 against non-nuclear opponents (docs/calibration.md)"
                                          : "calibrated: the honour rate of defence pacts since 1945 (docs/calibration.md)";
  }
}

PreparedDesign PrepareDesign(const LoadedScenario& loaded, size_t design_idx, const GameParameters& parameters, const PartyTable& parties) {
  WorldState world;
  PreparedDesign prepared{MakeGameDesign(loaded, design_idx, world), loaded.scenario.designs[design_idx].accede, {}};
  prepared.commitments = TriggeredCommitments(prepared.design, loaded.scenario.attack, world, parties, parameters);
  return prepared;
}

std::vector<DesignOutcome> SimulateScenario(const LoadedScenario& loaded, const GameParameters& parameters, const PartyTable& parties,
                                            const SimulationOptions& options, const std::vector<std::string>& only_designs,
                                            const std::function<void(size_t, size_t)>& on_design) {
  const GuaranteeScenario& scenario = loaded.scenario;
  std::vector<DesignOutcome> outcomes;
  for (size_t design_idx = 0; design_idx < scenario.designs.size(); ++design_idx) {
    const ScenarioDesign& spec = scenario.designs[design_idx];
    if (!only_designs.empty() && std::find(only_designs.begin(), only_designs.end(), spec.id) == only_designs.end()) continue;
    const PreparedDesign prepared = PrepareDesign(loaded, design_idx, parameters, parties);
    outcomes.push_back(SimulateDesign(prepared.design, prepared.commitments, scenario.attack, parameters, parties, options));
    if (on_design) on_design(design_idx + 1, scenario.designs.size());
  }
  return outcomes;
}

}  // namespace casus
