/* names.c: the names of a record's entity on their way into the graph:
 * keys as the rules let them through, alias look-ups, and the written
 * form an alias row shows (the one most documents wrote). */
#include "graph/names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/util.h"


void bm_names_dispose(bm_names *nm)
{
	for (size_t i = 0; i < nm->n; i++) {
		free(nm->form[i]);
		free(nm->key[i]);
	}
	free(nm->form);
	free(nm->key);
	free(nm->named);
}

static void names_add(bm_names *nm, const char *form, const char *tag,
		      int named)
{
	char *key = bm_name_key(form, strlen(form));
	if (!key || !*key) {
		free(key);
		return;
	}
	if (tag) { /* a split name lives apart from its namesakes */
		size_t kl = strlen(key), tl = strlen(tag);
		key = bm_xrealloc(key, kl + tl + 2);
		key[kl] = '\x1f';
		memcpy(key + kl + 1, tag, tl + 1);
	}
	for (size_t i = 0; i < nm->n; i++)
		if (strcmp(nm->key[i], key) == 0) {
			nm->named[i] |= named;
			if (bm_form_better(form, nm->form[i])) {
				free(nm->form[i]);
				nm->form[i] = bm_xstrdup(form);
			}
			free(key);
			return;
		}
	nm->form = bm_xrealloc(nm->form, (nm->n + 1) * sizeof *nm->form);
	nm->key = bm_xrealloc(nm->key, (nm->n + 1) * sizeof *nm->key);
	nm->named = bm_xrealloc(nm->named, (nm->n + 1) * sizeof *nm->named);
	nm->form[nm->n] = bm_xstrdup(form);
	nm->key[nm->n] = key;
	nm->named[nm->n] = named;
	nm->n++;
}

/* Collects the names of e that rules let through; 0 names: skip it. */
void bm_entity_names(const bm_rules *rules, const bm_record *r,
			 const bm_entity *e, bm_names *nm)
{
	const char *type = bm_ent_type_name(e->type);
	char tag[32];
	int64_t split = 0;

	names_add(nm, e->name, NULL, 1);
	for (size_t i = 0; i < e->n_aliases; i++)
		names_add(nm, e->aliases[i], NULL, 0);
	for (size_t i = 0; i < nm->n; i++)
		if (bm_rules_deleted(rules, type, nm->key[i])) {
			bm_names_dispose(nm);
			memset(nm, 0, sizeof *nm);
			return;
		}
	/* a removed alias no longer joins, unless it is all there is */
	for (size_t i = 0; i < nm->n && nm->n > 1;)
		if (bm_rules_unaliased(rules, type, nm->key[i])) {
			free(nm->form[i]);
			free(nm->key[i]);
			nm->form[i] = nm->form[nm->n - 1];
			nm->key[i] = nm->key[nm->n - 1];
			nm->named[i] = nm->named[nm->n - 1];
			nm->n--;
		} else {
			i++;
		}
	for (size_t i = 0; i < nm->n && !split; i++)
		split = bm_rules_split(rules, type, nm->key[i], r->doc);
	if (split) {
		bm_names tagged = {0};
		snprintf(tag, sizeof tag, "split:%lld", (long long)split);
		for (size_t i = 0; i < nm->n; i++)
			names_add(&tagged, nm->form[i], tag, nm->named[i]);
		bm_names_dispose(nm);
		*nm = tagged;
	}
}

static const char SQL_FIND_ALIAS[] =
	"SELECT id, entity, alias, named, form_n FROM aliases"
	" WHERE type = ?1 AND alias_key = ?2";
static const char SQL_NAMED[] = "UPDATE aliases SET named = 1 WHERE id = ?1";
static const char SQL_NEW_ALIAS[] =
	"INSERT INTO aliases (type, alias_key, entity, alias, fold, n_syll, named)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id";
static const char SQL_ALIAS_DOC[] =
	"INSERT OR IGNORE INTO alias_docs (alias, document) VALUES (?1, ?2)";

int bm_find_alias(bm_graph *g, const char *type, const char *key,
		      const char *form, bm_known *k)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_FIND_ALIAS);
	int rc;
	memset(k, 0, sizeof *k);
	if (!st)
		return BM_EDB;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		k->alias = sqlite3_column_int64(st, 0);
		k->entity = sqlite3_column_int64(st, 1);
		const char *shown = (const char *)sqlite3_column_text(st, 2);
		k->same = strcmp(form, shown) == 0;
		k->better = bm_form_better(form, shown);
		k->shown = bm_xstrdup(shown);
		k->named = sqlite3_column_int(st, 3);
		k->form_n = sqlite3_column_int64(st, 4);
		rc = 0;
	} else {
		rc = rc == SQLITE_DONE ? 0 : bm_graph_dberr(g, "looking up a name");
	}
	sqlite3_reset(st);
	return rc;
}

static const char SQL_NAMES_OF[] =
	"SELECT alias_key FROM aliases WHERE entity = ?1 AND named = 1";

/* 1 when entity id has been the name of a record under a key that is none
 * of nm's, 0 when not, or an error. */
