/* bomay.h: the public interface of libbomay, and its manual.
 *
 * bomay turns Vietnamese news text into a knowledge graph of the state
 * apparatus.  The pipeline is  input -> extract -> record -> graph -> export.
 *
 * Conventions (see docs/conventions.md):
 *  - Functions that can fail return int: 0 on success or a negative BM_E*
 *    code; bm_strerror() gives its text.  Handles keep the detail of the last
 *    error (bm_graph_errmsg() and friends).  The library never prints.
 *  - Out of memory aborts the process (one xmalloc wrapper); it is not an
 *    error code.
 *  - Every function returning memory says who frees it.
 *  - All text is UTF-8.  Stored and returned text is NFC.  Offsets are byte
 *    offsets [start, end) into the document's normalized text.
 */
#ifndef BOMAY_H
#define BOMAY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BOMAY_VERSION "0.1.0"

/* ---- errors ------------------------------------------------------------ */

enum {
	BM_OK = 0,
	BM_EIO = -1,        /* a file could not be read or written */
	BM_EUTF8 = -2,      /* invalid UTF-8 or a NUL byte in text */
	BM_ETOOBIG = -3,    /* a document or line over the size cap */
	BM_EPARSE = -4,     /* malformed JSON or record */
	BM_EDB = -5,        /* a database error */
	BM_ENOTFOUND = -6,  /* no such entity, file or document */
	BM_EAMBIGUOUS = -7, /* a name matches several entities */
	BM_EINVAL = -8,     /* an invalid argument */
	BM_ESCHEMA = -9,    /* a database of an unknown (newer) schema */
	BM_EEMPTY = -10,    /* an empty document */
	BM_ELIMIT = -11,    /* a documented resource cap was reached */
	BM_EBUSY = -12,     /* the database stayed locked past the timeout */
	BM_EFULL = -13      /* the disk is full */
};

/* A static English message for an error code; never NULL. */
const char *bm_strerror(int code);

/* ---- the document record: what extraction yields ---------------------- */

typedef enum {
	BM_ENT_PERSON = 0,
	BM_ENT_ORG,
	BM_ENT_LOC,
	BM_ENT_LAW,
	BM_ENT_OTHER,
	BM_ENT__COUNT
} bm_ent_type;

typedef enum {
	BM_REL_HOLDS_POSITION = 0,
	BM_REL_PART_OF,
	BM_REL_COOPERATES_WITH,
	BM_REL__COUNT
} bm_rel_type;

/* "PERSON", "ORG", ... and back; parse returns BM_EINVAL for unknown text. */
const char *bm_ent_type_name(bm_ent_type t);
int bm_ent_type_parse(const char *s, bm_ent_type *out);
/* "holds_position", "part_of", "cooperates_with" and back. */
const char *bm_rel_type_name(bm_rel_type t);
int bm_rel_type_parse(const char *s, bm_rel_type *out);

/* A byte range [start, end) in a document's normalized text. */
typedef struct {
	size_t start, end;
} bm_span;

/* One entity of one document.  All strings are NFC and owned by the record. */
typedef struct {
	bm_ent_type type;
	char *name;           /* canonical (fullest) name */
	char **aliases;       /* other names used in the document */
	size_t n_aliases;
	char *rank;           /* PERSON: military/police rank, or NULL */
	char *degree;         /* PERSON: academic title, or NULL */
	bm_span *mentions;    /* where the document names it */
	size_t n_mentions;
} bm_entity;

/* One relation of one document. */
typedef struct {
	bm_rel_type type;
	size_t subject;       /* index into the record's entities */
	long object;          /* index into the record's entities, -1: none */
	char *role;           /* holds_position: the title as written; else NULL */
	int former;           /* 1 when the text says the post is past */
	bm_span sentence;     /* the evidence sentence in the normalized text */
	char *evidence;       /* that sentence's text (may be NULL) */
} bm_relation;

/* What one document yields.  Created by bm_extract() or bm_record_from_json()
 * and freed by bm_record_free(); read-only for everyone else. */
typedef struct {
	char *doc;            /* document id */
	char *title, *date, *url, *source;  /* metadata, each may be NULL */
	char hash[17];        /* 64-bit content hash of the normalized text, hex */
	size_t text_len;      /* bytes of normalized text */
	bm_entity *entities;
	size_t n_entities;
	bm_relation *relations;
	size_t n_relations;
} bm_record;

void bm_record_free(bm_record *r);

/* Appends r as one JSON object and a newline to f (the JSON Lines format of
 * GUIDELINES.md plus mentions, evidence and metadata).  BM_EIO on a write
 * error. */
