#!/usr/bin/env bash
# Runs one declarative CLI case and compares its output with the expected file beside it.
#   run_case.sh CASUS CASE            run one case (exit 0 when the output matches)
#   run_case.sh --reset CASUS CASE    rewrite the case's expected file (review with git diff)
#   run_case.sh --reset-all CASUS     rewrite every case's expected file
# A case is either NAME.cmd (one line: the arguments after `casus`, as a shell would split and
# expand them, run from the project root) or a bad/NAME.toml (or .csv): the case is `casus check` on it, or
# the command in bad/command (one line, {} standing for the file).
# Its expected output NAME.expected holds stdout, then "--- stderr", stderr, then "--- exit N".
set -uo pipefail
reset=0
if [ "${1:-}" = "--reset-all" ]; then
  casus=$2
  root=$(cd "$(dirname "$0")" && pwd)
  status=0
  while IFS= read -r -d '' case_file; do
    "$0" --reset "$casus" "$case_file" || status=1
  done < <(find "$root" \( -name '*.cmd' -o -path '*/bad/*.toml' -o -path '*/bad/*.csv' \) -print0 | sort -z)
  exit $status
fi
if [ "${1:-}" = "--reset" ]; then reset=1; shift; fi
casus=$1
case_file=$2
project_root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$project_root" || exit 2
case_file=$(realpath --relative-to="$project_root" "$case_file")
expected="${case_file%.*}.expected"

if [[ "$case_file" == *.cmd ]]; then
  arguments=$(head -n 1 "$case_file")
elif [ -f "$(dirname "$case_file")/command" ]; then  # a corpus folder says how to run its files
  template=$(head -n 1 "$(dirname "$case_file")/command")
  arguments=${template//\{\}/$case_file}
else
  arguments="check $case_file"
fi
stdout_file=$(mktemp)
stderr_file=$(mktemp)
trap 'rm -f "$stdout_file" "$stderr_file"' EXIT
# A case that runs longer than CASE_TIMEOUT seconds (default 20) fails with exit 124: a hang is a
# failure. The sanitizer build (`make test-sanitize`) is several times slower and sets a longer one.
# shellcheck disable=SC2086 # word splitting and globbing of the case's arguments is intended
eval "timeout \"${CASE_TIMEOUT:-20}\" \"$casus\" $arguments" >"$stdout_file" 2>"$stderr_file" </dev/null
code=$?
# A process substitution's descriptor number (/dev/fd/62 or 63) depends on the shell: shown as N.
actual=$({ cat "$stdout_file"; printf -- '--- stderr\n'; cat "$stderr_file"; printf -- '--- exit %s\n' "$code"; } | sed -E 's#/dev/fd/[0-9]+#/dev/fd/N#g')
if [ $reset -eq 1 ]; then
  printf '%s\n' "$actual" >"$expected"
  exit 0
fi
if [ ! -f "$expected" ]; then
  echo "no expected output $expected; create it with: tests/cases/run_case.sh --reset $casus $case_file" >&2
  exit 1
fi
if ! diff -u --label "expected $expected" --label "actual: casus $arguments" "$expected" <(printf '%s\n' "$actual"); then
  echo "(to accept the new output: tests/cases/run_case.sh --reset $casus $case_file, then review git diff)" >&2
  exit 1
fi
