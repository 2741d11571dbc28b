// libFuzzer target: the request bodies of `casus serve`'s API (serve/api_bodies.hpp), as the
// handlers pass them on once HTTP is done. The first byte chooses the endpoint (POST /api/check,
// /api/lint, /api/adjudicate, modulo 3); the text up to the first newline is the `name` query
// parameter (URL-decoded, any bytes); the rest is the body. The answer is serialised as the server
// sends it (ApiJsonText). An ApiError is an answer (4xx); any other exception would be a 500 and is
// a finding, as is a crash.
#include <string>
#include <vector>

#include "casus/serve/api_bodies.hpp"
#include "casus/spec/load_instrument.hpp"
#include "casus/spec/resolve_instrument.hpp"
#include "fuzz_common.hpp"

namespace {
//! Every library instrument, as if each were named with ?i=ID.
const std::vector<casus::Instrument>& Library() {
  static const std::vector<casus::Instrument> instruments = [] {
    std::vector<casus::Instrument> loaded;
    for (const auto& file : casus::ListLibrary(CASUS_SOURCE_HOME)) {
      casus::Diagnostics diagnostics;
      if (auto instrument = casus::LoadInstrumentFile(file, casus::fuzz::Parties(), diagnostics)) loaded.push_back(std::move(*instrument));
    }
    return loaded;
  }();
  return instruments;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const int endpoint = data[0] % 3;
  const std::string_view rest = casus::fuzz::AsText(data + 1, size - 1);
  const size_t newline = rest.find('\n');
  const std::string name(newline == std::string_view::npos ? std::string_view("workspace/draft.toml") : rest.substr(0, newline));
  const std::string_view body = newline == std::string_view::npos ? rest : rest.substr(newline + 1);
  nlohmann::json document;
  try {
    switch (endpoint) {
      case 0: document = casus::CheckDraftBody(body, name, casus::fuzz::Parties()); break;
      case 1: document = casus::LintDraftBody(body, name, casus::fuzz::Parties()); break;
      default: document = casus::AdjudicateTimelineBody(body, name, Library(), casus::fuzz::Parties(), (data[0] / 3) % 2 == 1); break;
    }
  } catch (const casus::ApiError& error) {
    document = casus::ApiErrorBody(error);
  }
  (void)casus::ApiJsonText(document);
  return 0;
}
