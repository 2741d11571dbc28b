#!/usr/bin/env bash
# Issue 10's output-file defects, each with a bad input that failed before the fix:
#  - --csv (or --report) naming a directory, a missing folder or the database itself: exit 2 with a
#    located message before any run, and the database is not created (or not touched);
#  - --resume after the scenario file changed: refused (the fingerprint covers the contents);
#  - a swept value of 5e-324 (a subnormal) runs (it ended in "internal error: stod").
# Usage: hostile_outputs.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp scenarios/ukraine-guarantees.toml "$work/scenario.toml"
cp -r scenarios/designs "$work/"  # the designs the scenario names by path
cat > "$work/small.sweep.toml" <<'TOML'
[sweep]
id = "hostile-outputs"
scenario = "scenario.toml"
replications = 1
draws = 50

[parameters]
design = ["nato-membership"]
reneging_cost = [5e-324, 0.5]
TOML

expect_refused() {  # expect_refused NAME ARGS…: exit 2, "error:" on stderr, no database file
  local name=$1; shift
  rm -f "$work/db.sqlite"
  "$casus" sweep "$work/small.sweep.toml" --db "$work/db.sqlite" "$@" > "$work/out" 2> "$work/err"
  local code=$?
  [ "$code" -eq 2 ] || fail "$name: exit $code, want 2 ($(cat "$work/err"))"
  grep -q "error: cannot write the file" "$work/err" || fail "$name: no located message: $(cat "$work/err")"
  grep -q "hint:" "$work/err" || fail "$name: no hint: $(cat "$work/err")"
  [ ! -s "$work/out" ] || fail "$name: partial output on stdout: $(cat "$work/out")"
  [ ! -e "$work/db.sqlite" ] || fail "$name: the database was created"
  echo "ok: $name refused: $(head -n 1 "$work/err")"
}
expect_refused "--csv naming a directory" --csv "$work"
expect_refused "--csv in a missing folder" --csv "$work/no-such-folder/long.csv"
expect_refused "--report naming a directory" --report "$work"
expect_refused "--csv naming the database" --csv "$work/db.sqlite"
expect_refused "--csv naming the database by another path" --csv "$work/../$(basename "$work")/db.sqlite"

# A sweep with a subnormal value runs whole, and its CSV is complete.
"$casus" sweep "$work/small.sweep.toml" --db "$work/db.sqlite" --csv "$work/long.csv" > "$work/out" 2> "$work/err" ||
  fail "the sweep with 5e-324 failed: $(cat "$work/err")"
# The table: a row per run and design; the 5e-324 run's row has its setting and all 8 metrics.
[ "$(head -n 1 "$work/long.csv" | tr -d '\r')" = "run,replication,seed,design,reneging_cost,p_attack,p_attack_ci95_low,p_attack_ci95_high,p_attack_se,p_collective_armed_response,p_collective_armed_response_se,guarantor_cost,guarantor_cost_se,pareto" ] ||
  fail "the table's header: $(head -n 1 "$work/long.csv")"
[ "$(tr -d '\r' < "$work/long.csv" | awk -F, '$5 == "5e-324" && NF == 14 && $13 != ""' | wc -l)" -eq 1 ] ||
  fail "the table lacks the 5e-324 run's row with its 8 metrics: $(cat "$work/long.csv")"
echo "ok: a swept 5e-324 runs ($(wc -l < "$work/long.csv") lines in the table)"

# --csv over the database after a sweep: refused, and the database is intact.
before=$(sha256sum < "$work/db.sqlite")
"$casus" sweep "$work/small.sweep.toml" --db "$work/db.sqlite" --resume --csv "$work/db.sqlite" > /dev/null 2>&1 && fail "--csv over an existing database was accepted"
[ "$(sha256sum < "$work/db.sqlite")" = "$before" ] || fail "the database changed"
echo "ok: --csv naming an existing database is refused and the database is intact"

# --resume after the scenario file changed: refused, nothing mixed.
sed -i 's/^title = .*/title = "changed after the sweep started"/' "$work/scenario.toml"
grep -q "changed after the sweep started" "$work/scenario.toml" || fail "the test could not change the scenario"
"$casus" sweep "$work/small.sweep.toml" --db "$work/db.sqlite" --resume > "$work/out" 2> "$work/err"
code=$?
[ "$code" -eq 2 ] || fail "--resume after the scenario changed: exit $code, want 2"
grep -q "holds another sweep" "$work/err" || fail "--resume after the scenario changed: $(cat "$work/err")"
[ "$(sha256sum < "$work/db.sqlite")" = "$before" ] || fail "the database changed"
echo "ok: --resume after the scenario changed is refused"
