// Simulation outcomes → the charts of report/svg_chart.hpp: P(attack) by design with its 95%
// interval, and the response mix (design × means) on one colour scale with the values printed.
#pragma once

#include <string>
#include <vector>

#include "casus/games/guarantee_game.hpp"

namespace casus {

std::string PAttackChart(const std::vector<DesignOutcome>& outcomes);
std::string ResponseMixChart(const std::vector<DesignOutcome>& outcomes);

}  // namespace casus
