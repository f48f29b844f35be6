/* relations.c: relations from the chunks of each sentence:
 * holds_position (a group of titles and their organizations, given to the
 * person named after it, before it in apposition or with a cue, or to a
 * list after it), part_of ("thuộc", brackets) and cooperates_with (a cue
 * of a working session, coordination or agreement between two
 * organizations). */
#include <stdlib.h>
#include <string.h>

#include "extract/record.h"
#include "extract/stages.h"

#define MAX_SLOTS 16
#define MAX_HOLDERS 32

typedef struct {
	size_t title;
	long org; /* chunk, or -1 */
} slot;

static int word_is(const bm_docstate *d, const bm_chunk *c, const char *s)
{
	if (c->kind != CK_OTHER && c->kind != CK_CUE)
		return 0;
	size_t st = d->toks.v[c->t0].start, e = d->toks.v[c->t1 - 1].end;
	return e - st == strlen(s) && memcmp(d->text + st, s, e - st) == 0;
}

static int is_sep(const bm_docstate *d, const bm_chunk *c)
{
	return bm_punct_is(d, c, ",") || bm_punct_is(d, c, ";") ||
	       /* "Ủy viên Bộ Chính trị - Bí thư Trung ương Đảng - ..." */
	       bm_punct_is(d, c, "-") || bm_punct_is(d, c, "\xE2\x80\x93") ||
	       word_is(d, c, "và") || word_is(d, c, "kiêm") ||
	       (c->kind == CK_CUE && (c->sub & (CUE_HOLD | CUE_FORMER)) &&
		c->t1 - c->t0 <= 2);
}

static int is_appos(const bm_docstate *d, const bm_chunk *c)
{
	return bm_punct_is(d, c, ",") || bm_punct_is(d, c, "-") ||
	       bm_punct_is(d, c, "\xE2\x80\x93") || bm_punct_is(d, c, "(") ||
	       bm_punct_is(d, c, ":");
}

/* A holds_position already there with the same role, written in another
 * case ("Phó trưởng ban" / "Phó Trưởng ban"): its index, or -1. */
static long same_post(const bm_lexset *L, const bm_docstate *d, size_t subj,
		      long obj, const char *role)
{
	if (!role)
		return -1;
	uint64_t h = bm_text_hash(L->fold, role, strlen(role), 1, NULL);
	size_t n = d->rec->n_relations;
	/* the last 512 relations: a bound on hostile text */
	for (size_t i = n > 512 ? n - 512 : 0; i < n; i++) {
		const bm_relation *x = &d->rec->relations[i];
		if (x->type == BM_REL_HOLDS_POSITION && x->subject == subj &&
		    x->object == obj && x->role &&
		    bm_text_hash(L->fold, x->role, strlen(x->role), 1, NULL) == h)
			return (long)i;
	}
	return -1;
}

static void add_rel(bm_docstate *d, bm_rel_type type, size_t subj, long obj,
		    const char *role, int former, uint32_t sent)
{
	size_t s, e;
	if (d->rec->n_relations >= d->max_relations)
		return; /* a documented cap: the record's dedup scan is linear */
	if (type == BM_REL_PART_OF && bm_part_of_loops(d->rec, subj, obj))
		return;
	if (type == BM_REL_COOPERATES_WITH && obj >= 0 && (size_t)obj < subj) {
		size_t tmp = subj; /* undirected: one order, one relation */
		subj = (size_t)obj;
		obj = (long)tmp;
	}
	bm_sent_span(d, sent, &s, &e);
	bm_record_add_relation(d->rec, type, subj, obj, role, former, s, e,
			       d->text + s, e - s);
}

