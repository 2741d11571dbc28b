#include "casus/report/negotiation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/report/text_table.hpp"

namespace casus {

std::string RenderSmpHistory(const SmpScenario& scenario, const SmpResult& result) {
  std::string out = fmt::format("There were {} states, with {} steps between them\n", result.states.size(), result.states.size() - 1);
  if (result.degenerate) {
    out += "Degenerate input: every actor values every position alike (all at one position), so no bargain can move anyone;\n"
           "the run stops at state 0, with the probabilities of its positions defined (KTAB prints NaN here).\n";
  }
  out += "History of actor positions over time:\n";
  for (size_t actor_idx = 0; actor_idx < scenario.actors.size(); ++actor_idx) {
    for (size_t dim_idx = 0; dim_idx < scenario.dimensions.size(); ++dim_idx) {
      out += fmt::format("{}, {}: ", scenario.actors[actor_idx].name, scenario.dimensions[dim_idx]);
      for (const auto& state : result.states) out += fmt::format("{:5.1f} ", 100.0 * state[actor_idx][dim_idx]);
      out += '\n';
    }
  }
  out += "History of actors' winning probabilities:\n";
  for (size_t actor_idx = 0; actor_idx < scenario.actors.size(); ++actor_idx) {
    out += fmt::format("{}, prob : ", scenario.actors[actor_idx].name);
    for (const auto& probabilities : result.probabilities) out += fmt::format("{:.4f} ", probabilities[actor_idx]);
    out += '\n';
  }
  return out;
}

std::string RenderSmpForecast(const SmpScenario& scenario, const SmpForecast& forecast,
                              const std::optional<PerturbedForecast>& perturbed, const SettlementScales* scales) {
  std::string out = "\nForecast (final state; capability × salience weights):\n";
  std::vector<std::string> header = {"dimension", "weighted mean", "weighted median"};
  if (perturbed) {
    header.push_back(fmt::format("mean, 90% band ({} draws, sd {})", perturbed->draws, perturbed->sd));
    header.push_back("median, 90% band");
  }
  TextTable table(header, 40);
  for (size_t dim_idx = 0; dim_idx < scenario.dimensions.size(); ++dim_idx) {
    std::vector<std::string> row = {scenario.dimensions[dim_idx], fmt::format("{:5.1f}", 100.0 * forecast.weighted_mean[dim_idx]),
                                    fmt::format("{:5.1f}", 100.0 * forecast.weighted_median[dim_idx])};
    if (perturbed) {
      const Band& mean = perturbed->weighted_mean[dim_idx];
      const Band& median = perturbed->weighted_median[dim_idx];
      row.push_back(fmt::format("{:5.1f} [{:5.1f}, {:5.1f}]", 100.0 * mean.median, 100.0 * mean.low, 100.0 * mean.high));
      row.push_back(fmt::format("{:5.1f} [{:5.1f}, {:5.1f}]", 100.0 * median.median, 100.0 * median.low, 100.0 * median.high));
    }
    table.AddRow(std::move(row));
  }
  out += table.Render();
  if (scales != nullptr) {  // what the numbers mean (the scale file, docs/negotiation.md "Scale files")
    out += fmt::format("On each scale ({}): 0 and 100, and where the weighted median falls\n", scales->file);
    for (size_t dim_idx = 0; dim_idx < scenario.dimensions.size() && dim_idx < scales->dimensions.size(); ++dim_idx) {
      const DimensionScale& scale = scales->dimensions[dim_idx];
      out += "  " + WrapParagraph(fmt::format("{}: 0 = {}; 100 = {}", scenario.dimensions[dim_idx], scale.low, scale.high), kTextWidth, 4);
      out += "    " + WrapParagraph(fmt::format("median {}", scales->Describe(dim_idx, 100.0 * forecast.weighted_median[dim_idx])), kTextWidth, 6);
    }
  }
  out += WrapParagraph(fmt::format("Clusters of final positions (actors within {:.1f} point of each other on every dimension) and the "
                                   "probability each wins:",
                                   100.0 * kClusterTolerance));
  for (const auto& cluster : forecast.clusters) {
    std::vector<std::string> names;
    for (const size_t actor_idx : cluster.actors) names.push_back(scenario.actors[actor_idx].name);
    std::vector<std::string> coordinates;
    for (const double value : cluster.position) coordinates.push_back(fmt::format("{:.1f}", 100.0 * value));
    out += fmt::format("  {:.4f}  ({})  {}\n", cluster.probability, fmt::join(coordinates, ", "), fmt::join(names, ", "));
  }
  if (perturbed) {
    out += fmt::format("Turns over the perturbed runs: median {:.0f}, 90% band [{:.0f}, {:.0f}]; seed {}\n", perturbed->turns.median,
                       perturbed->turns.low, perturbed->turns.high, perturbed->seed);
  }
  return out;
}

nlohmann::json SmpToJson(const SmpScenario& scenario, const SmpResult& result, const SmpForecast& forecast,
                         const std::optional<PerturbedForecast>& perturbed) {
  using nlohmann::json;
  auto scaled = [](const std::vector<double>& values) {
    std::vector<double> out;
    for (const double value : values) out.push_back(100.0 * value);
    return out;
  };
  json actors = json::array();
  for (const auto& actor : scenario.actors) actors.push_back(actor.name);
  json history = json::array();
  for (size_t state_idx = 0; state_idx < result.states.size(); ++state_idx) {
    json positions = json::array();
    for (const auto& position : result.states[state_idx]) positions.push_back(scaled(position));
    history.push_back({{"turn", state_idx}, {"positions", positions}, {"probabilities", result.probabilities[state_idx]}});
  }
  json clusters = json::array();
  for (const auto& cluster : forecast.clusters) {
    clusters.push_back({{"position", scaled(cluster.position)}, {"actors", cluster.actors}, {"probability", cluster.probability}});
  }
  json out = {{"scenario", scenario.name},
              {"turns", result.states.size() - 1},
              {"degenerate", result.degenerate},
              {"actors", actors},
              {"dimensions", scenario.dimensions},
              {"history", history},
              {"forecast",
               {{"weighted_mean", scaled(forecast.weighted_mean)},
                {"weighted_median", scaled(forecast.weighted_median)},
                {"clusters", clusters}, {"cluster_tolerance", 100.0 * kClusterTolerance}}}};
  if (perturbed) {
    auto bands = [](const std::vector<Band>& values) {
      json out_bands = json::array();
      for (const auto& band : values) out_bands.push_back({{"p05", 100.0 * band.low}, {"p50", 100.0 * band.median}, {"p95", 100.0 * band.high}});
      return out_bands;
    };
    out["perturbation"] = {{"sd", perturbed->sd},
                           {"draws", perturbed->draws},
                           {"seed", perturbed->seed},
                           {"weighted_mean", bands(perturbed->weighted_mean)},
                           {"weighted_median", bands(perturbed->weighted_median)},
                           {"turns", {{"p05", perturbed->turns.low}, {"p50", perturbed->turns.median}, {"p95", perturbed->turns.high}}}};
  } else {
    out["perturbation"] = nullptr;
  }
  return out;
}

}  // namespace casus
