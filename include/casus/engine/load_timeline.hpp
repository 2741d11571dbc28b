// TOML timeline file → Timeline, validated: unknown kinds, codes or fields, times without a time
// zone or out of order, places outside the attacked state, duplicate ids → diagnostics with
// file:line:col and a hint. Returns nullopt when any error was found.
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "casus/core/diagnostic.hpp"
#include "casus/core/party_table.hpp"
#include "casus/engine/timeline.hpp"

namespace casus {

std::optional<Timeline> LoadTimelineFile(const std::filesystem::path& path, const PartyTable& parties,
                                         Diagnostics& diagnostics);
std::optional<Timeline> LoadTimelineText(std::string_view text, std::string_view file_name, const PartyTable& parties,
                                         Diagnostics& diagnostics);

}  // namespace casus
