/* rules.c: curation rules in memory for ingest (delete, alias_remove and
 * split act on names as they come in) and their re-application after each
 * batch (merge, rename and alias_add act on the stored graph). */
#include "graph/rules.h"

#include <stdlib.h>
#include <string.h>

#include "extract/util.h"
#include "graph/entity.h"

typedef struct {
	int64_t id;
	char *op, *type, *a, *a_key, *b, *b_key, *docs;
} rule;

struct bm_rules {
	rule *v;
	size_t n;
};

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? bm_xstrdup((const char *)s) : NULL;
}

static const char SQL_LOAD[] =
	"SELECT id, op, type, a, a_key, b, b_key, docs FROM rules"
	" WHERE undone = 0 ORDER BY created_at, id";

int bm_rules_load(bm_graph *g, bm_rules **out)
{
	bm_rules *r = bm_xcalloc(1, sizeof *r);
	sqlite3_stmt *st = bm_stmt(g, SQL_LOAD);
	size_t cap = 0;
	int rc;

	*out = r;
	if (!st)
		return BM_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->n == cap) {
			cap = cap ? 2 * cap : 8;
			r->v = bm_xrealloc(r->v, cap * sizeof *r->v);
		}
		rule *x = &r->v[r->n++];
		x->id = sqlite3_column_int64(st, 0);
		x->op = col(st, 1);
		x->type = col(st, 2);
		x->a = col(st, 3);
		x->a_key = col(st, 4);
		x->b = col(st, 5);
		x->b_key = col(st, 6);
		x->docs = col(st, 7);
	}
	rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "reading the rules");
	sqlite3_reset(st);
	return rc;
}

void bm_rules_free(bm_rules *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		rule *x = &r->v[i];
		free(x->op);
		free(x->type);
		free(x->a);
		free(x->a_key);
		free(x->b);
		free(x->b_key);
		free(x->docs);
	}
	free(r->v);
	free(r);
}

static int same(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

int bm_rules_deleted(const bm_rules *r, const char *type, const char *key)
{
	for (size_t i = 0; r && i < r->n; i++)
		if (same(r->v[i].op, "delete") && same(r->v[i].type, type) &&
		    same(r->v[i].a_key, key))
			return 1;
	return 0;
}

int bm_rules_unaliased(const bm_rules *r, const char *type, const char *key)
{
	for (size_t i = 0; r && i < r->n; i++)
		if (same(r->v[i].op, "alias_remove") && same(r->v[i].type, type) &&
		    same(r->v[i].b_key, key))
			return 1;
	return 0;
}

/* 1 when doc is one of the lines of docs. */
static int listed(const char *docs, const char *doc)
{
	size_t n = strlen(doc);
	for (const char *p = docs; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && memcmp(p, doc, n) == 0)
			return 1;
		p = e ? e + 1 : p + len;
	}
	return 0;
}

int64_t bm_rules_split(const bm_rules *r, const char *type, const char *key,
		       const char *doc)
{
	for (size_t i = 0; r && i < r->n; i++)
		if (same(r->v[i].op, "split") && same(r->v[i].type, type) &&
		    same(r->v[i].a_key, key) && listed(r->v[i].docs, doc))
			return r->v[i].id;
	return 0;
}

static const char SQL_PIN[] =
	"UPDATE entities SET name = ?2, name_key = ?3, fold = ?4, pinned = 1"
	" WHERE id = ?1";
static const char SQL_RULE_ALIAS[] =
	"INSERT INTO aliases (type, alias_key, entity, alias, fold, n_syll, origin,"
	" named) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7)"
	" ON CONFLICT (type, alias_key) DO UPDATE SET origin = 1,"
	" named = max(named, excluded.named) WHERE entity = excluded.entity";

/* Gives entity id the name (or alias) form with key; pin: also as its
 * canonical name. */
static int add_name(bm_graph *g, const char *type, int64_t id,
		    const char *form, const char *key, int pin)
{
	char *fold = bm_fold(form);
	sqlite3_stmt *st = bm_stmt(g, SQL_RULE_ALIAS);
	int rc = BM_EDB;
	if (!st)
		goto cleanup;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_text(st, 4, form, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, fold, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, bm_syllables(form));
	sqlite3_bind_int(st, 7, 0); /* named by documents only */
	if ((rc = bm_exec_stmt(g, st, "adding a name")) < 0 || !pin)
		goto cleanup;
	if (!(st = bm_stmt(g, SQL_PIN))) {
		rc = BM_EDB;
		goto cleanup;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, fold, -1, SQLITE_STATIC);
	rc = bm_exec_stmt(g, st, "renaming an entity");
cleanup:
	free(fold);
	return rc;
}

int bm_rules_apply_one(bm_graph *g, const char *op, const char *type,
		       const char *a_key, const char *b, const char *b_key)
{
	int64_t a_id = bm_alias_entity(g, type, a_key), b_id = 0;
	if (a_id < 0)
		return (int)a_id;
	if (b_key && (b_id = bm_alias_entity(g, type, b_key)) < 0)
		return (int)b_id;
	if (strcmp(op, "merge") == 0) {
		if (a_id && b_id && a_id != b_id)
			return bm_entity_union(g, a_id, b_id);
	} else if (strcmp(op, "rename") == 0) {
		int64_t id = a_id ? a_id : b_id;
		if (id && (!b_id || b_id == id))
			return add_name(g, type, id, b, b_key, 1);
	} else if (strcmp(op, "alias_add") == 0) {
		if (a_id && !b_id)
			return add_name(g, type, a_id, b, b_key, 0);
	} else if (strcmp(op, "delete") == 0) {
		if (a_id)
			return bm_entity_remove(g, a_id);
	}
	return 0;
}

int bm_rules_apply(bm_graph *g, const bm_rules *r)
{
	int rc = 0;
	for (size_t i = 0; r && i < r->n && rc == 0; i++)
		rc = bm_rules_apply_one(g, r->v[i].op, r->v[i].type,
					r->v[i].a_key, r->v[i].b, r->v[i].b_key);
	return rc;
}
