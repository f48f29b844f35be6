#!/usr/bin/env bash
# Faults: the disk fills up during `bomay ingest` (a 1 MiB tmpfs when this
# runs as root and may mount; else a file size limit, ulimit -f, which fails
# writes with EFBIG).  Ingest stops with a clear error (exit 3), the database
# passes integrity_check and holds every batch committed before the fault,
# reads still work, and once there is room a re-run completes the graph.
# Writing an export or extract output to the full disk fails with exit 3.
# FAULT_FULL_BY=ulimit tests the fallback.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"
gen_records g.jsonl 2000
"$BOMAY" ingest -q --db clean.db --records g.jsonl || fail "clean ingest"
want=$(counts clean.db)

mkdir full
how=ulimit
if [ "${FAULT_FULL_BY:-tmpfs}" = tmpfs ] && [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=1M bomay-test "$T/full" 2>/dev/null; then
  how=tmpfs
  trap 'umount "$T/full" 2>/dev/null; rm -rf "$T"' EXIT
fi
echo "disk full by: $how"

ingest_full() {
  if [ "$how" = tmpfs ]; then
    run "ingest on a full disk" "$BOMAY" ingest --db full/f.db --batch 100 --records g.jsonl
  else
    # 1 MiB at most per file; SIGXFSZ ignored so that writes fail with EFBIG
    run "ingest over the file size limit" bash -c 'trap "" XFSZ; ulimit -f 1024; exec "$@"' \
      sh "$BOMAY" ingest --db full/f.db --batch 100 --records g.jsonl
  fi
}
ingest_full
expect_exit 3 "ingest when the disk fills"
expect_err "bomay: full/f.db: "
case $how in
  tmpfs) expect_err "database or disk is full" ;;
  ulimit) expect_err "disk I/O error" ;;
esac
integrity_ok full/f.db
n=$(sql full/f.db 'SELECT count(*) FROM documents')
echo "documents committed before the fault: $n"
[ "$n" -ge 100 ] || fail "no batch committed before the disk filled ($n documents)"
[ "$n" -lt 2000 ] || fail "the disk never filled"
# whole batches, in input order: g0 .. g(n-1), each with its relations
expect_eq "$((n % 100))" 0 "whole batches"
expect_eq "$(sql full/f.db "SELECT count(*) FROM documents WHERE CAST(substr(doc, 2) AS INTEGER) < $n")" "$n" "the first $n documents"
expect_eq "$(sql full/f.db 'SELECT count(*) FROM relations WHERE n_evidence = 0')" 0 "relations without evidence"
fk=$(sqlite3 full/f.db 'PRAGMA foreign_key_check' | wc -l)
expect_eq "$fk" 0 "foreign key violations"

# reads work on the full disk
run "query on a full disk" "$BOMAY" query --db full/f.db stats
expect_exit 0 "query on a full disk"
expect_contains "$(cat "$T/err")$("$BOMAY" query --db full/f.db stats 2>/dev/null)" "documents  $n"

# outputs to the full disk fail cleanly
if [ "$how" = tmpfs ]; then
  head -c 2000000 /dev/zero > full/filler 2>/dev/null
  run "export to a full disk" "$BOMAY" export --db full/f.db -f graphml -o full/x.graphml
  expect_exit 3 "export to a full disk"
  expect_err "bomay: full/x.graphml: write error"
  run "extract to a full disk" "$BOMAY" extract -q "$SRC/fixtures/text" -o full/r.jsonl
  expect_exit 3 "extract to a full disk"
  expect_err "bomay: full/r.jsonl: write error"
  rm -f full/filler full/x.graphml full/r.jsonl
  mount -o remount,size=64M "$T/full" || fail "cannot grow the tmpfs"
fi
run "ingest again with room" "$BOMAY" ingest -q --db full/f.db --batch 100 --records g.jsonl
expect_exit 0 "re-run with room"
expect_eq "$(counts full/f.db)" "$want" "counts after the re-run"
integrity_ok full/f.db
pass
