// `casus sweep --json` (docs/cli.md): the summary of a run into a database and its Pareto front.
// One builder for the command and for `casus serve` (POST /api/sweep).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "casus/sim/sweep.hpp"

namespace casus {

//! {"sweep","database","runs","skipped","done","csv","report","pareto_front":[{"run","design","point",
//! "deterrence","deterrence_se","guarantor_cost","guarantor_cost_se","ties":[{"run","design"}],"p_all_accept"?,
//! "p_all_accept_se"?}]}: the front's distinct points (TiedPoints), each once with its ties; `csv` and `report` are null when empty.
nlohmann::json SweepDocument(const std::string& sweep_id, const std::string& database, const SweepProgress& progress,
                             const std::string& csv, const std::string& report, const std::vector<ParetoPoint>& points);

}  // namespace casus
