// The rule checks, one function per rule, grouped by family in rules_<family>.cpp. Each reads
// the instrument through the context and reports findings under its own catalogue name.
#pragma once

#include "casus/lint/lint_context.hpp"

namespace casus::rules {

// rules_decision.cpp: who decides and who can block
void AggressorVeto(LintContext& context);
void AttributionBlockable(LintContext& context);
void SingleDecider(LintContext& context);
// rules_duty.cpp: what is owed
void ConsultOnly(LintContext& context);
void NoDeadline(LintContext& context);
void ConstitutionalEscape(LintContext& context);
void MeansDiscretion(LintContext& context);
// rules_trigger.cpp: what sets it off
void ThresholdGap(LintContext& context);
void HybridGap(LintContext& context);
void GeographicGap(LintContext& context);
void ActivationCondition(LintContext& context);
// rules_instrument.cpp: the instrument as a whole
void NonBinding(LintContext& context);
void ShortDuration(LintContext& context);
void NoForcesInPlace(LintContext& context);

}  // namespace casus::rules
