#include "casus/serve/api_bodies.hpp"

#include <fmt/format.h>

#include "casus/core/utf8.hpp"
#include "casus/engine/adjudicate.hpp"
#include "casus/engine/load_timeline.hpp"
#include "casus/lint/lint_instrument.hpp"
#include "casus/report/documents.hpp"
#include "casus/report/json.hpp"
#include "casus/spec/load_instrument.hpp"

namespace casus {

using nlohmann::json;

json ApiErrorBody(const ApiError& error) {
  json body = {{"error", error.message}};
  if (!error.hint.empty()) body["hint"] = error.hint;
  if (!error.diagnostics.is_null()) body["diagnostics"] = error.diagnostics;
  return body;
}

std::string ApiJsonText(const json& document) { return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

void RequireUtf8Parameter(std::string_view value, std::string_view parameter) {
  if (const auto invalid = FindInvalidUtf8(value)) {
    throw ApiError{400, fmt::format("the parameter '{}' is not UTF-8 (byte 0x{:02X} at character {})", parameter, invalid->byte, invalid->column),
                   "percent-encode the UTF-8 bytes of the name"};
  }
}

json DiagnosticsToJson(const std::vector<Diagnostic>& diagnostics) {
  json items = json::array();
  for (const auto& diagnostic : diagnostics) items.push_back(DiagnosticToJson(diagnostic));
  return items;
}

json CheckDraftBody(std::string_view body, const std::string& name, const PartyTable& parties) {
  RequireUtf8Parameter(name, "name");
  Diagnostics diagnostics;
  const auto instrument = LoadInstrumentText(body, name, parties, diagnostics);
  json files = json::array({CheckEntryDocument(name, instrument ? &*instrument : nullptr, diagnostics.All())});
  return {{"files", files}, {"ok", instrument ? 1 : 0}, {"failed", instrument ? 0 : 1}};
}

json LintDraftBody(std::string_view body, const std::string& name, const PartyTable& parties) {
  RequireUtf8Parameter(name, "name");
  Diagnostics diagnostics;
  const auto instrument = LoadInstrumentText(body, name, parties, diagnostics);
  if (!instrument) throw ApiError{422, fmt::format("{} does not load", name), "", DiagnosticsToJson(diagnostics.All())};
  return {{"instruments", json::array({LintEntryDocument(*instrument, LintInstrument(*instrument, parties))})}};
}

json AdjudicateTimelineBody(std::string_view body, const std::string& name, const std::vector<Instrument>& instruments,
                            const PartyTable& parties, bool as_if_in_force) {
  RequireUtf8Parameter(name, "name");
  Diagnostics diagnostics;
  const auto timeline = LoadTimelineText(body, name, parties, diagnostics);
  if (!timeline) throw ApiError{422, fmt::format("{} does not load", name), "", DiagnosticsToJson(diagnostics.All())};
  Diagnostics references;
  CheckTimelineReferences(*timeline, instruments, references);
  if (references.HasErrors()) throw ApiError{422, "the timeline names instruments not given", "", DiagnosticsToJson(references.All())};
  return AdjudicationDocument(*timeline, instruments, parties, AdjudicationOptions{as_if_in_force});
}

}  // namespace casus
