/* merge.c: another graph database's documents and rules into this one
 * (`bomay merge`), as ingesting its stored records would, so the result
 * does not depend on the order of the shards. */
#include <string.h>
#include <sys/stat.h>

#include "extract/util.h"
#include "graph/curate.h"
#include "graph/ingest.h"

static const char SQL_SRC_DOCS[] =
	"SELECT doc, hash, ingested_at, record FROM documents ORDER BY doc";
static const char SQL_SRC_RULES[] =
	"SELECT op, type, a, a_key, b, b_key, docs, created_at, undone"
	" FROM rules ORDER BY id";
static const char SQL_HAVE_RULE[] =
	"SELECT id FROM rules WHERE op = ?1 AND type = ?2 AND a_key = ?3"
	" AND b_key IS ?4 AND docs IS ?5 AND created_at = ?6";
static const char SQL_COPY_RULE[] =
	"INSERT INTO rules (op, type, a, a_key, b, b_key, docs, created_at,"
	" undone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_UNDO_RULE[] =
	"UPDATE rules SET undone = 1 WHERE id = ?1 AND undone = 0";
static const char SQL_OUR_DOC[] =
	"SELECT hash, ingested_at FROM documents WHERE doc = ?1";

/* Copies src's rules that g lacks (an undo in either wins); *rebuild is set
 * when one acts on names as they are ingested. */
static int copy_rules(bm_graph *g, bm_graph *src, int *rebuild)
{
	sqlite3_stmt *in = bm_stmt(src, SQL_SRC_RULES), *st;
	int rc = 0;
	if (!in) {
		bm_graph_seterr(g, "%s", bm_graph_errmsg(src));
		return BM_EDB;
	}
	while (rc == 0 && sqlite3_step(in) == SQLITE_ROW) {
		const char *op = (const char *)sqlite3_column_text(in, 0);
		int undone = sqlite3_column_int(in, 8);
		int64_t have = 0;
		if (!(st = bm_stmt(g, SQL_HAVE_RULE))) {
			rc = BM_EDB;
			break;
		}
		static const int key_cols[] = {0, 1, 3, 5, 6, 7};
		for (int i = 0; i < 6; i++)
			sqlite3_bind_value(st, i + 1,
					   sqlite3_column_value(in, key_cols[i]));
		if (sqlite3_step(st) == SQLITE_ROW)
			have = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (have && undone) {
			if (!(st = bm_stmt(g, SQL_UNDO_RULE))) {
				rc = BM_EDB;
				break;
			}
			sqlite3_bind_int64(st, 1, have);
			rc = bm_exec_stmt(g, st, "copying rules");
			*rebuild |= sqlite3_changes(g->db) > 0;
			continue;
		}
		if (have)
			continue;
		if (!(st = bm_stmt(g, SQL_COPY_RULE))) {
			rc = BM_EDB;
			break;
		}
		for (int i = 0; i < 9; i++)
			sqlite3_bind_value(st, i + 1, sqlite3_column_value(in, i));
		rc = bm_exec_stmt(g, st, "copying rules");
		if (!undone && op &&
		    (strcmp(op, "split") == 0 || strcmp(op, "delete") == 0 ||
		     strcmp(op, "alias_remove") == 0))
			*rebuild = 1;
	}
	sqlite3_reset(in);
	return rc;
}

/* 1 when the stored document (hash, at) should give way to src's. */
static int theirs_wins(bm_graph *g, const char *doc, const char *hash,
		       const char *at, int *exists)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_OUR_DOC);
	int wins = 1;
	*exists = 0;
	if (!st)
		return BM_EDB;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0);
		const char *a = (const char *)sqlite3_column_text(st, 1);
		/* NOT NULL columns can still read NULL from a damaged file */
		h = h ? h : "";
		a = a ? a : "";
		int c = strcmp(at, a);
		*exists = 1;
		/* the later ingest wins; the same instant: the larger hash */
		wins = strcmp(h, hash) != 0 && (c > 0 || (c == 0 && strcmp(hash, h) > 0));
	}
	sqlite3_reset(st);
	return wins;
}

int bm_graph_merge_from(bm_graph *g, const char *path, long *n_docs)
{
	bm_graph *src = NULL;
	sqlite3_stmt *in;
	int rc, rebuild = 0;
	long n = 0, in_batch = 0;
	struct stat a, b;

	if (n_docs)
		*n_docs = 0;
	if ((rc = bm_graph_open(&src, path, BM_GRAPH_READONLY)) < 0) {
		bm_graph_seterr(g, "%s: %s", path, bm_graph_errmsg(src));
		bm_graph_close(src);
		return rc;
	}
	const char *ours = sqlite3_db_filename(g->db, "main");
	if (ours && *ours && stat(ours, &a) == 0 && stat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
		bm_graph_seterr(g, "%s: is the output database itself", path);
		bm_graph_close(src);
		return BM_EINVAL;
	}
	if ((rc = bm_graph_begin(g)) < 0)
		goto cleanup;
	if ((rc = copy_rules(g, src, &rebuild)) < 0)
		goto cleanup;
	/* new rules count from here on */
	if ((rc = bm_graph_commit(g)) < 0 || (rc = bm_graph_begin(g)) < 0)
		goto cleanup;
	if (!(in = bm_stmt(src, SQL_SRC_DOCS))) {
		rc = BM_EDB;
		bm_graph_seterr(g, "%s: %s", path, bm_graph_errmsg(src));
		goto cleanup;
	}
	while (rc == 0) {
		int step = sqlite3_step(in), exists;
		if (step == SQLITE_DONE)
			break;
		if (step != SQLITE_ROW) {
			bm_graph_dberr(src, "reading documents");
			bm_graph_seterr(g, "%s: %s", path, bm_graph_errmsg(src));
			rc = BM_EDB;
			break;
		}
		const char *doc = (const char *)sqlite3_column_text(in, 0);
		const char *hash = (const char *)sqlite3_column_text(in, 1);
		const char *at = (const char *)sqlite3_column_text(in, 2);
		const char *json = (const char *)sqlite3_column_text(in, 3);
		if (!doc || !hash || !at || !json) {
			/* NOT NULL columns read NULL only from a damaged file */
			bm_graph_seterr(g, "%s: a damaged document row", path);
			rc = BM_EDB;
			break;
		}
		int wins = theirs_wins(g, doc, hash, at, &exists);
		if (wins < 0) {
			rc = wins;
			break;
		}
		if (!wins)
			continue;
		bm_record *r = NULL;
		char err[200];
		if (bm_record_from_json(json, strlen(json), &r, err, sizeof err) != 0) {
			bm_graph_seterr(g, "%s: document %s: %s", path, doc, err);
			rc = BM_EPARSE;
			break;
		}
		rc = bm_ingest_at(g, r, at, json);
		bm_record_free(r);
		if (rc < 0)
			break;
		rc = 0;
		n++;
		if (++in_batch >= 500) {
			in_batch = 0;
			if ((rc = bm_graph_commit(g)) == 0)
				rc = bm_graph_begin(g);
		}
	}
	sqlite3_reset(in);
	if (rc == 0 && rebuild)
		rc = bm_graph_rebuild(g);
	if (rc == 0)
		rc = bm_graph_commit(g);
cleanup:
	if (rc < 0)
		bm_graph_rollback(g);
	else if (n_docs)
		*n_docs = n;
	bm_graph_close(src);
	return rc;
}
