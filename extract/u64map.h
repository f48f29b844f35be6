/* u64map.h: an open-addressing hash map from 64-bit keys (already hashes)
 * to 32-bit values, the one lookup structure of the extractor's stages. */
#ifndef BM_U64MAP_H
#define BM_U64MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint64_t *keys;   /* 0 marks an empty slot (key 0 is stored as 1) */
	uint32_t *vals;
	size_t cap, n;    /* cap is a power of two */
} bm_u64map;

void bm_u64map_init(bm_u64map *m);
void bm_u64map_dispose(bm_u64map *m);
/* Empties the map, keeping its memory unless it grew past 1<<16 slots. */
void bm_u64map_clear(bm_u64map *m);
/* The value stored under key, or NULL. */
uint32_t *bm_u64map_get(const bm_u64map *m, uint64_t key);
/* The value slot of key, inserted with val when missing (*found tells). */
uint32_t *bm_u64map_put(bm_u64map *m, uint64_t key, uint32_t val, int *found);

#endif
