// Diagnostics: user mistakes with a source position and a hint → "file:line:col: error: message".
// Programmer bugs are asserts, not diagnostics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casus {

//! A position in a source file; line and column are 1-based, 0 means "not known".
struct SourcePosition {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

//! How serious a diagnostic or a lint finding is. Ordered: Note < Warning < Error.
enum class Severity { Note, Warning, Error };

//! One message about an input, with where it is and how to fix it.
struct Diagnostic {
  Severity level = Severity::Error;
  SourcePosition position;
  std::string message;
  std::string hint;  //!< empty when there is nothing useful to add
};

//! "error" | "warning" | "note".
std::string_view SeverityName(Severity severity);
//! "error" | "warning" | "note" → Severity; nullopt otherwise.
std::optional<Severity> ParseSeverity(std::string_view text);

//! "file:line:col: error: message" and, when a hint exists, a second line "  hint: …".
std::string FormatDiagnostic(const Diagnostic& diagnostic);

//! Collects diagnostics in the order they are found.
class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);
  void Error(SourcePosition position, std::string message, std::string hint = {});
  //! True when at least one Error was added.
  bool HasErrors() const { return error_count_ > 0; }
  size_t ErrorCount() const { return error_count_; }
  const std::vector<Diagnostic>& All() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t error_count_ = 0;
};

}  // namespace casus
