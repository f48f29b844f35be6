#!/usr/bin/env bash
# Hostile input: invalid UTF-8 of every kind and NUL bytes, in text files, in
# JSON Lines and in file names: each document is skipped with its byte offset
# (exit 1) or, with --lossy, read with U+FFFD; the other documents go on.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"

# name and bytes; each sits at byte offset 8, after "Ông Ba " (8 bytes)
cases=(
  "overlong2 \xC0\xAF" "overlong3 \xE0\x80\xAF" "overlong4 \xF0\x80\x80\xAF"
  "overlong_nul \xC0\x80"
  "surrogate_high \xED\xA0\x80" "surrogate_low \xED\xBF\xBF"
  "surrogate_pair \xED\xA0\xBD\xED\xB8\x80"
  "truncated2 \xC3" "truncated3 \xE1\xBB" "truncated4 \xF0\x9F\x98"
  "truncated_end \xE1\xBB"
  "stray_cont \x80" "stray_cont2 \xBF\xBF" "byte_fe \xFE" "byte_ff \xFF"
  "past_max \xF4\x90\x80\x80" "byte_f5 \xF5\x80\x80\x80"
  "nul \x00" "nul_run \x00\x00\x00"
)
mkdir docs
for c in "${cases[@]}"; do
  name=${c%% *}
  bytes=${c#* }
  if [ "$name" = truncated_end ]; then
    printf "Ông Ba $bytes" > "docs/$name.txt"
  else
    printf "Ông Ba ${bytes} Nguyễn Văn Cường.\n" > "docs/$name.txt"
  fi
done
printf 'Bộ trưởng Bộ Công an Tô Lâm.\n' > docs/zz_good.txt

# one file: skipped, no record
run "one file" "$BOMAY" extract docs/overlong2.txt -o one.jsonl
expect_exit 1 "one bad file"
expect_err "bomay: docs/overlong2.txt: invalid UTF-8 or NUL byte; document skipped (see --lossy) (byte offset 8)"
[ -s one.jsonl ] && fail "a record for a skipped document"

# the whole directory: every bad one skipped with its offset, the good one read
run "directory" "$BOMAY" extract docs -o dir.jsonl
expect_exit 1 "directory with bad documents"
for c in "${cases[@]}"; do
  expect_err "bomay: docs/${c%% *}.txt: invalid UTF-8 or NUL byte; document skipped (see --lossy) (byte offset 8)"
done
expect_eq "$(grep -c '^bomay: docs/.*byte offset 8)$' "$T/err")" "${#cases[@]}" "one line per bad document"
expect_err "extracted 1 documents (${#cases[@]} skipped)"
expect_eq "$(wc -l < dir.jsonl)" 1 "records of the directory"

# --lossy: every one read, U+FFFD in place of the bad bytes
run "lossy" "$BOMAY" extract --lossy -q docs -o lossy.jsonl
expect_exit 0 "--lossy"
expect_eq "$(wc -l < lossy.jsonl)" "$((${#cases[@]} + 1))" "records with --lossy"
jsonl_ok lossy.jsonl

# ingest the same: the good one stored, the database sound
run "ingest" "$BOMAY" ingest --db g.db docs
expect_exit 1 "ingest with bad documents"
expect_err "bomay: docs/nul.txt: "
integrity_ok g.db
expect_eq "$(sql g.db 'SELECT count(*) FROM documents')" 1 "documents ingested"
run "ingest lossy" "$BOMAY" ingest --lossy --db lossy.db docs
expect_exit 0 "ingest --lossy"
integrity_ok lossy.db
expect_eq "$(sql lossy.db 'SELECT count(*) FROM documents')" "$((${#cases[@]} + 1))" "documents ingested --lossy"

# JSON Lines: a bad line is reported with its number; the others go on
{
  printf '{"id": "l1", "text": "Ông Nguyễn Văn An, Bộ trưởng Bộ Tài chính."}\n'
  printf '{"id": "l2", "text": "bad \xC0\xAF here"}\n'
  printf '{"id": "l3", "text": "nul \\u0000 escaped"}\n'
  printf '{"id": "l4", "text": "lone \\ud800 surrogate"}\n'
  printf '{"id": "l5", "text": "stray \x80"}\n'
  printf '{"id": "l6", "text": "Ông Lê Văn Bình, Thứ trưởng Bộ Y tế."}\n'
} > lines.jsonl
run "jsonl" "$BOMAY" extract lines.jsonl -o lines.out
expect_exit 1 "jsonl with bad lines"
expect_err "bomay: lines.jsonl:2: not a JSON document"
expect_err "bomay: lines.jsonl:3: invalid UTF-8 or NUL byte; document skipped (see --lossy) (byte offset 4)"
expect_err "bomay: lines.jsonl:4: not a JSON document"
expect_err "bomay: lines.jsonl:5: not a JSON document"
expect_err "extracted 2 documents (4 skipped)"
expect_eq "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["doc"] for l in open(sys.argv[1])))' lines.out)" "l1 l6" "the good lines"
run "jsonl lossy" "$BOMAY" extract --lossy lines.jsonl -o lines.lossy
expect_err "lines.jsonl:4: not a JSON document"  # a \ud800 escape is JSON's own error
expect_exit 1 "jsonl --lossy"
expect_eq "$(wc -l < lines.lossy)" 5 "records with --lossy"
jsonl_ok lines.lossy

# a file name that is not UTF-8 still gives a valid record (U+FFFD in "doc")
printf 'Ông Nguyễn Văn An.\n' > "$(printf 'bad\xFFname.txt')"
run "file name" "$BOMAY" extract -q "$(printf 'bad\xFFname.txt')" -o name.out
expect_exit 0 "invalid UTF-8 file name"
jsonl_ok name.out
expect_eq "$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read())["doc"] == "bad\ufffdname")' name.out)" True "doc of a bad file name"

# standard input: the same rules
printf 'Ông Ba \xE1\xBB' > stdin.txt
run "stdin" "$BOMAY" extract - < stdin.txt
expect_exit 1 "stdin with invalid UTF-8"
expect_err "bomay: -: invalid UTF-8 or NUL byte; document skipped (see --lossy) (byte offset 8)"
pass
