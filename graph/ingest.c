/* ingest.c: a record into the graph: the document row (idempotent by
 * content hash, a changed document replacing what it gave), then its
 * entities, aliases, mentions, relations and evidence by UPSERT. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/util.h"
#include "graph/entity.h"
#include "graph/ingest.h"
#include "graph/names.h"
#include "graph/rules.h"

/* ---- batches ------------------------------------------------------------ */

int bm_graph_begin(bm_graph *g)
{
	int rc;
	if (g->in_batch)
		return 0;
	/* a batch keeps its statement journals (foreign keys make every
	 * insert keep one) in memory, not in temporary files: a third of
	 * the writes of an ingest otherwise */
	if ((rc = bm_exec(g, "PRAGMA temp_store = MEMORY")) < 0 ||
	    (rc = bm_exec(g, "BEGIN IMMEDIATE")) < 0)
		return rc;
	g->in_batch = 1;
	bm_rules_free(g->rules);
	g->rules = NULL;
	if ((rc = bm_rules_load(g, &g->rules)) < 0)
		bm_graph_rollback(g);
	return rc;
}

int bm_graph_commit(bm_graph *g)
{
	int rc;
	if (!g->in_batch)
		return 0;
	if ((rc = bm_rules_apply(g, g->rules)) < 0 ||
	    (rc = bm_exec(g, "COMMIT")) < 0) {
		bm_graph_rollback(g);
		return rc;
	}
	g->in_batch = 0;
	return bm_exec(g, "PRAGMA temp_store = DEFAULT");
}

void bm_graph_rollback(bm_graph *g)
{
	if (!g->in_batch)
		return;
	sqlite3_exec(g->db, "ROLLBACK; PRAGMA temp_store = DEFAULT", NULL, NULL,
		     NULL);
	g->in_batch = 0;
}

/* ---- taking a document out ---------------------------------------------- */

static const char SQL_DOC_RELS[] =
	"SELECT DISTINCT relation FROM evidence WHERE document = ?1";
static const char SQL_DOC_ENTS[] =
	"SELECT DISTINCT entity FROM mentions WHERE document = ?1";
static const char SQL_DEL_DOC[] = "DELETE FROM documents WHERE id = ?1";
static const char SQL_DEL_STALE_ALIASES[] =
	"DELETE FROM aliases WHERE entity = ?1 AND origin = 0 AND NOT EXISTS"
	" (SELECT 1 FROM alias_docs WHERE alias = aliases.id)";
static const char SQL_ENT_ALIVE[] =
	"SELECT EXISTS (SELECT 1 FROM mentions WHERE entity = ?1),"
	" EXISTS (SELECT 1 FROM entities WHERE id = ?1)";

static int collect(bm_graph *g, const char *sql, int64_t arg, bm_ids *out)
{
	sqlite3_stmt *st = bm_stmt(g, sql);
	int rc;
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, arg);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		bm_ids_push(out, sqlite3_column_int64(st, 0));
	rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "reading the graph");
	sqlite3_reset(st);
	return rc;
}

