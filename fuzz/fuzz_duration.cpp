// libFuzzer target: ISO 8601 durations (core/duration), parsed and added to a date as deadlines are.
#include <chrono>

#include "casus/core/duration.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto parsed = casus::ParseIsoDuration(casus::fuzz::AsText(data, size));
  if (const auto* duration = std::get_if<casus::IsoDuration>(&parsed)) {
    (void)duration->NominalDays();
    (void)duration->ToString();
    const std::chrono::sys_seconds start = std::chrono::sys_days{std::chrono::year{2024} / 6 / 13};
    (void)duration->AddTo(start);
  }
  return 0;
}
