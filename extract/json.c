/* json.c: a record to one JSON Lines object and back, through jansson. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "bomay.h"
#include "extract/record.h"
#include "extract/text.h"
#include "extract/util.h"

/* Writing streams the record into a buffer with a small escaper, the
 * same bytes json_dumpf(JSON_COMPACT | JSON_PRESERVE_ORDER) gives (checked
 * against it by test_json): building a jansson tree per record cost a
 * sixth of `bomay extract`'s time. */

/* A JSON string: '"', '\\' and control characters escaped as jansson
 * does; invalid UTF-8 (only a caller-built record can hold it) becomes
 * U+FFFD, byte by byte, so no string of a record is ever dropped. */
static void put_str(bm_buf *b, const char *s)
{
	size_t len = strlen(s), i = 0, run = 0;
	bm_buf_putc(b, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0x80) {
			int32_t cp;
			int n = bm_utf8_next(s + i, len - i, &cp);
			if (n > 0) {
				i += (size_t)n;
				continue;
			}
		}
		bm_buf_put(b, s + run, i - run);
		switch (c) {
		case '"': bm_buf_puts(b, "\\\""); break;
		case '\\': bm_buf_puts(b, "\\\\"); break;
		case '\b': bm_buf_puts(b, "\\b"); break;
		case '\f': bm_buf_puts(b, "\\f"); break;
		case '\n': bm_buf_puts(b, "\\n"); break;
		case '\r': bm_buf_puts(b, "\\r"); break;
		case '\t': bm_buf_puts(b, "\\t"); break;
		default:
			if (c < 0x20) {
				char seq[8];
				snprintf(seq, sizeof seq, "\\u%04X", c);
				bm_buf_puts(b, seq);
			} else {
				bm_buf_puts(b, "\xEF\xBF\xBD"); /* invalid byte */
			}
		}
		i++;
		run = i;
	}
	bm_buf_put(b, s + run, i - run);
	bm_buf_putc(b, '"');
}

/* ,"key":"value" (nothing when v is NULL) */
static void put_kv(bm_buf *b, const char *k, const char *v, int *first)
{
	if (!v)
		return;
	if (!*first)
		bm_buf_putc(b, ',');
	*first = 0;
	put_str(b, k);
	bm_buf_putc(b, ':');
	put_str(b, v);
}

/* The decimal digits of v, ending at end; returns where they start.
 * (snprintf was a tenth of the writing: two numbers per mention.) */
static char *digits(char *end, unsigned long long v)
{
	do
		*--end = (char)('0' + v % 10);
	while (v /= 10);
	return end;
}

static void put_int(bm_buf *b, long long v)
{
	char n[24];
	char *p = digits(n + sizeof n,
			 v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v);
	if (v < 0)
		*--p = '-';
	bm_buf_put(b, p, (size_t)(n + sizeof n - p));
}

/* "e" and the 1-based number n, the id of an entity, into buf. */
static const char *ent_id(char buf[24], unsigned long long n)
{
	buf[23] = 0;
	char *p = digits(buf + 23, n);
	*--p = 'e';
	return p;
}

static void put_entity(bm_buf *b, const bm_entity *e, size_t i)
{
	char id[24];
	int first = 1;
	bm_buf_putc(b, '{');
	put_kv(b, "id", ent_id(id, i + 1), &first);
	put_kv(b, "type", bm_ent_type_name(e->type), &first);
	put_kv(b, "name", e->name, &first);
	bm_buf_puts(b, ",\"aliases\":[");
	for (size_t j = 0; j < e->n_aliases; j++) {
		if (j)
			bm_buf_putc(b, ',');
		put_str(b, e->aliases[j]);
	}
	bm_buf_putc(b, ']');
	if (e->rank || e->degree) {
		int f2 = 1;
		bm_buf_puts(b, ",\"attrs\":{");
		put_kv(b, "rank", e->rank, &f2);
		put_kv(b, "degree", e->degree, &f2);
		bm_buf_putc(b, '}');
	}
	bm_buf_puts(b, ",\"mentions\":[");
	for (size_t j = 0; j < e->n_mentions; j++) {
		bm_buf_puts(b, j ? ",[" : "[");
		put_int(b, (long long)e->mentions[j].start);
		bm_buf_putc(b, ',');
		put_int(b, (long long)e->mentions[j].end);
		bm_buf_putc(b, ']');
	}
	bm_buf_puts(b, "]}");
}

