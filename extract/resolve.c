/* resolve.c: from chunks to the entities of one document: one entity per
 * name (by its folded words), aliases, back-references ("ông Dũng", a bare
 * "Bộ"), names completed by the article's province ("UBND tỉnh"),
 * acronyms spelled by a name's initials, and embedded parents. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/record.h"
#include "extract/stages.h"
#include "extract/text.h"

#define MAX_ALIASES 16
#define EMBED_DEPTH 4

static uint64_t salt(bm_ent_type t, uint64_t h)
{
	return h ^ (0x9E3779B97F4A7C15ULL * (uint64_t)(t + 1));
}

static uint64_t hash_str(const bm_lexset *L, const char *s)
{
	return bm_text_hash(L->fold, s, strlen(s), 1, NULL);
}

static void set_head(bm_docstate *d, size_t ent, uint64_t head)
{
	if (ent >= d->cap_ent_head) {
		size_t cap = d->cap_ent_head ? d->cap_ent_head : 64;
		while (cap <= ent)
			cap *= 2;
		d->ent_head = bm_xrealloc(d->ent_head, cap * sizeof *d->ent_head);
		d->cap_ent_head = cap;
	}
	d->ent_head[ent] = head;
}

static void alias(bm_docstate *d, size_t ent, const char *a)
{
	bm_entity *e = &d->rec->entities[ent];
	if (e->n_aliases < MAX_ALIASES)
		bm_record_add_alias(d->rec, ent, a);
}

/* The entity of type t named name (created when new, unless the cap is
 * reached: -1).  Mentions are [s, e) when e > s. */
/* The identity of an organization's name: its words, a place word before
 * a place standing for the kind of place it names, which a place written
 * bare takes from places.tsv ("Công an TP Đà Nẵng" = "Công an Đà Nẵng",
 * but "UBND tỉnh Hà Tĩnh" is not "UBND thành phố Hà Tĩnh"); *nw gets the
 * number of words. */
static uint64_t org_key(const bm_lexset *L, bm_docstate *d, const char *name,
		       size_t *nw)
{
	bm_toks t = d->stoks;
	t.n = 0;
	bm_tokenize(L->fold, name, strlen(name), 0, &t);
	uint64_t h = 0;
	*nw = 0;
	for (size_t k = 0; k < t.n; k++) {
		if (!(t.v[k].flags & BM_TK_WORD))
			continue;
		size_t n = 0;
		const bm_lex_entry *pw, *pl;
		const char *kind = NULL;
		if ((pw = bm_lex_match(&L->placeword, &t, k, t.n, &n)) && k + n < t.n &&
		    (t.v[k + n].flags & BM_TK_CAP)) {
			kind = bm_lex_col(pw, 2);
			if (kind)
				h = bm_phrase_step(h, hash_str(L, kind));
			k += n - 1;
			continue;
		}
		/* a place written bare that ends the name: the kind of its
		 * first row (the highest unit of that name) */
		if (k > 0 && (t.v[k].flags & BM_TK_CAP) && t.n - k <= L->place.maxtok &&
		    (bm_lexset_mask(L, t.v[k].h) & L->place.bit) &&
		    (pl = bm_lex_match(&L->place, &t, k, t.n, &n)) && k + n == t.n &&
		    atoi(pl->col[1]) >= 1 && (kind = bm_lex_col(pl, 2)) &&
		    !((t.v[k - 1].flags & BM_TK_WORD) &&
		      bm_lex_exact(&L->placeword, &t, k - 1, k)))
			h = bm_phrase_step(h, hash_str(L, kind));
		h = bm_phrase_step(h, t.v[k].h);
		(*nw)++;
	}
	d->stoks = t; /* kept for the next name */
	return h;
}

static size_t words_of(const bm_lexset *L, const char *name)
{
	size_t n = 0;
	(void)bm_text_hash(L->fold, name, strlen(name), 1, &n);
	return n;
}

static long entity(const bm_lexset *L, bm_docstate *d, bm_ent_type t,
		   const char *name, size_t s, size_t e, int *created)
{
	size_t nw = 0;
	uint64_t key = salt(t, t == BM_ENT_ORG ? org_key(L, d, name, &nw)
					       : hash_str(L, name));
	uint32_t *v = bm_u64map_get(&d->ents, key);
	long ent;
	*created = 0;
	if (v) {
		ent = (long)*v;
		bm_entity *en = &d->rec->entities[ent];
		if (t == BM_ENT_ORG && words_of(L, name) > words_of(L, en->name)) {
			/* the fuller form of the name is its name */
			char *old = en->name;
			en->name = bm_xstrdup(name);
			alias(d, (size_t)ent, old);
			free(old);
		}
	} else {
		if (d->rec->n_entities >= d->max_entities) {
			d->limit_hit = 1;
			return -1;
		}
		ent = (long)bm_record_add_entity(d->rec, t, name);
		bm_u64map_put(&d->ents, key, (uint32_t)ent, NULL);
		set_head(d, (size_t)ent, 0);
		*created = 1;
	}
	if (e > s)
		bm_men_add(d, (size_t)ent, s, e);
	return ent;
}

/* The next character of s[*i..len), decomposed and case-folded into buf
 * (at most 8 code points); its code point in *cp.  The number of code
 * points, 0 at the end or on invalid UTF-8. */
static size_t next_decomposed(const char *s, size_t len, size_t *i,
			      utf8proc_int32_t buf[8], int32_t *cp)
{
	if (*i >= len)
		return 0;
	int n = bm_utf8_next(s + *i, len - *i, cp);
	if (n <= 0)
		return 0;
	*i += (size_t)n;
	int last = 0;
	utf8proc_ssize_t m = utf8proc_decompose_char(
		*cp, buf, 8, UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD, &last);
	return m > 0 ? (size_t)(m < 8 ? m : 8) : 0;
}

