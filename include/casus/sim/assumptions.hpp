// The one adapter between the robustness analysis and the guarantee game (docs/robustness.md,
// "Assumptions"): which of the scenario's assumptions are uncertain, the prior of each, and the
// mapping "a point of the unit cube → the scenario's parameters in that world → P(attack) per
// design". A new parameter of the game is one row of the table in assumptions.cpp (its name, how
// to read its value and distribution from GameParameters, how to set it, its valid range).
//
// A world fixes every assumption at one value. An assumption the scenario gives as a distribution
// ({ mean, sd } with sd > 0) has that distribution as its prior (a normal truncated to the
// parameter's range) and is fixed inside the game in each world (its sd set to 0); any other has
// the default prior, uniform on its value ± 50 % (narrowed symmetrically to stay in the range). The Monte Carlo inside the
// game uses the same seed in every world (common random numbers), so that P(attack) is a smooth,
// deterministic function of the world and differences between worlds are not Monte Carlo noise.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/games/guarantee_game.hpp"
#include "casus/games/scenario.hpp"

namespace casus {

struct Prior {
  enum class Kind { Normal, Uniform };
  Kind kind = Kind::Uniform;
  double a = 0.0;  //!< Normal: mean; Uniform: low
  double b = 0.0;  //!< Normal: sd; Uniform: high
  double low = -1e300;  //!< the parameter's valid range (the normal is truncated to it)
  double high = 1e300;
  //! The value at probability u ∈ (0, 1) (inverse CDF of the truncated distribution).
  double Quantile(double u) const;
  //! "N(0.963, 0.119) truncated at 0" or "U(0.3, 0.9)".
  std::string Describe() const;
};

struct Assumption {
  std::string name;     //!< as in the scenario's [parameters], e.g. "reneging_cost", "cost_scale"
  std::string meaning;  //!< a short description for the report
  double value = 0.0;   //!< in the scenario (the mean of its distribution)
  Prior prior;
  bool from_scenario = false;  //!< the prior is the scenario's { mean, sd }, not the default ± 50 %
  std::function<void(GameParameters&, double)> set;  //!< fixes the assumption at a value (and its spread at 0)
  std::string reference;  //!< where its value comes from (a paper, the scenario, or "an assumption")
};

//! The default prior's half-width, as a share of the scenario's value.
constexpr double kDefaultPriorHalfWidth = 0.5;

class AssumptionModel {
 public:
  //! The assumptions of `loaded` (calibrated) with their priors; `inner` gives the game's draws and
  //! seed, the same in every world. `loaded` and `parties` must outlive the model.
  AssumptionModel(const LoadedScenario& loaded, const PartyTable& parties, SimulationOptions inner);

  const std::vector<Assumption>& assumptions() const { return assumptions_; }
  const std::vector<std::string>& designs() const { return designs_; }
  const SimulationOptions& inner() const { return inner_; }

  //! The scenario's parameters in the world at `unit_point` (one uniform per assumption).
  GameParameters ParametersAt(const double* unit_point) const;
  //! P(attack) of every design (in scenario order) in that world, into `p_attack`.
  void Evaluate(const double* unit_point, double* p_attack) const;

  //! What identifies the analysis in a block store: the scenario id, designs, assumptions and
  //! priors, the inner draws and seed.
  nlohmann::json Fingerprint() const;

 private:
  const LoadedScenario* loaded_;
  const PartyTable* parties_;
  SimulationOptions inner_;
  std::vector<Assumption> assumptions_;
  std::vector<std::string> designs_;
};

}  // namespace casus
