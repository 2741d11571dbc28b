#include "casus/core/diagnostic.hpp"

#include <fmt/format.h>

#include "casus/core/utf8.hpp"

namespace casus {

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

std::optional<Severity> ParseSeverity(std::string_view text) {
  if (text == "error") return Severity::Error;
  if (text == "warning") return Severity::Warning;
  if (text == "note") return Severity::Note;
  return std::nullopt;
}

// Invisible and control characters in the file, message and hint are shown as "<U+200F>" (ShowInvisible):
// a right-to-left override in a party code would otherwise print the code reversed.
std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = ShowInvisible(diagnostic.position.file);
  if (diagnostic.position.line > 0) {
    out += fmt::format(":{}:{}", diagnostic.position.line, diagnostic.position.column);
  }
  out += fmt::format(": {}: {}", SeverityName(diagnostic.level), ShowInvisible(diagnostic.message));
  if (!diagnostic.hint.empty()) {
    out += fmt::format("\n  hint: {}", ShowInvisible(diagnostic.hint));
  }
  return out;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.level == Severity::Error) {
    ++error_count_;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(SourcePosition position, std::string message, std::string hint) {
  Add(Diagnostic{Severity::Error, std::move(position), std::move(message), std::move(hint)});
}

}  // namespace casus
