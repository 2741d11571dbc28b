#include "casus/report/sweep_document.hpp"

namespace casus {

nlohmann::json SweepDocument(const std::string& sweep_id, const std::string& database, const SweepProgress& progress,
                             const std::string& csv, const std::string& report, const std::vector<ParetoPoint>& points) {
  using nlohmann::json;
  // The front's distinct points: points with identical results (settings that do not change them) once, the others as ties.
  json front = json::array();
  for (const auto& group : TiedPoints(points)) {
    const ParetoPoint& point = points[group.front()];
    if (!point.on_front) continue;
    json ties = json::array();
    for (size_t member = 1; member < group.size(); ++member) ties.push_back({{"run", points[group[member]].run}, {"design", points[group[member]].design}});
    front.push_back({{"run", point.run},
                     {"design", point.design},
                     {"point", json::parse(point.point.empty() ? "{}" : point.point, nullptr, false)},
                     {"deterrence", point.deterrence},
                     {"deterrence_se", point.deterrence_se},
                     {"guarantor_cost", point.guarantor_cost},
                     {"guarantor_cost_se", point.guarantor_cost_se},
                     {"ties", ties}});
    if (point.acceptability >= 0.0) {  // a sweep with a settlement
      front.back()["p_all_accept"] = point.acceptability;
      front.back()["p_all_accept_se"] = point.acceptability_se;
    }
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
