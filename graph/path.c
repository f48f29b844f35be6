/* path.c: the walking queries: neighbors within N hops and the shortest
 * path between two entities (bidirectional breadth-first search on the
 * relations' subject and object indexes, the smaller frontier first). */
#include <stdlib.h>
#include <string.h>

#include "extract/util.h"
#include "graph/entity.h"
#include "graph/facts.h"
#include "graph/idmap.h"

/* The other end and the relation of each edge at one entity, both ways. */
static const char SQL_EDGES[] =
	"SELECT object, id FROM relations WHERE subject = ?1 AND object <> 0"
	" UNION ALL SELECT subject, id FROM relations WHERE object = ?1";
static const char SQL_FACT_AT[] = BM_FACT_SELECT
	"WHERE r.subject = ?1 UNION ALL " BM_FACT_SELECT
	"WHERE r.object = ?1 AND r.subject <> ?1";
static const char SQL_FACT_ID[] = BM_FACT_SELECT "WHERE r.id = ?1";

int bm_graph_neighbors(bm_graph *g, int64_t id, int depth, size_t limit,
		       bm_facts *out)
{
	bm_idmap seen_node, seen_rel;
	bm_ids cur = {0}, next = {0};
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (depth < 1)
		depth = 1;
	if (!limit)
		limit = 1000;
	bm_idmap_init(&seen_node);
	bm_idmap_init(&seen_rel);
	bm_idmap_put(&seen_node, id, 0, 0);
	bm_ids_push(&cur, id);
	for (int hop = 1; hop <= depth && cur.n && rc == 0; hop++) {
		next.n = 0;
		for (size_t i = 0; i < cur.n && rc == 0 && out->n < limit; i++) {
			sqlite3_stmt *st = bm_stmt(g, SQL_FACT_AT);
			if (!st) {
				rc = BM_EDB;
				break;
			}
			sqlite3_bind_int64(st, 1, cur.v[i]);
			while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
			       out->n < limit) {
				int64_t rel = sqlite3_column_int64(st, 0);
				if (!bm_idmap_put(&seen_rel, rel, 0, 0))
					continue;
				bm_fact *f = bm_facts_push(out, st);
				f->hop = hop;
				f->from = cur.v[i];
				int64_t other = f->subject == cur.v[i] ? f->object
								       : f->subject;
				if (other && bm_idmap_put(&seen_node, other, 0, 0))
					bm_ids_push(&next, other);
			}
			rc = rc == SQLITE_DONE || rc == SQLITE_ROW
				     ? 0
				     : bm_graph_dberr(g, "reading neighbors");
			sqlite3_reset(st);
		}
		bm_ids tmp = cur;
		cur = next;
		next = tmp;
	}
	bm_ids_dispose(&cur);
	bm_ids_dispose(&next);
	bm_idmap_dispose(&seen_node);
	bm_idmap_dispose(&seen_rel);
	return rc;
}

/* One side of the search: for each entity reached, the entity it was
 * reached from (a) and by which relation (b). */
typedef struct {
	bm_idmap parent;
	bm_ids frontier;
} side;

/* Expands one level of s; *meet gets an entity the other side knows. */
static int expand(bm_graph *g, side *s, const side *other, int64_t *meet)
{
	bm_ids next = {0};
	int rc = 0;
	for (size_t i = 0; i < s->frontier.n && rc == 0 && !*meet; i++) {
		sqlite3_stmt *st = bm_stmt(g, SQL_EDGES);
		if (!st) {
			rc = BM_EDB;
			break;
		}
		sqlite3_bind_int64(st, 1, s->frontier.v[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int64_t to = sqlite3_column_int64(st, 0);
			int64_t rel = sqlite3_column_int64(st, 1);
			if (!bm_idmap_put(&s->parent, to, s->frontier.v[i], rel))
				continue;
			bm_ids_push(&next, to);
			if (bm_idmap_get(&other->parent, to)) {
				*meet = to;
				break;
			}
		}
		rc = rc == SQLITE_DONE || rc == SQLITE_ROW
			     ? 0
			     : bm_graph_dberr(g, "finding a path");
		sqlite3_reset(st);
	}
	bm_ids_dispose(&s->frontier);
	s->frontier = next;
	return rc;
}

/* Appends the fact of relation rel, reached from entity from. */
static int push_hop(bm_graph *g, bm_facts *out, int64_t rel, int64_t from)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_FACT_ID);
	size_t before = out->n;
	int rc;
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, rel);
	if ((rc = bm_facts_read(g, st, out, 0)) < 0)
		return rc;
	if (out->n > before) {
		out->v[before].from = from;
		out->v[before].hop = (int)out->n;
	}
	return 0;
}

int bm_graph_path(bm_graph *g, int64_t a, int64_t b, int max_hops,
		  bm_facts *out)
{
	side sa = {0}, sb = {0};
	bm_ids chain = {0};
	int64_t meet = a == b ? a : 0;
	int rc = 0, hops = 0;

	memset(out, 0, sizeof *out);
	if (max_hops < 1)
		max_hops = 6;
	bm_idmap_init(&sa.parent);
	bm_idmap_init(&sb.parent);
	bm_idmap_put(&sa.parent, a, 0, 0);
	bm_idmap_put(&sb.parent, b, 0, 0);
	bm_ids_push(&sa.frontier, a);
	bm_ids_push(&sb.frontier, b);
	while (!meet && rc == 0 && hops < max_hops && sa.frontier.n &&
	       sb.frontier.n) {
		if (sa.frontier.n <= sb.frontier.n)
			rc = expand(g, &sa, &sb, &meet);
		else
			rc = expand(g, &sb, &sa, &meet);
		hops++;
	}
	if (rc < 0)
		goto cleanup;
	if (!meet) {
		bm_graph_seterr(g, "no path within %d hops", max_hops);
		rc = BM_ENOTFOUND;
		goto cleanup;
	}
	/* a ... meet: walk back from meet on a's side, then reverse */
	for (int64_t x = meet; x != a;) {
		bm_idmap_slot *p = bm_idmap_get(&sa.parent, x);
		bm_ids_push(&chain, p->b);
		bm_ids_push(&chain, p->a);
		x = p->a;
	}
	for (size_t i = chain.n; i >= 2 && rc == 0; i -= 2)
		rc = push_hop(g, out, chain.v[i - 2], chain.v[i - 1]);
	/* meet ... b: forward on b's side */
	for (int64_t x = meet; x != b && rc == 0;) {
		bm_idmap_slot *p = bm_idmap_get(&sb.parent, x);
		rc = push_hop(g, out, p->b, x);
		x = p->a;
	}
cleanup:
	if (rc < 0)
		bm_facts_free(out);
	bm_ids_dispose(&chain);
	bm_ids_dispose(&sa.frontier);
	bm_ids_dispose(&sb.frontier);
	bm_idmap_dispose(&sa.parent);
	bm_idmap_dispose(&sb.parent);
	return rc;
}