/* Titles from chunk g0 to the group's end; returns the chunk after it. */
static size_t group(const bm_docstate *d, size_t g0, size_t b, slot *sl,
		    size_t *ns)
{
	size_t j = g0;
	*ns = 0;
	for (;;) {
		slot x = {j, -1};
		j++;
		/* "Tổng giám đốc của Công ty Hoa Sen" */
		if (j + 1 < b && d->ch[j].kind == CK_CUE && word_is(d, &d->ch[j], "của") &&
		    d->ch[j + 1].kind == CK_ORG)
			j++;
		if (j < b && d->ch[j].kind == CK_ORG) {
			x.org = (long)j;
			j++;
		}
		if (*ns < MAX_SLOTS)
			sl[(*ns)++] = x;
		/* "đại biểu Quốc hội đoàn Hà Tĩnh, Ủy viên ...": a place may
		 * qualify a post */
		size_t k = j;
		if (k + 1 < b && d->ch[k].kind == CK_OTHER && d->ch[k + 1].kind == CK_LOC)
			k++;
		if (k < b && d->ch[k].kind == CK_LOC)
			k++;
		size_t q = k;
		if (k < b && is_sep(d, &d->ch[k]))
			k++;
		if (k < b && d->ch[k].kind == CK_TITLE && k - q <= 1) {
			j = k;
			continue;
		}
		return j;
	}
}

/* A title written without its organization takes the organization the
 * sentence named last before it ("Giám đốc Sở Nội vụ là ông A; 8 Phó
 * Giám đốc gồm ..."), or none. */
/* Whether an entity's name starts with the words of a unit ("Bộ"). */
static int starts_with_unit(const bm_lexset *L, bm_docstate *d, long ent,
			    const char *unit)
{
	return bm_text_starts_with(L->fold, d->rec->entities[ent].name, unit);
}

/* A unit title without its unit ("các Thứ trưởng: A, B"): the unit of
 * that kind the sentence, or the two before it, named last. */
static long unit_org(const bm_lexset *L, bm_docstate *d, size_t title,
		     const char *unit)
{
	uint32_t s0 = d->ch[title].sent;
	for (size_t k = title; k-- > 0;) {
		if (d->ch[k].sent + 2 < s0)
			break;
		if (d->ch[k].kind == CK_ORG && d->ch[k].ent >= 0 &&
		    starts_with_unit(L, d, d->ch[k].ent, unit))
			return d->ch[k].ent;
	}
	return -1;
}

static long implicit_org(const bm_docstate *d, size_t a, size_t title)
{
	/* the same title's organization earlier in the sentence */
	for (size_t k = title; k-- > a + 1;)
		if (d->ch[k].kind == CK_ORG && d->ch[k].ent >= 0 &&
		    d->ch[k - 1].kind == CK_TITLE && d->ch[k - 1].lx == d->ch[title].lx)
			return d->ch[k].ent;
	/* the organization the sentence is about ("Sở Nội vụ có 3 Phó Giám
	 * đốc gồm ...") */
	if (a < title && d->ch[a].kind == CK_ORG && d->ch[a].ent >= 0)
		return d->ch[a].ent;
	/* or the organization of the same title named in the two sentences
	 * before ("Chủ tịch UBND TP ... Ông Thơ giao Phó chủ tịch A ...") */
	uint32_t s0 = d->ch[title].sent;
	for (size_t k = a; k-- > 1;) {
		if (d->ch[k].sent + 2 < s0)
			break;
		if (d->ch[k].kind == CK_ORG && d->ch[k].ent >= 0 &&
		    d->ch[k - 1].kind == CK_TITLE && d->ch[k - 1].lx == d->ch[title].lx)
			return d->ch[k].ent;
	}
	return -1;
}

