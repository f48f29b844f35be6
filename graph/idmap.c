/* idmap.c: open addressing with linear probing, doubling at half full. */
#include "graph/idmap.h"

#include <stdlib.h>
#include <string.h>

#include "extract/util.h"

void bm_idmap_init(bm_idmap *m)
{
	m->cap = 64;
	m->n = 0;
	m->slots = bm_xcalloc(m->cap, sizeof *m->slots);
}

void bm_idmap_dispose(bm_idmap *m)
{
	free(m->slots);
	memset(m, 0, sizeof *m);
}

static size_t hash(int64_t k, size_t cap)
{
	uint64_t x = (uint64_t)k * 0x9E3779B97F4A7C15ULL;
	return (size_t)(x >> 17) & (cap - 1);
}

bm_idmap_slot *bm_idmap_get(const bm_idmap *m, int64_t key)
{
	for (size_t i = hash(key, m->cap);; i = (i + 1) & (m->cap - 1)) {
		if (m->slots[i].key == key)
			return &m->slots[i];
		if (m->slots[i].key == 0)
			return NULL;
	}
}

static void insert(bm_idmap_slot *slots, size_t cap, const bm_idmap_slot *s)
{
	size_t i = hash(s->key, cap);
	while (slots[i].key != 0)
		i = (i + 1) & (cap - 1);
	slots[i] = *s;
}

int bm_idmap_put(bm_idmap *m, int64_t key, int64_t a, int64_t b)
{
	if (bm_idmap_get(m, key))
		return 0;
	if (2 * (m->n + 1) > m->cap) {
		size_t cap = 2 * m->cap;
		bm_idmap_slot *slots = bm_xcalloc(cap, sizeof *slots);
		for (size_t i = 0; i < m->cap; i++)
			if (m->slots[i].key)
				insert(slots, cap, &m->slots[i]);
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	bm_idmap_slot s = {key, a, b};
	insert(m->slots, m->cap, &s);
	m->n++;
	return 1;
}
