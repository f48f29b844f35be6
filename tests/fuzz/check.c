/* check.c: the invariants of check.h, shared by the fuzz targets. */
#include "tests/fuzz/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void bm_fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "fuzz: %s:%d: invariant broken: %s\n", file, line, what);
	abort();
}

int bm_fuzz_utf8_ok(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n;
		unsigned long cp;
		if (c == 0)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 2;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 3;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 4;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (i + n > len)
			return 0;
		for (size_t k = 1; k < n; k++) {
			unsigned char d = (unsigned char)s[i + k];
			if ((d & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (d & 0x3F);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n;
	}
	return 1;
}

static void check_str(const char *s, int may_be_null, const char *what)
{
	if (!s) {
		FUZZ_ASSERT(may_be_null, what);
		return;
	}
	FUZZ_ASSERT(bm_fuzz_utf8_ok(s, strlen(s)), what);
}

static void check_span(bm_span s, const bm_record *r, int in_text)
{
	FUZZ_ASSERT(s.start <= s.end, "a span that ends before it starts");
	if (in_text)
		FUZZ_ASSERT(s.end <= r->text_len, "a span past the text");
}

void bm_fuzz_check_record(const bm_record *r, int spans_in_text)
{
	FUZZ_ASSERT(r != NULL, "no record");
	FUZZ_ASSERT(r->doc && r->doc[0], "a record without a doc id");
	check_str(r->doc, 0, "doc id not UTF-8");
	check_str(r->title, 1, "title not UTF-8");
	check_str(r->date, 1, "date not UTF-8");
	check_str(r->url, 1, "url not UTF-8");
	check_str(r->source, 1, "source not UTF-8");
	FUZZ_ASSERT(r->n_entities == 0 || r->entities, "entities missing");
	for (size_t i = 0; i < r->n_entities; i++) {
		const bm_entity *e = &r->entities[i];
		FUZZ_ASSERT((unsigned)e->type < BM_ENT__COUNT, "entity type");
		FUZZ_ASSERT(e->name && e->name[0], "an entity without a name");
		check_str(e->name, 0, "entity name not UTF-8");
		for (size_t j = 0; j < e->n_aliases; j++)
			check_str(e->aliases[j], 0, "alias not UTF-8");
		check_str(e->rank, 1, "rank not UTF-8");
		check_str(e->degree, 1, "degree not UTF-8");
		for (size_t j = 0; j < e->n_mentions; j++)
			check_span(e->mentions[j], r, spans_in_text);
	}
	for (size_t i = 0; i < r->n_relations; i++) {
		const bm_relation *x = &r->relations[i];
		FUZZ_ASSERT((unsigned)x->type < BM_REL__COUNT, "relation type");
		FUZZ_ASSERT(x->subject < r->n_entities, "relation subject");
		FUZZ_ASSERT(x->object >= -1 && x->object < (long)r->n_entities,
			    "relation object");
		check_str(x->role, 1, "role not UTF-8");
		check_str(x->evidence, 1, "evidence not UTF-8");
		check_span(x->sentence, r, spans_in_text);
	}
}

/* The JSON text of r in a new buffer (caller frees). */
static char *to_json(const bm_record *r, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	FUZZ_ASSERT(f != NULL, "open_memstream");
	FUZZ_ASSERT(bm_record_write_json(r, f) == 0, "bm_record_write_json");
	FUZZ_ASSERT(fclose(f) == 0, "fclose");
	return buf;
}

void bm_fuzz_round_trip(const bm_record *r)
{
	size_t n1, n2;
	char err[256] = "";
	bm_record *back = NULL;
	char *j1 = to_json(r, &n1);
	FUZZ_ASSERT(n1 > 0 && j1[n1 - 1] == '\n', "a record line ends in LF");
	FUZZ_ASSERT(memchr(j1, '\n', n1 - 1) == NULL, "a record is one line");
	if (bm_record_from_json(j1, n1 - 1, &back, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz: written record does not read back: %s\n%s",
			err, j1);
		abort();
	}
	bm_fuzz_check_record(back, 0);
	char *j2 = to_json(back, &n2);
	if (n1 != n2 || memcmp(j1, j2, n1) != 0) {
		fprintf(stderr, "fuzz: record changes on a round trip:\n%s%s", j1,
			j2);
		abort();
	}
	bm_record_free(back);
	free(j1);
	free(j2);
}