/* A hash of a name without its tone marks and case. */
static uint64_t toneless(const char *name)
{
	utf8proc_int32_t buf[8];
	uint64_t h = 1469598103934665603ULL;
	size_t len = strlen(name), i = 0, m;
	int32_t cp;
	while ((m = next_decomposed(name, len, &i, buf, &cp)) > 0)
		for (size_t k = 0; k < m; k++) {
			int32_t c = buf[k];
			if (c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 ||
			    c == 0x323)
				continue;
			h = (h ^ (uint64_t)c) * 1099511628211ULL;
		}
	return h;
}

/* The letters of a word without tone marks, folded to ASCII where they
 * are (ư -> u), into out (NUL-terminated, at most cap - 1 letters). */
static void base_letters(const char *w, size_t len, char *out, size_t cap)
{
	utf8proc_int32_t buf[8];
	size_t i = 0, o = 0;
	int32_t cp;
	while (o + 1 < cap && next_decomposed(w, len, &i, buf, &cp) > 0) {
		if (buf[0] < 0x80)
			out[o++] = (char)buf[0];
		else if (cp == 0x111 || cp == 0x110)
			out[o++] = 'd';
	}
	out[o] = 0;
}

/* "Vũ Trọng Việt" and "Võ Trọng Việt": a name of three words or more
 * whose given names are another person's and whose surname differs from
 * that person's in one vowel is a typo of it.  The person, or -1; *key
 * is the name's key in person_rest (its given names without tone marks
 * and the surname's first byte), 0 for a name of two words. */
static long surname_typo(bm_docstate *d, const char *pname, uint64_t *key)
{
	const char *sp = strchr(pname, ' ');
	*key = 0;
	if (!sp || !strchr(sp + 1, ' '))
		return -1;
	*key = toneless(sp + 1) ^ (uint64_t)(unsigned char)pname[0];
	uint32_t *v = bm_u64map_get(&d->person_rest, *key);
	if (!v)
		return -1;
	const char *other = d->rec->entities[*v].name;
	const char *osp = strchr(other, ' ');
	char a[16], b[16];
	base_letters(pname, (size_t)(sp - pname), a, sizeof a);
	base_letters(other, osp ? (size_t)(osp - other) : strlen(other), b, sizeof b);
	size_t la = strlen(a), diff = 0;
	if (la != strlen(b))
		return -1;
	for (size_t k = 0; k < la; k++)
		if (a[k] != b[k]) {
			if (!strchr("aeiouy", a[k]) || !strchr("aeiouy", b[k]))
				return -1;
			diff++;
		}
	return diff == 1 ? (long)*v : -1;
}

/* The written text of tokens [i, j), spaces folded, into b. */
static void written(const bm_docstate *d, size_t i, size_t j, bm_buf *b)
{
	const bm_tok *t = d->toks.v;
	bm_buf_clear(b);
	for (size_t k = i; k < j; k++) {
		if (k > i && (t[k].flags & BM_TK_SPACE))
			bm_buf_putc(b, ' ');
		bm_buf_put(b, d->text + t[k].start, t[k].end - t[k].start);
	}
	if (!b->data)
		bm_buf_putc(b, 0), b->len = 0;
}

static size_t span_start(const bm_docstate *d, size_t t0)
{
	return d->toks.v[t0].start;
}

static size_t span_end(const bm_docstate *d, size_t t1)
{
	return d->toks.v[t1 - 1].end;
}

/* Alias when the written form is another name than the canonical one. */
static void alias_written(const bm_lexset *L, bm_docstate *d, size_t ent,
			  size_t i, size_t j)
{
	if (j <= i)
		return;
	bm_buf *b = &d->scratch;
	written(d, i, j, b);
	const char *name = d->rec->entities[ent].name;
	/* "Ủy ban nhân dân (UBND) tỉnh X" is written so, but no name */
	if (hash_str(L, b->data) != hash_str(L, name) && !memchr(b->data, '(', b->len))
		alias(d, ent, b->data);
}

static void part_of(bm_docstate *d, size_t child, size_t parent, uint32_t sent)
{
	size_t s, e;
	if (d->rec->n_relations >= d->max_relations ||
	    bm_part_of_loops(d->rec, child, (long)parent))
		return;
	bm_sent_span(d, sent, &s, &e);
	bm_record_add_relation(d->rec, BM_REL_PART_OF, child, (long)parent, NULL,
			       0, s, e, d->text + s, e - s);
}

/* An organization's name may embed its parent's full name ("Phòng X Công
 * an tỉnh Y" -> "Công an tỉnh Y"): the first parent head inside [k0, t1)
 * whose organization runs exactly to t1. */