int bm_ingest_remove_document(bm_graph *g, int64_t doc)
{
	bm_ids rels = {0}, ents = {0};
	sqlite3_stmt *st;
	int rc;

	if ((rc = collect(g, SQL_DOC_RELS, doc, &rels)) < 0 ||
	    (rc = collect(g, SQL_DOC_ENTS, doc, &ents)) < 0)
		goto cleanup;
	if (!(st = bm_stmt(g, SQL_DEL_DOC))) {
		rc = BM_EDB;
		goto cleanup;
	}
	sqlite3_bind_int64(st, 1, doc);
	if ((rc = bm_exec_stmt(g, st, "removing a document")) < 0)
		goto cleanup;
	for (size_t i = 0; i < rels.n && rc == 0; i++)
		rc = bm_relation_recount(g, rels.v[i]);
	for (size_t i = 0; i < ents.n && rc == 0; i++) {
		if (!(st = bm_stmt(g, SQL_DEL_STALE_ALIASES))) {
			rc = BM_EDB;
			break;
		}
		sqlite3_bind_int64(st, 1, ents.v[i]);
		if ((rc = bm_exec_stmt(g, st, "removing names")) < 0)
			break;
		if (!(st = bm_stmt(g, SQL_ENT_ALIVE))) {
			rc = BM_EDB;
			break;
		}
		sqlite3_bind_int64(st, 1, ents.v[i]);
		int step = sqlite3_step(st), used = 0, exists = 0;
		if (step == SQLITE_ROW) {
			used = sqlite3_column_int(st, 0);
			exists = sqlite3_column_int(st, 1);
		} else {
			rc = bm_graph_dberr(g, "removing a document");
		}
		sqlite3_reset(st);
		if (rc == 0 && exists)
			rc = used ? bm_entity_canonical(g, ents.v[i])
				  : bm_entity_remove(g, ents.v[i]);
	}
cleanup:
	bm_ids_dispose(&rels);
	bm_ids_dispose(&ents);
	return rc;
}

/* ---- entities ----------------------------------------------------------- */
static const char SQL_NEW_ENTITY[] =
	"INSERT INTO entities (type, name, name_key, fold) VALUES (?1, ?2, ?3, ?4)"
	" RETURNING id";
static const char SQL_MENTION[] =
	"INSERT OR IGNORE INTO mentions (entity, document, start_byte, end_byte)"
	" VALUES (?1, ?2, ?3, ?4)";
/* The attributes of the latest document win; ties: the larger value. */
static const char SQL_SET_ATTRS[] =
	"UPDATE entities SET rank = coalesce(?2, rank),"
	" degree = coalesce(?3, degree), attrs_date = ?4 WHERE id = ?1 AND"
	" (attrs_date IS NULL OR coalesce(?4, '') > attrs_date OR"
	"  (coalesce(?4, '') = attrs_date AND (coalesce(?2, '') >="
	"   coalesce(rank, '') AND coalesce(?3, '') >= coalesce(degree, ''))))";

static int put_mentions(bm_graph *g, const bm_entity *e, int64_t id,
			int64_t doc)
{
	int rc = 0;
	for (size_t i = 0; i < (e->n_mentions ? e->n_mentions : 1) && rc == 0; i++) {
		sqlite3_stmt *st = bm_stmt(g, SQL_MENTION);
		if (!st)
			return BM_EDB;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, doc);
		sqlite3_bind_int64(st, 3, e->n_mentions ? (int64_t)e->mentions[i].start : -1);
		sqlite3_bind_int64(st, 4, e->n_mentions ? (int64_t)e->mentions[i].end : -1);
		rc = bm_exec_stmt(g, st, "adding a mention");
	}
	return rc;
}

/* The graph entity of record entity e, created or joined (0 when rules
 * keep it out); *changed is set when its canonical name may change. */
