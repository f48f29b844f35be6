/* test_text.c: normalization and name keys (extract/text.c), table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bomay.h"
#include "extract/text.h"

typedef struct {
	const char *a, *b;
} pair;

/* Pairs that must give one name key (as score.py's norm() would). */
static const pair same_key[] = {
	{"hoà", "hòa"},
	{"Thuỷ", "thủy"},
	{"Uỷ ban", "Ủy ban"},
	{"Tòa án nhân dân tối cao", "TÒA ÁN NHÂN DÂN TỐI CAO"},
	{"To\xcc\x80""a a\xcc\x81n", "Tòa án"},          /* NFD = NFC */
	{"Phạm  Quốc\tHưng", "phạm quốc hưng"},         /* spaces folded */
	{"\"Bộ Công an\",", "bộ công an"},              /* edge punctuation */
	{"(Bộ Công an)", "bộ công an"},
	{"“Bộ Công an”", "bộ công an"},
	/* as in score.py, a tone mark moves behind trailing punctuation of its
	 * word, so "(Đảng)" keeps its ")": names never carry one */
};

/* Pairs that must not. */
static const pair other_key[] = {
	{"Hòa", "Hoa"},
	{"Bộ Công an", "Bộ Công an tỉnh"},
	{"Đà Nẵng", "Da Nang"},
};

static void test_same_keys(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof same_key / sizeof same_key[0]; i++) {
		char *a = bm_name_key(same_key[i].a, strlen(same_key[i].a));
		char *b = bm_name_key(same_key[i].b, strlen(same_key[i].b));
		assert_non_null(a);
		assert_non_null(b);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
}

static void test_other_keys(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof other_key / sizeof other_key[0]; i++) {
		char *a = bm_name_key(other_key[i].a, strlen(other_key[i].a));
		char *b = bm_name_key(other_key[i].b, strlen(other_key[i].b));
		assert_string_not_equal(a, b);
		free(a);
		free(b);
	}
}

static void test_key_invalid_utf8(void **state)
{
	(void)state;
	assert_null(bm_name_key("a\xff", 2));
}

typedef struct {
	const char *in;
	size_t len;
	const char *want; /* NULL: must fail */
	long long bad;    /* offset of the failure */
} norm_case;

static const norm_case norm_cases[] = {
	{"\xEF\xBB\xBFHà Nội", 0, "Hà Nội", -1},             /* BOM dropped */
	{"a\r\nb\rc\n", 0, "a\nb\nc\n", -1},                  /* CRLF, CR */
	{"Bộ\xC2\xA0""Công an", 0, "Bộ Công an", -1},         /* NBSP */
	{"To\xcc\x80""a a\xcc\x81n", 0, "Tòa án", -1},        /* NFD -> NFC */
	{"hoà", 0, "hoà", -1},                                /* tone kept as written */
	{"ab\xff""cd", 0, NULL, 2},                           /* invalid byte */
	{"ab\xC0\xAF", 0, NULL, 2},                           /* overlong */
	{"\xED\xA0\x80", 0, NULL, 0},                         /* surrogate */
	{"abc\xE1\xBB", 0, NULL, 3},                          /* truncated */
	{"ab\0cd", 5, NULL, 2},                               /* NUL byte */
	{"a\xE2\x80\x8B""b", 0, "ab", -1},                    /* zero-width space */
};

static void test_normalize(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof norm_cases / sizeof norm_cases[0]; i++) {
		const norm_case *c = &norm_cases[i];
		size_t len = c->len ? c->len : strlen(c->in);
		char *out = NULL;
		size_t out_len = 0;
		long long bad = -1;
		int rc = bm_text_normalize(c->in, len, 0, &out, &out_len, &bad);
		if (c->want) {
			assert_int_equal(rc, 0);
			assert_string_equal(out, c->want);
			assert_int_equal(out_len, strlen(c->want));
			free(out);
		} else {
			assert_int_equal(rc, BM_EUTF8);
			assert_int_equal(bad, c->bad);
			assert_null(out);
		}
	}
}

static void test_normalize_lossy(void **state)
{
	(void)state;
	char *out = NULL;
	size_t n = 0;
	assert_int_equal(bm_text_normalize("ab\xff""c\0d", 6, 1, &out, &n, NULL), 0);
	assert_string_equal(out, "ab\xEF\xBF\xBD""c\xEF\xBF\xBD""d");
	free(out);
}

/* bm_text_nfc: text of NFC-stable code points is copied as it is (no
 * utf8proc pass), anything else composed; invalid UTF-8 is NULL. */
static const pair nfc_cases[] = {
	{"Bộ Công an", "Bộ Công an"},                      /* copied */
	{"TP.HCM – “Đà Nẵng”…", "TP.HCM – “Đà Nẵng”…"},
	{"", ""},
	{"To\xcc\x80""a a\xcc\x81n", "Tòa án"},            /* composed */
	{"Ho\xcc\x80" "a\xe2\x80\x9c", "Hòa\xe2\x80\x9c"},
	{"\xe2\x84\xab", "\xc3\x85"},                       /* Angstrom sign */
	{"a\xff", NULL},                                   /* invalid */
	{"\xed\xa0\x80", NULL},
};

static void test_nfc(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof nfc_cases / sizeof nfc_cases[0]; i++) {
		const pair *c = &nfc_cases[i];
		char *out = bm_text_nfc(c->a, strlen(c->a));
		if (!c->b) {
			assert_null(out);
			continue;
		}
		assert_non_null(out);
		assert_string_equal(out, c->b);
		free(out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_keys),
		cmocka_unit_test(test_other_keys),
		cmocka_unit_test(test_key_invalid_utf8),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_normalize_lossy),
		cmocka_unit_test(test_nfc),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
