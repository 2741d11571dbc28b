// SMP's default path (SMP.md): Proportional voting, Linear victory probabilities, Conditional PCE,
// Mid risk range with OneThird adjustment, SemiCommit third parties, S2P2 bargains (InitOnlyInterp),
// deterministic resolution, identity accommodation (ideals = positions).
#include "casus/bargain/smp.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <oneapi/tbb/parallel_for.h>

namespace casus {

namespace {

// A square or rectangular matrix of doubles, row-major.
class Matrix {
 public:
  Matrix(size_t rows, size_t columns, double value = 0.0) : columns_(columns), values_(rows * columns, value) {}
  double& operator()(size_t row, size_t column) { return values_[row * columns_ + column]; }
  double operator()(size_t row, size_t column) const { return values_[row * columns_ + column]; }

 private:
  size_t columns_;
  std::vector<double> values_;
};

double BsUtil(double distance, double risk) {
  return distance <= 1.0 ? (1.0 - distance) * (1.0 + distance * risk) : (1.0 - distance) * (1.0 + risk);
}

// Salience-weighted distance from actor i's ideal to point y.
double WeightedDistance(const SmpActor& actor, const std::vector<double>& ideal, const std::vector<double>& point) {
  double numerator = 0.0;
  double denominator = 0.0;
  for (size_t dim_idx = 0; dim_idx < ideal.size(); ++dim_idx) {
    const double weighted = actor.salience[dim_idx] * (ideal[dim_idx] - point[dim_idx]);
    numerator += weighted * weighted;
    denominator += actor.salience[dim_idx] * actor.salience[dim_idx];
  }
  return std::sqrt(numerator / denominator);
}

double EuclideanDistance(const std::vector<double>& left, const std::vector<double>& right) {
  double sum = 0.0;
  for (size_t dim_idx = 0; dim_idx < left.size(); ++dim_idx) {
    const double difference = left[dim_idx] - right[dim_idx];
    sum += difference * difference;
  }
  return std::sqrt(sum);
}

// Proportional voting, Linear victory probabilities, Conditional PCE: the probability of each of
// M options given the actors' weights and utilities[actor][option].
std::vector<double> ScalarPce(const std::vector<double>& weights, const Matrix& utilities, size_t options) {
  const size_t actors = weights.size();
  Matrix coalition(options, options, 1e-8);
  for (size_t a = 0; a < options; ++a) {
    for (size_t b = 0; b < options; ++b) {
      if (a == b) continue;
      double strength = 1e-8;
      for (size_t actor_idx = 0; actor_idx < actors; ++actor_idx) {
        strength += std::max(0.0, weights[actor_idx] * (utilities(actor_idx, a) - utilities(actor_idx, b)));
      }
      coalition(a, b) = strength;
    }
  }
  std::vector<double> probability(options, 1.0);
  for (size_t a = 0; a < options; ++a) {
    for (size_t b = 0; b < options; ++b) {
      probability[a] *= coalition(a, b) / (coalition(a, b) + coalition(b, a));
    }
  }
  double total = 0.0;
  for (const double value : probability) total += value;
  if (total > 0.0 && std::isfinite(total)) {
    for (double& value : probability) value /= total;
    return probability;
  }
  // Underflow with many options: the same product in logarithms.
  std::vector<double> log_probability(options, 0.0);
  for (size_t a = 0; a < options; ++a) {
    for (size_t b = 0; b < options; ++b) {
      log_probability[a] += std::log(coalition(a, b) / (coalition(a, b) + coalition(b, a)));
    }
  }
  const double highest = *std::max_element(log_probability.begin(), log_probability.end());
  total = 0.0;
  for (size_t a = 0; a < options; ++a) {
    probability[a] = std::exp(log_probability[a] - highest);
    total += probability[a];
  }
  for (double& value : probability) value /= total;
  return probability;
}

struct Bargain {
  size_t initiator;
  size_t receiver;
  std::vector<double> initiator_position;
  std::vector<double> receiver_position;
};

double Round4(double value) { return static_cast<double>(static_cast<long long>(0.5 + 10000.0 * value)) / 10000.0; }

class Turn {
 public:
  Turn(const SmpScenario& scenario, const SmpPositions& positions)
      : scenario_(scenario), positions_(positions), actors_(scenario.actors.size()), distance_(actors_, actors_),
        risk_(actors_, 0.0), capability_(actors_), weight_(actors_), salience_sum_(actors_) {
    for (size_t i = 0; i < actors_; ++i) {
      const SmpActor& actor = scenario.actors[i];
      capability_[i] = actor.capability;
      salience_sum_[i] = 0.0;
      for (const double salience : actor.salience) salience_sum_[i] += salience;
      weight_[i] = salience_sum_[i] * actor.capability;
      for (size_t j = 0; j < actors_; ++j) distance_(i, j) = WeightedDistance(actor, positions[i], positions[j]);
    }
  }

