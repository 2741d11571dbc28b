#include "casus/report/sweep_document.hpp"

namespace casus {

nlohmann::json SweepDocument(const std::string& sweep_id, const std::string& database, const SweepProgress& progress,
                             const std::string& csv, const std::string& report, const std::vector<ParetoPoint>& points) {
  using nlohmann::json;
  json front = json::array();
  for (const auto& point : points) {
    if (!point.on_front) continue;
    front.push_back({{"run", point.run},
                     {"design", point.design},
                     {"point", json::parse(point.point.empty() ? "{}" : point.point, nullptr, false)},
                     {"deterrence", point.deterrence},
                     {"guarantor_cost", point.guarantor_cost}});
    if (point.acceptability >= 0.0) front.back()["p_all_accept"] = point.acceptability;  // a sweep with a settlement
  }
  return {{"sweep", sweep_id},
          {"database", database},
          {"runs", progress.total},
          {"skipped", progress.skipped},
          {"done", progress.done},
          {"csv", csv.empty() ? json(nullptr) : json(csv)},
          {"report", report.empty() ? json(nullptr) : json(report)},
          {"pareto_front", front}};
}

}  // namespace casus
