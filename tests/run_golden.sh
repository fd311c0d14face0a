#!/usr/bin/env bash
# Golden tests: runs every tests/py/**/NAME.py (names starting with _ are helper modules) with
# minipy, in the script's own folder, and compares
#   stdout                     with NAME.exp    (produced by CPython 3.11, committed)
#   the exit status            with NAME.status (when present; 0 otherwise)
#   the last stderr line       with NAME.err    (when present)
# Scripts listed in known_failures.txt (path relative to the tests/py folder) are expected to
# fail; one that passes is reported so the list stays honest.
# Scripts run GOLDEN_JOBS at a time (default: the number of cores); the report is in path order.
# Usage: run_golden.sh MINIPY TESTS_DIR [FILTER]
set -u
minipy=$(realpath "$1")
root=$(realpath "$2")
filter=${3:-}
timeout_s=${GOLDEN_TIMEOUT:-60}
jobs=${GOLDEN_JOBS:-$(nproc 2>/dev/null || echo 2)}
known="$root/known_failures.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export minipy root timeout_s known tmp

# run_one REL: runs one script and writes its verdict (pass/fail/xfail/xpass) and report to
# $tmp/<index>.result, where <index> keeps the report in path order.
run_one() {
  local index=$1 rel=$2
  local script="$root/$rel" base="$root/${rel%.py}" out="$tmp/$index"
  local dir status ok want_status last verdict
  dir=$(dirname "$script")
  (cd "$dir" && PYTHONIOENCODING=utf-8 timeout -k 5 "$timeout_s" "$minipy" "$(basename "$script")" \
     >"$out.out" 2>"$out.err" </dev/null)
  status=$?
  ok=1
  cmp -s "$out.out" "$base.exp" || ok=0
  want_status=0
  [ -f "$base.status" ] && want_status=$(cat "$base.status")
  [ "$status" = "$want_status" ] || ok=0
  if [ -f "$base.err" ]; then
    last=$(grep -v '^[[:space:]]*$' "$out.err" | tail -n 1 | sed 's/[[:space:]]*$//')
    [ "$last" = "$(sed 's/[[:space:]]*$//' "$base.err")" ] || ok=0
  fi
  if [ -f "$known" ] && grep -qxF "$rel" "$known"; then
    if [ $ok = 1 ]; then verdict=xpass; else verdict=xfail; fi
  elif [ $ok = 1 ]; then
    verdict=pass
  else
    verdict=fail
  fi
  {
    echo "$verdict"
    if [ $verdict = xpass ]; then
      echo "UNEXPECTED PASS $rel (remove it from known_failures.txt)"
    elif [ $verdict = fail ]; then
      echo "FAIL $rel (exit $status, expected $want_status)"
      diff "$base.exp" "$out.out" | head -n 15 | sed 's/^/    /'
      tail -n 5 "$out.err" | sed 's/^/    stderr: /'
    fi
  } >"$out.result"
}
export -f run_one

find "$root" -name '*.py' ! -name '_*' | sort | while IFS= read -r script; do
  rel=${script#"$root"/}
  [ -n "$filter" ] && [[ "$rel" != *"$filter"* ]] && continue
  [ -f "${script%.py}.exp" ] || continue
  echo "$rel"
done | awk '{ printf "%05d %s\n", NR, $0 }' >"$tmp/list"
xargs -P "$jobs" -L 1 bash -c 'run_one "$0" "$1"' <"$tmp/list"

pass=0 fail=0 xfail=0 xpass=0
for result in "$tmp"/*.result; do
  [ -e "$result" ] || continue
  verdict=$(head -n 1 "$result")
  tail -n +2 "$result"
  case $verdict in
    pass) pass=$((pass + 1)) ;;
    fail) fail=$((fail + 1)) ;;
    xfail) xfail=$((xfail + 1)) ;;
    xpass) xpass=$((xpass + 1)) ;;
  esac
done
expected=$(wc -l <"$tmp/list")
ran=$((pass + fail + xfail + xpass))
if [ "$ran" != "$expected" ]; then
  echo "golden: only $ran of $expected scripts reported a result"
  fail=$((fail + expected - ran))
fi
echo "golden: $xfail known failures"
echo "golden: $pass passed, $((fail + xpass)) failed"
[ $fail = 0 ] && [ $xpass = 0 ]
