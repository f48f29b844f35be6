/* test_json.c: records to JSON and back (extract/json.c): round trips of
 * hostile strings, gold-format records, and a table of malformed records
 * that must be refused with a message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bomay.h"
#include "extract/record.h"

/* The JSON line of r (without its LF) in a new string. */
static char *to_json(const bm_record *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(bm_record_write_json(r, f), 0);
	assert_int_equal(fclose(f), 0);
	assert_true(len > 0 && buf[len - 1] == '\n');
	assert_null(memchr(buf, '\n', len - 1));
	buf[len - 1] = '\0';
	return buf;
}

static bm_record *from_json(const char *s)
{
	bm_record *r = NULL;
	char err[256] = "";
	int rc = bm_record_from_json(s, strlen(s), &r, err, sizeof err);
	if (rc != 0)
		fail_msg("refused (%s): %s", err, s);
	return r;
}

/* Names no layer may change or lose: quotes, SQL, markup, DOT keywords,
 * controls, bidi marks and joiners, 4-byte characters. */
static const char *const hostile[] = {
	"'); DROP TABLE entities;--",
	"Robert\"); DELETE FROM relations; --",
	"a'b\"c\\d<e>f&g;h",
	"node",
	"graph",
	"subgraph",
	"strict digraph { a -> b }",
	"<![CDATA[x]]>&amp;&#0;",
	"tab\there, line\nbreak, cr\rx",
	"\x01\x02\x1f\x7f controls",
	"\xE2\x80\xAE" "RTL override\xE2\x80\x8F mark",
	"ZWJ\xE2\x80\x8D" "and ZWNJ\xE2\x80\x8C",
	"\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3 flag, \xF0\x9D\x95\x8F math",
	"\xEF\xBF\xBD replacement, \xEF\xBF\xBF noncharacter",
	"%s%n%x format",
	"Nguyễn Văn Á",
};

static void test_hostile_round_trip(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
		const char *h = hostile[i];
		bm_record *r = bm_record_new(h);
		bm_record_set_meta(r, h, "2024-01-02", h, h);
		size_t e = bm_record_add_entity(r, BM_ENT_PERSON, h);
		bm_record_add_alias(r, e, "alias");
		bm_record_set_attrs(r, e, h, h);
		bm_record_add_mention(r, e, 0, 3);
		size_t o = bm_record_add_entity(r, BM_ENT_ORG, "Bộ Công an");
		bm_record_add_relation(r, BM_REL_HOLDS_POSITION, e, (long)o, h, 1, 0,
				       strlen(h), h, strlen(h));
		bm_record_set_hash(r, h, strlen(h));
		char *j1 = to_json(r);
		bm_record *back = from_json(j1);
		assert_string_equal(back->doc, h);
		assert_string_equal(back->title, h);
		assert_string_equal(back->source, h);
		assert_string_equal(back->hash, r->hash);
		assert_int_equal(back->text_len, strlen(h));
		assert_int_equal(back->n_entities, 2);
		assert_string_equal(back->entities[0].name, h);
		assert_string_equal(back->entities[0].rank, h);
		assert_string_equal(back->entities[0].aliases[0], "alias");
		assert_int_equal(back->n_relations, 1);
		assert_string_equal(back->relations[0].role, h);
		assert_string_equal(back->relations[0].evidence, h);
		assert_int_equal(back->relations[0].former, 1);
		assert_int_equal(back->relations[0].object, 1);
		char *j2 = to_json(back);
		assert_string_equal(j1, j2);
		free(j1);
		free(j2);
		bm_record_free(r);
		bm_record_free(back);
	}
}

/* Strings a caller built with invalid UTF-8 are written with U+FFFD, never
 * dropped (a record without "doc" would be refused by ingest). */
static void test_invalid_utf8_written(void **state)
{
	(void)state;
	bm_record *r = bm_record_new("a\xFF" "b");
	bm_record_add_entity(r, BM_ENT_ORG, "c\xC0\xAF" "d");
	char *j = to_json(r);
	bm_record *back = from_json(j);
	assert_string_equal(back->doc, "a\xEF\xBF\xBD" "b");
	assert_string_equal(back->entities[0].name,
			    "c\xEF\xBF\xBD\xEF\xBF\xBD" "d");
	free(j);
	bm_record_free(r);
	bm_record_free(back);
}

