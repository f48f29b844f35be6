/* store.c: opening and closing a graph database: pragmas (WAL, foreign
 * keys, busy timeout), the schema check, the statement cache, errors. */
#include "graph/store.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "extract/util.h"
#include "graph/rules.h"

void bm_graph_seterr(bm_graph *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(g->err, sizeof g->err, fmt, ap);
	va_end(ap);
}

int bm_graph_dberr(bm_graph *g, const char *doing)
{
	int code = sqlite3_extended_errcode(g->db);
	bm_graph_seterr(g, "%s: %s", doing, sqlite3_errmsg(g->db));
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return BM_EBUSY;
	case SQLITE_FULL: return BM_EFULL;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		bm_graph_seterr(g, "%s: the file is not a bomay database or is "
				   "damaged (%s)",
				doing, sqlite3_errmsg(g->db));
		return BM_EDB;
	case SQLITE_READONLY:
		bm_graph_seterr(g, "%s: the database is read-only (%s)", doing,
				sqlite3_errmsg(g->db));
		return BM_EDB;
	default: return BM_EDB;
	}
}

const char *bm_graph_errmsg(const bm_graph *g)
{
	return g && g->err[0] ? g->err : "no error";
}

sqlite3_stmt *bm_stmt(bm_graph *g, const char *sql)
{
	size_t h = (size_t)(((uintptr_t)sql >> 3) * 2654435761u) % BM_STMT_SLOTS;
	for (size_t i = 0; i < BM_STMT_SLOTS; i++) {
		size_t k = (h + i) % BM_STMT_SLOTS;
		if (g->cache[k].sql == sql) {
			sqlite3_reset(g->cache[k].st);
			sqlite3_clear_bindings(g->cache[k].st);
			return g->cache[k].st;
		}
		if (!g->cache[k].sql) {
			sqlite3_stmt *st = NULL;
			if (sqlite3_prepare_v3(g->db, sql, -1,
					       SQLITE_PREPARE_PERSISTENT, &st,
					       NULL) != SQLITE_OK) {
				bm_graph_dberr(g, "preparing a statement");
				return NULL;
			}
			g->cache[k].sql = sql;
			g->cache[k].st = st;
			return st;
		}
	}
	bm_graph_seterr(g, "the statement cache is full");
	return NULL;
}

void bm_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

int bm_exec_stmt(bm_graph *g, sqlite3_stmt *st, const char *doing)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		rc = bm_graph_dberr(g, doing);
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	return 0;
}

int64_t bm_step_id(bm_graph *g, sqlite3_stmt *st, const char *doing)
{
	int64_t id;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else
		id = bm_graph_dberr(g, doing);
	sqlite3_reset(st);
	return id;
}

int bm_exec(bm_graph *g, const char *sql)
{
	if (sqlite3_exec(g->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return bm_graph_dberr(g, sql);
	return 0;
}

/* Turns WAL on.  Two processes opening a new file at once can make this
 * fail as busy without SQLite's busy handler being called (the lock is
 * upgraded, not waited for): try again for up to the busy timeout. */
static int set_wal(bm_graph *g)
{
	struct timespec pause = {0, 10 * 1000 * 1000};
	int rc = 0;
	for (int i = 0; i < 6000; i++) {
		if ((rc = bm_exec(g, "PRAGMA journal_mode = WAL")) != BM_EBUSY)
			return rc;
		nanosleep(&pause, NULL);
	}
	return rc;
}

static int pragmas(bm_graph *g, int memory)
{
	int rc;
	sqlite3_busy_timeout(g->db, 60000);
	if ((rc = bm_exec(g, "PRAGMA foreign_keys = ON")) < 0)
		return rc;
	if (!memory && !g->readonly) {
		/* WAL: readers do not block the writer; NORMAL is safe in WAL
		 * (a crash loses at most the last commits, never consistency). */
		if ((rc = set_wal(g)) < 0 ||
		    (rc = bm_exec(g, "PRAGMA synchronous = NORMAL")) < 0)
			return rc;
	}
	return bm_exec(g, "PRAGMA cache_size = -65536");
}

/* The URI of a database file that nothing can change while it is open
 * (a read-only filesystem): SQLite then needs no -shm file beside it. */
static char *immutable_uri(const char *path)
{
	bm_buf b;
	bm_buf_init(&b);
	bm_buf_puts(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '%' || *p == '?' || *p == '#') {
			char esc[4];
			snprintf(esc, sizeof esc, "%%%02X", (unsigned char)*p);
			bm_buf_puts(&b, esc);
		} else {
			bm_buf_putc(&b, *p);
		}
	}
	bm_buf_puts(&b, "?immutable=1");
	return bm_buf_detach(&b, NULL);
}

/* 1 when path-wal or path-shm exists. */
static int has_side_files(const char *path)
{
	static const char *const ext[] = {"-wal", "-shm"};
	struct stat st;
	int found = 0;
	for (size_t i = 0; i < BM_ARRAY_LEN(ext) && !found; i++) {
		char *f = bm_xmalloc(strlen(path) + 5);
		strcpy(f, path);
		strcat(f, ext[i]);
		found = stat(f, &st) == 0;
		free(f);
	}
	return found;
}

/* A read-only connection to a WAL database makes its -wal and -shm files
 * but cannot remove them: that is done by the last connection to close,
 * after a checkpoint, and only a read-write one may.  One that reads and
 * closes does it, when no other connection (a writer) is still open; then
 * SQLite leaves the files to that one. */
static void tidy_side_files(const char *path)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
			    NULL) == SQLITE_OK) {
		sqlite3_busy_timeout(db, 100);
		sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL,
			     NULL);
	}
	sqlite3_close(db);
}