int bm_other_name(bm_graph *g, int64_t id, const bm_names *nm)
{
	sqlite3_stmt *st = bm_stmt(g, SQL_NAMES_OF);
	int rc, other = 0;
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, id);
	while (!other && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		other = 1;
		for (size_t i = 0; i < nm->n && other; i++)
			other = strcmp(key, nm->key[i]) != 0;
	}
	if (!other && rc != SQLITE_DONE)
		other = bm_graph_dberr(g, "looking up a name");
	sqlite3_reset(st);
	return other;
}

static const char SQL_FORM_SEEN[] =
	"UPDATE aliases SET form_n = form_n + 1 WHERE id = ?1";
static const char SQL_OTHER_FORM[] =
	"INSERT INTO alias_forms (alias, form, n) VALUES (?1, ?2, 1)"
	" ON CONFLICT (alias, form) DO UPDATE SET n = n + 1 RETURNING n";
static const char SQL_KEEP_FORM[] =
	"INSERT INTO alias_forms (alias, form, n) VALUES (?1, ?2, ?3)";
static const char SQL_DROP_FORM[] =
	"DELETE FROM alias_forms WHERE alias = ?1 AND form = ?2";
static const char SQL_SHOW_FORM[] =
	"UPDATE aliases SET alias = ?2, fold = ?3, form_n = ?4 WHERE id = ?1";

/* Counts one more document writing a name key as form.  The row shows the
 * form most documents wrote (a tie: the one bm_form_better picks); the
 * counts of the others wait in alias_forms.  Since the shown form is
 * always the best of all counts, the result does not depend on the order
 * of documents.  1 when the shown form changed, 0, or an error. */
static int count_form(bm_graph *g, int64_t alias, const char *form,
		      const bm_known *k)
{
	sqlite3_stmt *st;
	int64_t n;
	int rc;
	if (k->same) {
		if (!(st = bm_stmt(g, SQL_FORM_SEEN)))
			return BM_EDB;
		sqlite3_bind_int64(st, 1, alias);
		return bm_exec_stmt(g, st, "counting a name");
	}
	if (!(st = bm_stmt(g, SQL_OTHER_FORM)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, alias);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	if ((n = bm_step_id(g, st, "counting a name")) < 0)
		return (int)n;
	if (n < k->form_n || (n == k->form_n && !k->better))
		return 0;
	/* it wins: the shown form goes to wait, this one is shown */
	if (!(st = bm_stmt(g, SQL_KEEP_FORM)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, alias);
	sqlite3_bind_text(st, 2, k->shown, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, k->form_n);
	if ((rc = bm_exec_stmt(g, st, "counting a name")) < 0)
		return rc;
	if (!(st = bm_stmt(g, SQL_DROP_FORM)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, alias);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	if ((rc = bm_exec_stmt(g, st, "counting a name")) < 0)
		return rc;
	char *fold = bm_fold(form);
	if (!(st = bm_stmt(g, SQL_SHOW_FORM))) {
		free(fold);
		return BM_EDB;
	}
	sqlite3_bind_int64(st, 1, alias);
	sqlite3_bind_text(st, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, fold, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, n);
	free(fold);
	rc = bm_exec_stmt(g, st, "counting a name");
	return rc < 0 ? rc : 1;
}

/* Stores the names of entity id seen in doc; *changed is set when a name
 * is new or has a new form (the canonical name may change). */
int bm_put_names(bm_graph *g, const char *type, const bm_names *nm,
		     const bm_known *k, int64_t id, int64_t doc, int *changed)
{
	sqlite3_stmt *st;
	int rc = 0;
	for (size_t i = 0; i < nm->n && rc == 0; i++) {
		int64_t alias = k[i].alias;
		if (k[i].entity && k[i].entity != id)
			continue; /* another entity's name: not joined */
		if (alias && nm->named[i] && !k[i].named) {
			if (!(st = bm_stmt(g, SQL_NAMED)))
				return BM_EDB;
			sqlite3_bind_int64(st, 1, alias);
			if ((rc = bm_exec_stmt(g, st, "naming an entity")) < 0)
				return rc;
		}
		if (!alias) {
			char *fold = bm_fold(nm->form[i]);
			if (!(st = bm_stmt(g, SQL_NEW_ALIAS))) {
				free(fold);
				return BM_EDB;
			}
			sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, nm->key[i], -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, id);
			sqlite3_bind_text(st, 4, nm->form[i], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, fold, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 6, bm_syllables(nm->form[i]));
			sqlite3_bind_int(st, 7, nm->named[i]);
			free(fold);
			alias = bm_step_id(g, st, "adding a name");
			if (alias < 0)
				rc = (int)alias;
			*changed = 1;
		} else if ((rc = count_form(g, alias, nm->form[i], &k[i])) > 0) {
			*changed = 1;
			rc = 0;
		}
		if (rc < 0 || !(st = bm_stmt(g, SQL_ALIAS_DOC)))
			return rc < 0 ? rc : BM_EDB;
		sqlite3_bind_int64(st, 1, alias);
		sqlite3_bind_int64(st, 2, doc);
		rc = bm_exec_stmt(g, st, "adding a name");
	}
	return rc;
}
