// JSON, text, HTML and TOML renderings of the backtest (backtest_report.hpp).
#include "casus/report/svg_chart.hpp"
#include "casus/history/backtest_report.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "casus/history/game_bridge.hpp"

namespace casus {

namespace {


// "agrees" when the published sign and ours (at 5 % with the multiway error) match.
std::string Verdict(const TermEstimate& term) {
  if (term.published.empty()) return "";
  const double z = term.se_multiway > 0 ? term.coefficient / term.se_multiway : 0.0;
  const bool significant = std::abs(z) >= 1.959963984540054;
  const char expected = term.published[0];
  if (expected == '-' || expected == '+') {
    if (!significant) return "not significant";
    return (expected == '-') == (term.coefficient < 0) ? "agrees" : "opposite";
  }
  return significant ? (term.coefficient < 0 ? "significant -" : "significant +") : "not significant";
}

}  // namespace

nlohmann::json RegressionTableJson(const RegressionTable& table) {
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& term : table.terms) {
    nlohmann::json entry = {{"term", term.term},           {"coefficient", term.coefficient}, {"se_model", term.se_model},
                            {"se_dyad", term.se_dyad},     {"se_multiway", term.se_multiway},
                            {"z_multiway", term.se_multiway > 0 ? term.coefficient / term.se_multiway : 0.0}};
    if (!term.published.empty()) {
      entry["published"] = term.published;
      entry["verdict"] = Verdict(term);
    }
    terms.push_back(entry);
  }
  return {{"model", table.model}, {"link", table.link}, {"years", table.span.Label()}, {"n", table.n}, {"events", table.events},
          {"converged", table.converged}, {"iterations", table.iterations}, {"log_likelihood", table.log_likelihood},
          {"multiway_meat_clipped", table.multiway_clipped}, {"terms", terms}};
}

nlohmann::json ReplicationJson(const Replication& replication) {
  nlohmann::json out = RegressionTableJson(replication.main);
  out["replication"] = replication.name;
  nlohmann::json eras = nlohmann::json::array();
  for (const auto& era : replication.eras) eras.push_back(RegressionTableJson(era));
  out["eras"] = eras;
  out["note"] = replication.note;
  return out;
}

namespace {

// The profile likelihood over ρ of a fit that used it (RhoProfile).
nlohmann::json RhoProfileJson(const RhoProfile& profile) {
  nlohmann::json points = nlohmann::json::array();
  for (size_t i = 0; i < profile.rho.size(); ++i) points.push_back({profile.rho[i], profile.log_likelihood[i]});
  return {{"interval95", {profile.low, profile.high}}, {"identified", !profile.flat},
          {"joint_fit", {{"iterations", profile.joint_iterations}, {"log_likelihood", profile.joint_log_likelihood},
                         {"reneging_cost", profile.joint_rho}, {"lambda", profile.joint_lambda}}},
          {"points", points}};
}

// "ρ = 1.500 [0.00, 10.00] (95 % profile interval; not identified)".
std::string ProfilePhrase(const StructuralFit& fit) {
  return fmt::format("ρ = {:.3f} [{:.2f}, {:.2f}] (95 % profile interval{})", fit.Rho(), fit.profile.low, fit.profile.high,
                     fit.profile.flat ? "; not identified" : "");
}

// "Check: the profile likelihood over ρ … 95 % interval [0.00, 10.00]; not identified".
std::string ProfileCheckText(const StructuralFit& profile) {
  const auto [lowest, highest] = std::minmax_element(profile.profile.log_likelihood.begin(), profile.profile.log_likelihood.end());
  return fmt::format("Check: the profile likelihood over ρ varies by {:.2f} over [0, 10] (maximum {:.3f} at ρ = {:.3f});\n"
                     "95 % profile interval for ρ [{:.2f}, {:.2f}]{}",
                     *highest - *lowest, profile.log_likelihood, profile.Rho(), profile.profile.low, profile.profile.high,
                     profile.profile.flat ? ": ρ is not identified" : "");
}

}  // namespace