  // Step 2: risk attitudes from the risk-neutral PCE over all positions. False when degenerate.
  bool ComputeRisk() {
    Matrix neutral(actors_, actors_);
    for (size_t i = 0; i < actors_; ++i) {
      for (size_t j = 0; j < actors_; ++j) neutral(i, j) = 1.0 - distance_(i, j);
    }
    const auto probability = ScalarPce(capability_, neutral, actors_);
    const double highest = *std::max_element(probability.begin(), probability.end());
    const double lowest = *std::min_element(probability.begin(), probability.end());
    if (!(highest - lowest > 0.0)) return false;
    for (size_t i = 0; i < actors_; ++i) {
      risk_[i] = (3.0 * probability[i] - (highest + 2.0 * lowest)) / (2.0 * (highest - lowest));
    }
    return true;
  }

  // U^h(i, j): h's estimate of i's utility for j's position (OneThird adjustment).
  double PerceivedUtility(size_t h, size_t i, size_t j) const {
    return BsUtil(distance_(i, j), (2.0 * risk_[h] + risk_[i]) / 3.0);
  }

  // Step 4 with h = k = i: i's estimate of its probability of prevailing over j, and the gain.
  std::pair<double, double> ProbabilityAndGain(size_t i, size_t j) const {
    const size_t h = i;
    const size_t k = i;
    auto U = [&](size_t a, size_t b) { return PerceivedUtility(h, a, b); };
    const double status_quo = U(k, i) + U(k, j);
    const double victory = 2.0 * U(k, i);
    const double loss = 2.0 * U(k, j);
    const double vote_i = weight_[i] * (U(i, i) - U(i, j));
    const double vote_j = weight_[j] * (U(j, i) - U(j, j));
    const double initial_ij = 1e-10 + std::max(vote_i, 0.0) + std::max(vote_j, 0.0);
    const double initial_ji = 1e-10 + std::max(-vote_i, 0.0) + std::max(-vote_j, 0.0);
    double coalition_ij = initial_ij;
    double coalition_ji = initial_ji;
    for (size_t n = 0; n < actors_; ++n) {
      if (n == i || n == j) continue;
      const double u_ni = U(n, i);
      const double u_nj = U(n, j);
      const double u_nn = U(n, n);
      const double first_vote = weight_[n] * (u_ni - u_nj);
      const double p_in = (initial_ij + std::max(first_vote, 0.0)) /
                          (initial_ij + std::max(first_vote, 0.0) + initial_ji + std::max(-first_vote, 0.0));
      const double p_jn = 1.0 - p_in;
      const double a = 2.0 * u_ni + u_nn;  // SemiCommit
      const double b = 3.0 * u_nj;
      const double c = 3.0 * u_ni;
      const double d = 2.0 * u_nj + u_nn;
      const double vote = weight_[n] * ((p_in * a + p_jn * b) - (p_in * c + p_jn * d));
      coalition_ij += std::max(vote, 0.0);
      coalition_ji += std::max(-vote, 0.0);
    }
    const double p = coalition_ij / (coalition_ij + coalition_ji);
    const double s_j = salience_sum_[j];
    const double challenge = (1.0 - s_j) * victory + s_j * (p * victory + (1.0 - p) * loss);
    return {p, challenge - status_quo};
  }

