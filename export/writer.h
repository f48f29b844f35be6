/* writer.h: what every export format implements, and the text helpers the
 * formats share.  Private to export/. */
#ifndef BM_EXPORT_WRITER_H
#define BM_EXPORT_WRITER_H

#include <jansson.h>

#include "bomay.h"
#include "extract/util.h"

/* One format's operations on its own state. */
typedef struct {
	int (*node)(void *impl, const bm_node *n);
	int (*edge)(void *impl, const bm_edge *e);
	int (*finish)(void *impl);
	void (*free)(void *impl);
} bm_writer_ops;

/* Constructors of the formats (export/dot.c, graphml.c, json.c, csv.c): each
 * fills *ops and returns its state, writing to f. */
void *bm_dot_writer_new(bm_writer_ops *ops, FILE *f, int flags);
void *bm_graphml_writer_new(bm_writer_ops *ops, FILE *f, int flags);
void *bm_json_writer_new(bm_writer_ops *ops, FILE *f, int flags);
void *bm_csv_writer_new(bm_writer_ops *ops, FILE *f, int flags);

/* Appends s to b with what XML 1.0 cannot hold (C0 controls but tab, LF and
 * CR; U+FFFE, U+FFFF; invalid UTF-8, one U+FFFD per bad byte) replaced by
 * U+FFFD.  With double_backslash (DOT labels), every '\' is written twice
 * and U+FEFF becomes U+FFFD too. */
void bm_text_clean(bm_buf *b, const char *s, int double_backslash);

/* "current" or "former". */
const char *bm_edge_status(const bm_edge *e);

/* A JSON string of s (null for NULL); text that is not UTF-8 (a damaged
 * database) has its bad bytes as U+FFFD, since jansson cannot dump it. */
json_t *bm_json_text(const char *s);

/* Appends the aliases as a JSON array of strings: ["A", "B"]. */
void bm_aliases_json(bm_buf *b, const char *const *aliases, size_t n);

/* The node's posts without organization as a JSON array (a new reference)
 * of objects with the edge fields id, role, status, evidence_count,
 * first_seen, last_seen, evidence, evidence_doc; [] when it has none. */
json_t *bm_posts_json(const bm_node *n);
/* Appends the same array as compact JSON text. */
void bm_posts_text(bm_buf *b, const bm_node *n);

#endif
