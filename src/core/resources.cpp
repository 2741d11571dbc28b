#include "casus/core/resources.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

namespace casus {

std::filesystem::path FindHome(const std::optional<std::filesystem::path>& explicit_home) {
  std::vector<std::filesystem::path> candidates;
  const char* env = std::getenv("CASUS_HOME");
  if (explicit_home) {
    candidates.push_back(*explicit_home);
  } else if (env != nullptr && *env != '\0') {  // a home the user names is the only one tried
    candidates.emplace_back(env);
  } else {
    candidates.emplace_back(CASUS_SOURCE_HOME);
    candidates.emplace_back(CASUS_INSTALL_HOME);
  }
  std::string tried;
  for (const auto& candidate : candidates) {
    std::error_code error;
    if (std::filesystem::is_regular_file(candidate / "data" / "iso3166-1.csv", error)) {
      return candidate;
    }
    tried += "\n  " + candidate.string();
  }
  throw ResourceError("cannot find casus's data (data/iso3166-1.csv) in:" + tried +
                           "\n  hint: pass --home DIR or set CASUS_HOME to the folder holding data/ and library/");
}

}  // namespace casus
