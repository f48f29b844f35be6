/* test_lexicon.c: the lexicon files (extract/data/ TSVs) are NFC, sorted,
 * commented and well formed, and the lexicon tables match folded phrases
 * (case, tone-mark placement, NFD) longest first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/lexicon.h"
#include "extract/segment.h"
#include "extract/text.h"
#include "extract/util.h"

/* The lexicons of the extractor: file, columns, whether sorted by bytes
 * (places.tsv has its own order, checked by check_data.py). */
typedef struct {
	const char *file;
	int cols;    /* columns of each row */
	int sorted;
} lex_file;

static const lex_file files[] = {
	{"abbrevs.tsv", 1, 1},    {"acronyms.tsv", 3, 1},
	{"countries.tsv", 1, 1},  {"cues.tsv", 3, 1},
	{"degrees.tsv", 1, 1},    {"heads.tsv", 6, 1},
	{"honorifics.tsv", 1, 1}, {"placewords.tsv", 3, 1},
	{"ranks.tsv", 1, 1},      {"stopwords.tsv", 2, 1},
	{"surnames.tsv", 1, 1},   {"titles.tsv", 4, 1},
	{"agencies.tsv", 3, 1},   {"places.tsv", 4, 0},
	{"parents.tsv", 2, 1},    {"namewords.tsv", 1, 1},
};

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	bm_buf b;
	bm_buf_init(&b);
	char tmp[65536];
	size_t n;
	while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
		bm_buf_put(&b, tmp, n);
	fclose(f);
	return bm_buf_detach(&b, len);
}

static void test_files(void **state)
{
	(void)state;
	for (size_t i = 0; i < BM_ARRAY_LEN(files); i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/extract/data/%s", BOMAY_SOURCE_DIR,
			 files[i].file);
		size_t len;
		char *data = slurp(path, &len);
		if (!data)
			fail_msg("%s: cannot read", path);
		assert_true(len > 0 && data[0] == '#'); /* a header comment */
		assert_int_equal(bm_utf8_check(data, len), -1);
		char *nfc = bm_text_nfc(data, len);
		assert_non_null(nfc);
		if (strcmp(nfc, data) != 0)
			fail_msg("%s: not NFC", files[i].file);
		free(nfc);
		char *prev = NULL, *save = NULL;
		int body = 0;
		for (char *line = strtok_r(data, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			if (line[0] == '#') {
				if (body)
					fail_msg("%s: comment after rows", files[i].file);
				continue;
			}
			body = 1;
			int tabs = 0;
			for (char *p = line; *p; p++)
				tabs += *p == '\t';
			if (tabs != files[i].cols - 1)
				fail_msg("%s: '%s' has %d columns", files[i].file, line,
					 tabs + 1);
			if (files[i].sorted && prev && strcmp(prev, line) >= 0)
				fail_msg("%s: '%s' after '%s' (sort by bytes, no "
					 "duplicates)", files[i].file, line, prev);
			prev = line;
		}
		assert_true(body);
		free(data);
	}
}

typedef struct {
	const char *text;  /* the tokens to match from the first one */
	const char *want;  /* the row's phrase, NULL: no match */
	size_t ntok;
} match_case;

static const char table[] =
	"# a test table\n"
	"Ủy ban\thead\n"
	"Ủy ban nhân dân\thead\n"
	"Ủy ban nhân dân tối cao\thead\n"
	"Hòa Bình\tplace\n"
	"PGS.TS\tdegree\n";

static const match_case cases[] = {
	{"Ủy ban nhân dân tỉnh", "Ủy ban nhân dân", 4},   /* longest */
	{"Ủy ban Kiểm tra", "Ủy ban", 2},
	{"Uỷ ban nhân dân", "Ủy ban nhân dân", 4},         /* tone placement */
	{"ỦY BAN NHÂN DÂN", "Ủy ban nhân dân", 4},         /* case */
	{"U\xCC\x89y ban", "Ủy ban", 2},                   /* NFD */
	{"Hoà Bình", "Hòa Bình", 2},
	{"Hoa Bình", NULL, 0},                             /* tones count */
	{"PGS.TS. Nguyễn", "PGS.TS", 3},
	{"Ủy", NULL, 0},
	{"ban", NULL, 0},
};

/* A token the text may add inside a phrase (a dash) is skipped, counted
 * in the match's length, only where the phrase does not write it. */
static void test_skip(void **state)
{
	(void)state;
	static const char tsv[] = "# places\nThừa Thiên Huế\t1\nBà Rịa - Vũng Tàu\t1\n";
	static const struct { const char *text; size_t ntok; } cs[] = {
		{"Thừa Thiên – Huế", 4}, {"Thừa Thiên - Huế", 4},
		{"Thừa Thiên Huế", 3}, {"Bà Rịa - Vũng Tàu", 5},
		{"Bà Rịa – Vũng Tàu", 5}, {"– Thừa Thiên Huế", 0},
		{"Thừa Thiên –", 0},
	};
	bm_fold *f = bm_fold_new();
	bm_lex lx;
	bm_lex_init(&lx);
	assert_int_equal(bm_lex_load_tsv(&lx, f, tsv, sizeof tsv - 1, 0, NULL), 2);
	const char *dash[2] = {"-", "\xE2\x80\x93"};
	for (size_t k = 0; k < 2; k++) {
		bm_toks t = {0};
		bm_tokenize(f, dash[k], strlen(dash[k]), 0, &t);
		assert_int_equal(t.n, 1);
		lx.skip[k] = t.v[0].h;
		free(t.v);
	}
	for (size_t i = 0; i < BM_ARRAY_LEN(cs); i++) {
		bm_toks t = {0};
		bm_tokenize(f, cs[i].text, strlen(cs[i].text), 0, &t);
		size_t n = 0;
		const bm_lex_entry *e = bm_lex_match(&lx, &t, 0, t.n, &n);
		if ((e ? n : 0) != cs[i].ntok)
			fail_msg("'%s': %zu tokens, want %zu", cs[i].text, e ? n : 0,
				 cs[i].ntok);
		free(t.v);
	}
	bm_lex_dispose(&lx);
	bm_fold_free(f);
}

static void test_match(void **state)
{
	(void)state;
	bm_fold *f = bm_fold_new();
	bm_lex lx;
	bm_lex_init(&lx);
	assert_int_equal(bm_lex_load_tsv(&lx, f, table, sizeof table - 1, 0, NULL), 5);
	/* a filter on a column */
	bm_lex only;
	bm_lex_init(&only);
	assert_int_equal(bm_lex_load_tsv(&only, f, table, sizeof table - 1, 1, "place"), 1);
	for (size_t i = 0; i < BM_ARRAY_LEN(cases); i++) {
		bm_toks t = {0};
		bm_tokenize(f, cases[i].text, strlen(cases[i].text), 0, &t);
		size_t n = 0;
		const bm_lex_entry *e = bm_lex_match(&lx, &t, 0, t.n, &n);
		if (!cases[i].want) {
			if (e)
				fail_msg("'%s' matched '%s'", cases[i].text, e->col[0]);
		} else {
			if (!e)
				fail_msg("'%s' did not match", cases[i].text);
			assert_string_equal(e->col[0], cases[i].want);
			assert_int_equal(n, cases[i].ntok);
		}
		free(t.v);
	}
	bm_lex_dispose(&lx);
	bm_lex_dispose(&only);
	bm_fold_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_skip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
