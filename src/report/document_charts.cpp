#include "casus/report/document_charts.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "casus/report/svg_chart.hpp"

namespace casus {

std::string NegotiationPositionsChart(const nlohmann::json& document, size_t dimension, const SettlementScales* scales) {
  const auto& dimensions = document.at("dimensions");
  if (dimension >= dimensions.size()) throw std::out_of_range(fmt::format("no dimension {} (the scenario has {})", dimension, dimensions.size()));
  LineChart chart;
  chart.title = fmt::format("{}: positions over turns", dimensions.at(dimension).get<std::string>());
  chart.x_axis = "turn";
  chart.y_axis = "position (0–100)";
  if (scales != nullptr && dimension < scales->dimensions.size()) {
    chart.low_label = scales->dimensions[dimension].low;
    chart.high_label = scales->dimensions[dimension].high;
  }
  const auto& actors = document.at("actors");
  for (size_t actor = 0; actor < actors.size(); ++actor) {
    Series series{actors.at(actor).get<std::string>(), {}};
    for (const auto& turn : document.at("history")) series.values.push_back(turn.at("positions").at(actor).at(dimension).get<double>());
    chart.series.push_back(std::move(series));
  }
  return RenderLineChart(chart);
}

std::string ReliabilityChart(const nlohmann::json& document) {
  BarChart chart{fmt::format("Alliances honoured when the casus foederis arose (coding: {})", document.at("coding").get<std::string>()),
                 "share honoured", "95% interval (Wilson)", {}, 1.0, 2};
  const auto add = [&chart](const std::string& label, const nlohmann::json& rate) {
    const auto& interval = rate.at("ci95");
    chart.bars.push_back({fmt::format("{} (n={})", label, rate.at("honored").get<long>() + rate.at("violated").get<long>()),
                          rate.at("rate").get<double>(), std::make_pair(interval.at(0).get<double>(), interval.at(1).get<double>())});
  };
  add("overall", document.at("overall"));
  for (const auto& [era, rate] : document.at("by_era").items()) add(era, rate);
  for (const auto& [type, rate] : document.at("by_type").items()) add(type, rate);
  return RenderBarChart(chart);
}

}  // namespace casus
