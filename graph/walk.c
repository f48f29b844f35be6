/* walk.c: bm_graph_walk: the selected nodes (with their posts without an
 * organization) and then edges of the graph, row by row from prepared
 * statements inside one read transaction; with a focus, first a
 * breadth-first search whose ids go to a temp table. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "extract/util.h"
#include "graph/store.h"

typedef struct {
	bm_graph *g;
	const bm_selector *sel;
	const bm_walk_cb *cb;
	void *payload;
	int narrowed;   /* edge filters given: nodes must touch a kept edge */
	bm_buf conds;   /* the selector's conditions on relations r */
	bm_buf filter;  /* the edge filter on relations r: object, conds */
	bm_buf types;   /* "('PERSON','ORG')", empty for all types */
	sqlite3_stmt *posts; /* a node's kept posts without organization */
} walk;

/* The columns of a relations row that edge_fields reads. */
static const char EDGE_COLS[] =
	"r.id, r.type, r.subject, r.object, r.role, r.status, r.first_seen,"
	" r.last_seen, r.n_evidence";

static void in_list(bm_buf *b, unsigned mask, int count,
		    const char *(*name)(int))
{
	int first = 1;
	bm_buf_putc(b, '(');
	for (int i = 0; i < count; i++) {
		if (!(mask & (1u << i)))
			continue;
		bm_buf_puts(b, first ? "'" : ",'");
		bm_buf_puts(b, name(i));
		bm_buf_putc(b, '\'');
		first = 0;
	}
	bm_buf_puts(b, first ? "NULL)" : ")");
}

static const char *ent_name(int i)
{
	return bm_ent_type_name((bm_ent_type)i);
}

static const char *rel_name(int i)
{
	return bm_rel_type_name((bm_rel_type)i);
}

/* The SQL conditions of a walk: edges (alias r) and end types. */
static void build_filters(walk *w)
{
	const bm_selector *s = w->sel;
	bm_buf *f = &w->conds;
	bm_buf_put(f, "", 0);
	if (s->rel_mask) {
		bm_buf_puts(f, " AND r.type IN ");
		in_list(f, s->rel_mask, BM_REL__COUNT, rel_name);
	}
	if (s->since)
		bm_buf_puts(f, " AND r.last_seen >= :since");
	if (s->until)
		bm_buf_puts(f, " AND substr(r.first_seen, 1, length(:until))"
			       " <= :until");
	if (s->min_evidence > 0)
		bm_buf_puts(f, " AND r.n_evidence >= :min_evidence");
	bm_buf_puts(&w->filter, "r.object <> 0");
	bm_buf_puts(&w->filter, f->data);
	w->narrowed = s->rel_mask || s->since || s->until || s->min_evidence > 0;
	bm_buf_put(&w->types, "", 0);
	if (s->type_mask)
		in_list(&w->types, s->type_mask, BM_ENT__COUNT, ent_name);
}

/* Appends " AND alias.type IN (...)" when types are selected. */
static void type_cond(walk *w, bm_buf *b, const char *alias)
{
	if (!w->types.len)
		return;
	bm_buf_puts(b, " AND ");
	bm_buf_puts(b, alias);
	bm_buf_puts(b, ".type IN ");
	bm_buf_puts(b, w->types.data);
}

/* Appends "SELECT what FROM relations r JOIN entities o ON o.id = r.far
 * WHERE r.near = end AND <edge filter> [AND o.type IN ...]": the kept
 * edges from one end to the entity o at the other. */
static void kept_edges(walk *w, bm_buf *b, const char *what, const char *far,
		       const char *near, const char *end)
{
	bm_buf_puts(b, "SELECT ");
	bm_buf_puts(b, what);
	bm_buf_puts(b, " FROM relations r JOIN entities o ON o.id = r.");
	bm_buf_puts(b, far);
	bm_buf_puts(b, " WHERE r.");
	bm_buf_puts(b, near);
	bm_buf_puts(b, " = ");
	bm_buf_puts(b, end);
	bm_buf_puts(b, " AND ");
	bm_buf_puts(b, w->filter.data);
	type_cond(w, b, "o");
}

