#include "casus/games/explain.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "casus/engine/world_state.hpp"
#include "casus/spec/in_words.hpp"

namespace casus {

namespace {

// One candidate: a copy of the design's instruments with one clause changed, or extra forces.
struct Candidate {
  ClauseChange change;
  std::vector<Instrument> instruments;
  std::vector<std::string> extra_forces;
};

double Simulate(const LoadedScenario& loaded, size_t design_idx, const std::vector<Instrument>& instruments,
                const std::vector<std::string>& extra_forces, const PartyTable& parties, const SimulationOptions& options) {
  LoadedScenario variant;
  variant.scenario = loaded.scenario;
  variant.instruments = loaded.instruments;
  variant.instruments[design_idx] = instruments;
  ScenarioDesign& spec = variant.scenario.designs[design_idx];
  for (const auto& party : extra_forces) spec.forces_in_place.push_back(party);
  WorldState world;
  const GameDesign design = MakeGameDesign(variant, design_idx, world);
  const auto commitments = TriggeredCommitments(design, variant.scenario.attack, world, parties, variant.scenario.parameters);
  return SimulateDesign(design, commitments, variant.scenario.attack, variant.scenario.parameters, parties, options).p_attack;
}

}  // namespace

std::vector<ClauseChange> BestClauseChanges(const LoadedScenario& loaded, size_t design_idx, const PartyTable& parties,
                                            const SimulationOptions& options, double p_attack_before, size_t count) {
  const std::vector<Instrument>& base = loaded.instruments[design_idx];
  std::vector<Candidate> candidates;
  auto add = [&](size_t instrument_idx, size_t clause_idx, const std::string& text, auto&& edit) {
    Candidate candidate;
    candidate.instruments = base;
    Clause& clause = candidate.instruments[instrument_idx].clauses[clause_idx];
    edit(candidate.instruments[instrument_idx], clause);
    candidate.change = ClauseChange{base[instrument_idx].id, clause.id, text, p_attack_before, 0.0};
    candidates.push_back(std::move(candidate));
  };
  std::vector<std::string> guarantors;
  for (size_t instrument_idx = 0; instrument_idx < base.size(); ++instrument_idx) {
    const Instrument& instrument = base[instrument_idx];
    for (size_t clause_idx = 0; clause_idx < instrument.clauses.size(); ++clause_idx) {
      const Clause& clause = instrument.clauses[clause_idx];
      if (!IsResponseKind(clause.kind) || !clause.duty || !clause.trigger) continue;
      for (const auto& party : clause.obligated) {
        if (std::find(guarantors.begin(), guarantors.end(), party) == guarantors.end()) guarantors.push_back(party);
      }
      const Duty& duty = *clause.duty;
      if (duty.strength < DutyStrength::AllMeans) {
        add(instrument_idx, clause_idx, fmt::format("duty {} → all-means", ToString(duty.strength)),
            [](Instrument&, Clause& c) { c.duty->strength = DutyStrength::AllMeans; });
      }
      if (duty.deadline.kind != DeadlineKind::Forthwith) {
        add(instrument_idx, clause_idx, fmt::format("deadline {} → forthwith", InWords(duty.deadline)),
            [](Instrument&, Clause& c) { c.duty->deadline = Deadline{DeadlineKind::Forthwith, {}}; });
      }
      if (duty.constitutional) {
        add(instrument_idx, clause_idx, "drop \"constitutional processes\"", [](Instrument&, Clause& c) { c.duty->constitutional = false; });
      }
      if (duty.means.size() > 1 && duty.means_choice != MeansChoice::Fixed) {
        add(instrument_idx, clause_idx, fmt::format("means {} → fixed (all listed means together)", ToString(duty.means_choice)),
            [](Instrument&, Clause& c) { c.duty->means_choice = MeansChoice::Fixed; });
      }
      if (clause.decision && clause.decision->rule != DecisionRule::EachParty) {
        add(instrument_idx, clause_idx, fmt::format("decision {} → each-party", ToString(clause.decision->rule)),
            [](Instrument&, Clause& c) { c.decision->rule = DecisionRule::EachParty; c.decision->by.clear(); });
      }
      if (instrument.binding != Binding::Legal) {
        add(instrument_idx, clause_idx, "binding political → legal (the instrument)", [](Instrument& i, Clause&) { i.binding = Binding::Legal; });
      }
    }
  }
  // Forces: the three guarantors with the greatest military reach (the others would add less).
  const GameParameters& parameters = loaded.scenario.parameters;
  auto reach = [&parameters](const std::string& party) {
    const auto found = parameters.power.find(party);
    return found == parameters.power.end() ? 0.0 : found->second.military * LossOfStrengthGradient(found->second.distance_km, parameters);
  };
  std::stable_sort(guarantors.begin(), guarantors.end(), [&](const std::string& a, const std::string& b) { return reach(a) > reach(b); });
  if (guarantors.size() > 3) guarantors.resize(3);
  const ScenarioDesign& spec = loaded.scenario.designs[design_idx];
  for (const auto& party : guarantors) {
    const bool present = std::find(spec.forces_in_place.begin(), spec.forces_in_place.end(), party) != spec.forces_in_place.end() ||
                         std::any_of(spec.forces.begin(), spec.forces.end(), [&](const ForceInPlace& f) { return f.party == party; });
    if (present || party == loaded.scenario.beneficiary) continue;
    Candidate candidate;
    candidate.instruments = base;
    candidate.extra_forces = {party};
    candidate.change = ClauseChange{"", "", fmt::format("forces of {} in place (reference size, away from the attack)", party), p_attack_before, 0.0};
    candidates.push_back(std::move(candidate));
  }
  std::vector<ClauseChange> changes;
  for (auto& candidate : candidates) {
    candidate.change.p_attack = Simulate(loaded, design_idx, candidate.instruments, candidate.extra_forces, parties, options);
    if (candidate.change.p_attack < p_attack_before) changes.push_back(candidate.change);
  }
  std::stable_sort(changes.begin(), changes.end(), [](const ClauseChange& a, const ClauseChange& b) { return a.p_attack < b.p_attack; });
  if (changes.size() > count) changes.resize(count);
  return changes;
}

}  // namespace casus
