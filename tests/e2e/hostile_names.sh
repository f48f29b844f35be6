#!/usr/bin/env bash
# Hostile names end to end: quotes, backslashes, markup, SQL fragments, DOT
# keywords, control characters, bidi marks and joiners go from records (and
# from text) into the database, through queries, and out in every format:
# the database stays whole (no statement is ever built from a name), each
# export is read back by its own tool, and every name comes back intact (or,
# where a format cannot hold a character, with U+FFFD in its place).
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"

python3 - > names.jsonl <<'PY'
import json
names = [
    "'); DROP TABLE entities;--",
    "Robert'); DELETE FROM relations WHERE ('1'='1",
    "\" OR 1=1 --",
    "a'b\"c\\d<e>f&g;h",
    "node", "graph", "subgraph", "digraph", "edge", "strict",
    "}; node [shape=box]; {",
    "<![CDATA[x]]>&amp;&#0;</graphml>",
    "tab\there",
    "ctl\x01\x02\x1f\x7f",
    "\u202eRTL override\u200f mark",
    "ZWJ\u200djoined\u200cZWNJ",
    "C:\\new\\",
    "%s%n%x",
    "\U0001F1FB\U0001F1F3 flag",
    "-1.5",
    "\ufeff",
]
people = [n + " (người)" for n in names]
for i, n in enumerate(names):
    rec = {"doc": "h%d" % i, "date": "2024-01-%02d" % (i + 1),
           "entities": [{"id": "o", "type": "ORG", "name": n, "aliases": ["HN%d" % i]},
                        {"id": "p", "type": "PERSON", "name": people[i]},
                        {"id": "q", "type": "ORG", "name": names[(i + 1) % len(names)]}],
           "relations": [{"type": "holds_position", "subject": "p", "object": "o",
                          "role": n,
                          "evidence": {"start": 0, "end": 10, "text": "câu " + n}},
                         {"type": "part_of", "subject": "o", "object": "q"}]}
    print(json.dumps(rec, ensure_ascii=(i % 2 == 0)))
# a name of nothing but a BOM gives way to its alias as the canonical name;
# it stays as a role (an edge label in DOT)
with open("names.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(n for n in names if n != "\ufeff") + "\n")
PY
n_names=$(($(wc -l < names.txt) + 1))

run "ingest" "$BOMAY" ingest -q --db h.db --records names.jsonl
expect_exit 0 "ingest hostile names"
integrity_ok h.db
expect_eq "$(sql h.db "SELECT count(*) FROM sqlite_master WHERE name IN ('entities', 'relations', 'documents')")" 3 "tables after SQL-like names"
expect_eq "$(sql h.db 'SELECT count(*) FROM entities')" "$((2 * n_names))" "entities"
expect_eq "$(sql h.db 'SELECT count(*) FROM relations')" "$((2 * n_names))" "relations"
# stored byte for byte
python3 - h.db names.txt <<'PY' || fail "names not stored as given"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
stored = {r[0] for r in db.execute("SELECT name FROM entities WHERE type = 'ORG'")}
names = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]
missing = [n for n in names if n not in stored]
assert not missing, missing
PY

# queries by each name (and alias) find it
i=0
while IFS= read -r name; do
  run "query $name" "$BOMAY" query --db h.db who -- "$name"
  [ "$ST" -eq 0 ] || fail "query who '$name': exit $ST: $ERR"
  "$BOMAY" query --db h.db --json neighbors "HN$i" > q.json 2>"$T/err" ||
    fail "query neighbors HN$i ($name): $(cat "$T/err")"
  python3 -c 'import json,sys; json.load(open(sys.argv[1]))' q.json || fail "neighbors HN$i: not JSON"
  i=$((i + 1))
done < names.txt
run "search" "$BOMAY" query --db h.db --json search "drop table"
expect_exit 0 "search for SQL"
run "no such name" "$BOMAY" query --db h.db who "' OR '1'='1"
expect_exit 1 "a name that is SQL"
expect_err "bomay: "

# every export, read back by its own tool
for f in dot graphml json csv; do
  run "export $f" "$BOMAY" export --db h.db -f "$f" -o "h.$f"
  expect_exit 0 "export $f"
done
run "export dot --cluster" "$BOMAY" export --db h.db -f dot --cluster -o hc.dot
expect_exit 0 "export dot --cluster"
for d in h.dot hc.dot; do
  dot -Tjson "$d" > "$d.json" 2>"$d.err" || fail "$d: Graphviz cannot read it: $(head -c 300 "$d.err")"
