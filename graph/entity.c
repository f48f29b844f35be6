/* entity.c: joining entities, choosing canonical names and recounting
 * relations: the merge rules of the graph in one place, used by ingest,
 * document replacement and curation alike. */
#include "graph/entity.h"

#include <stdlib.h>
#include <string.h>

#include "extract/util.h"

void bm_ids_push(bm_ids *l, int64_t id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = bm_xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = id;
}

void bm_ids_add(bm_ids *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return;
	bm_ids_push(l, id);
}

void bm_ids_dispose(bm_ids *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

static const char SQL_ALIAS_ENTITY[] =
	"SELECT entity FROM aliases WHERE type = ?1 AND alias_key = ?2";

int64_t bm_alias_entity(bm_graph *g, const char *type, const char *key)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_ALIAS_ENTITY);
	int64_t id = 0;
	if (!st)
		return BM_EDB;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		id = bm_graph_dberr(g, "looking up a name");
	sqlite3_reset(st);
	return id;
}

static const char SQL_RECOUNT[] =
	"UPDATE relations SET"
	" n_evidence = (SELECT count(*) FROM evidence WHERE relation = ?1),"
	" first_seen = (SELECT min(date) FROM evidence WHERE relation = ?1),"
	" last_seen = (SELECT max(date) FROM evidence WHERE relation = ?1),"
	" status = coalesce((SELECT CASE WHEN former THEN 'former'"
	"  ELSE 'current' END FROM evidence WHERE relation = ?1"
	"  ORDER BY coalesce(date, '') DESC, former DESC LIMIT 1), 'current')"
	" WHERE id = ?1";
static const char SQL_DROP_EMPTY[] =
	"DELETE FROM relations WHERE id = ?1 AND n_evidence = 0";

int bm_relation_recount(bm_graph *g, int64_t id)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_RECOUNT);
	int rc;
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = bm_exec_stmt(g, st, "recounting a relation")) < 0)
		return rc;
	if (!(st = bm_stmt(g, SQL_DROP_EMPTY)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, id);
	return bm_exec_stmt(g, st, "dropping a relation");
}

/* Names some record gave as the entity's name come first: an alias alone
 * (perhaps a mistake of extraction) never names an entity that has one. */
static const char SQL_BEST_NAME[] =
	"SELECT alias, alias_key, fold FROM aliases WHERE entity = ?1"
	" ORDER BY named DESC, n_syll DESC, length(alias) DESC, alias LIMIT 1";
static const char SQL_SET_NAME[] =
	"UPDATE entities SET name = ?2, name_key = ?3, fold = ?4"
	" WHERE id = ?1 AND pinned = 0 AND name_key IS NOT ?3";
static const char SQL_SET_NAME_FORM[] =
	"UPDATE entities SET name = ?2, fold = ?4"
	" WHERE id = ?1 AND pinned = 0 AND name_key IS ?3 AND name IS NOT ?2";

int bm_entity_canonical(bm_graph *g, int64_t id)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_BEST_NAME), *up;
	char *name = NULL, *key = NULL, *fold = NULL;
	int rc = 0;
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		name = bm_xstrdup((const char *)sqlite3_column_text(st, 0));
		key = bm_xstrdup((const char *)sqlite3_column_text(st, 1));
		fold = bm_xstrdup((const char *)sqlite3_column_text(st, 2));
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "naming an entity");
	}
	sqlite3_reset(st);
	if (rc < 0 || !name)
		goto cleanup;
	for (int pass = 0; pass < 2 && rc == 0; pass++) {
		up = bm_stmt(g, pass ? SQL_SET_NAME_FORM : SQL_SET_NAME);
		if (!up) {
			rc = BM_EDB;
			break;
		}
		sqlite3_bind_int64(up, 1, id);
		sqlite3_bind_text(up, 2, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 3, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(up, 4, fold, -1, SQLITE_STATIC);
		rc = bm_exec_stmt(g, up, "naming an entity");
	}
cleanup:
	free(name);
	free(key);
	free(fold);
	return rc;
}

static const char SQL_MOVE_ALIASES[] =
	"UPDATE aliases SET entity = ?1 WHERE entity = ?2";
static const char SQL_COPY_MENTIONS[] =
	"INSERT OR IGNORE INTO mentions (entity, document, start_byte, end_byte)"
	" SELECT ?1, document, start_byte, end_byte FROM mentions"
	" WHERE entity = ?2";
static const char SQL_ATTRS[] =
	"UPDATE entities SET"
	" rank = coalesce(rank, (SELECT rank FROM entities WHERE id = ?2)),"
	" degree = coalesce(degree, (SELECT degree FROM entities WHERE id = ?2))"
	" WHERE id = ?1";
