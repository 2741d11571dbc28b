// libFuzzer target: a sweep file (docs/sweep-format.md), read from a scratch file as `casus sweep`
// reads it (the scenario it names is not loaded: that is the scenario target's work).
#include "casus/sim/sweep.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto path = casus::fuzz::ScratchFile(casus::fuzz::AsText(data, size), "fuzz.sweep.toml");
  casus::Diagnostics diagnostics;
  (void)casus::LoadSweepFile(path, casus::fuzz::Parties(), diagnostics);
  return 0;
}
