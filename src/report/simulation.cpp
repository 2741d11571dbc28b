#include "casus/report/svg_chart.hpp"
#include "casus/report/simulation_charts.hpp"
#include "casus/report/simulation.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/report/text_table.hpp"

namespace casus {

namespace {

// The parameters a simulation ran with, for its JSON and its report: enough to rerun it.
// Per means: the number, or {mean, sd} where it is drawn.
nlohmann::json PerMeansToJson(const std::map<Means, double>& values, const std::map<Means, double>& sds) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [means, value] : values) {
    const auto sd = sds.find(means);
    if (sd != sds.end() && sd->second > 0.0) {
      out[std::string(ToString(means))] = {{"mean", value}, {"sd", sd->second}};
    } else {
      out[std::string(ToString(means))] = value;
    }
  }
  return out;
}

nlohmann::json GuarantorOverridesToJson(const GameParameters& p) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [party, value] : p.guarantor_values) out[party]["value"] = {{"mean", value.mean}, {"sd", value.sd}};
  for (const auto& [party, cost] : p.guarantor_reneging_cost) out[party]["reneging_cost"] = cost;
  return out;
}

nlohmann::json ParametersToJson(const GameParameters& p) {
  const nlohmann::json cost = PerMeansToJson(p.cost, p.cost_sd);
  const nlohmann::json effectiveness = PerMeansToJson(p.effectiveness, p.effectiveness_sd);
  return {{"challenger_gain", {{"mean", p.challenger_gain.mean}, {"sd", p.challenger_gain.sd}}},
          {"challenger_war_cost", {{"mean", p.challenger_war_cost.mean}, {"sd", p.challenger_war_cost.sd}}},
          {"challenger_type_sd", p.challenger_type_sd},
          {"guarantor_value", {{"mean", p.guarantor_value.mean}, {"sd", p.guarantor_value.sd}}},
          {"common_shock_sd", p.common_shock_sd},
          {"noise_sd", p.noise_sd},
          {"reneging_cost", {{"mean", p.reneging_cost}, {"sd", p.reneging_cost_sd}}},
          {"forces_bonus", p.forces_bonus},
          {"no_deadline_factor", p.no_deadline_factor},
          {"deadline_scale_days", p.deadline_scale_days},
          {"short_exit_factor", p.short_exit_factor},
          {"cost", cost},
          {"effectiveness", effectiveness},
          {"capability_sd", p.capability_sd},
          {"reach_half_distance_km", p.reach_half_distance_km},
          {"nuclear_escalation_probability", p.nuclear_escalation_probability},
          {"nuclear_escalation_loss", p.nuclear_escalation_loss},
          {"nuclear_cost_markup", p.nuclear_cost_markup},
          {"defender_strength", p.defender_strength},
          {"forces_reference_troops", p.forces_reference_troops},
          {"tripwire_bonus", p.tripwire_bonus},
          {"free_riding", p.free_riding},
          {"guarantors", GuarantorOverridesToJson(p)}};
}

// Where each parameter of `parameters` (ParametersToJson) comes from: the scenario's record, or "default".
nlohmann::json ParameterSources(const GuaranteeScenario& scenario, const nlohmann::json& parameters) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : parameters.items()) {
    const auto found = scenario.parameter_sources.find(name);
    out[name] = found != scenario.parameter_sources.end() ? found->second : std::string("default");
  }
  return out;
}

// The rows of the decomposition, largest share of the fall in P(attack) first.
std::vector<const DesignOutcome::Contribution*> SortedContributions(const DesignOutcome& outcome) {
  std::vector<const DesignOutcome::Contribution*> rows;
  for (const auto& row : outcome.contributions) rows.push_back(&row);
  std::stable_sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->p_attack_reduction > b->p_attack_reduction; });
  return rows;
}

// "0.52 ± 0.004", or "0.52" when no standard error is recorded.
std::string WithError(double value, const std::map<std::string, double>& errors, const std::string& key) {
  const auto found = errors.find(key);
  return found == errors.end() ? fmt::format("{:.2f}", value) : fmt::format("{:.2f} ± {:.3f}", value, found->second);
}

std::string FormatParameter(const nlohmann::json& value) {
  if (value.is_number()) return fmt::format("{:.4g}", value.get<double>());
  if (value.contains("mean")) return fmt::format("N({:.4g}, {:.4g})", value["mean"].get<double>(), value["sd"].get<double>());
  std::vector<std::string> parts;
  for (const auto& [key, item] : value.items()) parts.push_back(fmt::format("{} {}", key, FormatParameter(item)));
  return fmt::format("{}", fmt::join(parts, ", "));
}
}  // namespace