static void embedded(const bm_lexset *L, bm_docstate *d, size_t child,
		     size_t k0, size_t t1, uint32_t sent, int depth)
{
	const bm_tok *t = d->toks.v;
	if (depth >= EMBED_DEPTH)
		return;
	for (size_t k = k0; k < t1; k++) {
		if (!(t[k].flags & BM_TK_CAP))
			continue;
		const bm_lex_entry *h;
		size_t hend;
		int named;
		size_t end = bm_org_at(L, d, k, t1, &h, &hend, &named);
		if (!end)
			continue;
		/* "Tổng Công ty Điện lực miền Bắc": a head inside a longer
		 * head that starts a word before is none of its own */
		size_t ln = 0;
		if (k > 0 && (t[k - 1].flags & BM_TK_WORD) &&
		    bm_lex_match(&L->org, &d->toks, k - 1, t1, &ln) && k - 1 + ln >= hend)
			continue;
		/* "Đoàn Đại biểu Quốc hội tỉnh X": a complete name followed
		 * by the place of the unit */
		size_t pn = 0, stop = t1;
		if (end < t1 && strcmp(h->col[1], "name") == 0 && end == hend &&
		    bm_lex_match(&L->placeword, &d->toks, end, t1, &pn) &&
		    end + pn < t1 && t1 - end <= 6)
			stop = end;
		if (end != stop || !named || strcmp(h->col[2], "y") != 0 ||
		    strcmp(h->col[1], "law") == 0 || strcmp(h->col[1], "loc") == 0)
			continue;
		bm_buf b;
		bm_buf_init(&b);
		const char *full = bm_lex_col(h, 3);
		if (full) {
			bm_buf_puts(&b, full);
			if (end > hend) {
				bm_buf_putc(&b, ' ');
				bm_canon_words(L, d, hend, end, &b);
			}
		} else {
			bm_canon_words(L, d, k, end, &b);
		}
		int created;
		long p = entity(L, d, BM_ENT_ORG, b.data, span_start(d, k),
				span_end(d, end), &created);
		bm_buf_dispose(&b);
		if (p < 0)
			return;
		alias_written(L, d, (size_t)p, k, end);
		part_of(d, child, (size_t)p, sent);
		if (created) {
			uint64_t hh = hash_str(L, full && strcmp(h->col[1], "head") == 0
						      ? full : h->col[0]);
			set_head(d, (size_t)p, hh);
			bm_u64map_put(&d->org_head, hh, (uint32_t)p, NULL);
		}
		embedded(L, d, (size_t)p, hend, stop, sent, depth + 1);
		return;
	}
}

/* The most mentioned place of a level (1: province or city, 2: district)
 * in the document, or NULL. */
static const char *dominant(const bm_docstate *d, uint32_t level,
			    const char *kind)
{
	const bm_placecount *best = NULL;
	for (size_t i = 0; i < d->npl; i++) {
		const bm_placecount *p = &d->pl[i];
		if (p->level != level || (kind && p->kind && strcmp(kind, p->kind)))
			continue;
		if (!best || p->count > best->count)
			best = p;
	}
	return best ? bm_pool_str(d, best->name) : NULL;
}

/* "Ban cán sự đảng, Phó Chánh án TANDTC": an owner body named bare before
 * a title of an organization belongs to that organization; so does the
 * office of an office title ("Chánh Văn phòng; Thứ trưởng Bộ X"). */
static void complete_owners(const bm_lexset *L, bm_docstate *d)
{
	for (size_t i = 0; i < d->nch; i++) {
		bm_chunk *c = &d->ch[i];
		int office = c->kind == CK_ORG && (c->flags & CF_SYNTH) &&
			     (c->flags & CF_BARE) && i > 0 &&
			     d->ch[i - 1].kind == CK_TITLE &&
			     (d->ch[i - 1].flags & CF_OFFICE);
		if (c->kind != CK_ORG || !((c->flags & CF_OWNER) || office) ||
		    !(c->flags & CF_BARE) || (c->flags & CF_KIND))
			continue;
		for (size_t j = i + 1; j < d->nch && j < i + 6; j++) {
			bm_chunk *o = &d->ch[j];
			if (o->sent != c->sent)
				break;
			if (o->kind == CK_ORG && !(o->flags & CF_BARE)) {
				/* "Đảng ủy, Ban Giám đốc Đài X": two bodies of one
				 * owner share it */
				size_t he = o->lx ? o->t0 + o->lx->ntok : o->t1;
				int coord = (o->flags & CF_OWNER) && j == i + 2 &&
					    he < o->t1 && !bm_lex_col(o->lx, 3);
				if (d->ch[j - 1].kind != CK_TITLE && !coord)
					break;
				bm_buf b;
				bm_buf_init(&b);
				/* "chánh văn phòng, phó chánh văn phòng HĐND":
				 * the same office */
				int same = office &&
					   bm_text_starts_with(L->fold, bm_pool_str(d, o->name),
							       bm_pool_str(d, c->name));
				if (!same) {
					if (office)
						bm_buf_puts(&b, bm_pool_str(d, c->name));
					else
						written(d, c->t0, c->t1, &b);
					bm_buf_putc(&b, ' ');
				}
				if (coord)
					bm_canon_words(L, d, he, o->t1, &b);
				else
					bm_buf_puts(&b, bm_pool_str(d, o->name));
				c->name = bm_pool_add(d, b.data, b.len);
				bm_buf_dispose(&b);
				c->flags = (uint16_t)((c->flags & ~CF_BARE) | CF_OWNED);
				break;
			}
			if (o->kind != CK_PUNCT && o->kind != CK_TITLE)
				break;
		}
	}
}

static void person_attrs(bm_docstate *d, size_t ci, size_t ent)
{
	const char *rank = NULL, *deg = NULL;
	bm_buf rb, db;
	bm_buf_init(&rb);
	bm_buf_init(&db);
	for (size_t j = ci; j-- > 0 && j + 6 > ci;) {
		bm_chunk *c = &d->ch[j];
		if (c->sent != d->ch[ci].sent)
			break;
		if (c->kind == CK_RANK && !rank) {
			written(d, c->t0, c->t1, &rb);
			rank = rb.data;
		} else if (c->kind == CK_DEG && !deg) {
			written(d, c->t0, c->t1, &db);
			deg = db.data;
		} else if (c->kind != CK_PUNCT && c->kind != CK_HON) {
			break;
		}
	}
	if (rank || deg)
		bm_record_set_attrs(d->rec, ent, rank, deg);
	bm_buf_dispose(&rb);
	bm_buf_dispose(&db);
}

/* A bare head written as an acronym ("hệ thống TAND") with nothing to
 * refer back to names the organization it spells. */
