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
here=$(cd "$(dirname "$0")/.." && pwd)
bomay=$here/build/bomay
corpus=$here/../shared/corpus/bench/news.jsonl
runs=3
while [ $# -gt 0 ]; do
  case $1 in
    --bomay) bomay=$2; shift 2 ;;
    --corpus) corpus=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "extract.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -f "$corpus" ] || { echo "extract.sh: no corpus $corpus" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
half=$tmp/half.jsonl
head -n $(( $(wc -l <"$corpus") / 2 )) "$corpus" >"$half"

# best of $runs: "cpu_s wall_s maxrss_kib"
measure() {
  local best=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%U %S %e %M' -o "$tmp/t" "$bomay" extract -q "$1" -o /dev/null
    read -r u s e m <"$tmp/t"
    local cpu
    cpu=$(echo "$u + $s" | bc)
    if [ -z "$best" ] || [ "$(echo "$cpu < ${best%% *}" | bc)" = 1 ]; then
      best="$cpu $e $m"
    fi
  done
  echo "$best"
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
