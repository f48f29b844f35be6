#!/usr/bin/env bash
# Hostile databases: a newer schema version (every command refuses it and
# leaves the file as it was), corrupt files (pages of garbage, and 20
# seeded smaller corruptions: never a crash, a clean status and a message),
# a truncated file, an empty file, and a database on a read-only filesystem
# (root: a tmpfs remounted read-only; else chmod).  The graph tests cover a
# file that is not SQLite at all and the plain read-only file as non-root.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/graph_records.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"
write_records r.jsonl
gen_records g.jsonl 150
"$BOMAY" ingest -q --db good.db --records r.jsonl g.jsonl || fail "ingest"
want=$(counts good.db)

# every command on db FILE: "ARGS" lines; NAME stands for an entity
commands() {
  local db=$1
  cat <<CMDS
query --db $db stats
query --db $db who TANDTC
export --db $db -f graphml -o out.graphml
export --db $db -f dot -o out.dot
render --db $db --focus TANDTC -o out.svg
entity --db $db rules
entity --db $db rename TANDTC Tòa-án
ingest --db $db --records r.jsonl
merge --db $db good.db
merge --db merged.db $db
CMDS
}

# a newer schema version: refused by all, the file untouched
cp good.db newer.db
sqlite3 newer.db 'PRAGMA user_version = 42'
sum=$(sha256sum newer.db | cut -d' ' -f1)
while read -r -a cmd; do
  rm -f merged.db
  run "newer: ${cmd[*]}" "$BOMAY" "${cmd[@]}"
  expect_exit 3 "newer schema: ${cmd[*]}"
  expect_err "bomay: newer.db: the database has schema version 42"
  expect_err "use a newer bomay"
done < <(commands newer.db)
expect_eq "$(sha256sum newer.db | cut -d' ' -f1)" "$sum" "the newer database after every command"
[ -e newer.db-wal ] && [ -s newer.db-wal ] && fail "a WAL left with writes to the newer database"

# pages of garbage after the first: every command fails with a message
cp good.db bad.db
size=$(stat -c %s bad.db)
python3 -c '
import random, sys
random.seed(1)
with open(sys.argv[1], "r+b") as f:
    f.seek(4096)
    f.write(bytes(random.getrandbits(8) for _ in range(int(sys.argv[2]) - 4096)))' bad.db "$size"
while read -r -a cmd; do
  rm -f merged.db
  run "garbage: ${cmd[*]}" "$BOMAY" "${cmd[@]}"
  expect_exit 3 "garbage pages: ${cmd[*]}"
  case $ERR in
    "bomay: bad.db: "* | *$'\n'"bomay: bad.db: "*) ;;
    *) fail "garbage pages: ${cmd[*]}: no 'bomay: bad.db:' message: $ERR" ;;
  esac
done < <(commands bad.db)

# 20 (and 3) seeded corruptions of a few bytes to a few pages: SQLite may or may not
# notice; bomay must never crash, and a failure must say which file.
# CORRUPT_FROM and CORRUPT_TO pick other seeds (a longer sweep by hand).
# Seeds 55, 65 and 96 once crashed export (an alias that is not UTF-8).
seeds=$(seq "${CORRUPT_FROM:-1}" "${CORRUPT_TO:-20}")
[ -z "${CORRUPT_FROM:-}" ] && seeds="$seeds 55 65 96"
for seed in $seeds; do
  cp good.db c.db
  python3 -c '
import random, sys
r = random.Random(int(sys.argv[2]))
with open(sys.argv[1], "r+b") as f:
    size = f.seek(0, 2)
    for _ in range(r.choice([1, 4, 16])):
        at = r.randrange(100, size)
        f.seek(at)
        n = r.choice([1, 8, 64, 4096])
        f.write(bytes(r.getrandbits(8) if r.random() < 0.7 else r.choice([0, 255]) for _ in range(min(n, size - at))))' c.db "$seed"
  while read -r -a cmd; do
    rm -f merged.db
    cp c.db c2.db
    run "corrupt $seed: ${cmd[*]}" "$BOMAY" "${cmd[@]/c.db/c2.db}"
    case $ST in
      0 | 1) ;;
      3) case $ERR in *"bomay: "*) ;; *) fail "corrupt $seed: ${cmd[*]}: exit 3 without a message" ;; esac ;;
      *) fail "corrupt $seed: ${cmd[*]}: exit $ST" ;;
    esac
  done < <(commands c.db | grep -E '^(query --db c.db stats|export --db c.db -f graphml|entity --db c.db rename|ingest|merge --db c.db)')
done

# truncated, and empty
head -c 20000 good.db > cut.db
while read -r -a cmd; do
  rm -f merged.db
  run "truncated: ${cmd[*]}" "$BOMAY" "${cmd[@]}"
  [ "$ST" -eq 3 ] || [ "$ST" -eq 0 ] || [ "$ST" -eq 1 ] || fail "truncated: ${cmd[*]}: exit $ST"
  [ "$ST" -eq 3 ] && expect_err "bomay: cut.db: "
done < <(commands cut.db | grep -v '^ingest')
: > empty.db
run "empty query" "$BOMAY" query --db empty.db stats
[ "$ST" -eq 0 ] || [ "$ST" -eq 3 ] || fail "query an empty file: exit $ST"
run "empty ingest" "$BOMAY" ingest -q --db empty.db --records r.jsonl
expect_exit 0 "ingest into an empty file (a new database)"
integrity_ok empty.db

# a directory given as the database
mkdir adir
run "directory as db" "$BOMAY" ingest -q --db adir --records r.jsonl
expect_exit 3 "ingest --db DIRECTORY"
expect_err "bomay: adir: is a directory, not a database file"

# a read-only filesystem
if [ "$(id -u)" = 0 ] && mkdir ro && mount -t tmpfs -o size=8M bomay-ro "$T/ro" 2>/dev/null; then
  trap 'umount "$T/ro" 2>/dev/null; rm -rf "$T"' EXIT
  cp good.db ro/
  mount -o remount,ro "$T/ro" || fail "cannot remount read-only"
  how="read-only filesystem"
else
  mkdir -p ro && cp good.db ro/ && chmod 555 ro && chmod 444 ro/good.db
  trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
  how="read-only file and directory"
fi
if [ "$how" = "read-only file and directory" ] && [ "$(id -u)" = 0 ]; then
  # root writes through chmod: nothing read-only to test without a mount
  echo "note: root without mount: the read-only case is not tested here"
  pass
fi
sum=$(sha256sum ro/good.db | cut -d' ' -f1)
run "ro ingest" "$BOMAY" ingest --db ro/good.db --records r.jsonl
expect_exit 3 "ingest on a $how"
expect_err "bomay: ro/good.db: "
run "ro entity" "$BOMAY" entity --db ro/good.db rename TANDTC X
expect_exit 3 "entity on a $how"
expect_err "bomay: ro/good.db: "
for cmd in "query --db ro/good.db stats" "export --db ro/good.db -f json -o ro.json"; do
  # a WAL database's -shm file cannot be made here: reads open it immutable
  run "ro $cmd" "$BOMAY" $cmd
  expect_exit 0 "$cmd on a $how"
done
expect_eq "$(sha256sum ro/good.db | cut -d' ' -f1)" "$sum" "the database on a $how"
pass
