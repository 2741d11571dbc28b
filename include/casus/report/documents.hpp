// The commands' --json documents, built in one place so that the command line and the web API
// (`casus serve`) print the same bytes: loaded instruments, findings, timelines → nlohmann::json.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/bargain/forecast.hpp"
#include "casus/bargain/smp.hpp"
#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/engine/adjudicate.hpp"
#include "casus/engine/timeline.hpp"
#include "casus/history/reliability.hpp"
#include "casus/lint/lint_instrument.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! One entry of `check --json`'s "files": {"argument","ok","diagnostics",["file","id","clauses"]}.
nlohmann::json CheckEntryDocument(const std::string& argument, const Instrument* instrument,
                                  const std::vector<Diagnostic>& diagnostics);
//! One entry of `lint --json`'s "instruments": {"id","file","findings":[…]}.
nlohmann::json LintEntryDocument(const Instrument& instrument, const std::vector<Finding>& findings);
//! `lint --list-rules --json`: {"rules":[{"rule","severity","fires_when","rationale"}]}.
nlohmann::json RulesDocument();
//! `show --json`: the whole model and its findings.
nlohmann::json ShowDocument(const Instrument& instrument, const std::vector<Finding>& findings);
//! `compare --json`: each instrument summarised with its lint findings.
nlohmann::json CompareDocument(const std::vector<Instrument>& instruments, const PartyTable& parties);
//! True when `party` (if given) is a member, guarantor, co-guarantor or beneficiary of the
//! instrument, and `protects` (if given) is among those a clause of it protects (`casus list`).
bool InstrumentMatches(const Instrument& instrument, const std::optional<std::string>& party,
                       const std::optional<std::string>& protects);
//! `adjudicate --json`: {"timeline","as_if_in_force","doctrine","incidents":[…]}; with `with_record`,
//! each incident also carries the timeline's record of what happened beside casus's verdict.
nlohmann::json AdjudicationDocument(const Timeline& timeline, const std::vector<Instrument>& instruments,
                                    const PartyTable& parties, const AdjudicationOptions& options,
                                    bool with_record = false);

//! `negotiate --json`: SMP on the scenario, its forecast and, with `perturbation`, the bands.
nlohmann::json NegotiationDocument(const SmpScenario& scenario, const std::optional<PerturbationOptions>& perturbation);
//! `history reliability --json`: {"coding","overall","by_era","by_type"}, each {"honored","violated",
//! "rate","ci95"}, from data/reliability/ under `home` (throws DataError on a malformed file).
nlohmann::json ReliabilityDocument(const std::filesystem::path& home, ReliabilityCoding coding);

}  // namespace casus
