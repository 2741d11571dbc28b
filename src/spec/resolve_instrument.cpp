#include "casus/spec/resolve_instrument.hpp"

#include <algorithm>

namespace casus {

namespace {
std::filesystem::path Shorten(const std::filesystem::path& path) {
  std::error_code error;
  const auto relative = std::filesystem::relative(path, std::filesystem::current_path(error), error);
  if (!error && !relative.empty() && relative.begin()->string() != "..") {
    return relative;
  }
  return path;
}
}  // namespace

std::filesystem::path ResolveInstrumentArgument(const std::string& argument, const std::filesystem::path& home) {
  std::error_code error;
  const std::filesystem::path as_given(argument);
  if (std::filesystem::exists(as_given, error) || argument.find('/') != std::string::npos ||
      as_given.extension() == ".toml") {
    return as_given;
  }
  const auto in_library = home / "library" / (argument + ".toml");
  if (std::filesystem::is_regular_file(in_library, error)) {
    return Shorten(in_library);
  }
  return as_given;
}

std::vector<std::filesystem::path> ListLibrary(const std::filesystem::path& home) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(home / "library", error)) {
    if (entry.path().extension() == ".toml") {
      files.push_back(Shorten(entry.path()));
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace casus