/* Appends "SELECT what FROM relations r WHERE r.subject = end AND
 * r.object = 0 AND r.type = 'holds_position' <conds>": the kept posts
 * without organization of the entity end. */
static void kept_posts(walk *w, bm_buf *b, const char *what, const char *end)
{
	bm_buf_puts(b, "SELECT ");
	bm_buf_puts(b, what);
	bm_buf_puts(b, " FROM relations r WHERE r.subject = ");
	bm_buf_puts(b, end);
	bm_buf_puts(b, " AND r.object = 0 AND r.type = '");
	bm_buf_puts(b, bm_rel_type_name(BM_REL_HOLDS_POSITION));
	bm_buf_puts(b, "'");
	bm_buf_puts(b, w->conds.data);
}

/* Prepares sql (a walk's own, not cached) with the selector's values. */
static int prepare(walk *w, const char *sql, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(w->g->db, sql, -1, st, NULL) != SQLITE_OK)
		return bm_graph_dberr(w->g, "preparing the walk");
	int i;
	if ((i = sqlite3_bind_parameter_index(*st, ":since")))
		bm_bind_text(*st, i, w->sel->since);
	if ((i = sqlite3_bind_parameter_index(*st, ":until")))
		bm_bind_text(*st, i, w->sel->until);
	if ((i = sqlite3_bind_parameter_index(*st, ":min_evidence")))
		sqlite3_bind_int64(*st, i, w->sel->min_evidence);
	return 0;
}

/* Adds id to the selected ids; 1 when it is new. */
static int add_id(walk *w, int64_t id, int *added)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO temp.bm_walk_ids(id) VALUES (?1)";
	sqlite3_stmt *st = bm_stmt(w->g, sql);
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, id);
	int rc = bm_exec_stmt(w->g, st, "selecting the focus");
	*added = rc == 0 && sqlite3_changes(w->g->db) > 0;
	return rc;
}

/* The entity the focus names (bm_graph_resolve: "#ID", a name or alias,
 * then the accent-free form); when it names several, the message lists
 * them. */
static int resolve_focus(walk *w, int64_t *id)
{
	bm_matches cands = {0};
	int rc = bm_graph_resolve(w->g, w->sel->focus, 0, id, &cands);
	if (rc == BM_EAMBIGUOUS && cands.n) {
		bm_buf m;
		bm_buf_init(&m);
		for (size_t i = 0; i < cands.n; i++) {
			char one[64];
			snprintf(one, sizeof one, " (%s, #%" PRId64 ")",
				 bm_ent_type_name(cands.v[i].type), cands.v[i].id);
			bm_buf_puts(&m, i ? "; " : "");
			bm_buf_puts(&m, cands.v[i].name);
			bm_buf_puts(&m, one);
		}
		bm_graph_seterr(w->g, "'%s' names %zu entities: %s", w->sel->focus,
				cands.n, m.data);
		bm_buf_dispose(&m);
	}
	bm_matches_free(&cands);
	return rc;
}

/* Breadth-first from the focus, through kept edges to nodes of the kept
 * types, depth hops; the ids land in temp.bm_walk_ids. */
