#!/usr/bin/env bash
# The command's skeleton: --help, --version, unknown commands and options.
set -u
. "$(dirname "$0")/lib.bash"

out=$("$BOMAY" --help) || fail "--help exited $?"
expect_contains "$out" "usage: bomay"
expect_contains "$out" "extract"
out=$("$BOMAY" --version) || fail "--version exited $?"
expect_contains "$out" "bomay 0."

"$BOMAY" frobnicate 2>"$T/err"
expect_status $? 2 "unknown command"
expect_contains "$(cat "$T/err")" "bomay: unknown command 'frobnicate'"
expect_contains "$(cat "$T/err")" "usage:"

"$BOMAY" >/dev/null 2>&1
expect_status $? 2 "no command"

"$BOMAY" extract --no-such-option x 2>/dev/null
expect_status $? 2 "unknown option"

"$BOMAY" extract 2>/dev/null
expect_status $? 2 "extract without input"

out=$("$BOMAY" extract --help) || fail "extract --help exited $?"
expect_contains "$out" "usage: bomay extract"
pass
