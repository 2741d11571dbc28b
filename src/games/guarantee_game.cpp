#include "casus/games/guarantee_game.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <random>

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

double Capability(const GameParameters& parameters, const std::string& party) {
  const auto found = parameters.capability.find(party);
  return found == parameters.capability.end() ? 0.0 : found->second;
}

// A design compiled once for the Monte Carlo. The parties are the guarantors and co-deciders
// other than the challenger, sorted (their values are drawn in that order); a challenger that
// co-decides keeps the mean value (its clause is blocked anyway). A *term* is one distinct
// willingness index v_party − k + ρ·c + φ·forces (a party, a cost, a commitment strength):
// commitments refer to their own term and their co-deciders' terms, so a draw computes each once.
constexpr size_t kNoParty = static_cast<size_t>(-1);
constexpr size_t kMeansCount = 11;

struct WillingnessTerm {
  size_t party = kNoParty;
  size_t means = 0;  // its cost k(m) is looked up per draw (it may be uncertain)
  double strength = 0.0;
};

// How E[L] integrates a commitment: alone (closed form), with one co-decider both of whom must be
// willing (the bivariate normal CDF), or the general case (quadrature over η).
enum class Integration { Alone, Pair, General };

struct CompiledCommitment {
  size_t guarantor = 0;
  size_t own_term = 0;
  std::vector<size_t> co_terms;
  size_t quota = 0;
  bool blocked = false;
  bool counts_for_loss = false;  // not blocked, non-zero loss weight
  Integration integration = Integration::Alone;
  size_t means = 0;  // static_cast<size_t>(Means)
};

struct CompiledDesign {
  std::vector<std::string> parties;
  std::vector<double> forces_bonus;  // φ for parties with forces in place, else 0
  std::vector<double> capability;    // cap_g per party (its mean when uncertain)
  std::array<double, kMeansCount> cost_mean{};
  std::array<double, kMeansCount> cost_sd{};
  std::array<double, kMeansCount> effectiveness_mean{};
  std::array<double, kMeansCount> effectiveness_sd{};
  double capability_sd = 0.0;
  std::vector<size_t> general_terms;            // terms that general commitments read, each once
  std::vector<size_t> uncertain_cost;           // means whose k(m) is drawn, in means order
  std::vector<size_t> uncertain_effectiveness;  // means whose e_m is drawn
  bool AnyUncertainInput() const { return !uncertain_cost.empty() || !uncertain_effectiveness.empty() || capability_sd > 0.0; }
  size_t UncertainInputVariates() const {
    return uncertain_cost.size() + uncertain_effectiveness.size() + (capability_sd > 0.0 ? parties.size() : 0);
  }
  std::vector<WillingnessTerm> terms;
  std::vector<CompiledCommitment> commitments;
  size_t max_co_deciders = 0;
  bool any_general = false;
};

