#!/usr/bin/env bash
# Two `bomay ingest` processes writing one database at once both finish,
# and nothing is lost: the counts equal those of one ingest of everything.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
cd "$T"
gen_records all.jsonl 2000
head -1000 all.jsonl > one.jsonl
tail -n +1001 all.jsonl > two.jsonl

"$BOMAY" ingest -q --db seq.db --records all.jsonl || fail "sequential ingest"
want=$(counts seq.db)

"$BOMAY" ingest -q --db shared.db --batch 20 --records one.jsonl & p1=$!
"$BOMAY" ingest -q --db shared.db --batch 20 --records two.jsonl & p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
expect_status $s1 0 "first ingest"
expect_status $s2 0 "second ingest"
expect_eq "$(counts shared.db)" "$want" "counts of the concurrent ingests"
pass