std::string RenderSimulationTable(const std::vector<DesignOutcome>& outcomes) {
  // Within 120 columns for design ids of up to 27 characters (coalition-reassurance-force):
  // 27 + 4 × 2 spaces + 20 + 20 + 22 + 22; the mix and the costs wrap within their columns.
  TextTable table({"design", "P(attack) [95% CI]", "P(armed | attack)", "response mix | attack", "cost | attack"}, 22);
  for (const auto& outcome : outcomes) {
    std::vector<std::string> mix;
    for (const auto& [means, p] : outcome.response_mix) {
      if (p >= 0.005) mix.push_back(fmt::format("{} {:.2f}", means, p));
    }
    std::vector<std::pair<double, std::string>> costs;
    for (const auto& [guarantor, cost] : outcome.guarantor_cost) costs.emplace_back(-cost, guarantor);
    std::sort(costs.begin(), costs.end());
    std::vector<std::string> top;
    for (size_t idx = 0; idx < costs.size() && idx < 4; ++idx) {
      if (-costs[idx].first >= 0.005) top.push_back(fmt::format("{} {:.2f}", costs[idx].second, -costs[idx].first));
    }
    table.AddRow({outcome.id,
                  fmt::format("{:.3f} [{:.3f}, {:.3f}]", outcome.p_attack, outcome.p_attack_ci95[0], outcome.p_attack_ci95[1]),
                  fmt::format("{:.3f} [{:.3f}, {:.3f}]", outcome.p_collective_armed_response, outcome.p_collective_armed_response_ci95[0],
                              outcome.p_collective_armed_response_ci95[1]),
                  mix.empty() ? "none" : fmt::format("{}", fmt::join(mix, ", ")),
                  top.empty() ? "none" : fmt::format("{}", fmt::join(top, ", "))});
  }
  return table.Render() +
         "P(armed | attack): the guarantors' collective armed response given an attack [95% CI]; response mix: each means'\n"
         "probability given an attack; cost | attack: the four guarantors it costs most\n";
}

nlohmann::json ExplanationToJson(const DesignOutcome& outcome, const std::vector<ClauseChange>& changes) {
  nlohmann::json contributions = nlohmann::json::array();
  for (const auto* row : SortedContributions(outcome)) {
    contributions.push_back({{"guarantor", row->guarantor}, {"means", row->means}, {"loss", row->loss}, {"p_used", row->p_used},
                             {"expected_loss", row->expected_loss}, {"p_attack_reduction", row->p_attack_reduction}});
  }
  nlohmann::json guarantors = nlohmann::json::array();
  for (const auto& facts : outcome.guarantors) {
    guarantors.push_back({{"guarantor", facts.guarantor}, {"military", facts.military}, {"economic", facts.economic},
                          {"distance_km", facts.distance_km}, {"gradient", facts.gradient}, {"nuclear", facts.nuclear},
                          {"troops", facts.troops}, {"tripwire", facts.tripwire}, {"value_mean", facts.value_mean},
                          {"free_riding", facts.free_riding}});
  }
  nlohmann::json best = nlohmann::json::array();
  for (const auto& change : changes) {
    best.push_back({{"instrument", change.instrument}, {"clause", change.clause}, {"change", change.change}, {"p_attack", change.p_attack},
                    {"p_attack_before", change.p_attack_before}});
  }
  return {{"p_attack_without_guarantee", outcome.p_attack_without_guarantee},
          {"challenger_gain", outcome.challenger_gain},
          {"war_cost", outcome.war_cost},
          {"war_cost_without_forces", outcome.war_cost_without_forces},
          {"expected_loss", outcome.expected_loss},
          {"forces_p_attack_reduction", outcome.forces_p_attack_reduction},
          {"contributions", contributions},
          {"guarantors", guarantors},
          {"best_changes", best}};
}

