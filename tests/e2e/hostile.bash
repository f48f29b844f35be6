# hostile.bash: helpers of the hostile-input and fault tests (sourced after
# lib.bash).
# run_ok WHAT CMD...: runs CMD with stderr in $T/err; fails when it crashed
# (killed by a signal, a sanitizer report) rather than exiting cleanly.
# Sets ST to its exit status.
run() {
  local what=$1
  shift
  "$@" 2>"$T/err"
  ST=$?
  ERR=$(cat "$T/err")
  if [ "$ST" -ge 128 ] || grep -qE 'Sanitizer|runtime error|LeakSanitizer' "$T/err"; then
    fail "$what: crashed (exit $ST): $(head -c 600 "$T/err")"
  fi
}
# expect_exit WANT WHAT: checks the status of the last run.
expect_exit() { expect_status "$ST" "$1" "$2"; }
# expect_err TEXT: the last run's stderr holds TEXT.
expect_err() { expect_contains "$ERR" "$1"; }
# integrity_ok DB: PRAGMA integrity_check says ok.
integrity_ok() {
  local r
  r=$(sqlite3 "$1" 'PRAGMA integrity_check' 2>&1)
  [ "$r" = ok ] || fail "$1: integrity_check: $r"
}
# sql DB QUERY: one value.
sql() { sqlite3 "$1" "$2"; }
# jsonl_ok FILE: every line is a JSON object with a "doc" string.
jsonl_ok() {
  python3 - "$1" <<'PY' || fail "$1: not valid JSON Lines records"
import json, sys
for n, line in enumerate(open(sys.argv[1], "rb"), 1):
    o = json.loads(line.decode("utf-8"))
    assert isinstance(o, dict) and isinstance(o.get("doc"), str) and o["doc"], n
PY
}
# timed SECONDS WHAT CMD...: like run, and fails when CMD takes longer.
timed() {
  local limit=$1 what=$2 t0 t1
  shift 2
  t0=$(date +%s%N)
  run "$what" "$@"
  t1=$(date +%s%N)
  ELAPSED_MS=$(((t1 - t0) / 1000000))
  [ "$ELAPSED_MS" -le $((limit * 1000)) ] || fail "$what: took ${ELAPSED_MS} ms, over ${limit} s"
}
