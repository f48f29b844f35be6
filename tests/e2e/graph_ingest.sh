#!/usr/bin/env bash
# bomay ingest: records and documents in, idempotence, replacement, the
# summary, skipped inputs, and databases it must refuse with a message.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
cd "$T"
write_records r.jsonl

"$BOMAY" ingest --records r.jsonl 2>err
expect_status $? 0 "ingest records"
[ -f bomay.db ] || fail "no bomay.db in the current directory"
expect_contains "$(cat err)" "ingested 3 documents into bomay.db (3 new, 0 replaced, 0 unchanged): +6 entities, +5 relations; 0 skipped"
expect_eq "$(counts bomay.db)" "3 6 5 5 7" "counts after the first ingest"

"$BOMAY" ingest --records r.jsonl 2>err
expect_status $? 0 "ingest again"
expect_contains "$(cat err)" "(0 new, 0 replaced, 3 unchanged): +0 entities, +0 relations"
expect_eq "$(counts bomay.db)" "3 6 5 5 7" "counts after the same records again"

# a changed document replaces what it gave
sed 's/"Giảng viên"/"Trưởng khoa"/' r.jsonl | grep '"doc":"c"' > c2.jsonl
"$BOMAY" ingest --records c2.jsonl 2>err
expect_contains "$(cat err)" "(0 new, 1 replaced, 0 unchanged)"
out=$("$BOMAY" query positions "Nguyễn Văn Du")
expect_contains "$out" "Trưởng khoa"
case "$out" in *"Giảng viên"*) fail "the replaced post is still there" ;; esac

# records through a pipe, from extract's own output
printf '%s\n' "Phó Chánh án TANDTC Phạm Quốc Hưng dự hội nghị." > one.txt
"$BOMAY" extract -q one.txt | "$BOMAY" ingest --db piped.db --records - 2>err
expect_status $? 0 "extract | ingest --records -"
expect_eq "$("$BOMAY" query --db piped.db stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])')" "1" "piped documents"

# documents: extraction inside ingest
"$BOMAY" ingest --db docs.db one.txt 2>err
expect_status $? 0 "ingest a text file"
expect_contains "$(cat err)" "ingested 1 documents into docs.db (1 new"

# skipped inputs: a bad record line and a missing file, exit 1, reasons
{ head -1 r.jsonl; echo '{"doc": "x", "entities": [{"id": "e1"}]}'; echo 'not json'; } > bad.jsonl
"$BOMAY" ingest --db bad.db --records bad.jsonl missing.jsonl 2>err
expect_status $? 1 "some input skipped"
expect_contains "$(cat err)" "bomay: bad.jsonl:2: an entity without a"
expect_contains "$(cat err)" "bomay: bad.jsonl:3: not JSON"
expect_contains "$(cat err)" "bomay: missing.jsonl: cannot open"
expect_contains "$(cat err)" "1 documents"
expect_contains "$(cat err)" "3 skipped (2 malformed record, 1 not found)"

# databases refused with a message, never a crash
echo "this is not a database, just some text that is long enough" > notdb.db
"$BOMAY" ingest --db notdb.db --records r.jsonl 2>err
expect_status $? 3 "not a database"
expect_contains "$(cat err)" "bomay: notdb.db: "
expect_contains "$(cat err)" "not a bomay database"
cp bomay.db newer.db
python3 -c 'import sqlite3; c = sqlite3.connect("newer.db"); c.execute("PRAGMA user_version = 42"); c.commit()'
"$BOMAY" query --db newer.db stats 2>err
expect_status $? 3 "newer schema"
expect_contains "$(cat err)" "schema version 42"
# an older schema: a query upgrades it (the file can be written) and answers
cp bomay.db older.db
python3 -c 'import sqlite3; c = sqlite3.connect("older.db"); c.execute("ALTER TABLE aliases DROP COLUMN named"); c.execute("ALTER TABLE aliases DROP COLUMN form_n"); c.execute("DROP TABLE alias_forms"); c.execute("PRAGMA user_version = 2"); c.commit()'
out=$("$BOMAY" query --db older.db stats); expect_status $? 0 "query of an older schema"
expect_contains "$out" "documents  3"
expect_eq "$(python3 -c 'import sqlite3; print(sqlite3.connect("older.db").execute("PRAGMA user_version").fetchone()[0])')" "4" "upgraded version"
"$BOMAY" query --db nothere.db stats 2>err
expect_status $? 3 "missing database"
expect_contains "$(cat err)" "bomay: nothere.db: no such database"
if [ "$(id -u)" != 0 ]; then
  cp bomay.db ro.db; chmod 444 ro.db
  "$BOMAY" ingest --db ro.db --records r.jsonl 2>err
  expect_status $? 3 "read-only database"
  expect_contains "$(cat err)" "read-only"
fi
head -c 3000 bomay.db > cut.db
"$BOMAY" query --db cut.db stats 2>err
st=$?
[ $st -eq 3 ] || [ $st -eq 0 ] || fail "truncated database: exit $st"

"$BOMAY" ingest 2>/dev/null; expect_status $? 2 "ingest without input"
"$BOMAY" ingest --bogus x 2>/dev/null; expect_status $? 2 "unknown option"
out=$("$BOMAY" ingest --help); expect_contains "$out" "usage: bomay ingest"
pass
