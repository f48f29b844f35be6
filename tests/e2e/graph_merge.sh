#!/usr/bin/env bash
# bomay merge: shards merged in either order give the same graph (counts and
# canonical names), and a merge of shards equals one ingest of everything.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
cd "$T"
write_records r.jsonl
gen_records g.jsonl 200
cat r.jsonl g.jsonl > all.jsonl
# three shards, cut across the documents that share names
awk 'NR % 3 == 0' all.jsonl > s1.jsonl
awk 'NR % 3 == 1' all.jsonl > s2.jsonl
awk 'NR % 3 == 2' all.jsonl > s3.jsonl
for s in s1 s2 s3; do "$BOMAY" ingest -q --db $s.db --records $s.jsonl || fail "shard $s"; done
"$BOMAY" ingest -q --db whole.db --records all.jsonl || fail "whole"

"$BOMAY" merge --db m123.db s1.db s2.db s3.db 2>err
expect_status $? 0 "merge 1 2 3"
expect_contains "$(cat err)" "merged 203 documents from 3 databases into m123.db"
"$BOMAY" merge -q --db m321.db s3.db s2.db s1.db || fail "merge 3 2 1"
"$BOMAY" merge -q --db m2.db s2.db || fail "merge 2"
"$BOMAY" merge -q --db m2.db s3.db s1.db || fail "merge 3 1 into 2"

names() {
  python3 -c 'import sqlite3,sys
c = sqlite3.connect(sys.argv[1])
print(";".join(r[0] for r in c.execute("select type||\":\"||name from entities order by 1")))
# cooperates_with is unordered: its two names in byte order
print(";".join(str(r) for r in c.execute("select r.type, min(s.name, coalesce(o.name,\"\")), max(s.name, coalesce(o.name,\"\")), coalesce(role,\"\"), status, first_seen, last_seen, n_evidence from relations r join entities s on s.id=r.subject left join entities o on o.id=r.object where r.type = \"cooperates_with\" union all select r.type, s.name, coalesce(o.name,\"\"), coalesce(role,\"\"), status, first_seen, last_seen, n_evidence from relations r join entities s on s.id=r.subject left join entities o on o.id=r.object where r.type <> \"cooperates_with\" order by 1,2,3,4")))' "$1"
}
want=$(counts whole.db)
for m in m123 m321 m2; do
  expect_eq "$(counts $m.db)" "$want" "counts of $m"
  [ "$(names $m.db)" = "$(names whole.db)" ] || fail "$m: names or relations differ from one ingest"
done
out=$("$BOMAY" query --db m321.db who TANDTC)
expect_contains "$out" "Tòa án nhân dân tối cao"

"$BOMAY" merge --db s1.db s1.db 2>err
expect_status $? 3 "merge into itself"
expect_contains "$(cat err)" "is the output database itself"
"$BOMAY" merge --db x.db nothere.db 2>err
expect_status $? 3 "missing shard"
expect_contains "$(cat err)" "nothere.db"
"$BOMAY" merge 2>/dev/null; expect_status $? 2 "merge without shards"

# A damaged database is named, whichever it is: a shard that is SQLite but
# lacks a bomay table, a shard of garbage pages, the output of garbage pages.
garbage() { # db: every page after the first overwritten
  python3 -c '
import random, sys
random.seed(1)
with open(sys.argv[1], "r+b") as f:
    size = f.seek(0, 2)
    f.seek(4096)
    f.write(bytes(random.getrandbits(8) for _ in range(size - 4096)))' "$1"
}
cp s1.db norules.db && sqlite3 norules.db 'DROP TABLE rules'
cp s1.db nodocs.db && sqlite3 nodocs.db 'DROP TABLE documents'
cp s1.db bad.db && garbage bad.db
for shard in norules.db nodocs.db bad.db; do
  rm -f out.db
  "$BOMAY" merge --db out.db s2.db $shard 2>err
  expect_status $? 3 "merge of the damaged shard $shard"
  expect_contains "$(cat err)" "bomay: $shard: "
  expect_eq "$(wc -l <err)" 1 "lines of the message about $shard"
done
cp s1.db badout.db && garbage badout.db
"$BOMAY" merge --db badout.db s2.db 2>err
expect_status $? 3 "merge into a damaged database"
expect_contains "$(cat err)" "bomay: badout.db: "
pass
