// Replications, the structural fit and the out-of-sample scores (backtest.hpp).
#include "casus/history/backtest.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>
#include <random>
#include <stdexcept>

#include <fmt/format.h>

#include "casus/history/game_bridge.hpp"

namespace casus {

namespace {

constexpr double kZ975 = 1.959963984540054;

std::string LinkName(Link link) { return link == Link::Logit ? "logit" : "probit"; }

const std::map<std::string, std::string>& PublishedDirections() {
  static const std::map<std::string, std::string> directions = {
      {"ptargdef", "- (significant): Leeds 2003; Johnson & Leeds 2011"},
      {"pchaldef", "none: Johnson & Leeds 2011 find no evidence that states with defence pacts initiate more"},
      {"pchaloff", "+ : Leeds 2003"},
      {"pchalneu", "+ : Leeds 2003"},
      {"chal_uncond_comp", "+ (+249 %): Benson 2011"},
      {"chal_cond_comp", "none: Benson 2011"},
      {"target_cond_det", "- (-18 %): Benson 2011"},
      {"target_uncond_det", "no deterrence of violent MIDs: Benson 2011"},
      {"target_prob_det", "no deterrence of violent MIDs: Benson 2011"},
  };
  return directions;
}

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

// Draws from N(mean, covariance) (columns), reproducible from the seed.
Eigen::MatrixXd DrawParameters(const Eigen::VectorXd& mean, const Eigen::MatrixXd& covariance, int draws, unsigned long seed) {
  Eigen::LDLT<Eigen::MatrixXd> ldlt(covariance);
  // A square root robust to a semi-definite covariance: P'LD^{1/2}.
  Eigen::MatrixXd root = ldlt.transpositionsP().transpose() * Eigen::MatrixXd(ldlt.matrixL());
  root = root * ldlt.vectorD().cwiseMax(0.0).cwiseSqrt().asDiagonal();
  std::mt19937_64 engine(seed);
  std::normal_distribution<double> normal;
  Eigen::MatrixXd out(mean.size(), draws);
  for (int draw = 0; draw < draws; ++draw) {
    Eigen::VectorXd z(mean.size());
    for (Eigen::Index i = 0; i < z.size(); ++i) z(i) = normal(engine);
    out.col(draw) = mean + root * z;
  }
  return out;
}

std::vector<int32_t> Column(const std::vector<int16_t>& source, const std::vector<size_t>& rows) {
  std::vector<int32_t> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) out[i] = source[rows[i]];
  return out;
}

std::vector<int64_t> DyadIds(const DyadYearFrame& frame, const std::vector<size_t>& rows) {
  std::vector<int64_t> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const int64_t low = std::min(frame.a[rows[i]], frame.b[rows[i]]);
    const int64_t high = std::max(frame.a[rows[i]], frame.b[rows[i]]);
    out[i] = low * 100000 + high;
  }
  return out;
}

double SqrtDiag(const Eigen::MatrixXd& matrix, Eigen::Index index) { return std::sqrt(std::max(0.0, matrix(index, index))); }

}  // namespace

std::string YearSpan::Label() const { return fmt::format("{}-{}", first, last); }

YearSpan ParseYearSpan(const std::string& text) {
  YearSpan span;
  char dash = 0;
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%ld%c%ld%n", &span.first, &dash, &span.last, &consumed) != 3 || dash != '-' ||
      static_cast<size_t>(consumed) != text.size()) {
    throw std::invalid_argument(fmt::format("'{}' is not a span of years Y1-Y2 (e.g. 1816-1944)", text));
  }
  if (span.first > span.last) throw std::invalid_argument(fmt::format("'{}': the first year is after the last", text));
  return span;
}

std::vector<std::string> ControlTerms() {
  return {"intercept", "land_contiguity", "sea_contiguity", "log_distance", "capability_share", "major_a", "major_b",
          "joint_democracy", "peace_years", "peace_years2", "peace_years3"};
}

ModelSpec ControlsSpec() { return {"controls", Link::Logit, ControlTerms()}; }

ModelSpec JohnsonLeedsSpec(Link link) {
  ModelSpec spec{"logit-jl2011", link, ControlTerms()};
  if (link == Link::Probit) spec.name = "probit-jl2011";
  for (const char* term : {"ptargdef", "pchaldef", "pchalally", "pchaloff", "pchalneu"}) spec.terms.emplace_back(term);
  return spec;
}

ModelSpec BensonSpec(Link link) {
  ModelSpec spec{link == Link::Logit ? "logit-benson2011" : "probit-benson2011", link, ControlTerms()};
  for (const char* term : {"target_uncond_det", "target_cond_det", "target_prob_det", "chal_uncond_comp", "chal_cond_comp"}) {
    spec.terms.emplace_back(term);
  }
  return spec;
}

