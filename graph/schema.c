/* schema.c: the tables of the graph database and their migrations, one
 * step per PRAGMA user_version.  docs/schema.md explains every column; keep
 * table and column names stable (export/ and researchers' SQL rely on them). */
#include "graph/store.h"

#include <stdio.h>

#include "extract/util.h"

/* Version 1: documents, entities, aliases, mentions, relations, evidence,
 * curation rules.  No NULL in a UNIQUE key: relations.object is 0 when a
 * holds_position names no organization, role_key is '' without a role. */
static const char schema_v1[] =
	"CREATE TABLE documents ("
	" id INTEGER PRIMARY KEY,"
	" doc TEXT NOT NULL UNIQUE,"          /* the document id */
	" hash TEXT NOT NULL,"                /* content hash of the text */
	" title TEXT, date TEXT, url TEXT, source TEXT,"
	" text_len INTEGER NOT NULL DEFAULT 0,"
	" ingested_at TEXT NOT NULL,"
	" record TEXT NOT NULL"               /* the JSON record, for rebuilds */
	");"
	"CREATE TABLE entities ("
	" id INTEGER PRIMARY KEY,"
	" type TEXT NOT NULL,"                /* PERSON ORG LOC LAW OTHER */
	" name TEXT NOT NULL,"                /* canonical: the fullest form */
	" name_key TEXT NOT NULL,"            /* bm_name_key(name) */
	" fold TEXT NOT NULL,"                /* accent/case-free, for search */
	" rank TEXT, degree TEXT, attrs_date TEXT,"
	" pinned INTEGER NOT NULL DEFAULT 0," /* 1: name set by a rename rule */
	" UNIQUE (type, name_key)"
	");"
	"CREATE TABLE aliases ("
	" id INTEGER PRIMARY KEY,"
	" type TEXT NOT NULL,"
	" alias_key TEXT NOT NULL,"
	" entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	" alias TEXT NOT NULL,"               /* a written form of the key */
	" fold TEXT NOT NULL,"
	" n_syll INTEGER NOT NULL,"           /* syllables, for the canonical */
	" origin INTEGER NOT NULL DEFAULT 0," /* 0 documents, 1 a rule */
	" UNIQUE (type, alias_key)"
	");"
	"CREATE INDEX aliases_entity ON aliases(entity);"
	"CREATE INDEX aliases_key ON aliases(alias_key);"
	"CREATE INDEX aliases_fold ON aliases(fold);"
	"CREATE TABLE alias_docs ("
	" alias INTEGER NOT NULL REFERENCES aliases(id) ON DELETE CASCADE,"
	" document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" PRIMARY KEY (alias, document)"
	") WITHOUT ROWID;"
	"CREATE INDEX alias_docs_document ON alias_docs(document);"
	"CREATE TABLE mentions ("
	" entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	" document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" start_byte INTEGER NOT NULL,"       /* -1: named, offsets unknown */
	" end_byte INTEGER NOT NULL,"
	" PRIMARY KEY (entity, document, start_byte, end_byte)"
	") WITHOUT ROWID;"
	"CREATE INDEX mentions_document ON mentions(document);"
	"CREATE TABLE relations ("
	" id INTEGER PRIMARY KEY,"
	" type TEXT NOT NULL,"                /* holds_position part_of cooperates_with */
	" subject INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
	" object INTEGER NOT NULL,"           /* entities.id, or 0: none */
	" role TEXT,"                         /* as written */
	" role_key TEXT NOT NULL DEFAULT '',"
	" status TEXT NOT NULL DEFAULT 'current'"
	"  CHECK (status IN ('current', 'former')),"
	" first_seen TEXT, last_seen TEXT,"   /* dates of its documents */
	" n_evidence INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE (type, subject, object, role_key)"
	");"
	"CREATE INDEX relations_subject ON relations(subject, type);"
	"CREATE INDEX relations_object ON relations(object, type);"
	"CREATE TRIGGER relations_object_gone AFTER DELETE ON entities"
	" BEGIN DELETE FROM relations WHERE object = old.id; END;"
	"CREATE TABLE evidence ("
	" id INTEGER PRIMARY KEY,"
	" relation INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,"
	" document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
	" start_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL,"
	" sentence TEXT,"
	" date TEXT,"                         /* the document's date */
	" former INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE (relation, document, start_byte, end_byte)"
	");"
	"CREATE INDEX evidence_document ON evidence(document);"
	"CREATE TABLE rules ("
	" id INTEGER PRIMARY KEY,"
	" op TEXT NOT NULL"
	"  CHECK (op IN ('merge','rename','alias_add','alias_remove','split','delete')),"
	" type TEXT NOT NULL,"                /* entity type the rule acts on */
	" a TEXT NOT NULL, a_key TEXT NOT NULL,"  /* the entity (a name) */
	" b TEXT, b_key TEXT,"                /* other name / alias / new name */
	" docs TEXT,"                         /* split: document ids, one a line */
	" created_at TEXT NOT NULL,"
	" undone INTEGER NOT NULL DEFAULT 0"
	");";

