// TOML instrument file → Instrument, validated: every mistake (syntax, unknown field, wrong type,
// unknown code, undefined reference, bad date or duration, duplicate id, empty text) becomes a
// diagnostic with file:line:col and a hint. Returns nullopt when any error was found.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/spec/instrument.hpp"

namespace casus {

//! Reads and validates one instrument file. Diagnostics name `path` as given.
std::optional<Instrument> LoadInstrumentFile(const std::filesystem::path& path, const PartyTable& parties,
                                             Diagnostics& diagnostics);

//! Validates instrument TOML held in memory; `file_name` is used in diagnostics.
std::optional<Instrument> LoadInstrumentText(std::string_view text, std::string_view file_name,
                                             const PartyTable& parties, Diagnostics& diagnostics);

}  // namespace casus
