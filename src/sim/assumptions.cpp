#include "casus/sim/assumptions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <boost/math/distributions/normal.hpp>
#include <fmt/format.h>

#include "casus/core/enum_names.hpp"

namespace casus {

double Prior::Quantile(double u) const {
  if (kind == Kind::Uniform) return a + u * (b - a);
  if (b <= 0.0) return std::clamp(a, low, high);
  const boost::math::normal standard;
  const double below = low <= -1e299 ? 0.0 : boost::math::cdf(standard, (low - a) / b);
  const double above = high >= 1e299 ? 1.0 : boost::math::cdf(standard, (high - a) / b);
  const double p = std::clamp(below + u * (above - below), 1e-300, 1.0 - 1e-16);
  return std::clamp(a + b * boost::math::quantile(standard, p), low, high);
}

std::string Prior::Describe() const {
  if (kind == Kind::Uniform) return fmt::format("U({:.4g}, {:.4g})", a, b);
  std::string text = fmt::format("N({:.4g}, {:.4g})", a, b);
  if (low > -1e299 && high < 1e299) return text + fmt::format(" truncated to [{:.4g}, {:.4g}]", low, high);
  if (low > -1e299) return text + fmt::format(" truncated at {:.4g}", low);
  return text;
}

namespace {

constexpr double kUnbounded = 1e300;

// The default prior of a value with no distribution: uniform on value ± 50 %, narrowed to stay in
// the range and centred on the value (a factor of 0.8 in [0, 1] gets U(0.6, 1.0)): its mean is the
// scenario's value.
Prior DefaultPrior(double value, double low, double high) {
  const double half = std::min({kDefaultPriorHalfWidth * std::abs(value), value - low, high - value});
  return Prior{Prior::Kind::Uniform, value - half, value + half, low, high};
}

// One row of the adapter's table: an assumption with a fixed value, or a distribution (sd > 0)
// that becomes the prior. Skipped when both the value and the spread are 0 (nothing to move).
// `zero_half_width` > 0: a value of exactly 0 still moves, uniformly over ± that width.
void Add(std::vector<Assumption>& out, std::string name, std::string meaning, Normal given, double low, double high,
         std::function<void(GameParameters&, double)> set, double zero_half_width = 0.0) {
  Assumption assumption{std::move(name), std::move(meaning), given.mean, {}, given.sd > 0.0, std::move(set)};
  if (given.sd > 0.0) {
    assumption.prior = Prior{Prior::Kind::Normal, given.mean, given.sd, low, high};
  } else if (given.mean != 0.0) {
    assumption.prior = DefaultPrior(given.mean, low, high);
  } else if (zero_half_width > 0.0) {
    assumption.prior = Prior{Prior::Kind::Uniform, std::max(low, -zero_half_width), std::min(high, zero_half_width), low, high};
  } else {
    return;
  }
  out.push_back(std::move(assumption));
}

// The table: every assumption of GameParameters the analysis moves. To add a parameter of the game,
// add a line here (docs/robustness.md, "Adding an assumption").
std::vector<Assumption> ScenarioAssumptions(const GameParameters& p) {
  std::vector<Assumption> out;
  const double inf = kUnbounded;
  Add(out, "challenger_gain", "the challenger's gain from a successful attack (G)", p.challenger_gain, -inf, inf,
      [](GameParameters& q, double x) { q.challenger_gain = Normal{x, 0.0}; });
  Add(out, "challenger_war_cost", "its cost of war without intervention (W)", p.challenger_war_cost, -inf, inf,
      [](GameParameters& q, double x) { q.challenger_war_cost = Normal{x, 0.0}; });
  // The spread of guarantor_value is the spread between guarantors within a world (kept); its mean
  // moves (a mean of 0, the backtest's constant, over ± that spread).
  Add(out, "guarantor_value", "the guarantors' mean value of protecting the beneficiary (v̄)", Normal{p.guarantor_value.mean, 0.0}, -inf, inf,
      [](GameParameters& q, double x) { q.guarantor_value.mean = x; }, p.guarantor_value.sd);
  Add(out, "challenger_type_sd", "the spread of challenger types (σ_τ)", Normal{p.challenger_type_sd, 0.0}, 1e-6, inf,
      [](GameParameters& q, double x) { q.challenger_type_sd = x; });
  Add(out, "common_shock_sd", "correlated resolve across guarantors (σ_η)", Normal{p.common_shock_sd, 0.0}, 0.0, inf,
      [](GameParameters& q, double x) { q.common_shock_sd = x; });
  Add(out, "noise_sd", "idiosyncratic noise (σ_ε)", Normal{p.noise_sd, 0.0}, 1e-6, inf, [](GameParameters& q, double x) { q.noise_sd = x; });
  Add(out, "reneging_cost", "the cost of reneging a full commitment (ρ)", Normal{p.reneging_cost, p.reneging_cost_sd}, 0.0, inf,
      [](GameParameters& q, double x) {
        q.reneging_cost = x;
        q.reneging_cost_sd = 0.0;
      });
  Add(out, "forces_bonus", "the effect of forces in place (φ)", Normal{p.forces_bonus, 0.0}, 0.0, inf,
      [](GameParameters& q, double x) { q.forces_bonus = x; });
  Add(out, "no_deadline_factor", "the weight left to a duty with no time bound (λ_d)", Normal{p.no_deadline_factor, 0.0}, 0.0, 1.0,
      [](GameParameters& q, double x) { q.no_deadline_factor = x; });
  Add(out, "deadline_scale_days", "how fast a later deadline approaches λ_d", Normal{p.deadline_scale_days, 0.0}, 1e-6, inf,
      [](GameParameters& q, double x) { q.deadline_scale_days = x; });
  Add(out, "short_exit_factor", "the weight left to a guarantee that ends or can be left at once (λ_x)", Normal{p.short_exit_factor, 0.0}, 0.0,
      1.0, [](GameParameters& q, double x) { q.short_exit_factor = x; });
  Add(out, "capability_sd", "the log-normal spread of capabilities", Normal{p.capability_sd, 0.0}, 0.0, inf,
      [](GameParameters& q, double x) { q.capability_sd = x; });
  // Costs and effectivenesses: a means the scenario gives as { mean, sd } is an assumption of its
  // own; all the others move together, by one factor each for costs and for effectivenesses.
  for (const auto& [table, sds, label, word] :
       {std::tuple{&p.cost, &p.cost_sd, "cost", "k"}, std::tuple{&p.effectiveness, &p.effectiveness_sd, "effectiveness", "e"}}) {
    const bool is_cost = std::string_view(label) == "cost";
    std::vector<Means> grouped;
    for (const auto& [means, value] : *table) {
      const auto sd = sds->find(means);
      if (sd != sds->end() && sd->second > 0.0) {
        Add(out, fmt::format("{}.{}", label, ToString(means)), fmt::format("the {} of {} ({}(m))", label, ToString(means), word),
            Normal{value, sd->second}, 0.0, inf, [is_cost, means = means](GameParameters& q, double x) {
              (is_cost ? q.cost : q.effectiveness)[means] = x;
              (is_cost ? q.cost_sd : q.effectiveness_sd)[means] = 0.0;
            });
      } else {
        grouped.push_back(means);
      }
    }
    if (grouped.empty()) continue;
    std::map<Means, double> base;
    for (const Means means : grouped) base[means] = table->at(means);
    Add(out, fmt::format("{}_scale", label), fmt::format("a factor on every other means' {} ({}(m) × s)", label, word), Normal{1.0, 0.0}, 0.0,
        inf, [is_cost, base](GameParameters& q, double x) {
          for (const auto& [means, value] : base) (is_cost ? q.cost : q.effectiveness)[means] = value * x;
        });
  }
  return out;
}

}  // namespace

AssumptionModel::AssumptionModel(const LoadedScenario& loaded, const PartyTable& parties, SimulationOptions inner)
    : loaded_(&loaded), parties_(&parties), inner_(inner), assumptions_(ScenarioAssumptions(loaded.scenario.parameters)) {
  inner_.threads = 0;  // the worlds run in parallel; a per-world thread limit would be process-wide (tbb::global_control)
  for (const auto& design : loaded.scenario.designs) designs_.push_back(design.id);
}

GameParameters AssumptionModel::ParametersAt(const double* unit_point) const {
  GameParameters parameters = loaded_->scenario.parameters;
  for (size_t i = 0; i < assumptions_.size(); ++i) assumptions_[i].set(parameters, assumptions_[i].prior.Quantile(unit_point[i]));
  return parameters;
}

void AssumptionModel::Evaluate(const double* unit_point, double* p_attack) const {
  const auto outcomes = SimulateScenario(*loaded_, ParametersAt(unit_point), *parties_, inner_);
  for (size_t design = 0; design < outcomes.size(); ++design) p_attack[design] = outcomes[design].p_attack;
}

nlohmann::json AssumptionModel::Fingerprint() const {
  nlohmann::json assumptions = nlohmann::json::array();
  for (const auto& assumption : assumptions_) {
    assumptions.push_back({{"name", assumption.name}, {"prior", assumption.prior.Describe()}, {"a", assumption.prior.a}, {"b", assumption.prior.b}});
  }
  return {{"scenario", loaded_->scenario.id}, {"designs", designs_}, {"assumptions", assumptions}, {"draws", inner_.draws}, {"inner_seed", inner_.seed}};
}

}  // namespace casus
