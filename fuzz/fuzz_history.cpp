// libFuzzer target: every history reader (include/casus/history/datasets.hpp). The first byte
// chooses the reader (modulo their number), the rest is the CSV; a DataError is the expected
// answer to a malformed file, anything else escaping is a finding.
#include <functional>
#include <vector>

#include "casus/history/datasets.hpp"
#include "fuzz_common.hpp"

namespace {
using Reader = std::function<void(const std::filesystem::path&)>;
template <typename Row>
Reader Ignore(void (*read)(const std::filesystem::path&, const std::function<void(const Row&)>&)) {
  return [read](const std::filesystem::path& file) { read(file, [](const Row&) {}); };
}
const std::vector<Reader>& Readers() {
  static const std::vector<Reader> readers = {
      Ignore(&casus::ReadAtopAlliances), Ignore(&casus::ReadAtopMembers),   Ignore(&casus::ReadCowStates),
      Ignore(&casus::ReadCowSystem),     Ignore(&casus::ReadCowMajors),     Ignore(&casus::ReadCowAlliances),
      Ignore(&casus::ReadCowWars),       Ignore(&casus::ReadMidDisputes),   Ignore(&casus::ReadMidParticipants),
      Ignore(&casus::ReadNmc),           Ignore(&casus::ReadReliability),
      [](const std::filesystem::path& file) { casus::ReadNmcLatest(file); }};  // last: the seeds' first bytes keep their readers
  return readers;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto& reader = Readers()[data[0] % Readers().size()];
  const auto path = casus::fuzz::ScratchFile(casus::fuzz::AsText(data + 1, size - 1), "history.csv");
  try {
    reader(path);
  } catch (const casus::DataError&) {
  }
  return 0;
}