namespace {

using TermGetter = double (*)(const DyadYearFrame&, size_t);

// Each term's rule, looked up once per column (docs/backtest.md, "Terms").
TermGetter Getter(const std::string& term) {
  static const std::map<std::string, TermGetter> getters = {
      {"intercept", [](const DyadYearFrame&, size_t) { return 1.0; }},
      {"land_contiguity", [](const DyadYearFrame& f, size_t r) { return f.contiguity[r] == 1 ? 1.0 : 0.0; }},
      {"sea_contiguity", [](const DyadYearFrame& f, size_t r) { return f.contiguity[r] >= 2 ? 1.0 : 0.0; }},
      {"log_distance", [](const DyadYearFrame& f, size_t r) { return std::log1p(static_cast<double>(f.distance_km[r])); }},
      {"capability_share", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.capability_share[r]); }},
      {"major_a", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.major_a[r]); }},
      {"major_b", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.major_b[r]); }},
      {"joint_democracy", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.joint_democracy[r]); }},
      {"joint_democracy_vdem", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.joint_democracy_vdem[r]); }},
      {"peace_years", [](const DyadYearFrame& f, size_t r) { return f.peace_years[r] / 10.0; }},
      {"peace_years2", [](const DyadYearFrame& f, size_t r) { return std::pow(f.peace_years[r] / 10.0, 2); }},
      {"peace_years3", [](const DyadYearFrame& f, size_t r) { return std::pow(f.peace_years[r] / 10.0, 3); }},
      {"ptargdef", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.ptargdef[r]); }},
      {"pchaldef", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.pchaldef[r]); }},
      {"pchalally", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.pchalally[r]); }},
      {"pchaloff", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.pchaloff[r]); }},
      {"pchalneu", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.pchalneu[r]); }},
      {"target_uncond_det", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.target_uncond_det[r]); }},
      {"target_cond_det", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.target_cond_det[r]); }},
      {"target_prob_det", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.target_prob_det[r]); }},
      {"chal_uncond_comp", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.chal_uncond_comp[r]); }},
      {"chal_cond_comp", [](const DyadYearFrame& f, size_t r) { return static_cast<double>(f.chal_cond_comp[r]); }},
  };
  const auto found = getters.find(term);
  if (found == getters.end()) throw std::invalid_argument(fmt::format("unknown term '{}'", term));
  return found->second;
}

}  // namespace

double TermValue(const DyadYearFrame& frame, size_t row, const std::string& term) { return Getter(term)(frame, row); }

std::vector<size_t> SelectRows(const DyadYearFrame& frame, const YearSpan& span, const std::vector<std::string>& terms) {
  const bool benson = std::any_of(terms.begin(), terms.end(), [](const std::string& term) {
    return term.rfind("target_", 0) == 0 || term.rfind("chal_", 0) == 0;
  });
  const bool vdem = std::find(terms.begin(), terms.end(), "joint_democracy_vdem") != terms.end();
  std::vector<size_t> rows;
  for (size_t row = 0; row < frame.Rows(); ++row) {
    if (!span.Contains(frame.year[row]) || !frame.Usable(row)) continue;
    if (benson && frame.target_cond_det[row] < 0) continue;
    if (vdem && frame.joint_democracy_vdem[row] < 0) continue;
    rows.push_back(row);
  }
  return rows;
}

Eigen::MatrixXd DesignMatrix(const DyadYearFrame& frame, const std::vector<size_t>& rows, const std::vector<std::string>& terms) {
  Eigen::MatrixXd x(static_cast<Eigen::Index>(rows.size()), static_cast<Eigen::Index>(terms.size()));
  for (size_t column = 0; column < terms.size(); ++column) {
    const TermGetter getter = Getter(terms[column]);
    for (size_t i = 0; i < rows.size(); ++i) x(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(column)) = getter(frame, rows[i]);
  }
  return x;
}

Eigen::VectorXd OutcomeVector(const DyadYearFrame& frame, const std::vector<size_t>& rows) {
  Eigen::VectorXd y(static_cast<Eigen::Index>(rows.size()));
  for (size_t i = 0; i < rows.size(); ++i) y(static_cast<Eigen::Index>(i)) = frame.initiation[rows[i]];
  return y;
}

RegressionTable FitTable(const DyadYearFrame& frame, const ModelSpec& spec, const YearSpan& span) {
  const auto rows = SelectRows(frame, span, spec.terms);
  if (rows.empty()) throw std::invalid_argument(fmt::format("no usable dyad-years in {}", span.Label()));
  const Eigen::MatrixXd x = DesignMatrix(frame, rows, spec.terms);
  const Eigen::VectorXd y = OutcomeVector(frame, rows);
  const GlmFit fit = FitGlm(x, y, spec.link);
  const Eigen::MatrixXd scores = ObservationScores(x, y, fit);
  const Eigen::MatrixXd dyad = ClusteredCovariance(fit, scores, DyadIds(frame, rows));
  RegressionTable table;
  const Eigen::MatrixXd multiway = DyadicCovariance(fit, scores, Column(frame.a, rows), Column(frame.b, rows), &table.multiway_clipped);
  table.model = spec.name;
  table.link = LinkName(spec.link);
  table.span = span;
  table.n = fit.n;
  table.events = fit.events;
  table.iterations = fit.iterations;
  table.converged = fit.converged;
  table.log_likelihood = fit.log_likelihood;
  for (size_t term = 0; term < spec.terms.size(); ++term) {
    const auto index = static_cast<Eigen::Index>(term);
    const auto published = PublishedDirections().find(spec.terms[term]);
    table.terms.push_back(TermEstimate{spec.terms[term], fit.beta(index), SqrtDiag(fit.covariance, index), SqrtDiag(dyad, index),
                                       SqrtDiag(multiway, index), published == PublishedDirections().end() ? "" : published->second});
  }
  return table;
}

std::vector<std::string> ReplicationNames() { return {"johnson-leeds-2011", "benson-2011"}; }

