// What `casus serve`'s API makes of a request body, without HTTP: the draft an analyst posts to
// POST /api/check and /api/lint (an instrument's TOML) and the edited timeline posted to
// /api/adjudicate. The handlers in serve/workbench.cpp call these; so does the libFuzzer target
// fuzz/fuzz_web_body.cpp, which therefore reaches exactly what a request reaches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! A request the API cannot answer: an HTTP status and a JSON body {"error", "hint"?, "diagnostics"?}.
struct ApiError {
  int status;
  std::string message;
  std::string hint;
  nlohmann::json diagnostics = nullptr;
};

//! The JSON body the API answers an ApiError with.
nlohmann::json ApiErrorBody(const ApiError& error);
//! The text the API sends for a document: as PrintJson prints it (indent 2, a final newline), with
//! any byte that is not UTF-8 replaced by U+FFFD, so that serialising never throws.
std::string ApiJsonText(const nlohmann::json& document);
//! Throws ApiError 400 when the query parameter `parameter` (a name, an id) is not UTF-8: it would
//! reach every diagnostic and file name of the answer.
void RequireUtf8Parameter(std::string_view value, std::string_view parameter);
//! The diagnostics as `check --json` lists them.
nlohmann::json DiagnosticsToJson(const std::vector<Diagnostic>& diagnostics);

//! POST /api/check: the draft `body` (named `name` in its diagnostics) checked as `check --json`
//! does. Each of these three throws ApiError 400 when `name` is not UTF-8.
nlohmann::json CheckDraftBody(std::string_view body, const std::string& name, const PartyTable& parties);
//! POST /api/lint: `lint --json` of the draft; throws ApiError 422 when it does not load.
nlohmann::json LintDraftBody(std::string_view body, const std::string& name, const PartyTable& parties);
//! POST /api/adjudicate: `adjudicate --json` of the timeline `body` against `instruments`; throws
//! ApiError 422 when the timeline does not load or names an instrument not given.
nlohmann::json AdjudicateTimelineBody(std::string_view body, const std::string& name, const std::vector<Instrument>& instruments,
                                      const PartyTable& parties, bool as_if_in_force);

}  // namespace casus
