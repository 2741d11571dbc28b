// Where casus finds its shipped files: the "home" folder holding data/ and library/.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>

namespace casus {

//! casus's own files are missing or malformed: a set-up problem (exit 2), not a bug.
class ResourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

//! `explicit_home` if given, else $CASUS_HOME if set (either is then the only place tried), else
//! the first of the source tree casus was built from and the install prefix's share/casus that
//! holds data/iso3166-1.csv. Throws ResourceError listing the
//! places tried when none does (hint: --home or CASUS_HOME).
std::filesystem::path FindHome(const std::optional<std::filesystem::path>& explicit_home);

}  // namespace casus
