// The historical data sets casus ships (data/DATA_SOURCES.md), read as typed rows, streaming:
// each reader calls `on_row` once per record. Missing-value codes (empty, NA, ".", −7, −8, −9)
// become std::nullopt, never a number. A malformed row throws DataError "file:line: error: …";
// nothing is skipped silently.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace casus {

//! A malformed data file: the message is "file:line: error: …".
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using OptionalInt = std::optional<long>;
using OptionalDouble = std::optional<double>;

//! A calendar date whose month and day may be unknown (0 in the sources).
struct PartialDate {
  OptionalInt year;
  OptionalInt month;
  OptionalInt day;
};

// --- ATOP 5.1 (Leeds, Ritter, Mitchell & Long 2002) ---------------------------------------------

struct AtopAlliance {
  long atopid = 0;
  PartialDate begin;
  PartialDate end;  //!< year 0 when in effect at the end of 2018
  bool in_effect = false;
  OptionalInt estmode, speclgth, length_months, renounce, proren;
  bool defense = false, offense = false, neutral = false, nonagg = false, consul = false;
  OptionalInt conditio, defcon, asymm;
  OptionalInt specthrt, statthr1, statthr2;
  OptionalInt milcon, milaid, intcom, base;
  std::vector<long> members;  //!< mem1…mem59, COW codes
};

struct AtopMember {
  long atopid = 0;
  long member = 0;  //!< COW code
  PartialDate entry;
  PartialDate exit;  //!< year 0 when still a member
  bool defense = false, offense = false, neutral = false, nonagg = false, consul = false;
};

void ReadAtopAlliances(const std::filesystem::path& file, const std::function<void(const AtopAlliance&)>& on_row);
void ReadAtopMembers(const std::filesystem::path& file, const std::function<void(const AtopMember&)>& on_row);

// --- Correlates of War ----------------------------------------------------------------------------

struct CowState {
  std::string abbr;
  long ccode = 0;
  std::string name;
  PartialDate start, end;
};
struct CowSystemYear {
  std::string abbr;
  long ccode = 0;
  long year = 0;
};
struct CowMajor {
  std::string abbr;
  long ccode = 0;
  PartialDate start, end;
};
struct CowAllianceMember {
  long alliance_id = 0;
  long ccode = 0;
  std::string state_name;
  PartialDate alliance_start, alliance_end, member_start, member_end;
  std::string type;  //!< "Type I: Defense Pact", …
  bool defense = false, neutrality = false, nonaggression = false, entente = false;
};
struct CowWarParticipant {
  long war = 0;
  std::string war_name;
  long ccode = 0;
  std::string state_name;
  long side = 0;
  OptionalInt start_year, end_year;
  bool initiator = false;
  OptionalInt outcome;
  OptionalInt battle_deaths;
};

void ReadCowStates(const std::filesystem::path& file, const std::function<void(const CowState&)>& on_row);
void ReadCowSystem(const std::filesystem::path& file, const std::function<void(const CowSystemYear&)>& on_row);
void ReadCowMajors(const std::filesystem::path& file, const std::function<void(const CowMajor&)>& on_row);
void ReadCowAlliances(const std::filesystem::path& file, const std::function<void(const CowAllianceMember&)>& on_row);
void ReadCowWars(const std::filesystem::path& file, const std::function<void(const CowWarParticipant&)>& on_row);

// --- MID 5.0 (Palmer et al. 2022) -----------------------------------------------------------------

struct MidDispute {
  long dispute = 0;
  PartialDate start, end;
  OptionalInt outcome, fatality, hiact, hostlev, numa, numb;
};
struct MidParticipant {
  long dispute = 0;
  std::string abbr;
  long ccode = 0;
  PartialDate start, end;
  bool side_a = false;
  OptionalInt revstate, fatality, hiact, hostlev;
  bool originator = false;
};

void ReadMidDisputes(const std::filesystem::path& file, const std::function<void(const MidDispute&)>& on_row);
void ReadMidParticipants(const std::filesystem::path& file, const std::function<void(const MidParticipant&)>& on_row);

// --- COW National Material Capabilities (v6.0 abridged, v7.0) ---------------------------------------

struct NmcRecord {
  long ccode = 0;
  long year = 0;
  OptionalDouble milex, milper, irst, pec, tpop, upop, cinc;
};

//! Reads NMC v6 (with stateabb) or v7 (without); the columns are found by name.
void ReadNmc(const std::filesystem::path& file, const std::function<void(const NmcRecord&)>& on_row);

//! What `casus simulate`'s start-up needs of NMC, from one read of the file (a few hundred
//! records, not 17 000): each COW code's latest CINC (Calibrate's capability weights) and the
//! records of the file's latest year (the world's power, ReadWorldPower).
struct NmcLatest {
  struct Cinc {
    long year = 0;
    double cinc = 0.0;
    size_t row = 0;  //!< the record's place in the file: the later of two codes of one party in a year wins
  };
  //! By COW code: its latest record with a CINC (the later one in the file when a year repeats).
  std::map<long, Cinc> latest_cinc;
  long latest_year = 0;
  std::vector<NmcRecord> latest_year_records;  //!< in file order
};
NmcLatest ReadNmcLatest(const std::filesystem::path& file);

// --- Alliance reliability (Berkemeier & Fuhrmann 2018; Leeds, Long & Mitchell 2000) ----------------

enum class ReliabilityCoding { Llm, Bf, Sabrosky };

struct ReliabilityCase {
  bool early_sample = false;  //!< sample = 1: 1816–1944 (the LLM sample); 0: 1945–2003
  long war = 0;
  long atopid = 0;
  OptionalInt cow_war;  //!< COW war number; missing for wars COW does not list
  std::string war_name;
  OptionalInt ccode;  //!< the ally's COW code; missing in a few rows of the source
  bool multilateral = false;
  //! Per coding: true honoured, false violated, nullopt when the casus foederis did not arise
  //! (or the alliance did not apply) under that coding.
  std::optional<bool> honoured_llm, honoured_bf, honoured_sabrosky;
  bool defense = false, offense = false, neutral = false, nonagg = false, consul = false;
};

void ReadReliability(const std::filesystem::path& file, const std::function<void(const ReliabilityCase&)>& on_row);

}  // namespace casus
