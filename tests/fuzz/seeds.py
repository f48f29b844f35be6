#!/usr/bin/env python3
"""seeds.py: writes the seed corpora of the fuzz targets into corpus/<target>/
from fixtures/text/*.txt and the small hand-written cases below.
Run again after the fixtures change: python3 tests/fuzz/seeds.py"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Hand-written sentences of the kind the extractor reads (not from any corpus).
TEXTS = [
    "Chủ tịch UBND tỉnh Yên Bái Trần Huy Tuấn đã ký quyết định.",
    "Ông Nguyễn Văn A, Phó Chủ tịch Quốc hội, tiếp đoàn đại biểu.",
    "Thượng tướng Lê Văn B, Thứ trưởng Bộ Công an, phát biểu tại hội nghị.",
    "Bộ trưởng Bộ Tài chính (Bộ TC) và Ngân hàng Nhà nước Việt Nam (NHNN) ký kết hợp tác.",
    "Nguyên Bí thư Tỉnh ủy Lào Cai, ông Phạm Văn C, đã nghỉ hưu.",
    "GS.TS Trần Thị D, Giám đốc Đại học Quốc gia Hà Nội, cho biết: \"Chúng tôi sẽ làm.\"",
    "Sở Y tế thuộc UBND TP Hồ Chí Minh; Vụ Tổ chức cán bộ thuộc Bộ Xây dựng.",
    "Theo Luật Đất đai 2013 và Nghị định 43/2014/NĐ-CP, Chính phủ quy định...",
    "Chủ tịch nước Võ Văn E hội đàm với Tổng thống Hoa Kỳ tại Hà Nội ngày 10/9/2023.",
    "Thiếu tá Đỗ F - Trưởng Công an huyện X, tỉnh Nghệ An - nhận nhiệm vụ mới.\r\nDòng thứ hai.",
    "Ho\u0300a Bi\u0300nh, tỉnh Hòa Bình, Hoà Bình.",  # NFD and both tone placements
    "\ufeffBOM rồi văn bản.\u00a0NBSP\u200bZWSP.",
    "",
]
HOSTILE = [
    b"\xc0\xaf overlong", b"\xed\xa0\x80 surrogate", b"truncated \xe1\xbb",
    b"stray \x80\xbf continuation", b"nul \x00 byte", b"\xf5\x80\x80\x80 past U+10FFFF",
    "('); DROP TABLE entities;--) \"node\" graph subgraph <&> \\".encode(),
    "\u202eRTL\u200d ZWJ \u200f\x01\x1f\x7f".encode(),
    ("Bộ trưởng " * 40 + "Nguyễn Văn A").encode(),
    ("((((\"«" * 30 + "Ông Trần B" + "»\"))))" * 30).encode(),
    ("Ông " + "Hà " * 200).encode(),
]


def fixtures():
    d = os.path.join(ROOT, "fixtures", "text")
    out = []
    if os.path.isdir(d):
        for n in sorted(os.listdir(d)):
            if n.endswith(".txt"):
                with open(os.path.join(d, n), "rb") as f:
                    out.append(f.read())
    return out


def put(target, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    texts = [t.encode() for t in TEXTS] + HOSTILE + fixtures()
    for t in texts:
        for flags in (0, 1, 2, 3):
            put("fuzz_extract", bytes([flags]) + t[:16384])
    docs = []
    for i, t in enumerate(texts):
        s = t.decode("utf-8", "replace")
        docs.append(json.dumps({"id": "d%d" % i, "text": s, "title": s[:20],
                                "date": "2024-01-0%d" % (i % 9 + 1)},
                               ensure_ascii=bool(i % 2)).encode())
    lines = [
        b'{"id": 7, "text": "numeric id"}',
        b'{"text": "no id"}',
        b'{"id": "x"}',
        b'{"id": "x", "text": 3}',
        b'{"id": "x", "text": "a\\u0000b"}',
        b'not json',
        b'[1, 2]',
        b'   ',
        b'{"id": "\xff", "text": "bad utf-8 \xc0\xaf"}',
        b'{"doc": "r1", "entities": []}',
    ]
    for flags in (0, 1, 2, 4, 8, 16, 32):
        put("fuzz_jsonl", bytes([flags]) + b"\n".join(docs[:4] + lines) + b"\n")
        put("fuzz_jsonl", bytes([flags]) + b"\r\n\n".join(lines[:5]))
    for d in docs[:6]:
        put("fuzz_jsonl", bytes([0]) + d)
    recs = [
        {"doc": "001", "title": "T", "date": "2024-01-01", "hash": "0123456789abcdef",
         "text_len": 120,
         "entities": [
             {"id": "e1", "type": "PERSON", "name": "Nguyễn Văn A", "aliases": ["Ông A"],
              "attrs": {"rank": "Thượng tướng", "degree": "GS.TS"},
              "mentions": [[0, 12], [40, 45]]},
             {"id": "e2", "type": "ORG", "name": "Bộ Công an", "aliases": [],
              "mentions": [[20, 30]]},
             {"id": "e3", "type": "LOC", "name": "Hà Nội", "aliases": []}],
         "relations": [
             {"type": "holds_position", "subject": "e1", "object": "e2",
              "role": "Thứ trưởng", "status": "former",
              "evidence": {"start": 0, "end": 60, "text": "Thượng tướng Nguyễn Văn A"}},
             {"type": "holds_position", "subject": "e1", "object": None, "role": "Đại biểu"},
             {"type": "part_of", "subject": "e2", "object": "e3"},
             {"type": "cooperates_with", "subject": "e2", "object": "e3"}]},
        {"doc": "gold", "entities": [{"id": "e1", "type": "PERSON", "name": "X", "aliases": []}],
         "relations": [{"type": "unknown_rel", "subject": "e1", "object": "e1"}]},
        {"doc": "names", "entities": [
            {"id": "a", "type": "ORG", "name": "'); DROP TABLE entities;--", "aliases": ["node", "graph"]},
            {"id": "b", "type": "OTHER", "name": "<&>\"\\\u202e\u200d\x01", "aliases": ["subgraph"]}],
         "relations": []},
    ]
    for r in recs:
        put("fuzz_records", json.dumps(r, ensure_ascii=False).encode())
        put("fuzz_records", json.dumps(r).encode())
    for bad in [b'{"doc": ""}', b'{"doc": "x", "entities": {}}', b'{"doc": "x", "doc": "y"}',
                b'{"doc": "x", "entities": [{"id": "e1", "name": ""}]}',
                b'{"doc": "x", "entities": [{"id": "e1", "name": "A"}, {"id": "e1", "name": "B"}]}',
                b'{"doc": "x", "relations": [{"type": "part_of", "subject": "e9"}]}',
                b'{"doc": "x", "title": "\xc0\xaf"}', b'{"doc": "x"', b'']:
        put("fuzz_records", bad)
    names = ["'); DROP TABLE entities;--", "node", "graph", "subgraph", "digraph",
             "edge", "strict", "a'b\"c\\d<e>f&g;h", "}; node [shape=box]; {",
             "<![CDATA[x]]>&amp;&#0;</graphml>", "tab\there\nline\rcr", "\x01\x1f\x7f",
             "\u202eRTL\u200f", "ZWJ\u200djoin", "C:\\new\\", "-1.5", "", "Bộ Công an",
             "Nguyễn Văn A", "\ufffe\uffff", "\"quoted\"", "a,b\n\"c\"", "2024-01-02"]
    for flags in (0, 1, 6, 7):
        put("fuzz_export", bytes([flags]) + b"\0".join(n.encode() for n in names))
        put("fuzz_export", bytes([flags]) + b"\0".join(n.encode() for n in names[::-1][:5]))
    put("fuzz_export", b"\x00x\xff\xc0\xaf\0y\xed\xa0\x80")
    return 0


if __name__ == "__main__":
    sys.exit(main())
