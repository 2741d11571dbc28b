#!/usr/bin/env bash
# A sweep killed with SIGKILL part-way resumes with no lost and no duplicated row, and ends with
# the same results as an uninterrupted run. Usage: kill_and_resume.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sweep=tests/sweep/slow.sweep.toml
total=40  # 2 designs × 5 values × 4 replications
metrics=8  # per run (one design per run): docs/sweep-format.md lists them

"$casus" sweep "$sweep" --db "$work/killed.db" --threads 1 > /dev/null &
pid=$!
for _ in $(seq 1 200); do  # wait until some runs are committed, then kill hard
  done_runs=$(sqlite3 "$work/killed.db" "SELECT COUNT(*) FROM runs" 2>/dev/null || echo 0)
  [ "${done_runs:-0}" -ge 3 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
partial=$(sqlite3 "$work/killed.db" "SELECT COUNT(*) FROM runs")
echo "killed after $partial of $total runs"
if [ "$partial" -ge "$total" ] || [ "$partial" -lt 1 ]; then
  echo "FAIL: the kill did not land part-way ($partial of $total)"; exit 1
fi
# Every committed run has all its rows: one design per run, $metrics metrics.
incomplete=$(sqlite3 "$work/killed.db" "SELECT COUNT(*) FROM runs r WHERE (SELECT COUNT(*) FROM results x WHERE x.run = r.run) != $metrics")
[ "$incomplete" -eq 0 ] || { echo "FAIL: $incomplete runs are half-written"; exit 1; }
# Resuming without --resume is refused; with it, the sweep completes.
if "$casus" sweep "$sweep" --db "$work/killed.db" > /dev/null 2>&1; then echo "FAIL: a second run without --resume was accepted"; exit 1; fi
"$casus" sweep "$sweep" --db "$work/killed.db" --resume --csv "$work/resumed.csv" > /dev/null || { echo "FAIL: resume failed"; exit 1; }
runs=$(sqlite3 "$work/killed.db" "SELECT COUNT(*), COUNT(DISTINCT run) FROM runs")
rows=$(sqlite3 "$work/killed.db" "SELECT COUNT(*) FROM results")
[ "$runs" = "$total|$total" ] || { echo "FAIL: runs after resume: $runs (want $total|$total)"; exit 1; }
[ "$rows" -eq $((total * metrics)) ] || { echo "FAIL: result rows after resume: $rows (want $((total * metrics)))"; exit 1; }
# The same results as an uninterrupted sweep (seeds are per run, not per process).
"$casus" sweep "$sweep" --db "$work/whole.db" --csv "$work/whole.csv" > /dev/null || { echo "FAIL: whole sweep failed"; exit 1; }
diff -q "$work/resumed.csv" "$work/whole.csv" > /dev/null || { echo "FAIL: the resumed sweep differs from an uninterrupted one"; exit 1; }
echo "ok: $partial runs before the kill, $total after resuming, identical to an uninterrupted sweep"
