// A guarantee scenario file (TOML, docs/scenario-format.md) → the challenger, the beneficiary, the
// contemplated attack, the game's parameters and the designs to compare, each a set of
// instruments (library ids or files) with forces in place and accessions. Validated with
// file:line:col diagnostics like instrument files.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/engine/timeline.hpp"
#include "casus/games/guarantee_game.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

struct ScenarioDesign {
  std::string id;
  std::vector<std::string> instrument_arguments;  //!< as written: library ids or paths
  std::vector<std::string> forces_in_place;       //!< `forces = [codes]` (and the sweep's forces axis)
  std::vector<ForceInPlace> forces;               //!< [[design.force]]: who, where, how many
  std::vector<std::string> accede;                //!< parties joining every instrument of the design
  SourcePosition position;
};

struct GuaranteeScenario {
  std::string id;
  std::string title;
  std::string challenger;
  std::string beneficiary;
  Incident attack;                 //!< by = challenger, against = beneficiary
  bool ceasefire_in_force = false;
  GameParameters parameters;       //!< defaults, overridden by [parameters]; capabilities from CINC
  bool calibrate_reneging = false; //!< reneging_cost = "calibrated": ρ from the historical honour rate
  bool reneging_sd_given = false;  //!< reneging_cost_sd was written (calibration keeps it)
  //! nuclear_cost_markup = "calibrated": μ from defence pacts' honour rates since 1945 against
  //! nuclear-armed and non-nuclear opponents; ρ is then calibrated on the non-nuclear rate.
  bool calibrate_nuclear = false;
  //! [parameters] source = "backtest" or a fitted-parameters file (docs/backtest.md); applied by
  //! LoadCalibratedScenario.
  std::string parameters_source;
  SourcePosition parameters_source_position;
  std::filesystem::path parameters_file;  //!< the file parameters_source resolved to, once applied
  //! Where each parameter's value comes from, by its [parameters] name: "scenario", "calibrated: …",
  //! "backtest: …"; a parameter not listed has the default of docs/guarantee-game.md.
  std::map<std::string, std::string> parameter_sources;
  std::vector<ScenarioDesign> designs;
  std::string file;
};

//! A scenario with its designs' instruments loaded (they must outlive any simulation of it).
struct LoadedScenario {
  GuaranteeScenario scenario;
  std::vector<std::vector<Instrument>> instruments;  //!< per design, in design order
};

//! Loads the scenario and every design's instruments (library ids under `home`, or paths relative
//! to the scenario file). nullopt, with diagnostics, when anything fails to load.
std::optional<LoadedScenario> LoadScenarioWithInstruments(const std::filesystem::path& path, const std::filesystem::path& home,
                                                          const PartyTable& parties, const std::map<std::string, double>& capability,
                                                          Diagnostics& diagnostics);

//! LoadScenarioWithInstruments with the defaults calibrated on `home`/data (docs/calibration.md):
//! capabilities from CINC and, when the scenario asks for it, ρ from the honour rate of defence
//! pacts since 1945. Throws DataError when the shipped data is malformed.
std::optional<LoadedScenario> LoadCalibratedScenario(const std::filesystem::path& path, const std::filesystem::path& home,
                                                     const PartyTable& parties, Diagnostics& diagnostics);

//! Fills parameters.power from the shipped data for the scenario's theatre and year (ReadWorldPower).
void ApplyWorldPower(LoadedScenario& loaded, const struct WorldPower& world, const PartyTable& parties);

//! The forces the instruments' forces clauses place (reassurance-force clauses): each contributor
//! in `by` in the clause's areas, of unknown size (the format's `size` is free text).
std::vector<ForceInPlace> InstrumentForces(const std::vector<const Instrument*>& instruments);

//! The GameDesign of the scenario's design; without `forces` or [[design.force]] in the scenario,
//! the forces of the instruments' forces clauses (InstrumentForces). `design_idx` (its instruments, forces, accessions
//! applied to `world`). The loaded scenario must outlive it.
GameDesign MakeGameDesign(const LoadedScenario& loaded, size_t design_idx, WorldState& world);

//! Sets ρ and its spread from the honour rate's mean and sd when the scenario asks for a calibrated
//! reneging cost (CalibratedRenegingCost, CalibratedRenegingCostSd).
void ApplyCalibration(LoadedScenario& loaded, double honour_probability, double honour_sd);

//! One design as the game sees it: its instruments, forces in place and accessions applied to the
//! world at the attack, and the commitments the contemplated attack triggers (steps 1–2).
struct PreparedDesign {
  GameDesign design;
  std::vector<std::string> accede;
  std::vector<Commitment> commitments;
};

//! Design `design_idx` of the scenario, prepared under `parameters`.
PreparedDesign PrepareDesign(const LoadedScenario& loaded, size_t design_idx, const GameParameters& parameters, const PartyTable& parties);

//! Simulates every design (or only those named) under `parameters`.
//! `on_design(done, total)` is called after each design (for a progress display).
std::vector<DesignOutcome> SimulateScenario(const LoadedScenario& loaded, const GameParameters& parameters, const PartyTable& parties,
                                            const SimulationOptions& options, const std::vector<std::string>& only_designs = {},
                                            const std::function<void(size_t, size_t)>& on_design = {});

//! Reads and validates a scenario; `capability` gives each party's CINC (calibration).
std::optional<GuaranteeScenario> LoadScenarioFile(const std::filesystem::path& path, const PartyTable& parties,
                                                  const std::map<std::string, double>& capability, Diagnostics& diagnostics);

}  // namespace casus