/* Metadata is stored NFC, as every string of a record. */
static void test_meta_nfc(void **state)
{
	(void)state;
	bm_record *r = bm_record_new("d");
	bm_record_set_meta(r, "Ho\xCC\x80" "a Bi\xCC\x80nh", NULL, NULL, NULL);
	assert_string_equal(r->title, "Hòa Bình");
	assert_null(r->date);
	bm_record_free(r);
}

/* A gold record (GUIDELINES.md): no mentions, evidence or hash; names NFD
 * become NFC; unknown types are tolerated. */
static void test_gold_format(void **state)
{
	(void)state;
	bm_record *r = from_json(
		"{\"doc\": \"001\", \"entities\": ["
		"{\"id\": \"e1\", \"type\": \"PERSON\", \"name\": \"Đỗ Đức Duy\", "
		"\"aliases\": [\"ông Duy\", \"Đỗ Đức Duy\", 3]},"
		"{\"id\": \"e2\", \"type\": \"ORG\", \"name\": \"Bo\\u0302\\u0323 "
		"Xây dựng\", \"aliases\": []},"
		"{\"id\": \"e3\", \"type\": \"MISC\", \"name\": \"X\"}],"
		"\"relations\": ["
		"{\"type\": \"holds_position\", \"subject\": \"e1\", \"object\": "
		"\"e2\", \"role\": \"Bộ trưởng\", \"status\": \"former\"},"
		"{\"type\": \"holds_position\", \"subject\": \"e1\", \"object\": "
		"null, \"role\": \"Ủy viên\"},"
		"{\"type\": \"member_of\", \"subject\": \"e1\", \"object\": "
		"\"e2\"}]}");
	assert_string_equal(r->doc, "001");
	assert_int_equal(r->n_entities, 3);
	assert_string_equal(r->entities[1].name, "Bộ Xây dựng");
	assert_int_equal(r->entities[0].n_aliases, 1); /* the name, 3: out */
	assert_int_equal(r->entities[2].type, BM_ENT_OTHER);
	assert_int_equal(r->n_relations, 2);            /* member_of: not ours */
	assert_int_equal(r->relations[0].former, 1);
	assert_int_equal(r->relations[1].object, -1);
	assert_int_equal(strlen(r->hash), 16);          /* of the line */
	bm_record_free(r);
}

/* Spans that cannot be are dropped, not trusted. */
static void test_bad_spans_dropped(void **state)
{
	(void)state;
	bm_record *r = from_json(
		"{\"doc\": \"s\", \"entities\": [{\"id\": \"a\", \"type\": \"LOC\", "
		"\"name\": \"Huế\", \"mentions\": [[5, 2], [-1, 3], [\"0\", 1], "
		"[0], 7, [1, 4]]}], \"relations\": [{\"type\": \"part_of\", "
		"\"subject\": \"a\", \"evidence\": {\"start\": 9, \"end\": 1}}]}");
	assert_int_equal(r->entities[0].n_mentions, 1);
	assert_int_equal(r->entities[0].mentions[0].start, 1);
	assert_int_equal(r->entities[0].mentions[0].end, 4);
	assert_int_equal(r->relations[0].sentence.start, 0);
	assert_int_equal(r->relations[0].sentence.end, 0);
	bm_record_free(r);
}

typedef struct {
	const char *json;
	const char *msg; /* a part of the message */
} bad_case;

