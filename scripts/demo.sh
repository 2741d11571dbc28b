#!/usr/bin/env bash
# The main job on the shipped library: check and lint every instrument, compare the seed's
# instruments side by side, and replay a renewed attack on Ukraine against them. Usage: scripts/demo.sh [path/to/casus]
set -euo pipefail
cd "$(dirname "$0")/.."
casus=${1:-build/release/casus}
seed=(nato-1949 us-proposal-2025-08 us-draft-2025-11 us-ukraine-2024 paris-declaration-2026 budapest-1994 istanbul-2022)

section() { printf '\n== %s ==\n\n' "$1"; }

section "casus check library/*.toml — does every instrument load and validate?"
"$casus" check library/*.toml

section "casus lint library/*.toml — the loophole catalogue, instrument by instrument"
"$casus" lint --fail-on none library/*.toml

section "casus compare — the August 2025 proposal among the seed's instruments"
"$casus" compare "${seed[@]}"

section "casus adjudicate — a renewed attack after a ceasefire, replayed against every Ukraine-related instrument and NATO"
"$casus" adjudicate --timeline scenarios/renewed-attack-2027.toml budapest-1994 istanbul-2022 uk-ukraine-2024 \
  france-ukraine-2024 germany-ukraine-2024 us-ukraine-2024 us-proposal-2025-08 us-draft-2025-11 \
  paris-declaration-2026 nato-1949

section "casus negotiate — the settlement, with KTAB's spatial model of politics and a forecast"
"$casus" negotiate scenarios/ukraine-settlement.csv --perturb 5 --draws 200 | sed -n '/^Forecast/,$p'

section "casus simulate — would each design deter the renewed attack? (the guarantee game)"
"$casus" simulate scenarios/ukraine-guarantees.toml --report build/ukraine-guarantees.html

section "What next"
cat <<'TEXT'
  casus show us-proposal-2025-08        one instrument, clause by clause, with what casus understood
  casus lint --explain aggressor-veto   why a rule matters, with its sources
  casus compare --json ...              the comparison as JSON (docs/cli.md)
  build/ukraine-guarantees.html         the simulation's report (open it in a browser)
TEXT