std::string RenderExplanationText(const std::vector<DesignOutcome>& outcomes, const std::vector<std::vector<ClauseChange>>& changes) {
  std::string out;
  for (size_t idx = 0; idx < outcomes.size(); ++idx) {
    const DesignOutcome& outcome = outcomes[idx];
    out += fmt::format("\n{}: P(attack) {:.3f} = {:.3f} without the guarantee (G {:.2f} − W₀ {:.2f}) − {:.3f} from forces in place "
                       "(W {:.2f}) − {:.3f} from the guarantors' responses (E[L] {:.3f})\n",
                       outcome.id, outcome.p_attack, outcome.p_attack_without_guarantee, outcome.challenger_gain, outcome.war_cost_without_forces,
                       outcome.forces_p_attack_reduction, outcome.war_cost,
                       outcome.p_attack_without_guarantee - outcome.p_attack - outcome.forces_p_attack_reduction, outcome.expected_loss);
    TextTable table({"guarantor", "means", "L if used", "P(used | attack)", "share of E[L]", "lowers P(attack) by"}, 40);
    size_t shown = 0;
    double rest_loss = 0.0;
    double rest_reduction = 0.0;
    for (const auto* row : SortedContributions(outcome)) {
      if (shown < 8 && row->p_attack_reduction >= 0.0005) {
        table.AddRow({row->guarantor, row->means, fmt::format("{:.3f}", row->loss), fmt::format("{:.3f}", row->p_used),
                      fmt::format("{:.3f}", row->expected_loss), fmt::format("{:.3f}", row->p_attack_reduction)});
        ++shown;
      } else {
        rest_loss += row->expected_loss;
        rest_reduction += row->p_attack_reduction;
      }
    }
    if (rest_loss > 0.0) table.AddRow({"(the rest)", "", "", "", fmt::format("{:.3f}", rest_loss), fmt::format("{:.3f}", rest_reduction)});
    out += table.Render();
    std::vector<std::string> facts;
    std::vector<DesignOutcome::GuarantorFacts> by_reach = outcome.guarantors;
    std::stable_sort(by_reach.begin(), by_reach.end(), [](const auto& a, const auto& b) {
      return a.military * a.gradient + a.economic > b.military * b.gradient + b.economic;
    });
    for (const auto& fact : by_reach) {
      if (facts.size() >= 6) break;
      facts.push_back(fmt::format("{} military {:.3f} × reach {:.2f} ({:.0f} km), economic {:.3f}{}{}, v̄ {:.2f}{}", fact.guarantor, fact.military,
                                  fact.gradient, fact.distance_km, fact.economic, fact.nuclear ? ", nuclear" : "",
                                  fact.troops > 0.0 ? fmt::format(", {:.0f} troops{}", fact.troops, fact.tripwire ? " struck (tripwire)" : " away from the attack") : "",
                                  fact.value_mean, fact.free_riding > 0.0 ? fmt::format(" (free riding −{:.2f})", fact.free_riding) : ""));
    }
    out += fmt::format("  guarantors: {}{}\n", fmt::join(facts, "; "), outcome.guarantors.size() > facts.size() ? fmt::format("; … {} more", outcome.guarantors.size() - facts.size()) : "");
    if (idx < changes.size()) {
      if (changes[idx].empty()) out += "  no one-clause change lowers P(attack)\n";
      for (size_t rank = 0; rank < changes[idx].size(); ++rank) {
        const ClauseChange& change = changes[idx][rank];
        out += fmt::format("  change {}: {}{}: P(attack) {:.3f} → {:.3f} ({:+.3f})\n", rank + 1,
                           change.clause.empty() ? "" : fmt::format("{} / {}: ", change.instrument, change.clause), change.change,
                           change.p_attack_before, change.p_attack, change.p_attack - change.p_attack_before);
      }
    }
  }
  return out;
}