static void put_relation(bm_buf *b, const bm_relation *x)
{
	char id[24];
	int first = 1;
	bm_buf_putc(b, '{');
	put_kv(b, "type", bm_rel_type_name(x->type), &first);
	put_kv(b, "subject", ent_id(id, x->subject + 1), &first);
	if (x->object >= 0) {
		put_kv(b, "object", ent_id(id, (unsigned long long)x->object + 1),
		       &first);
	} else {
		bm_buf_puts(b, ",\"object\":null");
	}
	put_kv(b, "role", x->role, &first);
	if (x->former)
		put_kv(b, "status", "former", &first);
	bm_buf_puts(b, ",\"evidence\":{\"start\":");
	put_int(b, (long long)x->sentence.start);
	bm_buf_puts(b, ",\"end\":");
	put_int(b, (long long)x->sentence.end);
	if (x->evidence) {
		bm_buf_puts(b, ",\"text\":");
		put_str(b, x->evidence);
	}
	bm_buf_puts(b, "}}");
}

int bm_record_write_json(const bm_record *r, FILE *f)
{
	bm_buf b;
	int first = 1;
	bm_buf_init(&b);
	bm_buf_putc(&b, '{');
	put_kv(&b, "doc", r->doc, &first);
	put_kv(&b, "title", r->title, &first);
	put_kv(&b, "date", r->date, &first);
	put_kv(&b, "url", r->url, &first);
	put_kv(&b, "source", r->source, &first);
	if (r->hash[0])
		put_kv(&b, "hash", r->hash, &first);
	bm_buf_puts(&b, ",\"text_len\":");
	put_int(&b, (long long)r->text_len);
	bm_buf_puts(&b, ",\"entities\":[");
	for (size_t i = 0; i < r->n_entities; i++) {
		if (i)
			bm_buf_putc(&b, ',');
		put_entity(&b, &r->entities[i], i);
	}
	bm_buf_puts(&b, "],\"relations\":[");
	for (size_t i = 0; i < r->n_relations; i++) {
		if (i)
			bm_buf_putc(&b, ',');
		put_relation(&b, &r->relations[i]);
	}
	bm_buf_puts(&b, "]}\n");
	int rc = fwrite(b.data, 1, b.len, f) == b.len ? 0 : BM_EIO;
	bm_buf_dispose(&b);
	return rc;
}

/* ---- reading ----------------------------------------------------------- */

typedef struct {
	const char *id;
	size_t index;
} id_slot;

static int cmp_slot(const void *a, const void *b)
{
	return strcmp(((const id_slot *)a)->id, ((const id_slot *)b)->id);
}

static long find_id(const id_slot *ids, size_t n, const char *id)
{
	id_slot key = {id, 0};
	const id_slot *s = bsearch(&key, ids, n, sizeof *ids, cmp_slot);
	return s ? (long)s->index : -1;
}

static int fail(char *errbuf, size_t errlen, const char *msg)
{
	if (errbuf && errlen)
		snprintf(errbuf, errlen, "%s", msg);
	return BM_EPARSE;
}

/* A string member that must be valid UTF-8 (jansson checks) and is stored
 * NFC; NULL when absent or null. */
static char *nfc_member(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	if (!json_is_string(v))
		return NULL;
	return bm_text_nfc(json_string_value(v), json_string_length(v));
}

static int read_entities(bm_record *r, json_t *ents, id_slot **ids_out,
			 char *errbuf, size_t errlen)
{
	size_t n = json_array_size(ents);
	id_slot *ids = bm_xcalloc(n ? n : 1, sizeof *ids);
	*ids_out = ids;
	for (size_t i = 0; i < n; i++) {
		json_t *e = json_array_get(ents, i);
		json_t *id = json_object_get(e, "id");
		bm_ent_type t;
		if (!json_is_object(e) || !json_is_string(id))
			return fail(errbuf, errlen, "an entity without an \"id\"");
		if (bm_ent_type_parse(json_string_value(
					      json_object_get(e, "type")),
				      &t) != 0)
			t = BM_ENT_OTHER;
		char *name = nfc_member(e, "name");
		if (!name || !*name) {
			free(name);
			return fail(errbuf, errlen, "an entity without a \"name\"");
		}
		size_t k = bm_record_add_entity(r, t, name);
		free(name);
		ids[i].id = json_string_value(id);
		ids[i].index = k;
		json_t *al = json_object_get(e, "aliases"), *v;
		size_t j;
		json_array_foreach(al, j, v)
		{
			if (!json_is_string(v))
				continue;
			char *a = bm_text_nfc(json_string_value(v),
					      json_string_length(v));
			bm_record_add_alias(r, k, a);
			free(a);
		}
		json_t *attrs = json_object_get(e, "attrs");
		if (json_is_object(attrs)) {
			char *rank = nfc_member(attrs, "rank");
			char *deg = nfc_member(attrs, "degree");
			bm_record_set_attrs(r, k, rank, deg);
			free(rank);
			free(deg);
		}
		json_t *ms = json_object_get(e, "mentions");
		json_array_foreach(ms, j, v)
		{
			json_t *s = json_array_get(v, 0), *x = json_array_get(v, 1);
			if (json_is_integer(s) && json_is_integer(x) &&
			    json_integer_value(s) >= 0 &&
			    json_integer_value(x) >= json_integer_value(s))
				bm_record_add_mention(
					r, k, (size_t)json_integer_value(s),
					(size_t)json_integer_value(x));
		}
	}
	qsort(ids, n, sizeof *ids, cmp_slot);
	for (size_t i = 1; i < n; i++)
		if (strcmp(ids[i - 1].id, ids[i].id) == 0)
			return fail(errbuf, errlen, "two entities with one \"id\"");
	return 0;
}

