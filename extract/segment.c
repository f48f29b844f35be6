/* segment.c: the tokenizer (syllables, punctuation, byte offsets, folded
 * hashes) and the sentence splitter.  One pass over bytes; code points
 * below U+2070 (Vietnamese letters, general punctuation) are classified and
 * folded through a table built once. */
#include "extract/segment.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "extract/text.h"
#include "extract/util.h"

#define FOLD_N 0x2070

enum { C_OTHER = 0, C_SPACE, C_UPPER, C_LOWER, C_LETTER, C_MARK, C_DIGIT };

typedef struct {
	int32_t base[3];  /* folded base letters (and non-tone marks) */
	int32_t tone;     /* a Vietnamese tone mark, or 0 */
	uint8_t nbase, cls;
} fold_cp;

struct bm_fold {
	fold_cp t[FOLD_N];
};

static int is_tone(int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 ||
	       c == 0x323;
}

static uint8_t classify(int32_t c)
{
	if (c == '\n' || c == '\t' || c == '\r' || c == ' ')
		return C_SPACE;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
		return C_LOWER;
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return C_LETTER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME:
		return C_MARK;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return C_DIGIT;
	case UTF8PROC_CATEGORY_ZS:
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP:
		return C_SPACE;
	default:
		return C_OTHER;
	}
}

static void fold_one(int32_t c, fold_cp *out)
{
	utf8proc_int32_t buf[8];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(
		c, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last);
	memset(out, 0, sizeof *out);
	out->cls = classify(c);
	if (n <= 0 || n > 8) {
		out->base[0] = c;
		out->nbase = 1;
		return;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		if (is_tone(buf[i]))
			out->tone = buf[i];
		else if (out->nbase < 3)
			out->base[out->nbase++] = buf[i];
	}
}

bm_fold *bm_fold_new(void)
{
	bm_fold *f = bm_xmalloc(sizeof *f);
	for (int32_t c = 0; c < FOLD_N; c++)
		fold_one(c, &f->t[c]);
	return f;
}

void bm_fold_free(bm_fold *f)
{
	free(f);
}

#define H0 1469598103934665603ULL
#define HP 1099511628211ULL

static inline uint64_t hstep(uint64_t h, uint32_t v)
{
	return (h ^ v) * HP;
}

/* Decodes one code point at s[i]; the text is valid UTF-8 (normalized),
 * a stray byte gives U+FFFD. */
static inline int32_t decode(const unsigned char *s, size_t len, size_t *i)
{
	size_t k = *i;
	int32_t cp;
	int n = bm_utf8_next((const char *)s + k, len - k, &cp);
	if (n <= 0) {
		*i = k + 1;
		return 0xFFFD;
	}
	*i = k + (size_t)n;
	return cp;
}

/* The fold of the code point at s[*i] (advanced past it); tmp holds the
 * fold of one outside the table. */
static inline const fold_cp *fold_at(const bm_fold *f, const unsigned char *s,
				     size_t len, size_t *i, int32_t *c,
				     fold_cp *tmp)
{
	if (s[*i] < 0x80) {
		*c = s[*i];
		(*i)++;
		return &f->t[*c];
	}
	*c = decode(s, len, i);
	if (*c < FOLD_N)
		return &f->t[*c];
	fold_one(*c, tmp);
	return tmp;
}

/* Letters, marks and digits make words (the order of the C_ enum). */
static inline int in_word(uint8_t cls)
{
	return cls >= C_UPPER;
}

static inline int is_letter(uint8_t cls)
{
	return cls >= C_UPPER && cls <= C_LETTER;
}

/* Reads the token at or after *pos of s[0..len) into *t (offsets from 0);
 * returns 0 at the end.  Inline: bm_tokenize runs it on every token. */
static inline __attribute__((always_inline)) int
next_tok(const bm_fold *f, const unsigned char *s, size_t len, size_t *pos,
	 bm_tok *t)
{
	size_t i = *pos;
	uint32_t pre = 0; /* SPACE / NL flags of the token */
	fold_cp tmp;
	while (i < len) {
		size_t st = i;
		int32_t c;
		const fold_cp *fc = fold_at(f, s, len, &i, &c, &tmp);
		if (fc->cls == C_SPACE) {
			pre |= BM_TK_SPACE;
			if (c == '\n')
				pre |= BM_TK_NL;
			continue;
		}
		t->start = (uint32_t)st;
		t->flags = pre;
		if (fc->cls == C_OTHER) {
			t->end = (uint32_t)i;
			t->h = hstep(hstep(H0, (uint32_t)fc->base[0]), 0x7FFFFFFF);
			*pos = i;
			return 1;
		}
		/* a word: letters, marks, digits */
		uint64_t h = H0;
		uint32_t tones[4];
		int ntones = 0, nletters = 0, nupper = 0;
		t->flags |= BM_TK_WORD;
		if (fc->cls == C_UPPER)
			t->flags |= BM_TK_CAP;
		else if (fc->cls == C_LOWER)
			t->flags |= BM_TK_LOWER;
		else if (fc->cls == C_DIGIT)
			t->flags |= BM_TK_DIGIT;
		size_t end = i;
		for (;;) {
			for (int k = 0; k < fc->nbase; k++)
				h = hstep(h, (uint32_t)fc->base[k]);
			if (fc->tone && ntones < 4)
				tones[ntones++] = (uint32_t)fc->tone;
			if (is_letter(fc->cls)) {
				nletters++;
				if (fc->cls == C_UPPER)
					nupper++;
			}
			end = i;
			if (i >= len)
				break;
			fc = fold_at(f, s, len, &i, &c, &tmp);
			if (!in_word(fc->cls)) {
				i = end;
				break;
			}
		}
		for (int k = 0; k < ntones; k++)
			h = hstep(h, tones[k]);
		if (nletters >= 2 && nupper == nletters)
			t->flags |= BM_TK_ALLCAP;
		t->end = (uint32_t)end;
		t->h = h;
		*pos = end;
		return 1;
	}
	*pos = i;
	return 0;
}

