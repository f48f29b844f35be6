#!/usr/bin/env bash
# The README's main job (fixtures/demo.sh) on the bundled fixtures: it runs,
# its outputs exist, and they hold what the fixtures say.
set -u
. "$(dirname "$0")/lib.bash"

out=$(bash "$SRC/fixtures/demo.sh" "$BOMAY" "$T/demo" 2>&1) || fail "demo exited $?: $out"
expect_contains "$out" "summary:  "
n_txt=$(ls "$SRC"/fixtures/text/*.txt 2>/dev/null | wc -l)
[ "$n_txt" -gt 0 ] || fail "no fixture texts"
expect_eq "$(wc -l <"$T/demo/records.jsonl")" "$n_txt" "one record per fixture"
expect_contains "$out" "summary:  $n_txt documents"
# Every fixture text is about officials: the graph has people in posts.
expect_contains "$out" "holds_position  Phòng Cảnh sát hình sự Công an tỉnh Hà Tĩnh"
for f in graph.dot graph.graphml graph.json cong-an-ha-tinh.svg; do
  [ -s "$T/demo/$f" ] || fail "demo did not write $f"
done
head -c 200 "$T/demo/cong-an-ha-tinh.svg" | grep -q "<svg\|<?xml" || fail "not an SVG"
grep -q "Công an tỉnh Hà Tĩnh" "$T/demo/cong-an-ha-tinh.svg" || fail "the picture lacks its focus"
pass
