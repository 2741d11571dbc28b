// Summaries of several instruments → a side-by-side table (text) or {"instruments":[…]} (JSON).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/report/summary.hpp"

namespace casus {

//! One column per instrument, one row per fact; `column_width` caps each instrument's column.
std::string RenderCompare(const std::vector<InstrumentSummary>& summaries, size_t column_width = 16);
//! {"instruments":[SummaryToJson…]}.
nlohmann::json CompareToJson(const std::vector<InstrumentSummary>& summaries);

}  // namespace casus
