// libFuzzer target: a KTAB SMP input CSV (`casus negotiate`).
#include "casus/bargain/ktab_csv.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  casus::Diagnostics diagnostics;
  (void)casus::ReadKtabCsvText(casus::fuzz::AsText(data, size), "fuzz.csv", diagnostics);
  return 0;
}