size_t TermIndex(CompiledDesign& design, size_t party, size_t means, double strength) {
  for (size_t term_idx = 0; term_idx < design.terms.size(); ++term_idx) {
    const WillingnessTerm& term = design.terms[term_idx];
    if (term.party == party && term.means == means && term.strength == strength) return term_idx;
  }
  design.terms.push_back(WillingnessTerm{party, means, strength});
  return design.terms.size() - 1;
}

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
    compiled.capability.push_back(Capability(parameters, party));
  }
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
  for (const auto& commitment : commitments) {
    CompiledCommitment entry;
    entry.guarantor = index(commitment.guarantor);
    entry.means = static_cast<size_t>(commitment.means);
    entry.own_term = TermIndex(compiled, entry.guarantor, entry.means, commitment.strength);
    entry.blocked = BlockedByChallenger(commitment, attack.by);
    entry.counts_for_loss = !entry.blocked && compiled.capability[entry.guarantor] != 0.0 &&
                            (compiled.effectiveness_mean[entry.means] != 0.0 || compiled.effectiveness_sd[entry.means] > 0.0);
    const auto others = CoDeciders(commitment);
    for (const auto& other : others) {
      double strength = 0.0;
      for (const auto& candidate : commitments) {
        if (candidate.guarantor == other && candidate.means == commitment.means) strength = candidate.strength;
      }
      entry.co_terms.push_back(TermIndex(compiled, index(other), entry.means, strength));
    }
    entry.quota = CoDeciderQuota(commitment, others.size());
    if (entry.quota == 0) {
      entry.integration = Integration::Alone;
    } else if (others.size() == 1) {
      entry.integration = Integration::Pair;
    } else {
      entry.integration = Integration::General;
    }
    compiled.max_co_deciders = std::max(compiled.max_co_deciders, others.size());
    compiled.any_general = compiled.any_general || (entry.counts_for_loss && entry.integration == Integration::General);
    compiled.commitments.push_back(std::move(entry));
  }
  for (const auto& entry : compiled.commitments) {
    if (!entry.counts_for_loss || entry.integration != Integration::General) continue;
    for (const size_t term : entry.co_terms) compiled.general_terms.push_back(term);
    compiled.general_terms.push_back(entry.own_term);
  }
  std::sort(compiled.general_terms.begin(), compiled.general_terms.end());
  compiled.general_terms.erase(std::unique(compiled.general_terms.begin(), compiled.general_terms.end()), compiled.general_terms.end());
  // The uncertain inputs this design reads, in the order their variates are drawn.
  std::array<bool, kMeansCount> used{};
  for (const auto& entry : compiled.commitments) used[entry.means] = true;
  for (size_t means = 0; means < kMeansCount; ++means) {
    if (used[means] && compiled.cost_sd[means] > 0.0) compiled.uncertain_cost.push_back(means);
  }
  for (size_t means = 0; means < kMeansCount; ++means) {
    if (used[means] && compiled.effectiveness_sd[means] > 0.0) compiled.uncertain_effectiveness.push_back(means);
  }
  return compiled;
}

// What E[L] needs besides the compiled design, built once per run: the spread of η + ε, the
// bivariate CDF at the correlation two guarantors' willingness share through η, and the η rule.
struct LossIntegrals {
  double spread = 1.0;  // √(σ_η² + σ_ε²)
  BivariateNormalCdf pair;
  QuadratureRule shock;

  explicit LossIntegrals(const GameParameters& parameters)
      : spread(std::hypot(parameters.common_shock_sd, parameters.noise_sd)),
        pair(parameters.common_shock_sd * parameters.common_shock_sd / (spread * spread)),
        shock(CommonShockRule(parameters.common_shock_sd, parameters.noise_sd)) {}
};

// Per-draw scratch space, allocated once per chunk.
struct DrawScratch {
  std::vector<double> index;      // per term: the willingness index before η and ε
  std::vector<double> marginal;   // per term: Φ(index / spread), P(willing) integrated over η and ε
  std::vector<double> at_least;   // the Poisson-binomial recursion, max co-deciders + 1
  std::vector<double> willing;    // per term: P(willing | η) at one quadrature node (general commitments)
  std::array<double, kMeansCount> cost{};           // k(m) in this draw
  std::array<double, kMeansCount> effectiveness{};  // e_m in this draw
  std::vector<double> capability;                   // cap_g in this draw, per party
  std::vector<double> loss_weight;                  // cap_g · e_m per commitment in this draw

  // Starts from the means: a design with no uncertain input never changes them.
  explicit DrawScratch(const CompiledDesign& design)
      : index(design.terms.size()),
        marginal(design.terms.size()),
        at_least(design.max_co_deciders + 2),
        willing(design.terms.size()),
        cost(design.cost_mean),
        effectiveness(design.effectiveness_mean),
        capability(design.capability),
        loss_weight(design.commitments.size()) {
    UpdateLossWeights(design);
  }

  void UpdateLossWeights(const CompiledDesign& design) {
    for (size_t commitment_idx = 0; commitment_idx < design.commitments.size(); ++commitment_idx) {
      const CompiledCommitment& entry = design.commitments[commitment_idx];
      loss_weight[commitment_idx] = capability[entry.guarantor] * effectiveness[entry.means];
    }
  }

