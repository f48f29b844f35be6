/* stages.h: what the stages of extraction share: the lexicon set (built
 * once per extractor) and the working state of one document (reused from
 * document to document, so memory follows the largest document). */
#ifndef BM_STAGES_H
#define BM_STAGES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bomay.h"
#include "extract/lexicon.h"
#include "extract/segment.h"
#include "extract/u64map.h"
#include "extract/util.h"

/* The lexicons, one table per role. */
typedef struct {
	bm_fold *fold;
	bm_lex title, tprefix, tsuffix, tformer; /* titles.tsv by class */
	bm_lex rank, degree, hon, surname, abbrev, country;
	bm_lex stop_all, stop_lower;             /* stopwords.tsv */
	bm_lex coop, hold, list, former, partof, credit, footer; /* cues.tsv */
	bm_lex org;        /* heads.tsv, agencies.tsv, acronyms.tsv (org, head) */
	bm_lex acr;        /* acronyms.tsv: expansions inside names */
	bm_lex placeword;  /* placewords.tsv */
	bm_lex place;      /* places.tsv (and countries.tsv at level 0) */
	bm_lex under;      /* parents.tsv: unit head -> its parents' heads */
	bm_lex nameword;   /* namewords.tsv: lower-case words of names */
	bm_lex lowerhead;  /* heads.tsv's heads that name in lower case too */
	bm_u64map bigram;  /* (word, lower-case next word) pairs seen in names */
	bm_u64map first;   /* word hash -> bits of the tables with a phrase
			      starting with that word */
} bm_lexset;

/* An organization row's sixth column says what it is beside its name:
 * agencies.tsv gives its known parent, or "*" for a generic unit ("Sở
 * Xây dựng"); acronyms.tsv gives "body" for a head that alone names the
 * nationwide body ("TAND"); heads.tsv gives "lower" for a head that names
 * an organization in lower case too, "at" for one whose name goes on with
 * "tại" and a place. */
static inline const char *bm_org_note(const bm_lex_entry *e)
{
	return e ? bm_lex_col(e, 5) : NULL;
}
/* Whether the sixth column is note. */
static inline int bm_org_note_is(const bm_lex_entry *e, const char *note)
{
	const char *n = bm_org_note(e);
	return n && strcmp(n, note) == 0;
}
static inline int bm_org_is_generic(const bm_lex_entry *e)
{
	return bm_org_note_is(e, "*");
}
static inline int bm_org_is_body(const bm_lex_entry *e)
{
	return bm_org_note_is(e, "body");
}
/* heads.tsv's "lower": the head names an organization also when written
 * in lower case ("công ty Formosa"). */
static inline int bm_org_is_lower(const bm_lex_entry *e)
{
	return bm_org_note_is(e, "lower");
}
/* heads.tsv's "at": the name goes on with "tại" and the office's place
 * ("Đại sứ quán Việt Nam tại Campuchia"). */
static inline int bm_org_takes_at(const bm_lex_entry *e)
{
	return bm_org_note_is(e, "at");
}
/* Its known parent (agencies.tsv), or NULL. */
static inline const char *bm_org_parent(const bm_lex_entry *e)
{
	return bm_org_is_generic(e) || bm_org_is_body(e) || bm_org_is_lower(e) ||
			       bm_org_takes_at(e)
		       ? NULL
		       : bm_org_note(e);
}

/* The first-word mask of a token (which tables may match there). */
static inline uint32_t bm_lexset_mask(const bm_lexset *L, uint64_t h)
{
	const uint32_t *v = bm_u64map_get(&L->first, h);
	return v ? *v : 0;
}

int bm_lexset_init(bm_lexset *L);
void bm_lexset_dispose(bm_lexset *L);

/* Kinds of chunks: the labelled pieces a sentence is cut into. */
enum {
	CK_OTHER = 0, CK_PUNCT, CK_PERSON, CK_ORG, CK_LOC, CK_LAW, CK_TITLE,
	CK_HON, CK_RANK, CK_DEG, CK_CUE, CK_ACR
};

/* Chunk flags. */
enum {
	CF_BARE = 1,     /* ORG: a head without a name ("Bộ", "UBND tỉnh") */
	CF_SYNTH = 2,    /* ORG: named from a unit title ("Trưởng phòng X") */
	CF_COMPLETE = 4, /* ORG: a complete name by itself ("Quốc hội") */
	CF_SHORT = 8,    /* PERSON: a back-reference ("ông Dũng") */
	CF_OWNER = 16,   /* ORG: a body of an owner ("Ban Thường vụ ...") */
	CF_KIND = 32,    /* ORG: ends in a bare place word ("UBND tỉnh") */
	CF_NATIONAL = 64,/* TITLE: takes an object only when one is written */
	CF_FORMER = 128, /* TITLE: "nguyên", "cựu" before it */
	CF_OWNED = 256,  /* ORG: its owner was completed from the context */
	CF_IMPLIED = 512,/* ORG with CF_KIND: the kind of place is implied by
			    a head ("Tỉnh ủy"), not written */
	CF_DELEG = 1024, /* TITLE: a delegation role, a post only with its
			    standing body named ("Trưởng đoàn Đoàn ĐBQH") */
	CF_OFFICE = 2048,/* TITLE: its unit is the own office of the
			    organization of the next title ("Chánh Văn
			    phòng; Thứ trưởng Bộ X") */
	CF_AFTER = 4096  /* TITLE: written in lower case, a common noun too
			    ("đại biểu"): its holder only after it */
};

/* Cue classes (CK_CUE's sub). */
enum { CUE_HOLD = 1, CUE_LIST = 2, CUE_FORMER = 4, CUE_PARTOF = 8 };

