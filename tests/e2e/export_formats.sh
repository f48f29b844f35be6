#!/usr/bin/env bash
# export_formats.sh: the export fixture (tests/export/fixture.jsonl) ingested,
# exported in every format, read back by the tools users use (cgraph, Graphviz,
# xmllint with the GraphML schema, NetworkX, json, csv), compared with the
# database and with the golden files in tests/export/expected
# (BOMAY_REGEN=1 rewrites them; review the diff).
set -u
. "$(dirname "$0")/lib.bash"
"$BOMAY" ingest --help >/dev/null 2>&1 || { echo "SKIP: no bomay ingest"; exit 77; }
PY=/usr/bin/python3
CHECK="$SRC/tests/export/check_export.py"
EXP="$SRC/tests/export/expected"
XSD="${SHARED:-/nonexistent}/graphml-xsd/graphml.xsd"
[ -f "$XSD" ] || { echo "SKIP: no ../shared/graphml-xsd"; exit 77; }
$PY -c 'import networkx' || fail "Debian's python3-networkx is missing"

db="$T/fx.db"
"$BOMAY" ingest -q --db "$db" --records "$SRC/tests/export/fixture.jsonl" \
  || fail "ingest of the fixture exited $?"
n_nodes=$(sqlite3 "$db" 'SELECT count(*) FROM entities')
n_edges=$(sqlite3 "$db" 'SELECT count(*) FROM relations WHERE object <> 0')
[ "$n_nodes" -gt 10 ] || fail "the fixture gave only $n_nodes entities"

golden() { # file name
  if [ -n "${BOMAY_REGEN:-}" ]; then
    cp "$1" "$EXP/$2"
  elif ! cmp -s "$1" "$EXP/$2"; then
    fail "$2 differs from the golden file:"
    diff -u "$EXP/$2" "$1" | head -40 >&2
  fi
}

for fmt in dot graphml json csv; do
  out="$T/fixture.$fmt"
  "$BOMAY" export --db "$db" --format $fmt -o "$out" \
    || fail "export --format $fmt exited $?"
  $PY "$CHECK" $fmt "$out" "$db" || fail "$fmt does not read back as the database"
  golden "$out" fixture.$fmt
done

# DOT: cgraph reads the counts back; dot renders it without a word on stderr.
for variant in "" --cluster; do
  out="$T/fixture$variant.dot"
  "$BOMAY" export --db "$db" --format dot $variant -o "$out" || fail "export $variant"
  counts=$(gc -n -e "$out" | awk '{print $1, $2}')
  expect_eq "$counts" "$n_nodes $n_edges" "gc -n -e of dot$variant"
  dot -Tsvg "$out" -o "$T/fixture$variant.svg" 2>"$T/dot.err" || fail "dot -Tsvg exited $?"
  [ ! -s "$T/dot.err" ] || fail "dot -Tsvg $variant said: $(cat "$T/dot.err")"
  xmllint --noout "$T/fixture$variant.svg" || fail "the SVG of dot$variant is not XML"
done
golden "$T/fixture--cluster.dot" fixture-cluster.dot
grep -q 'subgraph cluster_n' "$T/fixture--cluster.dot" || fail "--cluster made no cluster"

# GraphML: the schema, and NetworkX's own counts.
xmllint --noout --nonet --schema "$XSD" "$T/fixture.graphml" 2>"$T/xsd.err" \
  || fail "GraphML fails the schema: $(cat "$T/xsd.err")"
counts=$($PY -c 'import sys, networkx as nx
g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())' "$T/fixture.graphml")
expect_eq "$counts" "$n_nodes $n_edges" "NetworkX counts"

# Posts without an organization ("Thủ tướng Phạm Minh Chính"): no edge, a
# JSON array "posts" on the person in every format, as each tool reads it.
expect_eq "$(sqlite3 "$db" 'SELECT count(*) FROM relations WHERE object = 0')" 3 \
  "posts without organization in the fixture"
for fmt in dot graphml json csv; do
  roles=$($PY - $fmt "$T/fixture.$fmt" <<'PY'
import csv, json, subprocess, sys
fmt, path = sys.argv[1:3]
name = "Phạm Minh Chính"
if fmt == "json":
    posts = [n["posts"] for n in json.load(open(path))["nodes"] if n["name"] == name][0]
elif fmt == "csv":
    posts = [json.loads(r["posts"]) for r in csv.DictReader(open(path, newline=""))
             if r["name"] == name][0]
elif fmt == "graphml":
    import networkx as nx
    g = nx.read_graphml(path)
    posts = [json.loads(d["posts"]) for _, d in g.nodes(data=True) if d["name"] == name][0]
else:
    out = subprocess.run(["gvpr", 'N [label == "%s"] { print(posts) }' % name, path],
                         check=True, capture_output=True, text=True).stdout
    posts = json.loads(out.strip().replace("\\\\", "\\"))
print(";".join(f'{p["role"]}/{p["status"]}/{p["evidence_doc"]}' for p in posts))
PY
)
  expect_eq "$roles" "Thủ tướng/current/exp-004;Ủy viên Bộ Chính trị/current/exp-004" \
    "the posts of Phạm Minh Chính in $fmt"
done
# a relation filter that keeps holds_position keeps a person with posts only
"$BOMAY" export --db "$db" --format json --relation holds_position -o "$T/held.json" \
  || fail "export --relation holds_position"
grep -q '"name":"Phạm Minh Chính".*"role":"Thủ tướng"' "$T/held.json" \
  || fail "--relation holds_position lost the posts without organization"
"$BOMAY" export --db "$db" --format json --relation part_of -o "$T/part.json" \
  || fail "export --relation part_of"
grep -q 'Phạm Minh Chính' "$T/part.json" && fail "--relation part_of kept a person with posts only"

# Standard output works as -o does.
"$BOMAY" export --db "$db" --format json >"$T/stdout.json" || fail "export to stdout"
cmp -s "$T/stdout.json" "$T/fixture.json" || fail "stdout differs from -o"
pass