static int select_focus(walk *w)
{
	int64_t focus = 0, *cur = NULL, *next = NULL;
	size_t n_cur = 0, n_next = 0, cap_cur = 1, cap_next = 0;
	sqlite3_stmt *st = NULL;
	bm_buf sql;
	int rc, added;
	int depth = w->sel->depth > 0 ? w->sel->depth : 1;

	bm_buf_init(&sql);
	if ((rc = resolve_focus(w, &focus)) < 0 ||
	    (rc = bm_exec(w->g, "CREATE TEMP TABLE IF NOT EXISTS bm_walk_ids"
				"(id INTEGER PRIMARY KEY)")) < 0 ||
	    (rc = bm_exec(w->g, "DELETE FROM temp.bm_walk_ids")) < 0 ||
	    (rc = add_id(w, focus, &added)) < 0)
		goto cleanup;
	kept_edges(w, &sql, "r.object", "object", "subject", ":id");
	bm_buf_puts(&sql, " UNION ");
	kept_edges(w, &sql, "r.subject", "subject", "object", ":id");
	if ((rc = prepare(w, sql.data, &st)) < 0)
		goto cleanup;
	cur = bm_xmalloc(sizeof *cur);
	cur[n_cur++] = focus;
	for (int hop = 0; hop < depth && n_cur; hop++) {
		n_next = 0;
		for (size_t i = 0; i < n_cur; i++) {
			sqlite3_reset(st);
			sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"),
					   cur[i]);
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				int64_t id = sqlite3_column_int64(st, 0);
				if ((rc = add_id(w, id, &added)) < 0)
					goto cleanup;
				if (!added)
					continue;
				if (n_next == cap_next) {
					cap_next = cap_next ? 2 * cap_next : 64;
					next = bm_xrealloc(next,
							   cap_next * sizeof *next);
				}
				next[n_next++] = id;
			}
			if (rc != SQLITE_DONE) {
				rc = bm_graph_dberr(w->g, "walking from the focus");
				goto cleanup;
			}
		}
		int64_t *t = cur;
		size_t cap_t = cap_cur;
		cur = next;
		cap_cur = cap_next;
		n_cur = n_next;
		next = t;
		cap_next = cap_t;
	}
	rc = 0;
cleanup:
	sqlite3_finalize(st);
	free(cur);
	free(next);
	bm_buf_dispose(&sql);
	return rc;
}

static int aliases_of(walk *w, int64_t id, const char *name, char ***out,
		      size_t *n)
{
	static const char sql[] =
		"SELECT DISTINCT alias FROM aliases WHERE entity = ?1"
		" AND alias <> ?2 ORDER BY alias";
	size_t cap = 0;
	int rc;
	sqlite3_stmt *st = bm_stmt(w->g, sql);
	*out = NULL;
	*n = 0;
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, id);
	bm_bind_text(st, 2, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 4;
			*out = bm_xrealloc(*out, cap * sizeof **out);
		}
		(*out)[(*n)++] = bm_xstrdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : bm_graph_dberr(w->g, "reading aliases");
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

/* Runs a walk query, giving each row to row(); stops at its first
 * non-zero return. */
static int run_rows(walk *w, const char *sql,
		    int (*row)(walk *w, sqlite3_stmt *st), const char *doing)
{
	sqlite3_stmt *st = NULL;
	int rc = prepare(w, sql, &st), step;
	if (rc < 0)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = row(w, st)) != 0)
			goto done;
	rc = step == SQLITE_DONE ? 0 : bm_graph_dberr(w->g, doing);
done:
	sqlite3_finalize(st);
	return rc;
}

/* The fields of a row of EDGE_COLS into e (strings borrowed from st); -1
 * for a relation type this bomay does not know. */
static int edge_fields(sqlite3_stmt *st, bm_edge *e)
{
	const char *status = col_text(st, 5);
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	if (bm_rel_type_parse(col_text(st, 1), &e->type) != 0)
		return -1;
	e->subject = sqlite3_column_int64(st, 2);
	e->object = sqlite3_column_int64(st, 3);
	e->role = col_text(st, 4);
	e->former = status && strcmp(status, "former") == 0;
	e->first_seen = col_text(st, 6);
	e->last_seen = col_text(st, 7);
	e->n_evidence = sqlite3_column_int(st, 8);
	return 0;
}

/* Gives e one evidence sentence (the latest) and its document, borrowed
 * from the cached statement *ev until the caller resets it. */
static int edge_evidence(walk *w, bm_edge *e, sqlite3_stmt **ev)
{
	static const char sql[] =
		"SELECT ev.sentence, d.doc FROM evidence ev JOIN documents d"
		" ON d.id = ev.document WHERE ev.relation = ?1"
		" ORDER BY ev.date DESC, ev.id DESC LIMIT 1";
	if (!(*ev = bm_stmt(w->g, sql)))
		return BM_EDB;
	sqlite3_bind_int64(*ev, 1, e->id);
	int rc = sqlite3_step(*ev);
	if (rc == SQLITE_ROW) {
		e->evidence_text = col_text(*ev, 0);
		e->evidence_doc = col_text(*ev, 1);
	} else if (rc != SQLITE_DONE) {
		return bm_graph_dberr(w->g, "reading evidence");
	}
	return 0;
}

