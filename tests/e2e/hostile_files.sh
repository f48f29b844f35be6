#!/usr/bin/env bash
# Hostile files: empty and blank files, a directory where a file belongs,
# missing files, files that cannot be read (a path under a file, a dangling
# symlink, a symlink loop, /proc/self/mem whose read fails with EIO; as root
# chmod 000 stops nothing, so that case runs only for other users), a FIFO,
# standard input sniffing, and outputs that cannot be written.  Each input
# is reported as 'bomay: FILE: reason' and the others go on.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"
printf 'Ông Nguyễn Văn An, Bộ trưởng Bộ Tài chính, phát biểu.\n' > good.txt

# empty, blank (BOM, spaces, tabs, CRLF) and zero-width-only documents
: > empty.txt
printf '\xEF\xBB\xBF \r\n\t\r\n' > blank.txt
printf '\xE2\x80\x8B\xEF\xBB\xBF\n' > zw.txt
printf '\n\n   \n' > empty.jsonl
run "empty" "$BOMAY" extract empty.txt blank.txt zw.txt empty.jsonl good.txt -o out.jsonl
expect_exit 1 "empty documents"
expect_err "bomay: empty.txt: empty document; document skipped"
expect_err "bomay: blank.txt: empty document; document skipped"
expect_err "bomay: zw.txt: empty document; document skipped"
expect_err "extracted 1 documents (3 skipped)"
expect_eq "$(wc -l < out.jsonl)" 1 "records"

# missing and unreadable inputs
mkdir adir
ln -s nowhere dangling.txt
ln -s loop1 loop2
ln -s loop2 loop1
# /proc/self/mem opens but its first page cannot be read (EIO)
mem=/proc/self/mem
[ -e "$mem" ] || { mem=missing2.txt; echo "note: no /proc: the read error is not tested"; }
run "unreadable" "$BOMAY" extract missing.txt good.txt/under dangling.txt loop1 "$mem" good.txt -o out.jsonl
expect_exit 1 "unreadable inputs"
expect_err "bomay: missing.txt: cannot open: No such file or directory"
expect_err "bomay: good.txt/under: cannot open: Not a directory"
expect_err "bomay: dangling.txt: cannot open: No such file or directory"
expect_err "bomay: loop1: cannot open: Too many levels of symbolic links"
[ "$mem" = /proc/self/mem ] && expect_err "bomay: /proc/self/mem: read error: Input/output error"
expect_err "extracted 1 documents (5 skipped)"
if [ "$(id -u)" != 0 ]; then
  cp good.txt locked.txt
  chmod 000 locked.txt
  run "chmod 000" "$BOMAY" extract locked.txt
  expect_exit 1 "chmod 000"
  expect_err "bomay: locked.txt: cannot open: Permission denied"
else
  echo "note: running as root, chmod 000 does not stop reads: not tested"
fi
# the same inputs to ingest: reported, the rest stored
run "ingest unreadable" "$BOMAY" ingest --db u.db missing.txt loop1 "$mem" empty.txt good.txt
expect_exit 1 "ingest unreadable inputs"
expect_err "bomay: loop1: cannot open"
[ "$mem" = /proc/self/mem ] && expect_err "bomay: /proc/self/mem: read error"
integrity_ok u.db
expect_eq "$(sql u.db 'SELECT count(*) FROM documents')" 1 "documents"

# a directory is read for its .txt and .jsonl; an empty one gives nothing
mkdir emptydir
run "empty directory" "$BOMAY" extract emptydir
expect_exit 0 "an empty directory"
expect_err "extracted 0 documents (0 skipped)"

# a FIFO: read like a file once a writer comes
mkfifo pipe.txt
(sleep 0.3; cat good.txt > pipe.txt) &
run "fifo" timeout 20 "$BOMAY" extract -q pipe.txt -o fifo.jsonl
expect_exit 0 "a FIFO"
expect_eq "$(wc -l < fifo.jsonl)" 1 "a FIFO's record"
wait

# standard input: JSON Lines when it starts with '{' (after spaces), else text
printf '  \n {"id": "s1", "text": "Ông An."}\n{"id": "s2", "text": "Ông Bình."}\n' > in1
run "stdin jsonl" "$BOMAY" extract -q - -o s1.jsonl < in1
expect_exit 0 "stdin as JSON Lines"
expect_eq "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["doc"] for l in open(sys.argv[1])))' s1.jsonl)" "s1 s2" "stdin documents"
run "stdin text" "$BOMAY" extract -q - -o s2.jsonl < good.txt
expect_exit 0 "stdin as text"
expect_eq "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["doc"])' s2.jsonl)" "stdin" "stdin id"
run "stdin empty" "$BOMAY" extract - < /dev/null
expect_exit 1 "empty stdin"
expect_err "bomay: -: empty document"
printf '{"id": "a", "text": "x"' > in3
run "stdin broken" "$BOMAY" extract - < in3
expect_exit 1 "broken JSON on stdin"
expect_err "bomay: -:1: not a JSON document"

# outputs that cannot be written
run "output is a directory" "$BOMAY" extract good.txt -o adir
expect_exit 3 "-o a directory"
expect_err "bomay: adir: cannot write: Is a directory"
run "output under a file" "$BOMAY" extract good.txt -o good.txt/x.jsonl
expect_exit 3 "-o under a file"
expect_err "bomay: good.txt/x.jsonl: cannot write: Not a directory"
"$BOMAY" ingest -q --db g.db good.txt || fail "ingest good.txt"
if [ -c /dev/full ]; then
  run "output full" "$BOMAY" extract good.txt -o /dev/full
  expect_exit 3 "-o /dev/full"
  expect_err "bomay: /dev/full: write error"
  run "export full" "$BOMAY" export --db g.db -f json -o /dev/full
  expect_exit 3 "export -o /dev/full"
  expect_err "bomay: /dev/full: write error"
  # a failed export removes its half-written file, but never a device
  # (as root, removing /dev/full would take it from the whole machine)
  if [ ! -c /dev/full ]; then
    fail "/dev/full is no longer a device after export -o /dev/full"
    [ "$(id -u)" = 0 ] && rm -f /dev/full && mknod -m 666 /dev/full c 1 7
  fi
else
  echo "note: no /dev/full: write errors are tested by fault_full.sh only"
fi
# nor a FIFO
mkfifo out.fifo
(cat out.fifo > /dev/null) &
run "export failing into a FIFO" "$BOMAY" export --db g.db -f json --focus "Không Có Ai" -o out.fifo
expect_exit 3 "export of an unknown focus"
[ -p out.fifo ] || fail "a failed export removed the FIFO it wrote to"
kill %% 2>/dev/null
wait
echo '{"old": "export"}' > old.json
run "export failing into a file" "$BOMAY" export --db g.db -f json --focus "Không Có Ai" -o old.json
expect_exit 3 "export of an unknown focus to a file"
run "export to a directory" "$BOMAY" export --db g.db -f dot -o adir
expect_exit 3 "export -o a directory"
expect_err "bomay: adir: cannot write: Is a directory"

# a directory, or a file under a file, as the database
for db in adir good.txt/x.db; do
  run "db $db" "$BOMAY" ingest --db "$db" good.txt
  expect_exit 3 "ingest --db $db"
  expect_err "bomay: $db: "
  run "db $db" "$BOMAY" query --db "$db" stats
  expect_exit 3 "query --db $db"
  expect_err "bomay: $db: "
  run "db $db" "$BOMAY" export --db "$db" -f json
  expect_exit 3 "export --db $db"
  expect_err "bomay: $db: "
done
pass
