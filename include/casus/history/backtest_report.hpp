// The backtest's documents: JSON (docs/cli.md), the text tables the CLI prints, the HTML report,
// and the fitted-parameters file that `casus history backtest --write-params` writes.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "casus/history/backtest.hpp"

namespace casus {

nlohmann::json RegressionTableJson(const RegressionTable& table);
nlohmann::json ReplicationJson(const Replication& replication);
nlohmann::json StructuralFitJson(const StructuralFit& fit);
nlohmann::json BacktestJson(const BacktestResult& result);

std::string RegressionTableText(const RegressionTable& table);
std::string BacktestText(const BacktestResult& result);

//! A self-contained HTML page: scores table, ROC curves and calibration plots (inline SVG) per
//! split, the coefficient tables of the full-sample logit and game.
std::string BacktestReportHtml(const BacktestResult& result);

//! Where a fitted-parameters file came from: the command that wrote it, when, and a free note
//! (scripts/fit-backtest-params.sh puts the commit there).
struct FitProvenance {
  std::string command, written, note;
};

//! The fitted game parameters as TOML, for a scenario's [parameters] (docs/backtest.md), with
//! every parameter's estimate and dyad-clustered standard error under [fitted.terms].
std::string FittedParametersToml(const BacktestResult& result, const FitProvenance& provenance = {});

}  // namespace casus
