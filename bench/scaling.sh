#!/usr/bin/env bash
# scaling.sh: extraction time of one document as it grows from 1 KB to 16 MB
# (the fixture texts repeated), to show that it grows linearly: CPU seconds
# (user + system, best of N runs; 4 MB of copies for the small sizes) less
# those of a tiny document (start-up: loading the lexicons), per MB of text,
# and that rate beside the 1 MB one.  Fails
# (exit 1) when the 16 MB rate is over 2.5 times the 1 MB rate.
#
# usage: bench/scaling.sh [--bomay PATH] [--runs N] [--shape fixtures|names]
# "names" repeats a sentence that is all capitalized names and titles.
# Prints a Markdown table (docs/RELIABILITY.md, "Linear time").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bomay=$here/build/bomay
runs=3
shape=fixtures
while [ $# -gt 0 ]; do
  case $1 in
    --bomay) bomay=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --shape) shape=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "scaling.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$bomay" ] || { echo "scaling.sh: no bomay at $bomay (build first, or --bomay)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case $shape in
  fixtures) cat "$here"/fixtures/text/*.txt > "$tmp/unit" ;;
  names) printf 'Ông Nguyễn Văn An, Phó Chủ tịch UBND tỉnh Yên Bái, Bí thư Tỉnh ủy Lào Cai Trần Thị Bình, Thượng tướng Lê Văn Cường, ' > "$tmp/unit" ;;
  *) echo "scaling.sh: unknown shape $shape" >&2; exit 2 ;;
esac
# doc BYTES [COPIES]: a JSON Lines file of copies of one document of BYTES (the unit
# repeated, cut at a character boundary): enough copies for 4 MB in all, so
# that small sizes are measured over many documents.  Prints "FILE COPIES".
doc() {
  python3 - "$tmp/unit" "$1" "$tmp/doc.jsonl" "${2:-0}" <<'PY'
import json, sys
unit = open(sys.argv[1], encoding="utf-8").read()
n = int(sys.argv[2])
text = (unit * (n // len(unit.encode()) + 1)).encode()[:n].decode("utf-8", "ignore")
copies = int(sys.argv[4]) or max(1, 4000000 // n)
with open(sys.argv[3], "w", encoding="utf-8") as f:
    for i in range(copies):
        f.write(json.dumps({"id": "d%d" % i, "text": text}, ensure_ascii=False) + "\n")
print(sys.argv[3], copies, len(text.encode()))
PY
}
# best of $runs: CPU seconds of one extraction
cpu() {
  local best=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%U %S' -o "$tmp/t" "$bomay" extract -q --max-doc 32M "$1" -o /dev/null
    read -r u s <"$tmp/t"
    local c
    c=$(echo "$u + $s" | bc)
    if [ -z "$best" ] || [ "$(echo "$c < $best" | bc)" = 1 ]; then best=$c; fi
  done
  echo "$best"
}

read -r f _ _ <<<"$(doc 100 1)"
base=$(cpu "$f")
echo "start-up (one 100-byte document): $base s CPU"
echo
echo "| size | bytes | documents | CPU s | s per MB (less start-up) | vs 1 MB |"
echo "|---|---:|---:|---:|---:|---:|"
ref=""
status=0
for size in 1K 4K 16K 64K 256K 1M 4M 16M; do
  case $size in
    *K) n=$((${size%K} * 1000)) ;;
    *M) n=$((${size%M} * 1000000)) ;;
  esac
  read -r f copies bytes <<<"$(doc "$n")"
  c=$(cpu "$f")
  per=$(echo "x = ($c - $base) / ($copies * $bytes / 1000000); if (x < 0) x = 0; x" | bc -l)
  [ "$size" = 1M ] && ref=$per
  vs="-"
  if [ -n "$ref" ]; then
    vs=$(printf '%.2f' "$(echo "$per / $ref" | bc -l)")
    if [ "$size" = 16M ] && [ "$(echo "$per > 2.5 * $ref" | bc -l)" = 1 ]; then status=1; fi
  fi
  printf '| %s | %d | %d | %.2f | %.3f | %s |\n' "$size" "$bytes" "$copies" "$c" "$per" "$vs"
done
[ "$status" = 0 ] || echo "scaling.sh: the 16 MB rate is over 2.5 times the 1 MB rate: not linear" >&2
exit "$status"
