#!/usr/bin/env bash
# bomay.sh: the README's two commands.
#   ./bomay.sh demo   install what is missing, build, run the pipeline on fixtures/text
#   ./bomay.sh test   install what is missing, fuzz smoke, build (normal and sanitizer), run ctest
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the build, the demo and the tests need.
PACKAGES=(build-essential cmake pkg-config libsqlite3-dev sqlite3 libgraphviz-dev
  graphviz libutf8proc-dev libcmocka-dev libjansson-dev libcjson-dev libxml2-dev
  libxml2-utils python3 python3-networkx clang libclang-rt-14-dev)
JOBS=$(nproc 2>/dev/null || echo 2)

setup() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bomay.sh: installing ${missing[*]}"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build() { # build DIR [cmake args...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j"$JOBS" >/dev/null
}

demo() {
  setup
  build build
  rm -rf out/demo
  bash fixtures/demo.sh ./build/bomay out/demo
}

run_tests() {
  setup
  # The fuzz smoke first, so that the run closes on ctest's summary.
  echo "== fuzz smoke (libFuzzer, 30 s a target)"
  bench/fuzz.sh 30
  echo "== normal build"
  build build -DBOMAY_WERROR=ON
  ctest --test-dir build -j"$JOBS" --output-on-failure
  echo "== sanitizer build (address, undefined)"
  build build-asan -DBOMAY_WERROR=ON -DBOMAY_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan -j"$JOBS" --output-on-failure
}

case "${1:-}" in
  demo) demo ;;
  test) run_tests ;;
  *) echo "usage: ./bomay.sh demo|test" >&2; exit 2 ;;
esac