nlohmann::json StructuralFitJson(const StructuralFit& fit) {
  nlohmann::json terms = nlohmann::json::array();
  for (size_t term = 0; term < fit.terms.size(); ++term) {
    terms.push_back({{"term", fit.terms[term]}, {"estimate", fit.theta(static_cast<Eigen::Index>(term))},
                     {"se_model", std::sqrt(std::max(0.0, fit.covariance_model(static_cast<Eigen::Index>(term), static_cast<Eigen::Index>(term))))},
                     {"se_dyad", fit.Se(term)}});
  }
  const double lambda = fit.Lambda();
  const size_t lambda_index = fit.terms.size() - 2;
  nlohmann::json out = {{"n", fit.n}, {"events", fit.events}, {"converged", fit.converged}, {"iterations", fit.iterations},
          {"log_likelihood", fit.log_likelihood}, {"reneging_cost", fit.Rho()}, {"reneging_cost_se", fit.Se(fit.terms.size() - 1)},
          {"reneging_cost_at_bound", fit.rho_at_bound}, {"lambda", lambda}, {"lambda_se", fit.Se(lambda_index)},
          {"sigma", lambda != 0.0 ? 1.0 / lambda : 0.0}, {"sigma_se", lambda != 0.0 ? fit.Se(lambda_index) / (lambda * lambda) : 0.0},
          {"terms", terms}};
  out["profiled"] = fit.profiled;
  if (fit.profiled) {
    out["reneging_cost_se"] = nullptr;  // the profile interval instead
    out["profile"] = RhoProfileJson(fit.profile);
  }
  return out;
}

nlohmann::json BacktestJson(const BacktestResult& result) {
  nlohmann::json splits = nlohmann::json::array();
  for (const auto& split : result.splits) {
    nlohmann::json models = nlohmann::json::array();
    for (const auto& model : split.models) {
      nlohmann::json deciles = nlohmann::json::array();
      for (const auto& bin : model.deciles) deciles.push_back({{"n", bin.n}, {"mean_predicted", bin.mean_predicted}, {"observed", bin.observed}});
      nlohmann::json entry = {{"model", model.model}, {"auc", model.auc}, {"log_loss", model.log_loss}, {"brier", model.brier},
                              {"calibration_deciles", deciles}};
      if (model.has_relative_risk) {
        entry["defence_pact_relative_risk"] = model.relative_risk;
        entry["defence_pact_relative_risk_ci95"] = {model.relative_risk_low, model.relative_risk_high};
      } else {
        entry["defence_pact_relative_risk"] = nullptr;
      }
      entry["unconverged_fits"] = model.unconverged_fits;
      nlohmann::json profiled = nlohmann::json::array();
      for (const auto& [fold, fit] : model.profiled_fits) {
        nlohmann::json fit_json = StructuralFitJson(fit);
        fit_json.erase("terms");
        fit_json["train"] = fold;
        profiled.push_back(fit_json);
      }
      entry["profiled_fits"] = profiled;
      models.push_back(entry);
    }
    splits.push_back({{"train", split.train}, {"test", split.test}, {"train_rows", split.train_rows}, {"test_rows", split.test_rows},
                      {"test_initiations", split.test_events},
                      {"observed_defence_pact_relative_risk", split.observed_relative_risk},
                      {"observed_defence_pact_relative_risk_ci95", {split.observed_low, split.observed_high}}, {"models", models}});
  }
  nlohmann::json out = {{"frame", {{"dyad_years", result.dyad_years}, {"initiations", result.initiations}}}, {"splits", splits}};
  if (result.honour_rate_reneging_cost) out["honour_rate_reneging_cost"] = *result.honour_rate_reneging_cost;
  if (result.has_full_fit) {
    out["game_fit"] = StructuralFitJson(result.full_fit);
    if (result.full_fit_profile) {
      out["game_fit"]["profile_check"] = RhoProfileJson(result.full_fit_profile->profile);
      out["game_fit"]["profile_check"]["reneging_cost"] = result.full_fit_profile->Rho();
      out["game_fit"]["profile_check"]["log_likelihood"] = result.full_fit_profile->log_likelihood;
      out["game_fit"]["profile_check"].erase("joint_fit");
    }
    out["logit_fit"] = RegressionTableJson(result.full_logit);
  }
  return out;
}

std::string RegressionTableText(const RegressionTable& table) {
  std::string out = fmt::format("{} ({}), {}: n = {} dyad-years, {} initiations{}\n", table.model, table.link, table.span.Label(), table.n,
                                table.events, table.converged ? "" : " — NOT converged");
  out += fmt::format("{:<18} {:>10} {:>9} {:>9} {:>9} {:>7}  {:<16} {}\n", "term", "coef", "se model", "se dyad", "se multi", "z multi",
                     "verdict", "published");
  for (const auto& term : table.terms) {
    out += fmt::format("{:<18} {:>10.4f} {:>9.4f} {:>9.4f} {:>9.4f} {:>7.2f}  {:<16} {}\n", term.term, term.coefficient, term.se_model,
                       term.se_dyad, term.se_multiway, term.se_multiway > 0 ? term.coefficient / term.se_multiway : 0.0, Verdict(term),
                       term.published);
  }
  if (table.multiway_clipped) out += "(the multiway meat had negative eigenvalues, set to 0)\n";
  return out;
}