static const bad_case bad[] = {
	{"", "not JSON"},
	{"not json", "not JSON"},
	{"{\"doc\": \"x\"", "not JSON"},
	{"[1, 2]", "\"doc\""},
	{"{}", "\"doc\""},
	{"{\"doc\": \"\"}", "\"doc\""},
	{"{\"doc\": 7}", "\"doc\""},
	{"{\"doc\": \"x\", \"doc\": \"y\"}", "duplicate"},
	{"{\"doc\": \"x\", \"entities\": {}}", "arrays"},
	{"{\"doc\": \"x\", \"relations\": \"no\"}", "arrays"},
	{"{\"doc\": \"x\", \"entities\": [7]}", "\"id\""},
	{"{\"doc\": \"x\", \"entities\": [{\"name\": \"A\"}]}", "\"id\""},
	{"{\"doc\": \"x\", \"entities\": [{\"id\": \"e1\"}]}", "\"name\""},
	{"{\"doc\": \"x\", \"entities\": [{\"id\": \"e1\", \"name\": \"\"}]}",
	 "\"name\""},
	{"{\"doc\": \"x\", \"entities\": [{\"id\": \"e1\", \"name\": \"A\"}, "
	 "{\"id\": \"e1\", \"name\": \"B\"}]}",
	 "one \"id\""},
	{"{\"doc\": \"x\", \"relations\": [1]}", "not an object"},
	{"{\"doc\": \"x\", \"relations\": [{\"type\": \"part_of\", \"subject\": "
	 "\"e9\"}]}",
	 "lacks"},
	{"{\"doc\": \"x\", \"entities\": [{\"id\": \"e1\", \"name\": \"A\"}], "
	 "\"relations\": [{\"type\": \"part_of\", \"subject\": \"e1\", "
	 "\"object\": \"e2\"}]}",
	 "lacks"},
	{"{\"doc\": \"x\", \"hash\": \"0123\"}", "\"hash\""},
	{"{\"doc\": \"x\", \"hash\": \"0123456789ABCDEF\"}", "\"hash\""},
	{"{\"doc\": \"x\", \"hash\": \"0123\xE1\xBB\xA9 56789abcdef\"}", "\"hash\""},
	{"{\"doc\": \"x\", \"hash\": 12}", "\"hash\""},
	{"{\"doc\": \"x\", \"title\": \"\xC0\xAF\"}", "not JSON"},        /* overlong */
	{"{\"doc\": \"x\", \"title\": \"\xED\xA0\x80\"}", "not JSON"},    /* surrogate */
	{"{\"doc\": \"x\", \"title\": \"\xE1\xBB\"}", "not JSON"},        /* truncated */
	{"{\"doc\": \"x\", \"title\": \"\x80\"}", "not JSON"},            /* stray */
	{"{\"doc\": \"x\", \"title\": \"\\ud800\"}", "not JSON"},         /* lone */
	{"{\"doc\": \"a\\u0000b\"}", "not JSON"},                         /* NUL */
};

static void test_malformed(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		bm_record *r = (bm_record *)1;
		char err[256] = "";
		int rc = bm_record_from_json(bad[i].json, strlen(bad[i].json), &r,
					     err, sizeof err);
		if (rc != BM_EPARSE || r != NULL || !strstr(err, bad[i].msg))
			fail_msg("case %zu: rc %d, message '%s', want '%s': %s", i,
				 rc, err, bad[i].msg, bad[i].json);
		/* no buffer, and a tiny one, are fine */
		assert_int_equal(bm_record_from_json(bad[i].json,
						     strlen(bad[i].json), &r,
						     NULL, 0),
				 BM_EPARSE);
		char tiny[4];
		assert_int_equal(bm_record_from_json(bad[i].json,
						     strlen(bad[i].json), &r,
						     tiny, sizeof tiny),
				 BM_EPARSE);
		assert_int_equal(strlen(tiny), 3);
	}
}

/* Deep nesting is refused by the parser, not by the stack. */
static void test_deep_nesting(void **state)
{
	(void)state;
	size_t depth = 200000;
	char *s = malloc(2 * depth + 64);
	size_t n = (size_t)sprintf(s, "{\"doc\": \"x\", \"extra\": ");
	memset(s + n, '[', depth);
	memset(s + n + depth, ']', depth);
	strcpy(s + n + 2 * depth, "}");
	bm_record *r = NULL;
	char err[256];
	assert_int_equal(bm_record_from_json(s, strlen(s), &r, err, sizeof err),
			 BM_EPARSE);
	assert_null(r);
	free(s);
}

/* A write error is BM_EIO. */
static void test_write_error(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/full", "w");
	if (!f)
		skip();
	setvbuf(f, NULL, _IONBF, 0);
	bm_record *r = bm_record_new("d");
	assert_int_equal(bm_record_write_json(r, f), BM_EIO);
	bm_record_free(r);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hostile_round_trip),
		cmocka_unit_test(test_invalid_utf8_written),
		cmocka_unit_test(test_meta_nfc),
		cmocka_unit_test(test_gold_format),
		cmocka_unit_test(test_bad_spans_dropped),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
