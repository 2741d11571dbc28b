#include "casus/assess/assessment.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace casus {

namespace {

constexpr double kZ = 1.96;


std::vector<Objective> Objectives(const DesignAssessment& design) {
  return {{design.outcome.p_attack, design.outcome.p_attack_se, false},
          {design.outcome.total_guarantor_cost, design.outcome.total_guarantor_cost_se, false},
          {design.acceptance.p_all, design.acceptance.p_all_se, true}};
}

// +1 when a is better than b beyond error, −1 when worse beyond error, 0 otherwise.
int Compare(const Objective& a, const Objective& b) {
  const double difference = a.higher_is_better ? a.value - b.value : b.value - a.value;
  const double margin = kZ * std::sqrt(a.se * a.se + b.se * b.se) + 1e-12;
  if (difference > margin) return 1;
  if (difference < -margin) return -1;
  return 0;
}

std::string Percent(double p) {
  const double percent = 100.0 * p;
  if (percent > 0.0 && percent < 1.0) return "under 1 %";
  if (percent < 100.0 && percent > 99.0) return "over 99 %";
  return fmt::format("{:.0f} %", percent);
}

std::string Ordinal(size_t rank) {
  static const char* kWords[] = {"", "", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"};
  return rank < 11 ? kWords[rank] : fmt::format("{}th", rank);
}

std::string Sentence(const DesignAssessment& design, const std::vector<DesignAssessment>& all, const std::string& challenger) {
  size_t rank = 1;  // by deterrence, 1 = deters most
  for (const auto& other : all) rank += other.outcome.p_attack < design.outcome.p_attack ? 1 : 0;
  std::string deters;
  if (rank == 1) {
    deters = "deters most";
  } else if (rank == all.size()) {
    deters = "deters least";
  } else {
    deters = fmt::format("deters {} best", Ordinal(rank));
  }
  const ActorAcceptance* lowest = nullptr;
  for (const auto& actor : design.acceptance.actors) {
    if (lowest == nullptr || actor.probability < lowest->probability) lowest = &actor;
  }
  const ActorAcceptance* challenger_actor = nullptr;
  for (const auto& actor : design.acceptance.actors) {
    if (std::find(actor.stands_for.begin(), actor.stands_for.end(), challenger) != actor.stands_for.end()) challenger_actor = &actor;
  }
  const bool acceptable = design.acceptance.p_all >= 0.5;
  const bool deterrent = 2 * rank <= all.size();
  std::vector<std::string> who;
  if (challenger_actor != nullptr) who.push_back(fmt::format("{} in {}", challenger_actor->actor, Percent(challenger_actor->probability)));
  if (lowest != nullptr && lowest != challenger_actor && lowest->probability < (challenger_actor ? challenger_actor->probability : 1.0)) {
    who.push_back(fmt::format("{}, the least willing, in {}", lowest->actor, Percent(lowest->probability)));
  }
  return fmt::format("{} {} (P(attack) {:.2f}, cost to guarantors {:.2f} given an attack), {} all needed parties accept it in {} of forecasts ({}){}.",
                     design.outcome.id, deters, design.outcome.p_attack, design.outcome.total_guarantor_cost, deterrent != acceptable ? "but" : "and",
                     Percent(design.acceptance.p_all), fmt::join(who, "; "), design.on_frontier ? "; on the frontier" : "");
}

}  // namespace

bool CheckSettlementInputs(const GuaranteeScenario& scenario, const SettlementScales& scales, const PartyTable& parties,
                           Diagnostics& diagnostics) {
  const size_t before = diagnostics.ErrorCount();
  const SourcePosition at{scales.file, 1, 1};
  for (const auto& [role, party] : {std::pair<std::string, std::string>{"challenger", scenario.challenger}, {"beneficiary", scenario.beneficiary}}) {
    if (ActorFor(party, scales, parties) < 0) {
      diagnostics.Error(at, fmt::format("no actor of the settlement stands for the {} {} of {}", role, party, scenario.file),
                        fmt::format("name its actor in the scale file's [actors] table, e.g. \"Russia\" = \"{}\"", party));
    }
  }
  for (const auto& dimension : scales.dimensions) {
    if (!dimension.no_agreement) {
      diagnostics.Error(dimension.position, fmt::format("dimension '{}' has no no_agreement point", dimension.name),
                        "assess compares each settlement with no agreement: add no_agreement = … (on 0–100: where it stands if the talks fail)");
    }
  }
  if (scales.DimensionOf(DesignAxis::GuaranteeStrength) < 0 && scales.DimensionOf(DesignAxis::ForeignForces) < 0) {
    diagnostics.Error(at, "no dimension of the settlement is set by a design, so every design would be equally acceptable",
                      "add set_by_design = \"guarantee-strength\" (or \"foreign-forces\") to the [[dimension]] a design determines");
  }
  return diagnostics.ErrorCount() == before;
}

std::vector<DesignPosition> PositionDesigns(const LoadedScenario& loaded, const PartyTable& parties) {
  std::vector<DesignPosition> positions;
  for (size_t design_idx = 0; design_idx < loaded.scenario.designs.size(); ++design_idx) {
    const PreparedDesign prepared = PrepareDesign(loaded, design_idx, loaded.scenario.parameters, parties);
    positions.push_back(PositionOfDesign(prepared, loaded.scenario, parties));
  }
  return positions;
}

std::vector<bool> FrontierBeyondError(const std::vector<std::vector<Objective>>& points) {
  std::vector<bool> frontier(points.size(), true);
  for (size_t i = 0; i < points.size(); ++i) {
    for (size_t j = 0; j < points.size() && frontier[i]; ++j) {
      if (i == j) continue;
      bool better_somewhere = false;
      bool worse_somewhere = false;
      for (size_t k = 0; k < points[i].size() && k < points[j].size(); ++k) {
        const int comparison = Compare(points[j][k], points[i][k]);
        better_somewhere = better_somewhere || comparison > 0;
        worse_somewhere = worse_somewhere || comparison < 0;
      }
      if (better_somewhere && !worse_somewhere) frontier[i] = false;
    }
  }
  return frontier;
}

std::vector<bool> ThreeWayFrontier(const std::vector<DesignAssessment>& designs) {
  std::vector<std::vector<Objective>> points;
  for (const auto& design : designs) points.push_back(Objectives(design));
  return FrontierBeyondError(points);
}

Assessment AssessScenario(const LoadedScenario& loaded, const PartyTable& parties, const SmpScenario& settlement,
                          const SettlementScales& scales, const SimulationOptions& simulation, const PerturbationOptions& perturbation) {
  const GuaranteeScenario& scenario = loaded.scenario;
  Assessment assessment{scenario.id, settlement.name, scenario.challenger, scenario.beneficiary, simulation, perturbation, {}, {}};
  const SettlementForecasts forecasts = ForecastSettlement(settlement, perturbation);
  for (double value : forecasts.central.forecast.weighted_mean) assessment.central_settlement.push_back(100.0 * value);
  for (size_t design_idx = 0; design_idx < scenario.designs.size(); ++design_idx) {
    const PreparedDesign prepared = PrepareDesign(loaded, design_idx, scenario.parameters, parties);
    DesignAssessment design;
    design.outcome = SimulateDesign(prepared.design, prepared.commitments, scenario.attack, scenario.parameters, parties, simulation);
    design.position = PositionOfDesign(prepared, scenario, parties);
    design.acceptance = AcceptanceOf(design.position, scenario.challenger, scenario.beneficiary, settlement, scales, forecasts, parties);
    assessment.designs.push_back(std::move(design));
  }
  const std::vector<bool> frontier = ThreeWayFrontier(assessment.designs);
  for (size_t idx = 0; idx < assessment.designs.size(); ++idx) assessment.designs[idx].on_frontier = frontier[idx];
  for (auto& design : assessment.designs) design.summary = Sentence(design, assessment.designs, scenario.challenger);
  return assessment;
}

std::vector<InputSensitivity> AcceptanceSensitivity(const LoadedScenario& loaded, const PartyTable& parties, const SmpScenario& settlement,
                                                    const SettlementScales& scales, const PerturbationOptions& perturbation) {
  const GuaranteeScenario& scenario = loaded.scenario;
  const std::vector<DesignPosition> positions = PositionDesigns(loaded, parties);
  auto acceptances = [&](const SmpScenario& inputs, const SettlementScales& reference, const SettlementForecasts& forecasts) {
    std::vector<DesignAcceptance> out;
    for (const auto& position : positions) {
      out.push_back(AcceptanceOf(position, scenario.challenger, scenario.beneficiary, inputs, reference, forecasts, parties));
    }
    return out;
  };
  const SettlementForecasts base_forecasts = ForecastSettlement(settlement, perturbation);
  const std::vector<DesignAcceptance> base = acceptances(settlement, scales, base_forecasts);
  std::vector<InputSensitivity> results;
  auto record = [&](InputSensitivity entry, const std::vector<std::vector<DesignAcceptance>>& variants) {
    double total = 0.0;
    double total_actor = 0.0;
    size_t count = 0;
    size_t count_actor = 0;
    for (const auto& moved : variants) {
      for (size_t design_idx = 0; design_idx < base.size(); ++design_idx) {
        total += std::abs(moved[design_idx].p_all - base[design_idx].p_all);
        ++count;
        for (size_t actor_idx = 0; actor_idx < base[design_idx].actors.size(); ++actor_idx) {
          const double change = std::abs(moved[design_idx].actors[actor_idx].probability - base[design_idx].actors[actor_idx].probability);
          total_actor += change;
          ++count_actor;
          if (change > entry.max_abs_change_actor) {
            entry.max_abs_change_actor = change;
            entry.max_change_where = fmt::format("{}: {}", base[design_idx].design, base[design_idx].actors[actor_idx].actor);
          }
        }
      }
    }
    entry.mean_abs_change_p_all = count == 0 ? 0.0 : total / static_cast<double>(count);
    entry.mean_abs_change_actor = count_actor == 0 ? 0.0 : total_actor / static_cast<double>(count_actor);
    results.push_back(std::move(entry));
  };
  auto measure = [&](InputSensitivity entry, const std::vector<SmpScenario>& variants) {
    std::vector<std::vector<DesignAcceptance>> moved;
    for (const auto& variant : variants) moved.push_back(acceptances(variant, scales, ForecastSettlement(variant, perturbation)));
    record(std::move(entry), moved);
  };
  for (size_t dim_idx = 0; dim_idx < scales.dimensions.size(); ++dim_idx) {  // the disagreement point: no rerun needed
    std::vector<std::vector<DesignAcceptance>> moved;
    for (const double step : {-0.1, 0.1}) {
      SettlementScales variant = scales;
      auto& point = variant.dimensions[dim_idx].no_agreement;
      point = std::clamp(point.value_or(0.0) + step, 0.0, 1.0);
      moved.push_back(acceptances(settlement, variant, base_forecasts));
    }
    record(InputSensitivity{"(no agreement)", "point", scales.dimensions[dim_idx].name, "±10 points", 0.0, 0.0, 0.0, ""}, moved);
  }
  for (size_t actor_idx = 0; actor_idx < settlement.actors.size(); ++actor_idx) {
    const std::string& name = settlement.actors[actor_idx].name;
    for (size_t dim_idx = 0; dim_idx < settlement.dimensions.size(); ++dim_idx) {
      std::vector<SmpScenario> moved;
      for (const double step : {-0.1, 0.1}) {
        SmpScenario variant = settlement;
        double& position = variant.actors[actor_idx].position[dim_idx];
        position = std::clamp(position + step, 0.0, 1.0);
        moved.push_back(std::move(variant));
      }
      measure(InputSensitivity{name, "position", settlement.dimensions[dim_idx], "±10 points", 0.0, 0.0, 0.0, ""}, moved);
      std::vector<SmpScenario> weighted;
      for (const double step : {-0.1, 0.1}) {
        SmpScenario variant = settlement;
        std::vector<double>& salience = variant.actors[actor_idx].salience;
        double total = 0.0;
        for (double value : salience) total += value;
        const double target = std::clamp(salience[dim_idx] + step, 0.01, total);
        const double others = total - salience[dim_idx];
        for (size_t other = 0; other < salience.size(); ++other) {  // the others share the rest, so the sum is kept
          if (other != dim_idx && others > 0.0) salience[other] *= (total - target) / others;
        }
        salience[dim_idx] = target;
        weighted.push_back(std::move(variant));
      }
      measure(InputSensitivity{name, "salience", settlement.dimensions[dim_idx], "±10 points (others rescaled)", 0.0, 0.0, 0.0, ""}, weighted);
    }
    std::vector<SmpScenario> scaled;
    for (const double factor : {1.0 / 1.5, 1.5}) {
      SmpScenario variant = settlement;
      variant.actors[actor_idx].capability *= factor;
      scaled.push_back(std::move(variant));
    }
    measure(InputSensitivity{name, "capability", "", "×/÷ 1.5", 0.0, 0.0, 0.0, ""}, scaled);
  }
  std::stable_sort(results.begin(), results.end(), [](const InputSensitivity& left, const InputSensitivity& right) {
    return std::tie(right.mean_abs_change_actor, right.mean_abs_change_p_all) < std::tie(left.mean_abs_change_actor, left.mean_abs_change_p_all);
  });
  return results;
}

}  // namespace casus
