// The spatial model of politics as KTAB's SMP computes it (default path of SMP.md): actors with
// capabilities, positions and saliences on D dimensions → the sequence of states (positions) until
// the stopping rule, and for each state each actor's probability that its position wins.
// Deterministic; reproduces KTAB's printed positions (%5.1f on 0–100) and probabilities (%.4f).
#pragma once

#include <string>
#include <vector>

namespace casus {

struct SmpActor {
  std::string name;
  std::string description;
  double capability = 0.0;        //!< c_i ≥ 0 (KTAB's "Power"/"Influence"), one per actor
  std::vector<double> position;   //!< per dimension, on 0..1 (the CSV's 0..100 divided by 100)
  std::vector<double> salience;   //!< per dimension, on 0..1; their sum ≤ 1
};

struct SmpScenario {
  std::string name;
  std::string description;
  std::vector<std::string> dimensions;
  std::vector<SmpActor> actors;
};

//! Positions of every actor in one state: positions[actor][dimension], on 0..1.
using SmpPositions = std::vector<std::vector<double>>;

struct SmpResult {
  std::vector<SmpPositions> states;                //!< state 0 is the input
  std::vector<std::vector<double>> probabilities;  //!< [state][actor]: P(the actor's position wins)
  std::vector<double> fractional_change;           //!< after each step t ≥ 1: D(t, t−1) / (D(0, 1) + 1e-4)
  bool degenerate = false;  //!< all actors' utilities equal (e.g. one position): no move is possible
};

struct SmpOptions {
  int max_turns = 100;             //!< KTAB stops at t ≥ 100
  double stop_ratio = 0.02;        //!< … or at t ≥ 2 when the fractional change falls below this
};

//! Runs the model. The scenario must be valid (ReadKtabCsv checks it): N ≥ 1, D ≥ 1, every
//! salience sum in (0, 1]. Degenerate inputs (every actor at one position) end after state 0
//! with equal probabilities and `degenerate` set, where KTAB prints NaN or throws.
SmpResult RunSmp(const SmpScenario& scenario, const SmpOptions& options = {});

//! SMP's utility to `actor` of `point` from `ideal` (both on 0..1): bsUtil(vd, risk), with vd the
//! actor's salience-weighted distance (SMP.md, "Primitives"). Decreasing in the distance for every
//! risk attitude in [−0.5, 1].
double SmpUtility(const SmpActor& actor, const std::vector<double>& ideal, const std::vector<double>& point, double risk);

//! Each actor's risk attitude R_i in [−0.5, 1] in the state `positions` (SMP.md, one turn, step 2);
//! all 0 when the state is degenerate.
std::vector<double> SmpRiskAttitudes(const SmpScenario& scenario, const SmpPositions& positions);

}  // namespace casus
