// The world the guarantee game is played in, read from the shipped data (docs/guarantee-game.md,
// "Reach"): each state's military and economic weight (COW NMC v7, latest year), its capital
// (peacesciencer's cow_capitals) and whether it holds nuclear weapons (data/nuclear). Nothing here
// is typed in: change the data, and the game's reach changes with it.
#pragma once

#include "casus/core/geo.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "casus/core/party_table.hpp"
#include "casus/engine/timeline.hpp"
#include "casus/games/game_parameters.hpp"
#include "casus/history/datasets.hpp"

namespace casus {

struct StatePower {
  double military = 0.0;  //!< (milex / world milex + milper / world milper) / 2, NMC's latest year
  double economic = 0.0;  //!< (irst / world irst + pec / world pec) / 2
  double personnel = 0.0; //!< milper, thousands
  double cinc = 0.0;
  std::optional<std::pair<double, double>> capital;  //!< latitude, longitude of the latest capital
};

struct NuclearState {
  long acquired = 0;
  long relinquished = 0;  //!< 0: still armed
  std::string basis;
  std::string source;
};

struct WorldPower {
  long nmc_year = 0;
  std::map<std::string, StatePower> states;       //!< by party id
  std::map<std::string, NuclearState> nuclear;    //!< by party id
  bool Nuclear(const std::string& party, long year) const;
};

//! Reads `data_dir`/nmc/cow_nmc_v7.csv, capitals/cow_capitals.csv and nuclear/nuclear_states.csv.
//! Throws DataError on a malformed file. `nmc`: the NMC file already read (ReadNmcLatest, shared
//! with Calibrate); nullptr reads it here.
WorldPower ReadWorldPower(const std::filesystem::path& data_dir, const PartyTable& parties, const NmcLatest* nmc = nullptr);


//! Each party's PartyPower for an attack on `theatre` (the beneficiary: its capital stands for the
//! theatre) in `year`. Organisations act with the sum of their members' economic weight and no
//! military weight; their distance is 0 (economic means do not lose strength with distance).
std::map<std::string, PartyPower> PowerForTheatre(const WorldPower& world, const PartyTable& parties, const std::string& theatre,
                                                  long year);

}  // namespace casus
