// `casus assess` results → a text table, JSON and CSV (docs/cli.md) and a self-contained HTML
// report: deterrence against acceptability with the cost as marker size, the frontier marked,
// one sentence per design (docs/assess.md).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/assess/assessment.hpp"
#include "casus/bargain/scales.hpp"

namespace casus {

std::string RenderAssessmentTable(const Assessment& assessment, const SettlementScales& scales);
//! {"scenario","settlement","seed","draws","perturbation":{"sd","draws","seed"},"central_settlement":{dimension: x},
//!  "designs":[{"id","p_attack","p_attack_se","p_attack_ci95","guarantor_cost","guarantor_cost_se",
//!  "p_collective_armed_response","position":{dimension:{"value","reason"}},"guarantors",
//!  "acceptance":{code:x},"acceptance_se":{code:x},"accepts_at_central_forecast":{code:bool},
//!  "stands_for":{code:[…]},"not_modelled":[…],"p_all_accept","p_all_accept_se","on_frontier","summary"}]}
nlohmann::json AssessmentToJson(const Assessment& assessment, const SettlementScales& scales);
//! One row per design, one column per result (RFC 4180, no JSON in cells).
std::string AssessmentToCsv(const Assessment& assessment, const SettlementScales& scales);
std::string RenderAssessmentHtml(const Assessment& assessment, const SettlementScales& scales);

std::string RenderSensitivityTable(const std::vector<InputSensitivity>& sensitivity, size_t rows);
nlohmann::json SensitivityToJson(const std::vector<InputSensitivity>& sensitivity);

}  // namespace casus