typedef struct {
	int version;
	const char *sql;
} migration;

/* Version 2: the relations' end indexes cover both ends, so a walk over an
 * entity's edges (neighbors, path) reads the index alone, never the table:
 * a hub with 100,000 edges is 10 ms instead of 150. */
static const char schema_v2[] =
	"DROP INDEX relations_subject;"
	"DROP INDEX relations_object;"
	"CREATE INDEX relations_subject ON relations(subject, object);"
	"CREATE INDEX relations_object ON relations(object, subject);";

/* Version 3: aliases.named is 1 for a key some record used as an entity's
 * name (not only as an alias); an alias joins only entities that go by no
 * other name.  Old rows: the keys of canonical names. */
static const char schema_v3[] =
	"ALTER TABLE aliases ADD COLUMN named INTEGER NOT NULL DEFAULT 0;"
	"UPDATE aliases SET named = 1 WHERE EXISTS (SELECT 1 FROM entities e"
	" WHERE e.id = aliases.entity AND e.name_key = aliases.alias_key);";

/* Version 4: the written form an alias row shows is the one most documents
 * wrote (aliases.form_n of them); the counts of its other forms are in
 * alias_forms. */
static const char schema_v4[] =
	"ALTER TABLE aliases ADD COLUMN form_n INTEGER NOT NULL DEFAULT 1;"
	"CREATE TABLE alias_forms ("
	" alias INTEGER NOT NULL REFERENCES aliases(id) ON DELETE CASCADE,"
	" form TEXT NOT NULL,"
	" n INTEGER NOT NULL,"
	" PRIMARY KEY (alias, form)"
	") WITHOUT ROWID;";

static const migration migrations[] = {
	{1, schema_v1},
	{2, schema_v2},
	{3, schema_v3},
	{4, schema_v4},
};

static int read_version(bm_graph *g, int *version)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;
	if (sqlite3_prepare_v2(g->db, "PRAGMA user_version", -1, &st, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	else
		rc = bm_graph_dberr(g, "reading the schema version");
	sqlite3_finalize(st);
	return rc;
}

int bm_schema_migrate(bm_graph *g)
{
	int version = 0, rc;
	char pragma[64];

	if ((rc = read_version(g, &version)) < 0)
		return rc;
	if (version > BM_SCHEMA_VERSION) {
		bm_graph_seterr(g,
				"the database has schema version %d; this bomay "
				"knows up to %d: use a newer bomay",
				version, BM_SCHEMA_VERSION);
		return BM_ESCHEMA;
	}
	if (version == BM_SCHEMA_VERSION)
		return 0;
	if (g->readonly) {
		bm_graph_seterr(g, "the database has schema version %d, needs %d, "
				   "and is open read-only",
				version, BM_SCHEMA_VERSION);
		return BM_EDB;
	}
	/* Another process may be migrating too: decide inside the lock. */
	if (sqlite3_exec(g->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return bm_graph_dberr(g, "creating the schema");
	rc = read_version(g, &version);
	for (size_t i = 0; rc == 0 && i < BM_ARRAY_LEN(migrations); i++) {
		if (migrations[i].version <= version)
			continue;
		if (sqlite3_exec(g->db, migrations[i].sql, NULL, NULL, NULL) !=
		    SQLITE_OK)
			rc = bm_graph_dberr(g, "creating the schema");
		else
			version = migrations[i].version;
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", version);
	if (rc == 0 && sqlite3_exec(g->db, pragma, NULL, NULL, NULL) != SQLITE_OK)
		rc = bm_graph_dberr(g, "creating the schema");
	if (rc == 0 && sqlite3_exec(g->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = bm_graph_dberr(g, "creating the schema");
	if (rc != 0)
		sqlite3_exec(g->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}
