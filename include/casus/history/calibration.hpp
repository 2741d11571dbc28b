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

//! The post-1945 defence-pact cases split by whether the side the ally was to defend against had
//! nuclear weapons when the war began (docs/calibration.md, "Against a nuclear-armed opponent").
//! The protégé's side is the COW war side on which the pact's other members fought; a case is
//! unsided when COW does not list the war, no other member fought, or members fought on both sides.
struct NuclearSplit {
  bool available = false;  //!< the war, alliance-member and nuclear files were found
  CredibilityPrior against_nuclear;
  CredibilityPrior against_non_nuclear;
  long unsided = 0;
};

struct CalibratedDefaults {
  ReliabilityCoding coding = ReliabilityCoding::Llm;
  //! [type][era]: type in defense, offense, neutral, nonagg, consul, all; era "1816-1944",
  //! "1945-2003", "all".
  std::map<std::string, std::map<std::string, CredibilityPrior>> credibility;
  //! By canonical party id (ISO alpha-3, or a COW abbreviation for historical states).
  std::map<std::string, CapabilityWeight> capability;
  //! Defence pacts since 1945 against a nuclear-armed and a non-nuclear opponent.
  NuclearSplit nuclear_split;
  //! Defence pacts since 1945, bilateral and multilateral (the source's `multilateral`): the
  //! direction of free riding (docs/guarantee-game.md, 6c).
  CredibilityPrior defense_bilateral, defense_multilateral;
};

//! Reads `data_dir`/reliability/BerkemeierFuhrmannRAP2018_0303.csv and `data_dir`/nmc/cow_nmc_v7.csv;
//! for the nuclear split also cow/Inter-StateWarData_v4.0.csv, atop/atop5_1m.csv and
//! nuclear/nuclear_states.csv when all three exist (else `nuclear_split.available` is false).
//! Throws DataError on a malformed file. `nmc`: the NMC file already read (ReadNmcLatest), so that
//! a caller that also needs the world's power reads it once; nullptr reads it here.
CalibratedDefaults Calibrate(const std::filesystem::path& data_dir, const PartyTable& parties,
                             ReliabilityCoding coding = ReliabilityCoding::Llm, const NmcLatest* nmc = nullptr);

}  // namespace casus
