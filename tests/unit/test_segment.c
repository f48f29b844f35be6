/* test_segment.c: tokens (offsets, flags, folded hashes) and sentences
 * (abbreviations, numbers, initials, line breaks, the length cap). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract/segment.h"
#include "extract/util.h"

/* abbreviations for the splitter: a fixed list here (the extractor reads
 * abbrevs.tsv and degrees.tsv) */
static const char *const abbrevs[] = {"TS", "ThS", "PGS", "GS", "TP", "Q"};
static const char *text_of;

static int is_abbrev(void *payload, const bm_toks *toks, size_t i)
{
	(void)payload;
	const bm_tok *t = &toks->v[i];
	for (size_t k = 0; k < BM_ARRAY_LEN(abbrevs); k++)
		if (strlen(abbrevs[k]) == t->end - t->start &&
		    memcmp(abbrevs[k], text_of + t->start, t->end - t->start) == 0)
			return 1;
	return 0;
}

typedef struct {
	const char *text;
	const char *sents[5]; /* the sentences' texts */
} split_case;

static const split_case splits[] = {
	{"Ông A đến. Bà B đi.", {"Ông A đến.", "Bà B đi."}},
	{"TS. Nguyễn Văn A phát biểu. Sau đó", {"TS. Nguyễn Văn A phát biểu.", "Sau đó"}},
	{"PGS.TS. Lê B dự. Xong", {"PGS.TS. Lê B dự.", "Xong"}},
	{"Tại TP. Hồ Chí Minh có 1.000 người.", {"Tại TP. Hồ Chí Minh có 1.000 người."}},
	{"Ở TP.HCM, ĐH Quốc gia họp.", {"Ở TP.HCM, ĐH Quốc gia họp."}},
	{"Ông N. V. An nói. Hết", {"Ông N. V. An nói.", "Hết"}},
	{"Tiêu đề\nDòng hai. dòng ba", {"Tiêu đề", "Dòng hai. dòng ba"}},
	{"Hỏi? Đáp! Xong…", {"Hỏi?", "Đáp!", "Xong…"}},
	{"Ông nói: “Tốt.” Bà cười.", {"Ông nói: “Tốt.”", "Bà cười."}},
};

static void test_split(void **state)
{
	(void)state;
	bm_fold *f = bm_fold_new();
	for (size_t i = 0; i < BM_ARRAY_LEN(splits); i++) {
		const char *s = splits[i].text;
		bm_toks t = {0};
		bm_sents ss = {0};
		text_of = s;
		bm_tokenize(f, s, strlen(s), 0, &t);
		bm_sentences(&t, s, 0, is_abbrev, NULL, &ss);
		size_t want = 0;
		while (want < 5 && splits[i].sents[want])
			want++;
		if (ss.n != want)
			fail_msg("'%s': %zu sentences, want %zu", s, ss.n, want);
		for (size_t k = 0; k < ss.n; k++) {
			size_t a = t.v[ss.v[k].t0].start, b = t.v[ss.v[k].t1 - 1].end;
			const char *w = splits[i].sents[k];
			if (b - a != strlen(w) || memcmp(s + a, w, b - a) != 0)
				fail_msg("'%s': sentence %zu is '%.*s'", s, k, (int)(b - a),
					 s + a);
		}
		free(t.v);
		free(ss.v);
	}
	bm_fold_free(f);
}

/* One token each: its flags and which other spellings fold the same. */
typedef struct {
	const char *a, *b;
	int same;
} fold_case;

static const fold_case folds[] = {
	{"Hòa", "hoà", 1},
	{"Ủy", "Uỷ", 1},
	{"ỦY", "uỷ", 1},
	{"To\xCC\x80""a", "Tòa", 1},  /* NFD */
	{"Hòa", "Hoa", 0},
	{"Đà", "Da", 0},
	{"Thủy", "Thuỷ", 1},
};

static void test_fold(void **state)
{
	(void)state;
	bm_fold *f = bm_fold_new();
	for (size_t i = 0; i < BM_ARRAY_LEN(folds); i++) {
		uint64_t a = bm_text_hash(f, folds[i].a, strlen(folds[i].a), 1, NULL);
		uint64_t b = bm_text_hash(f, folds[i].b, strlen(folds[i].b), 1, NULL);
		if ((a == b) != folds[i].same)
			fail_msg("'%s' / '%s'", folds[i].a, folds[i].b);
	}
	bm_fold_free(f);
}

static void test_tokens(void **state)
{
	(void)state;
	bm_fold *f = bm_fold_new();
	const char *s = "UBND tỉnh Đắk Lắk, 24/2014\nĐH";
	bm_toks t = {0};
	bm_tokenize(f, s, strlen(s), 10, &t);
	struct {
		const char *text;
		uint32_t flags;
	} want[] = {
		{"UBND", BM_TK_WORD | BM_TK_CAP | BM_TK_ALLCAP},
		{"tỉnh", BM_TK_WORD | BM_TK_LOWER | BM_TK_SPACE},
		{"Đắk", BM_TK_WORD | BM_TK_CAP | BM_TK_SPACE},
		{"Lắk", BM_TK_WORD | BM_TK_CAP | BM_TK_SPACE},
		{",", 0},
		{"24", BM_TK_WORD | BM_TK_DIGIT | BM_TK_SPACE},
		{"/", 0},
		{"2014", BM_TK_WORD | BM_TK_DIGIT},
		{"ĐH", BM_TK_WORD | BM_TK_CAP | BM_TK_ALLCAP | BM_TK_SPACE | BM_TK_NL},
	};
	assert_int_equal(t.n, BM_ARRAY_LEN(want));
	for (size_t i = 0; i < t.n; i++) {
		size_t n = t.v[i].end - t.v[i].start;
		assert_int_equal(n, strlen(want[i].text));
		assert_memory_equal(s + t.v[i].start - 10, want[i].text, n);
		assert_int_equal(t.v[i].flags, want[i].flags);
	}
	free(t.v);
	bm_fold_free(f);
}

static void test_cap(void **state)
{
	(void)state;
	bm_fold *f = bm_fold_new();
	bm_buf b;
	bm_buf_init(&b);
	for (int i = 0; i < 1000; i++)
		bm_buf_puts(&b, "Nguyễn ");
	bm_toks t = {0};
	bm_sents ss = {0};
	bm_tokenize(f, b.data, b.len, 0, &t);
	bm_sentences(&t, b.data, 100, NULL, NULL, &ss);
	assert_int_equal(ss.n, 10);
	for (size_t i = 0; i < ss.n; i++)
		assert_true(ss.v[i].t1 - ss.v[i].t0 <= 100);
	free(t.v);
	free(ss.v);
	bm_buf_dispose(&b);
	bm_fold_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
