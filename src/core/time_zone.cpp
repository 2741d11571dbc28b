#include "casus/core/time_zone.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>

#include <fmt/format.h>

namespace casus {

namespace {

bool IsZoneFile(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return false;
  std::ifstream input(file, std::ios::binary);
  char magic[4] = {};
  return input.read(magic, 4) && std::string(magic, 4) == "TZif";
}

// glibc reads the zone from $TZ; localtime_r with TZ=":FILE" applies that file's rules. $TZ is
// process-wide: one caller at a time, and the old value restored.
std::tm LocalTime(const std::string& file, std::time_t time) {
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  const char* previous = std::getenv("TZ");
  const std::optional<std::string> saved = previous ? std::optional<std::string>(previous) : std::nullopt;
  ::setenv("TZ", (":" + file).c_str(), 1);
  ::tzset();
  std::tm local{};
  ::localtime_r(&time, &local);
  if (saved) ::setenv("TZ", saved->c_str(), 1);
  else ::unsetenv("TZ");
  ::tzset();
  return local;
}

}  // namespace

TimeZone TimeZone::Utc() { return TimeZone(); }

std::string TimeZone::Directory() {
  const char* directory = std::getenv("TZDIR");
  return directory && *directory ? std::string(directory) : std::string("/usr/share/zoneinfo");
}

std::optional<TimeZone> TimeZone::Find(const std::string& name) {
  if (name == "UTC") return Utc();
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) return std::nullopt;
  const std::filesystem::path file = std::filesystem::path(Directory()) / name;
  if (!IsZoneFile(file)) return std::nullopt;
  TimeZone zone;
  zone.name_ = name;
  zone.file_ = file.string();
  return zone;
}

std::vector<std::string> TimeZone::Names() {
  std::vector<std::string> names;
  const std::filesystem::path root(Directory());
  std::error_code error;
  for (std::filesystem::recursive_directory_iterator it(root, error), end; !error && it != end; it.increment(error)) {
    const std::string relative = std::filesystem::relative(it->path(), root, error).string();
    if (it->is_directory(error) && (relative == "posix" || relative == "right")) {
      it.disable_recursion_pending();
      continue;
    }
    if (relative.find('/') == std::string::npos && relative.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos &&
        relative != "UTC") {
      continue;  // old aliases in capitals (EST5EDT, CST6CDT…) are zones too, but rarely meant
    }
    if (IsZoneFile(it->path())) names.push_back(relative);
  }
  std::sort(names.begin(), names.end());
  return names;
}

long TimeZone::OffsetAt(std::chrono::sys_seconds time) const {
  if (utc()) return 0;
  return LocalTime(file_, static_cast<std::time_t>(time.time_since_epoch().count())).tm_gmtoff;
}

std::string TimeZone::Format(std::chrono::sys_seconds time) const {
  const std::time_t seconds = static_cast<std::time_t>(time.time_since_epoch().count());
  if (utc()) {
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
  }
  const std::tm local = LocalTime(file_, seconds);
  const long offset = local.tm_gmtoff;
  const long magnitude = offset < 0 ? -offset : offset;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}{:02}:{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour,
                     local.tm_min, local.tm_sec, offset < 0 ? '-' : '+', magnitude / 3600, magnitude % 3600 / 60);
}

}  // namespace casus