static int bare_acronym(const bm_docstate *d, const bm_chunk *c)
{
	return c->t1 == c->t0 + 1 && (d->toks.v[c->t0].flags & BM_TK_ALLCAP) &&
	       !(c->flags & (CF_KIND | CF_SYNTH | CF_OWNER)) && c->lx &&
	       bm_lex_col(c->lx, 3) && bm_org_is_body(c->lx);
}

static void register_org(const bm_lexset *L, bm_docstate *d, bm_chunk *c,
			 size_t ent, int created);

/* The hash of a name's first word. */
static uint64_t first_word(const bm_lexset *L, const char *name)
{
	const char *sp = strchr(name, ' ');
	size_t n = sp ? (size_t)(sp - name) : strlen(name);
	return bm_text_hash(L->fold, name, n, 1, NULL);
}

/* A generic head that is a proper name by itself ("Mặt trận Tổ quốc Việt
 * Nam"): two capitalized words or more, or a generic unit of
 * agencies.tsv of five words or more written whole, whatever its case
 * ("Bộ chỉ huy quân sự"). */
static int named_bare(const bm_lexset *L, const bm_docstate *d, const bm_chunk *c)
{
	size_t caps = 0;
	if (c->flags & (CF_KIND | CF_SYNTH | CF_OWNER))
		return 0;
	if (bm_org_is_generic(c->lx) && c->lx->ntok >= 5 &&
	    c->t1 - c->t0 == c->lx->ntok)
		return 1;
	for (size_t k = c->t0; k < c->t1; k++) {
		uint32_t f = d->toks.v[k].flags;
		size_t n = 0;
		const bm_lex_entry *a;
		/* the head counts whatever its case ("Giám đốc sở Y tế") */
		if (((f & BM_TK_CAP) || k == c->t0) && !(f & BM_TK_ALLCAP))
			caps++;
		/* "Sở TN&MT": the acronym of a field after the head (not a
		 * word of a kind, "Trường THPT") */
		else if ((f & BM_TK_ALLCAP) && k > c->t0 &&
			 !((a = bm_lex_match(&L->acr, &d->toks, k, c->t1, &n)) &&
			   strcmp(a->col[2], "part") == 0))
			caps += 2;
	}
	return caps >= 2;
}

static void resolve_org(const bm_lexset *L, bm_docstate *d, bm_chunk *c)
{
	size_t s = c->t1 > c->t0 ? span_start(d, c->t0) : 0;
	size_t e = c->t1 > c->t0 ? span_end(d, c->t1) : 0;
	const char *name = bm_pool_str(d, c->name);
	int created;
	long ent = -1;
	if (c->flags & CF_BARE) {
		const char *place = !(c->flags & CF_KIND) ? NULL
				    : c->near >= 0 ? bm_pool_str(d, d->pl[c->near].name)
				    : dominant(d, c->sub, bm_pool_str(d, c->bare));
		if (place) {
			bm_buf b;
			bm_buf_init(&b);
			bm_buf_puts(&b, name);
			/* "Tỉnh ủy" names its kind of place implicitly */
			const char *kw = bm_pool_str(d, c->bare);
			size_t nl = strlen(name), kl = kw ? strlen(kw) : 0;
			if (kw && !(nl >= kl && strcmp(name + nl - kl, kw) == 0) &&
			    !(c->flags & CF_IMPLIED)) {
				bm_buf_putc(&b, ' ');
				bm_buf_puts(&b, kw);
			}
			bm_buf_putc(&b, ' ');
			bm_buf_puts(&b, place);
			ent = entity(L, d, BM_ENT_ORG, b.data, s, e, &created);
			bm_buf_dispose(&b);
			if (ent >= 0 && created)
				set_head(d, (size_t)ent, c->head);
			if (ent >= 0 && c->t1 > c->t0 && !(c->flags & CF_SYNTH))
				alias_written(L, d, (size_t)ent, c->t0, c->t1);
		} else {
			uint32_t *v = bm_u64map_get(&d->org_head, c->head);
			uint32_t *n = bm_u64map_get(&d->head_count, c->head);
			/* "UBND quận" refers back to a district's, not a city's */
			if (v && (c->flags & CF_KIND) && !(c->flags & CF_IMPLIED) &&
			    c->bare >= 0 &&
			    !strstr(d->rec->entities[*v].name, bm_pool_str(d, c->bare)))
				v = NULL;
			uint32_t *f = bm_u64map_get(&d->head_first, c->head);
			if (!v && f && *f != UINT32_MAX && *f < d->nch &&
			    !(c->flags & CF_OWNER)) {
				/* a back-reference to a name written later */
				bm_chunk *o = &d->ch[*f];
				int cr;
				ent = entity(L, d, BM_ENT_ORG, bm_pool_str(d, o->name),
					     s, e, &cr);
				if (ent >= 0 && cr)
					set_head(d, (size_t)ent, c->head);
			} else if (!v && !f && named_bare(L, d, c)) {
				int cr;
				ent = entity(L, d, BM_ENT_ORG, name, s, e, &cr);
				if (ent >= 0 && cr)
					set_head(d, (size_t)ent, c->head);
				if (ent >= 0)
					alias_written(L, d, (size_t)ent, c->t0, c->t1);
			} else if (!v && bare_acronym(d, c)) {
				int cr;
				ent = entity(L, d, BM_ENT_ORG, bm_lex_col(c->lx, 3), s,
					     e, &cr);
				if (ent >= 0) {
					alias_written(L, d, (size_t)ent, c->t0, c->t1);
					if (cr)
						set_head(d, (size_t)ent, c->head);
				}
			} else if (v && (!(c->flags & CF_SYNTH) || (n && *n == 1))) {
				ent = (long)*v;
				if (e > s)
					bm_men_add(d, (size_t)ent, s, e);
				if (c->t1 > c->t0 + 1 && !(c->flags & CF_SYNTH))
					alias_written(L, d, (size_t)ent, c->t0, c->t1);
			}
		}
		c->ent = (int32_t)ent;
		return;
	}
	ent = entity(L, d, BM_ENT_ORG, name, s, e, &created);
	c->ent = (int32_t)ent;
	if (ent < 0)
		return;
	register_org(L, d, c, (size_t)ent, created);
}

