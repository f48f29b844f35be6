#!/usr/bin/env bash
# score_dev.sh: `bomay extract` on ../shared/corpus/dev and seed, scored by
# ../shared/eval/score.py, per type, for all 30 dev articles and for each
# half: the articles numbered below 081 (the rules were written against
# them) and those numbered 081 and above (held out while writing rules:
# their gold is not read, only these totals). The gap between the halves
# is how far a rule set generalizes.
#
# usage: bench/score_dev.sh [--bomay PATH]
# Prints a Markdown table (docs/PERFORMANCE.md, "Accuracy").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bomay=$here/build/bomay
while [ $# -gt 0 ]; do
  case $1 in
    --bomay) bomay=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) echo "score_dev.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
shared=$here/../shared
[ -d "$shared/corpus/dev" ] || { echo "score_dev.sh: no $shared/corpus/dev" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bomay" extract -q "$shared/corpus/dev" -o "$tmp/dev.jsonl"
"$bomay" extract -q "$shared/corpus/seed" -o "$tmp/seed.jsonl"
python3 - "$shared/eval/score.py" "$shared/corpus/dev/gold.jsonl" "$tmp/dev.jsonl" \
  "$shared/corpus/seed/gold.jsonl" "$tmp/seed.jsonl" <<'PY'
import importlib.util, re, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)
gold, pred = score.load(sys.argv[2]), score.load(sys.argv[3])

def number(doc):
    m = re.search(r"(\d+)$", doc)
    return int(m.group(1)) if m else 0

ents = ("PERSON", "ORG", "LOC")
rels = ("holds_position", "part_of", "cooperates_with")
print("| articles | " + " | ".join(ents) + " | entities (P / R / F1) | "
      + " | ".join(rels) + " | relations (P / R / F1) |")
print("|---" * 9 + "|")
halves = (("all 30", lambda n: True), ("before 081 (rules written on them)", lambda n: n < 81),
          ("081 and after (held out)", lambda n: n >= 81))
for name, keep in halves:
    g = {d: r for d, r in gold.items() if keep(number(d))}
    p = {d: r for d, r in pred.items() if keep(number(d))}
    s = score.score(g, p)
    et, rt = s["entities_total"], s["relations_total"]
    cells = [f"{s['entities'][t]['f1']:.3f}" for t in ents]
    cells.append(f"{et['p']:.3f} / {et['r']:.3f} / **{et['f1']:.3f}**")
    cells += [f"{s['relations'][t]['f1']:.3f}" for t in rels]
    cells.append(f"{rt['p']:.3f} / {rt['r']:.3f} / **{rt['f1']:.3f}**")
    print(f"| {name} | " + " | ".join(cells) + " |")
seed = score.score(score.load(sys.argv[4]), score.load(sys.argv[5]))
print(f"\nseed: entities {seed['entities_total']['tp']} of "
      f"{seed['entities_total']['tp'] + seed['entities_total']['fn']}, relations "
      f"{seed['relations_total']['tp']} of "
      f"{seed['relations_total']['tp'] + seed['relations_total']['fn']} found")
PY