static void holds(const bm_lexset *L, bm_docstate *d, size_t a, size_t b)
{
	slot sl[MAX_SLOTS];
	size_t hold[MAX_HOLDERS];
	size_t i = a;
	while (i < b) {
		if (d->ch[i].kind != CK_TITLE) {
			i++;
			continue;
		}
		size_t ns, nh = 0;
		size_t g0 = i, gend = group(d, i, b, sl, &ns);
		i = gend;
		/* "Phó Thống đốc Ngân hàng Nhà nước (NHNN) Nguyễn Kim Anh": a
		 * short form in brackets after the organization */
		if (gend + 3 < b && bm_punct_is(d, &d->ch[gend], "(") &&
		    bm_punct_is(d, &d->ch[gend + 2], ")") &&
		    d->ch[gend + 3].kind == CK_PERSON &&
		    (d->ch[gend + 1].kind == CK_ORG ||
		     (d->ch[gend + 1].t1 - d->ch[gend + 1].t0 <= 3 &&
		      (d->ch[gend + 1].kind == CK_ACR || d->ch[gend + 1].kind == CK_OTHER))))
			gend += 3; /* also its parent: "Cục trưởng Cục X (Bộ Y) A" */
		/* "Trưởng Ban Dân nguyện của Ủy ban Thường vụ Quốc hội A" */
		else if (gend + 2 < b && d->ch[gend].kind == CK_CUE &&
			 word_is(d, &d->ch[gend], "của") && d->ch[gend + 1].kind == CK_ORG &&
			 d->ch[gend + 2].kind == CK_PERSON && d->ch[gend - 1].kind == CK_ORG)
			gend += 2;
		/* the name right after it: "Giám đốc Sở X Nguyễn Văn A" */
		if (gend < b && d->ch[gend].kind == CK_PERSON)
			hold[nh++] = gend;
		/* "vấn đề đại biểu Quốc hội nêu": a title that is a common
		 * noun in lower case takes no holder before it */
		int after_only = (d->ch[g0].flags & CF_AFTER) != 0;
		/* "B, Đại sứ Việt Nam tại Nga A": a title qualified by its
		 * country and place is the person's after it */
		if (!nh && gend + 1 < b && d->ch[gend].kind == CK_LOC && d->ch[gend].sub == 0) {
			size_t k = gend + 1;
			if (k + 1 < b && word_is(d, &d->ch[k], "tại") && d->ch[k + 1].kind == CK_LOC)
				k += 2;
			if (k < b && d->ch[k].kind == CK_PERSON)
				hold[nh++] = k;
		}
		/* a person before it in apposition: "A, Giám đốc Sở X" */
		if (!nh && g0 > a && !after_only) {
			size_t k = g0 - 1;
			if (is_appos(d, &d->ch[k]) && k > a)
				k--;
			if (d->ch[k].kind == CK_PERSON)
				hold[nh++] = k;
		}
		/* "A - Phó giám đốc sở kiêm Trưởng ban X": after "kiêm", the
		 * holder of the title before it */
		if (!nh && g0 > a + 1 && word_is(d, &d->ch[g0 - 1], "kiêm")) {
			for (size_t k = g0 - 1; k-- > a && k + 8 > g0;) {
				const bm_chunk *c = &d->ch[k];
				if (c->kind == CK_PERSON)
					break;
				if (c->kind != CK_TITLE)
					continue;
				size_t q = k - 1;
				if (k > a && is_appos(d, &d->ch[q]) && q > a)
					q--;
				if (k > a && d->ch[q].kind == CK_PERSON)
					hold[nh++] = q;
				break;
			}
		}
		/* the person named after it: "Giám đốc Sở X Nguyễn Văn A" */
		if (!nh) {
			size_t k = gend;
			for (int s = 0; k < b && s < 4 &&
					(d->ch[k].kind == CK_HON ||
					 /* "Tổng thống Nga Vladimir Putin", "Đại sứ
					  * Nhật Bản tại Việt Nam Umeda Kunio" */
					 (d->ch[k].kind == CK_LOC && d->ch[k].sub == 0 &&
					  (k == gend || word_is(d, &d->ch[k - 1], "tại"))) ||
					 (k > gend && word_is(d, &d->ch[k], "tại") &&
					  d->ch[k - 1].kind == CK_LOC) ||
					 d->ch[k].kind == CK_RANK ||
					 d->ch[k].kind == CK_DEG ||
					 bm_punct_is(d, &d->ch[k], ",") ||
					 /* "Giám đốc Sở Y tế – ông A" */
					 ((bm_punct_is(d, &d->ch[k], "-") ||
					   bm_punct_is(d, &d->ch[k], "\xE2\x80\x93")) &&
					  k + 1 < b && d->ch[k + 1].kind == CK_HON));
			     s++)
				k++;
			if (k < b && d->ch[k].kind == CK_PERSON)
				hold[nh++] = k;
		}
		/* discipline: "cách chức Ủy viên Ban Thường vụ Tỉnh ủy nhiệm kỳ
		 * 2010 - 2015 đối với ông A", where a cue of a post left comes
		 * before the title (not "Bằng khen của Thủ tướng đối với A") */
		int left = 0;
		for (size_t k = a; k < g0 && !left; k++)
			left = d->ch[k].kind == CK_CUE && (d->ch[k].sub & CUE_FORMER);
		if (!nh && left) {
			for (size_t k = gend; k + 1 < b && k < gend + 16; k++) {
				const bm_chunk *c = &d->ch[k];
				if (c->kind == CK_PERSON || c->kind == CK_TITLE ||
				    c->kind == CK_ORG || bm_punct_is(d, c, ";") ||
				    word_is(d, c, "về") || word_is(d, c, "của"))
					break; /* "... về đơn tố cáo đối với ông A" */
				size_t q = k + 1;
				if (word_is(d, c, "đối") && word_is(d, &d->ch[k + 1], "với"))
					q = k + 2;
				else if (!word_is(d, c, "đối với"))
					continue;
				while (q < b && q < k + 4 && (d->ch[q].kind == CK_HON ||
							     d->ch[q].kind == CK_RANK ||
							     d->ch[q].kind == CK_DEG))
					q++;
				if (q < b && d->ch[q].kind == CK_PERSON)
					hold[nh++] = q;
				break;
			}
		}
		/* a list: "Phó Giám đốc gồm các ông bà: A, B và C", "Các Phó
		 * Thủ tướng: A, B", "Giám đốc Sở hiện nay là ông A" */
		size_t lc = gend;
		while (lc < b && lc < gend + 2 &&
		       (d->ch[lc].kind == CK_OTHER || bm_punct_is(d, &d->ch[lc], ",")))
			lc++;
		if (!nh && lc < b &&
		    ((d->ch[lc].kind == CK_CUE && (d->ch[lc].sub & CUE_LIST)) ||
		     (lc == gend && bm_punct_is(d, &d->ch[lc], ":")))) {
			size_t k = lc + 1;
			for (int s = 0; k < b && s < 4 && d->ch[k].kind != CK_PERSON; s++)
				k++;
			while (k < b && d->ch[k].kind == CK_PERSON && nh < MAX_HOLDERS) {
				hold[nh++] = k++;
				/* "A, Phó trưởng ban Thường trực; B; C": an item's own
				 * title in apposition, up to the ";" that ends it */
				if (k + 1 < b && bm_punct_is(d, &d->ch[k], ",") &&
				    d->ch[k + 1].kind == CK_TITLE) {
					size_t q = k + 2;
					while (q < b && (d->ch[q].kind == CK_TITLE ||
							 d->ch[q].kind == CK_ORG))
						q++;
					if (q < b && bm_punct_is(d, &d->ch[q], ";"))
						k = q;
				}
				while (k < b && (bm_punct_is(d, &d->ch[k], ",") ||
						 bm_punct_is(d, &d->ch[k], ";") ||
						 word_is(d, &d->ch[k], "và") ||
						 d->ch[k].kind == CK_HON))
					k++;
			}
		}
		/* a person before it with a cue: "A giữ chức ..." */
		if (!nh && g0 > a && !after_only) {
			int cue = 0, near = 1; /* near: only punctuation so far */
			size_t k = g0;
			for (int s = 0; k > a && s < 14; s++) {
				const bm_chunk *c = &d->ch[--k];
				if (c->kind != CK_PUNCT || bm_punct_is(d, c, ")"))
					near = near && bm_punct_is(d, c, ")");
				if (c->kind == CK_PERSON) {
					if (cue)
						hold[nh++] = k;
					break;
				}
				if (bm_punct_is(d, c, ")")) {
					/* "Ông A (ảnh), Chủ tịch ...": skip the brackets */
					size_t o = k;
					while (o > a && o + 12 > k && !bm_punct_is(d, &d->ch[o], "("))
						o--;
					if (bm_punct_is(d, &d->ch[o], "(")) {
						k = o;
						cue = cue || near;
						continue;
					}
					break;
				}
				if (c->kind == CK_CUE && (c->sub & (CUE_HOLD | CUE_FORMER)))
					cue = 1;
				else if (cue && (c->kind == CK_TITLE || c->kind == CK_ORG))
					continue; /* "A, Trưởng phòng X, giữ chức ..." */
				else if (c->kind != CK_OTHER && c->kind != CK_HON &&
					 !bm_punct_is(d, c, ",") && !bm_punct_is(d, c, "(") &&
					 !bm_punct_is(d, c, ":") && c->kind != CK_CUE)
					break;
			}
		}
		/* "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh, bà
		 * đã ...": the pronoun is the person last named */
		if (!nh && gend + 1 < b && bm_punct_is(d, &d->ch[gend], ",") &&
		    bm_lex_exact(&L->hon, &d->toks, d->ch[gend + 1].t0,
				 d->ch[gend + 1].t1)) {
			for (size_t k = g0; k-- > 0 && k + 400 > g0;)
				if (d->ch[k].kind == CK_PERSON && d->ch[k].ent >= 0) {
					hold[nh++] = k;
					break;
				}
		}
		for (size_t h = 0; h < nh; h++) {
			const bm_chunk *p = &d->ch[hold[h]];
			if (p->ent < 0)
				continue;
			for (size_t s = 0; s < ns; s++) {
				const bm_chunk *t = &d->ch[sl[s].title];
				long obj = sl[s].org >= 0 ? d->ch[sl[s].org].ent : -1;
				/* "làm Trưởng đoàn": a delegation role is no post */
				if ((t->flags & CF_DELEG) &&
				    (obj < 0 || (d->ch[sl[s].org].flags & CF_BARE)))
					continue;
				const char *unit = bm_lex_col(t->lx, 2);
				if (obj < 0 && unit && sl[s].org >= 0)
					obj = unit_org(L, d, sl[s].title, unit);
				/* "Chủ tịch kiêm Tổng Giám đốc Công ty X": both of X */
				if (obj < 0 && sl[s].org < 0 && !(t->flags & CF_NATIONAL) &&
				    s + 1 < ns && sl[s + 1].org >= 0 &&
				    sl[s + 1].title == sl[s].title + 2 &&
				    (word_is(d, &d->ch[sl[s].title + 1], "kiêm") ||
				     bm_punct_is(d, &d->ch[sl[s].title + 1], ",")) &&
				    !(d->ch[sl[s + 1].org].flags & CF_BARE))
					obj = d->ch[sl[s + 1].org].ent;
				if (obj < 0 && sl[s].org < 0 && !(t->flags & CF_NATIONAL))
					obj = implicit_org(d, a, sl[s].title);
				if (obj >= 0 &&
				    d->rec->entities[obj].type != BM_ENT_ORG)
					obj = -1;
				int former = (t->flags & CF_FORMER) != 0;
				for (size_t k = a; k < sl[s].title && !former; k++)
					if (d->ch[k].kind == CK_CUE &&
					    (d->ch[k].sub & CUE_FORMER))
						former = 1;
				long dup = same_post(L, d, (size_t)p->ent, obj,
						     bm_pool_str(d, t->role));
				if (dup >= 0) {
					d->rec->relations[dup].former |= former;
					continue;
				}
				add_rel(d, BM_REL_HOLDS_POSITION, (size_t)p->ent, obj,
					bm_pool_str(d, t->role), former, t->sent);
			}
		}
	}
}

