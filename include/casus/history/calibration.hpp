// Defaults for the guarantee game, derived from the shipped data (docs/calibration.md):
// credibility priors by commitment type and era from the reliability table, and capability
// weights from COW NMC (each state's CINC in the latest year available). Change the data, and the
// defaults change with it: nothing here is typed in.
#pragma once

#include <cmath>
#include <filesystem>
#include <map>
#include <string>

#include "casus/core/party_table.hpp"
#include "casus/history/reliability.hpp"

namespace casus {

//! A Beta(α, β) prior on the probability that a commitment is honoured: α = honoured + 1,
//! β = violated + 1 (a uniform prior updated by the historical cases).
struct CredibilityPrior {
  double alpha = 1.0;
  double beta = 1.0;
  HonourRate observed;
  double Mean() const { return alpha / (alpha + beta); }
  double Sd() const { return std::sqrt(alpha * beta / ((alpha + beta) * (alpha + beta) * (alpha + beta + 1.0))); }
};

struct CapabilityWeight {
  double cinc = 0.0;
  long year = 0;  //!< the latest year with a CINC for this state
};

struct CalibratedDefaults {
  ReliabilityCoding coding = ReliabilityCoding::Llm;
  //! [type][era]: type in defense, offense, neutral, nonagg, consul, all; era "1816-1944",
  //! "1945-2003", "all".
  std::map<std::string, std::map<std::string, CredibilityPrior>> credibility;
  //! By canonical party id (ISO alpha-3, or a COW abbreviation for historical states).
  std::map<std::string, CapabilityWeight> capability;
};

//! Reads `data_dir`/reliability/BerkemeierFuhrmannRAP2018_0303.csv and `data_dir`/nmc/cow_nmc_v7.csv.
//! Throws DataError on a malformed file.
CalibratedDefaults Calibrate(const std::filesystem::path& data_dir, const PartyTable& parties,
                             ReliabilityCoding coding = ReliabilityCoding::Llm);

}  // namespace casus
