// The backtest (docs/backtest.md): the published regressions replicated on casus's frame, the
// guarantee game fitted as a structural model of initiation, and out-of-sample scores of
// controls-only, the Johnson & Leeds (2011) logit and the game side by side.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "casus/history/frame.hpp"
#include "casus/history/glm.hpp"

namespace casus {

//! Years [first, last], both included.
struct YearSpan {
  long first = 0, last = 0;
  std::string Label() const;
  bool Contains(long year) const { return year >= first && year <= last; }
};
//! "1816-1944" → {1816, 1944}; throws std::invalid_argument with what is wrong.
YearSpan ParseYearSpan(const std::string& text);

//! A regression specification: terms are names of frame variables (docs/backtest.md, "Terms").
struct ModelSpec {
  std::string name;
  Link link = Link::Logit;
  std::vector<std::string> terms;  //!< "intercept" first
};
std::vector<std::string> ControlTerms();  //!< intercept, contiguity, distance, capabilities, major powers, democracy, peace years
ModelSpec ControlsSpec();
ModelSpec JohnsonLeedsSpec(Link link = Link::Logit);
ModelSpec BensonSpec(Link link = Link::Logit);

//! The value of one term for one frame row (throws std::invalid_argument for an unknown term).
double TermValue(const DyadYearFrame& frame, size_t row, const std::string& term);

//! Rows a specification can be fitted on within `span`: DyadYearFrame::Usable and every term known.
std::vector<size_t> SelectRows(const DyadYearFrame& frame, const YearSpan& span, const std::vector<std::string>& terms);
Eigen::MatrixXd DesignMatrix(const DyadYearFrame& frame, const std::vector<size_t>& rows, const std::vector<std::string>& terms);
Eigen::VectorXd OutcomeVector(const DyadYearFrame& frame, const std::vector<size_t>& rows);

struct TermEstimate {
  std::string term;
  double coefficient = 0.0;
  double se_model = 0.0, se_dyad = 0.0, se_multiway = 0.0;
  std::string published;  //!< the direction the paper reports, "" when none is quoted
};
struct RegressionTable {
  std::string model;
  std::string link;  //!< "logit" | "probit"
  YearSpan span;
  long n = 0, events = 0;
  int iterations = 0;
  bool converged = false;
  bool multiway_clipped = false;
  double log_likelihood = 0.0;
  std::vector<TermEstimate> terms;
};
//! Fits the specification on `span` with model-based, dyad-clustered and dyadic multiway errors.
RegressionTable FitTable(const DyadYearFrame& frame, const ModelSpec& spec, const YearSpan& span);

struct Replication {
  std::string name;  //!< "johnson-leeds-2011" | "benson-2011"
  RegressionTable main;  //!< the paper's span
  std::vector<RegressionTable> eras;
  std::string note;
};
std::vector<std::string> ReplicationNames();
//! Throws std::invalid_argument for a name not in ReplicationNames().
Replication Replicate(const DyadYearFrame& frame, const std::string& name, Link link = Link::Logit);

//! The guarantee game as a structural probit: P(A initiates) = Φ(X·β − λ·E[L](ρ)), E[L] from
//! game_bridge.hpp; σ = 1/λ in the game's units (effectiveness scale 1). Fitted by Fisher scoring
//! on (β, λ, ρ) jointly; ρ is kept in [0, 10].
//! The profile likelihood over ρ (Pawitan 2001, "In All Likelihood", ch. 3; the interval as in
//! Venzon & Moolgavkar 1988): ℓ_p(ρ) = max over (β, λ) of the log-likelihood with ρ held, on a grid
//! of [0, 10] in steps of kProfileGridStep, refined by golden-section search around the best point.
struct RhoProfile {
  std::vector<double> rho, log_likelihood;  //!< every ρ evaluated, ascending, and ℓ_p there
  //! The 95 % profile-likelihood interval {ρ : ℓ_p(ρ) ≥ max − χ²₁(0.95)/2}: the run of points around
  //! the best, ends interpolated linearly between points (a bound of [0, 10] when ℓ_p stays above).
  double low = 0.0, high = 10.0;
  //! ℓ_p varies by less than χ²₁(0.95)/2 = 1.92 over the whole of [0, 10]: ρ is not identified.
  bool flat = false;
  //! The joint fit (Fisher scoring on β, λ, ρ) that stopped at its iteration limit.
  double joint_log_likelihood = 0.0, joint_rho = 0.0, joint_lambda = 0.0;
  int joint_iterations = 0;
};
constexpr double kProfileGridStep = 0.5;
constexpr double kProfileDrop = 1.920729410347062;  //!< χ²₁(0.95)/2

struct StructuralFit {
  std::vector<std::string> terms;  //!< the controls, then "lambda", "reneging_cost"
  Eigen::VectorXd theta;
  Eigen::MatrixXd covariance_model, covariance_dyad;
  long n = 0, events = 0;
  int iterations = 0;
  bool converged = false;
  bool rho_at_bound = false;
  double log_likelihood = 0.0;
  //! ρ from the profile likelihood over ρ (the joint fit did not converge): θ is the fit at the
  //! profile's best ρ, its covariances those of β and λ with ρ held there (ρ's row and column 0);
  //! ρ's uncertainty is the profile interval, not a Wald s.e.
  bool profiled = false;
  RhoProfile profile;
  double Lambda() const { return theta(static_cast<Eigen::Index>(terms.size()) - 2); }
  double Rho() const { return theta(static_cast<Eigen::Index>(terms.size()) - 1); }
  double Se(size_t index) const;  //!< dyad-clustered
};
//! When the joint fit stops at its iteration limit (λ ≈ 0 leaves ρ unidentified and the steps wander
//! along a flat ridge), the result is ProfileStructural's, with the joint fit recorded in `profile`.
//! A fit that converges is returned as it is.
StructuralFit FitStructural(const DyadYearFrame& frame, const std::vector<size_t>& rows, const StructuralFit* start = nullptr);
//! The profile likelihood over ρ (RhoProfile) and the fit at its best ρ; `start` (its β and λ)
//! warm-starts the first fixed-ρ probit. Always profiles, whatever the joint fit does.
StructuralFit ProfileStructural(const DyadYearFrame& frame, const std::vector<size_t>& rows, const StructuralFit* start = nullptr);
//! The same model with ρ held at `reneging_cost` (e.g. the honour-rate calibration's): a probit on
//! the controls and −E[L](ρ), so only β and λ are fitted; ρ's row and column of the covariances are 0.
//! `start` (its β and λ) warm-starts the probit.
StructuralFit FitStructuralAtRho(const DyadYearFrame& frame, const std::vector<size_t>& rows, double reneging_cost,
                                 const StructuralFit* start = nullptr);

struct CalibrationBin {
  long n = 0;
  double mean_predicted = 0.0, observed = 0.0;
};
struct ModelScore {
  std::string model;  //!< "controls" | "logit-jl2011" | "game"
  double auc = 0.0, log_loss = 0.0, brier = 0.0;
  bool has_relative_risk = false;
  double relative_risk = 1.0, relative_risk_low = 1.0, relative_risk_high = 1.0;
  std::vector<CalibrationBin> deciles;
  std::vector<std::pair<double, double>> roc;  //!< (false-positive rate, true-positive rate), ≤ 201 points
  //! The training sets (e.g. "all but 1940-1949") whose fit stopped at its iteration limit: its
  //! predictions are scored as they are, and the output says so.
  std::vector<std::string> unconverged_fits;
  //! The training sets whose game fit took ρ from the profile likelihood (FitStructural), each with its fit.
  std::vector<std::pair<std::string, StructuralFit>> profiled_fits;
};
struct SplitScores {
  std::string train, test;
  long train_rows = 0, test_rows = 0, test_events = 0;
  //! The test set's own rate of initiation against targets with a defence pact over those without.
  double observed_relative_risk = 1.0, observed_low = 1.0, observed_high = 1.0;
  std::vector<ModelScore> models;
};
struct BacktestOptions {
  std::vector<std::pair<YearSpan, YearSpan>> splits;  //!< (train, test); empty: the issue's three designs
  bool leave_one_decade_out = true;                   //!< with empty `splits`
  int draws = 200;                                    //!< parameter draws for the relative risk's interval
  unsigned long seed = 20261201;
  std::function<void(const std::string&)> progress;  //!< called before each fit
  //! Fit the game and the logit on every usable year too (the parameters --write-params writes);
  //! the splits' game fits then start from it.
  bool full_fit = true;
  //! When set, a fourth model "game-honour-rate": the game with ρ held at this value (the
  //! calibration on the honour rate of defence pacts, docs/calibration.md) and λ and the controls
  //! fitted, so that the fitted ρ and the calibrated one are compared out of sample (issue 11, item 5).
  std::optional<double> honour_rate_reneging_cost;
};
struct BacktestResult {
  long dyad_years = 0, initiations = 0;
  std::vector<SplitScores> splits;
  bool has_full_fit = false;
  StructuralFit full_fit;  //!< the game fitted on every usable year: the parameters --write-params writes
  //! A check on full_fit's ρ: the profile likelihood over ρ on every usable year (ProfileStructural;
  //! full_fit itself stays the joint fit's), whose interval says how well the data identify ρ.
  std::optional<StructuralFit> full_fit_profile;
  RegressionTable full_logit;
  std::optional<double> honour_rate_reneging_cost;  //!< BacktestOptions' value, when the game-honour-rate model was scored
};
BacktestResult RunBacktest(const DyadYearFrame& frame, const BacktestOptions& options);

//! Scores of predictions p for outcomes y: AUC (ties averaged), log-loss, Brier, deciles, ROC.
ModelScore ScorePredictions(const std::vector<double>& y, const std::vector<double>& p);

}  // namespace casus
