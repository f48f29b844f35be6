#!/usr/bin/env bash
# fuzz.sh [SECONDS] [TARGET...]: builds the libFuzzer targets of tests/fuzz
# (clang, address + undefined) in build-fuzz/ if needed and runs each for
# SECONDS (default 30), from the seeds in tests/fuzz/corpus/TARGET; prints one
# line of figures a target and fails when one crashes, leaks or hangs.
# The grown corpus is kept in build-fuzz/corpus/TARGET, crashing inputs in
# build-fuzz/crashes/, full logs in build-fuzz/logs/.  BOMAY_FUZZ_BUILD
# names another build directory.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
shift || true
build=${BOMAY_FUZZ_BUILD:-build-fuzz}
case "$secs" in '' | *[!0-9]*) echo "usage: bench/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2 ;; esac

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.c; do targets+=("$(basename "$src" .c)"); done
fi

command -v clang >/dev/null || { echo "fuzz.sh: clang is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 3; }
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DBOMAY_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target "${targets[@]}" >"$build/fuzz-build.log" 2>&1 ||
  { tail -40 "$build/fuzz-build.log" >&2; echo "fuzz.sh: build failed" >&2; exit 3; }

mkdir -p "$build/corpus" "$build/crashes" "$build/logs"
failed=0
printf '%-14s %6s %12s %8s %8s %8s %s\n' target seconds runs cov ft corpus result
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/$t"
  log="$build/logs/$t.log"
  seeds="tests/fuzz/corpus/$t"
  mkdir -p "$build/corpus/$t"
  args=(-max_total_time="$secs" -timeout=10 -rss_limit_mb=2560 -print_final_stats=1
    -artifact_prefix="$build/crashes/$t-")
  [ -f "tests/fuzz/$t.dict" ] && args+=(-dict="tests/fuzz/$t.dict")
  [ -f "tests/fuzz/$t.options" ] && read -r -a more <"tests/fuzz/$t.options" && args+=("${more[@]}")
  dirs=("$build/corpus/$t")
  [ -d "$seeds" ] && dirs+=("$seeds")
  rc=0
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    "$bin" "${args[@]}" "${dirs[@]}" >"$log" 2>&1 || rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [ "$rc" -ne 0 ]; then
    result="FAILED (exit $rc; log $log)"
    failed=1
  fi
  printf '%-14s %6s %12s %8s %8s %8s %s\n' "$t" "$secs" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
  if [ "$rc" -ne 0 ]; then
    grep -E 'ERROR|SUMMARY|fuzz:|Test unit written|==[0-9]+==' "$log" | head -20 >&2 || true
  fi
done
exit "$failed"
