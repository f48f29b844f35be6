/* curate.c: researchers' corrections (merge, rename, alias add/remove,
 * split, delete) kept as rules, listing and undoing them, and the rebuild
 * of the graph from the stored records that undo and split need. */
#include <stdlib.h>
#include <string.h>

#include "extract/util.h"
#include "graph/curate.h"
#include "graph/entity.h"
#include "graph/ingest.h"
#include "graph/rules.h"

/* ---- rebuild ------------------------------------------------------------ */

static const char SQL_ALL_DOCS[] =
	"SELECT id, record FROM documents ORDER BY doc";

int bm_graph_rebuild(bm_graph *g)
{
	static const char *const wipe[] = {
		"DELETE FROM evidence", "DELETE FROM relations",
		"DELETE FROM mentions", "DELETE FROM alias_docs",
		"DELETE FROM alias_forms", "DELETE FROM aliases",
		"DELETE FROM entities"};
	sqlite3_stmt *st;
	int rc = 0;

	for (size_t i = 0; i < BM_ARRAY_LEN(wipe) && rc == 0; i++)
		rc = bm_exec(g, wipe[i]);
	bm_rules_free(g->rules);
	g->rules = NULL;
	if (rc < 0 || (rc = bm_rules_load(g, &g->rules)) < 0)
		return rc;
	/* the records are read first: contributing writes to the tables
	 * a pending SELECT would walk */
	if (!(st = bm_stmt(g, SQL_ALL_DOCS)))
		return BM_EDB;
	for (;;) {
		int step = sqlite3_step(st);
		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			rc = bm_graph_dberr(g, "reading the records");
			break;
		}
		int64_t doc = sqlite3_column_int64(st, 0);
		const char *json = (const char *)sqlite3_column_text(st, 1);
		bm_record *r = NULL;
		if (json && bm_record_from_json(json, strlen(json), &r, NULL, 0) == 0)
			rc = bm_ingest_contribute(g, r, doc);
		bm_record_free(r);
		if (rc < 0)
			break;
	}
	sqlite3_reset(st);
	return rc;
}

/* ---- rules -------------------------------------------------------------- */

static const char SQL_ADD_RULE[] =
	"INSERT INTO rules (op, type, a, a_key, b, b_key, docs, created_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	" strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))";

static int add_rule(bm_graph *g, const char *op, const char *type,
		    const char *a, const char *b, const char *docs)
{
	char *a_key = bm_name_key(a, strlen(a));
	char *b_key = b ? bm_name_key(b, strlen(b)) : NULL;
	sqlite3_stmt *st = bm_stmt(g, SQL_ADD_RULE);
	int rc = BM_EDB;
	if (!a_key || !*a_key || (b && (!b_key || !*b_key))) {
		bm_graph_seterr(g, "a name without letters or digits");
		rc = BM_EINVAL;
	} else if (st) {
		sqlite3_bind_text(st, 1, op, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, a_key, -1, SQLITE_STATIC);
		bm_bind_text(st, 5, b);
		bm_bind_text(st, 6, b_key);
		bm_bind_text(st, 7, docs);
		rc = bm_exec_stmt(g, st, "adding a rule");
	}
	free(a_key);
	free(b_key);
	return rc;
}

static const char SQL_ENTITY[] =
	"SELECT type, name FROM entities WHERE id = ?1";

/* The type and canonical name of entity id (caller frees *name). */
static int entity_info(bm_graph *g, int64_t id, char type[8], char **name)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_ENTITY);
	int rc;
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(type, 8, "%s", (const char *)sqlite3_column_text(st, 0));
		*name = bm_xstrdup((const char *)sqlite3_column_text(st, 1));
		rc = 0;
	} else {
		rc = bm_graph_dberr(g, "reading an entity");
	}
	sqlite3_reset(st);
	return rc;
}

typedef enum { OP_MERGE, OP_RENAME, OP_ALIAS_ADD, OP_ALIAS_REMOVE, OP_SPLIT,
	       OP_DELETE } op_kind;
static const char *const op_names[] = {"merge", "rename", "alias_add",
				       "alias_remove", "split", "delete"};

/* One correction in one transaction: resolve, check, record the rule, act
 * on the graph (directly, or by a rebuild), commit. */
