#!/usr/bin/env bash
# graph_ingest.sh: how fast `bomay ingest` builds the graph of the bench
# corpus, end to end (extraction included, in ingest's second thread), and
# the split: extraction alone, storing alone (ingest --records of extract's
# output), and the two as processes in a pipe.  MB are those of the corpus
# (the JSON Lines input); CPU is user + system of all threads (one core
# each, whatever the machine's load), wall the elapsed time.
#
# usage: bench/graph_ingest.sh [--bomay PATH] [--corpus FILE] [--runs N]
# Prints a Markdown table (docs/PERFORMANCE.md, "Graph"); the best of N
# runs (default 1: a run is ~20 s).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
bench_args graph_ingest.sh 1 2,11 "$@"
mb=$(echo "scale=1; $(stat -c %s "$corpus") / 1000000" | bc)

# best of $runs of a shell command: "cpu_s wall_s maxrss_kib", each on a
# new database
before_run() { rm -f "$tmp"/g.db*; }
measure() { best_of "$1"; }
row() { # what cpu wall rss
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$mb" "$2" \
    "$(echo "scale=1; $mb / $2" | bc)" "$3" "$(echo "scale=1; $mb / $3" | bc)" \
    "$(echo "scale=1; $4 / 1024" | bc)"
}

echo "| run | MB | CPU s | MB/s (CPU) | wall s | MB/s (wall) | max RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
read -r c w m < <(measure "'$bomay' ingest -q --db '$tmp/g.db' '$corpus'")
row "ingest (end to end)" "$c" "$w" "$m"
read -r c w m < <(measure "'$bomay' extract -q '$corpus' -o '$tmp/records.jsonl'")
row "extract alone" "$c" "$w" "$m"
read -r c w m < <(measure "'$bomay' ingest -q --db '$tmp/g.db' --records '$tmp/records.jsonl'")
row "ingest --records (store)" "$c" "$w" "$m"
read -r c w m < <(measure "'$bomay' extract -q '$corpus' | '$bomay' ingest -q --db '$tmp/g.db' --records -")
row "extract \| ingest --records -" "$c" "$w" "$m"
rm -f "$tmp"/g.db*
"$bomay" ingest -q --db "$tmp/g.db" --records "$tmp/records.jsonl"
echo
echo "The graph: $("$bomay" query --db "$tmp/g.db" stats | tr '\n' ';' | tr -s ' ')"
echo "Its file: $(( $(stat -c %s "$tmp/g.db") / 1048576 )) MiB"
