#include "casus/games/guarantee_game.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

#include <boost/random/normal_distribution.hpp>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <pcg_random.hpp>

#include "casus/engine/adjudicate.hpp"
#include "casus/games/normal_integrals.hpp"

namespace casus {

namespace {

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

constexpr size_t kNoParty = static_cast<size_t>(-1);
constexpr size_t kMeansCount = 11;
constexpr double kInfinity = std::numeric_limits<double>::infinity();

const PartyPower* PowerOf(const GameParameters& parameters, const std::string& party) {
  const auto found = parameters.power.find(party);
  return found == parameters.power.end() ? nullptr : &found->second;
}

// The weight a party brings to means m before effectiveness (docs/guarantee-game.md, "Reach"):
// military weight × Boulding's gradient for military means, economic weight for the others, the
// mean of both for diplomacy. Without power data for the party: its `capability` (CINC) for every means.
double Reach(const GameParameters& parameters, const std::string& party, Means means) {
  const PartyPower* power = PowerOf(parameters, party);
  if (power == nullptr) {
    const auto found = parameters.capability.find(party);
    return found == parameters.capability.end() ? 0.0 : found->second;
  }
  const double military = power->organisation ? 0.0 : power->military * LossOfStrengthGradient(power->distance_km, parameters);
  if (means == Means::Diplomatic) return 0.5 * (military + power->economic);
  return IsMilitaryMeans(means) ? military : power->economic;
}

// A force's military weight in place: its share of its state's personnel × the state's weight.
double ForceWeight(const GameParameters& parameters, const std::string& party, double troops) {
  const PartyPower* power = PowerOf(parameters, party);
  if (power == nullptr || power->personnel <= 0.0) return 0.0;
  const double size = troops > 0.0 ? troops : parameters.forces_reference_troops;
  return power->military * std::min(1.0, size / (1000.0 * power->personnel));
}

// The design's forces, one per party: the detailed entries, then bare codes not yet listed.
std::vector<ForceInPlace> DesignForces(const GameDesign& design) {
  std::vector<ForceInPlace> forces = design.forces;
  for (const auto& party : design.forces_in_place) {
    if (std::none_of(forces.begin(), forces.end(), [&](const ForceInPlace& force) { return force.party == party; })) {
      forces.push_back(ForceInPlace{party, {}, 0.0});
    }
  }
  return forces;
}

// An option: one means a guarantor may respond with (its strongest commitment to it). A
// *co-term* is a co-decider's willingness index v_d − k_d(m) + ρ·c(d, m) + bonus_d(m).
struct CoTerm {
  size_t party = kNoParty;
  size_t means = 0;
  double strength = 0.0;
};

// How a rung's probability is integrated: alone (closed form), with one co-decider (the bivariate
// normal CDF), or the general case (quadrature over η).
enum class Integration { Alone, Pair, General };

struct Option {
  size_t guarantor = 0;
  size_t means = 0;       // the first of `package`
  std::vector<size_t> package;  // the means used together: one, or all of a fixed-means clause
  size_t commitment = 0;  // index into the commitments
  double strength = 0.0;
  double bonus = 0.0;     // forces in place: presence or tripwire (combat means only)
  double escalation = 0.0;  // p·D for a nuclear guarantor's combat means
  std::vector<size_t> co_terms;
  size_t quota = 0;
  Integration integration = Integration::Alone;
  bool armed = false;     // `package` holds armed force
};

struct CompiledParty {
  std::string id;
  bool guarantor = false;
  std::array<double, kMeansCount> reach{};   // before effectiveness; its mean when uncertain
  std::array<double, kMeansCount> bonus{};   // forces bonus per means
  double cost_markup = 1.0;                  // nuclear challenger
  Normal value;
  double free_riding = 0.0;
  bool own_reneging = false;
  double reneging_offset = 0.0;              // ρ_g − ρ̄
  std::vector<size_t> options;               // indices into CompiledDesign::options
  DesignOutcome::GuarantorFacts facts;
};

struct CompiledDesign {
  std::vector<CompiledParty> parties;
  std::vector<Option> options;
  std::vector<CoTerm> co_terms;
  std::array<double, kMeansCount> cost_mean{};
  std::array<double, kMeansCount> cost_sd{};
  std::array<double, kMeansCount> effectiveness_mean{};
  std::array<double, kMeansCount> effectiveness_sd{};
  double capability_sd = 0.0;
  std::vector<size_t> uncertain_cost;
  std::vector<size_t> uncertain_effectiveness;
  size_t max_co_deciders = 0;
  size_t co_variates = 0;
  // What a realised crisis can touch (the crisis loop's sums skip the rest, which stay 0): the
  // means in some option's package, ascending, and the parties that have options.
  std::vector<size_t> used_means;
  std::vector<size_t> acting_parties;
  double balance = 1.0;            // W / W̄ with forces
  double balance_without = 1.0;    // without
  bool AnyUncertainInput() const { return !uncertain_cost.empty() || !uncertain_effectiveness.empty() || capability_sd > 0.0; }
  size_t UncertainInputVariates() const {
    return uncertain_cost.size() + uncertain_effectiveness.size() + (capability_sd > 0.0 ? parties.size() : 0);
  }
};

// L(g, option): Σ over its package of reach × e_m, plus the escalation term.
double OptionLoss(const CompiledDesign& design, const Option& option, const std::array<double, kMeansCount>& effectiveness,
                  double capability_factor);

size_t CoTermIndex(CompiledDesign& design, size_t party, size_t means, double strength) {
  for (size_t idx = 0; idx < design.co_terms.size(); ++idx) {
    const CoTerm& term = design.co_terms[idx];
    if (term.party == party && term.means == means && term.strength == strength) return idx;
  }
  design.co_terms.push_back(CoTerm{party, means, strength});
  return design.co_terms.size() - 1;
}

double LocalBalance(const std::vector<ForceInPlace>& forces, const Incident& attack, const GameParameters& parameters) {
  const PartyPower* challenger = PowerOf(parameters, attack.by);
  const PartyPower* defender = PowerOf(parameters, attack.against);
  const double c = challenger == nullptr ? 0.0 : challenger->military * LossOfStrengthGradient(challenger->distance_km, parameters);
  double d = defender == nullptr ? 0.0 : defender->military * parameters.defender_strength;
  for (const auto& force : forces) d += ForceWeight(parameters, force.party, force.troops);
  return c + d > 0.0 ? 2.0 * d / (c + d) : 1.0;
}

CompiledDesign Compile(const GameDesign& design, const std::vector<Commitment>& commitments, const Incident& attack,
                       const GameParameters& parameters, const PartyTable& parties) {
  CompiledDesign compiled;
  std::vector<std::string> ids;
  for (const auto& commitment : commitments) {
    if (!Contains(ids, commitment.guarantor)) ids.push_back(commitment.guarantor);
    for (const auto& other : CoDeciders(commitment)) {
      if (!Contains(ids, other) && other != attack.by) ids.push_back(other);
    }
  }
  std::sort(ids.begin(), ids.end());
  auto index = [&ids](const std::string& party) {
    const auto found = std::find(ids.begin(), ids.end(), party);
    return found == ids.end() ? kNoParty : static_cast<size_t>(found - ids.begin());
  };
  auto lookup = [](const std::map<Means, double>& table, size_t means) {
    const auto found = table.find(static_cast<Means>(means));
    return found == table.end() ? 0.0 : found->second;
  };
  for (size_t means = 0; means < kMeansCount; ++means) {
    compiled.cost_mean[means] = lookup(parameters.cost, means);
    compiled.cost_sd[means] = lookup(parameters.cost_sd, means);
    compiled.effectiveness_mean[means] = lookup(parameters.effectiveness, means);
    compiled.effectiveness_sd[means] = lookup(parameters.effectiveness_sd, means);
  }
  compiled.capability_sd = parameters.capability_sd;
  const std::vector<ForceInPlace> forces = DesignForces(design);
  const PartyPower* challenger = PowerOf(parameters, attack.by);
  const bool nuclear_challenger = challenger != nullptr && challenger->nuclear;
  for (const auto& id : ids) {
    CompiledParty party;
    party.id = id;
    party.facts.guarantor = id;
    const PartyPower* power = PowerOf(parameters, id);
    if (power != nullptr) {
      party.facts.military = power->military;
      party.facts.economic = power->economic;
      party.facts.distance_km = power->distance_km;
      party.facts.gradient = power->organisation ? 0.0 : LossOfStrengthGradient(power->distance_km, parameters);
      party.facts.nuclear = power->nuclear;
    }
    for (size_t means = 0; means < kMeansCount; ++means) {
      party.reach[means] = Reach(parameters, id, static_cast<Means>(means));
      if (nuclear_challenger && IsCombatMeans(static_cast<Means>(means))) party.cost_markup = 1.0 + parameters.nuclear_cost_markup;
    }
    for (const auto& force : forces) {
      if (force.party != id) continue;
      const double size = force.troops > 0.0 ? force.troops : parameters.forces_reference_troops;
      party.facts.troops = size;
      party.facts.tripwire = StrikesForceArea(force, attack.where, parties);
      const double bonus = party.facts.tripwire ? parameters.tripwire_bonus
                                                : parameters.forces_bonus * std::min(1.0, size / std::max(parameters.forces_reference_troops, 1.0));
      for (size_t means = 0; means < kMeansCount; ++means) {
        if (IsCombatMeans(static_cast<Means>(means))) party.bonus[means] = bonus;
      }
    }
    const auto value = parameters.guarantor_values.find(id);
    party.value = value == parameters.guarantor_values.end() ? parameters.guarantor_value : value->second;
    if (const auto own = parameters.guarantor_reneging_cost.find(id); own != parameters.guarantor_reneging_cost.end()) {
      party.own_reneging = true;
      party.reneging_offset = own->second - parameters.reneging_cost;
    }
    compiled.parties.push_back(std::move(party));
  }
  for (size_t commitment_idx = 0; commitment_idx < commitments.size(); ++commitment_idx) {
    const Commitment& commitment = commitments[commitment_idx];
    const size_t guarantor = index(commitment.guarantor);
    compiled.parties[guarantor].guarantor = true;
    if (BlockedByChallenger(commitment, attack.by)) continue;  // the clause gives nothing
    // A clause whose means are fixed ("means_choice = fixed") obliges them together: one option,
    // the package, which the guarantor's first commitment from that clause stands for.
    const bool fixed = commitment.clause->duty && commitment.clause->duty->means_choice == MeansChoice::Fixed;
    if (fixed) {
      const bool seen = std::any_of(compiled.options.begin(), compiled.options.end(), [&](const Option& other) {
        return other.guarantor == guarantor && commitments[other.commitment].clause == commitment.clause;
      });
      if (seen) continue;
    }
    Option option;
    option.guarantor = guarantor;
    option.means = static_cast<size_t>(commitment.means);
    option.commitment = commitment_idx;
    option.strength = commitment.strength;
    for (const auto& other : commitments) {
      if (other.guarantor == commitment.guarantor && (fixed ? other.clause == commitment.clause : &other == &commitment)) {
        option.package.push_back(static_cast<size_t>(other.means));
      }
    }
    const PartyPower* power = PowerOf(parameters, commitment.guarantor);
    for (const size_t means : option.package) {
      option.bonus = std::max(option.bonus, compiled.parties[guarantor].bonus[means]);
      if (power != nullptr && power->nuclear && IsCombatMeans(static_cast<Means>(means))) {
        option.escalation = parameters.nuclear_escalation_probability * parameters.nuclear_escalation_loss;
      }
    }
    const auto others = CoDeciders(commitment);
    for (const auto& other : others) {
      double strength = 0.0;
      for (const auto& candidate : commitments) {
        if (candidate.guarantor == other && candidate.means == commitment.means) strength = candidate.strength;
      }
      option.co_terms.push_back(CoTermIndex(compiled, index(other), option.means, strength));
    }
    option.armed = std::find(option.package.begin(), option.package.end(), static_cast<size_t>(Means::ArmedForce)) != option.package.end();
    option.quota = CoDeciderQuota(commitment, others.size());
    option.integration = option.quota == 0 ? Integration::Alone : others.size() == 1 ? Integration::Pair : Integration::General;
    compiled.max_co_deciders = std::max(compiled.max_co_deciders, others.size());
    compiled.co_variates += others.size();
    compiled.parties[guarantor].options.push_back(compiled.options.size());
    compiled.options.push_back(std::move(option));
  }
  // Free riding: the others' share of the design's reach (each guarantor's strongest means).
  double total_reach = 0.0;
  std::vector<double> best(compiled.parties.size(), 0.0);
  for (const Option& option : compiled.options) {
    best[option.guarantor] = std::max(best[option.guarantor], OptionLoss(compiled, option, compiled.effectiveness_mean, 1.0));
  }
  for (const double reach : best) total_reach += reach;
  for (size_t party = 0; party < compiled.parties.size(); ++party) {
    CompiledParty& entry = compiled.parties[party];
    // A guarantor whose own forces are struck defends them: a private good (Sandler & Forbes 1980's
    // joint products), on which nobody can ride free.
    if (entry.guarantor && !entry.facts.tripwire && total_reach > 0.0) {
      entry.free_riding = parameters.free_riding * (1.0 - best[party] / total_reach);
    }
    entry.facts.free_riding = entry.free_riding;
    entry.facts.value_mean = entry.value.mean - entry.free_riding;
  }
  std::array<bool, kMeansCount> used{};
  for (const auto& commitment : commitments) used[static_cast<size_t>(commitment.means)] = true;
  for (size_t means = 0; means < kMeansCount; ++means) {
    if (used[means] && compiled.cost_sd[means] > 0.0) compiled.uncertain_cost.push_back(means);
  }
  for (size_t means = 0; means < kMeansCount; ++means) {
    if (used[means] && compiled.effectiveness_sd[means] > 0.0) compiled.uncertain_effectiveness.push_back(means);
  }
  std::array<bool, kMeansCount> in_package{};
  for (const Option& option : compiled.options) {
    for (const size_t means : option.package) in_package[means] = true;
  }
  for (size_t means = 0; means < kMeansCount; ++means) {
    if (in_package[means]) compiled.used_means.push_back(means);
  }
  for (size_t party = 0; party < compiled.parties.size(); ++party) {
    if (!compiled.parties[party].options.empty()) compiled.acting_parties.push_back(party);
  }
  compiled.balance = LocalBalance(forces, attack, parameters);
  compiled.balance_without = LocalBalance({}, attack, parameters);
  return compiled;
}

double OptionLoss(const CompiledDesign& design, const Option& option, const std::array<double, kMeansCount>& effectiveness,
                  double capability_factor) {
  double loss = option.escalation;
  for (const size_t means : option.package) loss += design.parties[option.guarantor].reach[means] * capability_factor * effectiveness[means];
  return loss;
}

// What E[L] needs besides the compiled design, built once per run.
struct LossIntegrals {
  double spread = 1.0;  // √(σ_η² + σ_ε²)
  BivariateNormalCdf pair;
  QuadratureRule shock;

