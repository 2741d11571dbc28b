#include "casus/report/svg_chart.hpp"
#include "casus/report/assessment.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/report/text_table.hpp"

namespace casus {

namespace {


// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// The dimensions a design sets, with their design axis, in CSV order.
std::vector<std::pair<size_t, DesignAxis>> SetDimensions(const SettlementScales& scales) {
  std::vector<std::pair<size_t, DesignAxis>> out;
  for (size_t dim_idx = 0; dim_idx < scales.dimensions.size(); ++dim_idx) {
    if (scales.dimensions[dim_idx].set_by_design) out.emplace_back(dim_idx, *scales.dimensions[dim_idx].set_by_design);
  }
  return out;
}

// Every actor code that appears in some design's acceptance, in first-seen order.
std::vector<std::string> ActorCodes(const Assessment& assessment) {
  std::vector<std::string> codes;
  for (const auto& design : assessment.designs) {
    for (const auto& actor : design.acceptance.actors) {
      if (std::find(codes.begin(), codes.end(), actor.code) == codes.end()) codes.push_back(actor.code);
    }
  }
  return codes;
}

const AxisPosition* FindAxis(const DesignPosition& position, DesignAxis axis) {
  for (const auto& entry : position.axes) {
    if (entry.axis == axis) return &entry;
  }
  return nullptr;
}

}  // namespace

std::string RenderAssessmentTable(const Assessment& assessment, const SettlementScales& scales) {
  std::vector<std::string> header = {"design", "P(attack) [95% CI]", "cost | attack"};
  const auto set = SetDimensions(scales);
  for (const auto& [dim_idx, axis] : set) header.push_back(scales.dimensions[dim_idx].name);
  header.push_back("P(accept) by actor");
  header.push_back("P(all accept)");
  header.push_back("frontier");
  TextTable table(header, 30);
  for (const auto& design : assessment.designs) {
    std::vector<std::string> row = {design.outcome.id,
                                    fmt::format("{:.3f} [{:.3f}, {:.3f}]", design.outcome.p_attack, design.outcome.p_attack_ci95[0], design.outcome.p_attack_ci95[1]),
                                    fmt::format("{:.2f} ± {:.2f}", design.outcome.total_guarantor_cost, design.outcome.total_guarantor_cost_se)};
    for (const auto& [dim_idx, axis] : set) row.push_back(fmt::format("{:.1f}", design.position.On(axis)));
    std::vector<std::string> accept;
    for (const auto& actor : design.acceptance.actors) accept.push_back(fmt::format("{} {:.2f}", actor.code, actor.probability));
    row.push_back(fmt::format("{}", fmt::join(accept, ", ")));
    row.push_back(fmt::format("{:.2f} ± {:.2f}", design.acceptance.p_all, design.acceptance.p_all_se));
    row.push_back(design.on_frontier ? "yes" : "");
    table.AddRow(std::move(row));
  }
  std::string out = table.Render();
  out += "\n";
  for (const auto& design : assessment.designs) out += "- " + WrapParagraph(design.summary);  // within 120 columns
  return out;
}

nlohmann::json AssessmentToJson(const Assessment& assessment, const SettlementScales& scales) {
  nlohmann::json central = nlohmann::json::object();
  for (size_t dim_idx = 0; dim_idx < scales.dimensions.size(); ++dim_idx) central[scales.dimensions[dim_idx].name] = assessment.central_settlement[dim_idx];
  nlohmann::json designs = nlohmann::json::array();
  for (const auto& design : assessment.designs) {
    nlohmann::json position = nlohmann::json::object();
    for (const auto& [dim_idx, axis] : SetDimensions(scales)) {
      const AxisPosition* entry = FindAxis(design.position, axis);
      position[scales.dimensions[dim_idx].name] = {{"value", entry->value}, {"reason", entry->reason}, {"set_by_design", ToString(axis)}};
    }
    nlohmann::json acceptance = nlohmann::json::object();
    nlohmann::json acceptance_se = nlohmann::json::object();
    nlohmann::json at_central = nlohmann::json::object();
    nlohmann::json margin = nlohmann::json::object();
    nlohmann::json over_forecast = nlohmann::json::object();
    nlohmann::json stands_for = nlohmann::json::object();
    for (const auto& actor : design.acceptance.actors) {
      acceptance[actor.code] = actor.probability;
      acceptance_se[actor.code] = actor.se;
      at_central[actor.code] = actor.accepts_at_central;
      margin[actor.code] = actor.central_margin;
      over_forecast[actor.code] = actor.prefers_to_forecast;
      stands_for[actor.code] = actor.stands_for;
    }
    designs.push_back({{"id", design.outcome.id},
                       {"p_attack", design.outcome.p_attack},
                       {"p_attack_se", design.outcome.p_attack_se},
                       {"p_attack_ci95", {design.outcome.p_attack_ci95[0], design.outcome.p_attack_ci95[1]}},
                       {"guarantor_cost", design.outcome.total_guarantor_cost},
                       {"guarantor_cost_se", design.outcome.total_guarantor_cost_se},
                       {"p_collective_armed_response", design.outcome.p_collective_armed_response},
                       {"p_collective_armed_response_se", design.outcome.p_collective_armed_response_se},
                       {"position", position},
                       {"settlement_with_design", design.acceptance.central_point},
                       {"guarantors", design.position.guarantors},
                       {"acceptance", acceptance},
                       {"acceptance_se", acceptance_se},
                       {"accepts_at_central_forecast", at_central},
                       {"utility_margin_at_central_forecast", margin},
                       {"prefers_to_forecast", over_forecast},
                       {"stands_for", stands_for},
                       {"not_modelled", design.acceptance.not_modelled},
                       {"p_all_accept", design.acceptance.p_all},
                       {"p_all_accept_se", design.acceptance.p_all_se},
                       {"all_accept_at_central_forecast", design.acceptance.all_at_central},
                       {"on_frontier", design.on_frontier},
                       {"summary", design.summary}});
  }
  return {{"scenario", assessment.scenario},
          {"settlement", assessment.settlement},
          {"scales", scales.file},
          {"challenger", assessment.challenger},
          {"beneficiary", assessment.beneficiary},
          {"seed", assessment.simulation.seed},
          {"draws", assessment.simulation.draws},
          {"perturbation", {{"sd", assessment.perturbation.sd}, {"draws", assessment.perturbation.draws}, {"seed", assessment.perturbation.seed}}},
          {"central_settlement", central},
          {"no_agreement", [&scales] {
             nlohmann::json point = nlohmann::json::object();
             for (const auto& dimension : scales.dimensions) point[dimension.name] = 100.0 * dimension.no_agreement.value_or(0.0);
             return point;
           }()},
          {"designs", designs}};
}

std::string AssessmentToCsv(const Assessment& assessment, const SettlementScales& scales) {
  const auto set = SetDimensions(scales);
  const std::vector<std::string> codes = ActorCodes(assessment);
  std::vector<std::string> header = {"design", "p_attack", "p_attack_se", "p_attack_ci95_low", "p_attack_ci95_high", "guarantor_cost", "guarantor_cost_se"};
  for (const auto& [dim_idx, axis] : set) header.push_back(scales.dimensions[dim_idx].name);
  for (const auto& code : codes) {
    header.push_back(fmt::format("p_accept_{}", code));
    header.push_back(fmt::format("p_accept_{}_se", code));
  }
  for (const std::string name : {"p_all_accept", "p_all_accept_se", "on_frontier", "not_modelled", "summary"}) header.push_back(name);
  std::string out;
  for (size_t idx = 0; idx < header.size(); ++idx) {
    if (idx > 0) out += ',';
    out += CsvField(header[idx]);
  }
  out += "\r\n";
  for (const auto& design : assessment.designs) {
    std::vector<std::string> row = {design.outcome.id,
                                    fmt::format("{}", design.outcome.p_attack),
                                    fmt::format("{}", design.outcome.p_attack_se),
                                    fmt::format("{}", design.outcome.p_attack_ci95[0]),
                                    fmt::format("{}", design.outcome.p_attack_ci95[1]),
                                    fmt::format("{}", design.outcome.total_guarantor_cost),
                                    fmt::format("{}", design.outcome.total_guarantor_cost_se)};
    for (const auto& [dim_idx, axis] : set) row.push_back(fmt::format("{}", design.position.On(axis)));
    for (const auto& code : codes) {
      const auto actor = std::find_if(design.acceptance.actors.begin(), design.acceptance.actors.end(),
                                      [&](const ActorAcceptance& candidate) { return candidate.code == code; });
      row.push_back(actor == design.acceptance.actors.end() ? "" : fmt::format("{}", actor->probability));  // empty: not needed
      row.push_back(actor == design.acceptance.actors.end() ? "" : fmt::format("{}", actor->se));
    }
    row.push_back(fmt::format("{}", design.acceptance.p_all));
    row.push_back(fmt::format("{}", design.acceptance.p_all_se));
    row.push_back(design.on_frontier ? "true" : "false");
    row.push_back(fmt::format("{}", fmt::join(design.acceptance.not_modelled, " ")));
    row.push_back(design.summary);
    for (size_t idx = 0; idx < row.size(); ++idx) {
      if (idx > 0) out += ',';
      out += CsvField(row[idx]);
    }
    out += "\r\n";
  }
  return out;
}

std::string RenderAssessmentHtml(const Assessment& assessment, const SettlementScales& scales) {
  constexpr int kLeft = 70;
  constexpr int kTop = 20;
  constexpr int kWidth = 560;
  constexpr int kHeight = 380;
  double max_cost = 0.0;
  for (const auto& design : assessment.designs) max_cost = std::max(max_cost, design.outcome.total_guarantor_cost);
  if (max_cost <= 0.0) max_cost = 1.0;
  std::string out = fmt::format("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}", XmlEscape(assessment.scenario));
  out += " — casus assess</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222;max-width:70em}"
                    "table{border-collapse:collapse}td,th{padding:.25em .6em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}"
                    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:2em}.note{color:#555;font-size:.9em}</style></head><body>\n";
  out += fmt::format("<h1>{}: would it deter, and would they sign?</h1>\n<p class=\"note\">Deterrence from the guarantee game "
                     "({} draws, seed {}); acceptability from the settlement negotiation <code>{}</code> ({} perturbed runs, sd {} on 0–100, seed {}). "
                     "Challenger {}, beneficiary {}. Generated by <code>casus assess</code>; the mapping and the acceptance rule: docs/assess.md.</p>\n",
                     XmlEscape(assessment.scenario), assessment.simulation.draws, assessment.simulation.seed, XmlEscape(assessment.settlement),
                     assessment.perturbation.draws, assessment.perturbation.sd, assessment.perturbation.seed, assessment.challenger,
                     assessment.beneficiary);
  out += "<h2>Deterrence against acceptability</h2>\n";
  out += fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"deterrence against acceptability\">\n",
                     kLeft + kWidth + 200, kTop + kHeight + 60);
  for (int tick = 0; tick <= 10; tick += 2) {
    const int y = kTop + kHeight - kHeight * tick / 10;
    const int x = kLeft + kWidth * tick / 10;
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#eee\"/><text x=\"{3}\" y=\"{4}\" font-size=\"11\" text-anchor=\"end\">{5:.1f}</text>\n",
                       kLeft, y, kLeft + kWidth, kLeft - 6, y + 4, tick / 10.0);
    out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#eee\"/><text x=\"{0}\" y=\"{3}\" font-size=\"11\" text-anchor=\"middle\">{4:.1f}</text>\n",
                       x, kTop, kTop + kHeight, kTop + kHeight + 16, tick / 10.0);
  }
  out += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">acceptability: P(all needed parties accept)</text>\n",
                     kLeft + kWidth / 2, kTop + kHeight + 40);
  out += fmt::format("<text transform=\"translate(16,{}) rotate(-90)\" font-size=\"12\" text-anchor=\"middle\">deterrence: 1 − P(attack)</text>\n",
                     kTop + kHeight / 2);
  out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#999\"/>\n", kLeft, kTop, kWidth, kHeight);
  for (const auto& design : assessment.designs) {
    const double x = kLeft + kWidth * design.acceptance.p_all;
    const double y = kTop + kHeight - kHeight * (1.0 - design.outcome.p_attack);
    const double radius = 5.0 + 20.0 * std::sqrt(design.outcome.total_guarantor_cost / max_cost);  // area ∝ cost
    out += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{:.1f}\" fill=\"{}\" fill-opacity=\"0.45\" stroke=\"#333\" stroke-width=\"{}\">"
                       "<title>{}: deterrence {:.3f}, P(all accept) {:.2f}, cost {:.2f}</title></circle>\n",
                       x, y, radius, design.on_frontier ? "#c0504d" : "#4f81bd", design.on_frontier ? 2 : 0.5, XmlEscape(design.outcome.id),
                       1.0 - design.outcome.p_attack, design.acceptance.p_all, design.outcome.total_guarantor_cost);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"12\">{}</text>\n", x + radius + 3, y + 4, XmlEscape(design.outcome.id));
  }
  out += fmt::format("<g font-size=\"11\"><circle cx=\"{0}\" cy=\"{1}\" r=\"6\" fill=\"#c0504d\" fill-opacity=\"0.45\" stroke=\"#333\" stroke-width=\"2\"/>"
                     "<text x=\"{2}\" y=\"{3}\">on the frontier</text><circle cx=\"{0}\" cy=\"{4}\" r=\"6\" fill=\"#4f81bd\" fill-opacity=\"0.45\" stroke=\"#333\" stroke-width=\"0.5\"/>"
                     "<text x=\"{2}\" y=\"{5}\">dominated</text><text x=\"{6}\" y=\"{7}\">area ∝ cost to guarantors</text>"
                     "<text x=\"{6}\" y=\"{8}\">| attack (largest {9:.2f})</text></g>\n",
                     kLeft + kWidth + 20, kTop + 20, kLeft + kWidth + 32, kTop + 24, kTop + 44, kTop + 48, kLeft + kWidth + 14, kTop + 72,
                     kTop + 86, max_cost);
  out += "</svg>\n<p class=\"note\">Up is more deterrent, right more acceptable; a marker's area is the guarantors' expected cost given an attack. "
         "Frontier: no other design is better beyond Monte Carlo error (1.96 combined standard errors) on one of deterrence, cost and "
         "acceptability and worse beyond it on none.</p>\n";
  out += "<h2>In one sentence each</h2>\n<ul>\n";
  for (const auto& design : assessment.designs) out += fmt::format("<li>{}</li>\n", XmlEscape(design.summary));
  out += "</ul>\n";
  // The table.
  const std::vector<std::string> codes = ActorCodes(assessment);
  const auto set = SetDimensions(scales);
  out += "<h2>Table</h2>\n<table><tr><th>design</th><th>P(attack) [95% CI]</th><th>cost | attack</th>";
  for (const auto& [dim_idx, axis] : set) out += fmt::format("<th>{}</th>", XmlEscape(scales.dimensions[dim_idx].name));
  for (const auto& code : codes) out += fmt::format("<th>P({} accepts)</th>", XmlEscape(code));
  out += "<th>P(all accept)</th><th>frontier</th></tr>\n";
  for (const auto& design : assessment.designs) {
    out += fmt::format("<tr><td>{}</td><td>{:.3f} [{:.3f}, {:.3f}]</td><td>{:.2f} ± {:.2f}</td>", XmlEscape(design.outcome.id), design.outcome.p_attack,
                       design.outcome.p_attack_ci95[0], design.outcome.p_attack_ci95[1], design.outcome.total_guarantor_cost,
                       design.outcome.total_guarantor_cost_se);
    for (const auto& [dim_idx, axis] : set) {
      const AxisPosition* entry = FindAxis(design.position, axis);
      out += fmt::format("<td title=\"{}\">{}</td>", XmlEscape(entry->reason), XmlEscape(scales.Describe(dim_idx, entry->value)));
    }
    for (const auto& code : codes) {
      const auto actor = std::find_if(design.acceptance.actors.begin(), design.acceptance.actors.end(),
                                      [&](const ActorAcceptance& candidate) { return candidate.code == code; });
      out += actor == design.acceptance.actors.end() ? "<td>—</td>" : fmt::format("<td>{:.2f}</td>", actor->probability);
    }
    out += fmt::format("<td>{:.2f} ± {:.2f}</td><td>{}</td></tr>\n", design.acceptance.p_all, design.acceptance.p_all_se, design.on_frontier ? "yes" : "");
  }
  out += "</table>\n<p class=\"note\">— : the design does not need this actor's consent. ";
  std::set<std::string> not_modelled;
  for (const auto& design : assessment.designs) not_modelled.insert(design.acceptance.not_modelled.begin(), design.acceptance.not_modelled.end());
  if (!not_modelled.empty()) {
    out += fmt::format("Needed parties that no actor of the negotiation stands for (left out of P(all accept)): {}.", fmt::join(not_modelled, ", "));
  }
  out += "</p>\n<h2>Why each design sits where it does</h2>\n<table><tr><th>design</th><th>dimension</th><th>position</th><th>because</th></tr>\n";
  for (const auto& design : assessment.designs) {
    for (const auto& [dim_idx, axis] : set) {
      const AxisPosition* entry = FindAxis(design.position, axis);
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", XmlEscape(design.outcome.id), XmlEscape(scales.dimensions[dim_idx].name),
                         XmlEscape(scales.Describe(dim_idx, entry->value)), XmlEscape(entry->reason));
    }
  }
  out += "</table>\n<h2>The forecast settlement</h2>\n<p class=\"note\">The negotiation's forecast at its inputs (capability × salience weighted "
         "mean of the final positions); a design replaces the dimensions it sets.</p>\n<table>\n";
  for (size_t dim_idx = 0; dim_idx < scales.dimensions.size(); ++dim_idx) {
    out += fmt::format("<tr><td>{}</td><td>{}</td></tr>\n", XmlEscape(scales.dimensions[dim_idx].name),
                       XmlEscape(scales.Describe(dim_idx, assessment.central_settlement[dim_idx])));
  }
  out += "</table>\n</body></html>\n";
  return out;
}