  // Draws k(m), e_m (normal, truncated at 0) and the capability factors from `next`, in the order
  // CompiledDesign lists them.
  void DrawUncertainInputs(const CompiledDesign& design, const double*& next) {
    for (const size_t means : design.uncertain_cost) cost[means] = std::max(0.0, design.cost_mean[means] + design.cost_sd[means] * *next++);
    for (const size_t means : design.uncertain_effectiveness) {
      effectiveness[means] = std::max(0.0, design.effectiveness_mean[means] + design.effectiveness_sd[means] * *next++);
    }
    if (design.capability_sd > 0.0) {
      const double sd = design.capability_sd;
      for (size_t party = 0; party < capability.size(); ++party) capability[party] = design.capability[party] * std::exp(sd * *next++ - 0.5 * sd * sd);
    }
    UpdateLossWeights(design);
  }
};

// The willingness index of each term: v − k(m) + ρ·c + φ·forces.
void ComputeIndices(const CompiledDesign& design, const std::vector<double>& values, double reneging_cost,
                    const GameParameters& parameters, DrawScratch& scratch) {
  for (size_t term_idx = 0; term_idx < design.terms.size(); ++term_idx) {
    const WillingnessTerm& term = design.terms[term_idx];
    const double value = term.party == kNoParty ? parameters.guarantor_value.mean : values[term.party];
    const double forces = term.party == kNoParty ? 0.0 : design.forces_bonus[term.party];
    scratch.index[term_idx] = value - scratch.cost[term.means] + reneging_cost * term.strength + forces;
  }
}

// P(at least `quota` of the co-deciders willing | η), independent given η, times nothing else.
// `willing` holds P(term willing | η) for the terms of general commitments, at this node.
double CoDecidersAtLeast(const CompiledCommitment& entry, const std::vector<double>& willing, std::vector<double>& count) {
  const size_t members = entry.co_terms.size();
  if (entry.quota == members) {  // consensus, unanimity: all of them
    double all = 1.0;
    for (const size_t term : entry.co_terms) all *= willing[term];
    return all;
  }
  std::fill(count.begin(), count.begin() + static_cast<std::ptrdiff_t>(members + 1), 0.0);
  count[0] = 1.0;
  for (size_t member = 0; member < members; ++member) {
    const double p = willing[entry.co_terms[member]];
    for (size_t k = member + 1; k > 0; --k) count[k] = count[k] * (1.0 - p) + count[k - 1] * p;
    count[0] *= 1.0 - p;
  }
  double total = 0.0;
  for (size_t k = entry.quota; k <= members; ++k) total += count[k];
  return total;
}

// E[L] given the drawn values (docs/guarantee-game.md, "How E[L] is computed").
double ExpectedLossCompiled(const CompiledDesign& design, const LossIntegrals& integrals, const GameParameters& parameters,
                            DrawScratch& scratch) {
  for (size_t term_idx = 0; term_idx < design.terms.size(); ++term_idx) {
    scratch.marginal[term_idx] = NormalCdf(scratch.index[term_idx] / integrals.spread);
  }
  double expected = 0.0;
  for (size_t commitment_idx = 0; commitment_idx < design.commitments.size(); ++commitment_idx) {
    const CompiledCommitment& entry = design.commitments[commitment_idx];
    if (!entry.counts_for_loss) continue;
    switch (entry.integration) {
      case Integration::Alone: expected += scratch.loss_weight[commitment_idx] * scratch.marginal[entry.own_term]; break;
      case Integration::Pair: {
        const size_t own = entry.own_term;
        const size_t other = entry.co_terms.front();
        expected += scratch.loss_weight[commitment_idx] * integrals.pair(scratch.index[own] / integrals.spread, scratch.index[other] / integrals.spread,
                                                       scratch.marginal[own], scratch.marginal[other]);
        break;
      }
      case Integration::General: break;
    }
  }
  if (!design.any_general) return expected;
  for (size_t node_idx = 0; node_idx < integrals.shock.nodes.size(); ++node_idx) {
    const double shock = parameters.common_shock_sd * integrals.shock.nodes[node_idx];
    for (const size_t term : design.general_terms) scratch.willing[term] = NormalCdf((scratch.index[term] + shock) / parameters.noise_sd);
    double loss = 0.0;
    for (size_t commitment_idx = 0; commitment_idx < design.commitments.size(); ++commitment_idx) {
      const CompiledCommitment& entry = design.commitments[commitment_idx];
      if (!entry.counts_for_loss || entry.integration != Integration::General) continue;
      loss += scratch.loss_weight[commitment_idx] * scratch.willing[entry.own_term] * CoDecidersAtLeast(entry, scratch.willing, scratch.at_least);
    }
    expected += integrals.shock.weights[node_idx] * loss;
  }
  return expected;
}