/* Whether the organization of chunk y may be the parent of chunk x named
 * right before it: parents.tsv gives the heads of x's kind of parent
 * ("Cục" -> "Bộ", "Tổng cục"...), and y's name starts with one. */
static int parent_kind(const bm_lexset *L, const bm_docstate *d,
		       const bm_chunk *x, const bm_chunk *y)
{
	size_t n;
	if (y->ent < 0)
		return 0;
	const char *yname = d->rec->entities[y->ent].name;
	/* a known organization has a known parent ("Ban Tổ chức Trung ương,
	 * Bộ Nội vụ" is a list) */
	const char *known = x->kind == CK_ORG && x->lx &&
				    strcmp(x->lx->col[1], "name") == 0
			    ? bm_org_parent(x->lx) : NULL;
	if (known)
		return bm_text_hash(L->fold, known, strlen(known), 1, NULL) ==
		       bm_text_hash(L->fold, yname, strlen(yname), 1, NULL);
	const bm_lex_entry *e = bm_lex_match(&L->under, &d->toks, x->t0, x->t1, &n);
	const char *pl = e ? bm_lex_col(e, 1) : NULL;
	if (!pl)
		return 0;
	char head[128];
	for (const char *p = pl; *p;) {
		const char *q = strchr(p, '|');
		size_t len = q ? (size_t)(q - p) : strlen(p);
		if (len < sizeof head) {
			memcpy(head, p, len);
			head[len] = 0;
			if (bm_text_starts_with(L->fold, yname, head))
				return 1;
		}
		p += len + (q != NULL);
	}
	return 0;
}

