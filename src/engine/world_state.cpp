#include "casus/engine/world_state.hpp"

#include <algorithm>

namespace casus {

namespace {
bool Names(const StatusEvent& status, const std::string& party) {
  return std::find(status.parties.begin(), status.parties.end(), party) != status.parties.end();
}
bool SharesAParty(const StatusEvent& left, const StatusEvent& right) {
  return std::any_of(left.parties.begin(), left.parties.end(), [&](const std::string& party) { return Names(right, party); });
}
}  // namespace

void WorldState::Apply(const StatusEvent& status) {
  switch (status.kind) {
    case StatusKind::CeasefireInForce:
      ceasefires_.push_back(status);
      first_ceasefires_.push_back(status);
      break;
    case StatusKind::CeasefireEnded:
      std::erase_if(ceasefires_, [&](const StatusEvent& ceasefire) { return SharesAParty(ceasefire, status); });
      break;
    case StatusKind::SettlementInForce:
      settlements_.push_back(status);
      break;
    case StatusKind::Accession:
    case StatusKind::WithdrawalNotice:
    case StatusKind::Termination:
    case StatusKind::Suspension:
      instrument_events_.push_back(status);
      break;
    case StatusKind::Request:
    case StatusKind::Invocation:
    case StatusKind::Determination:
    case StatusKind::Approval:
      break;  // acts concerning one incident: read from the timeline by Assess, not world state
  }
}

const StatusEvent* WorldState::CeasefireFor(const std::string& party) const {
  for (auto it = ceasefires_.rbegin(); it != ceasefires_.rend(); ++it) {
    if (Names(*it, party)) return &*it;
  }
  return nullptr;
}

const StatusEvent* WorldState::FirstCeasefireFor(const std::string& party) const {
  for (const auto& ceasefire : first_ceasefires_) {
    if (Names(ceasefire, party)) return &ceasefire;
  }
  return nullptr;
}

const StatusEvent* WorldState::SuspensionOf(const std::string& instrument_id, const std::string& party,
                                            const std::string& towards) const {
  for (const auto& event : instrument_events_) {
    if (event.kind == StatusKind::Suspension && event.instrument == instrument_id && Names(event, party) &&
        std::find(event.towards.begin(), event.towards.end(), towards) != event.towards.end()) {
      return &event;
    }
  }
  return nullptr;
}

const StatusEvent* WorldState::SettlementFor(const std::string& party) const {
  for (auto it = settlements_.rbegin(); it != settlements_.rend(); ++it) {
    if (Names(*it, party)) return &*it;
  }
  return nullptr;
}

const StatusEvent* WorldState::TerminationOf(const std::string& instrument_id) const {
  for (const auto& event : instrument_events_) {
    if (event.kind == StatusKind::Termination && event.instrument == instrument_id) return &event;
  }
  return nullptr;
}

const StatusEvent* WorldState::AccessionOf(const std::string& instrument_id, const std::string& party) const {
  for (const auto& event : instrument_events_) {
    if (event.kind == StatusKind::Accession && event.instrument == instrument_id && Names(event, party)) return &event;
  }
  return nullptr;
}

const StatusEvent* WorldState::WithdrawalOf(const std::string& instrument_id, const std::string& party) const {
  for (const auto& event : instrument_events_) {
    if (event.kind == StatusKind::WithdrawalNotice && event.instrument == instrument_id && Names(event, party)) return &event;
  }
  return nullptr;
}

}  // namespace casus
