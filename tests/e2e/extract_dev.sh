#!/usr/bin/env bash
# Scores `bomay extract` on ../shared/corpus/dev and seed with
# ../shared/eval/score.py and fails under floors set a little below what the
# extractor reaches, so a regression shows.  Skips without ../shared.
set -u
. "$(dirname "$0")/lib.bash"
need_shared
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }

# F1 floors: all 30 dev documents (entities, relations)
ENT_FLOOR=0.93
REL_FLOOR=0.845

"$BOMAY" extract -q "$SHARED/corpus/dev" >"$T/dev.jsonl" || fail "extract dev: exit $?"
"$BOMAY" extract -q "$SHARED/corpus/seed" >"$T/seed.jsonl" || fail "extract seed: exit $?"
python3 - "$SHARED/eval/score.py" "$SHARED/corpus/dev/gold.jsonl" "$T/dev.jsonl" \
  "$SHARED/corpus/seed/gold.jsonl" "$T/seed.jsonl" "$ENT_FLOOR" "$REL_FLOOR" <<'PY' || fail "scores under the floors"
import importlib.util, sys
spec = importlib.util.spec_from_file_location("score", sys.argv[1])
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)
dev = score.score(score.load(sys.argv[2]), score.load(sys.argv[3]))
seed = score.score(score.load(sys.argv[4]), score.load(sys.argv[5]))
ent, rel = dev["entities_total"]["f1"], dev["relations_total"]["f1"]
print(f"dev: entity F1 {ent}, relation F1 {rel}; seed relations "
      f"{seed['relations_total']['tp']}/5")
ok = (ent >= float(sys.argv[6]) and rel >= float(sys.argv[7])
      and not dev["missing_documents"]
      and seed["relations_total"]["tp"] == 5)
sys.exit(0 if ok else 1)
PY
pass
