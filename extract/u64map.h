/* u64map.h: an open-addressing hash map from 64-bit keys (already hashes)
 * to 32-bit values, the one lookup structure of the extractor's stages. */
#ifndef BM_U64MAP_H
#define BM_U64MAP_H

#include <stddef.h>
#include <stdint.h>

/* A key and its value side by side: a probe touches one cache line. */
typedef struct {
	uint64_t key;     /* 0 marks an empty slot (key 0 is stored as 1) */
	uint32_t val;
} bm_u64slot;

typedef struct {
	bm_u64slot *slots;
	size_t cap, n;    /* cap is a power of two */
} bm_u64map;

void bm_u64map_init(bm_u64map *m);
void bm_u64map_dispose(bm_u64map *m);
/* Empties the map, keeping its memory unless it grew past 1<<16 slots. */
void bm_u64map_clear(bm_u64map *m);
/* The value slot of key, inserted with val when missing (*found tells). */
uint32_t *bm_u64map_put(bm_u64map *m, uint64_t key, uint32_t val, int *found);

/* The value stored under key, or NULL.  Inline: the lexicon probes of
 * every token go through it. */
static inline uint32_t *bm_u64map_get(const bm_u64map *m, uint64_t key)
{
	if (!m->n)
		return NULL;
	key = key ? key : 1;
	size_t mask = m->cap - 1, i = (size_t)(key ^ (key >> 29)) & mask;
	for (;;) {
		bm_u64slot *s = &m->slots[i];
		if (s->key == key)
			return &s->val;
		if (!s->key)
			return NULL;
		i = (i + 1) & mask;
	}
}

#endif
