// What every libFuzzer target shares: the party table from the source tree's data/, and a scratch
// file for the readers that take a path (scenario, sweep, history). See docs/reliability.md.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "casus/core/party_table.hpp"

namespace casus::fuzz {

//! The shipped party table (ISO 3166, COW, organisations), loaded once per process.
inline const PartyTable& Parties() {
  static const PartyTable parties = PartyTable::Load(std::filesystem::path(CASUS_SOURCE_HOME) / "data");
  return parties;
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

//! Writes `text` to this process's scratch file (one per process, so that parallel jobs do not
//! share it) and returns its path; `name` is the file's name (its extension matters to no reader).
inline std::filesystem::path ScratchFile(std::string_view text, const std::string& name) {
  static const std::filesystem::path directory = [] {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("casus-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    return dir;
  }();
  const std::filesystem::path path = directory / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  return path;
}

}  // namespace casus::fuzz
