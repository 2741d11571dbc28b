// KTAB's SMP input CSV → SmpScenario, validated. Line 1: `name,desc,N,D`; line 2: a header
// (Actor, Description, Power, then position and salience per dimension); then N rows
// `name,desc,capability,pos1,sal1,…` with positions and saliences on 0–100. Rejects wrong counts,
// non-numeric cells, values out of range, salience sums over 100 or of 0, with file:line:col.
#pragma once

#include <filesystem>
#include <optional>

#include "casus/bargain/smp.hpp"
#include "casus/core/diagnostic.hpp"

namespace casus {

std::optional<SmpScenario> ReadKtabCsv(const std::filesystem::path& path, Diagnostics& diagnostics);
std::optional<SmpScenario> ReadKtabCsvText(std::string_view text, std::string_view file_name, Diagnostics& diagnostics);

}  // namespace casus
