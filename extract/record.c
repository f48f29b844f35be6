/* record.c: the document record: construction, names of types, freeing. */
#include "extract/record.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/text.h"
#include "extract/util.h"

static const char *const ent_names[BM_ENT__COUNT] = {"PERSON", "ORG", "LOC",
						     "LAW", "OTHER"};
static const char *const rel_names[BM_REL__COUNT] = {
	"holds_position", "part_of", "cooperates_with"};

const char *bm_ent_type_name(bm_ent_type t)
{
	return (unsigned)t < BM_ENT__COUNT ? ent_names[t] : "OTHER";
}

int bm_ent_type_parse(const char *s, bm_ent_type *out)
{
	for (int i = 0; i < BM_ENT__COUNT; i++)
		if (s && strcmp(s, ent_names[i]) == 0) {
			*out = (bm_ent_type)i;
			return 0;
		}
	return BM_EINVAL;
}

const char *bm_rel_type_name(bm_rel_type t)
{
	return (unsigned)t < BM_REL__COUNT ? rel_names[t] : "?";
}

int bm_rel_type_parse(const char *s, bm_rel_type *out)
{
	for (int i = 0; i < BM_REL__COUNT; i++)
		if (s && strcmp(s, rel_names[i]) == 0) {
			*out = (bm_rel_type)i;
			return 0;
		}
	return BM_EINVAL;
}

bm_record *bm_record_new(const char *doc)
{
	bm_record *r = bm_xcalloc(1, sizeof *r);
	r->doc = bm_xstrdup(doc ? doc : "");
	return r;
}

/* A copy of s in NFC (the record's strings are NFC, bomay.h); invalid UTF-8,
 * which only a caller-built document can hold, becomes U+FFFD. */
static char *meta_copy(const char *s)
{
	if (!s)
		return NULL;
	size_t len = strlen(s), n;
	char *t = bm_text_nfc(s, len);
	if (!t && bm_text_normalize(s, len, 1, &t, &n, NULL) != 0)
		t = NULL;
	return t ? t : bm_xstrdup("");
}

void bm_record_set_meta(bm_record *r, const char *title, const char *date,
			const char *url, const char *source)
{
	free(r->title);
	free(r->date);
	free(r->url);
	free(r->source);
	r->title = meta_copy(title);
	r->date = meta_copy(date);
	r->url = meta_copy(url);
	r->source = meta_copy(source);
}

size_t bm_record_add_entity(bm_record *r, bm_ent_type type, const char *name)
{
	/* capacity doubles at powers of two */
	size_t n = r->n_entities;
	if ((n & (n - 1)) == 0)
		r->entities = bm_xrealloc(r->entities,
					  (n ? 2 * n : 1) * sizeof *r->entities);
	bm_entity *e = &r->entities[n];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->name = bm_xstrdup(name ? name : "");
	r->n_entities = n + 1;
	return n;
}

void bm_record_add_alias(bm_record *r, size_t ent, const char *alias)
{
	bm_entity *e = &r->entities[ent];
	if (!alias || !*alias || strcmp(alias, e->name) == 0)
		return;
	for (size_t i = 0; i < e->n_aliases; i++)
		if (strcmp(e->aliases[i], alias) == 0)
			return;
	size_t n = e->n_aliases;
	if ((n & (n - 1)) == 0)
		e->aliases = bm_xrealloc(e->aliases,
					 (n ? 2 * n : 1) * sizeof *e->aliases);
	e->aliases[n] = bm_xstrdup(alias);
	e->n_aliases = n + 1;
}

void bm_record_set_attrs(bm_record *r, size_t ent, const char *rank,
			 const char *degree)
{
	bm_entity *e = &r->entities[ent];
	if (rank) {
		free(e->rank);
		e->rank = bm_xstrdup(rank);
	}
	if (degree) {
		free(e->degree);
		e->degree = bm_xstrdup(degree);
	}
}

void bm_record_add_mention(bm_record *r, size_t ent, size_t start, size_t end)
{
	bm_entity *e = &r->entities[ent];
	size_t n = e->n_mentions;
	for (size_t i = 0; i < n; i++)
		if (e->mentions[i].start == start && e->mentions[i].end == end)
			return;
	if ((n & (n - 1)) == 0)
		e->mentions = bm_xrealloc(e->mentions,
					  (n ? 2 * n : 1) * sizeof *e->mentions);
	e->mentions[n].start = start;
	e->mentions[n].end = end;
	e->n_mentions = n + 1;
}

static int same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

size_t bm_record_add_relation(bm_record *r, bm_rel_type type, size_t subject,
			      long object, const char *role, int former,
			      size_t sent_start, size_t sent_end,
			      const char *evidence, size_t evidence_len)
{
	for (size_t i = 0; i < r->n_relations; i++) {
		bm_relation *x = &r->relations[i];
		if (x->type == type && x->subject == subject &&
		    x->object == object && same_str(x->role, role)) {
			if (former)
				x->former = 1;
			return i;
		}
	}
	size_t n = r->n_relations;
	if ((n & (n - 1)) == 0)
		r->relations = bm_xrealloc(
			r->relations, (n ? 2 * n : 1) * sizeof *r->relations);
	bm_relation *x = &r->relations[n];
	memset(x, 0, sizeof *x);
	x->type = type;
	x->subject = subject;
	x->object = object;
	x->role = bm_xstrdup(role);
	x->former = former;
	x->sentence.start = sent_start;
	x->sentence.end = sent_end;
	x->evidence = evidence ? bm_xstrndup(evidence, evidence_len) : NULL;
	r->n_relations = n + 1;
	return n;
}

void bm_record_set_hash(bm_record *r, const char *text, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)text[i];
		h *= 1099511628211ULL;
	}
	snprintf(r->hash, sizeof r->hash, "%016llx", (unsigned long long)h);
	r->text_len = len;
}

void bm_entity_dispose(bm_entity *e)
{
	free(e->name);
	for (size_t j = 0; j < e->n_aliases; j++)
		free(e->aliases[j]);
	free(e->aliases);
	free(e->rank);
	free(e->degree);
	free(e->mentions);
}

void bm_record_free(bm_record *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_entities; i++)
		bm_entity_dispose(&r->entities[i]);
	free(r->entities);
	for (size_t i = 0; i < r->n_relations; i++) {
		free(r->relations[i].role);
		free(r->relations[i].evidence);
	}
	free(r->relations);
	free(r->doc);
	free(r->title);
	free(r->date);
	free(r->url);
	free(r->source);
	free(r);
}
