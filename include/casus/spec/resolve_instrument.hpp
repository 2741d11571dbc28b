// Command-line instrument arguments → files: a path as given, or a library id (nato-1949) →
// <home>/library/<id>.toml. Also lists the shipped library.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace casus {

//! The file an argument names: itself when it exists or looks like a path (has a '/' or ends in
//! .toml); else the library file <home>/library/<arg>.toml when it exists; else the argument
//! unchanged (loading it then reports "cannot open file"). Paths inside the working directory
//! are returned relative to it so that diagnostics stay short.
std::filesystem::path ResolveInstrumentArgument(const std::string& argument, const std::filesystem::path& home);

//! Every <home>/library/*.toml, sorted by file name.
std::vector<std::filesystem::path> ListLibrary(const std::filesystem::path& home);

}  // namespace casus
