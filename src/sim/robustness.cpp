#include "casus/report/svg_chart.hpp"
#include "casus/report/text_table.hpp"
#include "casus/sim/robustness.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

namespace casus {

namespace {

// The worlds are sampled from streams apart from the game's own draws (pcg64 (seed, chunk)).
constexpr uint64_t kWorldSalt = 0x243f6a8885a308d3ULL;

uint64_t WorldSeed(uint64_t seed) { return seed ^ kWorldSalt; }

bool IsSobol(const RobustnessOptions& options) { return options.method == RobustnessMethod::Sobol; }

const char* MethodName(RobustnessMethod method) { return method == RobustnessMethod::Sobol ? "sobol" : "morris"; }


std::string Percent(double share) { return fmt::format("{:.0f} %", 100.0 * share); }

}  // namespace

RobustnessPlan PlanRobustness(const AssumptionModel& model, const RobustnessOptions& options) {
  RobustnessPlan plan;
  plan.parameters = static_cast<int>(model.assumptions().size());
  plan.designs = static_cast<int>(model.designs().size());
  plan.units = options.samples;
  plan.units_per_block = IsSobol(options) ? kSobolRowsPerBlock : kMorrisTrajectoriesPerBlock;
  plan.blocks = (plan.units + plan.units_per_block - 1) / plan.units_per_block;
  plan.worlds_per_unit = IsSobol(options) ? plan.parameters + 2 : plan.parameters + 1;
  return plan;
}

std::string RobustnessFingerprint(const AssumptionModel& model, const RobustnessOptions& options, const RobustnessPlan& plan) {
  nlohmann::json fingerprint = model.Fingerprint();
  fingerprint["method"] = MethodName(options.method);
  fingerprint["samples"] = options.samples;
  fingerprint["seed"] = options.seed;
  fingerprint["units_per_block"] = plan.units_per_block;
  return fingerprint.dump();
}

std::vector<double> ComputeRobustnessBlock(const AssumptionModel& model, const RobustnessOptions& options, const RobustnessPlan& plan,
                                           int64_t block) {
  const int64_t first = block * plan.units_per_block;
  const int64_t last = std::min(plan.units, first + plan.units_per_block);
  const int k = plan.parameters;
  const auto worlds = static_cast<size_t>((last - first) * plan.worlds_per_unit);
  // The points of every world of the block, laid out first (cheap), then evaluated in parallel.
  std::vector<double> points(worlds * static_cast<size_t>(k));
  std::vector<double> a(static_cast<size_t>(k)), b(static_cast<size_t>(k));
  std::vector<int> order(static_cast<size_t>(k)), sign(static_cast<size_t>(k));
  for (int64_t unit = first; unit < last; ++unit) {
    double* target = &points[static_cast<size_t>((unit - first) * plan.worlds_per_unit * k)];
    if (IsSobol(options)) {
      sensitivity::SaltelliRow(WorldSeed(options.seed), unit, k, a.data(), b.data());
      for (int e = 0; e < plan.worlds_per_unit; ++e) sensitivity::SaltelliPoint(a.data(), b.data(), k, e, target + e * k);
    } else {
      sensitivity::MorrisTrajectory(WorldSeed(options.seed), unit, k, target, order.data(), sign.data());
    }
  }
  std::vector<double> values(worlds * static_cast<size_t>(plan.designs));
  oneapi::tbb::parallel_for(size_t{0}, worlds, [&](size_t world) {
    model.Evaluate(&points[world * static_cast<size_t>(k)], &values[world * static_cast<size_t>(plan.designs)]);
  });
  return values;
}

RobustnessResult AnalyzeRobustness(const AssumptionModel& model, const RobustnessOptions& options, const RobustnessPlan& plan,
                                   const std::vector<std::vector<double>>& blocks) {
  RobustnessResult result;
  result.method = options.method;
  result.samples = options.samples;
  result.seed = options.seed;
  result.worlds = plan.Worlds();
  result.designs = model.designs();
  result.assumptions = model.assumptions();
  std::vector<double> values;
  for (const auto& block : blocks) values.insert(values.end(), block.begin(), block.end());
  const auto designs = static_cast<size_t>(plan.designs);
  const auto k = static_cast<size_t>(plan.parameters);
  // The worlds drawn from the prior: Sobol's A and B rows; Morris's trajectory starts (on its grid).
  std::vector<double> worlds;
  for (int64_t unit = 0; unit < plan.units; ++unit) {
    for (int e = 0; e < (IsSobol(options) ? 2 : 1); ++e) {
      const auto offset = static_cast<size_t>((unit * plan.worlds_per_unit + e)) * designs;
      worlds.insert(worlds.end(), values.begin() + static_cast<std::ptrdiff_t>(offset),
                    values.begin() + static_cast<std::ptrdiff_t>(offset + designs));
    }
  }
  result.dominance_worlds = static_cast<int64_t>(worlds.size() / designs);
  result.dominance = sensitivity::DominanceMatrix(worlds, plan.designs);
  result.mean_p_attack.assign(designs, 0.0);
  for (size_t w = 0; w < worlds.size(); ++w) result.mean_p_attack[w % designs] += worlds[w] / static_cast<double>(result.dominance_worlds);
  std::vector<double> score(k, 0.0);
  if (IsSobol(options)) {
    const sensitivity::SaltelliValues sample{plan.units, plan.parameters, plan.designs, std::move(values)};
    result.sobol = sensitivity::EstimateSobol(sample, sensitivity::SobolOptions{WorldSeed(options.seed), options.resamples, 0.05});
    result.convergence_tolerance = 0.05;
    for (const auto& output : result.sobol.outputs) {
      for (size_t i = 0; i < k; ++i) score[i] += output.indices[i].total / static_cast<double>(designs);
    }
  } else {
    result.morris = sensitivity::EstimateMorris(values, plan.units, plan.parameters, plan.designs, WorldSeed(options.seed));
    for (const auto& output : result.morris) {
      for (size_t i = 0; i < k; ++i) score[i] += output[i].mu_star / static_cast<double>(designs);
    }
  }
  result.ranking.resize(k);
  std::iota(result.ranking.begin(), result.ranking.end(), size_t{0});
  std::stable_sort(result.ranking.begin(), result.ranking.end(), [&](size_t x, size_t y) { return score[x] > score[y]; });
  for (const size_t i : result.ranking) result.ranking_score.push_back(score[i]);
  return result;
}

nlohmann::json RobustnessToJson(const RobustnessResult& result, const std::string& scenario_id, int64_t draws) {
  const bool sobol = result.method == RobustnessMethod::Sobol;
  nlohmann::json assumptions = nlohmann::json::array();
  for (const auto& assumption : result.assumptions) {
    assumptions.push_back({{"name", assumption.name},
                           {"meaning", assumption.meaning},
                           {"value", assumption.value},
                           {"prior", assumption.prior.Describe()},
                           {"source", assumption.from_scenario ? "scenario" : "default"},
                           {"reference", assumption.reference}});
  }
  nlohmann::json designs = nlohmann::json::array();
  for (size_t d = 0; d < result.designs.size(); ++d) {
    nlohmann::json design{{"id", result.designs[d]}, {"mean_p_attack", result.mean_p_attack[d]}};
    nlohmann::json indices = nlohmann::json::array();
    for (size_t i = 0; i < result.assumptions.size(); ++i) {
      if (sobol) {
        const auto& index = result.sobol.outputs[d].indices[i];
        indices.push_back({{"parameter", result.assumptions[i].name},
                           {"first", index.first},
                           {"total", index.total},
                           {"first_ci95", {index.first_ci95.low, index.first_ci95.high}},
                           {"total_ci95", {index.total_ci95.low, index.total_ci95.high}}});
      } else {
        const auto& index = result.morris[d][i];
        indices.push_back({{"parameter", result.assumptions[i].name}, {"mu_star", index.mu_star}, {"mu", index.mu}, {"sigma", index.sigma}});
      }
    }
    if (sobol) {
      design["variance"] = result.sobol.outputs[d].variance;
      design["sobol"] = indices;
      design["total_change_from_half_sample"] = result.sobol.outputs[d].total_change_half;
      design["widest_total_ci95"] = result.sobol.outputs[d].widest_total_ci;
    } else {
      design["morris"] = indices;
    }
    designs.push_back(std::move(design));
  }
  nlohmann::json dominance = nlohmann::json::array();
  for (const auto& entry : result.dominance) {
    dominance.push_back({{"a", result.designs[static_cast<size_t>(entry.a)]},
                         {"b", result.designs[static_cast<size_t>(entry.b)]},
                         {"share", entry.share},
                         {"se", entry.se}});
  }
  nlohmann::json ranking = nlohmann::json::array();
  for (size_t r = 0; r < result.ranking.size(); ++r) {
    ranking.push_back({{"parameter", result.assumptions[result.ranking[r]].name}, {sobol ? "mean_total" : "mean_mu_star", result.ranking_score[r]}});
  }
  nlohmann::json document{{"scenario", scenario_id},
                          {"method", MethodName(result.method)},
                          {"samples", result.samples},
                          {"seed", result.seed},
                          {"draws", draws},
                          {"worlds", result.worlds},
                          {"assumptions", assumptions},
                          {"designs", designs},
                          {"dominance", dominance},
                          {"dominance_worlds", result.dominance_worlds},
                          {"most_important", ranking}};
  if (sobol) document["converged"] = result.sobol.converged;
  if (sobol) document["convergence_tolerance"] = result.convergence_tolerance;
  return document;
}

namespace {

// "A deters better than B in 93 % (± 1 %) of plausible worlds" for each design and the next in
// the ranking by mean P(attack).
std::vector<std::string> DominanceSentences(const RobustnessResult& result) {
  std::vector<size_t> order(result.designs.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return result.mean_p_attack[x] < result.mean_p_attack[y]; });
  std::vector<std::string> sentences;
  for (size_t r = 0; r + 1 < order.size(); ++r) {
    for (const auto& entry : result.dominance) {
      if (static_cast<size_t>(entry.a) == order[r] && static_cast<size_t>(entry.b) == order[r + 1]) {
        sentences.push_back(fmt::format("{} deters better than {} in {:.1f} % (± {:.1f} %) of plausible worlds", result.designs[order[r]],
                                        result.designs[order[r + 1]], 100.0 * entry.share, 100.0 * entry.se));
      }
    }
  }
  return sentences;
}

double ShareOf(const RobustnessResult& result, size_t a, size_t b) {
  for (const auto& entry : result.dominance) {
    if (static_cast<size_t>(entry.a) == a && static_cast<size_t>(entry.b) == b) return entry.share;
  }
  return 0.5;
}

}  // namespace

