/* test_export_text.c: the text rules of the export formats (export/text.c):
 * what XML 1.0 cannot hold becomes U+FFFD, DOT labels double backslashes,
 * the rest stays byte for byte.  Table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "export/writer.h"

typedef struct {
	const char *in;
	int double_backslash;
	const char *want;
} clean_case;

#define FFFD "\xef\xbf\xbd"

static const clean_case cases[] = {
	{"", 0, ""},
	{"Phạm Quốc Hưng", 0, "Phạm Quốc Hưng"},
	{"Tòa án nhân dân tối cao", 1, "Tòa án nhân dân tối cao"},
	{"<&> \"q\" 'a'", 0, "<&> \"q\" 'a'"},        /* escaping is the writer's */
	{"tab\tLF\nCR\r", 0, "tab\tLF\nCR\r"},        /* XML 1.0 allows these */
	{"a\x01" "b\x1f" "c", 0, "a" FFFD "b" FFFD "c"},
	{"del\x7f", 0, "del\x7f"},                    /* allowed in XML 1.0 */
	{"\xef\xbf\xbe\xef\xbf\xbf", 0, FFFD FFFD},   /* U+FFFE, U+FFFF */
	{"bad\xff" "x", 0, "bad" FFFD "x"},           /* invalid UTF-8 */
	{"\xc3(", 0, FFFD "("},                       /* truncated sequence */
	{"\xed\xa0\x80", 0, FFFD FFFD FFFD},          /* a surrogate */
	{"\xc0\xaf", 0, FFFD FFFD},                   /* overlong */
	{"\xf0\x9f\x98\x80", 0, "\xf0\x9f\x98\x80"},  /* U+1F600 */
	{"C:\\new\\", 0, "C:\\new\\"},
	{"C:\\new\\", 1, "C:\\\\new\\\\"},
	{"\\\"", 1, "\\\\\""},
};

static void test_clean(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bm_buf b;
		bm_buf_init(&b);
		bm_text_clean(&b, cases[i].in, cases[i].double_backslash);
		assert_non_null(b.data);
		if (strcmp(b.data, cases[i].want) != 0)
			fail_msg("case %zu: '%s' gave '%s', want '%s'", i,
				 cases[i].in, b.data, cases[i].want);
		bm_buf_dispose(&b);
	}
}

static void test_aliases_json(void **state)
{
	(void)state;
	static const char *const aliases[] = {"TANDTC", "Tòa \"tối cao\""};
	bm_buf b;
	bm_buf_init(&b);
	bm_aliases_json(&b, aliases, 2);
	assert_string_equal(b.data, "[\"TANDTC\",\"Tòa \\\"tối cao\\\"\"]");
	bm_buf_clear(&b);
	bm_aliases_json(&b, NULL, 0);
	assert_string_equal(b.data, "[]");
	bm_buf_dispose(&b);
}

static void test_json_text(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} texts[] = {
		{"Phạm Quốc Hưng", "Phạm Quốc Hưng"},
		{"ctl\x01", "ctl\x01"},                /* JSON escapes it, keeps it */
		{"bad\xff" "x", "bad" FFFD "x"},        /* a damaged database */
		{"\xc3", FFFD},
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		json_t *v = bm_json_text(texts[i].in);
		assert_non_null(v);
		assert_string_equal(json_string_value(v), texts[i].want);
		char *dumped = json_dumps(v, JSON_ENCODE_ANY);
		assert_non_null(dumped); /* jansson can write it */
		free(dumped);
		json_decref(v);
	}
	json_t *null = bm_json_text(NULL);
	assert_true(json_is_null(null));
	json_decref(null);
}

static void test_format_names(void **state)
{
	(void)state;
	static const char *const names[] = {"dot", "graphml", "json", "csv"};
	for (int i = 0; i < BM_FORMAT__COUNT; i++) {
		bm_format f;
		assert_int_equal(bm_format_parse(names[i], &f), 0);
		assert_int_equal(f, i);
		assert_string_equal(bm_format_name(f), names[i]);
	}
	bm_format f;
	assert_int_equal(bm_format_parse("DOT", &f), BM_EINVAL);
	assert_int_equal(bm_format_parse("gml", &f), BM_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_aliases_json),
		cmocka_unit_test(test_json_text),
		cmocka_unit_test(test_format_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