done
if [ -f "${SHARED:-/nonexistent}/graphml-xsd/graphml.xsd" ]; then
  xmllint --noout --nonet --schema "$SHARED/graphml-xsd/graphml.xsd" h.graphml 2>xsd.err ||
    fail "h.graphml: not valid GraphML: $(head -c 300 xsd.err)"
else
  xmllint --noout h.graphml || fail "h.graphml: not XML"
fi
python3 - names.txt <<'PY' || fail "a name did not come back from an export"
import csv, json, sys
import xml.etree.ElementTree as ET
names = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
def clean(s):  # what XML and DOT labels cannot hold becomes U+FFFD
    return "".join("\ufffd" if (ord(c) < 32 and c not in "\t\n\r") else c for c in s)
def clean_dot(s):  # and a BOM, which Graphviz would read back as nothing
    return clean(s).replace("\ufeff", "\ufffd")
def check(fmt, got, fix=lambda s: s):
    missing = [n for n in names if fix(n) not in got]
    assert not missing, (fmt, missing)
j = json.load(open("h.json", encoding="utf-8"))
check("json", {n["name"] for n in j["nodes"]})
rows = list(csv.DictReader(open("h.csv", encoding="utf-8", newline="")))
check("csv", {r["name"] for r in rows if r["kind"] == "node"})
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse("h.graphml").getroot()
keys = {k.get("id"): k.get("attr.name") for k in root.iter("{%s}key" % ns["g"])}
got = set()
for node in root.iter("{%s}node" % ns["g"]):
    for d in node.findall("g:data", ns):
        if keys.get(d.get("key")) == "name":
            got.add(d.text or "")
check("graphml", got, clean)
for d in ("h.dot.json", "hc.dot.json"):
    g = json.load(open(d, encoding="utf-8"))
    labels = {o.get("label", "").replace("\\\\", "\\") for o in g.get("objects", []) if "nodes" not in o}
    check(d, labels, clean_dot)
PY

# a picture around a hostile name
run "render" "$BOMAY" render --db h.db --focus "'); DROP TABLE entities;--" -o h.svg
expect_exit 0 "render around a SQL name"
xmllint --noout h.svg || fail "h.svg: not XML"

# curation with hostile names: rules stored, listed, undone; the graph sound
run "alias add" "$BOMAY" entity --db h.db alias add HN0 "Robert'); DROP TABLE relations;--"
expect_exit 0 "alias add with SQL"
run "rename" "$BOMAY" entity --db h.db rename HN4 'subgraph cluster_x { a -> b }'
expect_exit 0 "rename to DOT"
run "merge" "$BOMAY" entity --db h.db merge HN1 HN2
expect_exit 0 "merge of SQL-named entities"
run "path" "$BOMAY" query --db h.db path "Robert'); DROP TABLE relations;--" HN3
expect_exit 0 "path from a SQL alias"
run "rules" "$BOMAY" entity --db h.db rules
expect_exit 0 "rules"
expect_contains "$("$BOMAY" entity --db h.db rules 2>&1)" "subgraph cluster_x { a -> b }"
run "undo" "$BOMAY" entity --db h.db undo
expect_exit 0 "undo"
integrity_ok h.db
expect_eq "$(sql h.db "SELECT count(*) FROM sqlite_master WHERE name IN ('entities', 'relations', 'documents')")" 3 "tables after curation"
"$BOMAY" export --db h.db -f dot -o c.dot || fail "export after curation"
dot -Tjson c.dot > /dev/null 2>&1 || fail "c.dot: Graphviz cannot read it"

# the same names in running text: extraction and ingest stay clean
{ while IFS= read -r name; do printf 'Ông %s, Giám đốc Sở %s, phát biểu.\n' "$name" "$name"; done < names.txt; } > text.txt
run "extract text" "$BOMAY" extract -q text.txt -o text.out
expect_exit 0 "extract hostile text"
jsonl_ok text.out
run "ingest text" "$BOMAY" ingest -q --db t.db text.txt
expect_exit 0 "ingest hostile text"
integrity_ok t.db
for f in dot graphml; do
  run "export text $f" "$BOMAY" export --db t.db -f "$f" -o "t.$f"
  expect_exit 0 "export $f of the text graph"
done
dot -Tjson t.dot >/dev/null 2>&1 || fail "t.dot: Graphviz cannot read it"
xmllint --noout t.graphml || fail "t.graphml: not XML"
pass