int bm_record_write_json(const bm_record *r, FILE *f);

/* Parses one JSON Lines record (as written above, or a gold record) of len
 * bytes.  On success *out is a new record the caller frees with
 * bm_record_free.  BM_EPARSE with a message in errbuf (if given) when the
 * JSON or the record's shape is wrong. */
int bm_record_from_json(const char *line, size_t len, bm_record **out,
			char *errbuf, size_t errlen);

/* ---- input: documents from files, directories, JSON Lines, stdin ------- */

/* A document read from input: borrowed pointers, valid until the next call
 * of bm_reader_next() or bm_reader_free(). */
typedef struct {
	const char *id;
	const char *text;     /* raw text as read (not yet normalized) */
	size_t len;
	const char *title, *date, *url;  /* each may be NULL */
	const char *path;     /* the file it came from ("-" for stdin) */
	long line;            /* its line in a .jsonl file, 0 for a .txt */
} bm_input_doc;

/* What went wrong with one input; filled by bm_reader_next on error. */
typedef struct {
	char path[1024];
	long line;            /* 0 when not line based */
	long long offset;     /* byte offset of the fault, -1 when none */
	char msg[256];
} bm_diag;

typedef struct bm_reader bm_reader;

/* Flags of bm_reader_new. */
enum {
	BM_READ_RECORDS = 1, /* .jsonl lines and stdin are extract records
				(bm_record_from_json), returned raw in text */
	BM_READ_LOSSY = 2    /* invalid UTF-8 in a .jsonl line becomes U+FFFD
				instead of failing the line */
};

/* Opens a reader over paths (files, directories, "-" for stdin).  A
 * directory yields its .txt and .jsonl files in byte order of their names;
 * a .jsonl (or .ndjson) file one document a line
 * ({"id", "text", "title"?, "date"?, "url"?}); any other file is one text
 * document whose id is its name without the extension.  Standard input is
 * JSON Lines when its first byte (after spaces) is '{', else one text
 * document with id "stdin".  max_doc caps one document or line in bytes
 * (0: 16 MiB).  Free with bm_reader_free. */
int bm_reader_new(bm_reader **out, char *const *paths, size_t n_paths,
		  size_t max_doc, int flags);
void bm_reader_free(bm_reader *r);

/* Reads the next document.  Returns 1 with *doc filled, 0 at the end, or a
 * negative code with *diag filled: that input (a file or one line) is
 * skipped and the next call goes on with the rest. */
int bm_reader_next(bm_reader *r, bm_input_doc *doc, bm_diag *diag);

/* ---- extraction --------------------------------------------------------- */

typedef struct bm_extractor bm_extractor;

/* Options of extraction. */
typedef struct {
	int lossy;            /* replace invalid UTF-8 and NUL by U+FFFD */
	size_t max_entities;  /* cap per document, 0: default 10000 */
	size_t max_sentence;  /* tokens in one sentence before it is cut
				 (bounds the work of the rules), 0: 256 */
} bm_extract_opts;

/* Loads the lexicons (built into the library).  Free with
 * bm_extractor_free.  One extractor serves one thread at a time. */
int bm_extractor_new(bm_extractor **out, const bm_extract_opts *opts);
void bm_extractor_free(bm_extractor *x);

/* Extracts one document.  The text is normalized first (BOM dropped, CRLF to
 * LF, NBSP to space, NFC); when doc->title is set it is analysed as the
 * first line.  On success *out is a new record (caller frees).  Errors:
 * BM_EUTF8 (invalid UTF-8 or NUL; *bad_offset gets the byte offset when
 * bad_offset is not NULL), BM_EEMPTY, BM_ELIMIT. */
int bm_extract(bm_extractor *x, const bm_input_doc *doc, bm_record **out,
	       long long *bad_offset);

/* ---- text -------------------------------------------------------------- */

/* The identity key of a name: NFD, case folded, tone marks moved to the end
 * of each syllable, NFC, spaces folded, edge punctuation dropped; kept in
 * step with norm() of shared/eval/score.py.  "Hoà" and "hòa" give one key.
 * Returns a new string (caller frees), or NULL for invalid UTF-8. */
char *bm_name_key(const char *name, size_t len);

/* ---- graph: the SQLite knowledge graph (graph/) ------------------------ */

typedef struct bm_graph bm_graph;

/* Flags of bm_graph_open. */
enum {
	BM_GRAPH_READONLY = 1, /* open an existing database read-only; the
				  -wal and -shm files its reading makes go
				  again on close when they were not there */
	BM_GRAPH_CREATE = 2    /* create the file (and schema) when missing */
};