  SmpPositions Step() const {
    // Step 5 and 6: each actor's best target, and the S2P2 bargain.
    // Each actor's choice is independent of the others': computed in parallel, kept in actor order.
    std::vector<std::optional<Bargain>> proposed(actors_);
    oneapi::tbb::parallel_for(size_t{0}, actors_, [&](size_t i) {
      double best_gain = 0.0;
      double best_probability = 0.0;
      size_t best_target = actors_;
      for (size_t j = 0; j < actors_; ++j) {
        if (j == i) continue;
        const auto [probability, gain] = ProbabilityAndGain(i, j);
        if (gain > 1e-5 && (best_target == actors_ || gain > best_gain)) {
          best_gain = gain;
          best_probability = probability;
          best_target = j;
        }
      }
      if (best_target == actors_) return;
      const size_t j = best_target;
      const double p_i = best_probability;
      const double p_j = 1.0 - p_i;
      Bargain bargain{i, j, positions_[i], positions_[j]};
      for (size_t dim_idx = 0; dim_idx < positions_[i].size(); ++dim_idx) {
        const double s_i = scenario_.actors[i].salience[dim_idx];
        const double s_j = scenario_.actors[j].salience[dim_idx];
        const double w_i = s_i * s_i * p_i * p_i;
        const double w_j = s_j * s_j * p_j * p_j;
        const double t_i = positions_[i][dim_idx];
        const double t_j = positions_[j][dim_idx];
        const double denominator = w_i + 1e-6 + w_j;
        bargain.initiator_position[dim_idx] = Round4(((w_i + 1e-6) * t_i + w_j * t_j) / denominator);
        bargain.receiver_position[dim_idx] = Round4((w_i * t_i + (1e-6 + w_j) * t_j) / denominator);
      }
      proposed[i] = std::move(bargain);
    });
    std::vector<Bargain> bargains;
    for (auto& bargain : proposed) {
      if (bargain) bargains.push_back(std::move(*bargain));
    }
    // Step 7: each actor chooses among the status quo and the bargains it is part of.
    std::vector<double> own_sum(actors_, 0.0);  // Σ_n U^a(a, n)
    for (size_t a = 0; a < actors_; ++a) {
      for (size_t n = 0; n < actors_; ++n) own_sum[a] += BsUtil(distance_(a, n), risk_[a]);
    }
    const double inverse_n = 1.0 / static_cast<double>(actors_);
    SmpPositions next = positions_;
    oneapi::tbb::parallel_for(size_t{0}, actors_, [&](size_t k) {  // each actor's resolution is its own
      std::vector<const Bargain*> options = {nullptr};
      for (const auto& bargain : bargains) {
        if (bargain.initiator == k || bargain.receiver == k) options.push_back(&bargain);
      }
      if (options.size() == 1) return;
      Matrix utilities(actors_, options.size());
      for (size_t a = 0; a < actors_; ++a) {
        const SmpActor& actor = scenario_.actors[a];
        for (size_t option_idx = 0; option_idx < options.size(); ++option_idx) {
          const Bargain* bargain = options[option_idx];
          if (bargain == nullptr) {
            utilities(a, option_idx) = inverse_n * own_sum[a];
            continue;
          }
          double sum = BsUtil(WeightedDistance(actor, positions_[a], bargain->initiator_position), risk_[a]) +
                       BsUtil(WeightedDistance(actor, positions_[a], bargain->receiver_position), risk_[a]);
          for (size_t n = 0; n < actors_; ++n) {
            if (n == bargain->initiator || n == bargain->receiver) continue;
            sum += BsUtil(distance_(a, n), risk_[a]);
          }
          utilities(a, option_idx) = inverse_n * sum;
        }
      }
      const auto probability = ScalarPce(capability_, utilities, options.size());
      const size_t chosen = static_cast<size_t>(std::max_element(probability.begin(), probability.end()) - probability.begin());
      const Bargain* bargain = options[chosen];
      if (bargain != nullptr) {
        next[k] = bargain->initiator == k ? bargain->initiator_position : bargain->receiver_position;
      }
    });
    return next;
  }

