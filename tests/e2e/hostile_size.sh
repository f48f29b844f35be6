#!/usr/bin/env bash
# Hostile input, size and shape: a 64 MiB file without a newline (as text, as
# JSON Lines, on stdin), 1 million capitalized words in a row, a chain of
# 1,000 titles, deeply nested parentheses and quotes, one endless sentence.
# Each ends cleanly, in bounded time, with a documented status and message.
set -u
. "$(dirname "$0")/lib.bash"
. "$(dirname "$0")/hostile.bash"
cd "$T"

# 64 MiB, no newline: over the 16 MiB cap in every form
yes 'Ông Nguyễn Văn An, Bộ trưởng Bộ Tài chính, ' | tr -d '\n' | head -c 67108864 > big.txt
[ "$(stat -c %s big.txt)" -eq 67108864 ] || fail "could not make the 64 MiB file"
cp big.txt big.jsonl
timed 60 "64 MiB text" "$BOMAY" extract big.txt -o big.out
expect_exit 1 "64 MiB text"
expect_err "bomay: big.txt: document over the size cap of 16777216 bytes (see --max-doc)"
timed 60 "64 MiB line" "$BOMAY" extract big.jsonl -o big.out
expect_exit 1 "64 MiB line"
expect_err "bomay: big.jsonl:1: line over the size cap of 16777216 bytes (see --max-doc)"
timed 60 "64 MiB stdin" "$BOMAY" extract - -o big.out < big.txt
expect_exit 1 "64 MiB on stdin"
expect_err "bomay: -: document over the size cap of 16777216 bytes"
timed 60 "64 MiB ingest" "$BOMAY" ingest --db big.db big.txt
expect_exit 1 "64 MiB ingest"
expect_err "bomay: big.txt: document over the size cap"
integrity_ok big.db
# a smaller cap, and a document at it
head -c 1000 big.txt > k.txt
run "cap 999" "$BOMAY" extract --max-doc 999 k.txt
expect_exit 1 "--max-doc 999"
expect_err "bomay: k.txt: document over the size cap of 999 bytes"
run "cap 1000" "$BOMAY" extract -q --max-doc 1000 k.txt -o k.out
expect_exit 0 "--max-doc 1000"
for bad in 12Q 0 -5 17179869185G 18446744073709551616; do
  # a size that does not fit or is negative is refused, never wrapped
  run "bad cap $bad" "$BOMAY" extract --max-doc "$bad" k.txt
  expect_exit 2 "--max-doc $bad"
  expect_err "bomay: --max-doc: not a size: '$bad'"
done
rm -f big.txt big.jsonl

# 1 million capitalized words in a row (5 MB): records or the entity cap
python3 -c '
import random, sys
random.seed(6)
w = "Nguyễn Văn An Bình Lê Thị Hà Nội Trần Bộ Công Ủy Ban Sở Tỉnh Đảng".split()
sys.stdout.write("Ông " + " ".join(random.choice(w) for _ in range(1000000)) + ".\n")' > caps.txt
timed 60 "1M capitalized words" "$BOMAY" extract caps.txt -o caps.out
case $ST in
  0) jsonl_ok caps.out ;;
  1) expect_err "bomay: caps.txt: over the cap of entities or relations in one document; document skipped" ;;
  *) fail "1M capitalized words: exit $ST" ;;
esac
# the same word a million times: one name, many mentions
python3 -c 'import sys; sys.stdout.write("Ông " + "Nguyễn Văn Bình, " * 1000000)' > same.txt
timed 60 "1M names" "$BOMAY" extract same.txt -o same.out
[ "$ST" -le 1 ] || fail "1M names: exit $ST"
[ "$ST" -eq 0 ] && jsonl_ok same.out

# a chain of 1,000 titles before one name
python3 -c '
import sys
t = ["Bộ trưởng Bộ Tài chính", "Phó Chủ tịch Quốc hội", "Ủy viên Bộ Chính trị",
     "Bí thư Tỉnh ủy Yên Bái", "Trưởng ban Tổ chức Trung ương"]
sys.stdout.write(", ".join(t[i % 5] for i in range(1000)) + " Nguyễn Văn An phát biểu.\n")' > chain.txt
timed 60 "1,000 titles" "$BOMAY" extract -q chain.txt -o chain.out
expect_exit 0 "1,000 titles"
jsonl_ok chain.out
rels=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["relations"]))' chain.out)
[ "$rels" -le 2000 ] || fail "1,000 titles gave $rels relations"

# deeply nested parentheses and quotes (100,000 levels)
python3 -c '
import sys
n = 100000
sys.stdout.write("(" * n + "Ông Nguyễn Văn An, Bộ trưởng Bộ Y tế" + ")" * n + "\n")
sys.stdout.write("\u201c\u00ab\"\x27" * n + "Bộ Công an" + "\x27\"\u00bb\u201d" * n + "\n")
sys.stdout.write("(" * n + "\n" + "]" * n + "\n")' > nest.txt
timed 60 "nesting" "$BOMAY" extract -q nest.txt -o nest.out
expect_exit 0 "nesting"
jsonl_ok nest.out

# one sentence of 1 MB without a stop, and 100,000 empty lines
python3 -c 'import sys; sys.stdout.write("Ông An nói rằng " + "và Bộ Tài chính " * 60000 + "\n" * 100000)' > long.txt
timed 60 "endless sentence" "$BOMAY" extract -q long.txt -o long.out
expect_exit 0 "endless sentence"
jsonl_ok long.out

# all of them in one graph: sound
run "ingest all" "$BOMAY" ingest -q --db all.db chain.txt nest.txt long.txt
expect_exit 0 "ingest the hostile shapes"
integrity_ok all.db
pass