Replication Replicate(const DyadYearFrame& frame, const std::string& name, Link link) {
  Replication out;
  out.name = name;
  if (name == "johnson-leeds-2011") {
    const ModelSpec spec = JohnsonLeedsSpec(link);
    out.main = FitTable(frame, spec, {1816, 2000});
    out.eras.push_back(FitTable(frame, spec, {1816, 1944}));
    out.eras.push_back(FitTable(frame, spec, {1945, frame.last_year}));
    out.note = "Johnson & Leeds (2011) also control for UN voting similarity (s_un_glo), which casus does not have: it is left out. "
               "Directed dyad-years of all system members, 1816-2000 as in the paper; ongoing-dispute years dropped.";
  } else if (name == "benson-2011") {
    const ModelSpec spec = BensonSpec(link);
    out.main = FitTable(frame, spec, {1816, 2000});
    out.eras.push_back(FitTable(frame, spec, {1816, 1944}));
    out.eras.push_back(FitTable(frame, spec, {1945, 2000}));
    out.note = "Benson's typology of ATOP phases (his file, 1815-2003) on casus's frame and controls, 1816-2000 as in the paper; "
               "a pact counts for the target (deterrent types) or the challenger (compellent types) when the other state is not a member of the phase.";
  } else {
    throw std::invalid_argument(fmt::format("unknown replication '{}' (known: johnson-leeds-2011, benson-2011)", name));
  }
  return out;
}

double StructuralFit::Se(size_t index) const { return SqrtDiag(covariance_dyad, static_cast<Eigen::Index>(index)); }

namespace {

// What both structural fits start from: the controls' design, the outcome, and the fit's terms
// and counts.
struct StructuralProblem {
  StructuralFit fit;
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  StructuralProblem(const DyadYearFrame& frame, const std::vector<size_t>& rows)
      : x(DesignMatrix(frame, rows, ControlTerms())), y(OutcomeVector(frame, rows)) {
    fit.terms = ControlTerms();
    fit.terms.emplace_back("lambda");
    fit.terms.emplace_back("reneging_cost");
    fit.n = static_cast<long>(x.rows());
    fit.events = static_cast<long>(y.sum());
  }
};

}  // namespace

namespace {

// Fisher scoring on (β, λ, ρ) jointly (docs/backtest.md, "Fit").
StructuralFit FitJoint(const DyadYearFrame& frame, const std::vector<size_t>& rows, const StructuralFit* start) {
  StructuralProblem problem(frame, rows);
  StructuralFit& fit = problem.fit;
  const Eigen::MatrixXd& x = problem.x;
  const Eigen::VectorXd& y = problem.y;
  const Eigen::Index n = x.rows();
  const Eigen::Index k = x.cols();
  // E[L] and its slope in ρ, with the target's defenders grouped by commitment (game_bridge.hpp).
  const GroupedLoss grouped(frame, rows);
  std::vector<double> loss(static_cast<size_t>(n)), slope(static_cast<size_t>(n));
  auto expected_loss = [&](double rho) { grouped.Evaluate(rho, loss, &slope); };
  Eigen::VectorXd theta(k + 2);
  if (start != nullptr && start->theta.size() == k + 2) {
    theta = start->theta;
  } else {
    // Start: a probit on the controls and E[L] at the game's default ρ.
    const double rho0 = 0.8;
    expected_loss(rho0);
    Eigen::MatrixXd design(n, k + 1);
    design << x, -Eigen::Map<const Eigen::VectorXd>(loss.data(), n);
    const GlmFit probit = FitGlm(design, y, Link::Probit);
    theta << probit.beta, rho0;
  }
  // One pass at θ gives the log-likelihood and everything the next Fisher step needs (E[L], its
  // slope, each row's score factor and weight), so the accepted step's pass is not repeated.
  Eigen::VectorXd weights(n), factor(n);
  auto evaluate = [&](const Eigen::VectorXd& parameters) {
    expected_loss(parameters(k + 1));
    const Eigen::VectorXd eta = x * parameters.head(k) - parameters(k) * Eigen::Map<const Eigen::VectorXd>(loss.data(), n);
    double sum = 0.0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const GlmPoint point = EvaluateGlm(Link::Probit, eta(i), y(i));
      sum += point.log_p;
      weights(i) = point.weight;
      factor(i) = point.score;
    }
    return sum;
  };
  Eigen::MatrixXd jacobian(n, k + 2);
  auto build_jacobian = [&](const Eigen::VectorXd& parameters) {
    jacobian << x, -Eigen::Map<const Eigen::VectorXd>(loss.data(), n), -parameters(k) * Eigen::Map<const Eigen::VectorXd>(slope.data(), n);
  };
  double current = evaluate(theta);
  Eigen::MatrixXd information(k + 2, k + 2);
  for (int iteration = 1; iteration <= 100; ++iteration) {
    build_jacobian(theta);
    WeightedCrossProduct(jacobian, weights, information);
    const Eigen::VectorXd gradient = jacobian.transpose() * factor;
    // ρ on its bound with the likelihood rising beyond it (the Karush–Kuhn–Tucker condition): ρ
    // is held there and the step solves for the other parameters alone. Without this the clamped
    // step is no step in ρ, its decrement never falls and the fit runs to its last iteration.
    const bool at_lower = theta(k + 1) <= 0.0 && gradient(k + 1) < 0.0;
    const bool at_upper = theta(k + 1) >= 10.0 && gradient(k + 1) > 0.0;
    Eigen::VectorXd step = Eigen::VectorXd::Zero(k + 2);
    if (at_lower || at_upper) {
      step.head(k + 1) = information.topLeftCorner(k + 1, k + 1).ldlt().solve(gradient.head(k + 1));
    } else {
      step = information.ldlt().solve(gradient);
    }
    if (!step.allFinite()) break;
    // The Newton decrement g'I⁻¹g / 2 is the log-likelihood a full step would still gain: below
    // 1e-7 the fit is done, even where ρ and λ trade off along a flat ridge.
    if (gradient.dot(step) < 2e-7) {
      fit.converged = true;
      fit.iterations = iteration;
      break;
    }
    Eigen::VectorXd candidate;
    double next = current;
    for (int halving = 0; halving < 30; ++halving) {
      candidate = theta + step;
      candidate(k + 1) = std::clamp(candidate(k + 1), 0.0, 10.0);
      next = evaluate(candidate);
      if (next >= current - 1e-9 * std::abs(current)) break;
      step *= 0.5;
    }
    theta = candidate;  // the last pass was at the candidate: weights, factor, E[L] and slope are θ's
    fit.iterations = iteration;
    current = next;
  }
  fit.theta = theta;
  fit.log_likelihood = current;
  fit.rho_at_bound = theta(k + 1) <= 1e-9 || theta(k + 1) >= 10.0 - 1e-9;
  build_jacobian(theta);
  WeightedCrossProduct(jacobian, weights, information);
  GlmFit as_glm;
  as_glm.link = Link::Probit;
  as_glm.beta = theta;
  as_glm.information = information;
  as_glm.covariance = information.completeOrthogonalDecomposition().pseudoInverse();
  fit.covariance_model = as_glm.covariance;
  const Eigen::MatrixXd scores = jacobian.array().colwise() * factor.array();
  fit.covariance_dyad = ClusteredCovariance(as_glm, scores, DyadIds(frame, rows));
  return fit;
}

