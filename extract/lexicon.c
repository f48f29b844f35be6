/* lexicon.c: TSV rows into hash tables keyed by the phrase hash of their
 * folded tokens; longest-match lookup over a token run. */
#include "extract/lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "extract/util.h"

void bm_lex_init(bm_lex *lx)
{
	memset(lx, 0, sizeof *lx);
	bm_u64map_init(&lx->index);
	bm_u64map_init(&lx->prefix);
	bm_u64map_init(&lx->steps);
}

void bm_lex_dispose(bm_lex *lx)
{
	for (size_t i = 0; i < lx->nblocks; i++)
		free(lx->blocks[i]);
	free(lx->blocks);
	free(lx->rows);
	bm_u64map_dispose(&lx->index);
	bm_u64map_dispose(&lx->prefix);
	bm_u64map_dispose(&lx->steps);
	memset(lx, 0, sizeof *lx);
}

/* Copies s into the table's arena: blocks of 64 KiB (or one string's
 * size), so loading makes few allocations. */
static char *keep(bm_lex *lx, const char *s, size_t n)
{
	if (!lx->nblocks || lx->arena_used + n + 1 > lx->arena_cap) {
		size_t cap = n + 1 > 65536 ? n + 1 : 65536;
		lx->blocks = bm_xrealloc(lx->blocks,
					 (lx->nblocks + 1) * sizeof *lx->blocks);
		lx->blocks[lx->nblocks++] = bm_xmalloc(cap);
		lx->arena_cap = cap;
		lx->arena_used = 0;
	}
	char *p = lx->blocks[lx->nblocks - 1] + lx->arena_used;
	memcpy(p, s, n);
	p[n] = 0;
	lx->arena_used += n + 1;
	return p;
}

static const bm_lex_entry *add_row(bm_lex *lx, const bm_fold *f,
				   const char *const *cols, size_t ncols)
{
	size_t ntok = 0;
	const char *phrase = cols[0];
	if (!phrase || !*phrase)
		return NULL;
	bm_toks t = {0};
	bm_tokenize(f, phrase, strlen(phrase), 0, &t);
	uint64_t ph = 0, pre[BM_LEX_MAXTOK];
	ntok = t.n;
	for (size_t i = 0; i < t.n; i++) {
		ph = bm_phrase_step(ph, t.v[i].h);
		if (i < BM_LEX_MAXTOK)
			pre[i] = ph;
	}
	free(t.v);
	if (ntok == 0 || ntok > BM_LEX_MAXTOK)
		return NULL;
	int found = 0;
	uint32_t *slot = bm_u64map_put(&lx->index, ph, (uint32_t)lx->n, &found);
	if (found)
		return NULL;
	(void)slot;
	*bm_u64map_put(&lx->steps, ph, 0, NULL) |= (uint32_t)lx->n + 1;
	for (size_t i = 0; i + 1 < ntok; i++) {
		bm_u64map_put(&lx->prefix, pre[i], 1, NULL);
		*bm_u64map_put(&lx->steps, pre[i], 0, NULL) |= BM_LEX_PREFIX;
	}
	if (lx->n == lx->cap) {
		lx->cap = lx->cap ? lx->cap * 2 : 64;
		lx->rows = bm_xrealloc(lx->rows, lx->cap * sizeof *lx->rows);
	}
	bm_lex_entry *e = &lx->rows[lx->n++];
	memset(e, 0, sizeof *e);
	e->ncols = (uint32_t)(ncols > BM_LEX_MAXCOLS ? BM_LEX_MAXCOLS : ncols);
	for (size_t c = 0; c < e->ncols; c++)
		e->col[c] = cols[c];
	e->ntok = (uint32_t)ntok;
	if (ntok > lx->maxtok)
		lx->maxtok = (uint32_t)ntok;
	return e;
}

const bm_lex_entry *bm_lex_add(bm_lex *lx, const bm_fold *f,
			       const char *const *cols, size_t ncols)
{
	const char *c2[BM_LEX_MAXCOLS];
	if (ncols > BM_LEX_MAXCOLS)
		ncols = BM_LEX_MAXCOLS;
	for (size_t i = 0; i < ncols; i++)
		c2[i] = cols[i] ? keep(lx, cols[i], strlen(cols[i])) : NULL;
	return add_row(lx, f, c2, ncols);
}