/* Opens (and migrates) a graph database at path (":memory:" works).  On
 * success *out is a handle the caller closes with bm_graph_close.  On failure
 * *out may still be a handle that holds the message (bm_graph_errmsg) and
 * must be closed.  Errors: BM_EDB, BM_ESCHEMA (a newer schema version),
 * BM_ENOTFOUND (no file without BM_GRAPH_CREATE). */
int bm_graph_open(bm_graph **out, const char *path, int flags);
void bm_graph_close(bm_graph *g);
/* The detail of the handle's last error; never NULL. */
const char *bm_graph_errmsg(const bm_graph *g);

/* An edge as the walk gives it: borrowed, valid during the callback.
 * cooperates_with is undirected: subject < object. */
typedef struct {
	int64_t id;
	bm_rel_type type;
	int64_t subject, object;      /* object 0: a post without organization */
	const char *role;             /* may be NULL */
	int former;
	long n_evidence;
	const char *first_seen, *last_seen;
	const char *evidence_text;    /* one supporting sentence, may be NULL */
	const char *evidence_doc;     /* its document id, may be NULL */
} bm_edge;

/* A node as the walk gives it: borrowed, valid during the callback. */
typedef struct {
	int64_t id;
	bm_ent_type type;
	const char *name;
	const char *const *aliases;
	size_t n_aliases;
	long n_mentions, n_documents;
	const char *first_seen, *last_seen; /* document dates, may be NULL */
	/* The posts held without an organization ("Thủ tướng Phạm Minh
	 * Chính"): holds_position relations with object 0, which have no edge
	 * to draw, in id order, kept by the selector's relation filters. */
	const bm_edge *posts;
	size_t n_posts;
} bm_node;

/* Which part of the graph a walk visits.  Zeroed: all of it. */
typedef struct {
	const char *focus;    /* a name (or alias) to start from; NULL: all */
	int depth;            /* hops from the focus (0 with a focus: 1) */
	unsigned type_mask;   /* bit (1u << bm_ent_type); 0: all types */
	unsigned rel_mask;    /* bit (1u << bm_rel_type); 0: all relations */
	const char *since, *until; /* edges seen within these dates (ISO) */
	long min_evidence;    /* edges with at least this many sentences */
} bm_selector;

/* Callbacks of a walk; a non-zero return stops the walk and is returned. */
typedef struct {
	int (*node)(void *payload, const bm_node *n);
	int (*edge)(void *payload, const bm_edge *e);
} bm_walk_cb;

/* Streams the selected nodes (all of them first) and then the edges whose
 * both ends were given, in id order, without holding the graph in memory.
 * Without a focus, the relation filters keep the nodes that a kept edge or
 * a kept post without organization touches.  Errors: BM_EDB, BM_ENOTFOUND / BM_EAMBIGUOUS for the focus. */
int bm_graph_walk(bm_graph *g, const bm_selector *sel, const bm_walk_cb *cb,
		  void *payload);

/* -- ingest: records into the graph (graph/ingest.c) -- */

/* Opens a batch: one write transaction (BEGIN IMMEDIATE, waiting up to the
 * busy timeout for another writer) for the records ingested until
 * bm_graph_commit.  Errors: BM_EDB, BM_EBUSY. */
int bm_graph_begin(bm_graph *g);
/* Re-applies the curation rules and commits the batch.  Errors: BM_EDB,
 * BM_EBUSY, BM_EFULL (the batch is rolled back). */
int bm_graph_commit(bm_graph *g);
/* Drops the batch. */
void bm_graph_rollback(bm_graph *g);

/* What bm_graph_ingest did with one record. */
enum {
	BM_INGEST_NEW = 0,       /* a document not seen before */
	BM_INGEST_REPLACED = 1,  /* same id, new content: the old one's
				    entities, aliases, mentions and evidence
				    were taken out first */
	BM_INGEST_UNCHANGED = 2  /* same id and content hash: nothing done */
};

/* Merges one record into the graph (inside a batch, or in its own
 * transaction when none is open): entities joined by (type, name key) and
 * by their aliases, relations by (type, subject, object, role key), evidence
 * per (relation, document, sentence).  Returns a BM_INGEST_* value, or
 * BM_EINVAL (a record without a document id; nothing written), BM_EDB,
 * BM_EBUSY, BM_EFULL (then the whole batch has been rolled back, so that
 * no half document is ever committed). */
