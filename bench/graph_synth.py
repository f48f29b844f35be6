#!/usr/bin/env python3
"""graph_synth.py: a synthetic graph database of bomay's schema for query
timings: organizations in a part_of tree, people holding posts (a few
agencies are hubs, as real ones are), cooperation between organizations;
one evidence sentence and one document per relation batch.

usage: graph_synth.py BOMAY OUT.db [RELATIONS] [SEED]
(default 1,000,000 relations).  The schema is made by `bomay ingest`, so
the file is what bomay itself would open; the rows are written here
directly, keeping the schema's rules (one alias row per name key, object 0
never used here, cooperates_with with subject < object)."""
import os
import random
import sqlite3
import subprocess
import sys
import unicodedata

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
            "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Ngọc",
          "Xuân", "Hồng", "Công", "Đình"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hưng",
         "Khánh", "Lâm", "Long", "Nam", "Phong", "Quang", "Sơn", "Tâm",
         "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Yến"]
UNITS = ["Sở", "Ban", "Cục", "Vụ", "Phòng", "Viện", "Trường", "Tổng cục",
         "Ủy ban", "Công ty"]
FIELDS = ["Tài chính", "Y tế", "Giáo dục", "Nội vụ", "Tư pháp", "Công thương",
          "Xây dựng", "Giao thông", "Nông nghiệp", "Văn hóa", "Khoa học",
          "Kế hoạch", "Tài nguyên", "Lao động", "Thông tin"]
ROLES = ["Giám đốc", "Phó Giám đốc", "Trưởng ban", "Phó Trưởng ban",
         "Chủ tịch", "Phó Chủ tịch", "Bí thư", "Ủy viên", "Chánh Văn phòng",
         "Trưởng phòng", "Cục trưởng", "Vụ trưởng"]


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def key(name):
    """bm_name_key (= norm() of shared/eval/score.py): NFD, case folded,
    each word's tone marks moved to its end, NFC."""
    words = []
    for word in unicodedata.normalize("NFD", name).casefold().split():
        tones = "".join(c for c in word if c in TONE_MARKS)
        words.append("".join(c for c in word if c not in TONE_MARKS) + tones)
    return unicodedata.normalize("NFC", " ".join(words))


def fold(name):
    s = unicodedata.normalize("NFD", name.casefold())
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return s.replace("đ", "d")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    bomay, out = sys.argv[1], sys.argv[2]
    n_rel = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
    rnd = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    for f in (out, out + "-wal", out + "-shm"):
        if os.path.exists(f):
            os.remove(f)
    subprocess.run([bomay, "ingest", "-q", "--db", out, "--records",
                    "/dev/null"], check=True)
    db = sqlite3.connect(out)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = OFF")

    n_org = max(100, n_rel // 50)
    n_person = max(100, n_rel // 5)
    n_doc = max(10, n_rel // 10)
    docs = [(i + 1, "synth:%d" % i, "%016x" % rnd.getrandbits(64),
             "20%02d-%02d-%02d" % (10 + i % 15, 1 + i % 12, 1 + i % 28))
            for i in range(n_doc)]
    db.executemany("INSERT INTO documents (id, doc, hash, date, ingested_at,"
                   " record) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', '{}')",
                   docs)

    ents, names = [], set()
    def add(type_, name):
        k = key(name)
        if (type_, k) in names:
            return None
        names.add((type_, k))
        ents.append((len(ents) + 1, type_, name, k, fold(name)))
        return len(ents)
    orgs = []
    i = 0
    while len(orgs) < n_org:
        name = "%s %s số %d" % (rnd.choice(UNITS), rnd.choice(FIELDS), i)
        i += 1
        e = add("ORG", name)
        if e:
            orgs.append(e)
    people = []
    while len(people) < n_person:
        name = "%s %s %s %d" % (rnd.choice(SURNAMES), rnd.choice(MIDDLE),
                                rnd.choice(GIVEN), rnd.randrange(10**6))
        e = add("PERSON", name)
        if e:
            people.append(e)
    db.executemany("INSERT INTO entities (id, type, name, name_key, fold)"
                   " VALUES (?, ?, ?, ?, ?)", ents)
    db.executemany("INSERT INTO aliases (type, alias_key, entity, alias, fold,"
                   " n_syll) VALUES (?, ?, ?, ?, ?, ?)",
                   ((t, k, e, n, f, len(n.split())) for e, t, n, k, f in ents))
    db.executemany("INSERT INTO mentions (entity, document, start_byte,"
                   " end_byte) VALUES (?, ?, -1, -1)",
                   ((e[0], 1 + e[0] % n_doc) for e in ents))
    db.executemany("INSERT INTO alias_docs (alias, document) VALUES (?, ?)",
                   ((a, 1 + a % n_doc) for a in range(1, len(ents) + 1)))

    rels = set()
    def rel(t, s, o, role=""):
        if s == o:
            return
        if t == "cooperates_with" and s > o:
            s, o = o, s
        rels.add((t, s, o, role))
    # a tree of organizations: each under an earlier one
    for j, o in enumerate(orgs[1:], 1):
        rel("part_of", o, orgs[rnd.randrange(j)])
    # posts: a power law over organizations makes a few of them hubs
    n_posts = int(n_rel * 0.6)
    while len(rels) < n_org - 1 + n_posts:
        org = orgs[min(int(rnd.paretovariate(1.2)) - 1, n_org - 1)] \
            if rnd.random() < 0.3 else rnd.choice(orgs)
        rel("holds_position", rnd.choice(people), org, rnd.choice(ROLES))
    while len(rels) < n_rel:
        rel("cooperates_with", rnd.choice(orgs), rnd.choice(orgs))
    rows = []
    for rid, (t, s, o, role) in enumerate(sorted(rels), 1):
        d = docs[rnd.randrange(n_doc)]
        rows.append((rid, t, s, o, role or None, key(role) if role else "",
                     d[3], d[0]))
    db.executemany("INSERT INTO relations (id, type, subject, object, role,"
                   " role_key, status, first_seen, last_seen, n_evidence)"
                   " VALUES (?, ?, ?, ?, ?, ?, 'current', ?, ?7, 1)",
                   (r[:7] for r in rows))
    db.executemany("INSERT INTO evidence (relation, document, start_byte,"
                   " end_byte, sentence, date, former) VALUES (?, ?, 0, 0, ?,"
                   " ?, 0)",
                   ((r[0], r[7], "Câu chứng cứ số %d." % r[0], r[6])
                    for r in rows))
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    print("%s: %d entities (%d ORG, %d PERSON), %d relations, %d documents"
          % (out, len(ents), len(orgs), len(people), len(rows), n_doc))


if __name__ == "__main__":
    main()
