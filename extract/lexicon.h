/* lexicon.h: the lexicons (extract/data/ TSV files, compiled into the library)
 * as hash tables of folded phrases, matched against token runs. */
#ifndef BM_LEXICON_H
#define BM_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#include "extract/segment.h"
#include "extract/u64map.h"

#define BM_LEX_MAXCOLS 6
#define BM_LEX_MAXTOK 10
#define BM_LEX_PREFIX 0x80000000u

/* One row: the phrase (column 0) and its other columns, as written. */
typedef struct {
	const char *col[BM_LEX_MAXCOLS];
	uint32_t ncols, ntok;
} bm_lex_entry;

/* One table: rows keyed by the phrase hash of their first column. */
typedef struct {
	bm_lex_entry *rows;
	size_t n, cap;
	bm_u64map index;     /* phrase hash -> row */
	bm_u64map prefix;    /* hashes of the proper prefixes of phrases */
	bm_u64map steps;     /* both in one probe: row + 1 (0: none) and
				BM_LEX_PREFIX when a longer phrase goes on */
	uint32_t maxtok;
	uint32_t bit;        /* this table's bit in a first-word mask */
	uint64_t skip[2];    /* hashes of tokens the text may add between two
				words of a phrase (a dash: "Thừa Thiên – Huế"
				for "Thừa Thiên Huế"), 0: none */
	char **blocks;       /* owned copies of the text the rows point into */
	size_t nblocks, arena_used, arena_cap;
} bm_lex;

void bm_lex_init(bm_lex *lx);
void bm_lex_dispose(bm_lex *lx);

/* Adds the rows of a TSV text ('#' lines are comments) whose column fcol
 * equals fval (fval NULL: every row).  A phrase already present keeps its
 * first row.  Returns the number of rows added. */
size_t bm_lex_load_tsv(bm_lex *lx, const bm_fold *f, const char *data,
		       size_t len, int fcol, const char *fval);

/* Adds one row; cols are copied.  Returns the row, or NULL if the phrase
 * was there. */
const bm_lex_entry *bm_lex_add(bm_lex *lx, const bm_fold *f,
			       const char *const *cols, size_t ncols);

/* The longest row matching tokens i.. of toks (at most lim tokens); sets
 * *ntok.  NULL when none. */
const bm_lex_entry *bm_lex_match(const bm_lex *lx, const bm_toks *toks,
				 size_t i, size_t lim, size_t *ntok);

/* The row of exactly the tokens [i, j). */
const bm_lex_entry *bm_lex_exact(const bm_lex *lx, const bm_toks *toks,
				 size_t i, size_t j);

/* Columns as numbers or flags: "-" and missing columns are NULL. */
const char *bm_lex_col(const bm_lex_entry *e, size_t c);

/* Calls fn for each data line (not a comment) of a TSV text, split into
 * up to BM_LEX_MAXCOLS columns (pointers into a scratch copy). */
typedef void (*bm_tsv_fn)(void *payload, char **cols, size_t ncols);
void bm_tsv_each(const char *data, size_t len, bm_tsv_fn fn, void *payload);

#endif
