#!/usr/bin/env bash
# Golden output of `bomay extract` on the bundled fixtures: each
# fixtures/text/X.txt gives exactly fixtures/expected/X.jsonl, byte for byte.
# Regenerate (and review the diff) with: BOMAY_REGEN=1 ctest -R extract_golden
set -u
. "$(dirname "$0")/lib.bash"

cd "$SRC/fixtures" || fail "no fixtures"
n=0
for f in text/*.txt; do
  id=$(basename "$f" .txt)
  want="expected/$id.jsonl"
  "$BOMAY" extract -q "$f" >"$T/$id.jsonl" 2>"$T/err" ||
    fail "$id: exit $? $(cat "$T/err")"
  if [ "${BOMAY_REGEN:-0}" = 1 ]; then
    cp "$T/$id.jsonl" "$want"
  elif ! cmp -s "$T/$id.jsonl" "$want"; then
    fail "$id: output differs from $want:
$(diff <(tr , '\n' <"$want") <(tr , '\n' <"$T/$id.jsonl") | head -20)"
  fi
  n=$((n + 1))
done
[ "$n" -ge 3 ] || fail "only $n fixtures"
pass
