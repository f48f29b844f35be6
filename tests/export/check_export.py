#!/usr/bin/python3
"""check_export.py: reads an export of bomay back the way users would and
compares it with the database it came from.

usage: check_export.py FORMAT FILE DB
  dot      parsed by cgraph (gvpr): same nodes, edges (keys e<ID>), labels
  graphml  read by NetworkX: same nodes and edges, names, roles, types
  json     json module: every field of every node and edge
  csv      csv module (RFC 4180): the same, row by row
In every format each node carries its posts without an organization (the
holds_position relations whose object is 0), a JSON array.  Names must come
back byte for byte, except that GraphML and DOT labels hold U+FFFD where
XML 1.0 cannot hold a character.  Prints one line of counts;
exits 1 with the differences."""
import csv
import json
import re
import sqlite3
import subprocess
import sys

XML_BAD = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]')


def clean(s):
    return XML_BAD.sub('\ufffd', s) if s is not None else None


def load_db(path):
    db = sqlite3.connect(path)
    nodes = {}
    for i, t, name in db.execute('SELECT id, type, name FROM entities'):
        aliases = sorted({a for (a,) in db.execute(
            'SELECT alias FROM aliases WHERE entity = ? AND alias <> ?',
            (i, name))})
        nodes[i] = {'type': t, 'name': name, 'aliases': aliases,
                    'posts': load_posts(db, i)}
    edges = {}
    for row in db.execute('SELECT id, type, subject, object, role, status,'
                          ' n_evidence, first_seen, last_seen'
                          ' FROM relations WHERE object <> 0'):
        i, t, s, o, role, status, n, first, last = row
        edges[i] = {'type': t, 'source': s, 'target': o, 'role': role,
                    'status': status, 'evidence_count': n,
                    'first_seen': first, 'last_seen': last}
    return nodes, edges


POST_FIELDS = ('id', 'role', 'status', 'evidence_count', 'first_seen',
               'last_seen', 'evidence', 'evidence_doc')


def load_posts(db, node):
    """The node's holds_position relations without an organization, in id
    order, with their latest evidence sentence."""
    posts = []
    for row in db.execute('SELECT id, role, status, n_evidence, first_seen,'
                          ' last_seen FROM relations WHERE subject = ?'
                          " AND object = 0 AND type = 'holds_position'"
                          ' ORDER BY id', (node,)):
        ev = db.execute('SELECT ev.sentence, d.doc FROM evidence ev'
                        ' JOIN documents d ON d.id = ev.document'
                        ' WHERE ev.relation = ?'
                        ' ORDER BY ev.date DESC, ev.id DESC LIMIT 1',
                        (row[0],)).fetchone() or (None, None)
        posts.append(dict(zip(POST_FIELDS, row + tuple(ev))))
    return posts


def posts_of(text):
    """Posts as a format gives them (a JSON array, or its text); None when
    the format left them out."""
    if text is None:
        return None
    posts = json.loads(text) if isinstance(text, str) else text
    return [{k: p.get(k) for k in POST_FIELDS} for p in posts]


def undouble(label):
    """A label as Graphviz reads it (escString): every backslash of the
    name must come doubled; a single one would be an escape (\\n, \\N)."""
    out, i = [], 0
    while i < len(label):
        if label[i] == '\\':
            if label[i + 1:i + 2] != '\\':
                return f'<escape \\{label[i + 1:i + 2]} in {label!r}>'
            i += 1
        out.append(label[i])
        i += 1
    return ''.join(out)


