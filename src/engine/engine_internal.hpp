// Helpers shared by the adjudication files (decide_clause.cpp, adjudicate.cpp); not public.
#pragma once

#include <optional>
#include <string>

#include "casus/engine/adjudicate.hpp"

namespace casus {

//! True when the attacker is bound by a restraint clause towards the attacked party.
bool AttackerBoundToRestraint(const Instrument& instrument, const Incident& incident);
//! True when a clause event of this kind is met by the incident.
bool EventCovers(EventKind event, const Instrument& instrument, const Incident& incident);
//! The UTC date of a time.
Date DateOf(Time time);
//! True when the clause protects `party` at `time` (joined, not withdrawn, or acceded since).
bool IsProtected(const Instrument& instrument, const Clause& clause, const std::string& party, Time time,
                 const WorldState& world);
//! True when `parties` is the instrument's members or beneficiaries (so an accession adds to it).
bool RoleBased(const Instrument& instrument, const std::vector<std::string>& parties);
//! When `party`'s withdrawal from the instrument takes effect (notice + the exit's notice period).
std::optional<Time> WithdrawalEffective(const Instrument& instrument, const std::string& party, const WorldState& world);
//! Triggered, PlaceExcluded or PlaceOutsideArea.
Condition CheckPlace(const Area& area, const Incident& incident, const PartyTable& parties,
                     const std::vector<std::string>& protected_parties);
//! Triggered, BelowScale, NotDeliberate, NotSustained or ThresholdUnknown.
Condition CheckThreshold(const Threshold& threshold, const Incident& incident, std::optional<Scale> scale);
//! What the incident did that the restraint clause forbids (empty: nothing).
std::vector<Forbidden> BreachedForbids(const Clause& clause, const Incident& incident);
//! True when the incident meets the trigger only as an armed attack (or aggression, or nuclear
//! attack): then the law of self-defence decides (character, gravity).
bool NeedsArmedAttack(const Trigger& trigger, const Instrument& instrument, const Incident& incident);
//! True when `party` is among the instrument's parties.
bool IsPartyOf(const Instrument& instrument, const std::string& party);

}  // namespace casus
