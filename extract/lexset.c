/* lexset.c: builds the extractor's lexicon set from the TSV files compiled
 * into the library (the TSV files of extract/data), including the shared agencies.tsv
 * and places.tsv, and the table of word pairs known inside names. */
#include <stdlib.h>
#include <string.h>

#include "extract/stages.h"

extern const char bm_data_titles[], bm_data_heads[], bm_data_acronyms[];
extern const char bm_data_ranks[], bm_data_degrees[], bm_data_honorifics[];
extern const char bm_data_surnames[], bm_data_stopwords[], bm_data_cues[];
extern const char bm_data_placewords[], bm_data_countries[];
extern const char bm_data_abbrevs[], bm_data_places[], bm_data_agencies[];
extern const char bm_data_parents[], bm_data_namewords[];
extern const unsigned long bm_data_titles_len, bm_data_heads_len;
extern const unsigned long bm_data_acronyms_len, bm_data_ranks_len;
extern const unsigned long bm_data_degrees_len, bm_data_honorifics_len;
extern const unsigned long bm_data_surnames_len, bm_data_stopwords_len;
extern const unsigned long bm_data_cues_len, bm_data_placewords_len;
extern const unsigned long bm_data_countries_len, bm_data_abbrevs_len;
extern const unsigned long bm_data_places_len, bm_data_agencies_len;
extern const unsigned long bm_data_parents_len, bm_data_namewords_len;

