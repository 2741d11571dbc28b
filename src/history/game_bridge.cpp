// The reduced form of the guarantee game for ATOP alliances (game_bridge.hpp).
#include "casus/history/game_bridge.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "casus/games/game_parameters.hpp"

namespace casus {

namespace {
double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
double NormalPdf(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * 3.14159265358979323846); }
}  // namespace

const GameBridgeConstants& BridgeConstants() {
  static const GameBridgeConstants constants = [] {
    const GameParameters parameters = DefaultGameParameters();
    GameBridgeConstants out;
    out.value_mean = parameters.guarantor_value.mean;
    out.scale = std::sqrt(parameters.guarantor_value.sd * parameters.guarantor_value.sd +
                          parameters.common_shock_sd * parameters.common_shock_sd + parameters.noise_sd * parameters.noise_sd);
    out.cost_armed = parameters.cost.at(Means::ArmedForce);
    out.effectiveness_armed = parameters.effectiveness.at(Means::ArmedForce);
    out.no_deadline_factor = parameters.no_deadline_factor;
    out.short_exit_factor = parameters.short_exit_factor;
    return out;
  }();
  return constants;
}

double AtopDefenceCommitment(const AtopMemberTerms& terms) {
  const GameBridgeConstants& constants = BridgeConstants();
  double duration = 1.0;
  if (terms.speclgth == 1 && terms.length_months && *terms.length_months > 0) {
    duration = constants.short_exit_factor + (1.0 - constants.short_exit_factor) * std::min(1.0, static_cast<double>(*terms.length_months) / 240.0);
  }
  return constants.duty_assist * constants.no_deadline_factor * duration;
}

GroupedLoss::GroupedLoss(const DyadYearFrame& frame, const std::vector<size_t>& rows) {
  const GameBridgeConstants& constants = BridgeConstants();
  std::unordered_map<float, uint32_t> index;
  offset_.reserve(rows.size() + 1);
  offset_.push_back(0);
  for (const size_t row : rows) {
    const auto first = static_cast<uint32_t>(group_.size());
    for (uint32_t ally = frame.ally_offset[row]; ally < frame.ally_offset[row + 1]; ++ally) {
      const TargetAlly& defender = frame.allies[ally];
      const auto [found, added] = index.try_emplace(defender.commitment, static_cast<uint32_t>(commitments_.size()));
      if (added) commitments_.push_back(defender.commitment);
      uint32_t entry = first;
      while (entry < group_.size() && group_[entry] != found->second) ++entry;
      if (entry == group_.size()) {
        group_.push_back(found->second);
        weight_.push_back(0.0);
      }
      weight_[entry] += defender.cinc;
    }
    for (uint32_t entry = first; entry < group_.size(); ++entry) weight_[entry] *= constants.effectiveness_armed;
    offset_.push_back(static_cast<uint32_t>(group_.size()));
  }
}

void GroupedLoss::GroupTerms(double reneging_cost, std::vector<double>& cdf, std::vector<double>* slope) const {
  const GameBridgeConstants& constants = BridgeConstants();
  cdf.resize(commitments_.size());
  if (slope != nullptr) slope->resize(commitments_.size());
  for (size_t group = 0; group < commitments_.size(); ++group) {
    const double index = (constants.value_mean - constants.cost_armed + reneging_cost * commitments_[group]) / constants.scale;
    cdf[group] = NormalCdf(index);
    if (slope != nullptr) (*slope)[group] = NormalPdf(index) * commitments_[group] / constants.scale;
  }
}

void GroupedLoss::Evaluate(double reneging_cost, std::vector<double>& loss, std::vector<double>* derivative) const {
  std::vector<double> cdf, slope;
  GroupTerms(reneging_cost, cdf, derivative != nullptr ? &slope : nullptr);
  loss.resize(Rows());
  if (derivative != nullptr) derivative->resize(Rows());
  for (size_t i = 0; i < Rows(); ++i) {
    loss[i] = Loss(i, cdf);
    if (derivative != nullptr) (*derivative)[i] = Loss(i, slope);
  }
}

void ExpectedLossColumn(const DyadYearFrame& frame, double reneging_cost, std::vector<double>& loss, std::vector<double>* derivative) {
  std::vector<size_t> rows(frame.Rows());
  std::iota(rows.begin(), rows.end(), size_t{0});
  GroupedLoss(frame, rows).Evaluate(reneging_cost, loss, derivative);
}

void ExpectedLossColumnPerDefender(const DyadYearFrame& frame, double reneging_cost, std::vector<double>& loss, std::vector<double>* derivative) {
  const GameBridgeConstants& constants = BridgeConstants();
  loss.assign(frame.Rows(), 0.0);
  if (derivative != nullptr) derivative->assign(frame.Rows(), 0.0);
  for (size_t row = 0; row < frame.Rows(); ++row) {
    double sum = 0.0, slope = 0.0;
    for (uint32_t ally = frame.ally_offset[row]; ally < frame.ally_offset[row + 1]; ++ally) {
      const TargetAlly& defender = frame.allies[ally];
      const double index = (constants.value_mean - constants.cost_armed + reneging_cost * defender.commitment) / constants.scale;
      sum += defender.cinc * constants.effectiveness_armed * NormalCdf(index);
      slope += defender.cinc * constants.effectiveness_armed * NormalPdf(index) * defender.commitment / constants.scale;
    }
    loss[row] = sum;
    if (derivative != nullptr) (*derivative)[row] = slope;
  }
}

}  // namespace casus