void bm_tokenize(const bm_fold *f, const char *str, size_t len, size_t base,
		 bm_toks *out)
{
	size_t pos = 0;
	for (;;) {
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 256;
			out->v = bm_xrealloc(out->v, out->cap * sizeof *out->v);
		}
		bm_tok *t = &out->v[out->n];
		if (!next_tok(f, (const unsigned char *)str, len, &pos, t))
			break;
		t->start += (uint32_t)base;
		t->end += (uint32_t)base;
		out->n++;
	}
}

uint64_t bm_text_hash(const bm_fold *f, const char *s, size_t len,
		      int words_only, size_t *n_words)
{
	uint64_t ph = 0;
	size_t n = 0, pos = 0;
	bm_tok t;
	while (next_tok(f, (const unsigned char *)s, len, &pos, &t)) {
		if (words_only && !(t.flags & BM_TK_WORD))
			continue;
		ph = bm_phrase_step(ph, t.h);
		n++;
	}
	if (n_words)
		*n_words = n;
	return ph;
}

int bm_text_starts_with(const bm_fold *f, const char *text,
			const char *prefix)
{
	size_t nw = 0, w = 0, pos = 0, len = strlen(text);
	uint64_t want = bm_text_hash(f, prefix, strlen(prefix), 1, &nw), h = 0;
	bm_tok t;
	while (w < nw && next_tok(f, (const unsigned char *)text, len, &pos, &t))
		if (t.flags & BM_TK_WORD) {
			h = bm_phrase_step(h, t.h);
			w++;
		}
	return w == nw && h == want;
}

static void push_sent(bm_sents *out, size_t t0, size_t t1)
{
	if (t1 <= t0)
		return;
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 64;
		out->v = bm_xrealloc(out->v, out->cap * sizeof *out->v);
	}
	out->v[out->n].t0 = (uint32_t)t0;
	out->v[out->n].t1 = (uint32_t)t1;
	out->n++;
}

static int is_end_punct(const char *text, const bm_tok *t)
{
	size_t n = t->end - t->start;
	const char *p = text + t->start;
	return (n == 1 && (*p == '.' || *p == '!' || *p == '?')) ||
	       (n == 3 && memcmp(p, "\xE2\x80\xA6", 3) == 0);
}

/* A closing quote or bracket that stays with the sentence it ends. */
static int is_closer(const char *text, const bm_tok *t)
{
	size_t n = t->end - t->start;
	const char *p = text + t->start;
	return (n == 1 && (*p == '"' || *p == ')' || *p == '\'')) ||
	       (n == 3 && (memcmp(p, "\xE2\x80\x9D", 3) == 0 ||
			   memcmp(p, "\xE2\x80\x99", 3) == 0));
}

void bm_sentences(const bm_toks *toks, const char *text, size_t max_tokens,
		  bm_abbrev_fn is_abbrev, void *payload, bm_sents *out)
{
	size_t t0 = 0, n = toks->n;
	if (max_tokens == 0)
		max_tokens = 256;
	for (size_t i = 0; i < n; i++) {
		const bm_tok *t = &toks->v[i];
		if (i > t0 && (t->flags & BM_TK_NL)) {
			push_sent(out, t0, i);
			t0 = i;
		}
		if (i + 1 - t0 >= max_tokens) {
			push_sent(out, t0, i + 1);
			t0 = i + 1;
			continue;
		}
		if (!is_end_punct(text, t))
			continue;
		size_t j = i + 1;
		while (j < n && is_closer(text, &toks->v[j]) &&
		       !(toks->v[j].flags & BM_TK_SPACE))
			j++;
		if (j < n) {
			const bm_tok *nx = &toks->v[j];
			if (!(nx->flags & BM_TK_SPACE))
				continue; /* 1.000, TP.HCM, a.b */
			if (nx->flags & BM_TK_LOWER)
				continue;
		}
		if (text[t->start] == '.' && i > t0) {
			const bm_tok *pv = &toks->v[i - 1];
			if (pv->end == t->start && (pv->flags & BM_TK_WORD)) {
				/* one capital letter: an initial */
				if ((pv->flags & BM_TK_CAP) &&
				    !(pv->flags & BM_TK_ALLCAP) &&
				    pv->end - pv->start <= 2 && j < n &&
				    (toks->v[j].flags & BM_TK_CAP))
					continue;
				if (is_abbrev && is_abbrev(payload, toks, i - 1))
					continue;
			}
		}
		push_sent(out, t0, j);
		t0 = j;
		i = j - 1;
	}
	push_sent(out, t0, n);
}