def read_dot(path):
    prog = ('N { printf("N\\037%s\\037%s\\037%s\\037%s\\036", name, label, type,'
            ' posts) }'
            ' E { printf("E\\037%s\\037%s\\037%s\\037%s\\037%s\\037%s\\036",'
            ' name, tail.name, head.name, label, relation, status) }')
    out = subprocess.run(['gvpr', prog, path], check=True,
                         capture_output=True).stdout.decode('utf-8')
    nodes, edges = {}, {}
    for rec in out.split('\x1e')[:-1]:
        f = rec.split('\x1f')
        if f[0] == 'N':
            nodes[int(f[1][1:])] = {'type': f[3], 'name': undouble(f[2]),
                                    'posts': posts_of(undouble(f[4] or '[]'))}
        else:
            key = re.search(r'\[e(\d+)\]$', f[1]).group(1)
            edges[int(key)] = {'source': int(f[2][1:]), 'target': int(f[3][1:]),
                               'role': undouble(f[4]) or None, 'type': f[5],
                               'status': f[6]}
    return nodes, edges


def read_graphml(path):
    import networkx as nx
    g = nx.read_graphml(path)
    nodes = {int(n[1:]): {'type': d['type'], 'name': d['name'],
                          'label': d['label'],
                          'aliases': json.loads(d['aliases']),
                          'posts': posts_of(d.get('posts'))}
             for n, d in g.nodes(data=True)}
    edges = {}
    for s, t, k, d in g.edges(keys=True, data=True):
        edges[int(d.get('id', k)[1:])] = {
            'source': int(s[1:]), 'target': int(t[1:]), 'type': d['type'],
            'role': d.get('role'), 'status': d['status'],
            'evidence_count': d['evidence_count'],
            'first_seen': d.get('first_seen'), 'last_seen': d.get('last_seen')}
    return nodes, edges


def read_json(path):
    with open(path, encoding='utf-8') as f:
        doc = json.load(f)
    for n in doc['nodes']:
        n['posts'] = posts_of(n.get('posts'))
    return ({n['id']: n for n in doc['nodes']},
            {e['id']: e for e in doc['edges']})


def read_csv(path):
    nodes, edges = {}, {}
    with open(path, encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f):
            row = {k: (v if v != '' else None) for k, v in row.items()}
            if row['kind'] == 'node':
                row['aliases'] = json.loads(row['aliases'])
                row['posts'] = posts_of(row.get('posts'))
                nodes[int(row['id'])] = row
            else:
                for k in ('source', 'target', 'evidence_count'):
                    row[k] = int(row[k])
                edges[int(row['id'])] = row
    return nodes, edges


def main():
    fmt, path, dbpath = sys.argv[1:4]
    want_n, want_e = load_db(dbpath)
    got_n, got_e = {'dot': read_dot, 'graphml': read_graphml,
                    'json': read_json, 'csv': read_csv}[fmt](path)
    lossy = fmt in ('dot', 'graphml')
    bad = []
    if set(got_n) != set(want_n):
        bad.append(f'nodes differ: {sorted(set(got_n) ^ set(want_n))}')
    if set(got_e) != set(want_e):
        bad.append(f'edges differ: {sorted(set(got_e) ^ set(want_e))}')
    for i in set(got_n) & set(want_n):
        for k, v in want_n[i].items():
            if k not in got_n[i] and k != 'posts':
                continue
            if lossy and isinstance(v, str):
                v = clean(v)
            if lossy and k == 'aliases':
                v = [clean(a) for a in v]
            if lossy and k == 'posts':
                v = [{f: clean(x) if isinstance(x, str) else x
                      for f, x in p.items()} for p in v]
            if got_n[i].get(k) != v:
                bad.append(f'node {i} {k}: {got_n[i].get(k)!r} != {v!r}')
        if 'label' in got_n[i] and got_n[i]['label'] != clean(want_n[i]['name']):
            bad.append(f'node {i} label: {got_n[i]["label"]!r}')
    for i in set(got_e) & set(want_e):
        for k, v in want_e[i].items():
            if k not in got_e[i]:
                continue
            if lossy and isinstance(v, str):
                v = clean(v)
            if got_e[i][k] != v:
                bad.append(f'edge {i} {k}: {got_e[i][k]!r} != {v!r}')
    print(f'{fmt}: {len(got_n)} nodes, {len(got_e)} edges '
          f'(database: {len(want_n)}, {len(want_e)})')
    for b in bad[:20]:
        print('  ' + b)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
