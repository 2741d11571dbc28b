// ATOP 5.1 alliances → instrument files (TOML, the format of docs/instrument-format.md), one per
// alliance, each clause citing the ATOP id and the codebook variable it encodes, with the codebook's
// definition as its text (ATOP codes treaties; it does not carry their words). What ATOP codes but
// the instrument model cannot hold is written in `unencoded`. The mapping is in docs/history.md.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/history/datasets.hpp"

namespace casus {

struct AtopRecord {
  AtopAlliance alliance;
  std::vector<AtopMember> members;  //!< member-level rows of this alliance (one per member and phase)
};

//! Reads atop5_1a.csv and atop5_1m.csv from `atop_dir`, joined by atopid, in atopid order.
std::vector<AtopRecord> ReadAtop(const std::filesystem::path& atop_dir);

//! The instrument file for one alliance. Throws DataError when a member's COW code is unknown.
std::string AtopInstrumentToml(const AtopRecord& record, const PartyTable& parties);

//! "atop-1005".
std::string AtopInstrumentId(long atopid);

}  // namespace casus
