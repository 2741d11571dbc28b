#!/usr/bin/env bash
# A sweep over a scenario whose ρ comes from a fitted-parameters file ([parameters] source) refuses
# to resume once that file has changed, with a located error (exit 2), and resumes once it is
# restored. Usage: fitted_fingerprint.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp tests/sweep/fitted/scenario.toml tests/sweep/fitted/fit.toml tests/sweep/fitted/fitted.sweep.toml "$work/"
"$casus" sweep "$work/fitted.sweep.toml" --db "$work/sweep.db" --threads 1 > /dev/null || { echo "FAIL: the first sweep failed"; exit 1; }
# Unchanged inputs: --resume is accepted (nothing left to run).
"$casus" sweep "$work/fitted.sweep.toml" --db "$work/sweep.db" --threads 1 --resume > /dev/null || { echo "FAIL: resume with unchanged inputs was refused"; exit 1; }
# A refitted ρ: the database holds results computed with another ρ, so resuming is refused.
cp "$work/fit.toml" "$work/fit.orig"
sed -i 's/^reneging_cost = 1.250000$/reneging_cost = 1.500000/' "$work/fit.toml"
cmp -s "$work/fit.toml" "$work/fit.orig" && { echo "FAIL: the test did not change the fitted file"; exit 1; }
"$casus" sweep "$work/fitted.sweep.toml" --db "$work/sweep.db" --threads 1 --resume > "$work/out" 2> "$work/err"
status=$?
[ "$status" -eq 2 ] || { echo "FAIL: resume after the fitted file changed exited $status (want 2)"; cat "$work/err"; exit 1; }
grep -q "^$work/sweep.db: error: .*fitted-parameters file changed" "$work/err" || { echo "FAIL: the error is not located or does not name the fitted file:"; cat "$work/err"; exit 1; }
grep -q "hint:" "$work/err" || { echo "FAIL: no hint"; cat "$work/err"; exit 1; }
# Restored: resuming is accepted again.
cp "$work/fit.orig" "$work/fit.toml"
"$casus" sweep "$work/fitted.sweep.toml" --db "$work/sweep.db" --threads 1 --resume > /dev/null || { echo "FAIL: resume after restoring the file was refused"; exit 1; }
echo "ok: a changed fitted-parameters file refuses --resume (exit 2, located), the restored one resumes"
