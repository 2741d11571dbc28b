#!/usr/bin/env bash
# The shipped sweep over design variables (scenarios/draft-levers.sweep.toml) runs whole, records
# each run's design variables in its point, and moves P(attack) the way the lint rules say: a
# deadline lowers it, a full-scale threshold raises it, US forces in place lower it.
# Usage: design_variables.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$casus" sweep scenarios/draft-levers.sweep.toml --db "$work/levers.db" --csv "$work/levers.csv" --json > "$work/summary.json" ||
  { echo "FAIL: the sweep failed"; exit 1; }
grep -q '"runs": 24,' "$work/summary.json" && grep -q '"pareto_front": \[' "$work/summary.json" ||
  { echo "FAIL: the --json summary lacks runs or the Pareto front"; cat "$work/summary.json"; exit 1; }
runs=$(sqlite3 "$work/levers.db" "SELECT COUNT(*) FROM runs")
rows=$(sqlite3 "$work/levers.db" "SELECT COUNT(*) FROM results")
[ "$runs" -eq 24 ] || { echo "FAIL: $runs runs (want 2 × 2 × 3 × 2 = 24)"; exit 1; }
[ "$rows" -eq $((24 * 8)) ] || { echo "FAIL: $rows result rows (want 24 × 8)"; exit 1; }
# P(attack) of the run whose point has these values (the others as in the draft).
p() {
  sqlite3 "$work/levers.db" "SELECT x.value FROM runs r JOIN results x ON x.run = r.run AND x.metric = 'p_attack'
    WHERE json_extract(r.point, '$.decision_rule') = 'single' AND json_extract(r.point, '$.deadline') = '$1'
      AND json_extract(r.point, '$.forces') = '$2' AND json_extract(r.point, '$.threshold') = '$3'"
}
draft=$(p none none any)
with_deadline=$(p P3D none any)
full_scale=$(p none none full-scale)
us_forces=$(p none USA any)
for value in "$draft" "$with_deadline" "$full_scale" "$us_forces"; do
  [ -n "$value" ] || { echo "FAIL: a run is missing from the points"; exit 1; }
done
awk -v d="$draft" -v dl="$with_deadline" -v fs="$full_scale" -v us="$us_forces" 'BEGIN {
  if (!(dl < d)) { print "FAIL: a deadline did not lower P(attack): " dl " vs " d; exit 1 }
  if (!(fs > d)) { print "FAIL: a full-scale threshold did not raise P(attack): " fs " vs " d; exit 1 }
  if (!(us < d)) { print "FAIL: US forces in place did not lower P(attack): " us " vs " d; exit 1 }
  print "ok: P(attack) " d " as drafted; " dl " with a 3-day deadline; " fs " with a full-scale threshold; " us " with US forces"
}'
