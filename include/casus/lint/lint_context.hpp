// What the lint rules share about one instrument: who could attack whom, whose consent a
// decision needs, and where findings go.
#pragma once

#include <string>
#include <vector>

#include "casus/core/party_table.hpp"
#include "casus/lint/finding.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

class LintContext {
 public:
  LintContext(const Instrument& instrument, const PartyTable& parties) : instrument_(instrument), parties_(parties) {}

  const Instrument& GetInstrument() const { return instrument_; }
  const PartyTable& GetParties() const { return parties_; }

  //! Parties that could attack one of `protected_parties`, each with why: a named adversary; or a
  //! party outside `protected_parties` bound by a non-aggression/neutrality/assurance clause
  //! towards one of them, or (with `security_council`) a permanent member of the Security Council,
  //! when it is also contiguous with one of them (COW direct contiguity, any of its five types, in
  //! the year of signature). Each party once, with its reasons joined ("named adversary; bound to
  //! restraint by para. 1, para. 2; veto in the Security Council; contiguous by land").
  std::vector<std::pair<std::string, std::string>> PlausibleAggressors(const std::vector<std::string>& protected_parties,
                                                                       bool security_council) const;

  //! Records a finding of `rule` about `clause` (nullptr: the instrument) at `position`.
  void Report(std::string_view rule, const Clause* clause, const SourcePosition& position, std::string message);

  std::vector<Finding> TakeFindings() { return std::move(findings_); }

 private:
  const Instrument& instrument_;
  const PartyTable& parties_;
  std::vector<Finding> findings_;
};

//! "clause 'art5' (Art. 5)".
std::string DescribeClause(const Clause& clause);

}  // namespace casus
