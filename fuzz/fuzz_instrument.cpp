// libFuzzer target: an instrument file (docs/instrument-format.md), loaded, validated and linted.
#include "casus/lint/lint_instrument.hpp"
#include "casus/spec/load_instrument.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  casus::Diagnostics diagnostics;
  const auto instrument = casus::LoadInstrumentText(casus::fuzz::AsText(data, size), "fuzz.toml", casus::fuzz::Parties(), diagnostics);
  if (instrument) {
    (void)casus::LintInstrument(*instrument, casus::fuzz::Parties());
  }
  return 0;
}
