// Steps 1, 2 and the facts of step 4 of the guarantee game (docs/guarantee-game.md): which clauses
// of a design the contemplated attack triggers, the commitment c(g, m) each gives a guarantor per
// means (duty weight × binding × deadline × duration), and what a commitment's decision rule asks
// of others (co-deciders, their quota, whether the challenger can block it).
#pragma once

#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/engine/timeline.hpp"
#include "casus/engine/world_state.hpp"
#include "casus/games/game_parameters.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! A guarantor's force in the beneficiary: who, where (place codes: a subdivision such as "UA-30",
//! or the whole country), how many. No area: present, place unknown (never a tripwire). troops 0:
//! size unknown, counted as GameParameters::forces_reference_troops.
struct ForceInPlace {
  std::string party;
  std::vector<std::string> areas;
  double troops = 0.0;
};

//! One design: instruments (adjudicated as if in force) and the guarantors with forces in place,
//! either as bare codes (`forces_in_place`, the scenario's and the sweep's `forces`) or with area
//! and size (`forces`). A party in both counts once, with the detailed entry.
struct GameDesign {
  std::string id;
  std::vector<const Instrument*> instruments;
  std::vector<std::string> forces_in_place;
  std::vector<ForceInPlace> forces = {};
};

//! Whether an attack on `place` strikes where the force stands (the tripwire): a place equal to one
//! of its areas, or inside one that is a whole country. For `casus adjudicate` as well as the game.
bool StrikesForceArea(const ForceInPlace& force, const std::string& place, const PartyTable& parties);

//! A guarantor's commitment to act with one means, and the clause it comes from.
struct Commitment {
  std::string guarantor;
  Means means = Means::Diplomatic;
  double strength = 0.0;  //!< c(g, m) in [0, 1]: duty weight × binding × deadline × duration
  double deadline_factor = 1.0;
  double duration_factor = 1.0;
  const Instrument* instrument = nullptr;
  const Clause* clause = nullptr;
};

//! Step 1–2: the commitments the contemplated attack triggers (strongest per guarantor and means).
std::vector<Commitment> TriggeredCommitments(const GameDesign& design, const Incident& attack, const WorldState& world,
                                             const PartyTable& parties, const GameParameters& parameters);

//! The deadline and duration factors of step 2 (docs/guarantee-game.md).
double DeadlineFactor(const Deadline& deadline, const GameParameters& parameters);
double DurationFactor(const Instrument& instrument, const GameParameters& parameters);

//! The challenger can stop the commitment's clause outright: it sits on the attributing body or
//! in the decision (a consensus that includes it, a Security Council where it holds a veto).
bool BlockedByChallenger(const Commitment& commitment, const std::string& challenger);

//! The members whose willingness the commitment's decision rule also needs, beyond the guarantor's
//! own (consensus, unanimity, a single decider, majority, two-thirds); none for "each party".
std::vector<std::string> CoDeciders(const Commitment& commitment);

//! How many of the `co_deciders` must be willing: all for consensus, unanimity and a single
//! decider; for majority (> 1/2) and two-thirds (≥ 2/3) of the whole set, the share beyond the
//! guarantor itself.
size_t CoDeciderQuota(const Commitment& commitment, size_t co_deciders);

}  // namespace casus
