/* mentions.c: cuts each sentence into chunks: titles, ranks, degrees,
 * honorifics, cue phrases and the spans of PERSON, ORG, LOC and LAW
 * names, each with its canonical name.  Greedy, left to right, longest
 * lexicon match first; every loop is bounded by the sentence. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/stages.h"

/* Longest runs considered inside one name. */
#define ORG_MAX_TOK 24
#define PERSON_MAX_TOK 4
/* Lower-case words after a name's last capitalized word that a parent
 * named right after them still counts in the name. */
#define ORG_LOWER_RUN 4
/* Places remembered by level: 0 a country .. 3 a commune. */
#define PLACE_LEVELS 4

typedef struct {
	const bm_lexset *L;
	bm_docstate *d;
	const bm_tok *t;
	size_t lim; /* end of the sentence */
	int count;  /* count places for the article's province */
	uint32_t si; /* the sentence */
	/* the place of each level (1 province .. 3 commune) last read, and
	 * its sentence */
	struct { int32_t pl; uint32_t sent; } last[PLACE_LEVELS];
} scan;

static void scan_init(scan *s, const bm_lexset *L, bm_docstate *d,
		      size_t lim, int count)
{
	memset(s, 0, sizeof *s);
	s->L = L;
	s->d = d;
	s->t = d->toks.v;
	s->lim = lim;
	s->count = count;
	for (size_t k = 0; k < PLACE_LEVELS; k++)
		s->last[k].pl = -1;
}

static int fl(const scan *s, size_t i, uint32_t f)
{
	return i < s->lim && (s->t[i].flags & f) != 0;
}

static int is_char(const scan *s, size_t i, const char *c)
{
	if (i >= s->lim)
		return 0;
	size_t n = s->t[i].end - s->t[i].start;
	return n == strlen(c) && memcmp(s->d->text + s->t[i].start, c, n) == 0;
}

/* A row whose phrase has no lower-case ASCII letter is an acronym
 * ("UN", "HĐQT", "GD-ĐT"); a short one (three bytes at most) matches
 * only as written, in capitals ("Un", "Ca", "Vov" are words), a longer
 * one also in title case ("Asean", "Unesco"). */