static const char SQL_RELS_OF[] =
	"SELECT id, type, subject, object, role_key FROM relations"
	" WHERE subject = ?1 UNION ALL "
	"SELECT id, type, subject, object, role_key FROM relations"
	" WHERE object = ?1 AND subject <> ?1";
static const char SQL_FIND_REL[] =
	"SELECT id FROM relations WHERE type = ?1 AND subject = ?2"
	" AND object = ?3 AND role_key = ?4";
static const char SQL_MOVE_EVIDENCE[] =
	"UPDATE OR IGNORE evidence SET relation = ?1 WHERE relation = ?2";
static const char SQL_DEL_REL[] = "DELETE FROM relations WHERE id = ?1";
static const char SQL_REPOINT_REL[] =
	"UPDATE relations SET subject = ?2, object = ?3 WHERE id = ?1";
static const char SQL_DEL_ENTITY[] = "DELETE FROM entities WHERE id = ?1";

typedef struct {
	int64_t id, subject, object;
	char *type, *role_key;
} rel_row;

static int run2(bm_graph *g, const char *sql, int64_t a, int64_t b,
		const char *doing)
{
	sqlite3_stmt *st = bm_stmt(g, sql);
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return bm_exec_stmt(g, st, doing);
}

/* Gives one relation of drop its new ends. */
static int move_relation(bm_graph *g, const rel_row *r, int64_t keep,
			 int64_t drop)
{
	int64_t s = r->subject == drop ? keep : r->subject;
	int64_t o = r->object == drop ? keep : r->object;
	int64_t target = 0;
	int rc;
	if (s == o)
		return run2(g, SQL_DEL_REL, r->id, 0, "dropping a loop");
	if (strcmp(r->type, "cooperates_with") == 0 && s > o) {
		int64_t t = s;
		s = o;
		o = t;
	}
	sqlite3_stmt *st = bm_stmt(g, SQL_FIND_REL);
	if (!st)
		return BM_EDB;
	sqlite3_bind_text(st, 1, r->type, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s);
	sqlite3_bind_int64(st, 3, o);
	sqlite3_bind_text(st, 4, r->role_key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		target = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		target = bm_graph_dberr(g, "joining relations");
	sqlite3_reset(st);
	if (target < 0)
		return (int)target;
	if (target == 0) {
		if (!(st = bm_stmt(g, SQL_REPOINT_REL)))
			return BM_EDB;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int64(st, 2, s);
		sqlite3_bind_int64(st, 3, o);
		return bm_exec_stmt(g, st, "moving a relation");
	}
	if ((rc = run2(g, SQL_MOVE_EVIDENCE, target, r->id, "moving evidence")) < 0 ||
	    (rc = run2(g, SQL_DEL_REL, r->id, 0, "joining relations")) < 0)
		return rc;
	return bm_relation_recount(g, target);
}

int bm_entity_union(bm_graph *g, int64_t keep, int64_t drop)
{
	rel_row *rows = NULL;
	size_t n = 0, cap = 0;
	int rc;
	sqlite3_stmt *st;

	if (keep == drop)
		return 0;
	if ((rc = run2(g, SQL_MOVE_ALIASES, keep, drop, "joining names")) < 0 ||
	    (rc = run2(g, SQL_COPY_MENTIONS, keep, drop, "joining mentions")) < 0 ||
	    (rc = run2(g, SQL_ATTRS, keep, drop, "joining attributes")) < 0)
		return rc;
	if (!(st = bm_stmt(g, SQL_RELS_OF)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, drop);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			rows = bm_xrealloc(rows, cap * sizeof *rows);
		}
		rows[n].id = sqlite3_column_int64(st, 0);
		rows[n].type = bm_xstrdup((const char *)sqlite3_column_text(st, 1));
		rows[n].subject = sqlite3_column_int64(st, 2);
		rows[n].object = sqlite3_column_int64(st, 3);
		rows[n].role_key =
			bm_xstrdup((const char *)sqlite3_column_text(st, 4));
		n++;
	}
	rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "joining relations");
	sqlite3_reset(st);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = move_relation(g, &rows[i], keep, drop);
	for (size_t i = 0; i < n; i++) {
		free(rows[i].type);
		free(rows[i].role_key);
	}
	free(rows);
	if (rc == 0)
		rc = run2(g, SQL_DEL_ENTITY, drop, 0, "joining entities");
	if (rc == 0)
		rc = bm_entity_canonical(g, keep);
	return rc;
}

int bm_entity_remove(bm_graph *g, int64_t id)
{
	return run2(g, SQL_DEL_ENTITY, id, 0, "deleting an entity");
}
