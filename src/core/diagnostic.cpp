#include "casus/core/diagnostic.hpp"

#include <fmt/format.h>

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

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.position.file;
  if (diagnostic.position.line > 0) {
    out += fmt::format(":{}:{}", diagnostic.position.line, diagnostic.position.column);
  }
  out += fmt::format(": {}: {}", SeverityName(diagnostic.level), diagnostic.message);
  if (!diagnostic.hint.empty()) {
    out += fmt::format("\n  hint: {}", diagnostic.hint);
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