int bm_graph_ingest(bm_graph *g, const bm_record *r);
/* The same, with r's JSON line as bm_record_write_json wrote it (or as
 * bm_record_from_json read it), without the newline: it is stored as the
 * document's record instead of being written again (NULL: written). */
int bm_graph_ingest_json(bm_graph *g, const bm_record *r, const char *json);

/* Adds the documents (and the curation rules) of the graph database at path
 * to g, as bm_graph_ingest would; the result does not depend on the order
 * of the sources.  A document in both with different content: the one
 * ingested later wins.  *n_docs (may be NULL) gets the documents taken.
 * On failure the message (bm_graph_errmsg(g)) starts with the path of the
 * database at fault, "path: " for the source or g's own path as opened;
 * the batches committed before stay.  Errors: those of bm_graph_open
 * (for path), BM_EINVAL (path is g's own file), BM_EDB, BM_EPARSE (a
 * damaged stored record), BM_EBUSY, BM_EFULL. */
int bm_graph_merge_from(bm_graph *g, const char *path, long *n_docs);

/* -- queries (graph/query.c, graph/path.c) -- */

/* An entity a name matched: owned by the bm_matches that holds it. */
typedef struct {
	int64_t id;
	bm_ent_type type;
	char *name;           /* canonical name */
	char *matched;        /* the name or alias that matched */
	long n_documents;
} bm_match;

typedef struct {
	bm_match *v;
	size_t n;
} bm_matches;
void bm_matches_free(bm_matches *m);  /* frees the contents, not m */

/* One relation as queries give it: owned by the bm_facts that holds it. */
typedef struct {
	int64_t id;
	bm_rel_type type;
	int64_t subject, object;        /* object 0: no organization */
	bm_ent_type subject_type, object_type;
	char *subject_name, *object_name;  /* object_name NULL with object 0 */
	char *role;                     /* may be NULL */
	int former;
	char *first_seen, *last_seen;   /* may be NULL */
	long n_evidence;
	int hop;                        /* neighbors: distance from the start;
					   path: 1, 2, ... in order */
	int64_t from;                   /* path and neighbors: the end nearer
					   the start */
	char *evidence, *evidence_doc;  /* one sentence and its document id
					   (the latest), may be NULL */
} bm_fact;

typedef struct {
	bm_fact *v;
	size_t n;
} bm_facts;
void bm_facts_free(bm_facts *f);  /* frees the contents, not f */

/* Finds the entity a name (or alias, or "#ID") stands for, among the types
 * of type_mask (bit 1u << bm_ent_type; 0: any).  Exact name keys first, then
 * the accent-free form.  Errors: BM_ENOTFOUND; BM_EAMBIGUOUS with the
 * candidates in *cands (when not NULL; the caller frees them). */
int bm_graph_resolve(bm_graph *g, const char *name, unsigned type_mask,
		     int64_t *id, bm_matches *cands);

/* The people holding posts at org (and, with deep, at the organizations
 * part_of it, transitively), by role then name; with at ("2017",
 * "2017-06", "2017-06-30"; NULL: any time) only the posts seen during that
 * period (first_seen no later, last_seen no earlier).  *out: caller frees. */
int bm_graph_who(bm_graph *g, int64_t org, int deep, const char *at,
		 bm_facts *out);
/* A person's posts, by first_seen; at as for bm_graph_who. */
int bm_graph_positions(bm_graph *g, int64_t person, const char *at,
		       bm_facts *out);
/* The relations within depth hops (1 or more) of id, nearest first, at most
 * limit of them (0: 1000). */
int bm_graph_neighbors(bm_graph *g, int64_t id, int depth, size_t limit,
		       bm_facts *out);
/* The shortest chain of relations (any type, either direction) from a to
 * b, at most max_hops long (0: 6), each with its evidence.  BM_ENOTFOUND
 * when there is none. */
int bm_graph_path(bm_graph *g, int64_t a, int64_t b, int max_hops,
		  bm_facts *out);
/* Names and aliases containing text, accent- and case-insensitive; exact
 * matches first, at most limit (0: 50). */
int bm_graph_search(bm_graph *g, const char *text, size_t limit,
		    bm_matches *out);

/* The size of a graph. */
typedef struct {
	long documents, entities, aliases, mentions, relations, evidence, rules;
	long by_type[BM_ENT__COUNT];
	long by_rel[BM_REL__COUNT];
	char *first_date, *last_date;  /* of the documents; caller frees */
} bm_graph_counts;
int bm_graph_stats(bm_graph *g, bm_graph_counts *out);

/* -- curation (graph/curate.c): kept as rules, applied again on every
 * later ingest, listed and undoable.  Entities are named as for
 * bm_graph_resolve; BM_EAMBIGUOUS fills cands when not NULL. -- */