/* Whether entity ent already has a parent (one its name embeds). */
static int has_parent(const bm_docstate *d, long ent)
{
	for (size_t r = 0; r < d->rec->n_relations; r++)
		if (d->rec->relations[r].type == BM_REL_PART_OF &&
		    (long)d->rec->relations[r].subject == ent)
			return 1;
	return 0;
}

/* A named organization chunk. */
static int named_org(const bm_chunk *c)
{
	return c->kind == CK_ORG && c->ent >= 0 && !(c->flags & CF_BARE);
}

/* "Cục Viễn thông, Bộ TT&TT", "Phòng X - Công an tỉnh Y": a parent of
 * the unit's kind in apposition right after it, not a list of equals. */
static void apposition(const bm_lexset *L, bm_docstate *d, size_t i, size_t b)
{
	const bm_chunk *x = &d->ch[i], *c = &d->ch[i + 1], *y = &d->ch[i + 2];
	/* a unit named by a head of several words ("Phòng Cảnh sát hình sự")
	 * is a name here */
	int unit = x->kind == CK_ORG && x->ent >= 0 && x->lx && x->lx->ntok >= 2;
	if (!(named_org(x) || unit) || !named_org(y) || x->ent == y->ent ||
	    !(bm_punct_is(d, c, ",") || bm_punct_is(d, c, "-") ||
	      bm_punct_is(d, c, "\xE2\x80\x93")))
		return;
	/* "Sở Tài chính, Sở Xây dựng, Bộ ...": an item of a list */
	if (i >= 2 && named_org(&d->ch[i - 2]) &&
	    (bm_punct_is(d, &d->ch[i - 1], ",") || word_is(d, &d->ch[i - 1], "và")))
		return;
	if (i + 4 < b && named_org(&d->ch[i + 4]) &&
	    (bm_punct_is(d, &d->ch[i + 3], ",") || word_is(d, &d->ch[i + 3], "và")) &&
	    !parent_kind(L, d, y, &d->ch[i + 4]))
		return;
	if (has_parent(d, x->ent) || !parent_kind(L, d, x, y))
		return;
	add_rel(d, BM_REL_PART_OF, (size_t)x->ent, y->ent, NULL, 0, x->sent);
}

