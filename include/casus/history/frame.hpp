// The backtest's frame: directed dyad-years from COW system membership (every ordered pair of
// system members, each year), with MID initiation, the controls the literature uses and the
// alliance variables of Johnson & Leeds (2011) and Benson (2011), each built by the rule written
// beside it here and in docs/backtest.md. Stored by column; ~1.8 M rows for 1816–2014.
#pragma once

#include "casus/core/geo.hpp"

#include <cstdint>
#include <filesystem>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace casus {

struct FrameOptions {
  long first_year = 1816;
  long last_year = 2014;  //!< MID 5.0 ends in 2014
};

//! One ally of the target whose defence obligation would apply against the challenger (the
//! structural model's E[L] is a sum over these).
struct TargetAlly {
  int32_t ccode = 0;
  float commitment = 0.0F;  //!< c(g, armed force) of the game's weights (history/game_bridge.hpp)
  float cinc = 0.0F;        //!< the ally's CINC that year (0 when NMC has none)
};

struct DyadYearFrame {
  static constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();
  long first_year = 0, last_year = 0;
  // Keys.
  std::vector<int16_t> year;
  std::vector<int16_t> a, b;  //!< COW codes: A the potential challenger, B the potential target
  // Outcome. initiation: A an originator on side A and B an originator on side B of a MID whose
  // first year is this year. ongoing: A and B on opposite sides of a MID in progress this year that
  // began for them in an earlier year, and no initiation A → B this year (excluded from fits).
  std::vector<uint8_t> initiation, ongoing;
  // Controls.
  std::vector<uint8_t> contiguity;  //!< COW conttype: 0 none, 1 land/river, 2–5 water ≤ 12/24/150/400 miles
  std::vector<float> distance_km;   //!< capital to capital, great circle; NaN when a capital is unknown
  std::vector<float> capability_share;  //!< CINC_A / (CINC_A + CINC_B), NMC v7; NaN when missing
  std::vector<uint8_t> major_a, major_b;
  std::vector<int8_t> joint_democracy;       //!< polity2 ≥ 6 for both (Polity IV by COW code, Polity5 filling gaps); −1 missing
  std::vector<int8_t> joint_democracy_vdem;  //!< V-Dem polyarchy ≥ 0.5 for both; −1 missing
  std::vector<int16_t> peace_years;  //!< full years since the dyad's last year in a MID (either side)
  // Johnson & Leeds (2011) alliance variables (ATOP 5.1 member level, conditions applied).
  std::vector<uint8_t> ptargdef, pchaldef, pchalally, pchaloff, pchalneu;
  // Benson (2011)'s typology (his phases, 1815–2003); −1 after 2003.
  std::vector<int8_t> target_uncond_det, target_cond_det, target_prob_det, chal_uncond_comp, chal_cond_comp;
  // The target's applicable defenders (CSR: rows r's allies are ally_offset[r] … ally_offset[r+1]).
  std::vector<uint32_t> ally_offset;
  std::vector<TargetAlly> allies;

  size_t Rows() const { return year.size(); }
  size_t Initiations() const;
  //! Rows a model is fitted on: not ongoing, and every control known.
  bool Usable(size_t row) const;
};

//! Builds the frame from `data_dir` (cow/, mid/, nmc/, contiguity/, capitals/, polity/, atop/,
//! benson/). Throws DataError on a malformed file.
DyadYearFrame BuildFrame(const std::filesystem::path& data_dir, const FrameOptions& options = {});

//! Writes the frame as CSV (one row per directed dyad-year, NA for missing), for R or Stata.
void WriteFrameCsv(const DyadYearFrame& frame, std::ostream& out);


}  // namespace casus