static int acronym_as_written(const scan *s, const bm_lex_entry *r, size_t i,
			      size_t n)
{
	for (const char *p = r->col[0]; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			return 1;
	for (size_t k = i; k < i + n; k++) {
		if (s->t[k].end - s->t[k].start > 3)
			continue;
		for (size_t b = s->t[k].start; b < s->t[k].end; b++)
			if (s->d->text[b] >= 'a' && s->d->text[b] <= 'z')
				return 0;
	}
	return 1;
}

static size_t match_at(const scan *s, const bm_lex *lx, size_t i,
		       const bm_lex_entry **e);

/* The longest row of lx at token i, 0 when none.  The first-word mask
 * answers most calls at once (inlined); the look-up is match_at. */
static inline size_t match(const scan *s, const bm_lex *lx, size_t i,
			   const bm_lex_entry **e)
{
	if (i >= s->lim || !(s->d->mask[i] & lx->bit)) {
		if (e)
			*e = NULL;
		return 0;
	}
	return match_at(s, lx, i, e);
}

static size_t match_at(const scan *s, const bm_lex *lx, size_t i,
		       const bm_lex_entry **e)
{
	size_t n = 0;
	const bm_lex_entry *r = bm_lex_match(lx, &s->d->toks, i, s->lim, &n);
	/* an acronym of the organization table matches only as written, in
	 * capitals ("UN" is Liên hợp quốc, "Un" is not) */
	if (r && lx == &s->L->org && !acronym_as_written(s, r, i, n))
		r = NULL;
	if (e)
		*e = r;
	return r ? n : 0;
}

/* A title at i: [prefix...] title [suffix...]; returns its end or 0. */
static size_t title_at(const scan *s, size_t i, const bm_lex_entry **te)
{
	size_t j = i, n;
	for (int k = 0; k < 3 && (n = match(s, &s->L->tprefix, j, NULL)); k++) {
		/* "chính quyền Tổng thống X": a prefix that ends a word
		 * (stopwords.tsv) is none */
		if (j > 0 && (s->t[j - 1].flags & BM_TK_WORD) &&
		    bm_lex_exact(&s->L->stop_lower, &s->d->toks, j - 1, j + n))
			break;
		j += n;
	}
	n = match(s, &s->L->title, j, te);
	/* a title that starts with a prefix word ("Phó Ban") */
	if (!n && j > i) {
		j = i;
		n = match(s, &s->L->title, j, te);
	}
	/* "Đại sứ quán" is no "Đại sứ": a longer head of an organization */
	if (!n || (fl(s, j, BM_TK_CAP) && match(s, &s->L->org, j, NULL) > n))
		return 0;
	j += n;
	for (int k = 0; k < 3 && (n = match(s, &s->L->tsuffix, j, NULL)); k++)
		j += n;
	return j;
}

/* Whether a word cannot be one Vietnamese syllable: a letter Vietnamese
 * does not write (f, j, w, z), two groups of vowels ("Putin", "Abe") or
 * an ending no syllable has ("Trump").  Such capitalized words are
 * foreign names. */
static int foreign_word(const scan *s, size_t i)
{
	if (!fl(s, i, BM_TK_WORD) || fl(s, i, BM_TK_ALLCAP | BM_TK_DIGIT))
		return 0;
	const unsigned char *p = (const unsigned char *)s->d->text + s->t[i].start;
	const unsigned char *e = (const unsigned char *)s->d->text + s->t[i].end;
	int groups = 0, in_vowel = 0;
	char last[4] = {0}; /* the consonants after the last vowel */
	size_t tail = 0;
	for (; p < e; p++) {
		int c = *p, vowel;
		if ((c & 0xC0) == 0x80)
			continue; /* inside a letter */
		if (c >= 0x80) /* a letter with a mark is a vowel, but đ */
			vowel = !(c == 0xC4 && p + 1 < e && (p[1] == 0x90 || p[1] == 0x91));
		else {
			c |= 0x20;
			if (c < 'a' || c > 'z')
				return 0;
			if (c == 'f' || c == 'j' || c == 'w' || c == 'z')
				return 1;
			vowel = strchr("aeiouy", c) != NULL;
		}
		if (vowel) {
			groups += !in_vowel;
			in_vowel = 1;
			tail = 0;
			last[0] = 0;
		} else {
			in_vowel = 0;
			if (++tail < sizeof last) {
				last[tail - 1] = (char)c;
				last[tail] = 0;
			}
		}
	}
	if (groups >= 2 || tail > 2)
		return 1;
	/* endings of Vietnamese syllables (k: Đắk Lắk) */
	static const char *const ends[] = {"", "c", "ch", "k", "m", "n",
					   "ng", "nh", "p", "t"};
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
		if (strcmp(last, ends[k]) == 0)
			return 0;
	return 1;
}

static size_t person_run(const scan *s, size_t i, int need_surname);

/* A place name at i (capitalized), of at most level maxlevel (0 for
 * countries only); returns its end or 0. */
static size_t place_at(const scan *s, size_t i, int maxlevel,
		       const bm_lex_entry **pe)
{
	const bm_lex_entry *e;
	if (!fl(s, i, BM_TK_CAP))
		return 0;
	size_t n = match(s, &s->L->place, i, &e);
	if (!n || atoi(e->col[1]) > maxlevel)
		return 0;
	/* an administrative unit capitalizes every word ("Hòa bình" is
	 * peace); regions may not ("Đồng bằng sông Cửu Long") */
	for (size_t k = i + 1; atoi(e->col[1]) >= 1 && k < i + n; k++)
		if (fl(s, k, BM_TK_WORD) && !fl(s, k, BM_TK_CAP) &&
		    !fl(s, k, BM_TK_DIGIT))
			return 0;
	/* a one-word place inside a longer capitalized run is no place
	 * ("Đức Pháp chủ", "Pháp Luật TPHCM") */
	if (n == 1 && ((i > 0 && (s->t[i - 1].flags & BM_TK_CAP) &&
			!(s->t[i].flags & BM_TK_NL) &&
			!match(s, &s->L->placeword, i - 1, NULL)) ||
		       (fl(s, i + 1, BM_TK_CAP) && !(s->t[i + 1].flags & BM_TK_NL) &&
			!match(s, &s->L->stop_all, i + 1, NULL) &&
			/* "Tổng thống Mỹ Donald Trump", "Đại sứ tại
			 * Campuchia Vũ Quang Minh" */
			!(atoi(e->col[1]) == 0 &&
			  (foreign_word(s, i + 1) ||
			   (fl(s, i + 2, BM_TK_CAP) && foreign_word(s, i + 2)) ||
			   (s->t[i + 1].end - s->t[i + 1].start == 1 && is_char(s, i + 2, ".")) ||
			   person_run(s, i + 1, 1) >= i + 3)))))
		return 0;
	if (pe)
		*pe = e;
	return i + n;
}

/* A stop word inside a run of capitalized words ends a name, except a
 * time word that is a given name ("Trần Huy Sáng", not "Sáng 8/2"). */
static int stop_in_name(const scan *s, size_t j)
{
	const bm_lex_entry *e;
	if (!match(s, &s->L->stop_all, j, &e))
		return 0;
	if (strcmp(e->col[1], "time") != 0)
		return 1;
	return fl(s, j + 1, BM_TK_DIGIT) || match(s, &s->L->stop_all, j + 1, NULL) ||
	       match(s, &s->L->stop_lower, j + 1, NULL);
}

/* An organization with a name starts at j ("... Đài Tiếng nói Việt Nam"). */
static int org_named_at(const scan *s, size_t j)
{
	const bm_lex_entry *e;
	size_t n = match(s, &s->L->org, j, &e);
	if (!n || strcmp(e->col[1], "law") == 0)
		return 0;
	return strcmp(e->col[1], "name") == 0 ||
	       (fl(s, j + n, BM_TK_CAP) && !fl(s, j + n, BM_TK_ALLCAP));
}

/* A middle initial at j inside a name begun at i: one capital letter, a
 * dot written against it, a capitalized word after ("George W. Bush"). */
static int initial_at(const scan *s, size_t j, size_t i)
{
	return j > i && s->t[j].end - s->t[j].start == 1 && j + 2 < s->lim &&
	       is_char(s, j + 1, ".") && s->t[j + 1].start == s->t[j].end &&
	       fl(s, j + 2, BM_TK_CAP) && !fl(s, j + 2, BM_TK_ALLCAP);
}

/* A run of capitalized words from i that looks like a person's name:
 * 2..4 words, not stop words nor titles.  Returns its end or 0. */
static size_t person_run(const scan *s, size_t i, int need_surname)
{
	if (!fl(s, i, BM_TK_CAP) || fl(s, i, BM_TK_ALLCAP))
		return 0;
	if (need_surname && !match(s, &s->L->surname, i, NULL))
		return 0;
	/* the capitalized run from a surname after an honorific, a rank, a
	 * degree or a title, if it is one of 2..4 words: inside it a word
	 * that starts a name or ends one is a given name ("Thứ trưởng
	 * Nguyễn Trường Sơn", "ông Trần Quốc Hội", "ông Nguyễn Văn Được") */
	size_t run = i;
	int ctx = s->d->nch ? s->d->ch[s->d->nch - 1].kind : CK_OTHER;
	if ((ctx == CK_HON || ctx == CK_RANK || ctx == CK_DEG || ctx == CK_TITLE ||
	     ctx == CK_ORG) &&
	    match(s, &s->L->surname, i, NULL)) {
		while (run < s->lim && run - i <= PERSON_MAX_TOK && fl(s, run, BM_TK_CAP) &&
		       !fl(s, run, BM_TK_ALLCAP) && (run == i || !(s->t[run].flags & BM_TK_NL)))
			run++;
		if (run - i < 2 || run - i > PERSON_MAX_TOK)
			run = i;
	}
	size_t j = i;
	/* "Tổng thống Nga V. Putin": after a title, a first initial */
	if (!need_surname && s->t[i].end - s->t[i].start == 1 && i + 2 < s->lim &&
	    is_char(s, i + 1, ".") && s->t[i + 1].start == s->t[i].end &&
	    fl(s, i + 2, BM_TK_CAP) && !fl(s, i + 2, BM_TK_ALLCAP)) {
		size_t r = person_run(s, i + 2, 0);
		return r > i + 2 ? r : 0;
	}
	while (j < s->lim && j - i < PERSON_MAX_TOK && fl(s, j, BM_TK_CAP) &&
	       (!fl(s, j, BM_TK_ALLCAP) || initial_at(s, j, i)) &&
	       (j == i || !(s->t[j].flags & BM_TK_NL))) {
		if (j > i && initial_at(s, j, i)) {
			j += 2; /* "George W. Bush" */
			continue;
		}
		if (j > i && (stop_in_name(s, j) || title_at(s, j, NULL) ||
			      org_named_at(s, j) || match(s, &s->L->degree, j, NULL) ||
			      match(s, &s->L->rank, j, NULL))) {
			size_t on;
			size_t dn;
			/* a stop word only as the last of three words ("Nguyễn
			 * Văn Được", not "Nguyễn Văn An Theo kết luận") */
			int given = j < run && !title_at(s, j, NULL) &&
				    !(stop_in_name(s, j) && !(run == i + 3 && j == i + 2)) &&
				    !match(s, &s->L->rank, j, NULL) &&
				    /* "Đỗ Tiến Sỹ": a degree's words as given names */
				    (!(dn = match(s, &s->L->degree, j, NULL)) || j + dn <= run) &&
				    (!(on = match(s, &s->L->org, j, NULL)) || j + on <= run);
			if (!given)
				break;
		}
		j++;
		/* "Moon Jae-in", "Yoo Il-ho": a hyphen written between two
		 * parts of one given name */
		if (j + 1 < s->lim && is_char(s, j, "-") &&
		    s->t[j].start == s->t[j - 1].end &&
		    s->t[j + 1].start == s->t[j].end && fl(s, j + 1, BM_TK_WORD) &&
		    !fl(s, j + 1, BM_TK_DIGIT | BM_TK_ALLCAP))
			j += 2;
	}
	return j;
}

/* The place-count table: which province the article is about. */
static void count_place(scan *s, size_t i, size_t j, int level)
{
	bm_docstate *d = s->d;
	uint64_t h = 0;
	if (!s->count || level > 3)
		return;
	for (size_t k = i; k < j; k++)
		if (s->t[k].flags & BM_TK_WORD)
			h = bm_phrase_step(h, s->t[k].h);
	int found;
	uint32_t *v = bm_u64map_put(&d->plmap, h, (uint32_t)d->npl, &found);
	if (found) {
		d->pl[*v].count++;
		if (d->pl[*v].level < PLACE_LEVELS) {
			s->last[d->pl[*v].level].pl = (int32_t)*v;
			s->last[d->pl[*v].level].sent = s->si;
		}
		return;
	}
	if (d->npl == d->cappl) {
		d->cappl = d->cappl ? 2 * d->cappl : 16;
		d->pl = bm_xrealloc(d->pl, d->cappl * sizeof *d->pl);
	}
	bm_placecount *p = &d->pl[d->npl++];
	const bm_lex_entry *e = bm_lex_exact(&s->L->place, &d->toks, i, j);
	p->h = h;
	p->count = 1;
	p->level = e ? (uint32_t)atoi(e->col[1]) : (uint32_t)level;
	p->kind = e ? e->col[2] : NULL;
	p->name = bm_pool_add(d, d->text + s->t[i].start,
			      s->t[j - 1].end - s->t[i].start);
	if (p->level < PLACE_LEVELS) {
		s->last[p->level].pl = (int32_t)(d->npl - 1);
		s->last[p->level].sent = s->si;
	}
}

/* A place word and its name at i ("tỉnh Yên Bái", "TP Hà Nội", "quận 1",
 * "TP.HCM").  Returns the end (0: none); *bare_at the name's first token
 * (== end for a bare place word), *level its level. */
static size_t kind_place_at(scan *s, size_t i, size_t *bare_at, int *level,
			    int count)
{
	const bm_lex_entry *e;
	size_t n = match(s, &s->L->acr, i, &e);
	if (n && strcmp(e->col[2], "loc") == 0) {
		*bare_at = i;
		*level = 1;
		return i + n;
	}
	n = match(s, &s->L->placeword, i, &e);
	if (!n)
		return 0;
	*level = atoi(e->col[1]);
	/* "châu Âu" in lower case; "Á Châu" ends a name */
	if (*level == 0 && !bm_lex_col(e, 2) && fl(s, i, BM_TK_CAP))
		return 0;
	size_t j = i + n;
	*bare_at = j;
	/* "Phát triển nông thôn": the word ends a word of known names */
	if (*level > 3 && i > 0 && (s->t[i - 1].flags & BM_TK_WORD) &&
	    bm_u64map_get(&s->L->bigram, bm_phrase_step(s->t[i - 1].h, s->t[i].h)))
		return 0;
	/* "Bảo hiểm xã hội", "Gia đình và Xã hội": the word and the next
	 * make a word of known names, no place */
	if (fl(s, j, BM_TK_LOWER) && !(s->t[j].flags & BM_TK_NL) &&
	    bm_u64map_get(&s->L->bigram, bm_phrase_step(s->t[j - 1].h, s->t[j].h)))
		return 0;
	const bm_lex_entry *pe = NULL;
	size_t end = place_at(s, j, 3, &pe);
	if (!end && fl(s, j, BM_TK_DIGIT))
		end = j + 1;
	/* a street may bear a person's name ("phố Lê Văn Sỹ"): no person */
	if (!end && fl(s, j, BM_TK_CAP) && !fl(s, j, BM_TK_ALLCAP) &&
	    (*level > 3 || person_run(s, j, 1) < j + 2)) {
		end = j;
		while (end < s->lim && end - j < 4 && fl(s, end, BM_TK_CAP) &&
		       !match(s, &s->L->stop_all, end, NULL) &&
		       !match(s, &s->L->org, end, NULL) &&
		       !title_at(s, end, NULL))
			end++;
	}
	if (!end || end == j)
		/* a bare place word ("UBND tỉnh"), but an address word without
		 * a name is an ordinary word ("nông thôn") */
		return *level > 3 ? 0 : j;
	if (count)
		count_place(s, j, end, *level);
	return end;
}

/* The end of a list of more streets after one ("đường Bùi Dương Lịch -
 * Dương Vân Nga - Khúc Hạo", "phố Lê Duẩn, Kim Mã và Giảng Võ"): after a
 * dash, a comma or "và", a capitalized run that starts no organization,
 * place, title or honorific is another street of the list. */
/* The end of a street's name at k: up to four capitalized words, no stop
 * word. */
static size_t street_name_end(const scan *s, size_t k)
{
	size_t e = k;
	while (e < s->lim && e < k + 4 && fl(s, e, BM_TK_CAP) &&
	       !(s->t[e].flags & BM_TK_NL) && !match(s, &s->L->stop_all, e, NULL))
		e++;
	return e;
}

static size_t address_list(scan *s, size_t j)
{
	for (int items = 0; items < 16 && j + 1 < s->lim; items++) {
		if (!(is_char(s, j, "-") || is_char(s, j, "\xE2\x80\x93") ||
		      is_char(s, j, ",") || is_char(s, j, "và")))
			break;
		size_t k = j + 1;
		if (!fl(s, k, BM_TK_CAP) || fl(s, k, BM_TK_ALLCAP) ||
		    (s->t[k].flags & BM_TK_NL) || match(s, &s->L->org, k, NULL) ||
		    place_at(s, k, 2, NULL) || title_at(s, k, NULL) ||
		    match(s, &s->L->hon, k, NULL) || match(s, &s->L->stop_all, k, NULL))
			break;
		j = street_name_end(s, k);
	}
	return j;
}

/* "các tuyến đường như Lý Tự Trọng, Nguyễn Du": the end of a list of
 * streets at i, after "như", "là" or a colon that a street word comes
 * at most three words before, or 0. */
static size_t street_list_at(scan *s, size_t i)
{
	if (i < 2 || !(is_char(s, i - 1, "như") || is_char(s, i - 1, "là") ||
		       is_char(s, i - 1, ":")))
		return 0;
	const bm_lex_entry *pw;
	int street = 0;
	for (size_t m = 1; m <= 3 && m < i && !street; m++)
		street = match(s, &s->L->placeword, i - 1 - m, &pw) && atoi(pw->col[1]) > 3;
	if (!street)
		return 0;
	size_t e = street_name_end(s, i);
	return e > i ? address_list(s, e) : 0;
}

/* "và", "&", "-" between two parts of a name ("Lao động - Thương binh và
 * Xã hội"). */
static int is_joiner(const scan *s, size_t j)
{
	return is_char(s, j, "và") || is_char(s, j, "&") || is_char(s, j, "-") ||
	       is_char(s, j, "\xE2\x80\x93");
}

/* A dot between a capital letter and a capitalized word written against
 * both ("T.Ư"): a word of initials goes on. */
static int dotted_initial(const scan *s, size_t j)
{
	return j > 0 && j + 1 < s->lim && is_char(s, j, ".") &&
	       s->t[j - 1].end == s->t[j].start && s->t[j].end == s->t[j + 1].start &&
	       (s->t[j - 1].flags & BM_TK_CAP) && s->t[j - 1].end - s->t[j - 1].start <= 2 &&
	       fl(s, j + 1, BM_TK_CAP);
}

/* A parent named right after a name at k: "(Bộ Y tế)", ", Bộ Công an",
 * "- Bộ VHTTDL", "thuộc Tổng cục Thủy lợi". */
static int parent_follows(const scan *s, size_t k)
{
	const bm_lex_entry *e;
	size_t n = 0;
	if (is_char(s, k, "(") || is_char(s, k, ",") || is_char(s, k, "-") ||
	    is_char(s, k, "\xE2\x80\x93"))
		n = 1;
	else if (!(n = match(s, &s->L->partof, k, &e)) ||
		 strcmp(e->col[0], "của") == 0) /* "của" follows verbs too */
		return 0;
	return fl(s, k + n, BM_TK_CAP) && match(s, &s->L->org, k + n, &e) &&
	       (strcmp(e->col[1], "head") == 0 || strcmp(e->col[1], "name") == 0);
}

/* Whether token i is a year ("2017"), no part of a name. */
static int year_at(const scan *s, size_t i)
{
	const char *p = s->d->text + s->t[i].start;
	return s->t[i].end - s->t[i].start == 4 &&
	       ((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0'));
}

/* Whether the number at j ends the name before it ("Bệnh viện Nhân dân
 * 115.", "Công ty Licogi 13"): a capitalized word or a word known in
 * names before it, no word after it, and no year, date, decimal or
 * count ("góp 98,5%"). */
static int number_ends_name(const scan *s, size_t j)
{
	if (j < 1 || year_at(s, j))
		return 0;
	int known = j >= 2 && bm_u64map_get(&s->L->bigram,
					    bm_phrase_step(s->t[j - 2].h,
							   s->t[j - 1].h)) != NULL;
	if (is_char(s, j - 1, "số"))
		return 1; /* "Đội CSGT số 1 làm nhiệm vụ" */
	if (!fl(s, j - 1, BM_TK_CAP) && !known)
		return 0;
	if (j + 1 >= s->lim)
		return 1;
	/* "THCS Dương Đông 1 và THCS Dương Đông 2" */
	if (is_char(s, j + 1, "và") && fl(s, j + 2, BM_TK_CAP))
		return 1;
	if (fl(s, j + 1, BM_TK_WORD) || is_char(s, j + 1, "/") || is_char(s, j + 1, "-"))
		return 0;
	/* "1.000", "98,5" */
	return !(fl(s, j + 2, BM_TK_DIGIT) && s->t[j + 2].start == s->t[j + 1].end);
}

/* The end of a run of the lower-case words of names (namewords.tsv) from
 * j when a boundary closes it (punctuation, the end of the line, a
 * function word, a cue, a capitalized word, a place word), else j:
 * "Viện nghiên cứu phát triển xã hội, ..." but not "Công ty X xây dựng
 * nhà". */
static size_t nameword_run(const scan *s, size_t j, int strict)
{
	size_t k = j, n;
	while (fl(s, k, BM_TK_LOWER) && !(s->t[k].flags & BM_TK_NL) &&
	       (n = match(s, &s->L->nameword, k, NULL)))
		k += n;
	if (k == j)
		return j;
	/* strict: not a verb first ("Trưởng ban thi đua khen thưởng", not
	 * "Thứ trưởng thông tin.") */
	if (strict && (match(s, &s->L->stop_lower, j, NULL) ||
		       match(s, &s->L->stop_all, j, NULL)))
		return j;
	if (k >= s->lim || !fl(s, k, BM_TK_WORD) ||
	    (s->t[k].flags & BM_TK_NL) || fl(s, k, BM_TK_CAP))
		return k;
	if (match(s, &s->L->stop_all, k, NULL) || match(s, &s->L->stop_lower, k, NULL) ||
	    match(s, &s->L->partof, k, NULL) || match(s, &s->L->coop, k, NULL) ||
	    match(s, &s->L->hold, k, NULL) || match(s, &s->L->former, k, NULL) ||
	    match(s, &s->L->placeword, k, NULL))
		return k;
	return j;
}

/* The organization tail after a head ending at j0: capitalized words,
 * the lower-case words known to follow them in names, a place ("tỉnh X")
 * that ends it.  synth: TAIL_SYNTH, the head came from a unit title, or
 * TAIL_NAMED, the head names a unit by itself ("Sở Tư pháp", "Thành
 * ủy"): no person may start the tail; TAIL_FIRM, a company's head
 * (heads.tsv's "lower" ones); mode: what the head starts
 * (TAIL_ORG, TAIL_LAW, TAIL_SITE).  Returns the end; *kind is set when it
 * ends in a bare place word. */
enum { TAIL_ORG, TAIL_LAW, TAIL_SITE };
enum { TAIL_SYNTH = 1, TAIL_NAMED = 2, TAIL_FIRM = 4 };

static size_t org_tail(scan *s, size_t j0, int synth, int mode,
		       int *kind)
{
	size_t j = j0, end = j0;
	int lowers = 0, caps = 0; /* capitalized words taken after the head */
	size_t guess = SIZE_MAX; /* a lower-case word taken on no evidence */
	const bm_lex_entry *e;
	*kind = 0;
	while (j < s->lim && j - j0 < ORG_MAX_TOK) {
		if (j > j0 && (s->t[j].flags & BM_TK_NL))
			break;
		if (!fl(s, j, BM_TK_WORD) && !is_joiner(s, j) && !dotted_initial(s, j))
			break;
		if (is_joiner(s, j) && end == j && j > j0 && fl(s, j + 1, BM_TK_CAP) &&
		    !match(s, &s->L->org, j + 1, NULL) &&
		    !place_at(s, j + 1, 2, NULL) && !person_run(s, j + 1, 1)) {
			j++; /* "Bộ Tài nguyên và Môi trường" */
			continue;
		}
		/* "Cục X - Bộ Y": a dash before another name ends this one */
		if (!fl(s, j, BM_TK_WORD) && fl(s, j + 1, BM_TK_CAP) &&
		    match(s, &s->L->org, j + 1, NULL))
			break;
		if (stop_in_name(s, j) || (!fl(s, j, BM_TK_CAP) &&
					   match(s, &s->L->stop_all, j, NULL)))
			break;
		if (mode == TAIL_ORG && title_at(s, j, NULL))
			break;
		if (fl(s, j + 1, BM_TK_CAP) && match(s, &s->L->hon, j, NULL))
			break;
		/* "Viện X TS Khuất Thu Hồng": a degree or a rank starts the
		 * next name */
		if (j > j0 && fl(s, j, BM_TK_CAP) &&
		    (match(s, &s->L->degree, j, NULL) || match(s, &s->L->rank, j, NULL)))
			break;
		size_t bare_at;
		int lv;
		size_t pe = 0;
		if (!(fl(s, j, BM_TK_CAP) && match(s, &s->L->org, j, NULL)))
			pe = kind_place_at(s, j, &bare_at, &lv, 1);
		if (pe) {
			if (pe == bare_at && pe > j)
				*kind = 1;
			end = pe;
			break;
		}
		if (fl(s, j, BM_TK_CAP)) {
			size_t p = place_at(s, j, 2, NULL);
			if (p) {
				if (j > j0 || !(synth & TAIL_SYNTH))
					count_place(s, j, p, 1);
				end = p;
				break;
			}
			/* a person after the name ends it, but a name may follow
			 * a known acronym ("Trường THPT Nguyễn Huệ"; "Công ty
			 * PVC-KB Đỗ Văn Hồng" is a company and its head) */
			/* ("Công ty TNHH thương mại Hoàng Long": after a
			 * company's head and its line of business in lower
			 * case, the capitalized words are its own name) */
			if ((end > j0 || (synth & (TAIL_SYNTH | TAIL_NAMED))) && mode == TAIL_ORG &&
			    !((synth & TAIL_FIRM) && !caps &&
			      !(s->d->nch && s->d->ch[s->d->nch - 1].kind == CK_TITLE)) &&
			    !(j > 0 && fl(s, j - 1, BM_TK_ALLCAP) &&
			      ((match(s, &s->L->acr, j - 1, &e) &&
				strcmp(e->col[2], "none") != 0) ||
			       match(s, &s->L->org, j - 1, NULL)))) {
				size_t pr = person_run(s, j, 1);
				/* "Bộ trưởng Kinh tế Emmanuel Macron": after a
				 * title, a foreign name is its holder's */
				int after_title = s->d->nch > 0 &&
					s->d->ch[s->d->nch - 1].kind == CK_TITLE;
				if (pr >= j + 2 ||
				    (after_title && foreign_word(s, j) &&
				     foreign_word(s, j + 1) && fl(s, j + 1, BM_TK_CAP)))
					break;
			}
			/* a word of a line of business is no name of its own
			 * ("Thương mại") */
			if (!match(s, &s->L->nameword, j, NULL))
				caps++;
			end = ++j;
			lowers = 0;
			continue;
		}
		if (fl(s, j, BM_TK_DIGIT)) {
			/* "Quân đoàn 2", and a number that ends the name
			 * ("Bệnh viện Nhân dân 115."), not a count ("3 năm") */
			if (j == end && (j == j0 || fl(s, j - 1, BM_TK_DIGIT) ||
					 number_ends_name(s, j)))
				end = ++j;
			else
				break;
			continue;
		}
		/* a joining sign left: only inside a written-together pair
		 * ("Thừa Thiên-Huế"), not before or after a space */
		if (!fl(s, j, BM_TK_WORD)) {
			if (j == end && j > 0 && j + 1 < s->lim &&
			    s->t[j - 1].end == s->t[j].start &&
			    s->t[j].end == s->t[j + 1].start && fl(s, j + 1, BM_TK_CAP)) {
				j++;
				continue;
			}
			break;
		}
		/* a lower-case word */
		if (j != end || j == 0)
			break;
		if (match(s, &s->L->partof, j, &e) && strcmp(e->col[0], "của") == 0) {
			const bm_lex_entry *oe;
			size_t n = match(s, &s->L->org, j + 1, &oe);
			if (n && fl(s, j + 1, BM_TK_CAP) &&
			    strcmp(oe->col[1], "name") == 0) {
				end = j + 1 + n;
				break;
			}
		}
		size_t pba;
		int plv;
		/* "X trực thuộc Y": a part-of cue ends the name */
		if (match(s, &s->L->partof, j, NULL) ||
		    match(s, &s->L->stop_all, j, NULL) ||
		    match(s, &s->L->hon, j, NULL) ||
		    kind_place_at(s, j, &pba, &plv, 0))
			break;
		/* "Viện nghiên cứu phát triển xã hội": after the head or a
		 * lower-case word of the name, the words of names up to a
		 * boundary */
		if (mode == TAIL_ORG && (!fl(s, j - 1, BM_TK_ALLCAP) || (synth & TAIL_FIRM)) &&
		    (end == j0 || fl(s, j - 1, BM_TK_LOWER))) {
			/* right after a unit title's unit, not written: no
			 * run that starts with a verb */
			size_t k = nameword_run(s, j, (synth & TAIL_SYNTH) && end == j0);
			if (k > j) {
				lowers = 0;
				end = j = k;
				continue;
			}
		}
		/* a pair of words seen in a known name goes on */
		int known = bm_u64map_get(&s->L->bigram,
					  bm_phrase_step(s->t[j - 1].h,
							 s->t[j].h)) != NULL;
		if (!known && match(s, &s->L->stop_lower, j, NULL))
			break;
		/* "Hội đồng quản trị PVOIL cảm ơn", "Đảng Batkivshina đối":
		 * an acronym (not a word of acronyms.tsv: "TNHH", "THPT") or a
		 * foreign word ends a name, a lower-case word after it starts
		 * the sentence's next part ("số" goes on: "Đội CSGT số 1") */
		if (!known && j > j0 && !is_char(s, j, "số") &&
		    ((fl(s, j - 1, BM_TK_ALLCAP) && !match(s, &s->L->acr, j - 1, NULL)) ||
		     foreign_word(s, j - 1)))
			break;
		if (!known && (lowers >= 1 || end == j0)) {
			/* a short lower-case run that a capitalized word or a
			 * place closes belongs to the name ("Trung tâm Y tế dự
			 * phòng tỉnh Nghệ An") */
			size_t k = j;
			while (k < s->lim && k < j + ORG_LOWER_RUN && fl(s, k, BM_TK_LOWER) &&
			       !match(s, &s->L->stop_all, k, NULL) &&
			       !match(s, &s->L->stop_lower, k, NULL) &&
			       !match(s, &s->L->partof, k, NULL) &&
			       !match(s, &s->L->hon, k, NULL) &&
			       !match(s, &s->L->placeword, k, NULL) &&
			       !title_at(s, k, NULL))
				k++;
			size_t ba;
			int lv2;
			/* a longer one that its parent closes ("Cục An ninh
			 * kinh tế nông thôn (Bộ Công an)") */
			if (k > j && parent_follows(s, k) && !(s->t[k].flags & BM_TK_NL)) {
				lowers = 0;
				end = j = k;
				continue;
			}
			/* or a province or district that closes it ("Chi cục An
			 * toàn vệ sinh thực phẩm Nghệ An") */
			if (k > j + 2 && !(k < s->lim && !(s->t[k].flags & BM_TK_NL) &&
					   place_at(s, k, 2, NULL)))
				break;
			if (k > j && k < s->lim && !(s->t[k].flags & BM_TK_NL) &&
			    ((fl(s, k, BM_TK_CAP) && !match(s, &s->L->stop_all, k, NULL) &&
			      !match(s, &s->L->org, k, NULL) && !title_at(s, k, NULL) &&
			      /* a company may bear a person's name: "Công ty
			       * TNHH thương mại Hoàng Long" */
			      ((synth & TAIL_FIRM) || person_run(s, k, 1) < k + 2)) ||
			     kind_place_at(s, k, &ba, &lv2, 0) > ba)) {
				lowers = 0;
				end = j = k;
				continue;
			}
			break;
		}
		/* "Công ty Cường Hưng đầu tư dự án": a company's own name (two
		 * capitalized words or more) comes last, a lower-case word
		 * after it is the verb; after one capitalized word it is its
		 * line of business ("Công ty cổ phần Hóa dầu") */
		if (!known && (synth & TAIL_FIRM) && j >= j0 + 2 &&
		    fl(s, j - 1, BM_TK_CAP) && fl(s, j - 2, BM_TK_CAP))
			break;
		if (!known)
			guess = j;
		lowers++;
		end = ++j;
	}
	/* "Hoàng thành Thăng Long cách ...": a site's name does not end in
	 * a lower-case word taken on no evidence */
	if (mode == TAIL_SITE && guess != SIZE_MAX && end == guess + 1 &&
	    end < s->lim && fl(s, end, BM_TK_LOWER) && !(s->t[end].flags & BM_TK_NL))
		end = guess;
	return end;
}

size_t bm_org_at(const bm_lexset *L, const bm_docstate *d, size_t i,
		 size_t lim, const bm_lex_entry **head, size_t *head_end,
		 int *has_name)
{
	/* read-only: places are not counted again */
	scan s;
	scan_init(&s, L, (bm_docstate *)d, lim, 0);
	const bm_lex_entry *e;
	*has_name = 0;
	if (!fl(&s, i, BM_TK_CAP))
		return 0;
	size_t n = match(&s, &L->org, i, &e);
	if (!n)
		return 0;
	*head = e;
	*head_end = i + n;
	if (strcmp(e->col[1], "name") == 0) {
		*has_name = 1;
		return i + n;
	}
	int kind;
	size_t end = org_tail(&s, i + n, 0, TAIL_ORG, &kind);
	/* a generic head that is a proper name by itself ("Mặt trận Tổ quốc
	 * Việt Nam", "MTTQ Việt Nam") names a parent too */
	size_t caps = 0; /* an acronym stands for two words at least */
	for (size_t k = i; k < i + n; k++)
		caps += (s.t[k].flags & BM_TK_ALLCAP) ? 2 : (s.t[k].flags & BM_TK_CAP) != 0;
	*has_name = (end > i + n || caps >= 3) && !kind;
	return end;
}

void bm_canon_words(const bm_lexset *L, const bm_docstate *d, size_t i,
		    size_t j, bm_buf *b)
{
	const bm_tok *t = d->toks.v;
	for (size_t k = i; k < j;) {
		if (k > i && (t[k].flags & BM_TK_SPACE))
			bm_buf_putc(b, ' ');
		size_t n = 0;
		const bm_lex_entry *e = NULL;
		/* "TNHH", and dotted initials ("T.Ư") */
		if ((t[k].flags & BM_TK_ALLCAP) ||
		    ((t[k].flags & BM_TK_CAP) && k + 1 < j && t[k + 1].start == t[k].end &&
		     t[k].end - t[k].start <= 2))
			e = bm_lex_match(&L->acr, &d->toks, k, j, &n);
		if (e && strcmp(e->col[2], "part") != 0 &&
		    strcmp(e->col[2], "none") != 0) {
			bm_buf_puts(b, e->col[1]);
			k += n;
			/* "TP.Đà Nẵng": the dot of the short form goes */
			if (strcmp(e->col[2], "kind") == 0 && k + 1 < j &&
			    t[k].end - t[k].start == 1 && d->text[t[k].start] == '.' &&
			    (t[k + 1].flags & BM_TK_CAP)) {
				bm_buf_putc(b, ' ');
				k++;
				if (!(t[k].flags & BM_TK_SPACE))
					continue;
				b->len--; /* the space comes from the text */
				b->data[b->len] = 0;
			}
			continue;
		}
		bm_buf_put(b, d->text + t[k].start, t[k].end - t[k].start);
		k++;
	}
}

static bm_chunk *push(scan *s, int kind, size_t t0, size_t t1, uint32_t sent)
{
	bm_docstate *d = s->d;
	if (d->nch == d->capch) {
		d->capch = d->capch ? 2 * d->capch : 256;
		d->ch = bm_xrealloc(d->ch, d->capch * sizeof *d->ch);
	}
	bm_chunk *c = &d->ch[d->nch++];
	memset(c, 0, sizeof *c);
	c->kind = (uint16_t)kind;
	c->t0 = (uint32_t)t0;
	c->t1 = (uint32_t)t1;
	c->sent = sent;
	c->ent = -1;
	c->name = c->bare = c->role = c->near = -1;
	return c;
}

static int32_t canon(scan *s, const char *prefix, size_t i, size_t j)
{
	bm_buf *b = &s->d->scratch;
	bm_buf_clear(b);
	if (prefix) {
		bm_buf_puts(b, prefix);
		if (j > i)
			bm_buf_putc(b, ' ');
	}
	bm_canon_words(s->L, s->d, i, j, b);
	return bm_pool_add(s->d, b->data ? b->data : "", b->len);
}

static uint64_t words_hash(const bm_lexset *L, const char *str)
{
	return bm_text_hash(L->fold, str, strlen(str), 1, NULL);
}

/* A name of its own starts at j: a capitalized word that is no
 * province or district, organization, title, rank, degree, stop word or
 * person. */
static int other_name_at(const scan *s, size_t j)
{
	return fl(s, j, BM_TK_CAP) && !fl(s, j, BM_TK_ALLCAP) &&
	       s->t[j].end - s->t[j].start > 1 && !(s->t[j].flags & BM_TK_NL) &&
	       !place_at(s, j, 2, NULL) &&
	       !match(s, &s->L->org, j, NULL) && !title_at(s, j, NULL) &&
	       !match(s, &s->L->rank, j, NULL) && !match(s, &s->L->degree, j, NULL) &&
	       !match(s, &s->L->stop_all, j, NULL) && !match(s, &s->L->hon, j, NULL) &&
	       person_run(s, j, 1) < j + 2;
}

/* "tỉnh Nghệ An ... UBND tỉnh": a name ending in a bare place word takes
 * the place of that kind read last in the same sentence, if any. */
static void set_near(scan *s, bm_chunk *c)
{
	if (!(c->flags & CF_KIND) || c->sub >= PLACE_LEVELS || c->bare < 0)
		return;
	if (s->last[c->sub].pl < 0 || s->last[c->sub].sent != s->si)
		return;
	const bm_placecount *lp = &s->d->pl[s->last[c->sub].pl];
	const char *w = bm_pool_str(s->d, c->bare);
	if (!lp->kind || strcmp(lp->kind, w) == 0)
		c->near = s->last[c->sub].pl;
}

/* Whether token k is a lower-case content word on the line: no function
 * word nor cue ("dân chủ", not "của", "phối hợp"). */
static int plain_lower(const scan *s, size_t k)
{
	return fl(s, k, BM_TK_LOWER) && !(s->t[k].flags & BM_TK_NL) &&
	       !match(s, &s->L->stop_all, k, NULL) &&
	       !match(s, &s->L->stop_lower, k, NULL) &&
	       !match(s, &s->L->partof, k, NULL) &&
	       !match(s, &s->L->coop, k, NULL);
}

/* The end of a run of lower-case words (no function word) closed by a
 * country ("xã hội dân chủ Thụy Điển"), or 0. */
static size_t lower_country(const scan *s, size_t j)
{
	size_t k = j;
	while (k < s->lim && k < j + ORG_LOWER_RUN && plain_lower(s, k))
		k++;
	if (k == j || (s->t[k].flags & BM_TK_NL))
		return 0;
	return place_at(s, k, 0, NULL);
}

/* Whether a head written in lower case at i, n words long, starts an
 * organization: its first words are a head of heads.tsv's "lower", and
 * a legal form in capitals ends it ("công ty TNHH gang thép X") or a
 * capitalized name follows that is no place, country, title or stop word
 * ("công ty Formosa", not "công ty Trung Quốc"). */
static int lower_head(const scan *s, size_t i, size_t n)
{
	size_t m = match(s, &s->L->lowerhead, i, NULL);
	if (!m || m > n || !fl(s, i, BM_TK_LOWER) || (s->t[i + n - 1].flags & BM_TK_NL))
		return 0;
	/* "Hội chợ Thương mại": the head ends a word (stopwords.tsv) */
	if (i > 0 && (s->t[i - 1].flags & BM_TK_WORD) &&
	    bm_lex_exact(&s->L->stop_lower, &s->d->toks, i - 1, i + 1))
		return 0;
	if (n > 1 && fl(s, i + n - 1, BM_TK_ALLCAP))
		return fl(s, i + n, BM_TK_WORD) && !(s->t[i + n].flags & BM_TK_NL);
	size_t j = i + n;
	return fl(s, j, BM_TK_CAP) && !(s->t[j].flags & BM_TK_NL) &&
	       !place_at(s, j, 2, NULL) && !match(s, &s->L->stop_all, j, NULL) &&
	       !title_at(s, j, NULL) && !match(s, &s->L->hon, j, NULL);
}

/* The end of a foreign owner written after a complete name at j, or 0:
 * capitalized words closed by a country other than Việt Nam ("Ban Chấp
 * hành Trung ương Đảng" + "Cộng sản Trung Quốc", "Bộ Chính trị" + "Đảng
 * Nhân dân Cách mạng Lào"): the organ of another country's party. */
static size_t foreign_owner(const scan *s, size_t j)
{
	size_t k = j, pe = 0;
	const bm_lex_entry *ce = NULL;
	if (!fl(s, j, BM_TK_CAP))
		return 0;
	/* at once, most of the time: no capitalized word that may start a
	 * place in reach */
	for (k = j + 1; k < s->lim && k < j + 6 &&
			!(fl(s, k, BM_TK_CAP) && (s->d->mask[k] & s->L->place.bit));
	     k++)
		;
	if (k >= s->lim || k >= j + 6)
		return 0;
	k = j;
	while (k < s->lim && k < j + 6 &&
	       ((fl(s, k, BM_TK_CAP) && !fl(s, k, BM_TK_ALLCAP) &&
		 !match(s, &s->L->stop_all, k, NULL) && !title_at(s, k, NULL)) ||
		plain_lower(s, k)) &&
	       !(s->t[k].flags & BM_TK_NL) && !(pe = place_at(s, k, 0, &ce)))
		k++;
	if (!pe || k == j || strcmp(ce->col[0], "Việt Nam") == 0)
		return 0;
	return pe;
}

/* "Ban Thường vụ Tỉnh ủy": a name [i, end) ending in a head that implies
 * its kind of place (heads.tsv's place column); that kind, or NULL. Such
 * a name is completed like a bare one. */
static const char *implied_place(const scan *s, size_t i, size_t end)
{
	for (size_t m = 1; m <= 3 && m < end - i; m++) {
		const bm_lex_entry *ie = bm_lex_exact(&s->L->org, &s->d->toks, end - m, end);
		if (ie && fl(s, end - m, BM_TK_CAP) && bm_lex_col(ie, 4))
			return bm_lex_col(ie, 4);
	}
	return NULL;
}

/* Chunk c names a unit of the kind of place kind ("tỉnh"), completed by
 * the place (CF_BARE: a bare one already is). */
static void set_implied(scan *s, bm_chunk *c, const char *kind)
{
	c->flags |= CF_BARE | CF_KIND | CF_IMPLIED;
	c->bare = bm_pool_add(s->d, kind, strlen(kind));
	c->sub = strcmp(kind, "tỉnh") == 0 || strcmp(kind, "thành phố") == 0 ? 1 : 2;
}

/* Whether the head of n words at i is followed by its own acronym in
 * brackets ("Ủy ban nhân dân (UBND)", "Hội đồng quản trị (HĐQT)"). */
static int head_acronym_at(const scan *s, size_t i, size_t n)
{
	size_t j = i + n;
	const bm_lex_entry *a;
	size_t an = 0;
	if (!is_char(s, j, "(") || !fl(s, j + 1, BM_TK_ALLCAP) || !is_char(s, j + 2, ")") ||
	    !(an = match(s, &s->L->acr, j + 1, &a)) || an != 1)
		return 0;
	uint64_t h = 0;
	for (size_t k = i; k < j; k++)
		if (s->t[k].flags & BM_TK_WORD)
			h = bm_phrase_step(h, s->t[k].h);
	return h == bm_text_hash(s->L->fold, a->col[1], strlen(a->col[1]), 1, NULL);
}

/* An organization (or law, or named site) at i; pushes it and returns its
 * end, or 0. */
static size_t org_chunk(scan *s, size_t i, uint32_t sent)
{
	const bm_lex_entry *e;
	/* right after a title, a head may be written in lower case */
	int after_title = !fl(s, i, BM_TK_CAP) && s->d->nch &&
			  s->d->ch[s->d->nch - 1].kind == CK_TITLE &&
			  s->d->ch[s->d->nch - 1].t1 == i;
	if (!fl(s, i, BM_TK_CAP) && !(s->d->mask[i] & s->L->lowerhead.bit) &&
	    !(after_title && (s->d->mask[i] & s->L->org.bit)))
		return 0;
	size_t n = match(s, &s->L->org, i, &e);
	if (!n || match(s, &s->L->stop_all, i, NULL) > n)
		return 0;
	/* "Bí thư tỉnh ủy", "Giám đốc sở Xây dựng": a head that implies its
	 * place, or a unit named whole (not "vụ", a case) */
	if (!fl(s, i, BM_TK_CAP) &&
	    !(after_title && ((bm_lex_col(e, 4) && n == e->ntok) || bm_org_is_generic(e) ||
			      (n >= 3 && strcmp(e->col[1], "name") == 0) ||
			      /* "Tổng biên tập báo Tuổi Trẻ" */
			      (fl(s, i + n, BM_TK_CAP) && !(s->t[i + n].flags & BM_TK_NL) &&
			       !place_at(s, i + n, 3, NULL) && !person_run(s, i + n, 1)))) &&
	    !lower_head(s, i, n))
		return 0;
	const char *cls = e->col[1];
	int kind = 0;
	size_t end, t0 = i + n; /* t0: where the name after the head starts */
	int ck = CK_ORG, own = 0;
	uint16_t flags = 0;
	if (strcmp(cls, "name") == 0) {
		end = i + n;
		flags |= CF_COMPLETE;
		/* "Quốc hội Bồ Đào Nha", "Chính phủ Thụy Điển" */
		size_t ce = place_at(s, end, 0, NULL);
		if (ce)
			end = ce;
		else if ((ce = foreign_owner(s, end))) {
			end = ce;
			own = 1;
		}
		/* a short form followed by a name of its own heads that name
		 * ("Đảng" is the Party, "Đảng Dân chủ Xã hội Đức" another) */
		else if (bm_lex_col(e, 3) &&
			 bm_text_starts_with(s->L->fold, e->col[3], e->col[0]) &&
			 (ce = lower_country(s, end))) {
			/* "Đảng xã hội dân chủ Thụy Điển": written in lower
			 * case up to its country, another party */
			end = ce;
			own = 1;
		} else if (bm_lex_col(e, 3) &&
			 bm_text_starts_with(s->L->fold, e->col[3], e->col[0]) &&
			 other_name_at(s, end)) {
			int k2 = 0;
			size_t te = org_tail(s, end, 0, TAIL_ORG, &k2);
			/* it ends in a capitalized word, at the latest after a
			 * country ("Đảng Nhân dân Cách mạng Lào") */
			for (size_t k = end; k < te; k++) {
				const bm_lex_entry *pe;
				size_t pn = match(s, &s->L->place, k, &pe);
				if (pn && fl(s, k, BM_TK_CAP) && atoi(pe->col[1]) == 0 &&
				    k + pn <= te) {
					te = k + pn;
					break;
				}
			}
			while (te > end && !fl(s, te - 1, BM_TK_CAP) &&
			       !(fl(s, te - 2, BM_TK_CAP) && !fl(s, te - 2, BM_TK_ALLCAP) &&
				 !match(s, &s->L->stop_lower, te - 1, NULL) &&
				 !match(s, &s->L->stop_all, te - 1, NULL)))
				te--; /* "Bảo thủ", "Trung ương" stay */
			if (te > end && !k2) {
				end = te;
				own = 1;
			}
		}
	} else {
		int loc = strcmp(cls, "loc") == 0;
		if (loc)
			ck = CK_LOC;
		else if (strcmp(cls, "law") == 0)
			ck = CK_LAW;
		/* a unit named by its head alone ("Sở Tư pháp", "Thành ủy")
		 * ends before a person ("Bí thư Thành ủy Đinh La Thăng") */
		int named = bm_org_is_generic(e) || bm_lex_col(e, 4) != NULL;
		int mode = loc ? TAIL_SITE : ck == CK_LAW ? TAIL_LAW : TAIL_ORG;
		/* "Ủy ban nhân dân (UBND) tỉnh Nghệ An": the head's own
		 * acronym in brackets, the name going on after it */
		if (ck == CK_ORG && head_acronym_at(s, i, n))
			t0 = i + n + 3;
		/* a company's head, also written short ("Cty CP") */
		int firm = match(s, &s->L->lowerhead, i, NULL) > 0;
		end = org_tail(s, t0, (named ? TAIL_NAMED : 0) | (firm ? TAIL_FIRM : 0),
			       mode, &kind);
		if (end == t0 && t0 > i + n) /* nothing after it */
			end = t0 = i + n;
		/* "Đại sứ quán Việt Nam tại Campuchia": an office's place */
		size_t at;
		if (end > t0 && !kind && bm_org_takes_at(e) && is_char(s, end, "tại") &&
		    !(s->t[end].flags & BM_TK_NL) && (at = place_at(s, end + 1, 2, NULL)))
			end = at;
		if (end == t0 || kind)
			flags |= CF_BARE;
		if (kind)
			flags |= CF_KIND;
		if (strcmp(cls, "owner") == 0)
			flags |= CF_OWNER;
	}
	if (ck != CK_ORG && (flags & CF_BARE))
		return 0;
	const char *implied = NULL;
	if (ck == CK_ORG && !(flags & CF_BARE) && !(flags & CF_COMPLETE))
		implied = implied_place(s, i, end);
	bm_chunk *c = push(s, ck, i, end, sent);
	c->flags = flags;
	c->lx = e;
	/* embedded parents start at word 2 of a name spelled whole ("Văn
	 * phòng Chính phủ", "Thường trực HĐND tỉnh X"); inside the head word
	 * of a kind of unit, only at a complete name ("Đoàn Đại biểu Quốc
	 * hội" is of Quốc hội, "Tổng Công ty PVC" of no "Công ty PVC") */
	size_t h0 = i + 1;
	if ((strcmp(cls, "head") == 0 || strcmp(cls, "owner") == 0) &&
	    !bm_org_is_generic(e)) {
		const bm_lex_entry *ie;
		while (h0 < i + n && !(match(s, &s->L->org, h0, &ie) &&
				       strcmp(ie->col[1], "name") == 0))
			h0++;
	}
	c->h0 = (uint32_t)h0;
	const char *full = own ? NULL : bm_lex_col(e, 3);
	/* "Ngân hàng Agribank", "Tập đoàn Viettel": a head and a known name
	 * that the head starts are that name */
	const char *same = NULL;
	if (ck == CK_ORG && !(flags & (CF_BARE | CF_COMPLETE)) && end > t0) {
		const bm_lex_entry *ne = bm_lex_exact(&s->L->org, &s->d->toks, t0, end);
		const char *nf = ne ? bm_lex_col(ne, 3) : NULL;
		if (!nf && ne)
			nf = ne->col[0];
		if (ne && strcmp(ne->col[1], "name") == 0 &&
		    bm_text_starts_with(s->L->fold, nf, full ? full : e->col[0]))
			same = nf;
	}
	if (same) {
		c->name = bm_pool_add(s->d, same, strlen(same));
		flags |= CF_COMPLETE;
		c->flags = flags;
	} else if (full && end == t0) {
		c->name = bm_pool_add(s->d, full, strlen(full));
	} else if (full) {
		c->name = canon(s, full, t0, end);
	} else if (t0 > i + n) { /* the head as written, the bracket left out */
		bm_buf hb;
		bm_buf_init(&hb);
		bm_buf_put(&hb, s->d->text + s->t[i].start, s->t[i + n - 1].end - s->t[i].start);
		c->name = canon(s, hb.data, t0, end);
		bm_buf_dispose(&hb);
	} else {
		c->name = canon(s, NULL, i, end);
	}
	if (ck == CK_LOC)
		c->sub = 9;
	const char *hd = full ? full : e->col[0];
	c->head = words_hash(s->L, hd);
	if (full && strcmp(cls, "head") != 0)
		c->head = words_hash(s->L, e->col[0]);
	if (implied) {
		set_implied(s, c, implied);
	} else if (kind) {
		/* the written place word, for completion */
		/* the longest place word that ends the name ("thành phố", not
		 * its last word "phố", a street) */
		const bm_lex_entry *pw = NULL;
		size_t k = i + 1;
		while (k < end && match(s, &s->L->placeword, k, &pw) != end - k)
			k++;
		if (k < end && pw) {
			const char *w = bm_lex_col(pw, 2);
			c->bare = bm_pool_add(s->d, w ? w : pw->col[0],
					      strlen(w ? w : pw->col[0]));
			c->sub = (uint32_t)atoi(pw->col[1]);
		}
	} else if ((flags & CF_BARE) && bm_lex_col(e, 4)) {
		set_implied(s, c, bm_lex_col(e, 4)); /* already bare */
	}
	set_near(s, c);
	return end;
}

/* The number of words from i that make a known organization head with
 * the unit's words before them ("Trưởng đoàn" + "đại biểu Quốc hội":
 * Đoàn Đại biểu Quốc hội), 0 when none. */
static size_t unit_head(const scan *s, size_t i, uint64_t uh,
			const bm_lex_entry **row)
{
	size_t best = 0;
	uint64_t h = uh;
	for (size_t k = i; k < s->lim && k < i + 4 && fl(s, k, BM_TK_WORD); k++) {
		h = bm_phrase_step(h, s->t[k].h);
		uint32_t *v = bm_u64map_get(&s->L->org.index, h);
		if (v && strcmp(s->L->org.rows[*v].col[1], "law") != 0) {
			best = k + 1 - i;
			*row = &s->L->org.rows[*v];
		}
	}
	return best;
}

/* The tail after a unit title ("Trưởng phòng" + "Cảnh sát hình sự ...")
 * as an organization named by the unit.  Pushes it; returns its end (i
 * when nothing follows: a bare unit, pushed empty).  deleg: the title is
 * a delegation role, a post only with its standing body named. */
static size_t unit_chunk(scan *s, size_t i, const char *unit, int deleg,
			 uint32_t sent)
{
	/* an organization of the unit's own kind follows: it is the object */
	const bm_lex_entry *e;
	size_t n = fl(s, i, BM_TK_CAP) ? match(s, &s->L->org, i, &e) : 0;
	uint64_t uh = words_hash(s->L, unit);
	/* the unit's own row, if the lexicon knows it ("Quốc hội", "Phòng") */
	const uint32_t *uv = bm_u64map_get(
		&s->L->org.index, bm_text_hash(s->L->fold, unit, strlen(unit), 0, NULL));
	const bm_lex_entry *oe = uv ? &s->L->org.rows[*uv] : NULL;
	size_t i0 = i;
	/* "Cục trưởng cục Chống tham nhũng": the unit word written again */
	if (!n && !fl(s, i, BM_TK_CAP) && fl(s, i, BM_TK_WORD)) {
		size_t k = i;
		uint64_t h = 0;
		while (k < s->lim && k < i + 3 && fl(s, k, BM_TK_WORD) && h != uh)
			h = bm_phrase_step(h, s->t[k++].h);
		if (h == uh)
			i = k;
	}
	/* "Trưởng đoàn đại biểu Quốc hội TP.HCM": the unit and the words
	 * after it make a known head, the name goes on after them */
	const bm_lex_entry *ur = NULL;
	size_t uw = n ? 0 : unit_head(s, i, uh, &ur);
	/* written in capitals, only a head that needs a name after it
	 * ("Trưởng Đoàn Đại biểu Quốc hội tỉnh X"); a complete name is
	 * read as it was ("Trưởng Ban Tuyên giáo Trung ương") */
	int ur_head = ur && strcmp(ur->col[1], "head") == 0;
	size_t known = ur && !ur_head ? uw : 0; /* a complete name's words */
	if (uw && fl(s, i, BM_TK_CAP) && !ur_head)
		uw = 0;
	if (deleg && !uw &&
	    !(n && bm_text_starts_with(s->L->fold,
				      bm_lex_col(e, 3) ? bm_lex_col(e, 3) : e->col[0], unit)))
		return i0; /* "Trưởng đoàn công tác": no post */
	if (n) {
		const char *full = bm_lex_col(e, 3);
		const char *hd = full ? full : e->col[0];
		if (bm_text_starts_with(s->L->fold, hd, unit)) {
			size_t ce = org_chunk(s, i, sent);
			if (ce > i)
				return ce;
		}
		/* "ĐB HĐND tỉnh X": a unit that is a complete name by itself
		 * (Quốc hội) gives way to another organization written */
		if (oe && strcmp(oe->col[1], "name") == 0)
			return i0;
	}
	int kind = 0;
	size_t end = org_tail(s, i + uw, TAIL_SYNTH, TAIL_ORG, &kind);
	if (kind && !uw)
		end = i;
	/* "Bộ trưởng Tuấn": one capitalized word is the holder's given
	 * name, not a unit (units have names of two words or more) */
	if (!uw && end == i + 1 && fl(s, i, BM_TK_CAP) &&
	    !fl(s, i, BM_TK_ALLCAP | BM_TK_DIGIT) && !match(s, &s->L->org, i, NULL) &&
	    !place_at(s, i, 2, NULL)) /* a commune may share a given name */
		end = i;
	if (uw && end < i + uw)
		end = i + uw;
	/* "Bộ trưởng Ngoại giao Kang Kyung-wha": capitalized words that are
	 * no name nor place after the complete name the title spells
	 * (Bộ Ngoại giao) are its holder's */
	if (known && (end >= i + known + 2 ||
		      /* "Bộ trưởng Quốc phòng Mattis" */
		      (end == i + known + 1 && foreign_word(s, i + known)))) {
		size_t k = i + known;
		while (k < end && fl(s, k, BM_TK_CAP) && !fl(s, k, BM_TK_ALLCAP) &&
		       !match(s, &s->L->org, k, NULL) && !place_at(s, k, 2, NULL))
			k++;
		if (k == end)
			end = i + known;
	}
	if (end == i && i > i0)
		return i0; /* the unit word alone: a bare unit */
	bm_chunk *c = push(s, CK_ORG, i0, end, sent);
	/* bare: nothing after the unit, or after the head it makes */
	c->flags = CF_SYNTH | (end == i || (uw && ur_head && end == i + uw) ? CF_BARE : 0);
	c->name = canon(s, unit, i, end);
	c->head = uh;
	c->h0 = (uint32_t)i;
	/* "Bộ trưởng KH&ĐT": the unit and the words after it that make a
	 * known name are that name (Bộ Kế hoạch và Đầu tư) */
	if (end > i) {
		uint64_t ph = uh;
		for (size_t k = i; k < end; k++)
			ph = bm_phrase_step(ph, s->t[k].h);
		const uint32_t *kr = bm_u64map_get(&s->L->org.index, ph);
		if (kr && strcmp(s->L->org.rows[*kr].col[1], "name") == 0) {
			const bm_lex_entry *ke = &s->L->org.rows[*kr];
			const char *kf = bm_lex_col(ke, 3) ? bm_lex_col(ke, 3) : ke->col[0];
			c->name = bm_pool_add(s->d, kf, strlen(kf));
		}
	}
	/* "Trưởng phòng Cảnh sát hình sự ...": when the unit and the head
	 * after it make one known head, that head names the unit and is no
	 * parent */
	if (n && end > i) {
		bm_buf b;
		bm_buf_init(&b);
		bm_buf_puts(&b, unit);
		bm_buf_putc(&b, ' ');
		bm_buf_put(&b, s->d->text + s->t[i].start,
			   s->t[i + n - 1].end - s->t[i].start);
		uint64_t ph = bm_text_hash(s->L->fold, b.data, b.len, 0, NULL);
		if (bm_u64map_get(&s->L->org.index, ph))
			c->h0 = (uint32_t)(i + n);
		bm_buf_dispose(&b);
	}
	c->lx = oe;
	/* "ĐBQH Nguyễn Văn A": a unit that is a complete name by itself
	 * (Quốc hội) is that organization, written or not */
	if (end == i && oe && strcmp(oe->col[1], "name") == 0) {
		const char *full = bm_lex_col(oe, 3) ? bm_lex_col(oe, 3) : oe->col[0];
		c->flags = CF_SYNTH | CF_COMPLETE;
		c->name = bm_pool_add(s->d, full, strlen(full));
		c->t0 = c->t1 = (uint32_t)i;
		return end;
	}
	if (end == i && oe && bm_lex_col(oe, 4)) {
		set_implied(s, c, bm_lex_col(oe, 4)); /* already bare */
	} else if (end > i && !(c->flags & CF_BARE)) {
		/* "Trưởng ban Tuyên giáo Thành ủy": completed by the place */
		const char *pk = implied_place(s, i, end);
		if (pk) {
			set_implied(s, c, pk);
			set_near(s, c);
		}
	}
	return end;
}

/* "các Sở Xây dựng, TN&MT và Tài chính": a head written once names
 * every item of the list after its first name that makes a known name
 * with it ("Sở TN&MT", written "TN&MT").  j is the end of the
 * organization just pushed; returns the end of the list. */
static size_t distribute(scan *s, size_t j, uint32_t sent)
{
	const bm_chunk *c = &s->d->ch[s->d->nch - 1];
	if (c->kind != CK_ORG || (c->flags & (CF_KIND | CF_SYNTH)) ||
	    !c->lx || strcmp(c->lx->col[1], "head") != 0)
		return j;
	/* the shortest head that starts the name ("Sở" of "Sở Xây dựng") */
	const bm_lex_entry *e = NULL;
	size_t hn = 1;
	for (; hn <= 3 && c->t0 + hn < c->t1; hn++)
		if ((e = bm_lex_exact(&s->L->org, &s->d->toks, c->t0, c->t0 + hn)))
			break;
	if (!e || c->t0 + hn >= c->t1 || strcmp(e->col[1], "head") != 0)
		return j;
	const char *full = bm_lex_col(e, 3);
	bm_buf hb;
	bm_buf_init(&hb);
	if (full)
		bm_buf_puts(&hb, full);
	else
		bm_buf_put(&hb, s->d->text + s->t[c->t0].start,
			   s->t[c->t0 + hn - 1].end - s->t[c->t0].start);
	uint64_t head = words_hash(s->L, hb.data);
	for (int items = 0; items < 8 && (is_char(s, j, ",") || is_char(s, j, "và"));
	     items++) {
		size_t k = j + 1, kind_end = 0;
		int kind = 0;
		if (!fl(s, k, BM_TK_CAP) || match(s, &s->L->org, k, NULL) ||
		    place_at(s, k, 3, NULL) || kind_place_at(s, k, &kind_end, &kind, 0) ||
		    title_at(s, k, NULL) || match(s, &s->L->stop_all, k, NULL) ||
		    match(s, &s->L->hon, k, NULL) || match(s, &s->L->rank, k, NULL) ||
		    person_run(s, k, 1) >= k + 2)
			break;
		size_t te = org_tail(s, k, TAIL_SYNTH, TAIL_ORG, &kind);
		/* the head and the item make a known name ("Sở TN&MT") */
		const uint32_t *row = NULL;
		for (; te > k; te--) {
			bm_buf nb;
			bm_buf_init(&nb);
			bm_buf_puts(&nb, hb.data);
			bm_buf_putc(&nb, ' ');
			bm_buf_put(&nb, s->d->text + s->t[k].start,
				   s->t[te - 1].end - s->t[k].start);
			uint64_t ph = bm_text_hash(s->L->fold, nb.data, nb.len, 0, NULL);
			bm_buf_dispose(&nb);
			if ((row = bm_u64map_get(&s->L->org.index, ph)))
				break;
		}
		if (te <= k)
			break;
		const bm_lex_entry *re = &s->L->org.rows[*row];
		const char *rfull = bm_lex_col(re, 3);
		push(s, is_char(s, j, ",") ? CK_PUNCT : CK_OTHER, j, j + 1, sent);
		bm_chunk *p = push(s, CK_ORG, k, te, sent);
		p->lx = re;
		p->h0 = (uint32_t)k;
		p->head = head;
		p->name = rfull ? bm_pool_add(s->d, rfull, strlen(rfull))
				: canon(s, hb.data, k, te);
		j = te;
	}
	bm_buf_dispose(&hb);
	return j;
}

/* Whether a country at i ends a name of something else ("Ngày Báo chí
 * Cách mạng Việt Nam", "Phật giáo Việt Nam"): one or two lower-case words, no
 * function word, back to a capitalized word that starts no name of its
 * own and does not start the sentence. */
static int name_inside(const scan *s, size_t i, size_t t0)
{
	size_t k = i, lowers = 0;
	while (k > t0 + 1 && lowers < 2 && !(s->t[k].flags & BM_TK_NL) &&
	       plain_lower(s, k - 1) && !match(s, &s->L->placeword, k - 1, NULL)) {
		k--;
		lowers++;
	}
	if (!lowers || k <= t0 + 1 || (s->t[k].flags & BM_TK_NL))
		return 0;
	size_t c = k - 1; /* the capitalized word */
	if (!(s->t[c].flags & BM_TK_CAP) || (s->t[c].flags & BM_TK_ALLCAP) ||
	    match(s, &s->L->stop_all, c, NULL) || title_at(s, c, NULL) ||
	    match(s, &s->L->hon, c, NULL))
		return 0;
	/* inside a person, a place or an organization already read: no */
	for (size_t q = s->d->nch; q-- > 0;) {
		const bm_chunk *ch = &s->d->ch[q];
		if (ch->t1 <= c)
			break;
		if (ch->t0 <= c && ch->kind != CK_OTHER)
			return 0;
	}
	return 1;
}

static int prev_kind(const scan *s, size_t sent_first)
{
	if (s->d->nch <= sent_first)
		return -1;
	return s->d->ch[s->d->nch - 1].kind;
}

static void sentence(scan *s, uint32_t si)
{
	const bm_sent *st = &s->d->sents.v[si];
	size_t i = st->t0, first = s->d->nch;
	s->lim = st->t1;
	s->si = si;
	/* a site's footer ("... cập nhật tin tức trong ngày liên tục"):
	 * metadata, no entities */
	for (size_t k = i; k < s->lim; k++)
		if ((s->d->mask[k] & s->L->footer.bit) &&
		    match(s, &s->L->footer, k, NULL)) {
			push(s, CK_OTHER, i, s->lim, si);
			return;
		}
	while (i < s->lim) {
		const bm_lex_entry *e;
		size_t n, end;
		if (!fl(s, i, BM_TK_WORD)) {
			push(s, CK_PUNCT, i, i + 1, si);
			i++;
			continue;
		}
		/* a lower-case word that starts no phrase of any table is an
		 * ordinary word: every test below needs one or a capital */
		if (!s->d->mask[i] && !fl(s, i, BM_TK_CAP)) {
			push(s, CK_OTHER, i, i + 1, si);
			i++;
			continue;
		}
		/* degrees: "TS.", "PGS.TS" */
		if (fl(s, i, BM_TK_CAP) && (n = match(s, &s->L->degree, i, NULL))) {
			end = i + n;
			if (is_char(s, end, ".") && s->t[end].start == s->t[end - 1].end)
				end++;
			push(s, CK_DEG, i, end, si);
			i = end;
			continue;
		}
		if ((n = match(s, &s->L->rank, i, NULL))) {
			push(s, CK_RANK, i, i + n, si);
			i += n;
			continue;
		}
		/* titles, with "nguyên"/"cựu" before them */
		size_t j = i;
		int former = 0;
		if ((n = match(s, &s->L->tformer, i, NULL)) && title_at(s, i + n, NULL)) {
			j = i + n;
			former = 1;
		}
		const bm_lex_entry *te = NULL;
		if ((end = title_at(s, j, &te))) {
			bm_chunk *c = push(s, CK_TITLE, i, end, si);
			c->lx = te;
			c->role = bm_pool_add(s->d, s->d->text + s->t[j].start,
					      s->t[end - 1].end - s->t[j].start);
			if (former)
				c->flags |= CF_FORMER;
			const char *fl3 = bm_lex_col(te, 3);
			if (fl3 && strchr(fl3, 'n'))
				c->flags |= CF_NATIONAL;
			int deleg = fl3 && strchr(fl3, 'd');
			if (deleg)
				c->flags |= CF_DELEG;
			if (fl3 && strchr(fl3, 'o'))
				c->flags |= CF_OFFICE;
			if (fl3 && strchr(fl3, 'l') && fl(s, j, BM_TK_LOWER))
				c->flags |= CF_AFTER;
			i = end;
			const char *unit = bm_lex_col(te, 2);
			if (unit) { /* "Trưởng phòng X": the object Phòng X */
				size_t ue = unit_chunk(s, i, unit, deleg, si);
				if (ue > i)
					i = ue;
			}
			continue;
		}
		/* countries ("Đài Loan" is no Đài), but a name after an
		 * honorific or a rank ("ông Đức", "thượng úy Đức") */
		int pk0 = prev_kind(s, first);
		if (fl(s, i, BM_TK_CAP) && (end = place_at(s, i, 0, &e)) &&
		    !(end == i + 1 && (pk0 == CK_HON || pk0 == CK_RANK || pk0 == CK_DEG))) {
			if (name_inside(s, i, st->t0)) {
				push(s, CK_OTHER, i, end, si);
				i = end;
				continue;
			}
			bm_chunk *c = push(s, CK_LOC, i, end, si);
			c->name = canon(s, NULL, i, end);
			c->pkind = e->col[2];
			i = end;
			continue;
		}
		/* organizations, laws, named sites */
		if ((end = org_chunk(s, i, si))) {
			i = distribute(s, end, si);
			continue;
		}
		/* places with their word: "tỉnh Yên Bái", "TP.HCM" */
		size_t bare_at;
		int level;
		if ((end = kind_place_at(s, i, &bare_at, &level, 1)) && end > bare_at) {
			if (level > 3) { /* streets, hamlets: no entity */
				end = address_list(s, end);
				push(s, CK_OTHER, i, end, si);
				i = end;
				continue;
			}
			bm_chunk *c = push(s, CK_LOC, i, end, si);
			c->sub = (uint32_t)level;
			if (bare_at == i) { /* TP.HCM */
				c->name = canon(s, NULL, i, end);
			} else {
				const bm_lex_entry *pw;
				match(s, &s->L->placeword, i, &pw);
				const char *w = bm_lex_col(pw, 2);
				/* a short form is written out: "TP", "Q.1" -> quận 1 */
				size_t pl = strlen(pw->col[0]);
				int shortw = w && (fl(s, i, BM_TK_ALLCAP) ||
						   (pl && pw->col[0][pl - 1] == '.'));
				c->name = canon(s, shortw ? w : NULL, shortw ? bare_at : i,
						end);
				/* "sông Hồng": the word is part of the name */
				if (w)
					c->bare = canon(s, NULL, bare_at, end);
				c->pkind = w;
			}
			i = end;
			continue;
		}
		/* photo credits and sources ("Ảnh: TTXVN", "Nguồn: ..."): up to
		 * a closing bracket or the end of the sentence, no entities */
		if ((n = match(s, &s->L->credit, i, NULL)) && is_char(s, i + n, ":")) {
			/* the credit is the capitalized run after the colon */
			end = i + n + 1;
			while (end < s->lim && !is_char(s, end, ")") &&
			       !fl(s, end, BM_TK_LOWER) &&
			       !(fl(s, end, BM_TK_CAP) && match(s, &s->L->stop_all, end, NULL)) &&
			       !(end > i + n + 1 && (s->t[end].flags & BM_TK_NL)) &&
			       /* "Ảnh: Trọng Đức/TTXVN Phó Chủ tịch Quốc hội X
				* điều hành": a title starts the next sentence */
			       !(end > i + n + 2 && (title_at(s, end, NULL) ||
						     match(s, &s->L->rank, end, NULL))))
				end++;
			push(s, CK_OTHER, i, end, si);
			i = end;
			continue;
		}
		/* a source at the end of a sentence ("Theo VnExpress", "(Theo
		 * Dân trí)."): capitalized words up to the end, no entities */
		if ((n = match(s, &s->L->credit, i, NULL)) && fl(s, i + n, BM_TK_CAP) &&
		    fl(s, i, BM_TK_CAP) &&
		    (i == st->t0 || is_char(s, i - 1, "(") || is_char(s, i - 1, "-") ||
		     is_char(s, i - 1, "\xE2\x80\x93") || (s->t[i].flags & BM_TK_NL))) {
			end = i + n;
			while (end < s->lim && (fl(s, end, BM_TK_CAP) || is_char(s, end, ",") ||
						is_char(s, end, "-") || is_char(s, end, "&")) &&
			       !(s->t[end].flags & BM_TK_NL))
				end++;
			size_t e2 = end;
			while (e2 < s->lim && (is_char(s, e2, ".") || is_char(s, e2, ")")) &&
			       !(s->t[e2].flags & BM_TK_NL))
				e2++;
			if (e2 >= s->lim || (s->t[e2].flags & BM_TK_NL)) {
				push(s, CK_OTHER, i, end, si);
				i = end;
				continue;
			}
		}
		/* honorifics before a name */
		if ((n = match(s, &s->L->hon, i, NULL)) && fl(s, i + n, BM_TK_CAP)) {
			push(s, CK_HON, i, i + n, si);
			i += n;
			continue;
		}
		/* cue phrases */
		{
			size_t best = 0;
			uint32_t mask = 0;
			const bm_lex *cl[] = {&s->L->hold, &s->L->list, &s->L->former,
					      &s->L->partof};
			const uint32_t cm[] = {CUE_HOLD, CUE_LIST, CUE_FORMER, CUE_PARTOF};
			for (size_t k = 0; k < 4; k++) {
				size_t m = match(s, cl[k], i, NULL);
				if (m > best) {
					best = m;
					mask = cm[k];
				} else if (m && m == best) {
					mask |= cm[k];
				}
			}
			if (best) {
				bm_chunk *c = push(s, CK_CUE, i, i + best, si);
				c->sub = mask;
				i += best;
				continue;
			}
		}
		if (!fl(s, i, BM_TK_CAP)) {
			push(s, CK_OTHER, i, i + 1, si);
			i++;
			continue;
		}
		/* "các tuyến đường như Lý Tự Trọng, Nguyễn Du": streets */
		if ((end = street_list_at(s, i))) {
			push(s, CK_OTHER, i, end, si);
			i = end;
			continue;
		}
		/* capitalized words: acronyms, places, persons */
		int pk = prev_kind(s, first);
		int after_hon = pk == CK_HON || pk == CK_RANK || pk == CK_DEG;
		/* "Chủ tịch Quốc hội Eduardo Ferro Rodrigues": right after a
		 * title (and its organization) a name needs no known surname */
		int after_title = 0;
		for (size_t k = s->d->nch, m = 0; k > first && m < 4; k--, m++) {
			const bm_chunk *pc = &s->d->ch[k - 1];
			if (pc->kind == CK_TITLE) {
				after_title = 1;
				break;
			}
			/* "Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper" */
			if (pc->kind != CK_ORG && pc->kind != CK_LOC &&
			    !(pc->kind == CK_OTHER && match(s, &s->L->partof, pc->t0, NULL)) &&
			    !is_char(s, pc->t0, "tại"))
				break;
		}
		if (fl(s, i, BM_TK_ALLCAP)) {
			if ((n = match(s, &s->L->acr, i, &e))) {
				push(s, CK_OTHER, i, i + n, si);
				i += n;
				continue;
			}
			push(s, CK_ACR, i, i + 1, si);
			i++;
			continue;
		}
		if (match(s, &s->L->stop_all, i, NULL)) {
			push(s, CK_OTHER, i, i + 1, si);
			i++;
			continue;
		}
		/* "Chủ tịch Hồ Chí Minh": right after a title, a place of a
		 * person's shape (a surname and two words more) is its holder */
		size_t pe0 = after_hon ? 0 : place_at(s, i, 2, &e);
		if (pe0 && pk == CK_TITLE && pe0 >= i + 3 && person_run(s, i, 1) >= pe0)
			pe0 = 0;
		/* "Vũ Quang Minh": a district that starts a longer person's
		 * name is none */
		if (pe0 && atoi(e->col[1]) == 2 && fl(s, pe0, BM_TK_CAP) &&
		    !(s->t[pe0].flags & BM_TK_NL) && person_run(s, i, 1) > pe0)
			pe0 = 0;
		if ((end = pe0)) {
			bm_chunk *c = push(s, CK_LOC, i, end, si);
			c->sub = (uint32_t)atoi(e->col[1]);
			c->pkind = e->col[2];
			c->name = canon(s, NULL, i, end);
			count_place(s, i, end, (int)c->sub);
			i = end;
			continue;
		}
		end = person_run(s, i, !after_hon && !after_title);
		if (end >= i + 2 || (after_hon && end == i + 1)) {
			bm_chunk *c = push(s, CK_PERSON, i, end, si);
			if (end == i + 1)
				c->flags |= CF_SHORT;
			c->name = canon(s, NULL, i, end);
			i = end;
			continue;
		}
		push(s, CK_OTHER, i, i + 1, si);
		i++;
	}
}

static int is_abbrev(void *payload, const bm_toks *toks, size_t i)
{
	const bm_lexset *L = payload;
	if (bm_lex_exact(&L->abbrev, toks, i, i + 1)) {
		/* "TP. Hồ Chí Minh", but "... của TP. Phối cảnh dự án": a
		 * place word's dot ends no sentence only before a place */
		if (!bm_lex_exact(&L->placeword, toks, i, i + 1) &&
		    !(i + 1 < toks->n && bm_lex_exact(&L->placeword, toks, i, i + 2)))
			return 1;
		size_t n = 0;
		return i + 2 < toks->n && (toks->v[i + 2].flags & BM_TK_CAP) &&
		       bm_lex_match(&L->place, toks, i + 2, toks->n, &n) != NULL;
	}
	/* "PGS.TS." */
	size_t n = 0;
	return i >= 2 && bm_lex_match(&L->degree, toks, i - 2, i + 1, &n) &&
	       n == 3;
}

void bm_mentions(const bm_lexset *L, bm_docstate *d)
{
	if (d->capmask < d->toks.n + 1) {
		d->capmask = d->toks.n + 1;
		d->mask = bm_xrealloc(d->mask, d->capmask * sizeof *d->mask);
	}
	for (size_t i = 0; i < d->toks.n; i++)
		d->mask[i] = bm_lexset_mask(L, d->toks.v[i].h);
	scan s;
	scan_init(&s, L, d, 0, 1);
	for (uint32_t si = 0; si < d->sents.n; si++)
		sentence(&s, si);
}

/* The sentence splitter's abbreviation test, shared with extract.c. */
int bm_lexset_is_abbrev(void *payload, const bm_toks *toks, size_t i);
int bm_lexset_is_abbrev(void *payload, const bm_toks *toks, size_t i)
{
	return is_abbrev(payload, toks, i);
}
