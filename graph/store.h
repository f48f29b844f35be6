/* store.h: the inside of a bm_graph handle, shared by the graph/ files (and
 * by export/'s walk): the SQLite connection, its cache of prepared
 * statements, error detail, and the few helpers every graph file uses. */
#ifndef BM_GRAPH_STORE_H
#define BM_GRAPH_STORE_H

#include <sqlite3.h>

#include "bomay.h"

#define BM_SCHEMA_VERSION 4
#define BM_STMT_SLOTS 128

struct bm_graph {
	sqlite3 *db;
	char *path;                   /* as given to bm_graph_open */
	int readonly;
	int tidy;                     /* read-only, and no -wal, -shm at open */
	int in_batch;                 /* a transaction opened by bm_graph_begin */
	struct bm_rules *rules;       /* curation rules, loaded per batch */
	struct {
		const char *sql;      /* key: the address of a static string */
		sqlite3_stmt *st;
	} cache[BM_STMT_SLOTS];
	char err[512];
};

/* The prepared statement for a static SQL string, prepared once per handle
 * and reset (bindings cleared) on each call; NULL with the error set. */
sqlite3_stmt *bm_stmt(bm_graph *g, const char *sql);

/* Sets the handle's message (printf-style) and returns nothing. */
void bm_graph_seterr(bm_graph *g, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/* Records SQLite's message for the last failure with what was being done,
 * and returns the matching code (BM_EBUSY, BM_EFULL, BM_EDB). */
int bm_graph_dberr(bm_graph *g, const char *doing);

/* Binds text or NULL. */
void bm_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Steps a statement that returns no rows (or ignores them); 0 or an error. */
int bm_exec_stmt(bm_graph *g, sqlite3_stmt *st, const char *doing);
/* Steps a statement that returns one row and gives its first column (an
 * id), or an error code. */
int64_t bm_step_id(bm_graph *g, sqlite3_stmt *st, const char *doing);
/* Runs fixed SQL (no parameters); 0 or an error. */
int bm_exec(bm_graph *g, const char *sql);

/* schema.c: creates or upgrades the schema; BM_ESCHEMA for a newer one. */
int bm_schema_migrate(bm_graph *g);

/* fold.c: the accent- and case-free form used by search (a new string). */
char *bm_fold(const char *s);
/* The number of syllables (space separated words) of a name. */
int bm_syllables(const char *s);
/* 1 when a is the form to keep of two written forms of one name key: the
 * one with fewer capitals ("Bộ Công an" over "Bộ Công An"), then the
 * smaller in byte order; a total order, so the choice does not depend on
 * which came first. */
int bm_form_better(const char *a, const char *b);

#endif