// Per chunk, the sums the estimates and their standard errors need: Σp, Σp², and for each
// quantity x "| attack", Σpx, Σp²x and Σp²x² (for the binary ones x² = x).
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

  void Resize(size_t parties) {
    p_cost.assign(parties, 0.0);
    p2_cost.assign(parties, 0.0);
    p2_cost_squared.assign(parties, 0.0);
  }
  void Add(const ChunkSums& other) {
    p += other.p;
    p_squared += other.p_squared;
    p_armed += other.p_armed;
    p2_armed += other.p2_armed;
    p_total_cost += other.p_total_cost;
    p2_total_cost += other.p2_total_cost;
    p2_total_cost_squared += other.p2_total_cost_squared;
    for (size_t means_idx = 0; means_idx < kMeansCount; ++means_idx) {
      p_means[means_idx] += other.p_means[means_idx];
      p2_means[means_idx] += other.p2_means[means_idx];
    }
    for (size_t party_idx = 0; party_idx < p_cost.size(); ++party_idx) {
      p_cost[party_idx] += other.p_cost[party_idx];
      p2_cost[party_idx] += other.p2_cost[party_idx];
      p2_cost_squared[party_idx] += other.p2_cost_squared[party_idx];
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

double ExpectedLoss(const std::vector<Commitment>& commitments, const std::map<std::string, double>& values,
                    const Incident& attack, const GameParameters& parameters, const PartyTable&) {
  const CompiledDesign design = Compile(commitments, {}, attack, parameters);
  std::vector<double> drawn;
  for (const auto& party : design.parties) {
    const auto found = values.find(party);
    drawn.push_back(found == values.end() ? parameters.guarantor_value.mean : found->second);
  }
  const LossIntegrals integrals(parameters);
  DrawScratch scratch(design);
  ComputeIndices(design, drawn, parameters.reneging_cost, parameters, scratch);
  return ExpectedLossCompiled(design, integrals, parameters, scratch);
}

DesignOutcome SimulateDesign(const GameDesign& design, const std::vector<Commitment>& commitments, const Incident& attack,
                             const GameParameters& parameters, const PartyTable&, const SimulationOptions& options) {
  DesignOutcome outcome;
  outcome.id = design.id;
  outcome.triggered_commitments = commitments.size();
  const CompiledDesign compiled = Compile(commitments, design.forces_in_place, attack, parameters);
  const LossIntegrals integrals(parameters);
  const size_t parties = compiled.parties.size();
  constexpr int64_t kChunk = 1024;
  const int64_t draws = std::max<int64_t>(1, options.draws);
  const int64_t chunks = (draws + kChunk - 1) / kChunk;
  std::vector<ChunkSums> sums(static_cast<size_t>(chunks));
  // The parameters a draw reads, as locals: stores into the scratch vectors cannot alias them.
  const Normal gain_prior = parameters.challenger_gain;
  const Normal war_cost_prior = parameters.challenger_war_cost;
  const Normal value_prior = parameters.guarantor_value;
  const double type_sd = parameters.challenger_type_sd;
  const double shock_sd = parameters.common_shock_sd;
  const double noise_sd = parameters.noise_sd;
  const Normal reneging_prior{parameters.reneging_cost, parameters.reneging_cost_sd};
  const bool draw_reneging = reneging_prior.sd > 0.0;
  const bool uncertain_inputs = compiled.AnyUncertainInput();
  size_t variates_per_draw = 2 + (draw_reneging ? 1 : 0) + parties + compiled.UncertainInputVariates() + 1;
  for (const CompiledCommitment& entry : compiled.commitments) variates_per_draw += 1 + entry.co_terms.size();
  auto run_chunk = [&](int64_t chunk_idx) {
    pcg64 random(options.seed, static_cast<uint64_t>(chunk_idx));
    std::normal_distribution<double> normal(0.0, 1.0);
    ChunkSums sum;  // accumulated locally, stored once: no shared cache lines while the chunk runs
    sum.Resize(parties);
    std::vector<double> values(parties);
    DrawScratch scratch(compiled);
    std::vector<double> cost(parties);
    // A draw's standard normal variates, drawn first in a tight loop and then read in order: G, W,
    // ρ (only when its sd > 0), a value per party, the uncertain costs, effectivenesses and
    // capabilities (DrawUncertainInputs; none by default), η, then for each commitment ε for its
    // guarantor and for each co-decider.
    std::vector<double> variates(variates_per_draw);
    const int64_t first = chunk_idx * kChunk;
    const int64_t last = std::min(draws, first + kChunk);
    for (int64_t draw_idx = first; draw_idx < last; ++draw_idx) {
      for (double& variate : variates) variate = normal(random);
      const double* next = variates.data();
      const double gain = gain_prior.mean + gain_prior.sd * *next++;
      const double war_cost = war_cost_prior.mean + war_cost_prior.sd * *next++;
      const double reneging_cost = draw_reneging ? std::max(0.0, reneging_prior.mean + reneging_prior.sd * *next++) : reneging_prior.mean;
      for (size_t party_idx = 0; party_idx < parties; ++party_idx) {
        values[party_idx] = value_prior.mean + value_prior.sd * *next++;
      }
      if (uncertain_inputs) scratch.DrawUncertainInputs(compiled, next);
      ComputeIndices(compiled, values, reneging_cost, parameters, scratch);
      const double expected_loss = ExpectedLossCompiled(compiled, integrals, parameters, scratch);
      const double p_attack = NormalCdf((gain - war_cost - expected_loss) / type_sd);
      // A realised crisis: η, then ε for each commitment and each co-decider, in a fixed order,
      // then the decision rules. (A co-decider's willingness is drawn per commitment that needs it.)
      const double shock = shock_sd * *next++;
      // Branch-free: whether a guarantor acts is a coin toss, which a branch would mispredict.
      double armed = 0.0;
      std::array<double, kMeansCount> used{};
      std::fill(cost.begin(), cost.end(), 0.0);
      for (const CompiledCommitment& entry : compiled.commitments) {
        const bool own = scratch.index[entry.own_term] + shock + noise_sd * *next++ >= 0.0;
        size_t willing_others = 0;
        for (const size_t other : entry.co_terms) {
          willing_others += static_cast<size_t>(scratch.index[other] + shock + noise_sd * *next++ >= 0.0);
        }
        const double acts = static_cast<double>(!entry.blocked && own && willing_others >= entry.quota);
        used[entry.means] = std::max(used[entry.means], acts);
        armed = std::max(armed, entry.means == static_cast<size_t>(Means::ArmedForce) ? acts : 0.0);
        cost[entry.guarantor] += acts * scratch.cost[entry.means];
      }
      const double p_squared = p_attack * p_attack;
      sum.p += p_attack;
      sum.p_squared += p_squared;
      sum.p_armed += armed * p_attack;
      sum.p2_armed += armed * p_squared;
      for (size_t means_idx = 0; means_idx < kMeansCount; ++means_idx) {
        sum.p_means[means_idx] += used[means_idx] * p_attack;
        sum.p2_means[means_idx] += used[means_idx] * p_squared;
      }
      double total_cost = 0.0;
      for (size_t party_idx = 0; party_idx < parties; ++party_idx) {
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
  total.Resize(parties);
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
  for (size_t party_idx = 0; party_idx < parties; ++party_idx) {
    const double cost = total.p_cost[party_idx] / attack_mass;
    outcome.guarantor_cost[compiled.parties[party_idx]] = cost;
    outcome.guarantor_cost_se[compiled.parties[party_idx]] =
        RatioStandardError(cost, total.p, total.p_squared, total.p2_cost[party_idx], total.p2_cost_squared[party_idx]);
  }
  outcome.total_guarantor_cost = total.p_total_cost / attack_mass;
  outcome.total_guarantor_cost_se = RatioStandardError(outcome.total_guarantor_cost, total.p, total.p_squared, total.p2_total_cost,
                                                       total.p2_total_cost_squared);
  return outcome;
}

}  // namespace casus