std::string RenderSensitivityTable(const std::vector<InputSensitivity>& sensitivity, size_t rows) {
  TextTable table({"input", "change", "mean |Δ P(accept)|", "mean |Δ P(all accept)|", "largest |Δ P(accept)|", "where"}, 40);
  for (size_t idx = 0; idx < sensitivity.size() && idx < rows; ++idx) {
    const auto& entry = sensitivity[idx];
    const std::string input = entry.dimension.empty() ? fmt::format("{} {}", entry.actor, entry.input)
                                                      : fmt::format("{} {} on {}", entry.actor, entry.input, entry.dimension);
    table.AddRow({input, entry.change, fmt::format("{:.3f}", entry.mean_abs_change_actor), fmt::format("{:.3f}", entry.mean_abs_change_p_all), fmt::format("{:.3f}", entry.max_abs_change_actor),
                  entry.max_change_where});
  }
  return table.Render();
}

nlohmann::json SensitivityToJson(const std::vector<InputSensitivity>& sensitivity) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& entry : sensitivity) {
    out.push_back({{"actor", entry.actor}, {"input", entry.input}, {"dimension", entry.dimension}, {"change", entry.change},
                   {"mean_abs_change_p_accept", entry.mean_abs_change_actor}, {"mean_abs_change_p_all_accept", entry.mean_abs_change_p_all}, {"max_abs_change_p_accept", entry.max_abs_change_actor},
                   {"where", entry.max_change_where}});
  }
  return out;
}

}  // namespace casus
