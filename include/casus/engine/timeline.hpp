// A timeline: states of the world (ceasefires, accessions, withdrawals, terminations) and
// incidents (attacks, threats), each at a UTC time. Built by LoadTimeline.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "casus/core/diagnostic.hpp"
#include "casus/core/enum_names.hpp"
#include "casus/spec/enums.hpp"

namespace casus {

using Time = std::chrono::sys_seconds;

//! "2027-03-01T04:00:00Z".
std::string FormatTime(Time time);

enum class IncidentKind { ArmedAttack, ThreatOfArmedAttack, HybridAttack, CyberAttack, NuclearThreat, NuclearAttack, CeasefireBreach };
enum class StatusKind { CeasefireInForce, CeasefireEnded, SettlementInForce, Accession, WithdrawalNotice, Termination };

CASUS_ENUM_NAMES(IncidentKind, 7, {IncidentKind::ArmedAttack, "armed-attack"},
                 {IncidentKind::ThreatOfArmedAttack, "threat-of-armed-attack"}, {IncidentKind::HybridAttack, "hybrid-attack"},
                 {IncidentKind::CyberAttack, "cyber-attack"}, {IncidentKind::NuclearThreat, "nuclear-threat"},
                 {IncidentKind::NuclearAttack, "nuclear-attack"}, {IncidentKind::CeasefireBreach, "ceasefire-breach"})
CASUS_ENUM_NAMES(StatusKind, 6, {StatusKind::CeasefireInForce, "ceasefire-in-force"},
                 {StatusKind::CeasefireEnded, "ceasefire-ended"}, {StatusKind::SettlementInForce, "settlement-in-force"},
                 {StatusKind::Accession, "accession"}, {StatusKind::WithdrawalNotice, "withdrawal-notice"},
                 {StatusKind::Termination, "termination"})

//! The attacker id used when the attacker is not a state (11 September 2001).
inline constexpr std::string_view kNonStateActor = "non-state";

struct StatusEvent {
  Time at;
  StatusKind kind = StatusKind::CeasefireInForce;
  std::vector<std::string> parties;  //!< canonical ids
  std::string instrument;            //!< id of the instrument concerned (accession, withdrawal-notice, termination)
  std::string notes;
  SourcePosition position;
};

struct Incident {
  std::string id;
  Time at;
  IncidentKind kind = IncidentKind::ArmedAttack;
  std::string by;       //!< canonical id, or "non-state"
  std::string against;  //!< canonical id
  std::string where;    //!< ISO 3166-1 alpha-3 or ISO 3166-2 code, inside `against`
  std::optional<Scale> scale;      //!< absent: the timeline does not say
  std::optional<bool> deliberate;  //!< absent: the timeline does not say
  std::optional<bool> sustained;   //!< absent: the timeline does not say
  std::string notes;
  SourcePosition position;
};

struct Timeline {
  std::string id;
  std::string title;
  std::vector<std::string> sources;
  std::string notes;
  std::vector<StatusEvent> statuses;  //!< in time order
  std::vector<Incident> incidents;    //!< in time order
  std::string file;
};

}  // namespace casus
