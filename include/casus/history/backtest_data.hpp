// The data sets the backtest adds to datasets.hpp (data/DATA_SOURCES.md): COW direct contiguity,
// capitals with their coordinates, Polity5, the V-Dem/Polity democracy file, ATOP's member-level
// obligations with their conditions, and Benson's (2011) typology of ATOP alliance phases. Same
// contract as datasets.hpp: streaming typed rows, missing codes → nullopt, a malformed row throws
// DataError "file:line: error: …".
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "casus/history/datasets.hpp"

namespace casus {

//! COW Direct Contiguity v3.2, directed dyad-year: conttype 1 land/river, 2–5 water ≤ 12/24/150/400 miles.
struct ContiguityRecord {
  long state1 = 0, state2 = 0, year = 0;
  long type = 0;
};
void ReadContiguity(const std::filesystem::path& file, const std::function<void(const ContiguityRecord&)>& on_row);

//! A capital with its date spell (years; the file's ISO dates are cut to the year) and coordinates.
struct CapitalRecord {
  long ccode = 0;
  std::string capital;
  long start_year = 0, end_year = 0;
  double lat = 0.0, lng = 0.0;
};
void ReadCapitals(const std::filesystem::path& file, const std::function<void(const CapitalRecord&)>& on_row);

//! Polity5: polity2 by COW-style code and year (interregnum codes −66/−77/−88 are not in polity2;
//! its −7, −8, −9 are scores, not missing codes).
struct PolityRecord {
  long ccode = 0, year = 0;
  OptionalDouble polity2;
};
void ReadPolity5(const std::filesystem::path& file, const std::function<void(const PolityRecord&)>& on_row);

//! peacesciencer's democracy file: V-Dem polyarchy, Polity IV polity2, UDS by COW code-year.
struct DemocracyRecord {
  long ccode = 0, year = 0;
  OptionalDouble polyarchy, polity2, uds;
};
void ReadDemocracy(const std::filesystem::path& file, const std::function<void(const DemocracyRecord&)>& on_row);

//! ATOP 5.1 member level with the obligations' conditions (codebook: DEFCOADV … NEUCOATT, SPECTHRT,
//! STATTHR1/2). Years only: entry and exit (exit 0 = still a member in 2018).
struct AtopMemberTerms {
  long atopid = 0, member = 0;
  long entry_year = 0, exit_year = 0;
  bool defense = false, offense = false, neutral = false, nonagg = false, consul = false;
  bool def_adversary = false, def_location = false, def_conflict = false, def_number = false, def_demands = false,
       def_not_provoked = false;
  bool off_adversary = false, off_conflict = false;
  bool neu_adversary = false, neu_conflict = false;
  OptionalInt specthrt, statthr1, statthr2;
  OptionalInt speclgth, length_months, renounce;
};
void ReadAtopMemberTerms(const std::filesystem::path& file, const std::function<void(const AtopMemberTerms&)>& on_row);

//! Benson (2011)'s typology of an ATOP alliance phase, with its years and members.
struct BensonPhase {
  std::string atopidphase;  //!< "1020.1": ATOP id and phase
  long begin_year = 0, end_year = 0;  //!< end 0: in effect at the end of the data
  std::vector<long> members;
  bool uncond_comp = false, cond_comp = false, uncond_det = false, cond_det = false, pure_cond_det = false,
       prob_det = false;
};
void ReadBenson(const std::filesystem::path& file, const std::function<void(const BensonPhase&)>& on_row);

}  // namespace casus
