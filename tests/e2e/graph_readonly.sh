#!/usr/bin/env bash
# The read-only commands (query, export, render, and merge's shards) leave no
# -wal or -shm file beside a database they only read, and read right: a
# closed database, one whose WAL still holds commits (a writer that died
# before its checkpoint), and one an ingest is writing while they read.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"
write_records r.jsonl
gen_records g.jsonl 200
"$BOMAY" ingest -q --db g.db --records r.jsonl g.jsonl || fail "ingest"
# the ingest's close checkpointed; what it may have left goes
sqlite3 g.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
rm -f g.db-wal g.db-shm
want_docs=$(sql g.db 'SELECT count(*) FROM documents')
want_nodes=$(sql g.db 'SELECT count(*) FROM entities')
rm -f g.db-wal g.db-shm # sqlite3 removes them; to be sure

no_side_files() { # db what
  for f in "$1-wal" "$1-shm"; do
    [ ! -e "$f" ] || fail "$2 left $f"
  done
}
# nodes in a JSON export
json_nodes() { python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["nodes"]))' "$1"; }

# every reading command, one at a time, on the closed database
while read -r -a cmd; do
  run "${cmd[*]}" "$BOMAY" "${cmd[@]}"
  expect_exit 0 "${cmd[*]}"
  no_side_files g.db "${cmd[*]}"
done <<CMDS
query --db g.db stats --json
query --db g.db who TANDTC
query --db g.db who TANDTC --deep --json
query --db g.db search Hưng
export --db g.db -f json -o g.json
export --db g.db -f graphml -o g.graphml
export --db g.db -f dot -o g.dot
export --db g.db -f csv -o g.csv
export --db g.db -f json --focus TANDTC -o focus.json
render --db g.db --focus TANDTC -o g.svg
merge -q --db m.db g.db
CMDS
expect_eq "$("$BOMAY" query --db g.db stats --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["documents"])')" \
  "$want_docs" "documents read"
no_side_files g.db "query stats"
expect_eq "$(json_nodes g.json)" "$want_nodes" "nodes exported"
expect_eq "$(sql m.db 'SELECT count(*) FROM documents')" "$want_docs" "documents merged"
xmllint --noout g.svg || fail "render gave no SVG"

# a WAL that still holds a commit: a writer died before its checkpoint.
# The commit is read; the files were there before, so they may stay.
cp g.db w.db
python3 - w.db <<'PY'
import os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA journal_mode = WAL")
c.execute("UPDATE entities SET name = 'Tên trong WAL' WHERE id = 1")
os._exit(0)  # no close, no checkpoint
PY
[ -s w.db-wal ] || fail "the dying writer left no WAL"
run "export of a WAL with a commit" "$BOMAY" export --db w.db -f json -o w.json
expect_exit 0 "export of a WAL with a commit"
grep -q 'Tên trong WAL' w.json || fail "the export misses the commit in the WAL"
"$BOMAY" query --db w.db neighbors '#1' | grep -q 'Tên trong WAL' \
  || fail "query misses the commit in the WAL"
integrity_ok w.db

# an ingest writing while they read: reads see its commits and never fail
mkfifo feed
"$BOMAY" ingest -q --batch 20 --db g.db --records - <feed & writer=$!
exec 3>feed
head -40 g.jsonl | sed 's/"doc":"g/"doc":"live/' >&3
for _ in $(seq 100); do
  n=$(sql g.db "SELECT count(*) FROM documents WHERE doc LIKE 'live%'" 2>/dev/null)
  [ "$n" = 40 ] && break
  sleep 0.1
done
expect_eq "$n" 40 "documents the live ingest committed"
run "export beside a writer" "$BOMAY" export --db g.db -f json -o live.json
expect_exit 0 "export beside a writer"
expect_eq "$(json_nodes live.json)" "$(sql g.db 'SELECT count(*) FROM entities')" \
  "nodes exported beside a writer"
run "query beside a writer" "$BOMAY" query --db g.db stats --json
expect_exit 0 "query beside a writer"
exec 3>&-
wait $writer
expect_status $? 0 "the live ingest"
expect_eq "$(sql g.db "SELECT count(*) FROM documents")" "$((want_docs + 40))" \
  "documents after the live ingest"
integrity_ok g.db
"$BOMAY" query --db g.db stats >/dev/null || fail "query after the live ingest"
no_side_files g.db "the last reader after the writer"
pass