// The fit with ρ held: a probit on the controls and −E[L](ρ); ρ's row and column of the covariances are 0.
void FillHeldRhoFit(const DyadYearFrame& frame, const std::vector<size_t>& rows, const Eigen::MatrixXd& design, const Eigen::VectorXd& y,
                    const GlmFit& probit, double reneging_cost, StructuralFit& fit) {
  const Eigen::Index k = design.cols() - 1;
  fit.theta.resize(k + 2);
  fit.theta << probit.beta, reneging_cost;
  fit.iterations = probit.iterations;
  fit.converged = probit.converged;
  fit.log_likelihood = probit.log_likelihood;
  fit.rho_at_bound = false;
  fit.covariance_model = Eigen::MatrixXd::Zero(k + 2, k + 2);
  fit.covariance_dyad = Eigen::MatrixXd::Zero(k + 2, k + 2);
  fit.covariance_model.topLeftCorner(k + 1, k + 1) = probit.covariance;
  fit.covariance_dyad.topLeftCorner(k + 1, k + 1) = ClusteredCovariance(probit, ObservationScores(design, y, probit), DyadIds(frame, rows));
}

}  // namespace

StructuralFit FitStructural(const DyadYearFrame& frame, const std::vector<size_t>& rows, const StructuralFit* start) {
  StructuralFit joint = FitJoint(frame, rows, start);
  if (joint.converged) return joint;
  // The joint fit ran to its iteration limit (its memory is freed by now): the profile over ρ,
  // warm-started from where the joint fit stopped.
  StructuralFit fit = ProfileStructural(frame, rows, &joint);
  fit.profile.joint_log_likelihood = joint.log_likelihood;
  fit.profile.joint_rho = joint.Rho();
  fit.profile.joint_lambda = joint.Lambda();
  fit.profile.joint_iterations = joint.iterations;
  return fit;
}

