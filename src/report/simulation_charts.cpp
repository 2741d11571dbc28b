#include "casus/report/simulation_charts.hpp"

#include <set>

#include "casus/report/svg_chart.hpp"

namespace casus {

std::string PAttackChart(const std::vector<DesignOutcome>& outcomes) {
  BarChart chart{"P(attack) by design", "P(attack)", "95% interval", {}, 1.0, 3};
  for (const auto& outcome : outcomes) {
    chart.bars.push_back({outcome.id, outcome.p_attack, std::make_pair(outcome.p_attack_ci95[0], outcome.p_attack_ci95[1])});
  }
  return RenderBarChart(chart);
}

std::string ResponseMixChart(const std::vector<DesignOutcome>& outcomes) {
  std::set<std::string> means;
  for (const auto& outcome : outcomes) {
    for (const auto& [name, probability] : outcome.response_mix) means.insert(name);
  }
  HeatMap chart{"Response mix: P(means used | attack)", "P(means used | attack)", {}, {means.begin(), means.end()}, {}, 1.0, 2};
  for (const auto& outcome : outcomes) {
    chart.rows.push_back(outcome.id);
    std::vector<std::optional<double>> row;
    for (const auto& name : chart.columns) {
      const auto found = outcome.response_mix.find(name);
      row.push_back(found == outcome.response_mix.end() ? 0.0 : found->second);
    }
    chart.cells.push_back(std::move(row));
  }
  return RenderHeatMap(chart);
}

}  // namespace casus
