// SMP runs → text in KTAB's layout and precision (positions %5.1f on 0–100, probabilities %.4f),
// the forecast, and JSON (docs/negotiation.md).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "casus/bargain/forecast.hpp"
#include "casus/bargain/scales.hpp"
#include "casus/bargain/smp.hpp"

namespace casus {

//! "History of actor positions over time:" and "History of actors' winning probabilities:" as
//! KTAB prints them, preceded by the state count.
std::string RenderSmpHistory(const SmpScenario& scenario, const SmpResult& result);
//! The forecast (and the perturbed bands when given) as text; with `scales`, what each dimension's
//! ends stand for and what the weighted median means on its scale.
std::string RenderSmpForecast(const SmpScenario& scenario, const SmpForecast& forecast,
                              const std::optional<PerturbedForecast>& perturbed, const SettlementScales* scales = nullptr);
//! {"scenario","turns","actors","dimensions","history":[{"turn","positions","probabilities"}],
//!  "forecast":{…},"perturbation":{…}|null}; positions on 0–100.
nlohmann::json SmpToJson(const SmpScenario& scenario, const SmpResult& result, const SmpForecast& forecast,
                         const std::optional<PerturbedForecast>& perturbed);

}  // namespace casus