void bm_tsv_each(const char *data, size_t len, bm_tsv_fn fn, void *payload)
{
	size_t i = 0;
	bm_buf line;
	bm_buf_init(&line);
	while (i < len) {
		size_t j = i;
		while (j < len && data[j] != '\n')
			j++;
		size_t e = j;
		if (e > i && data[e - 1] == '\r')
			e--;
		if (e > i && data[i] != '#') {
			bm_buf_clear(&line);
			bm_buf_put(&line, data + i, e - i);
			char *cols[BM_LEX_MAXCOLS];
			size_t nc = 0;
			char *p = line.data;
			cols[nc++] = p;
			for (; *p; p++)
				if (*p == '\t') {
					*p = 0;
					if (nc < BM_LEX_MAXCOLS)
						cols[nc++] = p + 1;
				}
			fn(payload, cols, nc);
		}
		i = j + 1;
	}
	bm_buf_dispose(&line);
}

typedef struct {
	bm_lex *lx;
	const bm_fold *f;
	int fcol;
	const char *fval;
	size_t added;
} load_ctx;

static void load_row(void *payload, char **cols, size_t ncols)
{
	load_ctx *c = payload;
	if (c->fval && ((size_t)c->fcol >= ncols || strcmp(cols[c->fcol], c->fval)))
		return;
	if (bm_lex_add(c->lx, c->f, (const char *const *)cols, ncols))
		c->added++;
}

size_t bm_lex_load_tsv(bm_lex *lx, const bm_fold *f, const char *data,
		       size_t len, int fcol, const char *fval)
{
	load_ctx c = {lx, f, fcol, fval, 0};
	bm_tsv_each(data, len, load_row, &c);
	return c.added;
}

const bm_lex_entry *bm_lex_match(const bm_lex *lx, const bm_toks *toks,
				 size_t i, size_t lim, size_t *ntok)
{
	const bm_lex_entry *best = NULL;
	if (!lx->n || i >= lim)
		return NULL;
	/* longest match, stopping where no phrase goes on: one probe a
	 * token tells both; p counts the phrase's tokens, k the text's */
	uint64_t h = 0;
	int skips = lx->skip[0] || lx->skip[1];
	for (size_t k = 0, p = 0; i + k < lim && p < lx->maxtok; k++) {
		uint64_t th = toks->v[i + k].h;
		if (skips && p > 0 && th && (th == lx->skip[0] || th == lx->skip[1]) &&
		    !bm_u64map_get(&lx->steps, bm_phrase_step(h, th))) {
			/* one dash for another ("Bà Rịa – Vũng Tàu"), or a
			 * dash the phrase does not write */
			uint64_t other = th == lx->skip[0] ? lx->skip[1] : lx->skip[0];
			if (!other || !bm_u64map_get(&lx->steps, bm_phrase_step(h, other)))
				continue;
			th = other;
		}
		h = bm_phrase_step(h, th);
		p++;
		const uint32_t *v = bm_u64map_get(&lx->steps, h);
		if (!v)
			break;
		uint32_t row = *v & ~BM_LEX_PREFIX;
		if (row && lx->rows[row - 1].ntok == p) {
			best = &lx->rows[row - 1];
			*ntok = k + 1;
		}
		if (!(*v & BM_LEX_PREFIX))
			break;
	}
	return best;
}

const bm_lex_entry *bm_lex_exact(const bm_lex *lx, const bm_toks *toks,
				 size_t i, size_t j)
{
	if (j <= i || j - i > lx->maxtok)
		return NULL;
	uint64_t h = 0;
	for (size_t k = i; k < j; k++)
		h = bm_phrase_step(h, toks->v[k].h);
	uint32_t *v = bm_u64map_get(&lx->index, h);
	return v && lx->rows[*v].ntok == j - i ? &lx->rows[*v] : NULL;
}

const char *bm_lex_col(const bm_lex_entry *e, size_t c)
{
	if (!e || c >= e->ncols || !e->col[c] || !*e->col[c] ||
	    strcmp(e->col[c], "-") == 0)
		return NULL;
	return e->col[c];
}