static void partofs(const bm_lexset *L, bm_docstate *d, size_t a, size_t b)
{
	for (size_t i = a; i + 2 < b; i++) {
		const bm_chunk *x = &d->ch[i], *c = &d->ch[i + 1];
		if (x->kind != CK_ORG || x->ent < 0)
			continue;
		apposition(L, d, i, b);
		/* "X là đơn vị trực thuộc Y": a few words before "thuộc" */
		size_t m = i + 1;
		/* ..., "X, đơn vị trực thuộc Y", "X (thuộc Y)" */
		while (m < b && m < i + 4 &&
		       (d->ch[m].kind == CK_OTHER || bm_punct_is(d, &d->ch[m], ",") ||
			bm_punct_is(d, &d->ch[m], "(") ||
			(d->ch[m].kind == CK_CUE && !(d->ch[m].sub & CUE_PARTOF))))
			m++;
		if (m > i + 1 && m + 1 < b && d->ch[m].kind == CK_CUE &&
		    (d->ch[m].sub & CUE_PARTOF) && !word_is(d, &d->ch[m], "của") &&
		    d->ch[m + 1].kind == CK_ORG && d->ch[m + 1].ent >= 0 &&
		    d->ch[m + 1].ent != x->ent) {
			add_rel(d, BM_REL_PART_OF, (size_t)x->ent, d->ch[m + 1].ent,
				NULL, 0, x->sent);
			continue;
		}
		/* "X là lực lượng chuyên trách ... thuộc Y và Z": a definition
		 * of X, lower-case words up to the cue */
		if (c->kind == CK_CUE && word_is(d, c, "là")) {
			m = i + 2;
			while (m < b && m < i + 16 && d->ch[m].kind == CK_OTHER &&
			       d->ch[m].t1 == d->ch[m].t0 + 1 &&
			       (d->toks.v[d->ch[m].t0].flags & BM_TK_LOWER))
				m++;
			if (m + 1 < b && d->ch[m].kind == CK_CUE &&
			    (d->ch[m].sub & CUE_PARTOF) && !word_is(d, &d->ch[m], "của")) {
				for (size_t q = m + 1; q < b; q += 2) {
					const bm_chunk *pq = &d->ch[q];
					if (pq->kind != CK_ORG || pq->ent < 0 || pq->ent == x->ent)
						break;
					add_rel(d, BM_REL_PART_OF, (size_t)x->ent, pq->ent,
						NULL, 0, x->sent);
					/* "... và Z", ", Z" */
					if (q + 1 >= b || !(bm_punct_is(d, &d->ch[q + 1], ",") ||
							    word_is(d, &d->ch[q + 1], "và")))
						break;
				}
				continue;
			}
		}
		const bm_chunk *y = &d->ch[i + 2];
		/* "(Bộ Công an)" states a parent; "(C03)" is a code, a name */
		int cue = (c->kind == CK_CUE && (c->sub & CUE_PARTOF)) ||
			  (bm_punct_is(d, c, "(") && i + 3 < b &&
			   (bm_punct_is(d, &d->ch[i + 3], ")") ||
			    /* "(Tổng cục Chính trị - Bộ Quốc phòng)" */
			    (i + 5 < b && bm_punct_is(d, &d->ch[i + 5], ")") &&
			     (parent_kind(L, d, y, &d->ch[i + 4]) ||
			      /* "(Bệnh viện Bạch Mai, Hà Nội)" */
			      (bm_punct_is(d, &d->ch[i + 3], ",") &&
			       d->ch[i + 4].kind == CK_LOC)))) &&
			   d->ch[i + 2].t1 - d->ch[i + 2].t0 >= 2);
		if (!cue || y->kind != CK_ORG || y->ent < 0 || y->ent == x->ent)
			continue;
		add_rel(d, BM_REL_PART_OF, (size_t)x->ent, y->ent, NULL, 0, x->sent);
	}
}

