#include "casus/serve/paths.hpp"

#include <algorithm>

namespace casus {

namespace fs = std::filesystem;

namespace {

//! True when `inner` is `outer` or below it (both already canonical).
bool IsWithin(const fs::path& outer, const fs::path& inner) {
  auto outer_it = outer.begin();
  auto inner_it = inner.begin();
  for (; outer_it != outer.end(); ++outer_it, ++inner_it) {
    if (inner_it == inner.end() || *outer_it != *inner_it) return false;
  }
  return true;
}

}  // namespace

std::optional<fs::path> ContainedPath(const fs::path& root, std::string_view name, std::string& why) {
  if (name.empty()) {
    why = "empty file name";
    return std::nullopt;
  }
  if (name.find('\0') != std::string_view::npos) {
    why = "file name holds a NUL byte";
    return std::nullopt;
  }
  const fs::path relative{std::string(name)};
  if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) {
    why = "absolute paths are not accepted: name a file inside the folder";
    return std::nullopt;
  }
  for (const auto& part : relative) {
    if (part == "..") {
      why = "'..' is not accepted in file names";
      return std::nullopt;
    }
  }
  std::error_code error;
  const fs::path real_root = fs::canonical(root, error);
  if (error) {
    why = "the folder does not exist";
    return std::nullopt;
  }
  fs::path candidate = real_root / relative;
  // Follow a symbolic link at the end even when its target does not exist yet (weakly_canonical
  // would leave such a link alone, and writing through it would leave the folder).
  for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(candidate, error)); ++hops) {
    const fs::path target = fs::read_symlink(candidate, error);
    if (error) break;
    candidate = target.is_absolute() ? target : candidate.parent_path() / target;
  }
  const fs::path real = fs::weakly_canonical(candidate, error);
  if (error || !IsWithin(real_root, real) || real == real_root) {
    why = "the name leads outside the folder";
    return std::nullopt;
  }
  return real;
}

bool IsPlainId(std::string_view id) {
  if (id.empty() || id.size() > 128 || id.find("..") != std::string_view::npos) return false;
  const auto allowed = [](char character) {
    return (character >= 'a' && character <= 'z') || (character >= '0' && character <= '9') || character == '-' ||
           character == '_' || character == '.';
  };
  return allowed(id.front()) && id.front() != '.' && id.front() != '-' && std::all_of(id.begin(), id.end(), allowed);
}

}  // namespace casus
