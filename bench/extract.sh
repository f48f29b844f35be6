#!/usr/bin/env bash
# extract.sh: how fast `bomay extract` reads the bench corpus and how much
# memory it holds: MB/s over CPU time (user + system: one core, whatever the
# machine's load) and over wall time, and the peak resident set; then the
# same on the first half of the corpus, to show that memory does not grow
# with the corpus.
#
# usage: bench/extract.sh [--bomay PATH] [--corpus FILE] [--runs N]
# Prints a Markdown table (docs/PERFORMANCE.md, "Extraction"); the best of
# N runs (default 3).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_args extract.sh 3 2,10 "$@"
half=$tmp/half.jsonl
head -n $(( $(wc -l <"$corpus") / 2 )) "$corpus" >"$half"

# best of $runs: "cpu_s wall_s maxrss_kib"
measure() {
  best_of "'$bomay' extract -q '$1' -o /dev/null"
}

echo "| input | MB | CPU s | MB/s (CPU) | wall s | MB/s (wall) | max RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
for f in "$corpus" "$half"; do
  mb=$(echo "scale=1; $(stat -c %s "$f") / 1000000" | bc)
  read -r cpu wall rss <<<"$(measure "$f")"
  name=$(basename "$f")
  [ "$f" = "$half" ] && name="first half of $(basename "$corpus")"
  printf '| %s | %s | %s | %.1f | %s | %.1f | %.1f |\n' "$name" "$mb" "$cpu" \
    "$(echo "$mb / $cpu" | bc -l)" "$wall" "$(echo "$mb / $wall" | bc -l)" \
    "$(echo "$rss / 1024" | bc -l)"
done