StructuralFit ProfileStructural(const DyadYearFrame& frame, const std::vector<size_t>& rows, const StructuralFit* start) {
  StructuralProblem problem(frame, rows);
  StructuralFit& fit = problem.fit;
  const Eigen::VectorXd& y = problem.y;
  const Eigen::Index n = problem.x.rows();
  const Eigen::Index k = problem.x.cols();
  const GroupedLoss grouped(frame, rows);
  std::vector<double> loss;
  Eigen::MatrixXd design(n, k + 1);
  design.leftCols(k) = problem.x;
  problem.x.resize(0, 0);
  // ℓ_p(ρ): the probit with ρ held, warm-started from the nearest ρ already evaluated (the first
  // from `start`): neighbouring ρ have nearly the same β and λ, so each takes a few Fisher steps.
  std::map<double, GlmFit> evaluated;
  auto profile_at = [&](double rho) {
    const auto found = evaluated.find(rho);
    if (found != evaluated.end()) return found->second.log_likelihood;
    Eigen::VectorXd warm;
    if (!evaluated.empty()) {
      auto nearest = evaluated.lower_bound(rho);
      if (nearest == evaluated.end() || (nearest != evaluated.begin() && rho - std::prev(nearest)->first < nearest->first - rho)) --nearest;
      warm = nearest->second.beta;
    } else if (start != nullptr && start->theta.size() == k + 2) {
      warm = start->theta.head(k + 1);
    }
    grouped.Evaluate(rho, loss);
    design.col(k) = -Eigen::Map<const Eigen::VectorXd>(loss.data(), n);
    GlmFit probit = FitGlm(design, y, Link::Probit, warm.size() == k + 1 ? &warm : nullptr);
    const double value = probit.log_likelihood;
    evaluated.emplace(rho, std::move(probit));
    return value;
  };
  // The grid: ρ = 0, 0.5, …, 10. ATOP's commitments c are 0.45–0.64 and s = 0.52, so a step of 0.5
  // moves Φ's argument (v̄ − k + ρ·c)/s by at most 0.62 of a standard deviation.
  const int steps = static_cast<int>(std::lround(10.0 / kProfileGridStep));
  double best_rho = 0.0, best = -std::numeric_limits<double>::infinity();
  for (int step = 0; step <= steps; ++step) {
    const double rho = kProfileGridStep * step;
    const double value = profile_at(rho);
    if (value > best) {
      best = value;
      best_rho = rho;
    }
  }
  // Golden-section search within a grid step either side of the best grid point, to 0.005 in ρ.
  const double golden = (std::sqrt(5.0) - 1.0) / 2.0;
  double left = std::max(0.0, best_rho - kProfileGridStep), right = std::min(10.0, best_rho + kProfileGridStep);
  double inner_left = right - golden * (right - left), inner_right = left + golden * (right - left);
  double value_left = profile_at(inner_left), value_right = profile_at(inner_right);
  while (right - left > 0.005) {
    if (value_left >= value_right) {
      right = inner_right;
      inner_right = inner_left;
      value_right = value_left;
      inner_left = right - golden * (right - left);
      value_left = profile_at(inner_left);
    } else {
      left = inner_left;
      inner_left = inner_right;
      value_left = value_right;
      inner_right = left + golden * (right - left);
      value_right = profile_at(inner_right);
    }
  }
  RhoProfile& profile = fit.profile;
  double lowest = std::numeric_limits<double>::infinity();
  std::vector<double> grid_rho, grid_value;
  for (const auto& [rho, probit] : evaluated) {
    grid_rho.push_back(rho);
    grid_value.push_back(probit.log_likelihood);
    lowest = std::min(lowest, probit.log_likelihood);
    if (probit.log_likelihood > best) {
      best = probit.log_likelihood;
      best_rho = rho;
    }
  }
  // The interval: from the best point outwards to the first point below max − 1.92; the crossing
  // between it and the last point above is bisected 6 times (to 1/64 of the gap, 0.008 in ρ on the
  // grid) and then interpolated linearly.
  const double threshold = best - kProfileDrop;
  auto crossing = [&](double inside, double outside) {
    for (int bisection = 0; bisection < 6; ++bisection) {
      const double middle = 0.5 * (inside + outside);
      (profile_at(middle) >= threshold ? inside : outside) = middle;
    }
    const double l_in = profile_at(inside), l_out = profile_at(outside);
    return inside + (outside - inside) * (l_in - threshold) / (l_in - l_out);
  };
  const auto at_best = static_cast<size_t>(std::find(grid_rho.begin(), grid_rho.end(), best_rho) - grid_rho.begin());
  profile.low = grid_rho.front();
  for (size_t i = at_best; i-- > 0;) {
    if (grid_value[i] < threshold) {
      profile.low = crossing(grid_rho[i + 1], grid_rho[i]);
      break;
    }
  }
  profile.high = grid_rho.back();
  for (size_t i = at_best + 1; i < grid_rho.size(); ++i) {
    if (grid_value[i] < threshold) {
      profile.high = crossing(grid_rho[i - 1], grid_rho[i]);
      break;
    }
  }
  for (const auto& [rho, probit] : evaluated) {
    profile.rho.push_back(rho);
    profile.log_likelihood.push_back(probit.log_likelihood);
  }
  profile.flat = best - lowest < kProfileDrop;
  grouped.Evaluate(best_rho, loss);
  design.col(k) = -Eigen::Map<const Eigen::VectorXd>(loss.data(), n);
  FillHeldRhoFit(frame, rows, design, y, evaluated.at(best_rho), best_rho, fit);
  fit.profiled = true;
  fit.rho_at_bound = best_rho <= 0.0 || best_rho >= 10.0;
  return fit;
}

StructuralFit FitStructuralAtRho(const DyadYearFrame& frame, const std::vector<size_t>& rows, double reneging_cost, const StructuralFit* start) {
  StructuralProblem problem(frame, rows);
  StructuralFit& fit = problem.fit;
  const Eigen::VectorXd& y = problem.y;
  const Eigen::Index n = problem.x.rows();
  const Eigen::Index k = problem.x.cols();
  std::vector<double> loss;
  GroupedLoss(frame, rows).Evaluate(reneging_cost, loss);
  Eigen::MatrixXd design(n, k + 1);
  design << problem.x, -Eigen::Map<const Eigen::VectorXd>(loss.data(), n);
  problem.x.resize(0, 0);
  Eigen::VectorXd start_beta;
  if (start != nullptr && start->theta.size() == k + 2) start_beta = start->theta.head(k + 1);
  const GlmFit probit = FitGlm(design, y, Link::Probit, start_beta.size() == k + 1 ? &start_beta : nullptr);
  FillHeldRhoFit(frame, rows, design, y, probit, reneging_cost, fit);
  return fit;
}

