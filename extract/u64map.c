/* u64map.c: open addressing with linear probing over 64-bit hash keys;
 * grows at 1/2 load so probes stay short. */
#include "extract/u64map.h"

#include <stdlib.h>
#include <string.h>

#include "extract/util.h"

void bm_u64map_init(bm_u64map *m)
{
	memset(m, 0, sizeof *m);
}

void bm_u64map_dispose(bm_u64map *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

void bm_u64map_clear(bm_u64map *m)
{
	if (m->cap > (1u << 16)) {
		bm_u64map_dispose(m);
		return;
	}
	if (m->n && m->slots)
		memset(m->slots, 0, m->cap * sizeof *m->slots);
	m->n = 0;
}

static void grow(bm_u64map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	bm_u64slot *old = m->slots;
	size_t ocap = m->cap;
	m->slots = bm_xcalloc(ncap, sizeof *m->slots);
	m->cap = ncap;
	for (size_t j = 0; j < ocap; j++) {
		uint64_t k = old[j].key;
		if (!k)
			continue;
		size_t i = (size_t)(k ^ (k >> 29)) & (ncap - 1);
		while (m->slots[i].key)
			i = (i + 1) & (ncap - 1);
		m->slots[i] = old[j];
	}
	free(old);
}

uint32_t *bm_u64map_put(bm_u64map *m, uint64_t key, uint32_t val, int *found)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	key = key ? key : 1;
	size_t mask = m->cap - 1, i = (size_t)(key ^ (key >> 29)) & mask;
	while (m->slots[i].key) {
		if (m->slots[i].key == key) {
			if (found)
				*found = 1;
			return &m->slots[i].val;
		}
		i = (i + 1) & mask;
	}
	m->slots[i].key = key;
	m->slots[i].val = val;
	m->n++;
	if (found)
		*found = 0;
	return &m->slots[i].val;
}