static int64_t put_entity(bm_graph *g, const bm_record *r, const bm_entity *e,
			  int64_t doc, const char *date, bm_ids *fwd_from,
			  bm_ids *fwd_to, int *changed)
{
	const char *type = bm_ent_type_name(e->type);
	bm_names nm = {0};
	bm_known *k = NULL;
	int64_t id = 0;
	int rc = 0;
	sqlite3_stmt *st;

	bm_entity_names(g->rules, r, e, &nm);
	if (nm.n == 0)
		goto cleanup;
	k = bm_xcalloc(nm.n, sizeof *k);
	/* the record's name joins the entity that has it, whatever it is */
	for (size_t i = 0; i < nm.n && rc == 0; i++) {
		rc = bm_find_alias(g, type, nm.key[i], nm.form[i], &k[i]);
		if (nm.named[i] && k[i].entity && (!id || k[i].entity < id))
			id = k[i].entity;
	}
	/* an alias joins the entity that has it only when that entity goes
	 * by no other name than ours: "TANDTC" joins an entity known as
	 * "TANDTC", "Công an huyện" does not glue "Công an huyện Phú Xuyên"
	 * to "Công an huyện Chương Mỹ" */
	for (size_t i = 0; i < nm.n && rc == 0; i++) {
		if (nm.named[i] || !k[i].entity || k[i].entity == id)
			continue;
		int other = bm_other_name(g, k[i].entity, &nm);
		if (other < 0)
			rc = other;
		else if (!other && (!id || k[i].entity < id))
			id = k[i].entity;
		else if (other)
			k[i].refused = 1;
	}
	if (rc < 0)
		goto cleanup;
	if (!id) {
		char *fold = bm_fold(nm.form[0]);
		if (!(st = bm_stmt(g, SQL_NEW_ENTITY))) {
			free(fold);
			rc = BM_EDB;
			goto cleanup;
		}
		sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, nm.form[0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, nm.key[0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, fold, -1, SQLITE_TRANSIENT);
		free(fold);
		if ((id = bm_step_id(g, st, "adding an entity")) < 0) {
			rc = (int)id;
			goto cleanup;
		}
	}
	/* names that join several entities make them one */
	for (size_t i = 0; i < nm.n && rc == 0; i++) {
		int64_t other = k[i].entity;
		if (!other || other == id || k[i].refused)
			continue;
		if ((rc = bm_entity_union(g, id, other)) < 0)
			goto cleanup;
		for (size_t j = i; j < nm.n; j++)
			if (k[j].entity == other)
				k[j].entity = id;
		bm_ids_push(fwd_from, other);
		bm_ids_push(fwd_to, id);
		*changed = 1;
	}
	if ((rc = bm_put_names(g, type, &nm, k, id, doc, changed)) < 0 ||
	    (rc = put_mentions(g, e, id, doc)) < 0)
		goto cleanup;
	if (e->rank || e->degree) {
		if (!(st = bm_stmt(g, SQL_SET_ATTRS))) {
			rc = BM_EDB;
			goto cleanup;
		}
		sqlite3_bind_int64(st, 1, id);
		bm_bind_text(st, 2, e->rank);
		bm_bind_text(st, 3, e->degree);
		bm_bind_text(st, 4, date);
		rc = bm_exec_stmt(g, st, "setting attributes");
	}
cleanup:
	for (size_t i = 0; k && i < nm.n; i++)
		free(k[i].shown);
	free(k);
	bm_names_dispose(&nm);
	return rc < 0 ? rc : id;
}

/* ---- relations ---------------------------------------------------------- */

static const char SQL_UPSERT_REL[] =
	"INSERT INTO relations (type, subject, object, role, role_key)"
	" VALUES (?1, ?2, ?3, ?4, ?5)"
	" ON CONFLICT (type, subject, object, role_key) DO UPDATE SET"
	" role = CASE WHEN excluded.role < role THEN excluded.role ELSE role END"
	" RETURNING id";
static const char SQL_EVIDENCE[] =
	"INSERT INTO evidence (relation, document, start_byte, end_byte,"
	" sentence, date, former) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	" ON CONFLICT DO NOTHING";
/* One more piece of evidence: counts, dates, and the status of the latest
 * (date, then 'former' first), so the order of documents does not matter. */
static const char SQL_REL_SEEN[] =
	"UPDATE relations SET n_evidence = n_evidence + 1,"
	" first_seen = CASE WHEN ?2 IS NULL THEN first_seen"
	"  WHEN first_seen IS NULL OR ?2 < first_seen THEN ?2 ELSE first_seen END,"
	" last_seen = CASE WHEN ?2 IS NULL THEN last_seen"
	"  WHEN last_seen IS NULL OR ?2 > last_seen THEN ?2 ELSE last_seen END,"
	" status = CASE WHEN coalesce(?2, '') > coalesce(last_seen, '')"
	"   OR n_evidence = 0 THEN ?3"
	"  WHEN coalesce(?2, '') = coalesce(last_seen, '') AND ?3 = 'former'"
	"   THEN 'former' ELSE status END"
	" WHERE id = ?1";

static int64_t forward(const bm_ids *from, const bm_ids *to, int64_t id)
{
	for (size_t i = 0; i < from->n; i++)
		if (from->v[i] == id)
			id = to->v[i];
	return id;
}

static int put_relation(bm_graph *g, const bm_relation *x, int64_t s,
			int64_t o, int64_t doc, const char *date)
{
	char *role_key = x->role ? bm_name_key(x->role, strlen(x->role)) : NULL;
	sqlite3_stmt *st;
	int64_t rel;
	int rc;

	if (x->type == BM_REL_COOPERATES_WITH && o && s > o) {
		int64_t t = s;
		s = o;
		o = t;
	}
	if (!(st = bm_stmt(g, SQL_UPSERT_REL))) {
		free(role_key);
		return BM_EDB;
	}
	sqlite3_bind_text(st, 1, bm_rel_type_name(x->type), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s);
	sqlite3_bind_int64(st, 3, o);
	bm_bind_text(st, 4, role_key && *role_key ? x->role : NULL);
	sqlite3_bind_text(st, 5, role_key ? role_key : "", -1, SQLITE_TRANSIENT);
	free(role_key);
	if ((rel = bm_step_id(g, st, "adding a relation")) < 0)
		return (int)rel;
	if (!(st = bm_stmt(g, SQL_EVIDENCE)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, rel);
	sqlite3_bind_int64(st, 2, doc);
	sqlite3_bind_int64(st, 3, (int64_t)x->sentence.start);
	sqlite3_bind_int64(st, 4, (int64_t)x->sentence.end);
	bm_bind_text(st, 5, x->evidence);
	bm_bind_text(st, 6, date);
	sqlite3_bind_int(st, 7, x->former != 0);
	if ((rc = bm_exec_stmt(g, st, "adding evidence")) < 0)
		return rc;
	if (sqlite3_changes(g->db) == 0)
		return 0;
	if (!(st = bm_stmt(g, SQL_REL_SEEN)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, rel);
	bm_bind_text(st, 2, date);
	sqlite3_bind_text(st, 3, x->former ? "former" : "current", -1,
			  SQLITE_STATIC);
	return bm_exec_stmt(g, st, "adding evidence");
}

int bm_ingest_contribute(bm_graph *g, const bm_record *r, int64_t doc)
{
	const char *date = r->date && *r->date ? r->date : NULL;
	int64_t *ids = bm_xcalloc(r->n_entities ? r->n_entities : 1, sizeof *ids);
	bm_ids from = {0}, to = {0}, touched = {0};
	int rc = 0;

	for (size_t i = 0; i < r->n_entities; i++) {
		int changed = 0;
		int64_t id = put_entity(g, r, &r->entities[i], doc, date, &from,
					&to, &changed);
		if (id < 0) {
			rc = (int)id;
			goto cleanup;
		}
		/* entities joined just now are gone (and their ids may come
		 * back for new rows): point the earlier ones at the survivor */
		for (size_t j = 0; j < i && from.n; j++)
			ids[j] = forward(&from, &to, ids[j]);
		for (size_t j = 0; j < touched.n && from.n; j++)
			touched.v[j] = forward(&from, &to, touched.v[j]);
		from.n = to.n = 0;
		ids[i] = id;
		if (id && changed)
			bm_ids_add(&touched, id);
	}
	for (size_t i = 0; i < r->n_relations; i++) {
		const bm_relation *x = &r->relations[i];
		if (x->subject >= r->n_entities || x->object >= (long)r->n_entities)
			continue;
		int64_t s = ids[x->subject], o = x->object >= 0 ? ids[x->object] : 0;
		if (!s || (x->object >= 0 && !o) || s == o)
			continue; /* an end kept out by a rule, or a loop */
		if ((rc = put_relation(g, x, s, o, doc, date)) < 0)
			goto cleanup;
	}
	for (size_t i = 0; i < touched.n && rc == 0; i++)
		rc = bm_entity_canonical(g, touched.v[i]);
cleanup:
	free(ids);
	bm_ids_dispose(&from);
	bm_ids_dispose(&to);
	bm_ids_dispose(&touched);
	return rc;
}

/* ---- documents ---------------------------------------------------------- */

static const char SQL_FIND_DOC[] =
	"SELECT id, hash FROM documents WHERE doc = ?1";
static const char SQL_NEW_DOC[] =
	"INSERT INTO documents (doc, hash, title, date, url, source, text_len,"
	" ingested_at, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
	" coalesce(?8, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), ?9) RETURNING id";

char *bm_ingest_record_json(const bm_record *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		abort(); /* out of memory, as bm_xmalloc would */
	bm_record_write_json(r, f);
	fclose(f);
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	return buf;
}

int bm_ingest_at(bm_graph *g, const bm_record *r, const char *ingested_at,
		 const char *record_json)
{
	sqlite3_stmt *st;
	int64_t old = 0, doc;
	int rc, result = BM_INGEST_NEW;

	if (!r->doc || !*r->doc) {
		bm_graph_seterr(g, "a record without a document id");
		return BM_EINVAL;
	}
	if (!(st = bm_stmt(g, SQL_FIND_DOC)))
		return BM_EDB;
	sqlite3_bind_text(st, 1, r->doc, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		old = sqlite3_column_int64(st, 0);
		if (strcmp((const char *)sqlite3_column_text(st, 1), r->hash) == 0)
			result = BM_INGEST_UNCHANGED;
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "finding a document");
	}
	sqlite3_reset(st);
	if (rc < 0 || result == BM_INGEST_UNCHANGED)
		return rc < 0 ? rc : result;
	if (old) {
		result = BM_INGEST_REPLACED;
		if ((rc = bm_ingest_remove_document(g, old)) < 0)
			goto fail;
	}
	if (!(st = bm_stmt(g, SQL_NEW_DOC))) {
		rc = BM_EDB;
		goto fail;
	}
	char *json = record_json ? NULL : bm_ingest_record_json(r);
	sqlite3_bind_text(st, 1, r->doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->hash, -1, SQLITE_STATIC);
	bm_bind_text(st, 3, r->title);
	bm_bind_text(st, 4, r->date && *r->date ? r->date : NULL);
	bm_bind_text(st, 5, r->url);
	bm_bind_text(st, 6, r->source);
	sqlite3_bind_int64(st, 7, (int64_t)r->text_len);
	bm_bind_text(st, 8, ingested_at);
	bm_bind_text(st, 9, record_json ? record_json : json);
	free(json);
	if ((doc = bm_step_id(g, st, "adding a document")) < 0) {
		rc = (int)doc;
		goto fail;
	}
	if ((rc = bm_ingest_contribute(g, r, doc)) < 0)
		goto fail;
	return result;
fail:
	/* half a document must not be committed: the batch goes (a per
	 * document savepoint would double the writes of every ingest) */
	bm_graph_rollback(g);
	return rc;
}

int bm_graph_ingest(bm_graph *g, const bm_record *r)
{
	return bm_graph_ingest_json(g, r, NULL);
}

int bm_graph_ingest_json(bm_graph *g, const bm_record *r, const char *json)
{
	int own = !g->in_batch, rc;
	if (own && (rc = bm_graph_begin(g)) < 0)
		return rc;
	rc = bm_ingest_at(g, r, NULL, json);
	if (own && rc >= 0) {
		int c = bm_graph_commit(g);
		if (c < 0)
			rc = c;
	}
	return rc;
}