ModelScore ScorePredictions(const std::vector<double>& y, const std::vector<double>& p) {
  ModelScore score;
  const size_t n = y.size();
  if (n == 0) return score;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&p](size_t i, size_t j) { return p[i] < p[j]; });
  // AUC by the rank-sum (Mann–Whitney), ties given their average rank.
  double positives = 0.0, rank_sum = 0.0;
  for (size_t start = 0; start < n;) {
    size_t end = start;
    while (end < n && p[order[end]] == p[order[start]]) ++end;
    const double average_rank = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2.0;
    for (size_t i = start; i < end; ++i) {
      if (y[order[i]] > 0.5) {
        positives += 1.0;
        rank_sum += average_rank;
      }
    }
    start = end;
  }
  const double negatives = static_cast<double>(n) - positives;
  score.auc = positives > 0 && negatives > 0 ? (rank_sum - positives * (positives + 1.0) / 2.0) / (positives * negatives) : 0.5;
  double log_loss = 0.0, brier = 0.0;
  for (size_t i = 0; i < n; ++i) {
    const double q = std::clamp(p[i], 1e-15, 1.0 - 1e-15);
    log_loss -= y[i] > 0.5 ? std::log(q) : std::log(1.0 - q);
    brier += (p[i] - y[i]) * (p[i] - y[i]);
  }
  score.log_loss = log_loss / static_cast<double>(n);
  score.brier = brier / static_cast<double>(n);
  for (size_t decile = 0; decile < 10; ++decile) {
    const size_t from = n * decile / 10;
    const size_t to = n * (decile + 1) / 10;
    CalibrationBin bin;
    bin.n = static_cast<long>(to - from);
    for (size_t i = from; i < to; ++i) {
      bin.mean_predicted += p[order[i]];
      bin.observed += y[order[i]];
    }
    if (bin.n > 0) {
      bin.mean_predicted /= static_cast<double>(bin.n);
      bin.observed /= static_cast<double>(bin.n);
    }
    score.deciles.push_back(bin);
  }
  // ROC from the highest prediction down, sampled at ≤ 201 points.
  std::vector<std::pair<double, double>> curve = {{0.0, 0.0}};
  double true_positives = 0.0, false_positives = 0.0;
  for (size_t position = n; position-- > 0;) {
    (y[order[position]] > 0.5 ? true_positives : false_positives) += 1.0;
    if (position == 0 || p[order[position - 1]] != p[order[position]]) {
      curve.emplace_back(negatives > 0 ? false_positives / negatives : 0.0, positives > 0 ? true_positives / positives : 0.0);
    }
  }
  const size_t step = std::max<size_t>(1, curve.size() / 200);
  for (size_t i = 0; i < curve.size(); i += step) score.roc.push_back(curve[i]);
  if (score.roc.back() != curve.back()) score.roc.push_back(curve.back());
  return score;
}

