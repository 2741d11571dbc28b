// libFuzzer target: a timeline file (docs/timeline-format.md).
#include "casus/engine/load_timeline.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  casus::Diagnostics diagnostics;
  (void)casus::LoadTimelineText(casus::fuzz::AsText(data, size), "fuzz.toml", casus::fuzz::Parties(), diagnostics);
  return 0;
}
