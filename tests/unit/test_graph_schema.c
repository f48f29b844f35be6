/* test_graph_schema.c: opening graph databases: the schema and its version,
 * newer or foreign files refused with a message, the search fold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "bomay.h"
#include "graph/store.h"

static void test_fresh_schema(void **state)
{
	(void)state;
	bm_graph *g = NULL;
	assert_int_equal(bm_graph_open(&g, ":memory:", BM_GRAPH_CREATE), 0);
	static const char *const tables[] = {"documents", "entities", "aliases",
					     "alias_docs", "mentions", "relations",
					     "evidence", "rules"};
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		sqlite3_stmt *st;
		assert_int_equal(sqlite3_prepare_v2(g->db,
						    "SELECT count(*) FROM sqlite_schema"
						    " WHERE type = 'table' AND name = ?",
						    -1, &st, NULL),
				 SQLITE_OK);
		sqlite3_bind_text(st, 1, tables[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 1);
		sqlite3_finalize(st);
	}
	sqlite3_stmt *st;
	sqlite3_prepare_v2(g->db, "PRAGMA user_version", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), BM_SCHEMA_VERSION);
	sqlite3_finalize(st);
	sqlite3_prepare_v2(g->db, "PRAGMA foreign_keys", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	bm_graph_close(g);
}

static char *tmpfile_path(void)
{
	char *p = strdup("/tmp/bomay-test-XXXXXX");
	int fd = mkstemp(p);
	assert_true(fd >= 0);
	close(fd);
	return p;
}

/* Each case: what the file holds, the flags, the code and part of the
 * message. */
typedef struct {
	const char *what;
	int version;           /* >= 0: a SQLite file of this user_version */
	const char *bytes;     /* else: these bytes */
	int flags;
	int code;
	const char *msg;
} open_case;

static const open_case open_cases[] = {
	{"newer schema", 99, NULL, 0, BM_ESCHEMA, "schema version 99"},
	{"not a database", -1, "hello, this is text and not SQLite at all....\n",
	 0, BM_EDB, "not a bomay database"},
	{"current schema", BM_SCHEMA_VERSION, NULL, BM_GRAPH_READONLY, 0, NULL},
	{"old empty file read-only", 0, NULL, BM_GRAPH_READONLY, BM_EDB,
	 "read-only"},
};

static void test_open_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof open_cases / sizeof open_cases[0]; i++) {
		const open_case *c = &open_cases[i];
		char *path = tmpfile_path();
		if (c->version >= 0) {
			bm_graph *g0 = NULL;
			if (c->version == BM_SCHEMA_VERSION) {
				assert_int_equal(bm_graph_open(&g0, path, 0), 0);
				bm_graph_close(g0);
			} else {
				sqlite3 *db;
				char sql[64];
				assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
				snprintf(sql, sizeof sql,
					 "CREATE TABLE t(x); PRAGMA user_version=%d",
					 c->version);
				assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL),
						 SQLITE_OK);
				sqlite3_close(db);
			}
		} else {
			FILE *f = fopen(path, "wb");
			fputs(c->bytes, f);
			fclose(f);
		}
		bm_graph *g = NULL;
		int rc = bm_graph_open(&g, path, c->flags);
		if (rc != c->code)
			fail_msg("%s: got %d (%s), want %d", c->what, rc,
				 bm_graph_errmsg(g), c->code);
		if (c->msg && !strstr(bm_graph_errmsg(g), c->msg))
			fail_msg("%s: message '%s' lacks '%s'", c->what,
				 bm_graph_errmsg(g), c->msg);
		bm_graph_close(g);
		unlink(path);
		char side[600];
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
		free(path);
	}
}

/* A database of version 1 (the old relation indexes, no aliases.named) is
 * brought to the current version on open, with its rows. */
static void test_migration_from_v1(void **state)
{
	(void)state;
	char *path = tmpfile_path();
	bm_graph *g = NULL;
	unlink(path);
	assert_int_equal(bm_graph_open(&g, path, BM_GRAPH_CREATE), 0);
	assert_int_equal(sqlite3_exec(g->db,
				      "DROP INDEX relations_subject;"
				      "DROP INDEX relations_object;"
				      "CREATE INDEX relations_subject ON relations(subject, type);"
				      "CREATE INDEX relations_object ON relations(object, type);"
				      "ALTER TABLE aliases DROP COLUMN named;"
				      "ALTER TABLE aliases DROP COLUMN form_n;"
				      "DROP TABLE alias_forms;"
				      "INSERT INTO entities (id, type, name, name_key, fold)"
				      " VALUES (7, 'ORG', 'Bộ Y tế', 'bộ y tế', 'bo y te');"
				      "INSERT INTO aliases (type, alias_key, entity, alias, fold,"
				      " n_syll) VALUES ('ORG', 'bộ y tế', 7, 'Bộ Y tế', 'bo y te', 3);"
				      "PRAGMA user_version = 1;",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	bm_graph_close(g);
	assert_int_equal(bm_graph_open(&g, path, 0), 0);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(g->db,
			   "SELECT (SELECT group_concat(name) FROM pragma_index_info("
			   "'relations_subject')), (SELECT user_version FROM"
			   " pragma_user_version), (SELECT name FROM entities)",
			   -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
			    "subject,object");
	assert_int_equal(sqlite3_column_int(st, 1), BM_SCHEMA_VERSION);
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "Bộ Y tế");
	sqlite3_finalize(st);
	sqlite3_prepare_v2(g->db, "SELECT named FROM aliases", -1, &st, NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);
	sqlite3_finalize(st);
	bm_graph_close(g);
	unlink(path);
	char side[600];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	free(path);
}

static void test_missing_file(void **state)
{
	(void)state;
	bm_graph *g = NULL;
	assert_int_equal(bm_graph_open(&g, "/nonexistent/dir/x.db", 0),
			 BM_ENOTFOUND);
	bm_graph_close(g);
}

static void test_fold(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"Phạm Quốc Hưng", "pham quoc hung"},
		{"ĐẶNG  Văn   Đức", "dang van duc"},
		{"Tòa án nhân dân tối cao", "toa an nhan dan toi cao"},
		{"TANDTC", "tandtc"},
		{" Hoà ", "hoa"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *f = bm_fold(cases[i][0]);
		assert_string_equal(f, cases[i][1]);
		free(f);
	}
	assert_int_equal(bm_syllables("Tòa án nhân dân tối cao"), 6);
	assert_int_equal(bm_syllables("  TANDTC "), 1);
	assert_int_equal(bm_syllables(""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fresh_schema),
		cmocka_unit_test(test_open_cases),
		cmocka_unit_test(test_migration_from_v1),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
