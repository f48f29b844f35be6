/* graph_test.h: helpers of the graph unit tests: records from JSON text,
 * one-value SQL queries on a graph handle. */
#ifndef BM_GRAPH_TEST_H
#define BM_GRAPH_TEST_H

#include <stdlib.h>
#include <string.h>

#include "bomay.h"
#include "graph/store.h"

static inline bm_record *rec(const char *json)
{
	bm_record *r = NULL;
	char err[200];
	if (bm_record_from_json(json, strlen(json), &r, err, sizeof err) != 0)
		fail_msg("bad test record: %s: %s", err, json);
	return r;
}

static inline void ingest_json(bm_graph *g, const char *json, int want)
{
	bm_record *r = rec(json);
	int rc = bm_graph_ingest(g, r);
	if (rc != want)
		fail_msg("ingest gave %d (%s), want %d: %s", rc,
			 bm_graph_errmsg(g), want, json);
	bm_record_free(r);
}

static inline long long q_int(bm_graph *g, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(g->db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(g->db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The first column of the first row as a new string ("" for NULL). */
static inline char *q_str(bm_graph *g, const char *sql)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(g->db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(g->db));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v ? v : strdup("");
}

/* Entities, relations (with roles, status, dates, evidence counts) and the
 * number of aliases, documents and rules, in a text that two graphs share
 * when they hold the same thing, whatever their ids. */
static inline char *graph_fingerprint(bm_graph *g)
{
	return q_str(g,
		     "SELECT (SELECT group_concat(x, ';') FROM (SELECT type || ':' ||"
		     " name AS x FROM entities ORDER BY x)) || '#' ||"
		     " (SELECT group_concat(x, ';') FROM (SELECT r.type || ':' ||"
		     " s.name || '>' || coalesce(o.name, '-') || ':' ||"
		     " coalesce(role, '') || ':' || status || ':' ||"
		     " coalesce(first_seen, '') || ':' || coalesce(last_seen, '') ||"
		     " ':' || n_evidence AS x FROM relations r JOIN entities s ON"
		     " s.id = r.subject LEFT JOIN entities o ON o.id = r.object"
		     " ORDER BY x)) || '#' || (SELECT count(*) FROM aliases) || '#' ||"
		     " (SELECT count(*) FROM documents) || '#' ||"
		     " (SELECT count(*) FROM rules)");
}

static inline bm_graph *mem_graph(void)
{
	bm_graph *g = NULL;
	if (bm_graph_open(&g, ":memory:", BM_GRAPH_CREATE) != 0)
		fail_msg("open: %s", bm_graph_errmsg(g));
	return g;
}

#endif