namespace {

// Predictions of one model on test rows, and the relative risk of initiation against targets with
// a defence pact (observed) over the same rows with it removed, as draws.
struct Accumulator {
  std::vector<double> y, p;
  bool has_relative_risk = false;
  std::vector<double> numerator, denominator;  // index 0: the estimate; 1…: parameter draws
  std::vector<std::string> unconverged;        // the training sets whose fit did not converge
  std::vector<std::pair<std::string, StructuralFit>> profiled;  // the game fits that took ρ from the profile likelihood
  void Resize(int draws) {
    numerator.assign(static_cast<size_t>(draws) + 1, 0.0);
    denominator = numerator;
  }
  ModelScore Finish(const std::string& model) const {
    ModelScore score = ScorePredictions(y, p);
    score.model = model;
    score.has_relative_risk = has_relative_risk;
    score.unconverged_fits = unconverged;
    score.profiled_fits = profiled;
    if (has_relative_risk && denominator[0] > 0) {
      score.relative_risk = numerator[0] / denominator[0];
      std::vector<double> ratios;
      for (size_t draw = 1; draw < numerator.size(); ++draw) ratios.push_back(numerator[draw] / denominator[draw]);
      std::sort(ratios.begin(), ratios.end());
      if (!ratios.empty()) {
        score.relative_risk_low = ratios[static_cast<size_t>(0.025 * static_cast<double>(ratios.size() - 1) + 0.5)];
        score.relative_risk_high = ratios[static_cast<size_t>(0.975 * static_cast<double>(ratios.size() - 1) + 0.5)];
      }
    }
    return score;
  }
};

// A logit on `spec` fitted on the train rows, predicting the test rows.
void ScoreLogit(const DyadYearFrame& frame, const ModelSpec& spec, const std::vector<size_t>& train, const std::vector<size_t>& test,
                const BacktestOptions& options, unsigned long seed, const Eigen::VectorXd* start, const std::string& fold, Accumulator& out) {
  const Eigen::MatrixXd x = DesignMatrix(frame, train, spec.terms);
  const Eigen::VectorXd y = OutcomeVector(frame, train);
  const GlmFit fit = FitGlm(x, y, spec.link, start);
  if (!fit.converged) out.unconverged.push_back(fold);
  const Eigen::MatrixXd covariance = ClusteredCovariance(fit, ObservationScores(x, y, fit), DyadIds(frame, train));
  const Eigen::MatrixXd test_x = DesignMatrix(frame, test, spec.terms);
  const Eigen::VectorXd eta = test_x * fit.beta;
  for (size_t i = 0; i < test.size(); ++i) {
    out.y.push_back(frame.initiation[test[i]]);
    out.p.push_back(LinkProbability(spec.link, eta(static_cast<Eigen::Index>(i))));
  }
  const auto pact = std::find(spec.terms.begin(), spec.terms.end(), "ptargdef");
  if (pact == spec.terms.end()) return;
  out.has_relative_risk = true;
  const auto column = static_cast<Eigen::Index>(pact - spec.terms.begin());
  std::vector<Eigen::Index> with_pact;
  for (size_t i = 0; i < test.size(); ++i) {
    if (frame.ptargdef[test[i]] != 0) with_pact.push_back(static_cast<Eigen::Index>(i));
  }
  Eigen::MatrixXd observed(static_cast<Eigen::Index>(with_pact.size()), test_x.cols());
  for (size_t i = 0; i < with_pact.size(); ++i) observed.row(static_cast<Eigen::Index>(i)) = test_x.row(with_pact[i]);
  Eigen::MatrixXd removed = observed;
  removed.col(column).setZero();
  Eigen::MatrixXd parameters(fit.beta.size(), options.draws + 1);
  parameters.col(0) = fit.beta;
  parameters.rightCols(options.draws) = DrawParameters(fit.beta, covariance, options.draws, seed);
  // One draw at a time: the pact rows (some 700,000 after 1945) times 201 draws would be two
  // matrices of 1.1 GB each.
  Eigen::VectorXd eta_observed(observed.rows()), eta_removed(observed.rows());
  for (Eigen::Index draw = 0; draw <= options.draws; ++draw) {
    eta_observed.noalias() = observed * parameters.col(draw);
    eta_removed.noalias() = removed * parameters.col(draw);
    for (Eigen::Index i = 0; i < eta_observed.size(); ++i) {
      out.numerator[static_cast<size_t>(draw)] += LinkProbability(spec.link, eta_observed(i));
      out.denominator[static_cast<size_t>(draw)] += LinkProbability(spec.link, eta_removed(i));
    }
  }
}

// The game fitted on the train rows (ρ free, or held at `fixed_rho`), predicting the test rows.
void ScoreGame(const DyadYearFrame& frame, const std::vector<size_t>& train, const std::vector<size_t>& test, const BacktestOptions& options,
               unsigned long seed, const StructuralFit* start, std::optional<double> fixed_rho, const std::string& fold, Accumulator& out) {
  const StructuralFit fit = fixed_rho ? FitStructuralAtRho(frame, train, *fixed_rho, start) : FitStructural(frame, train, start);
  if (!fit.converged) out.unconverged.push_back(fold);
  if (fit.profiled) out.profiled.emplace_back(fold, fit);
  const std::vector<std::string> controls = ControlTerms();
  const auto k = static_cast<Eigen::Index>(controls.size());
  const Eigen::MatrixXd test_x = DesignMatrix(frame, test, controls);
  const GroupedLoss grouped(frame, test);
  std::vector<double> cdf;
  grouped.GroupTerms(fit.Rho(), cdf);
  const Eigen::VectorXd base = test_x * fit.theta.head(k);
  for (size_t i = 0; i < test.size(); ++i) {
    out.y.push_back(frame.initiation[test[i]]);
    out.p.push_back(NormalCdf(base(static_cast<Eigen::Index>(i)) - fit.Lambda() * grouped.Loss(i, cdf)));
  }
  out.has_relative_risk = true;
  // The interval's draws recompute E[L] at each draw's ρ for every pact row: on a systematic
  // subsample of at most 20,000 of them (every k-th row), which keeps 200 draws to seconds.
  std::vector<size_t> with_pact;
  for (size_t i = 0; i < test.size(); ++i) {
    if (frame.ptargdef[test[i]] != 0) with_pact.push_back(i);
  }
  const size_t stride = std::max<size_t>(1, (with_pact.size() + 19999) / 20000);
  for (const size_t i : with_pact) {
    out.numerator[0] += NormalCdf(base(static_cast<Eigen::Index>(i)) - fit.Lambda() * grouped.Loss(i, cdf));
    out.denominator[0] += NormalCdf(base(static_cast<Eigen::Index>(i)));
  }
  std::vector<size_t> sampled;
  for (size_t position = 0; position < with_pact.size(); position += stride) sampled.push_back(with_pact[position]);
  with_pact = std::move(sampled);
  Eigen::MatrixXd parameters(fit.theta.size(), options.draws + 1);
  parameters.col(0) = fit.theta;
  parameters.rightCols(options.draws) = DrawParameters(fit.theta, fit.covariance_dyad, options.draws, seed);
  Eigen::MatrixXd observed_x(static_cast<Eigen::Index>(with_pact.size()), k);
  for (size_t i = 0; i < with_pact.size(); ++i) observed_x.row(static_cast<Eigen::Index>(i)) = test_x.row(static_cast<Eigen::Index>(with_pact[i]));
  const Eigen::MatrixXd eta_removed = observed_x * parameters.topRows(k);
  for (Eigen::Index draw = 1; draw <= options.draws; ++draw) {
    const double lambda = parameters(k, draw);
    grouped.GroupTerms(std::max(0.0, parameters(k + 1, draw)), cdf);
    for (size_t i = 0; i < with_pact.size(); ++i) {
      const double removed = eta_removed(static_cast<Eigen::Index>(i), draw);
      out.numerator[static_cast<size_t>(draw)] += NormalCdf(removed - lambda * grouped.Loss(with_pact[i], cdf));
      out.denominator[static_cast<size_t>(draw)] += NormalCdf(removed);
    }
  }
}

}  // namespace