static const char *dup_text(const char *s)
{
	return s ? bm_xstrdup(s) : NULL;
}

/* e with its strings copied: posts outlive their rows. */
static bm_edge copy_edge(const bm_edge *e)
{
	bm_edge c = *e;
	c.role = dup_text(e->role);
	c.first_seen = dup_text(e->first_seen);
	c.last_seen = dup_text(e->last_seen);
	c.evidence_text = dup_text(e->evidence_text);
	c.evidence_doc = dup_text(e->evidence_doc);
	return c;
}

static void free_posts(bm_edge *posts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free((void *)posts[i].role);
		free((void *)posts[i].first_seen);
		free((void *)posts[i].last_seen);
		free((void *)posts[i].evidence_text);
		free((void *)posts[i].evidence_doc);
	}
	free(posts);
}

/* The kept posts without organization of entity id, with their evidence:
 * a new array the caller frees with free_posts. */
static int posts_of(walk *w, int64_t id, bm_edge **out, size_t *n)
{
	sqlite3_stmt *st = w->posts;
	size_t cap = 0;
	int rc = 0, step = SQLITE_DONE;
	*out = NULL;
	*n = 0;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":node"), id);
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		bm_edge e;
		sqlite3_stmt *ev = NULL;
		if (edge_fields(st, &e) != 0)
			continue;
		if ((rc = edge_evidence(w, &e, &ev)) == 0) {
			if (*n == cap) {
				cap = cap ? 2 * cap : 2;
				*out = bm_xrealloc(*out, cap * sizeof **out);
			}
			(*out)[(*n)++] = copy_edge(&e);
		}
		if (ev)
			sqlite3_reset(ev);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = bm_graph_dberr(w->g, "reading posts");
	sqlite3_reset(st);
	return rc;
}

/* A node from an entities row, with its aliases and posts. */
static int node_row(walk *w, sqlite3_stmt *st)
{
	bm_node n = {0};
	char **aliases = NULL;
	bm_edge *posts = NULL;
	n.id = sqlite3_column_int64(st, 0);
	if (bm_ent_type_parse(col_text(st, 1), &n.type) != 0)
		n.type = BM_ENT_OTHER;
	n.name = col_text(st, 2);
	n.n_mentions = sqlite3_column_int(st, 3);
	n.n_documents = sqlite3_column_int(st, 4);
	n.first_seen = col_text(st, 5);
	n.last_seen = col_text(st, 6);
	int rc = aliases_of(w, n.id, n.name, &aliases, &n.n_aliases);
	n.aliases = (const char *const *)aliases;
	if (rc == 0)
		rc = posts_of(w, n.id, &posts, &n.n_posts);
	n.posts = posts;
	if (rc == 0)
		rc = w->cb->node(w->payload, &n);
	for (size_t i = 0; i < n.n_aliases; i++)
		free(aliases[i]);
	free(aliases);
	free_posts(posts, n.n_posts);
	return rc;
}

/* An edge from a relations row, with one evidence sentence (the latest)
 * and its document. */
static int edge_row(walk *w, sqlite3_stmt *st)
{
	bm_edge e;
	sqlite3_stmt *ev = NULL;
	if (edge_fields(st, &e) != 0)
		return 0; /* a relation type this bomay does not know */
	int rc = edge_evidence(w, &e, &ev);
	if (rc == 0)
		rc = w->cb->edge(w->payload, &e);
	if (ev)
		sqlite3_reset(ev);
	return rc;
}

