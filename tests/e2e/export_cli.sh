#!/usr/bin/env bash
# export_cli.sh: what bomay export and bomay render say to a wrong command
# line or a missing database (exit 2 for usage, 3 for failures, one
# "bomay: ..." line).
set -u
. "$(dirname "$0")/lib.bash"

out=$("$BOMAY" export --help) || fail "export --help exited $?"
expect_contains "$out" "usage: bomay export [--db FILE] --format dot|graphml|json|csv"
out=$("$BOMAY" render --help) || fail "render --help exited $?"
expect_contains "$out" "usage: bomay render [--db FILE] --focus NAME [--depth N] -o FILE.svg|png|pdf"
out=$("$BOMAY" --help)
expect_contains "$out" "export"
expect_contains "$out" "render"

usage_error() { # what args...
  local what=$1; shift
  "$BOMAY" "$@" >/dev/null 2>"$T/err"
  expect_status $? 2 "$what"
  expect_contains "$(cat "$T/err")" "bomay: "
}
usage_error "no format" export --db "$T/none.db"
usage_error "unknown format" export --format gml
usage_error "--depth without --focus" export --format dot --depth 2
usage_error "bad type" export --format dot --type PERSON,CAT
usage_error "bad relation" export --format dot --relation knows
usage_error "bad date" export --format dot --since 2020/01/01
usage_error "bad depth" export --format dot --focus X --depth -1
usage_error "bad min-evidence" export --format dot --min-evidence many
usage_error "extra argument" export --format dot extra
usage_error "render without focus" render -o "$T/x.svg"
usage_error "render without -o" render --focus X
usage_error "render to gif" render --focus X -o "$T/x.gif"

"$BOMAY" export --db "$T/none.db" --format dot -o "$T/out.dot" 2>"$T/err"
expect_status $? 3 "missing database"
expect_contains "$(cat "$T/err")" "bomay: $T/none.db: no such database"
[ ! -e "$T/out.dot" ] || fail "a failed export left its output file"
"$BOMAY" render --db "$T/none.db" --focus X -o "$T/x.svg" 2>"$T/err"
expect_status $? 3 "render: missing database"
expect_contains "$(cat "$T/err")" "no such database"
pass