  explicit LossIntegrals(const GameParameters& parameters)
      : spread(std::hypot(parameters.common_shock_sd, parameters.noise_sd)),
        pair(parameters.common_shock_sd * parameters.common_shock_sd / (spread * spread)),
        shock(CommonShockRule(parameters.common_shock_sd, parameters.noise_sd)) {}
};

// One rung of a guarantor's ladder in one draw: from resolve X ≥ threshold on, it responds with the
// option (or a stronger one); the rung adds `increment` to the loss it inflicts.
struct Rung {
  size_t option = 0;
  double threshold = 0.0;
  double increment = 0.0;
  double index = 0.0;  // v'_g − threshold: the willingness index of the rung
};

struct DrawScratch;
void PrepareLines(const CompiledDesign& design, DrawScratch& scratch);
void PrepareEnvelopes(const CompiledDesign& design, DrawScratch& scratch);

// Per-draw scratch space, allocated once per chunk.
struct DrawScratch {
  std::array<double, kMeansCount> cost{};
  std::array<double, kMeansCount> effectiveness{};
  std::vector<double> capability_factor;  // per party, 1 unless capability_sd > 0
  std::vector<double> value;              // v'_g per party (after free riding)
  std::vector<double> reneging;           // ρ_g per party
  std::vector<double> co_index;           // per co-term
  std::vector<double> co_standard;        // per co-term: co_index / spread
  std::vector<double> co_marginal;
  std::vector<double> co_willing;         // P(co-term willing | η) at a node
  std::vector<double> at_least;
  std::vector<Rung> rungs;                // all guarantors' rungs, guarantor by guarantor
  std::vector<size_t> rung_begin;         // per party, its first rung (rung_begin[p + 1]: end)
  std::vector<double> option_loss;        // L(g, m) per option in this draw
  std::vector<double> option_cost;        // k_g(option) per option in this draw: Σ over its package
  std::vector<double> rung_expected;      // per rung: increment × P(reached), for the decomposition
  struct Line {
    size_t option;
    double slope, intercept, loss;
  };
  std::vector<Line> lines;
  std::vector<Line> hull;
  std::vector<double> hull_start;
  // The ρ-free part of the lines (PrepareLines), per party from prepared_begin[p]: flat lines up to
  // prepared_sloped[p], then the sloped ones.
  struct PreparedLine {
    size_t option;
    double slope, cost, bonus, strength, loss;
  };
  std::vector<PreparedLine> prepared;
  std::vector<size_t> prepared_begin;
  std::vector<size_t> prepared_sloped;
  bool lines_fixed = false;  // prepared once: no drawn cost, effectiveness or capability
  // The envelope as a function of ρ_g (PrepareEnvelopes, when the lines are fixed): per party, the
  // sorted ρ values at which its membership can change, and per interval between them the lines
  // on the envelope, in order (empty `safe` entry: the interval is built per draw).
  struct Envelope {
    double baseline = 0.0;             // Baseline(): the same for every finite ρ_g (flat lines)
    std::vector<double> breaks;
    std::vector<size_t> member_begin;  // per interval, into members (member_begin[k + 1]: end)
    std::vector<PreparedLine> members;
    std::vector<char> safe;            // per interval
  };
  std::vector<Envelope> envelopes;
  bool use_envelopes = false;
  // With the lines fixed, a ladder depends on the draw only through ρ_g (its thresholds and
  // increments) and v'_g (each rung's index): the ρ_g the rungs were last built for, so that a draw
  // with the same ρ_g for every party (ρ not drawn) only updates the indices.
  std::vector<double> ladder_reneging;  // empty until the ladders are first built
  bool reuse_ladders = false;  // SimulateDesign turns it on when ρ is not drawn

