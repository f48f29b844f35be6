/* rules.h: the curation rules as ingest sees them: loaded once per batch,
 * asked about each name, and applied again when a batch commits. */
#ifndef BM_GRAPH_RULES_H
#define BM_GRAPH_RULES_H

#include "graph/store.h"

typedef struct bm_rules bm_rules;

/* Loads the active rules of g (a new object; free with bm_rules_free). */
int bm_rules_load(bm_graph *g, bm_rules **out);
void bm_rules_free(bm_rules *r);
/* 1 when a delete rule keeps names of this (type, key) out. */
int bm_rules_deleted(const bm_rules *r, const char *type, const char *key);
/* 1 when an alias_remove rule says this key no longer joins its entity. */
int bm_rules_unaliased(const bm_rules *r, const char *type, const char *key);
/* The id of a split rule that takes this name of document doc apart, or 0. */
int64_t bm_rules_split(const bm_rules *r, const char *type, const char *key,
		       const char *doc);
/* Applies the merge, rename and alias_add rules to the stored graph (they
 * are idempotent: applying them twice changes nothing). */
int bm_rules_apply(bm_graph *g, const bm_rules *r);
/* Applies one rule of those kinds (or delete) now; names not (or no longer)
 * in the graph make it a no-op. */
int bm_rules_apply_one(bm_graph *g, const char *op, const char *type,
		       const char *a_key, const char *b, const char *b_key);

#endif