std::string RenderRobustnessText(const RobustnessResult& result) {
  const bool sobol = result.method == RobustnessMethod::Sobol;
  std::string out;
  out += "assumptions and their priors:\n";
  size_t name_width = 0;
  for (const auto& assumption : result.assumptions) name_width = std::max(name_width, DisplayWidth(assumption.name));
  for (const auto& assumption : result.assumptions) {
    out += fmt::format("  {:<{}} {:<36} {}\n", assumption.name, name_width, assumption.prior.Describe(),
                       assumption.from_scenario ? "the scenario's distribution" : "default: the scenario's value ± 50 %");
  }
  // Designs are numbered: the columns are [1], [2], … and the rows of the dominance matrix give
  // each number with the whole id (ids run to 27 characters: coalition-reassurance-force).
  std::string line = "\ndesigns:";
  for (size_t d = 0; d < result.designs.size(); ++d) {
    const std::string item = fmt::format(" [{}] {}", d + 1, result.designs[d]);
    if (line.size() + item.size() > 110) {
      out += line + "\n";
      line = "        ";
    }
    line += item;
  }
  out += line + "\n";
  // One column per design, the main index on an assumption's line and the second under it in
  // brackets (digits aligned), so that seven designs fit in 120 columns; more are cut into blocks.
  out += sobol ? "\ntotal-order Sobol index of P(attack), the first-order index in brackets under it\n"
               : "\nMorris μ* of P(attack), σ in brackets under it\n";
  std::vector<std::string> numbers;
  for (size_t d = 0; d < result.designs.size(); ++d) numbers.push_back(fmt::format("[{}] ", d + 1));
  std::vector<GridLine> lines;
  for (const size_t i : result.ranking) {
    GridLine main{result.assumptions[i].name, {}};
    GridLine second{"", {}};
    for (size_t d = 0; d < result.designs.size(); ++d) {
      const double main_value = sobol ? result.sobol.outputs[d].indices[i].total : result.morris[d][i].mu_star;
      const double second_value = sobol ? result.sobol.outputs[d].indices[i].first : result.morris[d][i].sigma;
      main.cells.push_back(fmt::format("{:.3f} ", main_value));
      second.cells.push_back(fmt::format("({:.3f})", second_value));
    }
    lines.push_back(std::move(main));
    lines.push_back(std::move(second));
  }
  GridLine means{"mean P(attack)", {}};
  for (const double mean : result.mean_p_attack) means.cells.push_back(fmt::format("{:.3f} ", mean));
  lines.push_back(std::move(means));
  out += RenderColumnBlocks("assumption", numbers, lines);
  if (sobol) {
    double change = 0.0;
    double widest = 0.0;
    for (const auto& output : result.sobol.outputs) {
      change = std::max(change, output.total_change_half);
      widest = std::max(widest, output.widest_total_ci);
    }
    out += fmt::format("convergence: {}\n  ", result.sobol.converged ? "yes" : "NO — raise --samples");
    out += WrapParagraph(fmt::format("(largest change of a total index from N/2 to N rows {:.3f}, widest 95 % interval {:.3f}; "
                                     "tolerance {:.2f} and {:.2f})",
                                     change, widest, result.convergence_tolerance, 4.0 * result.convergence_tolerance),
                         kTextWidth, 4);
  }
  if (result.ranking.size() >= 2) {
    out += WrapParagraph(fmt::format("what matters most (mean {} over designs): {} ({:.3f}), then {} ({:.3f})", sobol ? "total index" : "μ*",
                                     result.assumptions[result.ranking[0]].name, result.ranking_score[0],
                                     result.assumptions[result.ranking[1]].name, result.ranking_score[1]));
  }
  out += '\n' + WrapParagraph(fmt::format("dominance: share of {} plausible worlds in which the row deters better (lower P(attack)) than the column",
                                         result.dominance_worlds));
  std::vector<GridLine> matrix;
  for (size_t a = 0; a < result.designs.size(); ++a) {
    GridLine row{fmt::format("[{}] {}", a + 1, result.designs[a]), {}};
    for (size_t b = 0; b < result.designs.size(); ++b) row.cells.push_back(a == b ? "—" : Percent(ShareOf(result, a, b)));
    matrix.push_back(std::move(row));
  }
  for (auto& number : numbers) number.pop_back();  // "[1]" over "100 %"
  out += RenderColumnBlocks("", numbers, matrix);
  for (const auto& sentence : DominanceSentences(result)) out += "  " + WrapParagraph(sentence, kTextWidth, 4);
  return out;
}

