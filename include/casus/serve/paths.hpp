// Relative names from the network → files inside one folder, or a refusal: what keeps `casus
// serve` from reading or writing outside its library, data and workspace folders.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace casus {

//! The file `name` names inside `root`, or nullopt with the reason in `why`. Refused: an empty
//! name, an absolute path, a drive or root name, a ".." component, a NUL byte, and any name whose
//! real location (every symbolic link followed, also a link at the end that points nowhere yet)
//! is not inside the real location of `root`.
std::optional<std::filesystem::path> ContainedPath(const std::filesystem::path& root, std::string_view name,
                                                   std::string& why);

//! True for a library or timeline id as casus spells them: [a-z0-9][a-z0-9._-]* without "..".
bool IsPlainId(std::string_view id);

}  // namespace casus
