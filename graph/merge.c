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

/* src's error as g's, named by src's path: the shard is at fault. */
static int shard_fault(bm_graph *g, bm_graph *src, int rc)
{
	bm_graph_seterr(g, "%s: %s", src->path, bm_graph_errmsg(src));
	return rc < 0 ? rc : BM_EDB;
}

/* Copies src's rules that g lacks (an undo in either wins); *rebuild is set
 * when one acts on names as they are ingested.  *theirs is set when src is
 * at fault. */
static int copy_rules(bm_graph *g, bm_graph *src, int *rebuild, int *theirs)
{
	sqlite3_stmt *in = bm_stmt(src, SQL_SRC_RULES), *st;
	int rc = 0, step = SQLITE_DONE;
	if (!in) {
		*theirs = 1;
		return shard_fault(g, src, BM_EDB);
	}
	while (rc == 0 && (step = sqlite3_step(in)) == SQLITE_ROW) {
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
	if (rc == 0 && step != SQLITE_DONE) {
		*theirs = 1;
		rc = shard_fault(g, src, bm_graph_dberr(src, "reading the rules"));
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

/* One document row of src into g when it wins over ours; *n counts the
 * documents taken. */
static int copy_doc(bm_graph *g, bm_graph *src, sqlite3_stmt *in, long *n,
		    int *theirs)
{
	const char *doc = (const char *)sqlite3_column_text(in, 0);
	const char *hash = (const char *)sqlite3_column_text(in, 1);
	const char *at = (const char *)sqlite3_column_text(in, 2);
	const char *json = (const char *)sqlite3_column_text(in, 3);
	bm_record *r = NULL;
	char err[200];
	int exists, rc;

	if (!doc || !hash || !at || !json) {
		/* NOT NULL columns read NULL only from a damaged file */
		*theirs = 1;
		bm_graph_seterr(g, "%s: a damaged document row", src->path);
		return BM_EDB;
	}
	if ((rc = theirs_wins(g, doc, hash, at, &exists)) <= 0)
		return rc;
	if (bm_record_from_json(json, strlen(json), &r, err, sizeof err) != 0) {
		*theirs = 1;
		bm_graph_seterr(g, "%s: document %s: %s", src->path, doc, err);
		return BM_EPARSE;
	}
	rc = bm_ingest_at(g, r, at, json);
	bm_record_free(r);
	if (rc < 0)
		return rc;
	(*n)++;
	return 0;
}

/* src's documents into g, committed 500 at a time. */
static int copy_docs(bm_graph *g, bm_graph *src, long *n, int *theirs)
{
	sqlite3_stmt *in = bm_stmt(src, SQL_SRC_DOCS);
	long in_batch = 0;
	int rc = 0, step = SQLITE_DONE;

	if (!in) {
		*theirs = 1;
		return shard_fault(g, src, BM_EDB);
	}
	while (rc == 0 && (step = sqlite3_step(in)) == SQLITE_ROW) {
		long before = *n;
		rc = copy_doc(g, src, in, n, theirs);
		if (rc == 0 && *n > before && ++in_batch >= 500) {
			in_batch = 0;
			if ((rc = bm_graph_commit(g)) == 0)
				rc = bm_graph_begin(g);
		}
	}
	if (rc == 0 && step != SQLITE_DONE) {
		*theirs = 1;
		rc = shard_fault(g, src, bm_graph_dberr(src, "reading documents"));
	}
	sqlite3_reset(in);
	return rc;
}

/* 1 when path is the file g has open. */
static int same_file(bm_graph *g, const char *path)
{
	const char *ours = sqlite3_db_filename(g->db, "main");
	struct stat a, b;
	return ours && *ours && stat(ours, &a) == 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

int bm_graph_merge_from(bm_graph *g, const char *path, long *n_docs)
{
	bm_graph *src = NULL;
	int rc, rebuild = 0, theirs = 0;
	long n = 0;

	if (n_docs)
		*n_docs = 0;
	if ((rc = bm_graph_open(&src, path, BM_GRAPH_READONLY)) < 0) {
		if (rc == BM_ENOTFOUND)
			bm_graph_seterr(g, "%s", bm_graph_errmsg(src));
		else
			bm_graph_seterr(g, "%s: %s", path, bm_graph_errmsg(src));
		bm_graph_close(src);
		return rc;
	}
	if (same_file(g, path)) {
		bm_graph_seterr(g, "%s: is the output database itself", path);
		bm_graph_close(src);
		return BM_EINVAL;
	}
	if ((rc = bm_graph_begin(g)) < 0 ||
	    (rc = copy_rules(g, src, &rebuild, &theirs)) < 0 ||
	    /* new rules count from here on */
	    (rc = bm_graph_commit(g)) < 0 || (rc = bm_graph_begin(g)) < 0 ||
	    (rc = copy_docs(g, src, &n, &theirs)) < 0 ||
	    (rebuild && (rc = bm_graph_rebuild(g)) < 0))
		goto cleanup;
	rc = bm_graph_commit(g);
cleanup:
	if (rc < 0) {
		bm_graph_rollback(g);
		if (!theirs) {
			/* the output database is at fault: name it */
			char msg[sizeof g->err];
			memcpy(msg, g->err, sizeof msg);
			bm_graph_seterr(g, "%s: %s", g->path, msg);
		}
	} else if (n_docs) {
		*n_docs = n;
	}
	bm_graph_close(src);
	return rc;
}
