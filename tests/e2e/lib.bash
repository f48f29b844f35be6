# lib.bash: helpers for the end-to-end tests (sourced, not run).
# The environment gives BOMAY (the binary), SRC (the source tree),
# SHARED (../shared, may be missing) and BUILD.
: "${BOMAY:?BOMAY must name the bomay binary}"
: "${SRC:?SRC must name the source tree}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FAILED=0

fail() { echo "FAIL: $*" >&2; FAILED=1; }
expect_status() { # got want what
  [ "$1" -eq "$2" ] || fail "$3: exit status $1, expected $2"
}
expect_contains() { # haystack needle
  case "$1" in *"$2"*) ;; *) fail "expected to find '$2' in: $(printf '%.400s' "$1")" ;; esac
}
expect_eq() { # got want what
  [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}
need_shared() { [ -d "${SHARED:-/nonexistent}/corpus" ] || { echo "SKIP: no ../shared"; exit 77; }; }
pass() { [ "$FAILED" -eq 0 ] || exit 1; echo "ok"; exit 0; }
