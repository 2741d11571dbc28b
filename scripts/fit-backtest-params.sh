#!/usr/bin/env bash
# Writes data/fitted/backtest.toml, the parameters `[parameters] source = "backtest"` reads: the
# whole backtest (docs/backtest.md), whose fit on every usable dyad-year is written with its
# standard errors and its provenance (the command, the time, the commit it was built from).
# Usage: scripts/fit-backtest-params.sh [CASUS] (from the project root; default build/release/casus).
# The unit test Frame.ShippedFittedParametersAreWhatTheFitComputes checks the file against the fit.
set -euo pipefail
casus=${1:-build/release/casus}
commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
git diff --quiet HEAD -- src include apps 2>/dev/null || commit="$commit (with uncommitted changes to src/include/apps)"
mkdir -p data/fitted
exec "$casus" history backtest --write-params data/fitted/backtest.toml --provenance "casus built from commit $commit"