static void register_org(const bm_lexset *L, bm_docstate *d, bm_chunk *c,
			 size_t ent, int created)
{
	if (!(c->flags & CF_SYNTH))
		alias_written(L, d, ent, c->t0, c->t1);
	if (created) {
		set_head(d, ent, c->head);
		int f;
		uint32_t *n = bm_u64map_put(&d->head_count, c->head, 0, &f);
		(*n)++;
	}
	*bm_u64map_put(&d->org_head, c->head, 0, NULL) = (uint32_t)ent;
	/* "Sở" refers back to "Sở Nội vụ Hà Nội" whose head is "Sở Nội vụ" */
	uint64_t w1 = first_word(L, bm_pool_str(d, c->name));
	if (w1 != c->head)
		*bm_u64map_put(&d->org_head, w1, 0, NULL) = (uint32_t)ent;
	if (c->flags & CF_OWNED)
		return;
	/* "Phái đoàn Liên minh châu Âu tại Việt Nam": the parent ends
	 * before the office's place */
	size_t lim = c->t1;
	if (bm_org_takes_at(c->lx))
		for (size_t k = c->t1; k-- > c->t0;) {
			const bm_tok *t = &d->toks.v[k];
			if (t->end - t->start == strlen("tại") &&
			    memcmp(d->text + t->start, "tại", t->end - t->start) == 0) {
				lim = k;
				break;
			}
		}
	embedded(L, d, ent, c->h0, lim, c->sent, 0);
}

static void resolve_loc(const bm_lexset *L, bm_docstate *d, bm_chunk *c)
{
	const char *name = bm_pool_str(d, c->name);
	const char *bare = c->bare >= 0 ? bm_pool_str(d, c->bare) : NULL;
	size_t s = span_start(d, c->t0), e = span_end(d, c->t1);
	/* one entity per place, found by its bare name */
	const char *key = bare ? bare : name, *kind = c->pkind;
	char *kbuf = NULL;
	if (!bare) {
		/* "Thành phố Hồ Chí Minh": strip a leading place word */
		bm_toks t = {0};
		bm_tokenize(L->fold, name, strlen(name), 0, &t);
		size_t n = 0;
		const bm_lex_entry *pw =
			t.n ? bm_lex_match(&L->placeword, &t, 0, t.n, &n) : NULL;
		if (pw && n < t.n && bm_lex_col(pw, 2)) {
			kbuf = bm_xstrdup(name + t.v[n].start);
			kind = bm_lex_col(pw, 2);
		}
		free(t.v);
		if (kbuf)
			key = kbuf;
	}
	/* "TP Lào Cai" and "tỉnh Lào Cai", "TT.Phú Thiện" and "H.Phú Thiện"
	 * are two places each: the key holds the kind of place (of the place
	 * word, or of the lowest unit of that name) */
	uint64_t k = salt(BM_ENT_LOC, hash_str(L, key)) +
		     (kind ? hash_str(L, kind) : c->sub) * 0x100000001B3ULL;
	uint32_t *v = bm_u64map_get(&d->ents, k);
	long ent;
	if (v) {
		ent = (long)*v;
		bm_entity *en = &d->rec->entities[ent];
		if (key != name && hash_str(L, en->name) == hash_str(L, key)) {
			/* the name with its place word is the fuller one */
			char *old = en->name;
			en->name = bm_xstrdup(name);
			alias(d, (size_t)ent, old);
			free(old);
		} else {
			alias(d, (size_t)ent, name);
		}
		bm_men_add(d, (size_t)ent, s, e);
	} else if (d->rec->n_entities >= d->max_entities) {
		d->limit_hit = 1;
		free(kbuf);
		return;
	} else {
		ent = (long)bm_record_add_entity(d->rec, BM_ENT_LOC, name);
		bm_u64map_put(&d->ents, k, (uint32_t)ent, NULL);
		set_head(d, (size_t)ent, 0);
		bm_men_add(d, (size_t)ent, s, e);
	}
	/* "1" of "quận 1" names nothing by itself */
	if (key != name && strspn(key, "0123456789") != strlen(key))
		alias(d, (size_t)ent, key);
	alias_written(L, d, (size_t)ent, c->t0, c->t1);
	c->ent = (int32_t)ent;
	free(kbuf);
}

/* The initials of the words of name[0, len), upper case, appended to b
 * ("Tòa án nhân dân tối cao" -> "TANDTC"). */
static void initials_of(const char *name, size_t len, bm_buf *b)
{
	const char *p = name, *end = name + len;
	int at_start = 1;
	while (p < end) {
		int32_t cp;
		int n = bm_utf8_next(p, (size_t)(end - p), &cp);
		if (n <= 0)
			break;
		if (cp == ' ') {
			at_start = 1;
		} else if (at_start) {
			utf8proc_uint8_t out[4];
			utf8proc_ssize_t k = utf8proc_encode_char(
				utf8proc_toupper(cp), out);
			/* the base letter: "Ủ" -> "U", but "Đ" stays */
			utf8proc_int32_t dec[4];
			int last;
			utf8proc_ssize_t m = utf8proc_decompose_char(
				utf8proc_toupper(cp), dec, 4, UTF8PROC_DECOMPOSE, &last);
			if (m >= 1)
				k = utf8proc_encode_char(dec[0], out);
			bm_buf_put(b, out, (size_t)k);
			at_start = 0;
		}
		p += n;
	}
}

