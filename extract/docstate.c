/* docstate.c: the working state of one document, reset between
 * documents and kept allocated (bounded by the largest document). */
#include <stdlib.h>
#include <string.h>

#include "extract/stages.h"

void bm_docstate_init(bm_docstate *d)
{
	memset(d, 0, sizeof *d);
	bm_buf_init(&d->pool);
	bm_buf_init(&d->scratch);
	bm_u64map_init(&d->plmap);
	bm_u64map_init(&d->ents);
	bm_u64map_init(&d->person_last);
	bm_u64map_init(&d->person_base);
	bm_u64map_init(&d->person_rest);
	bm_u64map_init(&d->org_head);
	bm_u64map_init(&d->head_count);
	bm_u64map_init(&d->head_first);
}

void bm_docstate_dispose(bm_docstate *d)
{
	free(d->toks.v);
	free(d->sents.v);
	free(d->ch);
	free(d->pl);
	free(d->ent_head);
	free(d->men);
	free(d->mask);
	bm_buf_dispose(&d->pool);
	bm_buf_dispose(&d->scratch);
	free(d->stoks.v);
	bm_u64map_dispose(&d->plmap);
	bm_u64map_dispose(&d->ents);
	bm_u64map_dispose(&d->person_last);
	bm_u64map_dispose(&d->person_base);
	bm_u64map_dispose(&d->person_rest);
	bm_u64map_dispose(&d->org_head);
	bm_u64map_dispose(&d->head_count);
	bm_u64map_dispose(&d->head_first);
	memset(d, 0, sizeof *d);
}

/* Shrinks a buffer kept between documents when one huge document made it
 * grow, so memory does not stay at the peak. */
#define KEEP_MAX (1u << 20)

void bm_docstate_reset(bm_docstate *d, const char *text, size_t len)
{
	d->text = text;
	d->len = len;
	if (d->toks.cap > KEEP_MAX) {
		free(d->toks.v);
		memset(&d->toks, 0, sizeof d->toks);
	}
	if (d->capch > KEEP_MAX) {
		free(d->ch);
		d->ch = NULL;
		d->capch = 0;
	}
	if (d->pool.cap > (KEEP_MAX << 4))
		bm_buf_dispose(&d->pool);
	d->toks.n = 0;
	d->sents.n = 0;
	d->nch = 0;
	d->nmen = 0;
	if (d->capmask > KEEP_MAX) {
		free(d->mask);
		d->mask = NULL;
		d->capmask = 0;
	}
	if (d->capmen > KEEP_MAX) {
		free(d->men);
		d->men = NULL;
		d->capmen = 0;
	}
	bm_buf_clear(&d->pool);
	d->npl = 0;
	bm_u64map_clear(&d->plmap);
	bm_u64map_clear(&d->ents);
	bm_u64map_clear(&d->person_last);
	bm_u64map_clear(&d->person_base);
	bm_u64map_clear(&d->person_rest);
	bm_u64map_clear(&d->org_head);
	bm_u64map_clear(&d->head_count);
	bm_u64map_clear(&d->head_first);
	d->rec = NULL;
	d->limit_hit = 0;
}

int32_t bm_pool_add(bm_docstate *d, const char *s, size_t n)
{
	int32_t off = (int32_t)d->pool.len;
	bm_buf_put(&d->pool, s, n);
	bm_buf_putc(&d->pool, 0);
	return off;
}

void bm_sent_span(const bm_docstate *d, uint32_t s, size_t *start,
		  size_t *end)
{
	const bm_sent *st = &d->sents.v[s];
	*start = d->toks.v[st->t0].start;
	*end = d->toks.v[st->t1 - 1].end;
}

void bm_men_add(bm_docstate *d, size_t ent, size_t s, size_t e)
{
	if (e <= s)
		return;
	if (d->nmen == d->capmen) {
		d->capmen = d->capmen ? 2 * d->capmen : 256;
		d->men = bm_xrealloc(d->men, d->capmen * sizeof *d->men);
	}
	d->men[d->nmen].ent = (uint32_t)ent;
	d->men[d->nmen].s = (uint32_t)s;
	d->men[d->nmen].e = (uint32_t)e;
	d->nmen++;
}

static int men_cmp(const void *a, const void *b)
{
	const struct bm_men *x = a, *y = b;
	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return x->e < y->e ? -1 : x->e > y->e;
}

void bm_mentions_flush(bm_docstate *d)
{
	bm_record *r = d->rec;
	if (d->nmen > 1) /* qsort(NULL, 0, ...) is undefined */
		qsort(d->men, d->nmen, sizeof *d->men, men_cmp);
	for (size_t i = 0; i < d->nmen;) {
		size_t j = i;
		while (j < d->nmen && d->men[j].ent == d->men[i].ent)
			j++;
		bm_entity *e = &r->entities[d->men[i].ent];
		free(e->mentions);
		e->mentions = bm_xmalloc((j - i) * sizeof *e->mentions);
		e->n_mentions = 0;
		for (size_t k = i; k < j; k++) {
			if (k > i && d->men[k].s == d->men[k - 1].s &&
			    d->men[k].e == d->men[k - 1].e)
				continue;
			e->mentions[e->n_mentions].start = d->men[k].s;
			e->mentions[e->n_mentions].end = d->men[k].e;
			e->n_mentions++;
		}
		i = j;
	}
}