nlohmann::json SimulationToJson(const GuaranteeScenario& scenario, const std::vector<DesignOutcome>& outcomes,
                                 const SimulationOptions& options, int threads_used, const std::vector<std::vector<ClauseChange>>* changes) {
  nlohmann::json designs = nlohmann::json::array();
  for (size_t outcome_idx = 0; outcome_idx < outcomes.size(); ++outcome_idx) {
    const DesignOutcome& outcome = outcomes[outcome_idx];
    designs.push_back({{"id", outcome.id},
                       {"p_attack", outcome.p_attack},
                       {"p_attack_se", outcome.p_attack_se},
                       {"p_attack_ci95", {outcome.p_attack_ci95[0], outcome.p_attack_ci95[1]}},
                       {"p_collective_armed_response", outcome.p_collective_armed_response},
                       {"p_collective_armed_response_se", outcome.p_collective_armed_response_se},
                       {"p_collective_armed_response_ci95",
                        {outcome.p_collective_armed_response_ci95[0], outcome.p_collective_armed_response_ci95[1]}},
                       {"response_mix", outcome.response_mix},
                       {"response_mix_se", outcome.response_mix_se},
                       {"guarantor_cost", outcome.guarantor_cost},
                       {"guarantor_cost_se", outcome.guarantor_cost_se},
                       {"triggered_commitments", outcome.triggered_commitments}});
    if (changes != nullptr) designs.back()["explain"] = ExplanationToJson(outcome, outcome_idx < changes->size() ? (*changes)[outcome_idx] : std::vector<ClauseChange>{});
  }
  const nlohmann::json parameters = ParametersToJson(scenario.parameters);
  return {{"scenario", scenario.id}, {"seed", options.seed}, {"draws", options.draws}, {"threads", threads_used},
          {"parameters", parameters}, {"parameter_sources", ParameterSources(scenario, parameters)}, {"designs", designs}};
}

std::string RenderSimulationHtml(const GuaranteeScenario& scenario, const std::vector<DesignOutcome>& outcomes,
                                 const SimulationOptions& options, const std::vector<std::vector<ClauseChange>>* changes) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + XmlEscape(scenario.id) +
                    " — casus simulate</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222;max-width:64em}"
                    "table{border-collapse:collapse}td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left}"
                    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}.note{color:#555;font-size:.9em}</style></head><body>\n";
  out += fmt::format("<h1>{}: would it deter?</h1>\n<p class=\"note\">{} — challenger {}, beneficiary {}; contemplated attack: {} at {}. "
                     "{} draws, seed {}. Generated by <code>casus simulate</code>; the model and its defaults: docs/guarantee-game.md.</p>\n",
                     XmlEscape(scenario.id), XmlEscape(scenario.title), scenario.challenger, scenario.beneficiary,
                     ToString(scenario.attack.kind), XmlEscape(scenario.attack.where), options.draws, options.seed);
  // The charts of the shared chart module (report/svg_chart.hpp), as the workbench shows them.
  out += "<h2>P(attack) by design, with 95% intervals</h2>\n" + PAttackChart(outcomes);
  out += "<h2>Response mix given an attack: P(each means is used)</h2>\n" + ResponseMixChart(outcomes);
  // The table.
  out += "<h2>Table</h2>\n<p class=\"note\">Monte Carlo uncertainty: 95 % intervals, or ± one standard error. "
         "The quantities given an attack weight each draw by its P(attack).</p>\n"
         "<table><tr><th>design</th><th>P(attack) [95% CI]</th><th>P(armed response | attack) [95% CI]</th>"
         "<th>response mix | attack</th><th>largest costs to guarantors | attack</th><th>commitments triggered</th></tr>\n";
  for (const auto& outcome : outcomes) {
    std::vector<std::string> mix;
    for (const auto& [means, p] : outcome.response_mix) {
      if (p >= 0.005) mix.push_back(fmt::format("{} {}", means, WithError(p, outcome.response_mix_se, means)));
    }
    std::vector<std::pair<double, std::string>> costs;
    for (const auto& [guarantor, cost] : outcome.guarantor_cost) costs.emplace_back(-cost, guarantor);
    std::sort(costs.begin(), costs.end());
    std::vector<std::string> top;
    for (size_t idx = 0; idx < costs.size() && idx < 5 && -costs[idx].first >= 0.005; ++idx) {
      top.push_back(fmt::format("{} {}", costs[idx].second, WithError(-costs[idx].first, outcome.guarantor_cost_se, costs[idx].second)));
    }
    out += fmt::format("<tr><td>{}</td><td>{:.3f} [{:.3f}, {:.3f}]</td><td>{:.3f} [{:.3f}, {:.3f}]</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       XmlEscape(outcome.id), outcome.p_attack, outcome.p_attack_ci95[0], outcome.p_attack_ci95[1],
                       outcome.p_collective_armed_response, outcome.p_collective_armed_response_ci95[0],
                       outcome.p_collective_armed_response_ci95[1], XmlEscape(fmt::format("{}", fmt::join(mix, "; "))),
                       XmlEscape(fmt::format("{}", fmt::join(top, "; "))), outcome.triggered_commitments);
  }
  out += "</table>\n";
  if (changes != nullptr) {
    out += "<h2>Explain: what drives P(attack)</h2>\n<p class=\"note\">Per design: P(attack) without the guarantee, the share "
           "of its fall due to forces in place (the local balance) and to each guarantor's means (Aumann–Shapley along the diagonal; "
           "the shares sum to the total), and the one-clause changes that lower P(attack) most (docs/guarantee-game.md, \"Explain\").</p>\n";
    for (size_t idx = 0; idx < outcomes.size(); ++idx) {
      const DesignOutcome& outcome = outcomes[idx];
      out += fmt::format("<h3>{}</h3>\n<p>P(attack) {:.3f}; without the guarantee {:.3f}; forces in place lower it by {:.3f}.</p>\n"
                         "<table><tr><th>guarantor</th><th>means</th><th>L if used</th><th>P(used | attack)</th><th>share of E[L]</th>"
                         "<th>lowers P(attack) by</th></tr>\n",
                         XmlEscape(outcome.id), outcome.p_attack, outcome.p_attack_without_guarantee, outcome.forces_p_attack_reduction);
      for (const auto* row : SortedContributions(outcome)) {
        if (row->p_attack_reduction < 0.0005) continue;
        out += fmt::format("<tr><td>{}</td><td>{}</td><td>{:.3f}</td><td>{:.3f}</td><td>{:.3f}</td><td>{:.3f}</td></tr>\n", XmlEscape(row->guarantor),
                           XmlEscape(row->means), row->loss, row->p_used, row->expected_loss, row->p_attack_reduction);
      }
      out += "</table>\n<ol>\n";
      if (idx < changes->size()) {
        for (const auto& change : (*changes)[idx]) {
          out += fmt::format("<li>{}{}: P(attack) {:.3f} → {:.3f}</li>\n", change.clause.empty() ? "" : XmlEscape(change.instrument + " / " + change.clause + ": "),
                             XmlEscape(change.change), change.p_attack_before, change.p_attack);
        }
      }
      out += "</ol>\n";
    }
  }
  out += "<h2>Parameters</h2>\n<p class=\"note\">As simulated (defaults and their sources: docs/guarantee-game.md; "
         "N(mean, sd) is drawn per draw).</p>\n<table>\n";
  const nlohmann::json parameters = ParametersToJson(scenario.parameters);  // items() refers into it
  const nlohmann::json sources = ParameterSources(scenario, parameters);
  out += "<tr><th>parameter</th><th>value</th><th>source</th></tr>\n";
  for (const auto& [name, value] : parameters.items()) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", XmlEscape(name), XmlEscape(FormatParameter(value)),
                       XmlEscape(sources.at(name).get<std::string>()));
  }
  out += "</table>\n</body></html>\n";
  return out;
}

