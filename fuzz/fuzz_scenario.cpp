// libFuzzer target: a guarantee scenario file (docs/scenario-format.md), read from a scratch file
// as `casus simulate` reads it (the designs' instruments are not loaded: that is the instrument
// target's work).
#include "casus/games/scenario.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto path = casus::fuzz::ScratchFile(casus::fuzz::AsText(data, size), "scenario.toml");
  casus::Diagnostics diagnostics;
  static const std::map<std::string, double> capability = {{"RUS", 0.06}, {"UKR", 0.01}, {"USA", 0.13}};
  (void)casus::LoadScenarioFile(path, casus::fuzz::Parties(), capability, diagnostics);
  return 0;
}
