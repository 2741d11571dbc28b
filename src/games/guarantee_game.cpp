#include "casus/games/guarantee_game.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

#include <Eigen/Eigenvalues>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>
#include <pcg_random.hpp>

#include "casus/engine/adjudicate.hpp"

namespace casus {

namespace {

double Phi(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

// Nodes and weights for E[f(η)], η ~ N(0, 1): Gauss–Hermite (probabilists') by Golub–Welsch.
struct Quadrature {
  std::vector<double> nodes;
  std::vector<double> weights;
};
const Quadrature& NormalQuadrature() {
  static const Quadrature quadrature = [] {
    constexpr int kNodes = 24;
    Eigen::MatrixXd jacobi = Eigen::MatrixXd::Zero(kNodes, kNodes);
    for (int k = 1; k < kNodes; ++k) jacobi(k, k - 1) = jacobi(k - 1, k) = std::sqrt(static_cast<double>(k));
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(jacobi);
    Quadrature result;
    for (int k = 0; k < kNodes; ++k) {
      result.nodes.push_back(solver.eigenvalues()(k));
      result.weights.push_back(solver.eigenvectors()(0, k) * solver.eigenvectors()(0, k));
    }
    return result;
  }();
  return quadrature;
}

double DutyWeight(const Duty& duty) {
  double weight = 0.0;
  switch (duty.strength) {
    case DutyStrength::AllMeans: weight = 1.0; break;
    case DutyStrength::Assist: weight = 0.8; break;
    case DutyStrength::Act: weight = 0.6; break;
    case DutyStrength::Consult: weight = 0.3; break;
    case DutyStrength::SeekUnAction: weight = 0.1; break;
    case DutyStrength::None: weight = 0.0; break;
  }
  return duty.constitutional ? 0.75 * weight : weight;
}

bool Contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// Whether the challenger can stop this commitment's clause outright: by its place in the
// attribution or the decision (consensus including it, a Security Council where it holds a veto).
bool BlockedByChallenger(const Commitment& commitment, const std::string& challenger) {
  const Clause& clause = *commitment.clause;
  if (clause.trigger && clause.trigger->attribution && Contains(BlockingParties(*clause.trigger->attribution), challenger)) {
    return true;
  }
  return clause.decision && Contains(BlockingParties(*clause.decision), challenger);
}

// The members whose willingness a commitment's decision rule also needs (beyond the guarantor's own).
std::vector<std::string> CoDeciders(const Commitment& commitment) {
  if (!commitment.clause->decision) return {};
  const Decision& decision = *commitment.clause->decision;
  switch (decision.rule) {
    case DecisionRule::Consensus:
    case DecisionRule::Unanimity:
    case DecisionRule::Single:
    case DecisionRule::Majority:
    case DecisionRule::TwoThirds: {
      std::vector<std::string> others;
      for (const auto& party : decision.by) {
        if (party != commitment.guarantor) others.push_back(party);
      }
      return others;
    }
    default: return {};
  }
}

// The quota of co-deciders (besides the guarantor) that must be willing: all for consensus and
// single, a share for majority (> 1/2) and two-thirds (≥ 2/3) of the whole set.
size_t Quota(const Commitment& commitment, size_t co_deciders) {
  if (!commitment.clause->decision) return 0;
  const size_t members = co_deciders + 1;
  switch (commitment.clause->decision->rule) {
    case DecisionRule::Majority: return members / 2 + 1 - 1;
    case DecisionRule::TwoThirds: return static_cast<size_t>(std::ceil(2.0 * static_cast<double>(members) / 3.0)) - 1;
    default: return co_deciders;
  }
}

double Capability(const GameParameters& parameters, const std::string& party) {
  const auto found = parameters.capability.find(party);
  return found == parameters.capability.end() ? 0.0 : found->second;
}

double Effectiveness(const GameParameters& parameters, Means means) {
  const auto found = parameters.effectiveness.find(means);
  return found == parameters.effectiveness.end() ? 0.0 : found->second;
}

// P(at least `quota` of independent events with these probabilities).
double AtLeast(const std::vector<double>& probabilities, size_t quota) {
  std::vector<double> count(probabilities.size() + 1, 0.0);
  count[0] = 1.0;
  for (size_t event_idx = 0; event_idx < probabilities.size(); ++event_idx) {
    for (size_t k = event_idx + 1; k > 0; --k) count[k] = count[k] * (1.0 - probabilities[event_idx]) + count[k - 1] * probabilities[event_idx];
    count[0] *= 1.0 - probabilities[event_idx];
  }
  double total = 0.0;
  for (size_t k = quota; k < count.size(); ++k) total += count[k];
  return total;
}

// A design compiled once for the Monte Carlo: parties by index, each commitment's constant terms
// (cost, strength, loss weight, quota, whether the challenger blocks it), so that a draw only
// adds the drawn values. The parties are the guarantors and co-deciders other than the
// challenger, sorted (their values are drawn in that order); a challenger that co-decides keeps
// the mean value (its clause is blocked anyway).
struct CompiledCommitment {
  size_t guarantor = 0;
  std::vector<size_t> co_deciders;  // kNoParty: the challenger
  std::vector<double> co_strength;
  double strength = 0.0;
  double cost = 0.0;
  double loss_weight = 0.0;
  size_t quota = 0;
  bool blocked = false;
  size_t means = 0;  // static_cast<size_t>(Means)
};

constexpr size_t kNoParty = static_cast<size_t>(-1);
constexpr size_t kMeansCount = 11;

struct CompiledDesign {
  std::vector<std::string> parties;
  std::vector<double> forces_bonus;  // φ for parties with forces in place, else 0
  std::vector<CompiledCommitment> commitments;
  bool any_co_decided = false;
};

CompiledDesign Compile(const std::vector<Commitment>& commitments, const std::vector<std::string>& forces_in_place,
                       const Incident& attack, const GameParameters& parameters) {
  CompiledDesign compiled;
  for (const auto& commitment : commitments) {
    if (!Contains(compiled.parties, commitment.guarantor)) compiled.parties.push_back(commitment.guarantor);
    for (const auto& other : CoDeciders(commitment)) {
      if (!Contains(compiled.parties, other) && other != attack.by) compiled.parties.push_back(other);
    }
  }
  std::sort(compiled.parties.begin(), compiled.parties.end());
  auto index = [&compiled](const std::string& party) {
    const auto found = std::find(compiled.parties.begin(), compiled.parties.end(), party);
    return found == compiled.parties.end() ? kNoParty : static_cast<size_t>(found - compiled.parties.begin());
  };
  for (const auto& party : compiled.parties) {
    compiled.forces_bonus.push_back(Contains(forces_in_place, party) ? parameters.forces_bonus : 0.0);
  }
  for (const auto& commitment : commitments) {
    CompiledCommitment entry;
    entry.guarantor = index(commitment.guarantor);
    entry.strength = commitment.strength;
    const auto cost = parameters.cost.find(commitment.means);
    entry.cost = cost == parameters.cost.end() ? 0.0 : cost->second;
    entry.loss_weight = Capability(parameters, commitment.guarantor) * Effectiveness(parameters, commitment.means);
    entry.blocked = BlockedByChallenger(commitment, attack.by);
    entry.means = static_cast<size_t>(commitment.means);
    const auto others = CoDeciders(commitment);
    for (const auto& other : others) {
      entry.co_deciders.push_back(index(other));
      double strength = 0.0;
      for (const auto& candidate : commitments) {
        if (candidate.guarantor == other && candidate.means == commitment.means) strength = candidate.strength;
      }
      entry.co_strength.push_back(strength);
    }
    entry.quota = Quota(commitment, others.size());
    compiled.any_co_decided = compiled.any_co_decided || !entry.co_deciders.empty();
    compiled.commitments.push_back(std::move(entry));
  }
  return compiled;
}

// The willingness index of a party before η and ε: v − k(m) + ρ·c + φ·forces.
double Propensity(const CompiledDesign& design, size_t party, double strength, double cost, const std::vector<double>& values,
                  const GameParameters& parameters) {
  const double value = party == kNoParty ? parameters.guarantor_value.mean : values[party];
  const double forces = party == kNoParty ? 0.0 : design.forces_bonus[party];
  return value - cost + parameters.reneging_cost * strength + forces;
}

// E[L] given the drawn values. A commitment decided by its guarantor alone integrates over η in
// closed form, E_η[Φ((a + σ_η η)/σ_ε)] = Φ(a / √(σ_ε² + σ_η²)); those that need co-deciders are
// integrated by the Gauss–Hermite rule (their events are independent given η only).
double ExpectedLossCompiled(const CompiledDesign& design, const std::vector<double>& values, const GameParameters& parameters,
                            std::vector<double>& propensity, std::vector<std::vector<double>>& co_propensity) {
  const double spread = std::sqrt(parameters.noise_sd * parameters.noise_sd + parameters.common_shock_sd * parameters.common_shock_sd);
  double expected = 0.0;
  for (size_t commitment_idx = 0; commitment_idx < design.commitments.size(); ++commitment_idx) {
    const CompiledCommitment& entry = design.commitments[commitment_idx];
    propensity[commitment_idx] = Propensity(design, entry.guarantor, entry.strength, entry.cost, values, parameters);
    co_propensity[commitment_idx].clear();
    for (size_t co_idx = 0; co_idx < entry.co_deciders.size(); ++co_idx) {
      co_propensity[commitment_idx].push_back(
          Propensity(design, entry.co_deciders[co_idx], entry.co_strength[co_idx], entry.cost, values, parameters));
    }
    if (!entry.blocked && entry.loss_weight != 0.0 && entry.co_deciders.empty()) {
      expected += entry.loss_weight * Phi(propensity[commitment_idx] / spread);
    }
  }
  if (!design.any_co_decided) return expected;
  const Quadrature& quadrature = NormalQuadrature();
  std::vector<double> p_others;
  for (size_t node_idx = 0; node_idx < quadrature.nodes.size(); ++node_idx) {
    const double shock = parameters.common_shock_sd * quadrature.nodes[node_idx];
    double loss = 0.0;
    for (size_t commitment_idx = 0; commitment_idx < design.commitments.size(); ++commitment_idx) {
      const CompiledCommitment& entry = design.commitments[commitment_idx];
      if (entry.blocked || entry.loss_weight == 0.0 || entry.co_deciders.empty()) continue;
      p_others.clear();
      for (const double other : co_propensity[commitment_idx]) p_others.push_back(Phi((other + shock) / parameters.noise_sd));
      loss += entry.loss_weight * Phi((propensity[commitment_idx] + shock) / parameters.noise_sd) * AtLeast(p_others, entry.quota);
    }
    expected += quadrature.weights[node_idx] * loss;
  }
  return expected;
}

struct ChunkSums {
  double p = 0.0;
  double p_squared = 0.0;
  double p_armed = 0.0;
  std::array<double, kMeansCount> p_means{};
  std::vector<double> p_cost;
};

}  // namespace

GameParameters DefaultGameParameters() {
  GameParameters parameters;
  parameters.cost = {{Means::ArmedForce, 1.0},  {Means::AirProtection, 0.6}, {Means::SeaProtection, 0.5},
                     {Means::MilitaryAid, 0.3}, {Means::Intelligence, 0.1},  {Means::Logistics, 0.15},
                     {Means::Training, 0.1},    {Means::Sanctions, 0.2},     {Means::Economic, 0.2},
                     {Means::Financial, 0.25},  {Means::Diplomatic, 0.02}};
  parameters.effectiveness = {{Means::ArmedForce, 10.0},  {Means::AirProtection, 4.0}, {Means::SeaProtection, 3.0},
                              {Means::MilitaryAid, 2.5},  {Means::Intelligence, 1.0},  {Means::Logistics, 1.0},
                              {Means::Training, 0.5},     {Means::Sanctions, 2.0},     {Means::Economic, 1.5},
                              {Means::Financial, 1.5},    {Means::Diplomatic, 0.2}};
  return parameters;
}

double CalibratedRenegingCost(double honour_probability, const GameParameters& parameters) {
  // Φ⁻¹ by bisection on erfc (p in (0, 1)); accurate to 1e-12, enough for a default.
  const double p = std::clamp(honour_probability, 1e-9, 1.0 - 1e-9);
  double low = -40.0;
  double high = 40.0;
  for (int step = 0; step < 200; ++step) {
    const double middle = 0.5 * (low + high);
    (Phi(middle) < p ? low : high) = middle;
  }
  const double z = 0.5 * (low + high);
  const double spread = std::sqrt(parameters.common_shock_sd * parameters.common_shock_sd + parameters.noise_sd * parameters.noise_sd);
  const auto armed = parameters.cost.find(Means::ArmedForce);
  const double cost = armed == parameters.cost.end() ? 0.0 : armed->second;
  return std::max(0.0, (z * spread - parameters.guarantor_value.mean + cost) / 0.8);
}

std::vector<Commitment> TriggeredCommitments(const GameDesign& design, const Incident& attack, const WorldState& world,
                                             const PartyTable& parties) {
  std::vector<Commitment> commitments;
  for (const Instrument* instrument : design.instruments) {
    const double binding = instrument->binding == Binding::Legal ? 1.0 : 0.6;
    for (const auto& clause : instrument->clauses) {
      if (!IsResponseKind(clause.kind) || !clause.duty || !clause.trigger) continue;
      if (DecideClause(*instrument, clause, attack, world, parties) != Condition::Triggered) continue;
      const double strength = DutyWeight(*clause.duty) * binding;
      std::vector<Means> means = clause.duty->means;
      if (means.empty()) means.push_back(Means::Diplomatic);  // consultations, UN action: diplomacy
      for (const auto& party : clause.obligated) {
        if (party == attack.by || party == attack.against) continue;
        for (const Means one : means) {
          auto existing = std::find_if(commitments.begin(), commitments.end(),
                                       [&](const Commitment& c) { return c.guarantor == party && c.means == one; });
          if (existing == commitments.end()) {
            commitments.push_back(Commitment{party, one, strength, instrument, &clause});
          } else if (strength > existing->strength) {
            *existing = Commitment{party, one, strength, instrument, &clause};
          }
        }
      }
    }
  }
  std::sort(commitments.begin(), commitments.end(), [](const Commitment& left, const Commitment& right) {
    return std::tie(left.guarantor, left.means) < std::tie(right.guarantor, right.means);
  });
  return commitments;
}

double ExpectedLoss(const std::vector<Commitment>& commitments, const std::map<std::string, double>& values,
                    const Incident& attack, const GameParameters& parameters, const PartyTable&) {
  const CompiledDesign design = Compile(commitments, {}, attack, parameters);
  std::vector<double> drawn;
  for (const auto& party : design.parties) {
    const auto found = values.find(party);
    drawn.push_back(found == values.end() ? parameters.guarantor_value.mean : found->second);
  }
  std::vector<double> propensity(design.commitments.size());
  std::vector<std::vector<double>> co_propensity(design.commitments.size());
  return ExpectedLossCompiled(design, drawn, parameters, propensity, co_propensity);
}

DesignOutcome SimulateDesign(const GameDesign& design, const std::vector<Commitment>& commitments, const Incident& attack,
                             const GameParameters& parameters, const PartyTable&, const SimulationOptions& options) {
  DesignOutcome outcome;
  outcome.id = design.id;
  outcome.triggered_commitments = commitments.size();
  const CompiledDesign compiled = Compile(commitments, design.forces_in_place, attack, parameters);
  const size_t parties = compiled.parties.size();
  constexpr int64_t kChunk = 1024;
  const int64_t draws = std::max<int64_t>(1, options.draws);
  const int64_t chunks = (draws + kChunk - 1) / kChunk;
  std::vector<ChunkSums> sums(static_cast<size_t>(chunks));
  auto run_chunk = [&](int64_t chunk_idx) {
    pcg64 random(options.seed, static_cast<uint64_t>(chunk_idx));
    std::normal_distribution<double> normal(0.0, 1.0);
    ChunkSums& sum = sums[static_cast<size_t>(chunk_idx)];
    sum.p_cost.assign(parties, 0.0);
    std::vector<double> values(parties);
    std::vector<double> propensity(compiled.commitments.size());
    std::vector<std::vector<double>> co_propensity(compiled.commitments.size());
    std::vector<double> cost(parties);
    const int64_t first = chunk_idx * kChunk;
    const int64_t last = std::min(draws, first + kChunk);
    for (int64_t draw_idx = first; draw_idx < last; ++draw_idx) {
      const double gain = parameters.challenger_gain.mean + parameters.challenger_gain.sd * normal(random);
      const double war_cost = parameters.challenger_war_cost.mean + parameters.challenger_war_cost.sd * normal(random);
      for (size_t party_idx = 0; party_idx < parties; ++party_idx) {
        values[party_idx] = parameters.guarantor_value.mean + parameters.guarantor_value.sd * normal(random);
      }
      const double expected_loss = ExpectedLossCompiled(compiled, values, parameters, propensity, co_propensity);
      const double p_attack = Phi((gain - war_cost - expected_loss) / parameters.challenger_type_sd);
      // A realised crisis: η, then ε for each commitment and each co-decider, in a fixed order,
      // then the decision rules. (A co-decider's willingness is drawn per commitment that needs it.)
      const double shock = parameters.common_shock_sd * normal(random);
      bool armed = false;
      std::array<bool, kMeansCount> used{};
      std::fill(cost.begin(), cost.end(), 0.0);
      for (size_t commitment_idx = 0; commitment_idx < compiled.commitments.size(); ++commitment_idx) {
        const CompiledCommitment& entry = compiled.commitments[commitment_idx];
        const bool own = propensity[commitment_idx] + shock + parameters.noise_sd * normal(random) >= 0.0;
        size_t willing_others = 0;
        for (const double other : co_propensity[commitment_idx]) {
          willing_others += other + shock + parameters.noise_sd * normal(random) >= 0.0 ? 1 : 0;
        }
        if (entry.blocked || !own || willing_others < entry.quota) continue;
        used[entry.means] = true;
        armed = armed || entry.means == static_cast<size_t>(Means::ArmedForce);
        cost[entry.guarantor] += entry.cost;
      }
      sum.p += p_attack;
      sum.p_squared += p_attack * p_attack;
      if (armed) sum.p_armed += p_attack;
      for (size_t means_idx = 0; means_idx < kMeansCount; ++means_idx) {
        if (used[means_idx]) sum.p_means[means_idx] += p_attack;
      }
      for (size_t party_idx = 0; party_idx < parties; ++party_idx) {
        if (cost[party_idx] != 0.0) sum.p_cost[party_idx] += p_attack * cost[party_idx];
      }
    }
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
  total.p_cost.assign(parties, 0.0);
  for (const auto& sum : sums) {
    total.p += sum.p;
    total.p_squared += sum.p_squared;
    total.p_armed += sum.p_armed;
    for (size_t means_idx = 0; means_idx < kMeansCount; ++means_idx) total.p_means[means_idx] += sum.p_means[means_idx];
    for (size_t party_idx = 0; party_idx < parties; ++party_idx) total.p_cost[party_idx] += sum.p_cost[party_idx];
  }
  const double n = static_cast<double>(draws);
  outcome.p_attack = total.p / n;
  const double variance = std::max(0.0, total.p_squared / n - outcome.p_attack * outcome.p_attack);
  const double half = 1.959963984540054 * std::sqrt(variance / n);
  outcome.p_attack_ci95[0] = std::max(0.0, outcome.p_attack - half);
  outcome.p_attack_ci95[1] = std::min(1.0, outcome.p_attack + half);
  const double attack_mass = total.p > 0.0 ? total.p : 1.0;
  outcome.p_collective_armed_response = total.p_armed / attack_mass;
  for (const auto& commitment : commitments) {
    outcome.response_mix[std::string(ToString(commitment.means))] =
        total.p_means[static_cast<size_t>(commitment.means)] / attack_mass;
  }
  for (size_t party_idx = 0; party_idx < parties; ++party_idx) {
    outcome.guarantor_cost[compiled.parties[party_idx]] = total.p_cost[party_idx] / attack_mass;
  }
  return outcome;
}

}  // namespace casus
