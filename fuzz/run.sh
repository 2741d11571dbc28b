#!/usr/bin/env bash
# Runs every libFuzzer target (or those named) for SECONDS each, one after the other, with the seed
# corpora built from the shipped files and the dictionary fuzz/casus.dict; prints one line per
# target: seconds, execs, exec/s, corpus size, crashes. Exit 1 when a target found a crash (the
# reproducer is in build/fuzz/artifacts/TARGET/).
#   fuzz/run.sh [SECONDS] [TARGET…]        e.g. fuzz/run.sh 30 (the CI smoke run), fuzz/run.sh 600 sweep
# Environment: FUZZ_BUILD (default build/fuzz), FUZZ_JOBS (default 1: one process per target).
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
build=${FUZZ_BUILD:-build/fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(instrument timeline scenario sweep ktab history duration scales web_body)

seed() {  # seed TARGET: the seed corpus from the shipped files, rebuilt each run (cheap)
  local target=$1 dir="$build/seeds/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  case $target in
    instrument) cp library/*.toml tests/cases/check/bad/*.toml tests/cases/lint/bad/*.toml "$dir" 2>/dev/null ;;
    timeline) cp scenarios/nato-2001.toml scenarios/renewed-attack-2027.toml scenarios/ukraine-2014.toml scenarios/ukraine-2022.toml \
                 tests/cases/adjudicate/bad/*.toml "$dir" ;;
    scenario) cp scenarios/ukraine-guarantees.toml tests/cases/simulate/*.toml tests/cases/simulate/bad/*.toml "$dir" 2>/dev/null ;;
    sweep) cp scenarios/*.sweep.toml tests/sweep/*.sweep.toml tests/cases/sweep/bad/*.toml "$dir" ;;
    ktab) cp data/ktab/*.csv scenarios/*.csv tests/cases/negotiate/bad/*.csv "$dir" ;;
    history)  # the first byte chooses the reader, in the order of fuzz/fuzz_history.cpp
      local index=0
      for file in data/atop/atop5_1a.csv data/atop/atop5_1m.csv data/cow/states2016_clean.csv data/cow/system2016.csv \
                  data/cow/majors2016.csv data/cow/alliance_v4.1_by_member.csv data/cow/Inter-StateWarData_v4.0.csv \
                  data/mid/MIDA_5.0.csv data/mid/MIDB_5.0.csv data/nmc/cow_nmc_v7.csv data/reliability/BerkemeierFuhrmannRAP2018_0303.csv; do
        { printf "\\x$(printf '%02x' $index)"; head -n 12 "$file"; } > "$dir/$index-$(basename "$file")"
        index=$((index + 1))
      done ;;
    scales) cp scenarios/*.scales.toml tests/cases/assess/bad/*.toml "$dir" ;;
    web_body)  # byte 0: the endpoint (0 check, 1 lint, 2 adjudicate), then the name parameter, a newline, the body
      local file
      for file in library/*.toml tests/cases/check/bad/*.toml; do
        { printf '\x00workspace/draft.toml\n'; cat "$file"; } > "$dir/check-$(basename "$file")"
      done
      for file in library/*.toml; do
        { printf '\x01workspace/draft.toml\n'; cat "$file"; } > "$dir/lint-$(basename "$file")"
      done
      for file in scenarios/nato-2001.toml scenarios/renewed-attack-2027.toml scenarios/ukraine-2014.toml scenarios/ukraine-2022.toml \
                  tests/cases/adjudicate/bad/*.toml; do
        { printf '\x02workspace/timeline.toml\n'; cat "$file"; } > "$dir/adjudicate-$(basename "$file")"
      done ;;
    duration) for d in P10Y P6M P3D PT24H P1Y6M P2W P1Y2M3W4DT5H6M7S P0D PT0S P10000Y; do printf '%s' "$d" > "$dir/$d"; done ;;
  esac
  # Regressions: every input that once crashed a target (fuzz/regressions/TARGET/), and the empty input.
  cp fuzz/regressions/"$target"/* "$dir" 2>/dev/null
  : > "$dir/empty"
}

status=0
printf '%-11s %8s %12s %10s %8s %8s\n' target seconds execs exec/s corpus crashes
for target in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$target"
  [ -x "$binary" ] || { echo "no $binary: build it with 'make fuzz-build'" >&2; exit 2; }
  seed "$target"
  corpus="$build/corpus/$target" artifacts="$build/artifacts/$target/" log="$build/logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  # Reproducers of earlier runs stay in $artifacts; only the ones this run writes are its findings.
  before=$(find "$artifacts" -type f | wc -l)
  # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: one that needs 2 GB is a finding.
  "$binary" "$corpus" "$build/seeds/$target" -dict=fuzz/casus.dict -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts" > "$log" 2>&1
  code=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -n 1)
  took=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*' | tail -n 1)
  rate=$(awk -v e="${execs:-0}" -v s="${took:-$seconds}" 'BEGIN { printf "%.1f", (s > 0 ? e / s : 0) }')
  crashes=$(( $(find "$artifacts" -type f | wc -l) - before ))
  printf '%-11s %8s %12s %10s %8s %8s\n' "$target" "${took:-?}" "${execs:-?}" "$rate" "$(find "$corpus" -type f | wc -l)" "$crashes"
  if [ "$code" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    echo "  FOUND: $target exited $code; see $log and $artifacts" >&2
    grep -m 5 -E 'ERROR|SUMMARY|runtime error' "$log" >&2
    status=1
  fi
done
exit $status