  const std::vector<double>& Risk() const { return risk_; }

  // Each actor's probability that its position wins (KTAB's "prob" rows).
  std::vector<double> WinningProbabilities() const {
    std::vector<size_t> representatives;
    for (size_t i = 0; i < actors_; ++i) {
      const bool near = std::any_of(representatives.begin(), representatives.end(), [&](size_t rep) {
        return EuclideanDistance(positions_[i], positions_[rep]) < 1e-3;
      });
      if (!near) representatives.push_back(i);
    }
    Matrix utilities(actors_, representatives.size());
    for (size_t i = 0; i < actors_; ++i) {
      for (size_t m = 0; m < representatives.size(); ++m) {
        utilities(i, m) = BsUtil(distance_(i, representatives[m]), risk_[i]);
      }
    }
    const auto probability = ScalarPce(capability_, utilities, representatives.size());
    std::vector<double> per_actor(actors_, 0.0);
    for (size_t i = 0; i < actors_; ++i) {
      for (size_t m = 0; m < representatives.size(); ++m) {
        if (EuclideanDistance(positions_[i], positions_[representatives[m]]) < 1e-3) per_actor[i] = probability[m];
      }
    }
    return per_actor;
  }

 private:
  const SmpScenario& scenario_;
  const SmpPositions& positions_;
  size_t actors_;
  Matrix distance_;             // vd(i, j)
  std::vector<double> risk_;    // R_i
  std::vector<double> capability_;
  std::vector<double> weight_;  // W_n = S_n c_n
  std::vector<double> salience_sum_;
};

double TotalMovement(const SmpPositions& from, const SmpPositions& to) {
  double total = 0.0;
  for (size_t i = 0; i < from.size(); ++i) total += EuclideanDistance(from[i], to[i]);
  return total;
}

}  // namespace

double SmpUtility(const SmpActor& actor, const std::vector<double>& ideal, const std::vector<double>& point, double risk) {
  return BsUtil(WeightedDistance(actor, ideal, point), risk);
}

std::vector<double> SmpRiskAttitudes(const SmpScenario& scenario, const SmpPositions& positions) {
  Turn turn(scenario, positions);
  if (!turn.ComputeRisk()) return std::vector<double>(scenario.actors.size(), 0.0);
  return turn.Risk();
}

SmpResult RunSmp(const SmpScenario& scenario, const SmpOptions& options) {
  SmpResult result;
  SmpPositions positions;
  for (const auto& actor : scenario.actors) positions.push_back(actor.position);
  result.states.push_back(positions);
  double first_step = 0.0;
  for (int turn_idx = 0;; ++turn_idx) {
    Turn turn(scenario, result.states.back());
    if (!turn.ComputeRisk()) {  // every position equally good to everyone: nothing can move
      result.degenerate = true;
      result.probabilities.push_back(turn.WinningProbabilities());
      break;
    }
    result.probabilities.push_back(turn.WinningProbabilities());
    const int last_step = turn_idx;  // the step that produced this state (0: the input)
    if (last_step >= options.max_turns ||
        (last_step >= 2 && result.fractional_change.back() < options.stop_ratio)) {
      break;
    }
    SmpPositions next = turn.Step();
    const double movement = TotalMovement(result.states.back(), next);
    if (turn_idx == 0) first_step = movement;
    result.fractional_change.push_back(movement / (first_step + 1e-4));
    result.states.push_back(std::move(next));
  }
  return result;
}

}  // namespace casus