BacktestResult RunBacktest(const DyadYearFrame& frame, const BacktestOptions& options) {
  BacktestResult result;
  result.dyad_years = static_cast<long>(frame.Rows());
  result.initiations = static_cast<long>(frame.Initiations());
  result.honour_rate_reneging_cost = options.honour_rate_reneging_cost;
  auto progress = [&options](const std::string& message) {
    if (options.progress) options.progress(message);
  };
  const ModelSpec controls = ControlsSpec();
  const ModelSpec logit = JohnsonLeedsSpec();
  const YearSpan all{frame.first_year, frame.last_year};
  // Every model's fit on every year is where its fit on each design's training years starts:
  // those drop an era or a decade, so Fisher scoring needs a few steps from there instead of ~10
  // from zero. The estimates are the same maximum (to the fits' tolerance).
  Eigen::VectorXd controls_start, logit_start;
  StructuralFit honour_start;
  if (options.full_fit) {
    const std::vector<size_t> every = SelectRows(frame, all, logit.terms);
    progress(fmt::format("the game on every year ({})", all.Label()));
    result.full_fit = FitStructural(frame, every);
    if (!result.full_fit.profiled) {
      progress(fmt::format("the game's profile likelihood over ρ on every year ({}), as a check", all.Label()));
      result.full_fit_profile = ProfileStructural(frame, every, &result.full_fit);
    }
    progress(fmt::format("the Johnson & Leeds logit on every year ({})", all.Label()));
    result.full_logit = FitTable(frame, logit, all);
    result.has_full_fit = true;
    logit_start.resize(static_cast<Eigen::Index>(result.full_logit.terms.size()));
    for (size_t term = 0; term < result.full_logit.terms.size(); ++term) logit_start(static_cast<Eigen::Index>(term)) = result.full_logit.terms[term].coefficient;
    progress(fmt::format("controls on every year ({}), where the folds start", all.Label()));
    controls_start = FitGlm(DesignMatrix(frame, every, controls.terms), OutcomeVector(frame, every), controls.link).beta;
    if (options.honour_rate_reneging_cost) {
      progress(fmt::format("game-honour-rate on every year ({}), where the folds start", all.Label()));
      honour_start = FitStructuralAtRho(frame, every, *options.honour_rate_reneging_cost, &result.full_fit);
    }
  }
  const Eigen::VectorXd* controls_from = controls_start.size() > 0 ? &controls_start : nullptr;
  const Eigen::VectorXd* logit_from = logit_start.size() > 0 ? &logit_start : nullptr;
  const StructuralFit* game_from = result.has_full_fit ? &result.full_fit : nullptr;
  const StructuralFit* honour_from = honour_start.theta.size() > 0 ? &honour_start : nullptr;

  struct Design {
    std::string train, test;
    std::vector<std::pair<YearSpan, YearSpan>> folds;  // pooled when several
  };
  std::vector<Design> designs;
  if (!options.splits.empty()) {
    for (const auto& [train, test] : options.splits) designs.push_back({train.Label(), test.Label(), {{train, test}}});
  } else {
    designs.push_back({"1816-1944", fmt::format("1945-{}", frame.last_year), {{{1816, 1944}, {1945, frame.last_year}}}});
    designs.push_back({fmt::format("1945-{}", frame.last_year), "1816-1944", {{{1945, frame.last_year}, {1816, 1944}}}});
    if (options.leave_one_decade_out) {
      Design decades{"all but the decade", "each decade (pooled)", {}};
      for (long decade = frame.first_year / 10 * 10; decade <= frame.last_year; decade += 10) {
        decades.folds.push_back({YearSpan{decade, decade + 9}, YearSpan{std::max(decade, frame.first_year), std::min(decade + 9, frame.last_year)}});
      }
      designs.push_back(decades);
    }
  }
  unsigned long seed = options.seed;
  unsigned long honour_seed = options.seed + 1000000;
  for (const auto& design : designs) {
    SplitScores split;
    split.train = design.train;
    split.test = design.test;
    Accumulator scores[4];
    for (auto& accumulator : scores) accumulator.Resize(options.draws);
    double pact_events = 0, pact_rows = 0, other_events = 0, other_rows = 0;
    for (const auto& [train_span, test_span] : design.folds) {
      // Leave-one-decade-out: the fold's first span is the decade held out.
      const bool held_out = design.folds.size() > 1;
      std::vector<size_t> train, test;
      for (const size_t row : SelectRows(frame, all, logit.terms)) {
        const long year = frame.year[row];
        const bool in_test = test_span.Contains(year);
        const bool in_train = held_out ? !train_span.Contains(year) : train_span.Contains(year);
        if (in_test) test.push_back(row);
        else if (in_train) train.push_back(row);
      }
      if (train.empty() || test.empty()) continue;
      split.train_rows += static_cast<long>(train.size());
      split.test_rows += static_cast<long>(test.size());
      for (const size_t row : test) {
        split.test_events += frame.initiation[row];
        (frame.ptargdef[row] ? pact_events : other_events) += frame.initiation[row];
        (frame.ptargdef[row] ? pact_rows : other_rows) += 1;
      }
      const std::string fold = held_out ? "all but " + train_span.Label() : train_span.Label();
      progress(fmt::format("train {} / test {}: controls", fold, test_span.Label()));
      ScoreLogit(frame, controls, train, test, options, seed++, controls_from, fold, scores[0]);
      progress(fmt::format("train {} / test {}: logit-jl2011", fold, test_span.Label()));
      ScoreLogit(frame, logit, train, test, options, seed++, logit_from, fold, scores[1]);
      progress(fmt::format("train {} / test {}: game", fold, test_span.Label()));
      ScoreGame(frame, train, test, options, seed++, game_from, std::nullopt, fold, scores[2]);
      if (options.honour_rate_reneging_cost) {
        progress(fmt::format("train {} / test {}: game-honour-rate", fold, test_span.Label()));
        // Its own seeds, so that the other models' intervals do not depend on whether it is scored.
        ScoreGame(frame, train, test, options, honour_seed++, honour_from, options.honour_rate_reneging_cost, fold, scores[3]);
      }
    }
    if (pact_rows > 0 && other_rows > 0 && pact_events > 0 && other_events > 0) {
      split.observed_relative_risk = (pact_events / pact_rows) / (other_events / other_rows);
      // Katz's log interval for a ratio of two proportions.
      const double se = std::sqrt(1.0 / pact_events - 1.0 / pact_rows + 1.0 / other_events - 1.0 / other_rows);
      split.observed_low = split.observed_relative_risk * std::exp(-kZ975 * se);
      split.observed_high = split.observed_relative_risk * std::exp(kZ975 * se);
    }
    split.models.push_back(scores[0].Finish("controls"));
    split.models.push_back(scores[1].Finish("logit-jl2011"));
    split.models.push_back(scores[2].Finish("game"));
    if (options.honour_rate_reneging_cost) split.models.push_back(scores[3].Finish("game-honour-rate"));
    result.splits.push_back(std::move(split));
  }
  return result;
}

}  // namespace casus