  explicit DrawScratch(const CompiledDesign& design)
      : cost(design.cost_mean),
        effectiveness(design.effectiveness_mean),
        capability_factor(design.parties.size(), 1.0),
        value(design.parties.size()),
        reneging(design.parties.size()),
        co_index(design.co_terms.size()),
        co_standard(design.co_terms.size()),
        co_marginal(design.co_terms.size()),
        co_willing(design.co_terms.size()),
        at_least(design.max_co_deciders + 2),
        rung_begin(design.parties.size() + 1),
        option_loss(design.options.size()),
        option_cost(design.options.size()),
        prepared_begin(design.parties.size() + 1),
        prepared_sloped(design.parties.size()) {
    if (!design.AnyUncertainInput()) {
      PrepareLines(design, *this);
      lines_fixed = true;
      PrepareEnvelopes(design, *this);
    }
  }

  void DrawUncertainInputs(const CompiledDesign& design, const double*& next) {
    for (const size_t means : design.uncertain_cost) cost[means] = std::max(0.0, design.cost_mean[means] + design.cost_sd[means] * *next++);
    for (const size_t means : design.uncertain_effectiveness) {
      effectiveness[means] = std::max(0.0, design.effectiveness_mean[means] + design.effectiveness_sd[means] * *next++);
    }
    if (design.capability_sd > 0.0) {
      const double sd = design.capability_sd;
      for (double& factor : capability_factor) factor = std::exp(sd * *next++ - 0.5 * sd * sd);
    }
  }
};

double CostOf(const CompiledParty& party, size_t means, const DrawScratch& scratch) {
  return scratch.cost[means] * (IsCombatMeans(static_cast<Means>(means)) ? party.cost_markup : 1.0);
}

// A guarantor's response lines that do not depend on ρ (docs/guarantee-game.md, "Means are
// alternatives"): the response with m pays q_m·X + ρ_g·c(g, m) − k_g(m) + bonus_g(m), q_m =
// L(g, m) / max L(g, ·). Only the intercepts move with ρ, so the slopes, costs and their order are
// prepared once per chunk when no input that enters them is drawn (else once per draw). Per
// party: the flat lines (q_m ≤ 0: a response that costs the challenger nothing) in option order,
// then the others by slope (ties by option index).
void PrepareLines(const CompiledDesign& design, DrawScratch& scratch) {
  scratch.prepared.clear();
  for (size_t option_idx = 0; option_idx < design.options.size(); ++option_idx) {
    const Option& option = design.options[option_idx];
    scratch.option_loss[option_idx] = OptionLoss(design, option, scratch.effectiveness, scratch.capability_factor[option.guarantor]);
    double cost = 0.0;
    for (const size_t means : option.package) cost += CostOf(design.parties[option.guarantor], means, scratch);
    scratch.option_cost[option_idx] = cost;
  }
  for (size_t party_idx = 0; party_idx < design.parties.size(); ++party_idx) {
    scratch.prepared_begin[party_idx] = scratch.prepared.size();
    const CompiledParty& party = design.parties[party_idx];
    double max_loss = 0.0;
    for (const size_t option_idx : party.options) max_loss = std::max(max_loss, scratch.option_loss[option_idx]);
    for (const bool flat : {true, false}) {
      for (const size_t option_idx : party.options) {
        const Option& option = design.options[option_idx];
        const double loss = scratch.option_loss[option_idx];
        const double slope = max_loss > 0.0 ? loss / max_loss : 0.0;
        if ((slope <= 0.0) != flat) continue;
        scratch.prepared.push_back({option_idx, slope, scratch.option_cost[option_idx], option.bonus, option.strength, loss});
      }
      if (flat) scratch.prepared_sloped[party_idx] = scratch.prepared.size();
    }
    std::sort(scratch.prepared.begin() + static_cast<std::ptrdiff_t>(scratch.prepared_sloped[party_idx]), scratch.prepared.end(),
              [](const DrawScratch::PreparedLine& a, const DrawScratch::PreparedLine& b) {
                return a.slope != b.slope ? a.slope < b.slope : a.option < b.option;
              });
  }
  scratch.prepared_begin[design.parties.size()] = scratch.prepared.size();
}

// The best response of one party at ρ_g = `reneging`: the upper envelope of its lines, built
// incrementally (lines by slope; of lines with the same slope only the highest intercept, then the
// lowest option index, can be on it), into scratch.hull and scratch.hull_start (hull[0]: the best
// response that costs the challenger nothing, the baseline).
void BuildEnvelope(DrawScratch& scratch, size_t party_idx, double reneging, double baseline) {
  const size_t sloped = scratch.prepared_sloped[party_idx];
  const size_t end = scratch.prepared_begin[party_idx + 1];
  scratch.lines.clear();
  for (size_t idx = sloped; idx < end; ++idx) {
    const auto& line = scratch.prepared[idx];
    const double intercept = line.slope * reneging * line.strength - line.cost + line.bonus;
    if (!scratch.lines.empty() && scratch.lines.back().slope == line.slope) {
      if (intercept > scratch.lines.back().intercept) scratch.lines.back() = {line.option, line.slope, intercept, line.loss};
      continue;
    }
    scratch.lines.push_back({line.option, line.slope, intercept, line.loss});
  }
  scratch.hull.clear();
  scratch.hull_start.clear();
  scratch.hull.push_back({kNoParty, 0.0, baseline, 0.0});
  scratch.hull_start.push_back(-kInfinity);
  for (const auto& line : scratch.lines) {
    double start = -kInfinity;
    while (true) {
      const auto& top = scratch.hull.back();
      start = (top.intercept - line.intercept) / (line.slope - top.slope);
      if (scratch.hull.size() > 1 && start <= scratch.hull_start.back()) {
        scratch.hull.pop_back();
        scratch.hull_start.pop_back();
        continue;
      }
      break;
    }
    scratch.hull.push_back(line);
    scratch.hull_start.push_back(start);
  }
}

// The best payoff of a response that costs the challenger nothing (flat lines, or none: 0).
double Baseline(const DrawScratch& scratch, size_t party_idx, double reneging) {
  double baseline = 0.0;
  for (size_t idx = scratch.prepared_begin[party_idx]; idx < scratch.prepared_sloped[party_idx]; ++idx) {
    const auto& line = scratch.prepared[idx];
    baseline = std::max(baseline, line.slope * reneging * line.strength - line.cost + line.bonus);
  }
  return baseline;
}

// Which lines are on the envelope changes with ρ_g only where two lines of the same slope have
// equal intercepts or three lines meet in one point (the intercepts are linear in ρ_g: a·ρ_g + b,
// a = q·c, b = bonus − cost). Those ρ values split the axis into intervals, on each of which the
// membership is fixed: it is found once per chunk by BuildEnvelope itself (at three points of the
// interval, which must agree, else the interval stays per draw). Per draw only the members'
// intercepts and their crossings are computed, with the same expressions as BuildEnvelope, so the
// rungs are the same to the bit; within kEnvelopeGuard of a break a draw builds its envelope in
// full (rounding near a break decides there).
constexpr double kEnvelopeGuard = 1e-7;
constexpr double kEnvelopeRange = 1e3;  // |ρ_g| beyond which the envelope is built per draw

void PrepareEnvelopes(const CompiledDesign& design, DrawScratch& scratch) {
  scratch.envelopes.assign(design.parties.size(), {});
  for (size_t party_idx = 0; party_idx < design.parties.size(); ++party_idx) {
    DrawScratch::Envelope& envelope = scratch.envelopes[party_idx];
    const size_t sloped = scratch.prepared_sloped[party_idx];
    const size_t end = scratch.prepared_begin[party_idx + 1];
    // The baseline's value does not depend on ρ_g (its lines are flat): a line a = 0, b = baseline.
    const double baseline = Baseline(scratch, party_idx, 0.0);
    envelope.baseline = baseline;
    struct Linear {
      double slope, a, b;
    };
    std::vector<Linear> lines{{0.0, 0.0, baseline}};
    for (size_t idx = sloped; idx < end; ++idx) {
      const auto& line = scratch.prepared[idx];
      lines.push_back({line.slope, line.slope * line.strength, line.bonus - line.cost});
    }
    std::vector<double>& breaks = envelope.breaks;
    for (size_t i = 0; i < lines.size(); ++i) {
      for (size_t j = i + 1; j < lines.size(); ++j) {
        const Linear& li = lines[i];
        const Linear& lj = lines[j];
        if (li.slope == lj.slope) {
          if (li.a != lj.a) breaks.push_back((lj.b - li.b) / (li.a - lj.a));
          continue;
        }
        // Their crossing X_ij(ρ) = p_ij·ρ + q_ij; three lines meet where X_ij = X_ik.
        const double p_ij = (li.a - lj.a) / (lj.slope - li.slope);
        const double q_ij = (li.b - lj.b) / (lj.slope - li.slope);
        for (size_t k = j + 1; k < lines.size(); ++k) {
          const Linear& lk = lines[k];
          if (lk.slope == li.slope) continue;
          const double p_ik = (li.a - lk.a) / (lk.slope - li.slope);
          const double q_ik = (li.b - lk.b) / (lk.slope - li.slope);
          if (p_ij != p_ik) breaks.push_back((q_ik - q_ij) / (p_ij - p_ik));
        }
      }
    }
    // Breaks far outside the range of ρ (rounding makes parallel crossings meet near 1e16) are
    // dropped: beyond ±kEnvelopeRange every draw builds its envelope in full.
    breaks.erase(std::remove_if(breaks.begin(), breaks.end(), [](double value) { return !(std::abs(value) < kEnvelopeRange); }),
                 breaks.end());
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());
    const size_t intervals = breaks.size() + 1;
    envelope.member_begin.assign(1, 0);
    envelope.safe.assign(intervals, 1);
    auto members_at = [&](double reneging) {
      BuildEnvelope(scratch, party_idx, reneging, Baseline(scratch, party_idx, reneging));
      std::vector<size_t> options;
      for (size_t hull_idx = 1; hull_idx < scratch.hull.size(); ++hull_idx) options.push_back(scratch.hull[hull_idx].option);
      return options;
    };
    for (size_t interval = 0; interval < intervals; ++interval) {
      const double low = interval == 0 ? -kEnvelopeRange : breaks[interval - 1];
      const double high = interval + 1 == intervals ? kEnvelopeRange : breaks[interval];
      const double width = high - low;
      const std::vector<size_t> middle = members_at(low + 0.5 * width);
      if (members_at(low + 0.01 * width) != middle || members_at(high - 0.01 * width) != middle) envelope.safe[interval] = 0;
      for (const size_t option : middle) {
        for (size_t idx = sloped; idx < end; ++idx) {
          if (scratch.prepared[idx].option == option) envelope.members.push_back(scratch.prepared[idx]);
        }
      }
      envelope.member_begin.push_back(envelope.members.size());
    }
  }
  scratch.use_envelopes = true;
}

// Each guarantor's ladder in this draw: the best response is the upper envelope of its lines, so
// the chosen means rises with resolve, and each rung adds L(rung) − L(rung below).
void BuildLadders(const CompiledDesign& design, DrawScratch& scratch) {
  if (scratch.reuse_ladders && !scratch.ladder_reneging.empty() && scratch.reneging == scratch.ladder_reneging) {
    // The same thresholds and increments as a rebuild would compute; only v'_g moved.
    for (size_t party_idx = 0; party_idx < design.parties.size(); ++party_idx) {
      const double value = scratch.value[party_idx];
      for (size_t rung_idx = scratch.rung_begin[party_idx]; rung_idx < scratch.rung_begin[party_idx + 1]; ++rung_idx) {
        scratch.rungs[rung_idx].index = value - scratch.rungs[rung_idx].threshold;
      }
    }
    return;
  }
  if (!scratch.lines_fixed) PrepareLines(design, scratch);
  scratch.rungs.clear();
  for (size_t party_idx = 0; party_idx < design.parties.size(); ++party_idx) {
    scratch.rung_begin[party_idx] = scratch.rungs.size();
    if (scratch.prepared_begin[party_idx] == scratch.prepared_begin[party_idx + 1]) continue;
    const double reneging = scratch.reneging[party_idx];
    const double value = scratch.value[party_idx];
    if (scratch.use_envelopes) {
      const DrawScratch::Envelope& envelope = scratch.envelopes[party_idx];
      size_t interval = 0;
      while (interval < envelope.breaks.size() && envelope.breaks[interval] < reneging) ++interval;
      const double guard = kEnvelopeGuard * (1.0 + std::abs(reneging));
      const bool near = (interval > 0 && reneging - envelope.breaks[interval - 1] <= guard) ||
                        (interval < envelope.breaks.size() && envelope.breaks[interval] - reneging <= guard);
      if (!near && envelope.safe[interval] && std::abs(reneging) < kEnvelopeRange) {
        // The flat lines' intercepts are 0·ρ_g·s − k + bonus: the same bits for any finite ρ_g.
        double intercept_below = envelope.baseline;
        double slope_below = 0.0;
        double loss_below = 0.0;
        for (size_t idx = envelope.member_begin[interval]; idx < envelope.member_begin[interval + 1]; ++idx) {
          const auto& line = envelope.members[idx];
          const double intercept = line.slope * reneging * line.strength - line.cost + line.bonus;
          const double start = (intercept_below - intercept) / (line.slope - slope_below);
          scratch.rungs.push_back(Rung{line.option, start, line.loss - loss_below, value - start});
          intercept_below = intercept;
          slope_below = line.slope;
          loss_below = line.loss;
        }
        continue;
      }
    }
    BuildEnvelope(scratch, party_idx, reneging, Baseline(scratch, party_idx, reneging));
    for (size_t hull_idx = 1; hull_idx < scratch.hull.size(); ++hull_idx) {
      const double increment = scratch.hull[hull_idx].loss - scratch.hull[hull_idx - 1].loss;
      scratch.rungs.push_back(Rung{scratch.hull[hull_idx].option, scratch.hull_start[hull_idx], increment, value - scratch.hull_start[hull_idx]});
    }
  }
  scratch.rung_begin[design.parties.size()] = scratch.rungs.size();
  if (scratch.reuse_ladders && scratch.lines_fixed) {
    scratch.ladder_reneging = scratch.reneging;
  }
}

void ComputeCoIndices(const CompiledDesign& design, double mean_value, DrawScratch& scratch, double spread) {
  for (size_t term_idx = 0; term_idx < design.co_terms.size(); ++term_idx) {
    const CoTerm& term = design.co_terms[term_idx];
    if (term.party == kNoParty) {
      scratch.co_index[term_idx] = mean_value - scratch.cost[term.means];
    } else {
      const CompiledParty& party = design.parties[term.party];
      scratch.co_index[term_idx] = scratch.value[term.party] - CostOf(party, term.means, scratch) +
                                   scratch.reneging[term.party] * term.strength + party.bonus[term.means];
    }
    scratch.co_standard[term_idx] = scratch.co_index[term_idx] / spread;
    scratch.co_marginal[term_idx] = NormalCdf(scratch.co_standard[term_idx]);
  }
}

double CoDecidersAtLeast(const Option& option, const std::vector<double>& willing, std::vector<double>& count) {
  const size_t members = option.co_terms.size();
  if (option.quota == members) {
    double all = 1.0;
    for (const size_t term : option.co_terms) all *= willing[term];
    return all;
  }
  std::fill(count.begin(), count.begin() + static_cast<std::ptrdiff_t>(members + 1), 0.0);
  count[0] = 1.0;
  for (size_t member = 0; member < members; ++member) {
    const double p = willing[option.co_terms[member]];
    for (size_t k = member + 1; k > 0; --k) count[k] = count[k] * (1.0 - p) + count[k - 1] * p;
    count[0] *= 1.0 - p;
  }
  double total = 0.0;
  for (size_t k = option.quota; k <= members; ++k) total += count[k];
  return total;
}

// E[L] = Σ over rungs of increment × P(X_g ≥ threshold and the rung's co-deciders agree), each
// term also stored in rung_expected for the decomposition.
double ExpectedLossOfRungs(const CompiledDesign& design, const LossIntegrals& integrals, const GameParameters& parameters,
                           DrawScratch& scratch) {
  scratch.rung_expected.resize(scratch.rungs.size());  // every element is written below
  double expected = 0.0;
  bool any_general = false;
  for (size_t rung_idx = 0; rung_idx < scratch.rungs.size(); ++rung_idx) {
    const Rung& rung = scratch.rungs[rung_idx];
    const Option& option = design.options[rung.option];
    const double h = rung.index / integrals.spread;
    double term = 0.0;
    switch (option.integration) {
      case Integration::Alone: term = rung.increment * NormalCdf(h); break;
      case Integration::Pair: {
        const size_t other = option.co_terms.front();
        term = rung.increment * integrals.pair(h, scratch.co_standard[other], NormalCdf(h), scratch.co_marginal[other]);
        break;
      }
      case Integration::General: any_general = true; break;
    }
    scratch.rung_expected[rung_idx] = term;
    expected += term;
  }
  if (!any_general) return expected;
  for (size_t node_idx = 0; node_idx < integrals.shock.nodes.size(); ++node_idx) {
    const double shock = parameters.common_shock_sd * integrals.shock.nodes[node_idx];
    for (size_t term_idx = 0; term_idx < design.co_terms.size(); ++term_idx) {
      scratch.co_willing[term_idx] = NormalCdf((scratch.co_index[term_idx] + shock) / parameters.noise_sd);
    }
    for (size_t rung_idx = 0; rung_idx < scratch.rungs.size(); ++rung_idx) {
      const Rung& rung = scratch.rungs[rung_idx];
      const Option& option = design.options[rung.option];
      if (option.integration != Integration::General) continue;
      const double term = integrals.shock.weights[node_idx] * rung.increment * NormalCdf((rung.index + shock) / parameters.noise_sd) *
                          CoDecidersAtLeast(option, scratch.co_willing, scratch.at_least);
      scratch.rung_expected[rung_idx] += term;
      expected += term;
    }
  }
  return expected;
}

void SetValuesAndReneging(const CompiledDesign& design, const std::vector<double>& drawn_values, double reneging_cost,
                          DrawScratch& scratch) {
  for (size_t party_idx = 0; party_idx < design.parties.size(); ++party_idx) {
    const CompiledParty& party = design.parties[party_idx];
    scratch.value[party_idx] = drawn_values[party_idx] - party.free_riding;
    scratch.reneging[party_idx] = party.own_reneging ? std::max(0.0, reneging_cost + party.reneging_offset) : reneging_cost;
  }
}

// Per chunk, the sums the estimates and their standard errors need: Σp, Σp², and for each
// quantity x "| attack", Σpx, Σp²x and Σp²x² (for the binary ones x² = x); and the sums of the
// decomposition (docs/guarantee-game.md, "Explain").
struct ChunkSums {
  double p = 0.0;
  double p_squared = 0.0;
  double p_armed = 0.0;
  double p2_armed = 0.0;
  std::array<double, kMeansCount> p_means{};
  std::array<double, kMeansCount> p2_means{};
  std::vector<double> p_cost;
  std::vector<double> p2_cost;
  std::vector<double> p2_cost_squared;
  double p_total_cost = 0.0;
  double p2_total_cost = 0.0;
  double p2_total_cost_squared = 0.0;
  // The decomposition.
  double p_without = 0.0;
  double forces_reduction = 0.0;
  double war_cost = 0.0;
  double war_cost_without = 0.0;
  double expected_loss = 0.0;
  double gain = 0.0;
  std::vector<double> option_expected;
  std::vector<double> option_reduction;
  std::vector<double> option_p_used;

