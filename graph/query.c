/* query.c: finding entities by name (ambiguity reported, never guessed) and
 * the table queries: who holds posts at an organization, a person's posts,
 * search by accent-free name, and the size of the graph. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/util.h"
#include "graph/facts.h"

/* ---- names -------------------------------------------------------------- */

static const char SQL_BY_KEY[] =
	"SELECT a.entity, e.type, e.name, a.alias FROM aliases a"
	" JOIN entities e ON e.id = a.entity WHERE a.alias_key = ?1"
	" ORDER BY a.entity";
static const char SQL_BY_FOLD[] =
	"SELECT a.entity, e.type, e.name, a.alias FROM aliases a"
	" JOIN entities e ON e.id = a.entity WHERE a.fold = ?1"
	" ORDER BY a.entity";
static const char SQL_BY_ID[] =
	"SELECT id, type, name, name FROM entities WHERE id = ?1";
static const char SQL_N_DOCS[] =
	"SELECT count(DISTINCT document) FROM mentions WHERE entity = ?1";

static void match_push(bm_matches *m, sqlite3_stmt *st)
{
	int64_t id = sqlite3_column_int64(st, 0);
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].id == id)
			return;
	size_t n = m->n;
	if ((n & (n - 1)) == 0)
		m->v = bm_xrealloc(m->v, (n ? 2 * n : 1) * sizeof *m->v);
	bm_match *x = &m->v[n];
	memset(x, 0, sizeof *x);
	x->id = id;
	x->type = BM_ENT_OTHER;
	bm_ent_type_parse((const char *)sqlite3_column_text(st, 1), &x->type);
	x->name = bm_xstrdup((const char *)sqlite3_column_text(st, 2));
	x->matched = bm_xstrdup((const char *)sqlite3_column_text(st, 3));
	m->n = n + 1;
}

/* Reads the matches of st (bound) of the types in mask into m. */
static int read_matches(bm_graph *g, sqlite3_stmt *st, unsigned mask,
			bm_matches *m, size_t limit)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && (!limit || m->n < limit)) {
		bm_ent_type t = BM_ENT_OTHER;
		bm_ent_type_parse((const char *)sqlite3_column_text(st, 1), &t);
		if (!mask || (mask & (1u << t)))
			match_push(m, st);
	}
	rc = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0
						   : bm_graph_dberr(g, "finding a name");
	sqlite3_reset(st);
	return rc;
}

static int count_docs(bm_graph *g, bm_matches *m)
{
	sqlite3_stmt *st;
	for (size_t i = 0; i < m->n; i++) {
		if (!(st = bm_stmt(g, SQL_N_DOCS)))
			return BM_EDB;
		sqlite3_bind_int64(st, 1, m->v[i].id);
		if (sqlite3_step(st) == SQLITE_ROW)
			m->v[i].n_documents = (long)sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return 0;
}

int bm_graph_resolve(bm_graph *g, const char *name, unsigned type_mask,
		     int64_t *id, bm_matches *cands)
{
	bm_matches m = {0};
	sqlite3_stmt *st;
	int rc = 0;

	*id = 0;
	if (name[0] == '#' && name[1]) {
		char *end;
		long long v = strtoll(name + 1, &end, 10);
		if (!*end && (st = bm_stmt(g, SQL_BY_ID))) {
			sqlite3_bind_int64(st, 1, v);
			rc = read_matches(g, st, 0, &m, 0);
		}
	} else {
		char *key = bm_name_key(name, strlen(name));
		if (key && (st = bm_stmt(g, SQL_BY_KEY))) {
			sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
			rc = read_matches(g, st, type_mask, &m, 0);
		}
		free(key);
		if (rc == 0 && m.n == 0) {
			char *fold = bm_fold(name);
			if ((st = bm_stmt(g, SQL_BY_FOLD))) {
				sqlite3_bind_text(st, 1, fold, -1, SQLITE_TRANSIENT);
				rc = read_matches(g, st, type_mask, &m, 0);
			}
			free(fold);
		}
	}
	if (rc < 0)
		goto cleanup;
	if (m.n == 0) {
		bm_graph_seterr(g, "no entity named '%s'", name);
		rc = BM_ENOTFOUND;
	} else if (m.n == 1) {
		*id = m.v[0].id;
	} else {
		bm_graph_seterr(g, "'%s' names %zu entities", name, m.n);
		rc = BM_EAMBIGUOUS;
		if (cands && count_docs(g, &m) == 0) {
			*cands = m;
			memset(&m, 0, sizeof m);
		}
	}
cleanup:
	bm_matches_free(&m);
	return rc;
}

int bm_graph_search(bm_graph *g, const char *text, size_t limit,
		    bm_matches *out)
{
	static const char sql[] =
		"SELECT a.entity, e.type, e.name, a.alias FROM aliases a"
		" JOIN entities e ON e.id = a.entity WHERE instr(a.fold, ?1) > 0"
		" ORDER BY a.fold <> ?1, instr(a.fold, ?1) <> 1, length(a.fold),"
		" e.name, a.entity";
	char *fold = bm_fold(text);
	sqlite3_stmt *st = bm_stmt(g, sql);
	int rc = BM_EDB;

	memset(out, 0, sizeof *out);
	if (st) {
		sqlite3_bind_text(st, 1, fold, -1, SQLITE_TRANSIENT);
		rc = read_matches(g, st, 0, out, limit ? limit : 50);
	}
	free(fold);
	if (rc == 0)
		rc = count_docs(g, out);
	return rc;
}

/* ---- posts -------------------------------------------------------------- */

/* Seen during the period at ("2017", "2017-06", "2017-06-30"; NULL: any):
 * first seen no later than its end, last seen no earlier than its start. */
#define BM_SEEN_AT \
	" AND (?3 IS NULL OR (r.first_seen <= ?3 || '~' AND r.last_seen >= ?3))"

int bm_graph_who(bm_graph *g, int64_t org, int deep, const char *at,
		 bm_facts *out)
{
	static const char sql[] =
		"WITH RECURSIVE units(id) AS (SELECT ?1 UNION SELECT p.subject"
		" FROM relations p JOIN units u ON p.object = u.id"
		" WHERE p.type = 'part_of' AND ?2) " BM_FACT_SELECT
		"WHERE r.type = 'holds_position' AND r.object IN (SELECT id FROM units)"
		BM_SEEN_AT
		" ORDER BY r.object <> ?1, o.name, r.status <> 'current',"
		" r.role_key, s.name";
	sqlite3_stmt *st = bm_stmt(g, sql);
	memset(out, 0, sizeof *out);
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, org);
	sqlite3_bind_int(st, 2, deep != 0);
	bm_bind_text(st, 3, at);
	return bm_facts_read(g, st, out, 1);
}