static int open_db(bm_graph *g, const char *path, int oflags, int memory)
{
	if (sqlite3_open_v2(path, &g->db, oflags, NULL) != SQLITE_OK) {
		int rc = g->db ? bm_graph_dberr(g, "opening") : BM_EDB;
		if (!g->db)
			bm_graph_seterr(g, "cannot open");
		return rc;
	}
	sqlite3_extended_result_codes(g->db, 1);
	return pragmas(g, memory);
}

int bm_graph_open(bm_graph **out, const char *path, int flags)
{
	bm_graph *g = bm_xcalloc(1, sizeof *g);
	int memory = strcmp(path, ":memory:") == 0;
	int oflags = SQLITE_OPEN_NOMUTEX;
	struct stat stb;
	int rc;

	*out = g;
	g->path = bm_xstrdup(path);
	g->readonly = (flags & BM_GRAPH_READONLY) != 0;
	g->tidy = g->readonly && !memory && !has_side_files(path);
	if (!memory && stat(path, &stb) != 0 && !(flags & BM_GRAPH_CREATE)) {
		bm_graph_seterr(g, "%s: no such database", path);
		return BM_ENOTFOUND;
	}
	if (!memory && stat(path, &stb) == 0 && S_ISDIR(stb.st_mode)) {
		bm_graph_seterr(g, "is a directory, not a database file");
		return BM_EINVAL;
	}
	oflags |= g->readonly ? SQLITE_OPEN_READONLY
			      : SQLITE_OPEN_READWRITE |
					((flags & BM_GRAPH_CREATE) ? SQLITE_OPEN_CREATE
								   : 0);
	rc = open_db(g, path, oflags, memory);
	if (rc < 0 && g->readonly && !memory &&
	    (sqlite3_extended_errcode(g->db) & 0xff) == SQLITE_CANTOPEN) {
		/* A WAL database on a read-only filesystem: its -shm file cannot
		 * be made, and nothing can write the file while we read it. */
		char *uri = immutable_uri(path);
		sqlite3_close(g->db);
		g->db = NULL;
		rc = open_db(g, uri, oflags | SQLITE_OPEN_URI, memory);
		free(uri);
	}
	if (rc < 0 || (rc = bm_schema_migrate(g)) < 0)
		return rc;
	return 0;
}

void bm_graph_close(bm_graph *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < BM_STMT_SLOTS; i++)
		sqlite3_finalize(g->cache[i].st);
	if (g->in_batch)
		sqlite3_exec(g->db, "ROLLBACK", NULL, NULL, NULL);
	bm_rules_free(g->rules);
	sqlite3_close(g->db);
	if (g->tidy && has_side_files(g->path))
		tidy_side_files(g->path);
	free(g->path);
	free(g);
}
