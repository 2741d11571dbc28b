#include "casus/games/game_parameters.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "casus/games/normal_integrals.hpp"

namespace casus {

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

bool IsMilitaryMeans(Means means) {
  switch (means) {
    case Means::ArmedForce:
    case Means::AirProtection:
    case Means::SeaProtection:
    case Means::MilitaryAid:
    case Means::Intelligence:
    case Means::Logistics:
    case Means::Training: return true;
    default: return false;
  }
}

bool IsCombatMeans(Means means) { return means == Means::ArmedForce || means == Means::AirProtection || means == Means::SeaProtection; }

double LossOfStrengthGradient(double distance_km, const GameParameters& parameters) {
  return 1.0 / (1.0 + std::max(0.0, distance_km) / std::max(parameters.reach_half_distance_km, 1e-9));
}

namespace {

// Φ⁻¹ by bisection on erfc (p in (0, 1)); accurate to 1e-12, enough for a default.
double InverseNormalCdf(double probability) {
  const double p = std::clamp(probability, 1e-9, 1.0 - 1e-9);
  double low = -40.0;
  double high = 40.0;
  for (int step = 0; step < 200; ++step) {
    const double middle = 0.5 * (low + high);
    (NormalCdfExact(middle) < p ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

double ArmedForceCost(const GameParameters& parameters) {
  const auto armed = parameters.cost.find(Means::ArmedForce);
  return armed == parameters.cost.end() ? 0.0 : armed->second;
}

constexpr double kCalibrationCommitment = 0.8;  // a full, legally binding duty to assist

}  // namespace

double CalibratedRenegingCost(double honour_probability, const GameParameters& parameters) {
  const double spread = std::hypot(parameters.common_shock_sd, parameters.noise_sd);
  const double z = InverseNormalCdf(honour_probability);
  return std::max(0.0, (z * spread - parameters.guarantor_value.mean + ArmedForceCost(parameters)) / kCalibrationCommitment);
}

double CalibratedRenegingCostSd(double honour_probability, double honour_sd, const GameParameters& parameters) {
  if (CalibratedRenegingCost(honour_probability, parameters) <= 0.0) return 0.0;
  const double spread = std::hypot(parameters.common_shock_sd, parameters.noise_sd);
  const double z = InverseNormalCdf(honour_probability);
  const double density = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
  return spread / (kCalibrationCommitment * density) * honour_sd;
}

double CalibratedNuclearMarkup(double honour_non_nuclear, double honour_nuclear, const GameParameters& parameters) {
  const double cost = ArmedForceCost(parameters);
  if (cost <= 0.0) return 0.0;
  const double spread = std::hypot(parameters.common_shock_sd, parameters.noise_sd);
  return std::max(0.0, spread * (InverseNormalCdf(honour_non_nuclear) - InverseNormalCdf(honour_nuclear)) / cost);
}

}  // namespace casus
