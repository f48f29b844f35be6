#!/usr/bin/env bash
# export.sh: how fast `bomay export` writes and how much memory it holds:
# DOT, GraphML, JSON and CSV of the bench-corpus graph, beside NetworkX's own
# write_graphml of the same graph (ratios from the one run), and with
# --synthetic N the same on a synthetic graph of about N relations, to show
# that the streaming formats hold memory flat as the graph grows.
#
# usage: bench/export.sh [--bomay PATH] [--work DIR] [--synthetic N]
# Prints a Markdown table (docs/PERFORMANCE.md, "Export").  The graphs are
# built once in WORK (default /tmp/bomay-bench-export) and reused.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bomay=$here/build/bomay
work=/tmp/bomay-bench-export
synthetic=0
while [ $# -gt 0 ]; do
  case $1 in
    --bomay) bomay=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --synthetic) synthetic=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "export.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
corpus=$here/../shared/corpus/bench/news.jsonl
py=/usr/bin/python3
mkdir -p "$work"

# wall seconds, CPU seconds and peak resident KiB of a command: "S CPU KIB"
# (2 cores shared with other work here: CPU seconds vary less than wall)
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null
  awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' "$work/time"
}

counts() { # db -> "nodes edges"
  sqlite3 "$1" 'SELECT (SELECT count(*) FROM entities),
                (SELECT count(*) FROM relations WHERE object <> 0)' | tr '|' ' '
}

row() { # graph db
  local graph=$1 db=$2 n e
  read -r n e <<<"$(counts "$db")"
  for fmt in dot graphml json csv; do
    read -r s cpu kib <<<"$(measure "$bomay" export --db "$db" --format $fmt -o "$work/out.$fmt")"
    size=$(stat -c %s "$work/out.$fmt")
    printf '| %s | %s | %s | bomay export --format %s | %s | %s | %d | %.1f |\n' \
      "$graph" "$n" "$e" "$fmt" "$s" "$cpu" $((kib / 1024)) "$(echo "$size / 1048576" | bc -l)"
    [ $fmt = graphml ] && { gm_cpu=$cpu; gm_kib=$kib; }
  done
  return 0
}

networkx() { # graph db: NetworkX reads our GraphML, then writes its own
  local graph=$1 db=$2 n e
  read -r n e <<<"$(counts "$db")"
  read -r s cpu kib load_kib <<<"$($py - "$work/out.graphml" "$work/nx.graphml" <<'PY'
import resource, sys, time
import networkx as nx
g = nx.read_graphml(sys.argv[1])
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t, c = time.perf_counter(), time.process_time()
nx.write_graphml(g, sys.argv[2])
print(f"{time.perf_counter() - t:.2f} {time.process_time() - c:.2f}",
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, loaded)
PY
)"
  size=$(stat -c %s "$work/nx.graphml")
  printf '| %s | %s | %s | NetworkX write_graphml (graph in memory: %d MiB) | %s | %s | %d | %.1f |\n' \
    "$graph" "$n" "$e" $((load_kib / 1024)) "$s" "$cpu" $((kib / 1024)) "$(echo "$size / 1048576" | bc -l)"
  printf '\nGraphML, bomay / NetworkX: CPU time %.2f, peak memory %.2f\n\n' \
    "$(echo "$gm_cpu / $cpu" | bc -l)" "$(echo "$gm_kib / $kib" | bc -l)"
}

bench_db=$work/bench.db
if [ ! -s "$bench_db" ]; then
  echo "building the bench-corpus graph in $bench_db ..." >&2
  "$bomay" ingest -q --db "$bench_db" "$corpus"
fi

echo "| graph | nodes | edges | what | seconds | CPU s | peak MiB | output MiB |"
echo "|---|---:|---:|---|---:|---:|---:|---:|"
row bench-corpus "$bench_db"
networkx bench-corpus "$bench_db"

if [ "$synthetic" -gt 0 ]; then
  syn_db=$work/synthetic-$synthetic.db
  if [ ! -s "$syn_db" ]; then
    echo "building a synthetic graph of ~$synthetic relations in $syn_db ..." >&2
    # records of 20 people and 10 organizations each, drawn from pools sized
    # to the target so that most relations are new
    $py - "$synthetic" <<'PY' | "$bomay" ingest -q --db "$syn_db" --records -
import json, random, sys
target = int(sys.argv[1])
rng = random.Random(5)
people, orgs = max(target // 4, 100), max(target // 20, 50)
roles = ["Giám đốc", "Phó Giám đốc", "Chánh án", "Phó Chánh án",
         "Bộ trưởng", "Thứ trưởng", "Chủ tịch", "Phó Chủ tịch", "Ủy viên"]
for d in range(target // 25 + 1):
    ps = [f"Người Thứ {rng.randrange(people)}" for _ in range(20)]
    os_ = [f"Cơ quan Số {rng.randrange(orgs)}" for _ in range(10)]
    ents = [{"id": f"p{i}", "type": "PERSON", "name": n, "aliases": []}
            for i, n in enumerate(dict.fromkeys(ps))]
    ents += [{"id": f"o{i}", "type": "ORG", "name": n, "aliases": []}
             for i, n in enumerate(dict.fromkeys(os_))]
    pid = [e["id"] for e in ents if e["type"] == "PERSON"]
    oid = [e["id"] for e in ents if e["type"] == "ORG"]
    rels = []
    for p in pid:
        rels.append({"type": "holds_position", "subject": p,
                     "object": rng.choice(oid), "role": rng.choice(roles),
                     "evidence": {"start": 0, "end": 10, "text": "Câu chứng cứ."}})
    for a, b in zip(oid, oid[1:]):
        rels.append({"type": "part_of" if rng.random() < .5 else "cooperates_with",
                     "subject": a, "object": b,
                     "evidence": {"start": 0, "end": 10, "text": "Câu chứng cứ."}})
    print(json.dumps({"doc": f"syn-{d}", "date": f"20{10 + d % 12}-01-01",
                      "entities": ents, "relations": rels}, ensure_ascii=False))
PY
  fi
  row "synthetic" "$syn_db"
fi
