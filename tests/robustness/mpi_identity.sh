#!/usr/bin/env bash
# `casus robustness` gives the same bits without mpirun and under mpirun -n 1, -n 2 (1 and 2
# threads per rank) and -n 3 --oversubscribe (a tiny sample: 16 base rows, 40 draws).
# Usage: mpi_identity.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../mpi_env.sh"  # Open MPI settings (root, oversubscription, shared memory)
args=(robustness scenarios/ukraine-guarantees.toml --samples 16 --draws 40 --seed 5 --resamples 50 --json)
"$casus" "${args[@]}" --threads 1 > "$work/plain.json" || { echo "FAIL: the run without mpirun failed"; exit 1; }
grep -q '"dominance"' "$work/plain.json" || { echo "FAIL: no dominance matrix in the JSON"; exit 1; }
for run in "1 1" "2 1" "2 2" "3 1"; do
  read -r ranks threads <<< "$run"
  mpirun -n "$ranks" --oversubscribe "$casus" "${args[@]}" --threads "$threads" > "$work/mpi-$ranks-$threads.json" 2> "$work/mpi.err" ||
    { echo "FAIL: mpirun -n $ranks (threads $threads) failed"; cat "$work/mpi.err"; exit 1; }
  cmp -s "$work/plain.json" "$work/mpi-$ranks-$threads.json" ||
    { echo "FAIL: mpirun -n $ranks with $threads threads differs from the run without mpirun"; diff "$work/plain.json" "$work/mpi-$ranks-$threads.json" | head; exit 1; }
done
# Morris too, across 2 ranks.
morris=(robustness scenarios/ukraine-guarantees.toml --method morris --samples 6 --draws 40 --seed 5 --json --threads 1)
"$casus" "${morris[@]}" > "$work/morris.json" && mpirun -n 2 --oversubscribe "$casus" "${morris[@]}" > "$work/morris-2.json" ||
  { echo "FAIL: a Morris run failed"; exit 1; }
grep -q '"mu_star"' "$work/morris.json" && cmp -s "$work/morris.json" "$work/morris-2.json" ||
  { echo "FAIL: Morris under mpirun -n 2 differs (or has no mu_star)"; exit 1; }
echo "ok: identical JSON without mpirun and with 1, 2 (1 and 2 threads) and 3 ranks ($(wc -c < "$work/plain.json") bytes)"