/* Words at most between a verbal cue ("phối hợp") and its actor. */
#define COOP_NEAR 3
/* Tokens at most between any cue and the actor before it. */
#define COOP_FAR 12

static void coops(const bm_lexset *L, bm_docstate *d, size_t a, size_t b,
		  uint32_t si)
{
	const bm_sent *st = &d->sents.v[si];
	for (size_t p = st->t0; p < st->t1; p++) {
		size_t n = 0;
		const bm_lex_entry *ce;
		if (!(d->mask[p] & L->coop.bit) ||
		    !(ce = bm_lex_match(&L->coop, &d->toks, p, st->t1, &n)))
			continue;
		/* "hợp tác" is also a noun: an actor must come before it */
		const char *need = bm_lex_col(ce, 2);
		int need_before = need && strcmp(need, "before") == 0;
		int need_after = need && strcmp(need, "after") == 0;
		/* the first organization before the cue (one that is not a
		 * title's object if there is one) and the first after it; with
		 * none before, the first two after it that are no title's
		 * object ("Tiếp và làm việc với A, về phía B ...") */
		long before = -1, before_t = -1, before2 = -1, after = -1,
		     after2 = -1;
		size_t before_ci = 0, before2_ci = 0; /* their chunks */
		size_t last_end = 0, after_at = 0; /* tokens */
		size_t after_ci = 0;               /* the chunk of after */
		for (size_t i = a; i < b; i++) {
			const bm_chunk *c = &d->ch[i];
			if (c->kind != CK_ORG || c->ent < 0)
				continue;
			int tobj = i > a && d->ch[i - 1].kind == CK_TITLE;
			/* "Cục X (Bộ Y) phối hợp với Z": the bracket is no actor */
			if (i > a && bm_punct_is(d, &d->ch[i - 1], "(") && c->t1 <= p)
				continue;
			if (c->t1 <= p) {
				last_end = c->t1;
				if (!tobj && before >= 0 && c->ent != before) {
					before2 = before;
					before2_ci = before_ci;
				}
				if (!tobj) {
					before = c->ent;
					before_ci = i;
				}
				if (tobj && before_t < 0)
					before_t = c->ent;
			} else if (c->t0 >= p + n) {
				if (after < 0) {
					after = c->ent;
					after_at = c->t0;
					after_ci = i;
				}
				else if (after2 < 0 && c->ent != after && !tobj)
					after2 = c->ent;
			}
		}
		if (before < 0)
			before = before_t;
		/* an actor far before the cue belongs to another clause ("Báo
		 * VOV thông tin, ông A cho biết ... đã phối hợp với B") */
		if (before >= 0 && p - last_end > COOP_FAR)
			before = before2 = -1;
		/* a verb: in lower case, its actor a few words before it
		 * ("Sở A đã phối hợp với Sở B", "A và B tiếp tục hợp tác") */
		if (need_before &&
		    (before < 0 || !(d->toks.v[p].flags & BM_TK_LOWER) ||
		     p - last_end > COOP_NEAR ||
		     (after < 0 && before2 < 0))) {
			p += n - 1;
			continue;
		}
		/* "hợp tác giữa A và B": the actors right after the cue */
		if (need_after && (after < 0 || after_at - (p + n) > COOP_NEAR)) {
			p += n - 1;
			continue;
		}
		long x = before >= 0 ? before : after;
		long y = before >= 0 ? after : after2;
		/* "A và B đã ký kết": the two actors joined, not "X giao A
		 * chủ trì, phối hợp với các cơ quan" */
		if (before >= 0 && after < 0)
			y = before2 >= 0 && before_ci == before2_ci + 2 &&
				    (word_is(d, &d->ch[before2_ci + 1], "và") ||
				     word_is(d, &d->ch[before2_ci + 1], "cùng") ||
				     bm_punct_is(d, &d->ch[before2_ci + 1], ","))
				? before2 : -1;
		if (x >= 0 && y >= 0 && x != y)
			add_rel(d, BM_REL_COOPERATES_WITH, (size_t)x, y, NULL, 0, si);
		/* "A phối hợp với B, C và D": every partner of the list */
		for (size_t q = after_ci + 1; before >= 0 && after >= 0 && q + 1 < b &&
					       (bm_punct_is(d, &d->ch[q], ",") ||
						word_is(d, &d->ch[q], "và"));
		     q += 2) {
			const bm_chunk *o = &d->ch[q + 1];
			if (o->kind != CK_ORG || o->ent < 0 || (o->flags & CF_BARE))
				break;
			if (o->ent != x)
				add_rel(d, BM_REL_COOPERATES_WITH, (size_t)x, o->ent,
					NULL, 0, si);
		}
		p += n - 1;
	}
}

