#!/usr/bin/env bash
# graph_query.sh: how long `bomay query who`, `neighbors` (depth 1 and 2),
# `path` and `search` take on the graph of the bench corpus and on a
# synthetic graph of a million relations (bench/graph_synth.py): each
# question asked of N random entities (or pairs), one `bomay query`
# process each, so the times include starting the process and opening the
# database; median and maximum in ms.
#
# usage: bench/graph_query.sh [--bomay PATH] [--news DB] [--synth DB]
#                             [--relations N] [--n N]
# --news DB: a graph of the corpus (default: built with bomay ingest into
# a temporary file); --synth DB: made by graph_synth.py unless it exists.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bomay=$here/build/bomay
corpus=$here/../shared/corpus/bench/news.jsonl
news="" synth="" relations=1000000 n=20
while [ $# -gt 0 ]; do
  case $1 in
    --bomay) bomay=$2; shift 2 ;;
    --news) news=$2; shift 2 ;;
    --synth) synth=$2; shift 2 ;;
    --relations) relations=$2; shift 2 ;;
    --n) n=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "graph_query.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -z "$news" ]; then
  news=$tmp/news.db
  "$bomay" ingest -q --db "$news" "$corpus"
fi
if [ -z "$synth" ]; then synth=$tmp/synth.db; fi
[ -f "$synth" ] || python3 "$here/bench/graph_synth.py" "$bomay" "$synth" "$relations" >&2

ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; echo $(( ($(date +%s%N) - s) / 1000000 )); }
stats() { sort -n | awk '{ t[NR] = $1 } END { printf "%d | %d", t[int((NR + 1) / 2)], t[NR] }'; }
sample() { # db sql: N random ids as #ID
  python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for (i,) in c.execute(sys.argv[2] + " ORDER BY random() LIMIT " + sys.argv[3]):
    print("#%d" % i)' "$1" "$2" "$n"
}

echo "| graph | question | median ms | max ms |"
echo "|---|---|---:|---:|"
for db in "$news" "$synth"; do
  label=$(basename "$db" .db)
  label="$label ($("$bomay" query --db "$db" stats --json | python3 -c 'import json,sys; s=json.load(sys.stdin); print("%d relations" % s["relations"])'))"
  sample "$db" "SELECT object FROM relations WHERE type = 'holds_position' AND object <> 0 GROUP BY object" > "$tmp/orgs"
  sample "$db" "SELECT id FROM entities WHERE type = 'PERSON' AND id IN (SELECT subject FROM relations)" > "$tmp/people"
  sample "$db" "SELECT id FROM entities WHERE type = 'PERSON' AND id IN (SELECT subject FROM relations)" > "$tmp/people2"
  echo "| $label | who ORG | $(while read -r o; do ms "$bomay" query --db "$db" who "$o"; done < "$tmp/orgs" | stats) |"
  echo "| $label | neighbors | $(while read -r p; do ms "$bomay" query --db "$db" neighbors "$p"; done < "$tmp/people" | stats) |"
  echo "| $label | neighbors --depth 2 | $(while read -r p; do ms "$bomay" query --db "$db" neighbors --depth 2 "$p"; done < "$tmp/people" | stats) |"
  echo "| $label | path A B | $(paste -d' ' "$tmp/people" "$tmp/people2" | while read -r a b; do ms "$bomay" query --db "$db" path "$a" "$b"; done | stats) |"
  echo "| $label | search TEXT | $(for t in "nguyen van" "bo cong an" "tran" "uy ban nhan dan" "giam doc"; do ms "$bomay" query --db "$db" search "$t"; done | stats) |"
  echo "| $label | stats | $(ms "$bomay" query --db "$db" stats) | - |"
  echo "| $label | (process start: --version) | $(ms "$bomay" --version) | - |"
done
