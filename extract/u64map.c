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
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

void bm_u64map_clear(bm_u64map *m)
{
	if (m->cap > (1u << 16)) {
		bm_u64map_dispose(m);
		return;
	}
	if (m->n && m->keys)
		memset(m->keys, 0, m->cap * sizeof *m->keys);
	m->n = 0;
}

static uint64_t fix(uint64_t k)
{
	return k ? k : 1;
}

uint32_t *bm_u64map_get(const bm_u64map *m, uint64_t key)
{
	if (!m->n)
		return NULL;
	key = fix(key);
	size_t mask = m->cap - 1, i = (size_t)(key ^ (key >> 29)) & mask;
	while (m->keys[i]) {
		if (m->keys[i] == key)
			return &m->vals[i];
		i = (i + 1) & mask;
	}
	return NULL;
}

static void grow(bm_u64map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 64;
	uint64_t *ok = m->keys;
	uint32_t *ov = m->vals;
	size_t ocap = m->cap;
	m->keys = bm_xcalloc(ncap, sizeof *m->keys);
	m->vals = bm_xmalloc(ncap * sizeof *m->vals);
	m->cap = ncap;
	for (size_t j = 0; j < ocap; j++) {
		if (!ok[j])
			continue;
		size_t i = (size_t)(ok[j] ^ (ok[j] >> 29)) & (ncap - 1);
		while (m->keys[i])
			i = (i + 1) & (ncap - 1);
		m->keys[i] = ok[j];
		m->vals[i] = ov[j];
	}
	free(ok);
	free(ov);
}

uint32_t *bm_u64map_put(bm_u64map *m, uint64_t key, uint32_t val, int *found)
{
	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	key = fix(key);
	size_t mask = m->cap - 1, i = (size_t)(key ^ (key >> 29)) & mask;
	while (m->keys[i]) {
		if (m->keys[i] == key) {
			if (found)
				*found = 1;
			return &m->vals[i];
		}
		i = (i + 1) & mask;
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->n++;
	if (found)
		*found = 0;
	return &m->vals[i];
}