static int read_relations(bm_record *r, json_t *rels, const id_slot *ids,
			  size_t n_ids, char *errbuf, size_t errlen)
{
	size_t i;
	json_t *x;
	json_array_foreach(rels, i, x)
	{
		bm_rel_type t;
		if (!json_is_object(x))
			return fail(errbuf, errlen, "a relation that is not an object");
		if (bm_rel_type_parse(json_string_value(json_object_get(x, "type")),
				      &t) != 0)
			continue; /* unknown relation types are not ours */
		json_t *s = json_object_get(x, "subject");
		json_t *o = json_object_get(x, "object");
		long si = json_is_string(s)
				  ? find_id(ids, n_ids, json_string_value(s))
				  : -1;
		long oi = json_is_string(o)
				  ? find_id(ids, n_ids, json_string_value(o))
				  : -1;
		if (si < 0 || (json_is_string(o) && oi < 0))
			return fail(errbuf, errlen,
				    "a relation names an entity the record lacks");
		char *role = nfc_member(x, "role");
		json_t *st = json_object_get(x, "status");
		int former = json_is_string(st) &&
			     strcmp(json_string_value(st), "former") == 0;
		json_t *ev = json_object_get(x, "evidence");
		size_t es = 0, ee = 0;
		char *etext = NULL;
		if (json_is_object(ev)) {
			json_t *a = json_object_get(ev, "start");
			json_t *b = json_object_get(ev, "end");
			if (json_is_integer(a) && json_is_integer(b) &&
			    json_integer_value(a) >= 0 &&
			    json_integer_value(b) >= json_integer_value(a)) {
				es = (size_t)json_integer_value(a);
				ee = (size_t)json_integer_value(b);
			}
			etext = nfc_member(ev, "text");
		}
		bm_record_add_relation(r, t, (size_t)si, oi, role, former, es, ee,
				       etext, etext ? strlen(etext) : 0);
		free(role);
		free(etext);
	}
	return 0;
}

int bm_record_from_json(const char *line, size_t len, bm_record **out,
			char *errbuf, size_t errlen)
{
	json_error_t jerr;
	id_slot *ids = NULL;
	bm_record *r = NULL;
	int rc;
	json_t *o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);

	*out = NULL;
	if (!o) {
		if (errbuf && errlen)
			snprintf(errbuf, errlen, "not JSON: %s (column %d)",
				 jerr.text, jerr.column);
		return BM_EPARSE;
	}
	json_t *doc = json_object_get(o, "doc");
	if (!json_is_object(o) || !json_is_string(doc) ||
	    json_string_length(doc) == 0) {
		rc = fail(errbuf, errlen, "a record without a \"doc\" string");
		goto cleanup;
	}
	json_t *ents = json_object_get(o, "entities");
	json_t *rels = json_object_get(o, "relations");
	if ((ents && !json_is_array(ents)) || (rels && !json_is_array(rels))) {
		rc = fail(errbuf, errlen,
			  "\"entities\" and \"relations\" must be arrays");
		goto cleanup;
	}
	r = bm_record_new(json_string_value(doc));
	{
		char *t = nfc_member(o, "title"), *d = nfc_member(o, "date");
		char *u = nfc_member(o, "url"), *s = nfc_member(o, "source");
		bm_record_set_meta(r, t, d, u, s);
		free(t);
		free(d);
		free(u);
		free(s);
	}
	json_t *h = json_object_get(o, "hash");
	if (h && !json_is_null(h)) {
		/* 16 hex digits, as bm_record_set_hash writes it */
		const char *hs = json_string_value(h);
		if (!hs || strlen(hs) != 16 ||
		    strspn(hs, "0123456789abcdef") != 16) {
			rc = fail(errbuf, errlen,
				  "\"hash\" must be 16 lowercase hex digits");
			goto cleanup;
		}
		memcpy(r->hash, hs, 17);
	}
	json_t *tl = json_object_get(o, "text_len");
	if (json_is_integer(tl) && json_integer_value(tl) >= 0)
		r->text_len = (size_t)json_integer_value(tl);
	rc = read_entities(r, ents, &ids, errbuf, errlen);
	if (rc == 0)
		rc = read_relations(r, rels, ids, json_array_size(ents), errbuf,
				    errlen);
	if (rc == 0 && !r->hash[0]) {
		size_t keep = r->text_len;
		bm_record_set_hash(r, line, len);
		r->text_len = keep;
	}
cleanup:
	free(ids);
	if (rc == 0)
		*out = r;
	else
		bm_record_free(r);
	json_decref(o);
	return rc;
}