std::string BacktestText(const BacktestResult& result) {
  std::string out = fmt::format("Frame: {} directed dyad-years, {} MID initiations\n\n", result.dyad_years, result.initiations);
  out += fmt::format("{:<20} {:<22} {:<16} {:>6} {:>9} {:>9}  {}\n", "train", "test", "model", "AUC", "log-loss", "Brier",
                     "defence-pact relative risk [95 %]");
  for (const auto& split : result.splits) {
    for (const auto& model : split.models) {
      const std::string rr = model.has_relative_risk ? fmt::format("{:.3f} [{:.3f}, {:.3f}]", model.relative_risk, model.relative_risk_low,
                                                                   model.relative_risk_high)
                                                     : "— (no alliance term)";
      out += fmt::format("{:<20} {:<22} {:<16} {:>6.4f} {:>9.5f} {:>9.6f}  {}{}{}\n", split.train, split.test, model.model, model.auc,
                         model.log_loss, model.brier, rr, model.unconverged_fits.empty() ? "" : " *",
                         model.profiled_fits.empty() ? "" : " †");
    }
    for (const auto& model : split.models) {
      if (model.unconverged_fits.empty()) continue;
      out += fmt::format("{:<20} * {}: not converged on {} (iteration limit); predictions scored as they are\n",
                         "", model.model, fmt::join(model.unconverged_fits, ", "));
    }
    for (const auto& model : split.models) {
      for (const auto& [fold, fit] : model.profiled_fits) {
        // Three lines, so that the text stays within 120 columns.
        out += fmt::format("{:<20} † {}, {}: ρ profiled (the joint fit: iteration {}, log-likelihood {:.2f})\n", "", model.model, fold,
                           fit.profile.joint_iterations, fit.profile.joint_log_likelihood);
        out += fmt::format("{:<20}   {}\n", "", ProfilePhrase(fit));
        out += fmt::format("{:<20}   λ = {:.4f}; log-likelihood {:.2f}\n", "", fit.Lambda(), fit.log_likelihood);
      }
    }
    out += fmt::format("{:<20} {:<22} {:<16} {:>6} {:>9} {:>9}  {:.3f} [{:.3f}, {:.3f}] (test rows {}, initiations {})\n", "", "", "observed", "",
                       "", "", split.observed_relative_risk, split.observed_low, split.observed_high, split.test_rows, split.test_events);
  }
  if (result.honour_rate_reneging_cost) {
    out += fmt::format("\ngame: ρ fitted on the training years; game-honour-rate: ρ held at {:.3f}, the calibration on the honour rate of "
                       "defence pacts since 1945 (docs/calibration.md); both fit λ and the controls\n",
                       *result.honour_rate_reneging_cost);
  }
  if (!result.has_full_fit) return out;
  const StructuralFit& fit = result.full_fit;
  const double lambda = fit.Lambda();
  out += fmt::format("\nThe game fitted on every year (n = {}): reneging cost ρ = {:.3f} (se {:.3f}){}; λ = 1/σ = {:.4f} (se {:.4f}), "
                     "σ = {:.3f} in the game's units; log-likelihood {:.1f} (logit-jl2011: {:.1f})\n",
                     fit.n, fit.Rho(), fit.Se(fit.terms.size() - 1), fit.rho_at_bound ? " AT ITS BOUND" : "", lambda,
                     fit.Se(fit.terms.size() - 2), lambda != 0.0 ? 1.0 / lambda : 0.0, fit.log_likelihood, result.full_logit.log_likelihood);
  if (fit.profiled) out += fmt::format("(ρ profiled: the joint fit stopped at its iteration limit; {})\n", ProfilePhrase(fit));
  if (result.full_fit_profile) out += ProfileCheckText(*result.full_fit_profile) + "\n";
  return out;
}

namespace {

// " (ρ profiled on all but 1940-1949: ρ = … [0.00, 10.00] (95 % profile interval; not identified))" per profiled fit.
std::string ProfiledHtml(const ModelScore& model) {
  std::string out;
  for (const auto& [fold, fit] : model.profiled_fits) out += fmt::format(" (ρ profiled on {}: {})", XmlEscape(fold), ProfilePhrase(fit));
  return out;
}

}  // namespace

