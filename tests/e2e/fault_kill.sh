#!/usr/bin/env bash
# Faults: `bomay ingest` killed with SIGKILL at 20 random points (fresh
# databases, replacements of changed documents, and documents extracted on
# the way).  Every time the database passes integrity_check and
# foreign_key_check, keeps whole batches only, and a re-run reaches the
# counts of a clean run.  (graph_fault.sh kills once, after 200 documents.)
# KILL_SEED=N replays one sequence of kill points.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"
RANDOM=${KILL_SEED:-$$}
echo "kill seed: ${KILL_SEED:-$$}"

gen_records a.jsonl 600
# the same documents, a third of them changed: replacements
awk 'NR % 3 == 0 { sub(/"Giám đốc"/, "\"Phó Giám đốc\"") } { print }' a.jsonl > b.jsonl
# documents (extraction inside ingest), from the fixture texts
python3 - "$SRC/fixtures/text" > d.jsonl <<'PY'
import json, os, sys
d = sys.argv[1]
texts = [open(os.path.join(d, n), encoding="utf-8").read() for n in sorted(os.listdir(d)) if n.endswith(".txt")]
for i in range(150):
    print(json.dumps({"id": "d%d" % i, "date": "2020-01-%02d" % (i % 28 + 1), "text": texts[i % len(texts)] + " (bài %d)" % i}, ensure_ascii=False))
PY

now_ms() { echo $(($(date +%s%N) / 1000000)); }
ingest() { "$BOMAY" ingest -q --batch 20 --db "$@"; }
# counts and what the relations say: equal graphs give equal lines
state() {
  echo "$(counts "$1") $(sql "$1" "SELECT group_concat(r, ';') FROM (SELECT role || '=' || count(*) || '/' || sum(n_evidence) AS r FROM relations GROUP BY role ORDER BY role)")"
}

# clean runs: the counts to reach, and how long each takes
t0=$(now_ms); ingest A.db --records a.jsonl || fail "clean ingest a"; t1=$(now_ms)
cp A.db AB.db
ingest AB.db --records b.jsonl || fail "clean ingest b over a"; t2=$(now_ms)
ingest D.db d.jsonl || fail "clean ingest of documents"; t3=$(now_ms)
want_a=$(state A.db); want_ab=$(state AB.db); want_d=$(state D.db)
[ "$want_a" != "$want_ab" ] || fail "b.jsonl changes nothing"
dur=($((t1 - t0)) $((t2 - t1)) $((t3 - t2)))
echo "clean runs: ${dur[*]} ms; counts a: $want_a, a+b: $want_ab, d: $want_d"

killed=0
for i in $(seq 1 20); do
  mode=$((i % 3))
  case $mode in
    0) args=(--records a.jsonl); want=$want_a ;;
    1) args=(--records b.jsonl); want=$want_ab ;;
    2) args=(d.jsonl); want=$want_d ;;
  esac
  # a point within the clean run's time; when the run ended before it (the
  # machine got faster), again at half the time, up to 4 tries
  ms=$((RANDOM % (dur[mode] + 1)))
  for try in 1 2 3 4; do
    rm -f k.db k.db-wal k.db-shm
    [ "$mode" = 1 ] && cp A.db k.db
    # not through a function: kill must hit bomay, not a subshell
    "$BOMAY" ingest -q --batch 20 --db k.db "${args[@]}" 2>/dev/null &
    pid=$!
    sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
    if kill -9 "$pid" 2>/dev/null; then
      wait "$pid" 2>/dev/null
      killed=$((killed + 1))
      break
    fi
    wait "$pid" 2>/dev/null
    ms=$((ms / 2))
  done
  if [ -f k.db ]; then
    integrity_ok k.db
    fk=$(sqlite3 k.db 'PRAGMA foreign_key_check' | wc -l)
    expect_eq "$fk" 0 "kill $i: foreign key violations"
    if [ "$mode" = 0 ]; then
      # only whole batches of 20: the documents are a prefix of the input
      n=0  # killed before the schema was in: no table yet
      [ "$(sql k.db "SELECT count(*) FROM sqlite_master WHERE name = 'documents'")" = 1 ] &&
        n=$(sql k.db 'SELECT count(*) FROM documents')
      [ $((n % 20)) -eq 0 ] || [ "$n" -eq 600 ] || fail "kill $i: $n documents, not whole batches"
      last=$(sql k.db "SELECT count(*) FROM documents WHERE doc IN ('g0', 'g$((n > 0 ? n - 1 : 0))')")
      [ "$n" -eq 0 ] || expect_eq "$last" 2 "kill $i: the first $n documents"
    fi
  fi
  ingest k.db "${args[@]}" 2>err || fail "kill $i: re-run failed: $(cat err)"
  expect_eq "$(state k.db)" "$want" "kill $i (mode $mode, ${ms} ms): the graph after the re-run"
  integrity_ok k.db
done
echo "killed $killed of 20 runs before they ended"
[ "$killed" -ge 16 ] || fail "only $killed kills landed during an ingest"
pass