/* The initials of a whole name, in b alone. */
static void initials(const char *name, bm_buf *b)
{
	bm_buf_clear(b);
	initials_of(name, strlen(name), b);
}

/* An acronym chunk that names entity e: a mention and an alias of it,
 * and an organization for the relations ("Giám đốc TTDLQG Nguyễn Văn
 * A"). */
static void acronym_is(bm_docstate *d, bm_chunk *c, size_t e, const char *w)
{
	alias(d, e, w);
	bm_men_add(d, e, span_start(d, c->t0), span_end(d, c->t1));
	c->ent = (int32_t)e;
	if (d->rec->entities[e].type == BM_ENT_ORG) {
		c->kind = CK_ORG;
		c->flags |= CF_COMPLETE;
	}
}

static void resolve_acronyms(const bm_lexset *L, bm_docstate *d)
{
	bm_buf ini, w;
	bm_buf_init(&ini);
	bm_buf_init(&w);
	/* the initials of each organization, computed once */
	bm_u64map by_ini;
	bm_u64map_init(&by_ini);
	int built = 0;
	/* acronyms defined in brackets after a name: "Công ty cổ phần Hóa
	 * dầu và Xơ sợi Dầu khí (PVTEX)" */
	bm_u64map defs;
	bm_u64map_init(&defs);
	for (size_t i = 2; i + 1 < d->nch; i++) {
		bm_chunk *c = &d->ch[i];
		if (c->kind != CK_ACR || !bm_punct_is(d, &d->ch[i - 1], "(") ||
		    !bm_punct_is(d, &d->ch[i + 1], ")") || d->ch[i - 2].kind != CK_ORG ||
		    d->ch[i - 2].ent < 0)
			continue;
		written(d, c->t0, c->t1, &w);
		bm_u64map_put(&defs, bm_text_hash(L->fold, w.data, w.len, 0, NULL),
			      (uint32_t)d->ch[i - 2].ent, NULL);
	}
	for (size_t i = 0; i < d->nch; i++) {
		bm_chunk *c = &d->ch[i];
		if (c->kind != CK_ACR)
			continue;
		written(d, c->t0, c->t1, &w);
		uint32_t *def = defs.n ? bm_u64map_get(&defs, bm_text_hash(L->fold, w.data,
									     w.len, 0, NULL))
				       : NULL;
		if (def) {
			acronym_is(d, c, *def, w.data);
			continue;
		}
		if (w.len < 3)
			continue;
		if (!built) {
			for (size_t e = d->rec->n_entities; e-- > 0;) {
				if (d->rec->entities[e].type != BM_ENT_ORG)
					continue;
				initials(d->rec->entities[e].name, &ini);
				uint64_t h = bm_text_hash(L->fold, ini.data, ini.len, 0, NULL);
				*bm_u64map_put(&by_ini, h, 0, NULL) = (uint32_t)e;
			}
			built = 1;
		}
		uint32_t *v = bm_u64map_get(&by_ini,
					    bm_text_hash(L->fold, w.data, w.len, 0, NULL));
		for (size_t e = v ? *v : d->rec->n_entities; e < d->rec->n_entities; e = d->rec->n_entities) {
			initials(d->rec->entities[e].name, &ini);
			if (ini.len == w.len && memcmp(ini.data, w.data, w.len) == 0)
				acronym_is(d, c, e, w.data);
		}
	}
	bm_u64map_dispose(&defs);
	bm_u64map_dispose(&by_ini);
	bm_buf_dispose(&ini);
	bm_buf_dispose(&w);
}

/* The first named organization of each head, for back-references that
 * come before the name ("Sở ... Sở Nội vụ Hà Nội"). */
static void first_heads(const bm_lexset *L, bm_docstate *d)
{
	for (size_t i = 0; i < d->nch; i++) {
		bm_chunk *c = &d->ch[i];
		if (c->kind != CK_ORG || (c->flags & CF_BARE) || !c->head)
			continue;
		int found;
		uint32_t *v = bm_u64map_put(&d->head_first, c->head, (uint32_t)i,
					    &found);
		if (found && *v != UINT32_MAX &&
		    hash_str(L, bm_pool_str(d, d->ch[*v].name)) !=
			    hash_str(L, bm_pool_str(d, c->name)))
			*v = UINT32_MAX;
		uint64_t w1 = first_word(L, bm_pool_str(d, c->name));
		if (w1 == c->head)
			continue;
		v = bm_u64map_put(&d->head_first, w1, (uint32_t)i, &found);
		if (found && *v != UINT32_MAX &&
		    hash_str(L, bm_pool_str(d, d->ch[*v].name)) !=
			    hash_str(L, bm_pool_str(d, c->name)))
			*v = UINT32_MAX;
	}
}

/* Words at most in a byline. */
#define BYLINE_WORDS 10

/* A byline: the last line or sentence of the document is only names, in
 * capitals, with the outlet after a slash or in brackets ("Yến Chi",
 * "Mai Hà - Thái Sơn", "Trần Ngọc/VOV.VN", "Thu Phương (TTXVN)", "Phi
 * Long/VOV", or the outlet alone) - metadata, not content. */