/* b joins a (a's id and canonical name stay; b's names become aliases). */
int bm_entity_merge(bm_graph *g, const char *a, const char *b,
		    bm_matches *cands);
/* Fixes the canonical name of a to new_name (also kept as an alias). */
int bm_entity_rename(bm_graph *g, const char *a, const char *new_name,
		     bm_matches *cands);
/* Adds or removes an alias of a (a removed alias no longer joins a). */
int bm_entity_alias(bm_graph *g, const char *a, const char *alias, int add,
		    bm_matches *cands);
/* What a name in the given documents stands for becomes an entity of its
 * own. */
int bm_entity_split(bm_graph *g, const char *a, char *const *docs,
		    size_t n_docs, bm_matches *cands);
/* Deletes a and keeps it out of later ingests. */
int bm_entity_delete(bm_graph *g, const char *a, bm_matches *cands);

/* A curation rule as listed. */
typedef struct {
	int64_t id;
	char op[16];          /* merge rename alias_add alias_remove split delete */
	bm_ent_type type;
	char *a, *b, *docs;   /* b, docs may be NULL */
	char *created_at;
	int undone;
} bm_rule;
typedef struct {
	bm_rule *v;
	size_t n;
} bm_rules_list;
void bm_rules_list_free(bm_rules_list *l);
int bm_entity_rules(bm_graph *g, bm_rules_list *out);
/* Undoes rule id (0: the latest active one) and rebuilds the graph from
 * the stored records and the remaining rules.  BM_ENOTFOUND. */
int bm_entity_undo(bm_graph *g, int64_t id);

/* ---- export and render (export/) --------------------------------------- */

/* Output formats of an export. */
typedef enum {
	BM_FORMAT_DOT = 0,  /* Graphviz DOT, built and written by cgraph */
	BM_FORMAT_GRAPHML,  /* GraphML 1.0 (libxml2's xmlTextWriter) */
	BM_FORMAT_JSON,     /* {"nodes": [...], "edges": [...]} */
	BM_FORMAT_CSV,      /* RFC 4180, one row a node or edge (column kind) */
	BM_FORMAT__COUNT
} bm_format;

/* "dot", "graphml", "json", "csv" and back; parse returns BM_EINVAL. */
const char *bm_format_name(bm_format f);
int bm_format_parse(const char *s, bm_format *out);

/* Flags of bm_writer_new and bm_export. */
enum {
	BM_EXPORT_CLUSTER = 1 /* DOT: people inside their organization's
				 cluster, sub-units inside their parent's */
};

/* A writer of one format: give it the nodes (all of them first), then the
 * edges, then finish.  GraphML, JSON and CSV stream to f as they go; DOT
 * holds a cgraph graph until bm_writer_finish writes it with agwrite.  f is
 * borrowed (never closed).  Names are written byte for byte, except where a
 * format cannot hold a character: in GraphML and in DOT labels, control
 * characters other than tab, LF and CR (and invalid UTF-8) become U+FFFD; in
 * DOT labels every backslash is doubled (Graphviz's escString).  Free with
 * bm_writer_free.  Node and edge calls: BM_EIO on a write error; DOT
 * also BM_EINVAL for an edge whose end was not given. */
typedef struct bm_writer bm_writer;
int bm_writer_new(bm_writer **out, bm_format fmt, FILE *f, int flags);
int bm_writer_node(bm_writer *w, const bm_node *n);
int bm_writer_edge(bm_writer *w, const bm_edge *e);
/* Ends the document and flushes f; BM_EIO on a write error. */
int bm_writer_finish(bm_writer *w);
void bm_writer_free(bm_writer *w);

/* Walks the selected part of g into a writer of fmt on f and finishes it.
 * Errors: those of bm_graph_walk and of the writer. */
int bm_export(bm_graph *g, const bm_selector *sel, bm_format fmt, int flags,
	      FILE *f);

/* Lays the selected part of g out with Graphviz's dot (parent agencies
 * above sub-units, officials in their agency's cluster with their roles on
 * the edges) and writes the picture to path in format "svg", "png" or
 * "pdf".  Errors: those of bm_graph_walk, BM_EINVAL for an unknown format,
 * BM_EIO when Graphviz reports an error (its message in errbuf, when given)
 * or the file cannot be written. */
int bm_render(bm_graph *g, const bm_selector *sel, const char *format,
	      const char *path, char *errbuf, size_t errlen);

#ifdef __cplusplus
}
#endif
#endif /* BOMAY_H */
