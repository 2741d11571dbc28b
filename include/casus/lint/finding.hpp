// Lint findings and the rule catalogue: each loophole rule by name, severity and rationale.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "casus/core/diagnostic.hpp"

namespace casus {

struct RuleInfo {
  std::string_view name;        //!< kebab-case, as in INSTRUMENTS.md's catalogue
  Severity severity;
  std::string_view fires_when;  //!< one line
  std::string_view rationale;   //!< why it matters, with its sources (for --explain)
};

//! The catalogue, in INSTRUMENTS.md's order.
const std::vector<RuleInfo>& RuleCatalogue();
//! The rule with this name, nullptr when none.
const RuleInfo* FindRule(std::string_view name);

struct Finding {
  std::string rule;
  Severity severity = Severity::Warning;
  std::string clause;  //!< clause id; empty for instrument-level findings
  std::string cite;    //!< the clause's cite; empty for instrument-level findings
  SourcePosition position;
  std::string message;
};

}  // namespace casus
