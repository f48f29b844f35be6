#!/usr/bin/env bash
# A `bomay ingest` killed with SIGKILL mid-run leaves a database that passes
# PRAGMA integrity_check, and a re-run reaches the counts of a clean run.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
cd "$T"
gen_records g.jsonl 2000

"$BOMAY" ingest -q --db clean.db --records g.jsonl || fail "clean ingest"
want=$(counts clean.db)

"$BOMAY" ingest -q --db killed.db --batch 20 --records g.jsonl &
pid=$!
# wait until some batches are in, then kill without warning
for _ in $(seq 1 400); do
  n=$(python3 -c 'import sqlite3,sys
try:
    print(sqlite3.connect(sys.argv[1], timeout=5).execute("select count(*) from documents").fetchone()[0])
except Exception:
    print(0)' killed.db 2>/dev/null)
  [ "${n:-0}" -gt 100 ] && break
  sleep 0.02
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
[ "${n:-0}" -gt 100 ] || fail "the ingest never committed a batch"

check=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' killed.db)
expect_eq "$check" "ok" "integrity_check after SIGKILL"
part=$(counts killed.db)
[ "$part" != "$want" ] || echo "note: the ingest had finished before the kill"

"$BOMAY" ingest -q --db killed.db --records g.jsonl
expect_status $? 0 "re-run after the kill"
expect_eq "$(counts killed.db)" "$want" "counts after the re-run"
fk=$(python3 -c 'import sqlite3,sys; print(len(sqlite3.connect(sys.argv[1]).execute("pragma foreign_key_check").fetchall()))' killed.db)
expect_eq "$fk" "0" "foreign key violations"
pass
