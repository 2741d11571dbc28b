// The state of the world at a moment of a timeline: ceasefires and settlements in force,
// accessions, withdrawals and terminations of instruments. Built by applying status events in
// time order (Apply), so that a timeline streams: nothing but the current state is kept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "casus/engine/timeline.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

class WorldState {
 public:
  //! Takes one status event into account; events must come in time order.
  void Apply(const StatusEvent& status);

  //! The ceasefire status in force for `party` (the latest ceasefire-in-force naming it, unless a
  //! later ceasefire-ended names it), nullptr when none.
  const StatusEvent* CeasefireFor(const std::string& party) const;
  //! The first ceasefire that ever entered into force for `party` (kept after it ends), nullptr when none.
  const StatusEvent* FirstCeasefireFor(const std::string& party) const;
  //! The suspension by `party` of its obligations under `instrument_id` towards `towards`, nullptr when none.
  const StatusEvent* SuspensionOf(const std::string& instrument_id, const std::string& party, const std::string& towards) const;
  //! The settlement-in-force status naming `party`, nullptr when none.
  const StatusEvent* SettlementFor(const std::string& party) const;
  //! The termination of `instrument_id`, nullptr when none.
  const StatusEvent* TerminationOf(const std::string& instrument_id) const;
  //! The accession of `party` to `instrument_id`, nullptr when none.
  const StatusEvent* AccessionOf(const std::string& instrument_id, const std::string& party) const;
  //! The withdrawal notice of `party` under `instrument_id`, nullptr when none.
  const StatusEvent* WithdrawalOf(const std::string& instrument_id, const std::string& party) const;

 private:
  std::vector<StatusEvent> ceasefires_;   // in force now
  std::vector<StatusEvent> first_ceasefires_;  // every ceasefire ever in force
  std::vector<StatusEvent> settlements_;
  std::vector<StatusEvent> instrument_events_;  // accessions, withdrawal notices, terminations, suspensions
};

}  // namespace casus
