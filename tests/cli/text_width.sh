#!/usr/bin/env bash
# Every line of casus's text output on the shipped examples fits a 120-column terminal (UTF-8 code
# points, not bytes): robustness (both methods), simulate, assess, compare and adjudicate over the
# whole library, negotiate's forecast, history, list, show and lint's rule texts. Not checked:
# lint's findings (one file:line:col diagnostic per line, for editors and grep), negotiate's
# per-turn history (KTAB's own layout, compared with KTAB's logs) and CLI11's --help.
# Usage: text_width.sh CASUS (from the project root).
set -uo pipefail
casus=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8  # ${#line} counts code points
failed=0
checked=0
check() {  # check NAME ARGS...: runs casus ARGS and measures every line of its stdout
  local name=$1
  shift
  if ! "$casus" "$@" > "$work/out" 2> "$work/err"; then
    echo "FAIL: casus $* exited $?"; head -5 "$work/err"; failed=1; return
  fi
  [ "$name" = negotiate ] && sed -i '/^There were [0-9]* states/,$d' "$work/out"  # KTAB's history
  local lines=0 widest=0
  while IFS= read -r line; do
    lines=$((lines + 1))
    [ "${#line}" -gt "$widest" ] && widest=${#line}
    if [ "${#line}" -gt 120 ]; then
      echo "FAIL: casus $*: a line of ${#line} columns:"; echo "$line"; failed=1
    fi
  done < "$work/out"
  [ "$lines" -gt 0 ] || { echo "FAIL: casus $* printed nothing"; failed=1; }
  checked=$((checked + 1))
  echo "$name: $lines lines, widest $widest"
}
# The shipped scenario's 7 designs: small runs, the layout does not depend on the sample size.
check robustness-sobol robustness scenarios/ukraine-guarantees.toml --samples 8 --draws 100 --resamples 20
check robustness-morris robustness scenarios/ukraine-guarantees.toml --method morris --samples 4 --draws 100
check simulate simulate scenarios/ukraine-guarantees.toml --draws 500
check assess assess scenarios/ukraine-guarantees.toml --settlement scenarios/ukraine-settlement.csv --draws 200 --perturb-draws 10
check negotiate negotiate scenarios/ukraine-settlement.csv --perturb 5 --draws 20
check compare compare library/*.toml
check adjudicate adjudicate --timeline scenarios/renewed-attack-2027.toml library/*.toml
check adjudicate-places adjudicate --timeline scenarios/cases/place-names.toml us-ukraine-2024
check history-reliability history reliability
check history-loopholes history loopholes
check history-calibrate history calibrate
check list list
check list-party list --party USA
check show show us-proposal-2025-08
check lint-rules lint --list-rules
for rule in $("$casus" lint --list-rules | awk '/^[a-z]/ { print $1 }'); do
  check "lint-explain-$rule" lint --explain "$rule"
done
[ "$checked" -ge 20 ] || { echo "FAIL: only $checked outputs checked"; failed=1; }
[ "$failed" -eq 0 ] && echo "ok: every line of $checked outputs within 120 columns"
exit "$failed"
