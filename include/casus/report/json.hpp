// Model → JSON (nlohmann): the shapes documented in docs/cli.md. Field names are stable.
#pragma once

#include <nlohmann/json.hpp>

#include "casus/core/diagnostic.hpp"
#include "casus/lint/finding.hpp"
#include "casus/report/summary.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! The fields that identify an instrument: id, title, file, form, binding, status, hypothetical.
nlohmann::json InstrumentHeaderToJson(const Instrument& instrument);
//! The whole instrument as casus understood it (used by `show --json`).
nlohmann::json InstrumentToJson(const Instrument& instrument);
//! A trigger's `by` as written: [] (any attacker), ["RUS"], ["any-state"] or ["non-party-state"].
nlohmann::json AttackersToJson(const AttackerScope& attackers);
//! {"rule","severity","clause","cite","line","column","message"}.
nlohmann::json FindingToJson(const Finding& finding);
//! {"file","line","column","severity","message","hint"}.
nlohmann::json DiagnosticToJson(const Diagnostic& diagnostic);
//! One instrument's column of `compare --json`.
nlohmann::json SummaryToJson(const InstrumentSummary& summary);

}  // namespace casus
