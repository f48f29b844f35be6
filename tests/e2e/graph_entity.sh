#!/usr/bin/env bash
# bomay entity: corrections through the command line, kept over a later
# ingest, listed, and undone.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
cd "$T"
write_records r.jsonl
head -1 r.jsonl > first.jsonl
tail -n +2 r.jsonl > rest.jsonl
"$BOMAY" ingest -q --records first.jsonl || fail "ingest"
echo '{"doc":"x","entities":[{"id":"e1","type":"ORG","name":"Tòa Tối cao"}]}' > x.jsonl
"$BOMAY" ingest -q --records x.jsonl || fail "ingest x"
e() { "$BOMAY" entity "$@"; }

e merge TANDTC "toa toi cao"; expect_status $? 0 "merge"
e rename TANDTC "Tòa án Tối cao"; expect_status $? 0 "rename"
e alias add "Tòa án Tối cao" "TATC"; expect_status $? 0 "alias add"
"$BOMAY" ingest -q --records rest.jsonl || fail "ingest the rest"
out=$("$BOMAY" query who TATC)
expect_contains "$out" "Tòa án Tối cao"
expect_contains "$out" "Phạm Quốc Hưng"
out=$(e rules)
expect_contains "$out" "#1 "
expect_contains "$out" "merge ORG \"TANDTC\" \"Tòa Tối cao\""
expect_contains "$out" "rename ORG"
expect_contains "$out" "alias_add ORG"

e split "Nguyễn Văn Du" --doc c; expect_status $? 0 "split"
n=$("$BOMAY" query search "nguyen van du" --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq "$n" "2" "search finds both after a split"
out=$("$BOMAY" query positions "Nguyễn Văn Du")
case "$out" in *"Giảng viên"*) fail "the split document's post stayed" ;; esac
e undo; expect_status $? 0 "undo the split"
out=$("$BOMAY" query positions "Nguyễn Văn Du")
expect_contains "$out" "Giảng viên"
expect_contains "$(e rules)" "(undone)"

e delete "Bộ Tư pháp"; expect_status $? 0 "delete"
"$BOMAY" query who "Bộ Tư pháp" 2>/dev/null; expect_status $? 1 "deleted entity"

e merge "Học viện Tòa án" TANDTC 2>err; expect_status $? 1 "ambiguous merge"
expect_contains "$(cat err)" "candidates"
e undo 99 2>err; expect_status $? 1 "undo an unknown rule"
e rename 2>/dev/null; expect_status $? 2 "rename without names"
e frob x 2>/dev/null; expect_status $? 2 "unknown action"
pass