static void drop_byline(bm_docstate *d)
{
	if (!d->nch || d->sents.n < 2)
		return;
	uint32_t last = d->ch[d->nch - 1].sent;
	size_t i = d->nch;
	while (i > 0 && d->ch[i - 1].sent == last) {
		int k = d->ch[i - 1].kind;
		if (k != CK_PERSON && k != CK_PUNCT && k != CK_ORG && k != CK_ACR &&
		    k != CK_LOC && k != CK_OTHER)
			return;
		i--;
	}
	/* no word in lower case, few words */
	const bm_tok *t = d->toks.v;
	size_t words = 0;
	for (size_t k = d->ch[i].t0; k < d->ch[d->nch - 1].t1; k++) {
		if (!(t[k].flags & BM_TK_WORD))
			continue;
		if ((t[k].flags & BM_TK_LOWER) || ++words > BYLINE_WORDS)
			return;
	}
	/* on its own line, or after the last sentence's full stop on the
	 * same line ("... cho thống nhất. Vũ Thủy") */
	size_t t0 = d->ch[i].t0;
	if (!((t[t0].flags & BM_TK_NL) ||
	      (t0 > 0 && t[t0 - 1].end - t[t0 - 1].start == 1 &&
	       strchr(".!?", d->text[t[t0 - 1].start]) != NULL)))
		return;
	for (; i < d->nch; i++)
		d->ch[i].kind = CK_OTHER;
}

/* Where the words from token k of t are a place: a place word and a name
 * ("tỉnh Nghệ An"), or a known place ("Hà Nội"). */
static int place_suffix(const bm_lexset *L, const bm_toks *t, size_t k)
{
	size_t n = 0;
	if (!(t->v[k].flags & BM_TK_WORD))
		return 0;
	if (bm_lex_match(&L->placeword, t, k, t->n, &n) && k + n < t->n &&
	    (t->v[k + n].flags & BM_TK_CAP))
		return 1;
	/* a country is no suffix: "Quốc hội Lào" is another Quốc hội */
	const bm_lex_entry *e = (t->v[k].flags & BM_TK_CAP)
					? bm_lex_exact(&L->place, t, k, t->n)
					: NULL;
	return e && atoi(e->col[1]) >= 1;
}

/* An organization named once with its place and once without ("Sở Nội
 * vụ" and "Sở Nội vụ Hà Nội") is one entity: the short form becomes an
 * alias of the full one, and every reference moves to it. */
static void merge_short_forms(const bm_lexset *L, bm_docstate *d)
{
	bm_record *r = d->rec;
	size_t n = r->n_entities;
	if (n < 2 || n > 4096)
		return;
	uint32_t *to = bm_xmalloc(n * sizeof *to);
	int any = 0;
	for (size_t i = 0; i < n; i++)
		to[i] = (uint32_t)i;
	for (size_t b = 0; b < n; b++) {
		if (r->entities[b].type != BM_ENT_ORG)
			continue;
		const char *name = r->entities[b].name;
		bm_toks t = d->stoks;
		t.n = 0;
		bm_tokenize(L->fold, name, strlen(name), 0, &t);
		d->stoks = t;
		uint64_t h = 0;
		size_t q = t.n; /* where the place suffix starts */
		for (size_t k = 0; k < t.n; k++) {
			if (k >= 2 && place_suffix(L, &t, k)) {
				uint32_t *v = bm_u64map_get(&d->ents, salt(BM_ENT_ORG, h));
				if (v && *v != b && to[*v] == *v &&
				    r->entities[*v].type == BM_ENT_ORG && to[b] == b) {
					to[*v] = (uint32_t)b;
					any = 1;
				}
				q = k;
				break;
			}
			if (t.v[k].flags & BM_TK_WORD)
				h = bm_phrase_step(h, t.v[k].h);
		}
		/* "Công ty Cường Hưng" is "Công ty TNHH Cường Hưng": a
		 * shorter head that starts the name's head, and the same words
		 * after it */
		size_t m2 = 0;
		if (bm_lex_match(&L->org, &t, 0, q, &m2) && m2 >= 2 && m2 < q) {
			for (size_t m1 = m2 - 1; m1 >= 1; m1--) {
				if (!bm_lex_exact(&L->org, &t, 0, m1))
					continue;
				uint64_t hs = 0;
				for (size_t k = 0; k < q; k++)
					if ((k < m1 || k >= m2) && (t.v[k].flags & BM_TK_WORD))
						hs = bm_phrase_step(hs, t.v[k].h);
				uint32_t *v = bm_u64map_get(&d->ents, salt(BM_ENT_ORG, hs));
				if (v && *v != b && to[*v] == *v &&
				    r->entities[*v].type == BM_ENT_ORG && to[b] == b) {
					to[*v] = (uint32_t)b;
					any = 1;
				}
				break;
			}
		}
		/* "Chi cục ATVSTP" is "Chi cục An toàn vệ sinh thực phẩm
		 * Nghệ An": a head and the initials of the words after it */
		for (size_t hw = 1; hw <= 3 && hw + 3 <= q; hw++) {
			bm_buf *sb = &d->scratch;
			bm_buf_clear(sb);
			bm_buf_put(sb, name, t.v[hw - 1].end);
			bm_buf_putc(sb, ' ');
			size_t at = sb->len;
			initials_of(name + t.v[hw].start, t.v[q - 1].end - t.v[hw].start, sb);
			if (sb->len - at < 3)
				continue;
			uint32_t *v = bm_u64map_get(&d->ents, salt(BM_ENT_ORG, hash_str(L, sb->data)));
			if (v && *v != b && to[*v] == *v &&
			    r->entities[*v].type == BM_ENT_ORG && to[b] == b) {
				to[*v] = (uint32_t)b;
				any = 1;
			}
		}
	}
	if (!any) {
		free(to);
		return;
	}
	/* new places of the entities that stay */
	uint32_t *pos = bm_xmalloc(n * sizeof *pos);
	size_t w = 0;
	for (size_t i = 0; i < n; i++)
		if (to[i] == i)
			pos[i] = (uint32_t)w++;
	for (size_t i = 0; i < n; i++)
		if (to[i] != i) {
			bm_entity *a = &r->entities[i], *b = &r->entities[to[i]];
			if (b->n_aliases < MAX_ALIASES)
				bm_record_add_alias(r, to[i], a->name);
			for (size_t k = 0; k < a->n_aliases && b->n_aliases < MAX_ALIASES; k++)
				bm_record_add_alias(r, to[i], a->aliases[k]);
			pos[i] = pos[to[i]];
		}
	for (size_t i = 0; i < n; i++)
		if (to[i] != i)
			bm_entity_dispose(&r->entities[i]);
	for (size_t i = 0; i < n; i++)
		if (to[i] == i && pos[i] != i)
			r->entities[pos[i]] = r->entities[i];
	r->n_entities = w;
	for (size_t i = 0; i < d->nch; i++)
		if (d->ch[i].ent >= 0)
			d->ch[i].ent = (int32_t)pos[d->ch[i].ent];
	for (size_t i = 0; i < d->nmen; i++)
		d->men[i].ent = pos[d->men[i].ent];
	size_t rw = 0;
	for (size_t i = 0; i < r->n_relations; i++) {
		bm_relation *x = &r->relations[i];
		x->subject = pos[x->subject];
		if (x->object >= 0)
			x->object = (long)pos[x->object];
		int drop = x->object == (long)x->subject;
		for (size_t j = 0; j < rw && !drop; j++) {
			bm_relation *y = &r->relations[j];
			drop = y->type == x->type && y->subject == x->subject &&
			       y->object == x->object;
		}
		if (drop) {
			free(x->role);
			free(x->evidence);
			continue;
		}
		r->relations[rw++] = *x;
	}
	r->n_relations = rw;
	free(pos);
	free(to);
}