std::string RenderRobustnessHtml(const RobustnessResult& result, const std::string& scenario_id, const std::string& title, int64_t draws) {
  const bool sobol = result.method == RobustnessMethod::Sobol;
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>casus robustness — {0}</title>\n"
      "<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}}table{{border-collapse:collapse}}"
      "td,th{{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}}.chart{{display:inline-block;margin:0 1em 1em 0;vertical-align:top}}"
      "</style></head><body>\n<h1>How sure is the ranking? {0}</h1>\n<p>{1}</p>\n"
      "<p>{2} analysis over {3} assumptions: {4} {5}, {6} worlds, {7} draws per design in each world, seed {8}. "
      "Each world fixes every assumption at a value drawn from its prior (below); P(attack) is the guarantee game's in that world.</p>\n",
      XmlEscape(scenario_id), XmlEscape(title), sobol ? "Sobol" : "Morris", result.assumptions.size(), result.samples,
      sobol ? "base rows" : "trajectories", result.worlds, draws, result.seed);
  html += "<h2>Assumptions</h2>\n<table><tr><th>assumption</th><th>meaning</th><th>prior</th><th>prior from</th><th>value from</th></tr>\n";
  for (const auto& assumption : result.assumptions) {
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", XmlEscape(assumption.name), XmlEscape(assumption.meaning),
                        XmlEscape(assumption.prior.Describe()), assumption.from_scenario ? "the scenario's distribution" : "default ± 50 %",
                        XmlEscape(assumption.reference));
  }
  html += "</table>\n";
  // Tornado: per design, one bar per assumption (sorted), total-order index with its interval.
  html += fmt::format("<h2>What drives P(attack): {} per design</h2>\n", sobol ? "total-order Sobol indices with 95 % intervals"
                                                                             : "Morris μ* (mean absolute elementary effect)");
  const double label_width = 150.0;
  const double bar_width = 200.0;
  const double row_height = 16.0;
  for (size_t d = 0; d < result.designs.size(); ++d) {
    std::vector<size_t> order(result.assumptions.size());
    std::iota(order.begin(), order.end(), size_t{0});
    auto value = [&](size_t i) { return sobol ? result.sobol.outputs[d].indices[i].total : result.morris[d][i].mu_star; };
    std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) { return value(x) > value(y); });
    double scale = 1.0;
    if (!sobol) {
      scale = 1e-12;
      for (const size_t i : order) scale = std::max(scale, value(i));
    }
    const double height = row_height * static_cast<double>(order.size()) + 34.0;
    html += fmt::format("<svg class=\"chart\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"tornado chart of {}\">\n",
                        label_width + bar_width + 60.0, height, XmlEscape(result.designs[d]));
    html += fmt::format("<text x=\"0\" y=\"12\" font-size=\"12\" font-weight=\"bold\">{} (mean P(attack) {:.2f})</text>\n",
                        XmlEscape(result.designs[d]), result.mean_p_attack[d]);
    for (size_t r = 0; r < order.size(); ++r) {
      const size_t i = order[r];
      const double y = 20.0 + row_height * static_cast<double>(r);
      const double length = std::clamp(value(i) / scale, 0.0, 1.0) * bar_width;
      html += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>", label_width - 4.0, y + 11.0,
                          XmlEscape(result.assumptions[i].name));
      html += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"#4a78b5\"/>", label_width, y + 2.0, length,
                          row_height - 4.0);
      double label_at = label_width + length;
      if (sobol) {
        const auto& index = result.sobol.outputs[d].indices[i];
        const double low = label_width + std::clamp(index.total_ci95.low, 0.0, 1.0) * bar_width;
        const double high = label_width + std::clamp(index.total_ci95.high, 0.0, 1.0) * bar_width;
        html += fmt::format("<line x1=\"{:.1f}\" x2=\"{:.1f}\" y1=\"{}\" y2=\"{}\" stroke=\"#222\"/>", low, high, y + row_height / 2.0,
                            y + row_height / 2.0);
        label_at = std::max(label_at, high);
      }
      html += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10\">{:.3f}</text>\n", label_at + 4.0, y + 11.0, value(i));
    }
    html += "</svg>\n";
  }
  // Heat map of the dominance matrix.
  const size_t n = result.designs.size();
  const double cell = 70.0;
  const double margin = 160.0;
  html += fmt::format("<h2>Dominance: in what share of plausible worlds the row deters better than the column</h2>\n"
                      "<p>Over {} worlds drawn from the priors; each share's Monte Carlo standard error is in the JSON "
                      "(at most {:.1f} points).</p>\n",
                      result.dominance_worlds, 100.0 * 0.5 / std::sqrt(std::max<double>(1.0, static_cast<double>(result.dominance_worlds))));
  html += fmt::format("<svg width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"dominance heat map\">\n", margin + cell * static_cast<double>(n) + 110.0,
                      margin + cell * static_cast<double>(n) + 10.0);
  for (size_t b = 0; b < n; ++b) {
    const double x = margin + cell * (static_cast<double>(b) + 0.5);
    html += fmt::format("<text transform=\"translate({:.1f},{}) rotate(-40)\" font-size=\"11\">{}</text>\n", x, margin - 6.0,
                        XmlEscape(result.designs[b]));
  }
  for (size_t a = 0; a < n; ++a) {
    const double y = margin + cell * static_cast<double>(a);
    html += fmt::format("<text x=\"{}\" y=\"{:.1f}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n", margin - 6.0, y + cell / 2.0 + 4.0,
                        XmlEscape(result.designs[a]));
    for (size_t b = 0; b < n; ++b) {
      const double x = margin + cell * static_cast<double>(b);
      if (a == b) {
        html += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\" fill=\"#eee\" stroke=\"#fff\"/>\n", x, y, cell, cell);
        continue;
      }
      const double share = ShareOf(result, a, b);
      // White at ½, blue towards 1 (the row deters better), red towards 0.
      const double t = std::abs(share - 0.5) * 2.0;
      const int red = share >= 0.5 ? static_cast<int>(255 - 181 * t) : 255 - static_cast<int>(40 * t);
      const int green = share >= 0.5 ? static_cast<int>(255 - 135 * t) : static_cast<int>(255 - 175 * t);
      const int blue = share >= 0.5 ? static_cast<int>(255 - 75 * t) : static_cast<int>(255 - 175 * t);
      html += fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{}\" height=\"{}\" fill=\"rgb({},{},{})\" stroke=\"#fff\"/>", x, y, cell, cell, red,
                          green, blue);
      html += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"13\" text-anchor=\"middle\">{}</text>\n", x + cell / 2.0, y + cell / 2.0 + 5.0,
                          Percent(share));
    }
  }
  html += "</svg>\n<ul>\n";
  for (const auto& sentence : DominanceSentences(result)) html += "<li>" + XmlEscape(sentence) + "</li>\n";
  html += "</ul>\n<p>Method and priors: docs/robustness.md.</p>\n</body></html>\n";
  return html;
}

}  // namespace casus