int bm_graph_positions(bm_graph *g, int64_t person, const char *at,
		       bm_facts *out)
{
	static const char sql[] = BM_FACT_SELECT
		"WHERE r.subject = ?1 AND r.type = 'holds_position'" BM_SEEN_AT
		" ORDER BY coalesce(r.first_seen, ''), coalesce(r.last_seen, ''),"
		" r.role_key, r.object";
	sqlite3_stmt *st = bm_stmt(g, sql);
	memset(out, 0, sizeof *out);
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, person);
	bm_bind_text(st, 3, at);
	return bm_facts_read(g, st, out, 1);
}

/* ---- size --------------------------------------------------------------- */

static int count(bm_graph *g, const char *sql, long *out)
{
	sqlite3_stmt *st = bm_stmt(g, sql);
	int rc;
	if (!st)
		return BM_EDB;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = (long)sqlite3_column_int64(st, 0);
		rc = 0;
	} else {
		rc = bm_graph_dberr(g, "counting");
	}
	sqlite3_reset(st);
	return rc;
}

static int count_by(bm_graph *g, const char *sql, long *v, int n, int ent)
{
	sqlite3_stmt *st = bm_stmt(g, sql);
	int rc;
	if (!st)
		return BM_EDB;
	for (int i = 0; i < n; i++)
		v[i] = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		bm_ent_type et;
		bm_rel_type rt;
		if (ent && bm_ent_type_parse(t, &et) == 0)
			v[et] = (long)sqlite3_column_int64(st, 1);
		else if (!ent && bm_rel_type_parse(t, &rt) == 0)
			v[rt] = (long)sqlite3_column_int64(st, 1);
	}
	rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "counting");
	sqlite3_reset(st);
	return rc;
}

int bm_graph_stats(bm_graph *g, bm_graph_counts *out)
{
	static const char q_docs[] = "SELECT count(*) FROM documents";
	static const char q_ents[] = "SELECT count(*) FROM entities";
	static const char q_alias[] = "SELECT count(*) FROM aliases";
	static const char q_ment[] = "SELECT count(*) FROM mentions";
	static const char q_rels[] = "SELECT count(*) FROM relations";
	static const char q_ev[] = "SELECT count(*) FROM evidence";
	static const char q_rules[] = "SELECT count(*) FROM rules WHERE undone = 0";
	static const char q_types[] =
		"SELECT type, count(*) FROM entities GROUP BY type";
	static const char q_rtypes[] =
		"SELECT type, count(*) FROM relations GROUP BY type";
	static const char q_dates[] =
		"SELECT min(date), max(date) FROM documents";
	int rc;
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	if ((rc = count(g, q_docs, &out->documents)) < 0 ||
	    (rc = count(g, q_ents, &out->entities)) < 0 ||
	    (rc = count(g, q_alias, &out->aliases)) < 0 ||
	    (rc = count(g, q_ment, &out->mentions)) < 0 ||
	    (rc = count(g, q_rels, &out->relations)) < 0 ||
	    (rc = count(g, q_ev, &out->evidence)) < 0 ||
	    (rc = count(g, q_rules, &out->rules)) < 0 ||
	    (rc = count_by(g, q_types, out->by_type, BM_ENT__COUNT, 1)) < 0 ||
	    (rc = count_by(g, q_rtypes, out->by_rel, BM_REL__COUNT, 0)) < 0)
		return rc;
	if (!(st = bm_stmt(g, q_dates)))
		return BM_EDB;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *a = sqlite3_column_text(st, 0);
		const unsigned char *b = sqlite3_column_text(st, 1);
		out->first_date = a ? bm_xstrdup((const char *)a) : NULL;
		out->last_date = b ? bm_xstrdup((const char *)b) : NULL;
	}
	sqlite3_reset(st);
	return 0;
}
