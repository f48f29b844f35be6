#!/usr/bin/env bash
# bomay query: who (--deep), positions, neighbors, path with evidence,
# accent-free search, stats, ambiguous names and --json.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
cd "$T"
write_records r.jsonl
"$BOMAY" ingest -q --db g.db --records r.jsonl || fail "ingest"
q() { "$BOMAY" query --db g.db "$@"; }

out=$(q who TANDTC); expect_status $? 0 "who"
expect_contains "$out" "Phạm Quốc Hưng"
expect_contains "$out" "Phó Chánh án"
expect_contains "$out" "2017-03-01"
case "$out" in *"Nguyễn Văn Du"*) fail "who without --deep lists a sub-unit's people" ;; esac
out=$(q who --deep "tòa án nhân dân tối cao")
expect_contains "$out" "Nguyễn Văn Du"
expect_contains "$out" "Giảng viên"

# who held a post there in a given year: first/last seen around it
out=$(q who TANDTC --at 2017)
expect_contains "$out" "Phạm Quốc Hưng"
out=$(q who TANDTC --at 2018-06)
case "$out" in *"Phạm Quốc Hưng"*) fail "who --at 2018-06 lists a post seen only in 2017" ;; esac
q who TANDTC --at 17 2>/dev/null; expect_status $? 2 "bad --at"

out=$(q positions "nguyen van du")
expect_contains "$out" "Thứ trưởng"
expect_contains "$out" "Bộ Tư pháp"

out=$(q path "Phạm Quốc Hưng" "Bộ Tư pháp"); expect_status $? 0 "path"
expect_contains "$out" "1. Phạm Quốc Hưng -[holds_position: Phó Chánh án]-> Tòa án nhân dân tối cao"
expect_contains "$out" "\"Phó Chánh án TANDTC Phạm Quốc Hưng phát biểu.\" (a)"
expect_contains "$out" "\"Bộ Tư pháp phối hợp với TANDTC.\" (b)"
n=$(q --json path "Phạm Quốc Hưng" "Nguyễn Văn Du" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
expect_eq "$n" "3" "hops from Phạm Quốc Hưng to Nguyễn Văn Du"
q path "Phạm Quốc Hưng" "Nguyễn Văn Du" --depth 2 >/dev/null 2>err
expect_status $? 1 "no path within 2 hops"
expect_contains "$(cat err)" "no path within 2 hops"

out=$(q neighbors TANDTC); expect_status $? 0 "neighbors"
expect_eq "$(printf '%s\n' "$out" | grep -c '^1 ')" "3" "relations at one hop"
out=$(q neighbors TANDTC --depth 2)
expect_eq "$(printf '%s\n' "$out" | grep -c '^2 ')" "2" "relations at two hops"

out=$(q search "pham quoc hung"); expect_status $? 0 "search"
expect_contains "$out" "Phạm Quốc Hưng"
out=$(q search "TOA AN")
expect_contains "$out" "Tòa án nhân dân tối cao"
q search "không có ai" >/dev/null 2>&1; expect_status $? 1 "search without a match"

# a name of two entities (an ORG and a LOC here) lists both
q neighbors "Học viện Tòa án" >/dev/null 2>err
expect_status $? 1 "ambiguous name"
expect_contains "$(cat err)" "'Học viện Tòa án' names 2 entities"
expect_contains "$(cat err)" " ORG Học viện Tòa án"
expect_contains "$(cat err)" " LOC Học viện Tòa án"
id=$(sed -n 's/^  #\([0-9]*\) ORG .*/\1/p' err)
out=$(q neighbors "#$id"); expect_status $? 0 "neighbors by #ID"
expect_contains "$out" "part_of"
q who "Không Tồn Tại" 2>err; expect_status $? 1 "unknown name"
expect_contains "$(cat err)" "no entity named 'Không Tồn Tại'"

out=$(q stats); expect_contains "$out" "documents  3"
q --json who TANDTC | python3 -c '
import json, sys
rows = json.load(sys.stdin)
assert rows[0]["subject"]["name"] == "Phạm Quốc Hưng", rows
assert rows[0]["role"] == "Phó Chánh án" and rows[0]["n_evidence"] == 1
' || fail "who --json"

q frobnicate 2>/dev/null; expect_status $? 2 "unknown question"
q path onlyone 2>/dev/null; expect_status $? 2 "path with one name"
q neighbors x --depth zero 2>/dev/null; expect_status $? 2 "bad --depth"
pass