static int curate(bm_graph *g, op_kind op, const char *a, const char *b,
		  const char *docs, bm_matches *cands)
{
	int64_t id = 0, other = 0;
	char type[8], *name = NULL, *key = NULL;
	int rc;

	if ((rc = bm_graph_begin(g)) < 0)
		return rc;
	if ((rc = bm_graph_resolve(g, a, 0, &id, cands)) < 0 ||
	    (rc = entity_info(g, id, type, &name)) < 0)
		goto done;
	if (b && op != OP_ALIAS_REMOVE) {
		/* b must be free, or (merge) another entity of the same type */
		key = bm_name_key(b, strlen(b));
		other = key ? bm_alias_entity(g, type, key) : 0;
		if (other < 0) {
			rc = (int)other;
			goto done;
		}
		if (op == OP_MERGE) {
			bm_ent_type t = BM_ENT_OTHER;
			bm_ent_type_parse(type, &t);
			if ((rc = bm_graph_resolve(g, b, 1u << t, &other, cands)) < 0)
				goto done;
			if (other == id) {
				bm_graph_seterr(g, "'%s' and '%s' are one entity already",
						a, b);
				rc = BM_EINVAL;
				goto done;
			}
		} else if (other && other != id) {
			bm_graph_seterr(g, "'%s' already names entity #%lld; merge "
					   "them instead",
					b, (long long)other);
			rc = BM_EINVAL;
			goto done;
		}
	}
	if (op == OP_ALIAS_REMOVE) {
		key = bm_name_key(b, strlen(b));
		other = key ? bm_alias_entity(g, type, key) : 0;
		if (other != id) {
			bm_graph_seterr(g, "'%s' is no alias of '%s'", b, name);
			rc = BM_ENOTFOUND;
			goto done;
		}
	}
	/* the rule names the entity as the user did for split (the name the
	 * documents use), else by its canonical name */
	const char *a_name = op == OP_SPLIT ? a : name;
	if (op == OP_MERGE) {
		char *bname = NULL, btype[8];
		if ((rc = entity_info(g, other, btype, &bname)) == 0)
			rc = add_rule(g, "merge", type, a_name, bname, NULL);
		free(bname);
	} else {
		rc = add_rule(g, op_names[op], type, a_name, b, docs);
	}
	if (rc < 0)
		goto done;
	switch (op) {
	case OP_MERGE: rc = bm_entity_union(g, id, other); break;
	case OP_DELETE: rc = bm_entity_remove(g, id); break;
	case OP_RENAME:
	case OP_ALIAS_ADD: {
		char *k = bm_name_key(name, strlen(name));
		rc = bm_rules_apply_one(g, op_names[op], type, k, b, key);
		free(k);
		break;
	}
	case OP_ALIAS_REMOVE:
	case OP_SPLIT: rc = bm_graph_rebuild(g); break;
	}
done:
	free(name);
	free(key);
	if (rc < 0) {
		bm_graph_rollback(g);
		return rc;
	}
	return bm_graph_commit(g);
}

int bm_entity_merge(bm_graph *g, const char *a, const char *b,
		    bm_matches *cands)
{
	return curate(g, OP_MERGE, a, b, NULL, cands);
}

int bm_entity_rename(bm_graph *g, const char *a, const char *new_name,
		     bm_matches *cands)
{
	return curate(g, OP_RENAME, a, new_name, NULL, cands);
}

int bm_entity_alias(bm_graph *g, const char *a, const char *alias, int add,
		    bm_matches *cands)
{
	return curate(g, add ? OP_ALIAS_ADD : OP_ALIAS_REMOVE, a, alias, NULL,
		      cands);
}

int bm_entity_split(bm_graph *g, const char *a, char *const *docs,
		    size_t n_docs, bm_matches *cands)
{
	bm_buf b;
	int rc;
	if (n_docs == 0) {
		bm_graph_seterr(g, "split: no document given");
		return BM_EINVAL;
	}
	bm_buf_init(&b);
	for (size_t i = 0; i < n_docs; i++) {
		if (i)
			bm_buf_putc(&b, '\n');
		bm_buf_puts(&b, docs[i]);
	}
	rc = curate(g, OP_SPLIT, a, NULL, b.data, cands);
	bm_buf_dispose(&b);
	return rc;
}

int bm_entity_delete(bm_graph *g, const char *a, bm_matches *cands)
{
	return curate(g, OP_DELETE, a, NULL, NULL, cands);
}

/* ---- listing and undoing ------------------------------------------------ */

static const char SQL_LIST[] =
	"SELECT id, op, type, a, b, docs, created_at, undone FROM rules"
	" ORDER BY id";

static char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? bm_xstrdup((const char *)s) : NULL;
}

int bm_entity_rules(bm_graph *g, bm_rules_list *out)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_LIST);
	int rc;
	memset(out, 0, sizeof *out);
	if (!st)
		return BM_EDB;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t n = out->n;
		if ((n & (n - 1)) == 0)
			out->v = bm_xrealloc(out->v, (n ? 2 * n : 1) * sizeof *out->v);
		bm_rule *x = &out->v[n];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(st, 0);
		snprintf(x->op, sizeof x->op, "%s",
			 (const char *)sqlite3_column_text(st, 1));
		x->type = BM_ENT_OTHER;
		bm_ent_type_parse((const char *)sqlite3_column_text(st, 2), &x->type);
		x->a = col(st, 3);
		x->b = col(st, 4);
		x->docs = col(st, 5);
		x->created_at = col(st, 6);
		x->undone = sqlite3_column_int(st, 7);
		out->n = n + 1;
	}
	rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "listing the rules");
	sqlite3_reset(st);
	return rc;
}

void bm_rules_list_free(bm_rules_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].a);
		free(l->v[i].b);
		free(l->v[i].docs);
		free(l->v[i].created_at);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static const char SQL_LAST_ACTIVE[] =
	"SELECT max(id) FROM rules WHERE undone = 0";
static const char SQL_UNDO[] =
	"UPDATE rules SET undone = 1 WHERE id = ?1 AND undone = 0";

int bm_entity_undo(bm_graph *g, int64_t id)
{
	sqlite3_stmt *st;
	int rc;
	if ((rc = bm_graph_begin(g)) < 0)
		return rc;
	if (id == 0) {
		if (!(st = bm_stmt(g, SQL_LAST_ACTIVE))) {
			rc = BM_EDB;
			goto done;
		}
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (!(st = bm_stmt(g, SQL_UNDO))) {
		rc = BM_EDB;
		goto done;
	}
	sqlite3_bind_int64(st, 1, id);
	if ((rc = bm_exec_stmt(g, st, "undoing a rule")) < 0)
		goto done;
	if (sqlite3_changes(g->db) == 0) {
		bm_graph_seterr(g, id ? "no active rule #%lld" : "no rule to undo",
				(long long)id);
		rc = BM_ENOTFOUND;
		goto done;
	}
	rc = bm_graph_rebuild(g);
done:
	if (rc < 0) {
		bm_graph_rollback(g);
		return rc;
	}
	return bm_graph_commit(g);
}
