#include "casus/core/diagnostic.hpp"

#include <fmt/format.h>

namespace casus {

std::string_view DiagnosticLevelName(DiagnosticLevel level) {
  switch (level) {
    case DiagnosticLevel::Error: return "error";
    case DiagnosticLevel::Warning: return "warning";
    case DiagnosticLevel::Note: return "note";
  }
  return "error";
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  std::string out = diagnostic.position.file;
  if (diagnostic.position.line > 0) {
    out += fmt::format(":{}:{}", diagnostic.position.line, diagnostic.position.column);
  }
  out += fmt::format(": {}: {}", DiagnosticLevelName(diagnostic.level), diagnostic.message);
  if (!diagnostic.hint.empty()) {
    out += fmt::format("\n  hint: {}", diagnostic.hint);
  }
  return out;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.level == DiagnosticLevel::Error) {
    ++error_count_;
  }
  diagnostics_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(SourcePosition position, std::string message, std::string hint) {
  Add(Diagnostic{DiagnosticLevel::Error, std::move(position), std::move(message), std::move(hint)});
}

}  // namespace casus
