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

# Standard output works as -o does.
"$BOMAY" export --db "$db" --format json >"$T/stdout.json" || fail "export to stdout"
cmp -s "$T/stdout.json" "$T/fixture.json" || fail "stdout differs from -o"
pass