std::string BacktestReportHtml(const BacktestResult& result) {
  std::string html = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>casus history backtest</title>\n"
                     "<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse;margin:1em 0}"
                     "td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}th{background:#eee}td:first-child{text-align:left}"
                     "svg{border:1px solid #ccc;margin:4px}</style></head><body>\n";
  html += fmt::format("<h1>Does a guarantee deter? The backtest</h1>\n<p>Frame: {} directed dyad-years, {} MID initiations "
                      "(docs/backtest.md explains every variable and how to read the scores).</p>\n",
                      result.dyad_years, result.initiations);
  html += "<h2>Out-of-sample scores</h2>\n<table id=\"scores\"><tr><th>train</th><th>test</th><th>model</th><th>AUC</th><th>log-loss</th>"
          "<th>Brier</th><th>defence-pact relative risk [95 %]</th></tr>\n";
  for (const auto& split : result.splits) {
    for (const auto& model : split.models) {
      html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}{}{}</td><td>{:.4f}</td><td>{:.5f}</td><td>{:.6f}</td><td>{}</td></tr>\n", XmlEscape(split.train),
                          XmlEscape(split.test), model.model,
                          model.unconverged_fits.empty() ? std::string()
                                                         : fmt::format(" (not converged on {})", XmlEscape(fmt::format("{}", fmt::join(model.unconverged_fits, ", ")))),
                          ProfiledHtml(model),
                          model.auc, model.log_loss, model.brier,
                          model.has_relative_risk ? fmt::format("{:.3f} [{:.3f}, {:.3f}]", model.relative_risk, model.relative_risk_low, model.relative_risk_high)
                                                  : "—");
    }
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>observed</td><td></td><td></td><td></td><td>{:.3f} [{:.3f}, {:.3f}]</td></tr>\n",
                        XmlEscape(split.train), XmlEscape(split.test), split.observed_relative_risk, split.observed_low, split.observed_high);
  }
  html += "</table>\n";
  static const char* kColours[] = {"#777", "#1f77b4", "#d62728", "#2ca02c"};
  for (const auto& split : result.splits) {
    html += fmt::format("<h3>Train {} / test {}</h3>\n", XmlEscape(split.train), XmlEscape(split.test));
    // ROC curves.
    html += "<svg class=\"roc\" width=\"320\" height=\"320\" viewBox=\"-30 -10 330 330\"><text x=\"100\" y=\"318\" font-size=\"11\">false-positive rate</text>"
            "<line x1=\"0\" y1=\"300\" x2=\"300\" y2=\"0\" stroke=\"#ccc\"/>";
    for (size_t model = 0; model < split.models.size(); ++model) {
      std::string points;
      for (const auto& [fpr, tpr] : split.models[model].roc) points += fmt::format("{:.1f},{:.1f} ", 300.0 * fpr, 300.0 * (1.0 - tpr));
      html += fmt::format("<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" points=\"{}\"/>", kColours[model % 4], points);
      html += fmt::format("<text x=\"150\" y=\"{}\" font-size=\"11\" fill=\"{}\">{} (AUC {:.3f})</text>", 220 + 14 * model, kColours[model % 4],
                          split.models[model].model, split.models[model].auc);
    }
    html += "</svg>\n";
    // Calibration: mean predicted vs observed by decile, on a log-free square scaled to the largest.
    double top = 1e-6;
    for (const auto& model : split.models) {
      for (const auto& bin : model.deciles) top = std::max({top, bin.mean_predicted, bin.observed});
    }
    html += fmt::format("<svg class=\"calibration\" width=\"320\" height=\"320\" viewBox=\"-30 -10 330 330\"><text x=\"60\" y=\"318\" font-size=\"11\">"
                        "mean predicted by decile (max {:.4f})</text><line x1=\"0\" y1=\"300\" x2=\"300\" y2=\"0\" stroke=\"#ccc\"/>", top);
    for (size_t model = 0; model < split.models.size(); ++model) {
      std::string points;
      for (const auto& bin : split.models[model].deciles) {
        points += fmt::format("{:.1f},{:.1f} ", 300.0 * bin.mean_predicted / top, 300.0 * (1.0 - bin.observed / top));
        html += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"2.5\" fill=\"{}\"/>", 300.0 * bin.mean_predicted / top,
                            300.0 * (1.0 - bin.observed / top), kColours[model % 4]);
      }
      html += fmt::format("<polyline fill=\"none\" stroke=\"{}\" points=\"{}\"/>", kColours[model % 4], points);
    }
    html += "</svg>\n";
  }
  if (!result.has_full_fit) return html + "</body></html>\n";
  html += "<h2>The Johnson &amp; Leeds logit, every year</h2>\n<pre>" + XmlEscape(RegressionTableText(result.full_logit)) + "</pre>\n";
  html += "<h2>The game as a structural probit, every year</h2>\n<table id=\"game\"><tr><th>parameter</th><th>estimate</th><th>se (dyad)</th></tr>\n";
  for (size_t term = 0; term < result.full_fit.terms.size(); ++term) {
    html += fmt::format("<tr><td>{}</td><td>{:.4f}</td><td>{:.4f}</td></tr>\n", result.full_fit.terms[term],
                        result.full_fit.theta(static_cast<Eigen::Index>(term)), result.full_fit.Se(term));
  }
  html += "</table>\n";
  if (result.full_fit_profile) html += fmt::format("<p id=\"profile-check\">{}.</p>\n", XmlEscape(ProfileCheckText(*result.full_fit_profile)));
  if (result.full_fit.profiled) html += fmt::format("<p>ρ profiled: the joint fit stopped at its iteration limit; {}.</p>\n", ProfilePhrase(result.full_fit));
  html += "</body></html>\n";
  return html;
}