/* "ông Quốc Anh" after "Mạc Quốc Anh": two given names after an
 * honorific that end a longer person's name of the document are that
 * person; its entity, or -1. */
static long person_by_tail(const bm_lexset *L, bm_docstate *d, size_t ci)
{
	const bm_chunk *c = &d->ch[ci];
	if (c->t1 - c->t0 != 2 || ci == 0 || d->ch[ci - 1].kind != CK_HON)
		return -1;
	const char *pname = bm_pool_str(d, c->name);
	uint64_t h = hash_str(L, pname);
	size_t n = strlen(pname);
	for (size_t e = 0; e < d->rec->n_entities && e < 4096; e++) {
		const bm_entity *en = &d->rec->entities[e];
		size_t m = strlen(en->name);
		if (en->type != BM_ENT_PERSON || m <= n + 1 || en->name[m - n - 1] != ' ')
			continue;
		if (hash_str(L, en->name + m - n) == h)
			return (long)e;
	}
	return -1;
}

int bm_resolve(const bm_lexset *L, bm_docstate *d)
{
	drop_byline(d);
	complete_owners(L, d);
	first_heads(L, d);
	for (size_t i = 0; i < d->nch && !d->limit_hit; i++) {
		bm_chunk *c = &d->ch[i];
		int created;
		switch (c->kind) {
		case CK_PERSON: {
			const bm_tok *t = d->toks.v;
			uint64_t last = t[c->t1 - 1].h;
			if (c->flags & CF_SHORT) {
				uint32_t *v = bm_u64map_get(&d->person_last, last);
				if (v) {
					c->ent = (int32_t)*v;
					bm_men_add(d, *v,
							      span_start(d, c->t0),
							      span_end(d, c->t1));
				}
				break;
			}
			const char *pname = bm_pool_str(d, c->name);
			long tail = person_by_tail(L, d, i);
			if (tail >= 0) {
				c->ent = (int32_t)tail;
				bm_men_add(d, (size_t)tail, span_start(d, c->t0),
					   span_end(d, c->t1));
				break;
			}
			/* "Lê Văn Cửu" and "Lê Văn Cừu": a typo in a tone mark
			 * names the same person (an alias) */
			uint64_t base = toneless(pname);
			uint32_t *pb = bm_u64map_get(&d->person_base, base);
			/* the surname-typo key is needed only for a new name */
			uint64_t rest = 0;
			long typo = pb ? -1 : surname_typo(d, pname, &rest);
			uint32_t same = pb ? *pb : (uint32_t)typo;
			if ((pb || typo >= 0) &&
			    !bm_u64map_get(&d->ents, salt(BM_ENT_PERSON,
							  hash_str(L, pname)))) {
				c->ent = (int32_t)same;
				alias(d, same, pname);
				bm_men_add(d, same, span_start(d, c->t0), span_end(d, c->t1));
				*bm_u64map_put(&d->person_last, last, 0, NULL) = same;
				break;
			}
			long ent = entity(L, d, BM_ENT_PERSON, pname,
					  span_start(d, c->t0), span_end(d, c->t1),
					  &created);
			c->ent = (int32_t)ent;
			if (ent < 0)
				break;
			bm_u64map_put(&d->person_base, base, (uint32_t)ent, NULL);
			if (rest)
				bm_u64map_put(&d->person_rest, rest, (uint32_t)ent, NULL);
			*bm_u64map_put(&d->person_last, last, 0, NULL) = (uint32_t)ent;
			person_attrs(d, i, (size_t)ent);
			break;
		}
		case CK_ORG:
			resolve_org(L, d, c);
			break;
		case CK_LOC:
			resolve_loc(L, d, c);
			break;
		case CK_LAW: {
			long ent = entity(L, d, BM_ENT_LAW, bm_pool_str(d, c->name),
					  span_start(d, c->t0), span_end(d, c->t1),
					  &created);
			c->ent = (int32_t)ent;
			break;
		}
		default:
			break;
		}
	}
	resolve_acronyms(L, d);
	if (!d->limit_hit)
		merge_short_forms(L, d);
	bm_mentions_flush(d);
	return d->limit_hit ? BM_ELIMIT : 0;
}
