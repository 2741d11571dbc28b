// Sweeps are data (MODELS.md E): a sweep file maps parameters to a value or a list; the cartesian
// product × replications is run through the guarantee game, one run at a time, and each run's
// results are written to SQLite in one transaction as a long table (run, design, metric, value).
// A killed sweep resumes where it stopped: completed runs are skipped, a half-written run was
// never committed, so nothing is lost or duplicated. The Pareto front (deterrence against the
// guarantors' expected cost) is marked at the end; a CSV with a row per run and design can be exported.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "casus/bargain/scales.hpp"
#include "casus/bargain/smp.hpp"
#include "casus/core/diagnostic.hpp"
#include "casus/games/scenario.hpp"

namespace casus {

class MpiSession;

//! One swept parameter and its values (numbers, or design ids for "design").
struct SweepAxis {
  std::string name;
  std::vector<double> numbers;
  std::vector<std::string> designs;  //!< for name == "design"
  std::vector<SourcePosition> design_positions;  //!< where each design id was written
  std::vector<std::string> texts;    //!< design variables with one word: duty_strength, decision_rule, threshold, deadline
  std::vector<std::vector<std::string>> sets;  //!< design variables with a set of parties: guarantors, forces
  SourcePosition position;  //!< where the name was written (toml++ iterates a table by name: this gives the file's order)
};

//! The settlement negotiation against which a sweep measures acceptability, its third objective
//! ([sweep] settlement = "…", docs/sweep-format.md; the rule of docs/assess.md).
struct SweepSettlement {
  std::filesystem::path file;
  SmpScenario scenario;
  SettlementScales scales;  //!< from the CSV's .scales.toml
  int draws = 100;          //!< perturbed negotiation runs
  double sd = 5.0;          //!< their perturbation
};

struct SweepSpec {
  std::string id;
  std::filesystem::path scenario;  //!< resolved against the sweep file's folder
  int replications = 1;
  int64_t draws = 2000;
  uint64_t seed = 1;
  std::vector<SweepAxis> axes;
  std::string file;
  std::optional<SweepSettlement> settlement;  //!< when set, each run also records P(all accept) and each actor's P(accept)
};

//! The parameters a sweep may vary: "design", the design variables (guarantors, forces,
//! duty_strength, decision_rule, threshold, deadline) and the numbers of GameParameters.
const std::vector<std::string>& SweepableParameters();

//! `parties` resolves the codes of the guarantors and forces axes.
std::optional<SweepSpec> LoadSweepFile(const std::filesystem::path& path, const PartyTable& parties, Diagnostics& diagnostics);

//! The scenario as one run of a sweep sees it: its design variables applied to every design
//! (docs/sweep-format.md, "Design variables"). `parties` gives the Security Council's permanent
//! members when the rule becomes "security-council".
LoadedScenario ApplyDesignVariables(const LoadedScenario& loaded, const std::vector<std::pair<std::string, std::string>>& point,
                                    const PartyTable& parties);

struct SweepRun {
  int64_t index = 0;                                   //!< position in the cartesian product × replications
  int replication = 0;
  uint64_t seed = 0;                                   //!< spec seed + replication
  std::vector<std::pair<std::string, std::string>> point;  //!< parameter → value, as text
};

//! Every run of the sweep, in a fixed order (the last axis varies fastest, replications innermost).
std::vector<SweepRun> ExpandSweep(const SweepSpec& spec);

struct SweepProgress {
  int64_t total = 0;
  int64_t skipped = 0;  //!< already in the database (resume)
  int64_t done = 0;
};

//! Runs the sweep into `database` (created if absent). With `resume`, completed runs are kept and
//! skipped; without it, an existing database with runs is refused (DataError). `on_run` is called
//! after each committed run. Throws DataError on a database that is not a casus sweep.
//! With an active `session` of several ranks (mpirun), the missing runs are dealt across the ranks
//! (RunBlocks) and rank 0 alone opens and writes the database; every rank must call this; on a
//! rank other than 0 the returned progress is empty and an error comes as a DataError with no
//! text (rank 0 says it). The database's contents do not depend on the number of ranks.
SweepProgress RunSweep(const SweepSpec& spec, const LoadedScenario& loaded, const PartyTable& parties, const std::filesystem::path& database,
                       bool resume, int threads, const std::function<void(const SweepProgress&)>& on_run = {},
                       const MpiSession* session = nullptr);

//! The sweep's variables other than "design", in the order the sweep file writes them: the CSV's setting columns.
std::vector<std::string> SweepSettingColumns(const SweepSpec& spec);

//! Writes the wide table as CSV (docs/sweep-format.md): one row per run and design, the columns run,
//! replication, seed, design, one per setting (`settings`; empty: the sweep's variables as its
//! database records them), one per metric (in the order the runs wrote them), pareto (1 on the
//! front). UTF-8, RFC 4180 quoting, CRLF line ends, no JSON in a cell.
void ExportSweepCsv(const std::filesystem::path& database, const std::filesystem::path& csv, std::vector<std::string> settings = {});

struct ParetoPoint {
  int64_t run = 0;
  std::string design;
  double deterrence = 0.0;      //!< 1 − P(attack)
  double guarantor_cost = 0.0;  //!< expected total cost to the guarantors, given an attack
  bool on_front = false;
  std::string point;            //!< the run's parameter values as JSON (empty where not read)
  double acceptability = -1.0;  //!< P(all accept) when the sweep has a settlement, −1 otherwise
  double deterrence_se = 0.0;   //!< Monte Carlo standard errors of the three
  double guarantor_cost_se = 0.0;
  double acceptability_se = 0.0;
};

//! Marks the Pareto front beyond error (FrontierBeyondError): a point is off it when another point
//! deters more, costs less (or, with a settlement, is more acceptable) by more than 1.96 combined
//! standard errors and is worse by more than that on no objective. Differences within noise are
//! ties, so a cloud of statistically equal points does not all count as "best", nor does a point
//! beaten beyond doubt on one objective survive by a noise-level edge on another.
void MarkParetoFront(std::vector<ParetoPoint>& points);

//! The distinct points: indices of points identical on every objective and its error (the same
//! result under settings that do not change it), grouped, groups and members in input order.
std::vector<std::vector<size_t>> TiedPoints(const std::vector<ParetoPoint>& points);

//! Every (run, design) point, ordered by run and design, with its Pareto flag as RunSweep marked it
//! (MarkParetoFront; with a settlement the front is three-way: deterrence, cost and acceptability).
std::vector<ParetoPoint> ReadParetoPoints(const std::filesystem::path& database);

}  // namespace casus
