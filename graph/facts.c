/* facts.c: relation rows of queries as bm_fact structs, and freeing the
 * result lists of the query functions. */
#include "graph/facts.h"

#include <stdlib.h>
#include <string.h>

#include "extract/util.h"

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? bm_xstrdup((const char *)s) : NULL;
}

static bm_ent_type type_col(sqlite3_stmt *st, int i)
{
	bm_ent_type t = BM_ENT_OTHER;
	const unsigned char *s = sqlite3_column_text(st, i);
	if (s)
		bm_ent_type_parse((const char *)s, &t);
	return t;
}

bm_fact *bm_facts_push(bm_facts *out, sqlite3_stmt *st)
{
	size_t n = out->n;
	if ((n & (n - 1)) == 0)
		out->v = bm_xrealloc(out->v, (n ? 2 * n : 1) * sizeof *out->v);
	bm_fact *f = &out->v[n];
	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(st, 0);
	bm_rel_type rt = BM_REL_HOLDS_POSITION;
	if (sqlite3_column_text(st, 1))
		bm_rel_type_parse((const char *)sqlite3_column_text(st, 1), &rt);
	f->type = rt;
	f->subject = sqlite3_column_int64(st, 2);
	f->object = sqlite3_column_int64(st, 3);
	f->subject_type = type_col(st, 4);
	f->subject_name = dup_col(st, 5);
	f->object_type = type_col(st, 6);
	f->object_name = dup_col(st, 7);
	f->role = dup_col(st, 8);
	const unsigned char *status = sqlite3_column_text(st, 9);
	f->former = status && strcmp((const char *)status, "former") == 0;
	f->first_seen = dup_col(st, 10);
	f->last_seen = dup_col(st, 11);
	f->n_evidence = (long)sqlite3_column_int64(st, 12);
	f->evidence = dup_col(st, 13);
	f->evidence_doc = dup_col(st, 14);
	f->from = f->subject;
	out->n = n + 1;
	return f;
}

int bm_facts_read(bm_graph *g, sqlite3_stmt *st, bm_facts *out, int hop)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		bm_facts_push(out, st)->hop = hop;
	rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "reading relations");
	sqlite3_reset(st);
	return rc;
}

void bm_facts_free(bm_facts *f)
{
	if (!f)
		return;
	for (size_t i = 0; i < f->n; i++) {
		bm_fact *x = &f->v[i];
		free(x->subject_name);
		free(x->object_name);
		free(x->role);
		free(x->first_seen);
		free(x->last_seen);
		free(x->evidence);
		free(x->evidence_doc);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

void bm_matches_free(bm_matches *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].name);
		free(m->v[i].matched);
	}
	free(m->v);
	memset(m, 0, sizeof *m);
}