/* A title given without an organization where the same person holds it
 * with one is the same post: drop the null one. */
static void drop_null_duplicates(bm_docstate *d)
{
	bm_record *r = d->rec;
	size_t w = 0;
	for (size_t i = 0; i < r->n_relations; i++) {
		bm_relation *x = &r->relations[i];
		int dup = 0;
		if (x->type == BM_REL_HOLDS_POSITION && x->object < 0 && x->role) {
			for (size_t j = 0; j < r->n_relations && !dup && j < 4096; j++) {
				bm_relation *y = &r->relations[j];
				dup = y->type == BM_REL_HOLDS_POSITION &&
				      y->subject == x->subject && y->object >= 0 &&
				      y->role && strcmp(y->role, x->role) == 0;
			}
		}
		if (dup) {
			free(x->role);
			free(x->evidence);
			continue;
		}
		r->relations[w++] = *x;
	}
	r->n_relations = w;
}

void bm_relations(const bm_lexset *L, bm_docstate *d)
{
	size_t a = 0;
	while (a < d->nch) {
		size_t b = a;
		uint32_t si = d->ch[a].sent;
		while (b < d->nch && d->ch[b].sent == si)
			b++;
		holds(L, d, a, b);
		partofs(L, d, a, b);
		coops(L, d, a, b, si);
		a = b;
	}
	drop_null_duplicates(d);
}
