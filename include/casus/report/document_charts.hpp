// The commands' JSON documents → the charts of report/svg_chart.hpp, for the workbench's pages
// (`casus serve`): positions over turns from `negotiate --json`, honour rates from
// `history reliability --json`. The chart reads only the document, so it shows what the CLI prints.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "casus/bargain/scales.hpp"

namespace casus {

//! One line per actor: its position on `dimension` at each turn of the document's history, the
//! last value at the line's end; the axis ends named from `scales` when given. Throws
//! std::out_of_range when `dimension` is not one of the document's.
std::string NegotiationPositionsChart(const nlohmann::json& negotiation_document, size_t dimension, const SettlementScales* scales);

//! Honour rates with their 95% (Wilson) intervals: overall, by era, by obligation type.
std::string ReliabilityChart(const nlohmann::json& reliability_document);

}  // namespace casus