#define LOAD(tab, sym, col, val) \
	bm_lex_load_tsv(&L->tab, L->fold, sym, sym##_len, col, val)

typedef struct {
	bm_lexset *L;
} agency_ctx;

/* The parent flag of the longest head of heads.tsv that name starts with,
 * "n" when none. */
static const char *inherit_parent(bm_lexset *L, const char *name)
{
	const char *parent = "n";
	bm_toks t = {0};
	bm_tokenize(L->fold, name, strlen(name), 0, &t);
	size_t m = 0;
	const bm_lex_entry *e = bm_lex_match(&L->org, &t, 0, t.n, &m);
	if (e && bm_lex_col(e, 2))
		parent = strcmp(e->col[2], "y") == 0 ? "y" : "n";
	free(t.v);
	return parent;
}

/* agencies.tsv: name, aliases (|), parent ("*": a generic head).  Rows
 * become heads.tsv-shaped rows: phrase, class, parent, full, place, and
 * a sixth column, the organization's known parent ("*": a generic unit of
 * this table, "Sở Xây dựng"). */
static void agency_row(void *payload, char **cols, size_t n)
{
	bm_lexset *L = ((agency_ctx *)payload)->L;
	if (n < 1 || !*cols[0])
		return;
	int generic = n >= 3 && strcmp(cols[2], "*") == 0;
	const char *cls = generic ? "head" : "name";
	/* a generic head may start an embedded parent as its first words
	 * may ("Cảnh sát hình sự" as "Cảnh sát": no) */
	const char *parent = generic ? inherit_parent(L, cols[0]) : "y";
	/* its known parent, for a parent written in apposition */
	const char *up = generic ? "*" : n >= 3 && *cols[2] ? cols[2] : "-";
	const char *row[6] = {cols[0], cls, parent, "-", "-", up};
	bm_lex_add(&L->org, L->fold, row, 6);
	if (n < 2 || !*cols[1])
		return;
	char *al = bm_xstrdup(cols[1]);
	for (char *p = al, *q; p; p = q) {
		q = strchr(p, '|');
		if (q)
			*q++ = 0;
		if (!*p)
			continue;
		const char *r2[6] = {p, cls, parent, cols[0], "-", up};
		bm_lex_add(&L->org, L->fold, r2, 6);
	}
	free(al);
}

/* acronyms.tsv rows of class org or head go into the organization table,
 * their expansion as the full name. */
static void acronym_row(void *payload, char **cols, size_t n)
{
	bm_lexset *L = payload;
	if (n < 3)
		return;
	const char *cls = strcmp(cols[2], "org") == 0	 ? "name"
			  : strcmp(cols[2], "head") == 0 ? "head"
			  : strcmp(cols[2], "body") == 0 ? "head"
							 : NULL;
	if (!cls)
		return;
	/* an acronym may start an embedded parent as its expansion may
	 * (CSĐT = "Cảnh sát điều tra": no) */
	const char *parent = inherit_parent(L, cols[1]);
	/* body: a head that alone names the nationwide body (TAND) */
	const char *row[6] = {cols[0], cls, parent, cols[1], "-",
			      strcmp(cols[2], "body") == 0 ? "body" : "-"};
	bm_lex_add(&L->org, L->fold, row, 6);
}

static void country_row(void *payload, char **cols, size_t n)
{
	bm_lexset *L = payload;
	const char *row[4] = {cols[0], "0", "quốc gia", "-"};
	(void)n;
	bm_lex_add(&L->place, L->fold, row, 4);
}

/* Word pairs inside known names: a lower-case word may continue a name
 * after the word it follows there. */
static void learn_pairs(bm_lexset *L, const char *s)
{
	bm_toks t = {0};
	bm_tokenize(L->fold, s, strlen(s), 0, &t);
	for (size_t i = 1; i < t.n; i++)
		if ((t.v[i].flags & BM_TK_LOWER) && (t.v[i - 1].flags & BM_TK_WORD))
			bm_u64map_put(&L->bigram,
				      bm_phrase_step(t.v[i - 1].h, t.v[i].h), 1,
				      NULL);
	free(t.v);
}

/* Every table of the set, in a fixed order (their mask bits). */
#define N_TABLES 26
static void tables(bm_lexset *L, bm_lex **all)
{
	bm_lex *t[N_TABLES] = {
		&L->title,    &L->tprefix,   &L->tsuffix, &L->tformer, &L->rank,
		&L->degree,   &L->hon,	     &L->surname, &L->abbrev,  &L->country,
		&L->stop_all, &L->stop_lower, &L->coop,   &L->hold,    &L->list,
		&L->former,   &L->partof,    &L->credit,  &L->org,     &L->acr,
		&L->placeword, &L->place,    &L->under,  &L->footer, &L->nameword,
		&L->lowerhead};
	memcpy(all, t, sizeof t);
}

int bm_lexset_init(bm_lexset *L)
{
	bm_lex *all[N_TABLES];
	memset(L, 0, sizeof *L);
	L->fold = bm_fold_new();
	tables(L, all);
	for (size_t i = 0; i < N_TABLES; i++)
		bm_lex_init(all[i]);
	bm_u64map_init(&L->bigram);
	LOAD(title, bm_data_titles, 1, "title");
	LOAD(tprefix, bm_data_titles, 1, "prefix");
	LOAD(tsuffix, bm_data_titles, 1, "suffix");
	LOAD(tformer, bm_data_titles, 1, "former");
	LOAD(rank, bm_data_ranks, 0, NULL);
	LOAD(degree, bm_data_degrees, 0, NULL);
	LOAD(hon, bm_data_honorifics, 0, NULL);
	LOAD(surname, bm_data_surnames, 0, NULL);
	LOAD(abbrev, bm_data_abbrevs, 0, NULL);
	LOAD(country, bm_data_countries, 0, NULL);
	LOAD(stop_all, bm_data_stopwords, 1, "all");
	LOAD(stop_all, bm_data_stopwords, 1, "time");
	LOAD(stop_lower, bm_data_stopwords, 1, "lower");
	LOAD(coop, bm_data_cues, 1, "coop");
	LOAD(hold, bm_data_cues, 1, "hold");
	LOAD(list, bm_data_cues, 1, "list");
	LOAD(former, bm_data_cues, 1, "former");
	LOAD(partof, bm_data_cues, 1, "partof");
	LOAD(credit, bm_data_cues, 1, "credit");
	LOAD(footer, bm_data_cues, 1, "footer");
	LOAD(org, bm_data_heads, 0, NULL);
	LOAD(lowerhead, bm_data_heads, 5, "lower");
	bm_tsv_each(bm_data_acronyms, bm_data_acronyms_len, acronym_row, L);
	agency_ctx ac = {L};
	bm_tsv_each(bm_data_agencies, bm_data_agencies_len, agency_row, &ac);
	/* the short forms of a company's head are company heads too ("Cty",
	 * "Công ty CP", "Tổng Cty") */
	for (size_t i = 0, n = L->org.n; i < n; i++) {
		const bm_lex_entry *r = &L->org.rows[i];
		const char *full = bm_lex_col(r, 3);
		if (full && bm_u64map_get(&L->lowerhead.index,
					  bm_text_hash(L->fold, full, strlen(full), 0, NULL)))
			bm_lex_add(&L->lowerhead, L->fold, r->col, r->ncols);
	}
	LOAD(acr, bm_data_acronyms, 0, NULL);
	LOAD(placeword, bm_data_placewords, 0, NULL);
	bm_tsv_each(bm_data_countries, bm_data_countries_len, country_row, L);
	LOAD(place, bm_data_places, 0, NULL);
	/* "Thừa Thiên – Huế", "Bà Rịa-Vũng Tàu": a dash written or left
	 * out between two words of a place */
	static const char *const dashes[2] = {"-", "\xE2\x80\x93"};
	for (size_t k = 0; k < 2; k++) {
		bm_toks dt = {0};
		bm_tokenize(L->fold, dashes[k], strlen(dashes[k]), 0, &dt);
		L->place.skip[k] = dt.n == 1 ? dt.v[0].h : 0;
		free(dt.v);
	}
	LOAD(under, bm_data_parents, 0, NULL);
	LOAD(nameword, bm_data_namewords, 0, NULL);
	bm_u64map_init(&L->first);
	for (size_t t = 0; t < N_TABLES; t++) {
		all[t]->bit = 1u << t;
		for (size_t i = 0; i < all[t]->n; i++) {
			const char *p = all[t]->rows[i].col[0];
			bm_toks tk = {0};
			bm_tokenize(L->fold, p, strlen(p), 0, &tk);
			if (tk.n)
				*bm_u64map_put(&L->first, tk.v[0].h, 0, NULL) |= all[t]->bit;
			free(tk.v);
		}
	}
	for (size_t i = 0; i < L->org.n; i++) {
		learn_pairs(L, L->org.rows[i].col[0]);
		const char *full = bm_lex_col(&L->org.rows[i], 3);
		if (full)
			learn_pairs(L, full);
	}
	return 0;
}

void bm_lexset_dispose(bm_lexset *L)
{
	bm_lex *all[N_TABLES];
	tables(L, all);
	for (size_t i = 0; i < N_TABLES; i++)
		bm_lex_dispose(all[i]);
	bm_u64map_dispose(&L->bigram);
	bm_u64map_dispose(&L->first);
	bm_fold_free(L->fold);
}