std::string FittedParametersToml(const BacktestResult& result, const FitProvenance& provenance) {
  const StructuralFit& fit = result.full_fit;
  const double lambda = fit.Lambda();
  const GameBridgeConstants& constants = BridgeConstants();
  std::string out = "# Written by `casus history backtest --write-params`: the guarantee game fitted as a structural\n"
                    "# probit of MID initiation on every usable directed dyad-year (docs/backtest.md).\n";
  out += fmt::format("[fitted]\nsource = \"backtest\"\ndyad_years = {}\ninitiations = {}\nconverged = {}\n", fit.n, fit.events, fit.converged);
  out += fmt::format("reneging_cost = {:.6f}\nreneging_cost_sd = {:.6f}\n", fit.Rho(), fit.Se(fit.terms.size() - 1));
  out += fmt::format("# σ of the challenger's type in the game's units (effectiveness scale 1): 1/λ\nlambda = {:.6f}\nlambda_sd = {:.6f}\n", lambda,
                     fit.Se(fit.terms.size() - 2));
  out += fmt::format("challenger_type_sd = {:.6f}\n", lambda != 0.0 ? 1.0 / lambda : 0.0);
  out += fmt::format("# equivalently, at the game's default σ_τ = 0.25, an effectiveness scale of 0.25·λ\neffectiveness_scale_at_default_sd = {:.6f}\n",
                     0.25 * lambda);
  out += fmt::format("# the game's constants the fit held fixed (DefaultGameParameters)\nguarantor_value_mean = {}\nshock_scale = {:.6f}\n"
                     "cost_armed_force = {}\neffectiveness_armed_force = {}\nno_deadline_factor = {}\n",
                     constants.value_mean, constants.scale, constants.cost_armed, constants.effectiveness_armed, constants.no_deadline_factor);
  out += fmt::format("log_likelihood = {:.6f}\niterations = {}\n", fit.log_likelihood, fit.iterations);
  out += "\n# Every parameter of the fit: [estimate, standard error clustered on the dyad]\n[fitted.terms]\n";
  for (size_t term = 0; term < fit.terms.size(); ++term) {
    out += fmt::format("{} = [{:.6f}, {:.6f}]\n", fit.terms[term], fit.theta(static_cast<Eigen::Index>(term)), fit.Se(term));
  }
  if (!provenance.command.empty() || !provenance.written.empty() || !provenance.note.empty()) {
    auto quoted = [](const std::string& text) {
      std::string quoted_text = "\"";
      for (const char c : text) {
        if (c == '"' || c == '\\') quoted_text += '\\';
        if (c != '\n') quoted_text += c;
      }
      return quoted_text + "\"";
    };
    out += "\n[provenance]\n";
    if (!provenance.command.empty()) out += fmt::format("command = {}\n", quoted(provenance.command));
    if (!provenance.written.empty()) out += fmt::format("written = {}\n", quoted(provenance.written));
    if (!provenance.note.empty()) out += fmt::format("note = {}\n", quoted(provenance.note));
  }
  return out;
}

}  // namespace casus