  void Resize(size_t parties, size_t options) {
    p_cost.assign(parties, 0.0);
    p2_cost.assign(parties, 0.0);
    p2_cost_squared.assign(parties, 0.0);
    option_expected.assign(options, 0.0);
    option_reduction.assign(options, 0.0);
    option_p_used.assign(options, 0.0);
  }
  void Add(const ChunkSums& other) {
    p += other.p;
    p_squared += other.p_squared;
    p_armed += other.p_armed;
    p2_armed += other.p2_armed;
    p_total_cost += other.p_total_cost;
    p2_total_cost += other.p2_total_cost;
    p2_total_cost_squared += other.p2_total_cost_squared;
    p_without += other.p_without;
    forces_reduction += other.forces_reduction;
    war_cost += other.war_cost;
    war_cost_without += other.war_cost_without;
    expected_loss += other.expected_loss;
    gain += other.gain;
    for (size_t means_idx = 0; means_idx < kMeansCount; ++means_idx) {
      p_means[means_idx] += other.p_means[means_idx];
      p2_means[means_idx] += other.p2_means[means_idx];
    }
    for (size_t party_idx = 0; party_idx < p_cost.size(); ++party_idx) {
      p_cost[party_idx] += other.p_cost[party_idx];
      p2_cost[party_idx] += other.p2_cost[party_idx];
      p2_cost_squared[party_idx] += other.p2_cost_squared[party_idx];
    }
    for (size_t option_idx = 0; option_idx < option_expected.size(); ++option_idx) {
      option_expected[option_idx] += other.option_expected[option_idx];
      option_reduction[option_idx] += other.option_reduction[option_idx];
      option_p_used[option_idx] += other.option_p_used[option_idx];
    }
  }
};

// The delta-method standard error of the ratio estimator R = Σpx / Σp, from Σp²x² − 2RΣp²x + R²Σp².
double RatioStandardError(double ratio, double p_sum, double p2_sum, double p2x_sum, double p2x2_sum) {
  if (p_sum <= 0.0) return 0.0;
  const double spread = std::max(0.0, p2x2_sum - 2.0 * ratio * p2x_sum + ratio * ratio * p2_sum);
  return std::sqrt(spread) / p_sum;
}

constexpr double kZ95 = 1.959963984540054;

}  // namespace

