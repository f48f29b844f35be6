#!/usr/bin/env python3
"""Validate extract/data/places.tsv and extract/data/agencies.tsv.

Usage: python3 extract/data/check_data.py [DATA_DIR]

Checks, for both files: UTF-8, NFC, LF line ends (no CR), no empty lines,
'#' comment lines only before the first row, exact TAB count per row, no
leading/trailing spaces or doubled spaces in fields, byte-order sort, no
duplicates.

places.tsv (name, level, kind, parent): level in 1..3, kind from the known
list and fitting the level, parent empty for level 1, a level-1 name for
level 2, a level-2 name (pre-2025 three-tier rows) or a level-1 name
(2025 two-tier rows) for level 3; no name that is only a number; rows sorted
by (level, name, parent, kind).

agencies.tsv (name, aliases, parent): rows sorted by name, names unique,
aliases non-empty when split on '|', not repeating the name or each other
and not shared by two rows (ignoring case), not the name of another row; parent '*', empty, or the name of another row (no cycles).

Exits 0 when all is well, 1 with one line per problem on stderr otherwise.
Standard library only.
"""
import os
import re
import sys
import unicodedata

PLACE_KINDS = {
    1: {"tỉnh", "thành phố"},
    2: {"quận", "huyện", "thị xã", "thành phố"},
    3: {"xã", "phường", "thị trấn", "đặc khu"},
}

errors = []


def err(path, lineno, msg):
    errors.append(f"{os.path.basename(path)}:{lineno}: {msg}")


def read_rows(path, ncols):
    """Return [(lineno, fields)] for the data rows of a TSV file."""
    try:
        raw = open(path, "rb").read()
    except OSError as e:
        errors.append(f"{path}: cannot read: {e}")
        return []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{path}: not UTF-8: {e}")
        return []
    if text.startswith("\ufeff"):
        err(path, 1, "byte-order mark at start of file")
    if "\r" in text:
        err(path, 1, "CR characters (file must use LF line ends)")
    if not text.endswith("\n"):
        err(path, text.count("\n") + 1, "last line has no LF")
    if not unicodedata.is_normalized("NFC", text):
        for i, line in enumerate(text.split("\n"), 1):
            if not unicodedata.is_normalized("NFC", line):
                err(path, i, f"not NFC: {line[:60]!r}")
    rows = []
    seen_row = False
    for i, line in enumerate(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"), 1):
        if line.startswith("#"):
            if seen_row:
                err(path, i, "comment line after the first data row")
            continue
        if not line.strip():
            err(path, i, "empty line")
            continue
        seen_row = True
        fields = line.split("\t")
        if len(fields) != ncols:
            err(path, i, f"expected {ncols - 1} TABs, found {len(fields) - 1}: {line[:60]!r}")
            continue
        for f in fields:
            if f != f.strip() or "  " in f:
                err(path, i, f"stray spaces in field {f!r}")
            if any(unicodedata.category(c) == "Cc" for c in f):
                err(path, i, f"control character in field {f!r}")
        rows.append((i, fields))
    if not rows:
        err(path, 1, "no data rows")
    return rows


def check_places(path):
    rows = read_rows(path, 4)
    names = {1: set(), 2: set(), 3: set()}
    good = []
    for i, (name, level, kind, parent) in rows:
        if level not in ("1", "2", "3"):
            err(path, i, f"level must be 1, 2 or 3, not {level!r}")
            continue
        lv = int(level)
        if not name:
            err(path, i, "empty name")
        if re.fullmatch(r"[0-9]+[A-Za-z]?", name):
            err(path, i, f"name is only a number: {name!r}")
        if kind not in PLACE_KINDS[lv]:
            err(path, i, f"kind {kind!r} not valid for level {lv}")
        if lv == 1 and parent:
            err(path, i, f"level 1 row has a parent {parent!r}")
        if lv > 1 and not parent:
            err(path, i, f"level {lv} row has no parent")
        names[lv].add(name)
        good.append((i, lv, name, kind, parent))
    for i, lv, name, kind, parent in good:
        if lv == 2 and parent not in names[1]:
            err(path, i, f"parent {parent!r} of {name!r} is not a level-1 name")
        if lv == 3 and parent not in names[2] and parent not in names[1]:
            err(path, i, f"parent {parent!r} of {name!r} is not a level-2 (or level-1) name")
    prev = None
    seen = set()
    for i, lv, name, kind, parent in good:
        key = (lv, name.encode(), parent.encode(), kind.encode())
        if key in seen:
            err(path, i, f"duplicate row {name!r} level {lv} {kind!r} under {parent!r}")
        seen.add(key)
        if prev is not None and key < prev:
            err(path, i, f"not sorted by (level, name, parent, kind) in byte order at {name!r}")
        prev = key
    counts = {lv: sum(1 for r in good if r[1] == lv) for lv in (1, 2, 3)}
    return counts


def check_agencies(path):
    rows = read_rows(path, 3)
    names = {}
    alias_owner = {}
    prev = None
    for i, (name, aliases, parent) in rows:
        if not name:
            err(path, i, "empty name")
            continue
        b = name.encode()
        if name in names:
            err(path, i, f"duplicate name {name!r} (also line {names[name][0]})")
        elif prev is not None and b < prev:
            err(path, i, f"not sorted by name in byte order at {name!r}")
        prev = b
        names.setdefault(name, (i, parent))
        if aliases:
            parts = aliases.split("|")
            folded = [a.casefold() for a in parts] + [name.casefold()]
            if len(set(folded)) != len(folded):
                err(path, i, f"alias repeats the name or another alias (ignoring case) in {aliases!r}")
            for a in parts:
                if not a or a != a.strip():
                    err(path, i, f"empty or padded alias in {aliases!r}")
                    continue
                if a == name:
                    err(path, i, f"alias repeats the name {name!r}")
                k = a.casefold()
                if k in alias_owner and alias_owner[k] != name:
                    err(path, i, f"alias {a!r} also belongs to {alias_owner[k]!r}")
                alias_owner.setdefault(k, name)
    folded_names = {n.casefold(): n for n in names}
    for k, owner in alias_owner.items():
        if k in folded_names and folded_names[k] != owner:
            err(path, names[owner][0], f"alias {k!r} of {owner!r} is also the name of row {folded_names[k]!r}")
    for name, (i, parent) in names.items():
        if parent in ("", "*"):
            continue
        if parent not in names:
            err(path, i, f"parent {parent!r} of {name!r} is not a name in the file")
            continue
        if names[parent][1] == "*":
            err(path, i, f"parent {parent!r} of {name!r} is a generic (*) row")
        # cycle check
        seen, p = {name}, parent
        while p and p != "*" and p in names:
            if p in seen:
                err(path, i, f"parent cycle through {name!r}")
                break
            seen.add(p)
            p = names[p][1]
    return len(names), sum(1 for _, par in names.values() if par == "*")


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    counts = check_places(os.path.join(here, "places.tsv"))
    n_ag, n_gen = check_agencies(os.path.join(here, "agencies.tsv"))
    if errors:
        for e in errors[:200]:
            print(e, file=sys.stderr)
        if len(errors) > 200:
            print(f"... and {len(errors) - 200} more", file=sys.stderr)
        print(f"check_data: FAILED with {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print(f"places.tsv: level 1: {counts[1]}, level 2: {counts[2]}, level 3: {counts[3]} rows")
    print(f"agencies.tsv: {n_ag} rows ({n_gen} generic heads)")
    print("check_data: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