static int walk_nodes(walk *w, int focused)
{
	bm_buf sql;
	int rc;

	bm_buf_init(&sql);
	bm_buf_puts(&sql,
		"SELECT e.id, e.type, e.name,"
		" (SELECT count(*) FROM mentions m WHERE m.entity = e.id),"
		" (SELECT count(DISTINCT m.document) FROM mentions m"
		"  WHERE m.entity = e.id),"
		" (SELECT min(NULLIF(d.date, '')) FROM mentions m JOIN documents d"
		"  ON d.id = m.document WHERE m.entity = e.id),"
		" (SELECT max(NULLIF(d.date, '')) FROM mentions m JOIN documents d"
		"  ON d.id = m.document WHERE m.entity = e.id)"
		" FROM entities e WHERE 1");
	if (focused) {
		bm_buf_puts(&sql, " AND e.id IN (SELECT id FROM temp.bm_walk_ids)");
	} else {
		type_cond(w, &sql, "e");
		if (w->narrowed) {
			bm_buf_puts(&sql, " AND (EXISTS (");
			kept_edges(w, &sql, "1", "object", "subject", "e.id");
			bm_buf_puts(&sql, ") OR EXISTS (");
			kept_edges(w, &sql, "1", "subject", "object", "e.id");
			bm_buf_puts(&sql, ") OR EXISTS (");
			kept_posts(w, &sql, "1", "e.id");
			bm_buf_puts(&sql, "))");
		}
	}
	bm_buf_puts(&sql, " ORDER BY e.id");
	rc = run_rows(w, sql.data, node_row, "reading entities");
	bm_buf_dispose(&sql);
	return rc;
}

static int walk_edges(walk *w, int focused)
{
	bm_buf sql;
	int rc;

	bm_buf_init(&sql);
	bm_buf_puts(&sql, "SELECT ");
	bm_buf_puts(&sql, EDGE_COLS);
	bm_buf_puts(&sql, " FROM relations r");
	/* the ends' types, when they matter: with a focus the search chose the
	 * nodes already (and the focus itself counts whatever its type) */
	int typed = w->types.len && !focused;
	if (typed)
		bm_buf_puts(&sql, " JOIN entities s ON s.id = r.subject"
				  " JOIN entities o ON o.id = r.object");
	bm_buf_puts(&sql, " WHERE ");
	bm_buf_puts(&sql, w->filter.data);
	if (focused) {
		bm_buf_puts(&sql,
			" AND r.subject IN (SELECT id FROM temp.bm_walk_ids)"
			" AND r.object IN (SELECT id FROM temp.bm_walk_ids)");
	}
	if (typed) {
		type_cond(w, &sql, "s");
		type_cond(w, &sql, "o");
	}
	bm_buf_puts(&sql, " ORDER BY r.id");
	rc = run_rows(w, sql.data, edge_row, "reading relations");
	bm_buf_dispose(&sql);
	return rc;
}

/* Prepares the walk's statement of a node's posts (bound to :node). */
static int prepare_posts(walk *w)
{
	bm_buf sql;
	bm_buf_init(&sql);
	kept_posts(w, &sql, EDGE_COLS, ":node");
	bm_buf_puts(&sql, " ORDER BY r.id");
	int rc = prepare(w, sql.data, &w->posts);
	bm_buf_dispose(&sql);
	return rc;
}

int bm_graph_walk(bm_graph *g, const bm_selector *sel, const bm_walk_cb *cb,
		  void *payload)
{
	static const bm_selector all = {0};
	walk w = {g, sel ? sel : &all, cb, payload, 0, {0}, {0}, {0}, NULL};
	int own_txn = sqlite3_get_autocommit(g->db), rc;
	int focused = w.sel->focus != NULL;

	if (!cb || !cb->node || !cb->edge)
		return BM_EINVAL;
	build_filters(&w);
	/* One read transaction: nodes and edges from one snapshot. */
	if (own_txn && (rc = bm_exec(g, "BEGIN")) < 0)
		goto cleanup;
	if ((focused && (rc = select_focus(&w)) < 0) ||
	    (rc = prepare_posts(&w)) < 0)
		goto done;
	if ((rc = walk_nodes(&w, focused)) == 0)
		rc = walk_edges(&w, focused);
done:
	if (focused)
		sqlite3_exec(g->db, "DROP TABLE IF EXISTS temp.bm_walk_ids", NULL,
			     NULL, NULL);
	if (own_txn)
		sqlite3_exec(g->db, "COMMIT", NULL, NULL, NULL);
cleanup:
	sqlite3_finalize(w.posts);
	bm_buf_dispose(&w.conds);
	bm_buf_dispose(&w.filter);
	bm_buf_dispose(&w.types);
	return rc;
}
