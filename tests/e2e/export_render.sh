#!/usr/bin/env bash
# export_render.sh: bomay render on the export fixture: SVG, PNG and PDF files
# that are what they claim, Vietnamese names intact in the SVG, an unknown
# or ambiguous focus refused with the candidates.
set -u
. "$(dirname "$0")/lib.bash"
"$BOMAY" ingest --help >/dev/null 2>&1 || { echo "SKIP: no bomay ingest"; exit 77; }

db="$T/fx.db"
"$BOMAY" ingest -q --db "$db" --records "$SRC/tests/export/fixture.jsonl" \
  || fail "ingest of the fixture exited $?"

"$BOMAY" render --db "$db" --focus TANDTC --depth 2 -o "$T/d.svg" 2>"$T/err" \
  || fail "render svg exited $?"
[ ! -s "$T/err" ] || fail "render svg said: $(cat "$T/err")"
xmllint --noout "$T/d.svg" || fail "the SVG is not XML"
for name in "Tòa án nhân dân tối cao" "Phạm Quốc Hưng" "Học viện Tòa án" \
            "Phó Chánh án" "Bộ Công an"; do
  grep -qF "$name" "$T/d.svg" || fail "'$name' is not in the SVG"
done
grep -qF "stroke-dasharray" "$T/d.svg" || fail "the former post is not dashed"

"$BOMAY" render --db "$db" --focus "Phạm Quốc Hưng" -o "$T/d.png" || fail "render png exited $?"
expect_eq "$(head -c 8 "$T/d.png" | od -An -tx1 | tr -d ' \n')" "89504e470d0a1a0a" "PNG signature"
"$BOMAY" render --db "$db" --focus "node" -o "$T/d.PDF" || fail "render pdf exited $?"
expect_eq "$(head -c 5 "$T/d.PDF")" "%PDF-" "PDF signature"

"$BOMAY" render --db "$db" --focus "Không có ai" -o "$T/x.svg" 2>"$T/err"
expect_status $? 3 "unknown focus"
expect_contains "$(cat "$T/err")" "bomay: no entity named 'Không có ai'"
"$BOMAY" export --db "$db" --format dot --focus "Hà Nội" 2>"$T/err" >/dev/null
expect_status $? 3 "ambiguous focus"
expect_contains "$(cat "$T/err")" "names 2 entities"
"$BOMAY" render --db "$db" --focus TANDTC -o "$T/no/such/dir/x.svg" 2>"$T/err"
expect_status $? 3 "unwritable picture"
expect_contains "$(cat "$T/err")" "bomay: $T/no/such/dir/x.svg"
pass
