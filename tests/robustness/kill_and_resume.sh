#!/usr/bin/env bash
# A robustness run under mpirun -n 2 whose rank 1 is killed with SIGKILL part-way keeps the blocks
# it stored; `--resume` computes only the missing ones and gives the same JSON as an uninterrupted
# run. Then the same with the whole job killed (rank 0 included) and a resume without mpirun.
# Usage: kill_and_resume.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/../mpi_env.sh"  # Open MPI settings (root, oversubscription, shared memory)
args=(robustness scenarios/ukraine-guarantees.toml --samples 64 --draws 300 --seed 3 --resamples 50 --threads 1 --json)
blocks=8  # 64 rows / 8 per block

"$casus" "${args[@]}" > "$work/whole.json" || { echo "FAIL: the uninterrupted run failed"; exit 1; }

# A store being written may be locked for a moment: wait for it rather than read 0.
stored() { sqlite3 -cmd ".timeout 2000" "$work/$1" "SELECT COUNT(*) FROM blocks" 2>/dev/null || echo 0; }
# Kills the process `victim` picks once the store holds at least 2 blocks; returns how many it held.
run_and_kill() {
  local db=$1 victim=$2
  mpirun -n 2 "$casus" "${args[@]}" --db "$work/$db" > /dev/null 2> "$work/$db.mpirun.err" &
  local launcher=$!
  for _ in $(seq 1 800); do  # up to 40 s: a loaded machine is slow to store the first blocks
    [ "$(stored "$db")" -ge 2 ] && break
    kill -0 "$launcher" 2>/dev/null || break  # the run ended (or failed to start) before the kill
    sleep 0.05
  done
  local ranks
  ranks=$(pgrep -P "$launcher" | sort -n)
  if [ "$victim" = rank1 ]; then
    kill -9 "$(echo "$ranks" | tail -n 1)" 2>/dev/null
  else
    for pid in $ranks; do kill -9 "$pid" 2>/dev/null; done
  fi
  wait "$launcher" 2>/dev/null
  stored "$db"
}

for victim in rank1 all; do
  db=$victim.db
  # The kill is timed by polling the store: it can miss (the run ends first, or no block is stored
  # yet when it lands). Such an attempt proves nothing either way, so it is retried on a fresh store.
  for attempt in 1 2 3; do
    rm -f "$work/$db"
    partial=$(run_and_kill "$db" "$victim")
    echo "$victim killed (attempt $attempt): $partial of $blocks blocks stored"
    if [ "$partial" -ge 1 ] && [ "$partial" -lt "$blocks" ]; then break; fi
    echo "  what mpirun said:"; sed 's/^/    /' "$work/$db.mpirun.err" | head -20
    sleep 3  # let Open MPI clean up after the killed job before the next launch
  done
  if [ "$partial" -ge "$blocks" ] || [ "$partial" -lt 1 ]; then echo "FAIL: the kill did not land part-way ($partial of $blocks)"; exit 1; fi
  if "$casus" "${args[@]}" --db "$work/$db" > /dev/null 2>&1; then echo "FAIL: a second run without --resume was accepted"; exit 1; fi
  if [ "$victim" = rank1 ]; then
    mpirun -n 2 "$casus" "${args[@]}" --db "$work/$db" --resume > "$work/resumed.json" || { echo "FAIL: mpirun resume failed"; exit 1; }
  else
    "$casus" "${args[@]}" --db "$work/$db" --resume > "$work/resumed.json" || { echo "FAIL: resume failed"; exit 1; }
  fi
  [ "$(stored "$db")" -eq "$blocks" ] || { echo "FAIL: $(stored "$db") blocks after resuming (want $blocks)"; exit 1; }
  cmp -s "$work/whole.json" "$work/resumed.json" || { echo "FAIL: the resumed run differs from the uninterrupted one"; diff "$work/whole.json" "$work/resumed.json" | head; exit 1; }
done
# A store of another analysis (another seed) is refused with exit 2.
"$casus" robustness scenarios/ukraine-guarantees.toml --samples 64 --draws 300 --seed 4 --db "$work/all.db" --resume > /dev/null 2> "$work/other.err"
status=$?
[ "$status" -eq 2 ] && grep -q "another robustness analysis" "$work/other.err" || { echo "FAIL: another analysis's store was not refused (exit $status)"; cat "$work/other.err"; exit 1; }
echo "ok: killed runs resumed to the same bits as an uninterrupted run"