double LocalBalanceFactor(const GameDesign& design, const Incident& attack, const GameParameters& parameters, bool with_forces) {
  return LocalBalance(with_forces ? DesignForces(design) : std::vector<ForceInPlace>{}, attack, parameters);
}

double ExpectedLoss(const std::vector<Commitment>& commitments, const std::map<std::string, double>& values,
                    const Incident& attack, const GameParameters& parameters, const PartyTable& parties) {
  const CompiledDesign design = Compile(GameDesign{}, commitments, attack, parameters, parties);
  std::vector<double> drawn;
  for (const auto& party : design.parties) {
    const auto found = values.find(party.id);
    drawn.push_back(found == values.end() ? party.value.mean : found->second);
  }
  const LossIntegrals integrals(parameters);
  DrawScratch scratch(design);
  SetValuesAndReneging(design, drawn, parameters.reneging_cost, scratch);
  BuildLadders(design, scratch);
  ComputeCoIndices(design, parameters.guarantor_value.mean, scratch, integrals.spread);
  return ExpectedLossOfRungs(design, integrals, parameters, scratch);
}

DesignOutcome SimulateDesign(const GameDesign& design, const std::vector<Commitment>& commitments, const Incident& attack,
                             const GameParameters& parameters, const PartyTable& parties, const SimulationOptions& options) {
  DesignOutcome outcome;
  outcome.id = design.id;
  outcome.triggered_commitments = commitments.size();
  const CompiledDesign compiled = Compile(design, commitments, attack, parameters, parties);
  const LossIntegrals integrals(parameters);
  const size_t party_count = compiled.parties.size();
  const size_t option_count = compiled.options.size();
  constexpr int64_t kChunk = 1024;
  const int64_t draws = std::max<int64_t>(1, options.draws);
  const int64_t chunks = (draws + kChunk - 1) / kChunk;
  std::vector<ChunkSums> sums(static_cast<size_t>(chunks));
  const Normal gain_prior = parameters.challenger_gain;
  const Normal war_cost_prior = parameters.challenger_war_cost;
  const double type_sd = parameters.challenger_type_sd;
  const double shock_sd = parameters.common_shock_sd;
  const double noise_sd = parameters.noise_sd;
  const Normal reneging_prior{parameters.reneging_cost, parameters.reneging_cost_sd};
  const bool draw_reneging = reneging_prior.sd > 0.0;
  const bool uncertain_inputs = compiled.AnyUncertainInput();
  // Where each option's co-deciders' ε sit in the crisis block.
  std::vector<size_t> co_offset(option_count, 0);
  for (size_t option_idx = 1; option_idx < option_count; ++option_idx) {
    co_offset[option_idx] = co_offset[option_idx - 1] + compiled.options[option_idx - 1].co_terms.size();
  }
  // Two streams per chunk: the game's draws (G, W̄, ρ, values, uncertain inputs) and the realised
  // crisis (η, ε). Common random numbers: designs with the same parties see the same game draws,
  // however many co-deciders their clauses add (docs/guarantee-game.md, "Reproducibility").
  const size_t game_variates = 2 + (draw_reneging ? 1 : 0) + party_count + compiled.UncertainInputVariates();
  const size_t crisis_variates = 1 + party_count + compiled.co_variates;
  DrawScratch prepared_scratch(compiled);  // lines and envelopes prepared once, copied per chunk
  prepared_scratch.use_envelopes = prepared_scratch.use_envelopes && options.prepared_envelopes;
  prepared_scratch.reuse_ladders = options.prepared_envelopes && !draw_reneging;  // a drawn ρ moves every ladder
  auto run_chunk = [&](int64_t chunk_idx) {
    pcg64 random(options.seed, static_cast<uint64_t>(chunk_idx));
    pcg64 crisis_random(options.seed, static_cast<uint64_t>(chunk_idx) | (uint64_t{1} << 62));
    boost::random::normal_distribution<double> normal(0.0, 1.0);  // a ziggurat (Marsaglia & Tsang 2000)
    ChunkSums sum;
    sum.Resize(party_count, option_count);
    std::vector<double> values(party_count);
    DrawScratch scratch = prepared_scratch;
    std::vector<double> cost(party_count);
    // A draw's standard normal variates, in this order: G, W̄, ρ (only when its sd > 0), a value per
    // party, the uncertain costs, effectivenesses and capabilities; then, from the crisis stream,
    // η, ε per party and ε for each option's co-deciders.
    std::vector<double> variates(game_variates + crisis_variates);
    const int64_t first = chunk_idx * kChunk;
    const int64_t last = std::min(draws, first + kChunk);
    for (int64_t draw_idx = first; draw_idx < last; ++draw_idx) {
      for (size_t idx = 0; idx < game_variates; ++idx) variates[idx] = normal(random);
      for (size_t idx = game_variates; idx < variates.size(); ++idx) variates[idx] = normal(crisis_random);
      const double* next = variates.data();
      const double gain = gain_prior.mean + gain_prior.sd * *next++;
      const double war_cost_at_parity = war_cost_prior.mean + war_cost_prior.sd * *next++;
      const double reneging_cost = draw_reneging ? std::max(0.0, reneging_prior.mean + reneging_prior.sd * *next++) : reneging_prior.mean;
      for (size_t party_idx = 0; party_idx < party_count; ++party_idx) {
        const Normal& prior = compiled.parties[party_idx].value;
        values[party_idx] = prior.mean + prior.sd * *next++;
      }
      if (uncertain_inputs) scratch.DrawUncertainInputs(compiled, next);
      SetValuesAndReneging(compiled, values, reneging_cost, scratch);
      BuildLadders(compiled, scratch);
      ComputeCoIndices(compiled, parameters.guarantor_value.mean, scratch, integrals.spread);
      const double expected_loss = ExpectedLossOfRungs(compiled, integrals, parameters, scratch);
      const double war_cost = war_cost_at_parity * compiled.balance;
      const double war_cost_without = war_cost_at_parity * compiled.balance_without;
      const double p_attack = NormalCdf((gain - war_cost - expected_loss) / type_sd);
      const double p_without = NormalCdf((gain - war_cost_without) / type_sd);
      // The decomposition of P(without) − P(attack) along the diagonal (Aumann–Shapley for a
      // function of a sum): each piece of the shift (the forces' W − W₀, each rung's E[L] term)
      // gets its share of the difference.
      const double shift = (war_cost - war_cost_without) + expected_loss;
      const double reduction = p_without - p_attack;
      sum.p_without += p_without;
      sum.war_cost += war_cost;
      sum.war_cost_without += war_cost_without;
      sum.expected_loss += expected_loss;
      sum.gain += gain;
      if (shift != 0.0) sum.forces_reduction += reduction * (war_cost - war_cost_without) / shift;
      for (size_t rung_idx = 0; rung_idx < scratch.rungs.size(); ++rung_idx) {
        const size_t option_idx = scratch.rungs[rung_idx].option;
        sum.option_expected[option_idx] += scratch.rung_expected[rung_idx];
        if (shift != 0.0) sum.option_reduction[option_idx] += reduction * scratch.rung_expected[rung_idx] / shift;
      }
      // A realised crisis: η, then each guarantor's resolve X_g = v'_g + η + ε_g picks the highest
      // rung it reaches whose co-deciders agree (a co-decider's ε is drawn per option).
      const double shock = shock_sd * *next++;
      const double* party_noise = next;
      next += party_count;
      const double* co_noise = next;
      double armed = 0.0;
      std::array<double, kMeansCount> used{};
      std::fill(cost.begin(), cost.end(), 0.0);
      for (size_t party_idx = 0; party_idx < party_count; ++party_idx) {
        const size_t begin = scratch.rung_begin[party_idx];
        const size_t end = scratch.rung_begin[party_idx + 1];
        if (begin == end) continue;
        const double resolve = scratch.value[party_idx] + shock + noise_sd * party_noise[party_idx];
        for (size_t rung_idx = end; rung_idx-- > begin;) {
          const Rung& rung = scratch.rungs[rung_idx];
          if (resolve < rung.threshold) continue;
          const Option& option = compiled.options[rung.option];
          size_t willing_others = 0;
          for (size_t co_idx = 0; co_idx < option.co_terms.size(); ++co_idx) {
            const size_t term = option.co_terms[co_idx];
            willing_others += static_cast<size_t>(scratch.co_index[term] + shock + noise_sd * co_noise[co_offset[rung.option] + co_idx] >= 0.0);
          }
          if (willing_others < option.quota) continue;
          for (const size_t means : option.package) used[means] = 1.0;
          if (option.armed) armed = 1.0;
          cost[party_idx] = scratch.option_cost[rung.option];  // the same sum as adding its package here
          sum.option_p_used[rung.option] += p_attack;
          break;
        }
      }
      const double p_squared = p_attack * p_attack;
      sum.p += p_attack;
      sum.p_squared += p_squared;
      sum.p_armed += armed * p_attack;
      sum.p2_armed += armed * p_squared;
      for (const size_t means_idx : compiled.used_means) {
        sum.p_means[means_idx] += used[means_idx] * p_attack;
        sum.p2_means[means_idx] += used[means_idx] * p_squared;
      }
      double total_cost = 0.0;
      for (const size_t party_idx : compiled.acting_parties) {
        sum.p_cost[party_idx] += p_attack * cost[party_idx];
        sum.p2_cost[party_idx] += p_squared * cost[party_idx];
        sum.p2_cost_squared[party_idx] += p_squared * cost[party_idx] * cost[party_idx];
        total_cost += cost[party_idx];
      }
      sum.p_total_cost += p_attack * total_cost;
      sum.p2_total_cost += p_squared * total_cost;
      sum.p2_total_cost_squared += p_squared * total_cost * total_cost;
    }
    sums[static_cast<size_t>(chunk_idx)] = std::move(sum);
  };
  {
    std::unique_ptr<oneapi::tbb::global_control> limit;
    if (options.threads > 0) {
      limit = std::make_unique<oneapi::tbb::global_control>(oneapi::tbb::global_control::max_allowed_parallelism,
                                                            static_cast<size_t>(options.threads));
    }
    oneapi::tbb::parallel_for(int64_t{0}, chunks, run_chunk);
  }
  ChunkSums total;  // reduced in chunk order: the same bits for any number of threads
  total.Resize(party_count, option_count);
  for (const auto& sum : sums) total.Add(sum);
  const double n = static_cast<double>(draws);
  outcome.p_attack = total.p / n;
  const double variance = std::max(0.0, total.p_squared / n - outcome.p_attack * outcome.p_attack);
  outcome.p_attack_se = std::sqrt(variance / n);
  outcome.p_attack_ci95[0] = std::max(0.0, outcome.p_attack - kZ95 * outcome.p_attack_se);
  outcome.p_attack_ci95[1] = std::min(1.0, outcome.p_attack + kZ95 * outcome.p_attack_se);
  const double attack_mass = total.p > 0.0 ? total.p : 1.0;
  const double armed = total.p_armed / attack_mass;
  outcome.p_collective_armed_response = armed;
  outcome.p_collective_armed_response_se = RatioStandardError(armed, total.p, total.p_squared, total.p2_armed, total.p2_armed);
  outcome.p_collective_armed_response_ci95[0] = std::max(0.0, armed - kZ95 * outcome.p_collective_armed_response_se);
  outcome.p_collective_armed_response_ci95[1] = std::min(1.0, armed + kZ95 * outcome.p_collective_armed_response_se);
  for (const auto& commitment : commitments) {
    const auto means_idx = static_cast<size_t>(commitment.means);
    const std::string name(ToString(commitment.means));
    const double mix = total.p_means[means_idx] / attack_mass;
    outcome.response_mix[name] = mix;
    outcome.response_mix_se[name] =
        RatioStandardError(mix, total.p, total.p_squared, total.p2_means[means_idx], total.p2_means[means_idx]);
  }
  for (size_t party_idx = 0; party_idx < party_count; ++party_idx) {
    if (!compiled.parties[party_idx].guarantor) continue;
    const double cost = total.p_cost[party_idx] / attack_mass;
    outcome.guarantor_cost[compiled.parties[party_idx].id] = cost;
    outcome.guarantor_cost_se[compiled.parties[party_idx].id] =
        RatioStandardError(cost, total.p, total.p_squared, total.p2_cost[party_idx], total.p2_cost_squared[party_idx]);
  }
  outcome.total_guarantor_cost = total.p_total_cost / attack_mass;
  outcome.total_guarantor_cost_se = RatioStandardError(outcome.total_guarantor_cost, total.p, total.p_squared, total.p2_total_cost,
                                                       total.p2_total_cost_squared);
  outcome.p_attack_without_guarantee = total.p_without / n;
  outcome.forces_p_attack_reduction = total.forces_reduction / n;
  outcome.war_cost = total.war_cost / n;
  outcome.war_cost_without_forces = total.war_cost_without / n;
  outcome.expected_loss = total.expected_loss / n;
  outcome.challenger_gain = total.gain / n;
  // L(g, m) at the means of the uncertain inputs, for the table.
  for (size_t option_idx = 0; option_idx < option_count; ++option_idx) {
    const Option& option = compiled.options[option_idx];
    DesignOutcome::Contribution row;
    row.guarantor = compiled.parties[option.guarantor].id;
    for (const size_t means : option.package) {
      if (!row.means.empty()) row.means.push_back('+');
      row.means.append(ToString(static_cast<Means>(means)));
    }
    row.loss = OptionLoss(compiled, option, compiled.effectiveness_mean, 1.0);
    row.expected_loss = total.option_expected[option_idx] / n;
    row.p_attack_reduction = total.option_reduction[option_idx] / n;
    row.p_used = total.option_p_used[option_idx] / attack_mass;
    outcome.contributions.push_back(std::move(row));
  }
  for (const auto& party : compiled.parties) {
    if (party.guarantor) outcome.guarantors.push_back(party.facts);
  }
  return outcome;
}

}  // namespace casus
