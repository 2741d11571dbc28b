#include "casus/core/geo.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace casus {

double GreatCircleKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = std::numbers::pi / 180.0;
  constexpr double kEarthKm = 6371.0088;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlon = (lon2 - lon1) * kRadians;
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * kRadians) * std::cos(lat2 * kRadians) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2.0 * kEarthKm * std::asin(std::min(1.0, std::sqrt(a)));
}

}  // namespace casus
