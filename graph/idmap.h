/* idmap.h: a hash map from entity ids (> 0) to two int64 values, for the
 * breadth-first searches of neighbors and path. */
#ifndef BM_GRAPH_IDMAP_H
#define BM_GRAPH_IDMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	int64_t key, a, b;
} bm_idmap_slot;

typedef struct {
	bm_idmap_slot *slots;  /* key 0: empty */
	size_t cap, n;
} bm_idmap;

void bm_idmap_init(bm_idmap *m);
void bm_idmap_dispose(bm_idmap *m);
/* The slot of key, or NULL. */
bm_idmap_slot *bm_idmap_get(const bm_idmap *m, int64_t key);
/* Adds key with a and b unless present; 1 when added, 0 when there. */
int bm_idmap_put(bm_idmap *m, int64_t key, int64_t a, int64_t b);

#endif
