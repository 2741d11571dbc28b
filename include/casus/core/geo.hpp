#pragma once
//! Geography shared by the backtest's frame and the guarantee game's reach: degrees in, km out.

namespace casus {

//! Great-circle distance in km between two points given in degrees (haversine formula, IUGG mean
//! Earth radius 6371.0088 km).
double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace casus
