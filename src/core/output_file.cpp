#include "casus/core/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

namespace casus {

namespace {

[[noreturn]] void Fail(const std::filesystem::path& target, std::string_view what, std::string_view hint) {
  throw OutputError(fmt::format("{}: error: cannot write the file: {}\n  hint: {}", target.string(), what, hint));
}

constexpr std::string_view kHint = "check that the folder exists, is writable and has room; nothing was written";

}  // namespace

void CheckOutputPath(const std::filesystem::path& target, const std::vector<std::filesystem::path>& inputs) {
  std::error_code error;
  const auto status = std::filesystem::status(target, error);
  if (std::filesystem::is_directory(status)) Fail(target, "it is a directory", "name a file inside it");
  if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) && !std::filesystem::is_character_file(status)) {
    Fail(target, "it is not a regular file (a FIFO or a socket)", "name an ordinary file");
  }
  if (std::filesystem::is_character_file(status)) return;  // /dev/null, /dev/stdout: written in place
  for (const auto& input : inputs) {
    if (input.empty()) continue;
    if (std::filesystem::equivalent(target, input, error) ||
        std::filesystem::weakly_canonical(target, error) == std::filesystem::weakly_canonical(input, error)) {
      Fail(target, fmt::format("it is also {}", input.string()), "write this output to another file");
    }
  }
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(folder, error)) Fail(target, fmt::format("there is no folder {}", folder.string()), "create the folder first");
  if (access(folder.c_str(), W_OK) != 0) Fail(target, fmt::format("the folder {} is not writable", folder.string()), kHint);
}

OutputFile::OutputFile(std::filesystem::path target, const std::vector<std::filesystem::path>& inputs) : target_(std::move(target)) {
  CheckOutputPath(target_, inputs);
}

OutputFile::~OutputFile() = default;

void OutputFile::Commit() {
  const std::string text = std::move(buffer_).str();
  std::error_code error;
  if (std::filesystem::is_character_file(target_, error)) {  // /dev/null, /dev/stdout: written in place, never replaced
    const int fd = open(target_.c_str(), O_WRONLY);
    if (fd < 0) Fail(target_, std::strerror(errno), kHint);
    for (size_t written = 0; written < text.size();) {
      const ssize_t count = write(fd, text.data() + written, text.size() - written);
      if (count < 0 && errno == EINTR) continue;
      if (count < 0) {
        const int saved = errno;
        close(fd);
        Fail(target_, std::strerror(saved), kHint);
      }
      written += static_cast<size_t>(count);
    }
    if (close(fd) != 0) Fail(target_, std::strerror(errno), kHint);
    return;
  }
  const std::filesystem::path folder = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
  std::filesystem::path temporary_name(".");  // a hidden file beside the target: rename() stays on one file system
  temporary_name += target_.filename();
  temporary_name += ".tmp-XXXXXX";
  std::string temporary = (folder / temporary_name).string();
  const int fd = mkstemp(temporary.data());
  if (fd < 0) Fail(target_, std::strerror(errno), kHint);
  auto abandon = [&](int saved_errno) {
    close(fd);
    unlink(temporary.c_str());
    Fail(target_, std::strerror(saved_errno), kHint);
  };
  for (size_t written = 0; written < text.size();) {
    const ssize_t count = write(fd, text.data() + written, text.size() - written);
    if (count < 0) {
      if (errno == EINTR) continue;
      abandon(errno);
    }
    written += static_cast<size_t>(count);
  }
  const mode_t mask = umask(0);  // mkstemp makes the file 0600; give it what open() would have
  umask(mask);
  if (fchmod(fd, 0666 & ~mask) != 0 || fsync(fd) != 0) abandon(errno);
  if (close(fd) != 0) {
    const int saved = errno;
    unlink(temporary.c_str());
    Fail(target_, std::strerror(saved), kHint);
  }
  if (std::rename(temporary.c_str(), target_.c_str()) != 0) {
    const int saved = errno;
    unlink(temporary.c_str());
    Fail(target_, std::strerror(saved), kHint);
  }
}

void WriteOutputFile(const std::filesystem::path& target, std::string_view text, const std::vector<std::filesystem::path>& inputs) {
  OutputFile file(target, inputs);
  file.Stream() << text;
  file.Commit();
}

}  // namespace casus
