#!/usr/bin/env bash
# Bench (not a test) of `casus robustness` across MPI ranks, on the shipped scenario:
#  - parallel efficiency from 1 to 2 ranks with 1 thread each (ranks × threads = the 2 cores here):
#    E = t(1 rank) / (2 · t(2 ranks)), the median of PAIRS alternating runs (the machine is shared);
#  - the share of the ranks' time spent in MPI (sending, receiving, waiting), from --timing;
#  - from the measured time per world on one core, an estimate of the wall time of the issue's
#    analysis — 15 assumptions, N = 10⁴ base rows (1.7·10⁵ worlds), 20 000 draws per design —
#    on 1, 8 and 64 nodes, for nodes like this one and for 32-core nodes: from the processor time
#    per world (1 rank, 1 thread) and the MPI efficiency relative to the machine's own scaling
#    (what a node whose cores are free would see).
# Usage: bench/robustness_scaling.sh [CASUS] (from the project root).
set -euo pipefail
casus=${1:-build/release/casus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pairs=${PAIRS:-5}
samples=${SAMPLES:-24}
draws=${DRAWS:-1000}
source "$(dirname "${BASH_SOURCE[0]}")/../tests/mpi_env.sh"  # Open MPI settings (root, oversubscription, shared memory)
args=(robustness scenarios/ukraine-guarantees.toml --samples "$samples" --draws "$draws" --resamples 20 --threads 1 --timing --json)
field() { sed -n "s/.*$1 \([0-9.]*\).*/\1/p"; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
one=() two=() share=() compute=() machine=()
for _ in $(seq 1 "$pairs"); do
  # The machine's own 1 → 2 scaling at this moment: two independent 1-thread runs side by side
  # (nothing shared), against one alone. On a shared machine the second core is not always free.
  "$casus" "${args[@]}" 2> "$work/a.err" > /dev/null & first=$!
  "$casus" "${args[@]}" 2> "$work/b.err" > /dev/null & second=$!
  wait "$first" "$second"
  machine+=("$(cat "$work/a.err" "$work/b.err" | grep '^timing:' | field wall | sort -g | tail -n 1)")
  line=$(mpirun -n 1 "$casus" "${args[@]}" 2>&1 >/dev/null | grep '^timing:')
  one+=("$(echo "$line" | field wall)")
  compute+=("$(echo "$line" | field 'cpu')")
  line=$(mpirun -n 2 "$casus" "${args[@]}" 2>&1 >/dev/null | grep '^timing:')
  two+=("$(echo "$line" | field wall)")
  share+=("$(echo "$line" | field 'MPI share')")
done
t1=$(printf '%s\n' "${one[@]}" | median)
t2=$(printf '%s\n' "${two[@]}" | median)
mpi=$(printf '%s\n' "${share[@]}" | median)
c1=$(printf '%s\n' "${compute[@]}" | median)
tm=$(printf '%s\n' "${machine[@]}" | median)
mpirun -n 1 "$casus" "${args[@]}" 2>/dev/null > "$work/one.json"
k=$(grep -o '"prior"' "$work/one.json" | wc -l)
designs=$(grep -o '"mean_p_attack"' "$work/one.json" | wc -l)
worlds=$((samples * (k + 2)))
cores=$(nproc)
awk -v t1="$t1" -v t2="$t2" -v mpi="$mpi" -v c1="$c1" -v worlds="$worlds" -v draws="$draws" -v k="$k" -v cores="$cores" -v designs="$designs" -v pairs="$pairs" -v tm="$tm" 'BEGIN {
  e = t1 / (2 * t2)
  printf "robustness, %d assumptions, %d worlds × %d designs × %d draws; median of %d alternating pairs\n", k, worlds, designs, draws, pairs
  printf "  1 rank × 1 thread: %.2f s   2 ranks × 1 thread: %.2f s   parallel efficiency %.2f (target ≥ 0.9)\n", t1, t2, e
  printf "  the machine'"'"'s own 1 → 2 core efficiency now (two independent runs side by side): %.2f; MPI efficiency relative to it: %.2f\n", t1 / tm, e / (t1 / tm)
  printf "  MPI share of the ranks'"'"' time with 2 ranks (sending, receiving, waiting): %.4f\n", mpi
  per_world = c1 / worlds * 20000 / draws
  printf "  one world (%d designs, 20 000 draws): %.3f s of processor time (1 rank, 1 thread)\n", designs, per_world
  r = e / (t1 / tm)
  total = 1.7e5 * per_world
  printf "  15 assumptions, N = 10^4 (1.7e5 worlds): %.1f core-hours\n", total / 3600
  split("1 8 64", nodes, " ")
  for (i = 1; i <= 3; ++i) {
    n = nodes[i]
    printf "    %2d node(s) of %d cores: %8.2f h    of 32 cores: %7.2f h   (at the relative efficiency %.2f, cores free)\n", n, cores, total / (n * cores * r) / 3600, total / (n * 32 * r) / 3600, r
  }
}'