typedef struct {
	uint32_t t0, t1;    /* tokens [t0, t1) */
	uint32_t sent;      /* its sentence */
	uint16_t kind, flags;
	uint32_t sub;       /* CK_CUE: CUE_* mask; CK_LOC: level */
	int32_t ent;        /* its entity in the record, or -1 */
	int32_t name;       /* canonical name in the pool, or -1 */
	int32_t bare;       /* LOC: the name without its place word; ORG
			       with CF_KIND: the place word's written form */
	int32_t role;       /* TITLE: the role as written, in the pool */
	uint32_t h0;        /* ORG: first token after the head */
	int32_t near;       /* ORG with CF_KIND: the place of its kind read
			       last in its sentence (d->pl index), or -1 */
	uint64_t head;      /* ORG: hash of the head's canonical words */
	const bm_lex_entry *lx; /* TITLE: its row; ORG: its head row */
	const char *pkind;  /* LOC: its kind of place ("tỉnh", "thành phố",
			       "quốc gia"), or NULL */
} bm_chunk;

/* A place counted for "the province of the article". */
typedef struct {
	uint64_t h;
	int32_t name;      /* bare name in the pool */
	uint32_t count, level;
	const char *kind;  /* "tỉnh", "thành phố"... from places.tsv, or NULL */
} bm_placecount;

typedef struct {
	const char *text;
	size_t len;
	bm_toks toks;
	uint32_t *mask;        /* per token: bm_lexset_mask */
	size_t capmask;
	bm_sents sents;
	bm_chunk *ch;
	size_t nch, capch;
	bm_buf pool;           /* NUL-terminated strings, by offset */
	bm_buf scratch;        /* a name being built (canon, aliases) */
	bm_toks stoks;         /* the tokens of a name being keyed */
	bm_placecount *pl;
	size_t npl, cappl;
	bm_u64map plmap;       /* place hash -> pl index */
	/* resolution */
	bm_u64map ents;        /* type-salted name hash -> entity */
	bm_u64map person_last; /* last-syllable hash -> latest person */
	bm_u64map person_base; /* toneless name hash -> person (typo variants) */
	bm_u64map person_rest; /* toneless given names, surname's first
				  letter -> person (Vũ/Võ Trọng Việt) */
	bm_u64map org_head;    /* head hash -> latest ORG entity */
	bm_u64map head_count;  /* head hash -> ORG entities with it */
	bm_u64map head_first;  /* head hash -> first named ORG chunk with it,
				  UINT32_MAX when they name several */
	uint64_t *ent_head;    /* per entity: head hash (ORG) */
	size_t cap_ent_head;
	struct bm_men { uint32_t ent, s, e; } *men; /* mentions, by chunk */
	size_t nmen, capmen;
	bm_record *rec;
	size_t max_entities, max_relations;
	int limit_hit;
} bm_docstate;

void bm_docstate_init(bm_docstate *d);
void bm_docstate_dispose(bm_docstate *d);
void bm_docstate_reset(bm_docstate *d, const char *text, size_t len);

/* Records a mention of entity ent at bytes [s, e); bm_mentions_flush
 * gives them to the record's entities at the end (in one pass, so a name
 * mentioned a million times costs no more than a million names). */
void bm_men_add(bm_docstate *d, size_t ent, size_t s, size_t e);
void bm_mentions_flush(bm_docstate *d);

/* Pool helpers: strings by offset. */
int32_t bm_pool_add(bm_docstate *d, const char *s, size_t n);
static inline const char *bm_pool_str(const bm_docstate *d, int32_t off)
{
	return off < 0 ? NULL : d->pool.data + off;
}

/* mentions.c: cuts every sentence into chunks. */
void bm_mentions(const bm_lexset *L, bm_docstate *d);
/* mentions.c: the canonical words of tokens [i, j): acronyms expanded,
 * spaces folded, appended to b. */
void bm_canon_words(const bm_lexset *L, const bm_docstate *d, size_t i,
		    size_t j, bm_buf *b);
/* mentions.c: the end of an organization whose head ends at token j
 * (limit lim), 0 when none; used by resolve for embedded parents. */
size_t bm_org_at(const bm_lexset *L, const bm_docstate *d, size_t i,
		 size_t lim, const bm_lex_entry **head, size_t *head_end,
		 int *has_name);

/* resolve.c: chunks to entities of d->rec (aliases, back-references,
 * acronyms, embedded parents).  BM_ELIMIT when the entity cap is hit. */
int bm_resolve(const bm_lexset *L, bm_docstate *d);

/* relations.c: holds_position, part_of and cooperates_with from the
 * chunks of each sentence. */
void bm_relations(const bm_lexset *L, bm_docstate *d);

/* Whether a part_of from child to parent would close a loop: the child
 * itself, or a parent already said to be part of the child (the first
 * reading stands). */
static inline int bm_part_of_loops(const bm_record *r, size_t child,
				   long parent)
{
	if (parent < 0 || (size_t)parent == child)
		return 1;
	for (size_t i = 0; i < r->n_relations; i++)
		if (r->relations[i].type == BM_REL_PART_OF &&
		    r->relations[i].subject == (size_t)parent &&
		    r->relations[i].object == (long)child)
			return 1;
	return 0;
}

/* Whether chunk c is the punctuation p ("(", ","). */
static inline int bm_punct_is(const bm_docstate *d, const bm_chunk *c, const char *p)
{
	if (c->kind != CK_PUNCT)
		return 0;
	const bm_tok *t = &d->toks.v[c->t0];
	size_t n = t->end - t->start;
	return n == strlen(p) && memcmp(d->text + t->start, p, n) == 0;
}

/* Evidence of sentence s: its byte range. */
void bm_sent_span(const bm_docstate *d, uint32_t s, size_t *start,
		  size_t *end);

#endif
