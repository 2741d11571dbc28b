// libFuzzer target: a scale file (X.scales.toml, docs/negotiation.md "Scale files"), read from a
// scratch file as `casus assess` reads it, against the shipped settlement CSV and game scenario,
// then checked as assess checks it. Whatever loads must be usable: every no_agreement point on
// 0..1, every anchor inside (0, 100), Describe() answering for any point.
#include <cmath>
#include <cstdlib>

#include "casus/assess/assessment.hpp"
#include "casus/bargain/ktab_csv.hpp"
#include "casus/bargain/scales.hpp"
#include "casus/games/scenario.hpp"
#include "fuzz_common.hpp"

namespace {
const casus::SmpScenario& Settlement() {
  static const casus::SmpScenario settlement = [] {
    casus::Diagnostics diagnostics;
    auto loaded = casus::ReadKtabCsv(std::filesystem::path(CASUS_SOURCE_HOME) / "scenarios/ukraine-settlement.csv", diagnostics);
    if (!loaded) std::abort();
    return *loaded;
  }();
  return settlement;
}
const casus::GuaranteeScenario& Game() {
  static const casus::GuaranteeScenario game = [] {
    casus::Diagnostics diagnostics;
    auto loaded = casus::LoadScenarioFile(std::filesystem::path(CASUS_SOURCE_HOME) / "scenarios/ukraine-guarantees.toml",
                                          casus::fuzz::Parties(), {}, diagnostics);
    if (!loaded) std::abort();
    return *loaded;
  }();
  return game;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto path = casus::fuzz::ScratchFile(casus::fuzz::AsText(data, size), "fuzz.scales.toml");
  casus::Diagnostics diagnostics;
  const auto scales = casus::ReadScaleFile(path, Settlement(), casus::fuzz::Parties(), diagnostics);
  if (!scales) return 0;
  if (scales->dimensions.size() != Settlement().dimensions.size()) std::abort();  // one scale per CSV dimension
  for (size_t dimension = 0; dimension < scales->dimensions.size(); ++dimension) {
    const auto& scale = scales->dimensions[dimension];
    if (scale.no_agreement && !(*scale.no_agreement >= 0.0 && *scale.no_agreement <= 1.0)) std::abort();
    for (const auto& [at, label] : scale.anchors) {
      if (!(at > 0.0 && at < 100.0)) std::abort();
    }
    for (const double value : {0.0, 12.5, 25.0, 50.0, 99.99, 100.0}) (void)scales->Describe(dimension, value);
  }
  (void)casus::CheckSettlementInputs(Game(), *scales, casus::fuzz::Parties(), diagnostics);
  return 0;
}
