#!/usr/bin/env bash
# Golden tests: runs every tests/py/**/NAME.py (names starting with _ are helper modules) with
# minipy, in the script's own folder, and compares
#   stdout                     with NAME.exp    (produced by CPython 3.11, committed)
#   the exit status            with NAME.status (when present; 0 otherwise)
#   the last stderr line       with NAME.err    (when present)
# Scripts listed in known_failures.txt (path relative to the tests/py folder) are expected to
# fail; one that passes is reported so the list stays honest.
# Usage: run_golden.sh MINIPY TESTS_DIR [FILTER]
set -u
minipy=$(realpath "$1")
root=$(realpath "$2")
filter=${3:-}
timeout_s=${GOLDEN_TIMEOUT:-30}
known="$root/known_failures.txt"
pass=0 fail=0 xfail=0 xpass=0
failed_names=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

is_known() { [ -f "$known" ] && grep -qxF "$1" "$known"; }

while IFS= read -r script; do
  rel=${script#"$root"/}
  [ -n "$filter" ] && [[ "$rel" != *"$filter"* ]] && continue
  base=${script%.py}
  [ -f "$base.exp" ] || continue
  dir=$(dirname "$script")
  (cd "$dir" && PYTHONIOENCODING=utf-8 timeout -k 5 "$timeout_s" "$minipy" "$(basename "$script")" \
     >"$tmp/out" 2>"$tmp/err" </dev/null)
  status=$?
  ok=1
  cmp -s "$tmp/out" "$base.exp" || ok=0
  want_status=0
  [ -f "$base.status" ] && want_status=$(cat "$base.status")
  [ "$status" = "$want_status" ] || ok=0
  if [ -f "$base.err" ]; then
    last=$(grep -v '^[[:space:]]*$' "$tmp/err" | tail -n 1 | sed 's/[[:space:]]*$//')
    [ "$last" = "$(sed 's/[[:space:]]*$//' "$base.err")" ] || ok=0
  fi
  if is_known "$rel"; then
    if [ $ok = 1 ]; then
      xpass=$((xpass + 1)); echo "UNEXPECTED PASS $rel (remove it from known_failures.txt)"
    else
      xfail=$((xfail + 1))
    fi
  elif [ $ok = 1 ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); failed_names+=("$rel")
    echo "FAIL $rel (exit $status, expected $want_status)"
    diff "$base.exp" "$tmp/out" | head -n 15 | sed 's/^/    /'
    tail -n 5 "$tmp/err" | sed 's/^/    stderr: /'
  fi
done < <(find "$root" -name '*.py' ! -name '_*' | sort)

echo "golden: $xfail known failures"
echo "golden: $pass passed, $((fail + xpass)) failed"
[ $fail = 0 ] && [ $xpass = 0 ]
