/* entity.h: operations on stored entities and relations that ingest,
 * replacement and curation share: joining two entities, choosing the
 * canonical name, recounting a relation from its evidence. */
#ifndef BM_GRAPH_ENTITY_H
#define BM_GRAPH_ENTITY_H

#include "graph/store.h"

/* Moves everything of entity drop (aliases, mentions, relations and their
 * evidence) to keep and deletes drop.  Relations that become one are
 * joined; a relation between the two becomes a loop and is dropped. */
int bm_entity_union(bm_graph *g, int64_t keep, int64_t drop);

/* Sets the canonical name of an entity to its most complete form: of the
 * names records gave it (else of its aliases), the one with most
 * syllables, then most characters, then the smallest in byte order (so the
 * choice does not depend on the order things were seen in).  A name pinned
 * by a rename rule stays. */
int bm_entity_canonical(bm_graph *g, int64_t id);

/* Recounts evidence, first/last seen and status of a relation from its
 * evidence rows, and deletes it when none is left. */
int bm_relation_recount(bm_graph *g, int64_t id);

/* Deletes an entity with everything hanging from it. */
int bm_entity_remove(bm_graph *g, int64_t id);

/* The entity an alias key of a type names, 0 when none; <0 on error. */
int64_t bm_alias_entity(bm_graph *g, const char *type, const char *key);

/* A growable list of ids. */
typedef struct {
	int64_t *v;
	size_t n, cap;
} bm_ids;
void bm_ids_push(bm_ids *l, int64_t id);
/* Pushes id unless it is there already. */
void bm_ids_add(bm_ids *l, int64_t id);
void bm_ids_dispose(bm_ids *l);

#endif
