#!/usr/bin/env bash
# `casus sweep` under a real mpirun: the runs are dealt across the ranks, rank 0 writes the database,
# and the long table (CSV: every run, design, metric and value in its shortest exact form, and the
# Pareto flags) is the same, byte for byte, without mpirun and under mpirun -n 1, -n 2 and
# -n 3 --oversubscribe. Then a sweep whose database is of another sweep is refused on every rank
# (exit 2, one message). Usage: mpi_identity.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../mpi_env.sh"  # Open MPI settings (root, oversubscription, shared memory)
# 2 designs × 3 values × 2 replications = 12 runs of 300 draws.
cat > "$work/small.sweep.toml" <<TOML
[sweep]
id = "mpi-identity"
scenario = "$PWD/scenarios/ukraine-guarantees.toml"
replications = 2
draws = 300
seed = 7

[parameters]
design = ["nato-membership", "paris-2026-mnf"]
reneging_cost = [0.4, 0.8, 1.2]
TOML
"$casus" sweep "$work/small.sweep.toml" --db "$work/plain.db" --csv "$work/plain.csv" --threads 1 > /dev/null ||
  { echo "FAIL: the sweep without mpirun failed"; exit 1; }
rows=$(($(wc -l < "$work/plain.csv") - 1))
[ "$rows" -eq 12 ] || { echo "FAIL: $rows rows in the plain CSV, expected 12 runs × 1 design = 12"; exit 1; }
for ranks in 1 2 3; do
  mpirun -n "$ranks" "$casus" sweep "$work/small.sweep.toml" --db "$work/mpi-$ranks.db" --csv "$work/mpi-$ranks.csv" --threads 1 \
    > "$work/mpi-$ranks.out" 2> "$work/mpi.err" || { echo "FAIL: mpirun -n $ranks failed"; cat "$work/mpi.err"; exit 1; }
  cmp -s "$work/plain.csv" "$work/mpi-$ranks.csv" ||
    { echo "FAIL: mpirun -n $ranks gives another table"; diff "$work/plain.csv" "$work/mpi-$ranks.csv" | head; exit 1; }
  # Rank 0 alone prints the summary.
  [ "$(grep -c '^sweep mpi-identity' "$work/mpi-$ranks.out")" -eq 1 ] || { echo "FAIL: -n $ranks printed the summary $(grep -c '^sweep' "$work/mpi-$ranks.out") times"; exit 1; }
done
# A database of another sweep: refused before any run, on every rank, with one message.
sed 's/seed = 7/seed = 8/' "$work/small.sweep.toml" > "$work/other.sweep.toml"
mpirun -n 2 "$casus" sweep "$work/other.sweep.toml" --db "$work/mpi-2.db" > /dev/null 2> "$work/refused.err"
status=$?
[ "$status" -eq 2 ] || { echo "FAIL: another sweep's database gave exit $status under mpirun, expected 2"; cat "$work/refused.err"; exit 1; }
[ "$(grep -c 'holds another sweep' "$work/refused.err")" -eq 1 ] || { echo "FAIL: the refusal was not said exactly once"; cat "$work/refused.err"; exit 1; }
echo "ok: the same $rows-row table without mpirun and with 1, 2 and 3 ranks; another sweep's database refused under mpirun (exit 2)"