std::string SweepFrontRule() {
  return "A point is off the front when another point deters more or costs less (or, with a settlement, is more "
         "acceptable to all) by more than 1.96 × √(se₁² + se₂²) — beyond both points' Monte Carlo error — and is worse by "
         "more than that on nothing; differences within that margin count as ties.";
}

std::string RenderSweepHtml(const std::string& sweep_id, const std::vector<ParetoPoint>& points) {
  const std::vector<std::vector<size_t>> distinct = TiedPoints(points);
  std::vector<std::string> designs;  // in order of first appearance: the colours
  for (const auto& point : points) {
    if (std::find(designs.begin(), designs.end(), point.design) == designs.end()) designs.push_back(point.design);
  }
  auto settings_of = [](const ParetoPoint& point) {
    std::vector<std::string> settings;
    const nlohmann::json values = nlohmann::json::parse(point.point.empty() ? "{}" : point.point, nullptr, false);
    if (values.is_object()) {
      for (const auto& [name, value] : values.items()) {
        if (name != "design") settings.push_back(fmt::format("{} {}", name, value.is_string() ? value.get<std::string>() : value.dump()));
      }
    }
    return fmt::format("{}", fmt::join(settings, "; "));
  };
  ScatterChart chart;
  chart.title = fmt::format("{}: deterrence against the guarantors' cost", sweep_id);
  chart.x_axis = "expected cost to the guarantors, given an attack";
  chart.y_axis = "deterrence: 1 − P(attack)";
  chart.groups = designs;
  chart.highlighted_label = "on the front (labelled by run)";
  chart.other_label = "beaten beyond error";
  chart.interval_label = "95% intervals (front only)";
  double low = 1.0;
  double high = 0.0;
  double max_cost = 0.0;
  size_t on_front = 0;
  for (const auto& group : distinct) {
    const ParetoPoint& point = points[group.front()];
    const double det_margin = 1.96 * point.deterrence_se;
    const double cost_margin = 1.96 * point.guarantor_cost_se;
    low = std::min(low, point.deterrence - det_margin);
    high = std::max(high, point.deterrence + det_margin);
    max_cost = std::max(max_cost, point.guarantor_cost + cost_margin);
    ScatterPoint dot;
    dot.x = point.guarantor_cost;
    dot.y = point.deterrence;
    dot.x_interval = std::pair(std::max(0.0, point.guarantor_cost - cost_margin), point.guarantor_cost + cost_margin);
    dot.y_interval = std::pair(point.deterrence - det_margin, point.deterrence + det_margin);
    dot.group = static_cast<size_t>(std::find(designs.begin(), designs.end(), point.design) - designs.begin());
    dot.highlighted = point.on_front;
    dot.label = group.size() > 1 ? fmt::format("run {} (+{} tied)", point.run, group.size() - 1) : fmt::format("run {}", point.run);
    dot.tooltip = fmt::format("{}: deterrence {:.3f} ± {:.3f}, cost {:.3f} ± {:.3f}; {}", point.design, point.deterrence, det_margin,
                              point.guarantor_cost, cost_margin, settings_of(point));
    on_front += point.on_front ? 1 : 0;
    chart.points.push_back(std::move(dot));
  }
  // The deterrence axis spans the points (in tenths), the cost axis runs from 0.
  chart.y_minimum = std::max(0.0, std::floor(std::clamp(low, 0.0, 1.0) * 10.0) / 10.0);
  chart.y_maximum = std::min(1.0, std::ceil(std::clamp(high, 0.0, 1.0) * 10.0) / 10.0);
  if (chart.y_maximum <= chart.y_minimum) {  // every point at one value: a band of 0.1 around it
    chart.y_maximum = std::min(1.0, chart.y_minimum + 0.1);
    chart.y_minimum = chart.y_maximum - 0.1;
  }
  chart.x_maximum = max_cost > 0.0 ? std::ceil(max_cost * 10.0) / 10.0 : 1.0;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + XmlEscape(sweep_id) +
                    " — casus sweep</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}.note{color:#555;font-size:.9em;max-width:60em}"
                    "table{border-collapse:collapse}td,th{padding:.2em .5em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}</style></head><body>\n";
  out += fmt::format("<h1>{}: deterrence against the guarantors' cost</h1>\n<p class=\"note\">Each point is one design under one sweep "
                     "point and replication: {} points, {} distinct (points with identical results are drawn once), {} on the Pareto "
                     "front. {}</p>\n",
                     XmlEscape(sweep_id), points.size(), distinct.size(), on_front, XmlEscape(SweepFrontRule()));
  out += RenderScatterChart(chart);
  // The distinct points as a table, most deterrent first: which settings each one stands for.
  std::vector<const std::vector<size_t>*> sorted;
  for (const auto& group : distinct) sorted.push_back(&group);
  std::stable_sort(sorted.begin(), sorted.end(), [&](const std::vector<size_t>* left, const std::vector<size_t>* right) {
    return points[left->front()].deterrence > points[right->front()].deterrence;
  });
  out += "<h2>Points</h2>\n<table><tr><th>run</th><th>design</th><th>settings</th><th>1 − P(attack)</th><th>cost | attack</th><th>front</th></tr>\n";
  for (const std::vector<size_t>* group : sorted) {
    const ParetoPoint& point = points[group->front()];
    std::vector<std::string> runs;
    std::vector<std::string> settings;
    for (const size_t idx : *group) {
      runs.push_back(std::to_string(points[idx].run));
      const std::string text = XmlEscape(settings_of(points[idx]));
      settings.push_back(group->size() > 1 ? fmt::format("run {}: {}", points[idx].run, text) : text);
    }
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.3f} ± {:.3f}</td><td>{:.3f} ± {:.3f}</td><td>{}</td></tr>\n", fmt::join(runs, ", "),
                       XmlEscape(point.design), fmt::join(settings, "<br>"), point.deterrence, 1.96 * point.deterrence_se, point.guarantor_cost,
                       1.96 * point.guarantor_cost_se, point.on_front ? "yes" : "");
  }
  out += "</table>\n</body></html>\n";
  return out;
}

}  // namespace casus
