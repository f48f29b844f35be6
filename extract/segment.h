/* segment.h: syllable tokens with byte offsets and folded hashes, and
 * sentences over them.  The fold (case, tone-mark placement) is the one the
 * lexicons are matched with. */
#ifndef BM_SEGMENT_H
#define BM_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

/* Token flags. */
enum {
	BM_TK_WORD = 1,     /* letters, marks and digits */
	BM_TK_CAP = 2,      /* a word whose first letter is upper case */
	BM_TK_ALLCAP = 4,   /* a word of two or more letters, all upper case */
	BM_TK_DIGIT = 8,    /* a word that starts with a digit */
	BM_TK_LOWER = 16,   /* a word whose first letter is lower case */
	BM_TK_SPACE = 32,   /* white space comes before it */
	BM_TK_NL = 64       /* a line break comes before it */
};

typedef struct {
	uint32_t start, end;  /* bytes [start, end) of the text */
	uint32_t flags;
	uint64_t h;           /* hash of the folded token (bm_fold) */
} bm_tok;

typedef struct {
	bm_tok *v;
	size_t n, cap;
} bm_toks;

/* A sentence: tokens [t0, t1). */
typedef struct {
	uint32_t t0, t1;
} bm_sent;

typedef struct {
	bm_sent *v;
	size_t n, cap;
} bm_sents;

/* The case and tone fold of code points, built once from utf8proc. */
typedef struct bm_fold bm_fold;
bm_fold *bm_fold_new(void);
void bm_fold_free(bm_fold *f);

/* Appends the tokens of s[0..len) (valid UTF-8) to out, offsets + base. */
void bm_tokenize(const bm_fold *f, const char *s, size_t len, size_t base,
		 bm_toks *out);

/* One step of a phrase hash: the hash of tokens a..b is the steps of their
 * hashes from 0. */
static inline uint64_t bm_phrase_step(uint64_t ph, uint64_t th)
{
	ph = (ph ^ th) * 0x9E3779B97F4A7C15ULL;
	return ph ^ (ph >> 31);
}

/* The phrase hash of the word tokens of s (punctuation skipped when
 * words_only), the identity of a name. */
uint64_t bm_text_hash(const bm_fold *f, const char *s, size_t len,
		      int words_only, size_t *n_words);

/* Whether the words of text begin with the words of prefix (folded). */
int bm_text_starts_with(const bm_fold *f, const char *text,
			const char *prefix);

/* A predicate telling whether token i of toks is an abbreviation whose dot
 * does not end a sentence. */
typedef int (*bm_abbrev_fn)(void *payload, const bm_toks *toks, size_t i);

/* Splits toks into sentences: a line break, or ". ! ? …" before white
 * space and a word that is not lower case, unless the dot follows an
 * abbreviation or a single capital letter.  A sentence longer than
 * max_tokens is cut.  text is the text the tokens index. */
void bm_sentences(const bm_toks *toks, const char *text, size_t max_tokens,
		  bm_abbrev_fn is_abbrev, void *payload, bm_sents *out);

#endif
