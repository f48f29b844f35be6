/* gvid.c: the cgraph id discipline of gvid.h: named objects get even ids in
 * the order their names are first seen (a hash table from name to id and an
 * array of the graph's refstrs back), anonymous ones odd ids. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/gvid.h"
#include "extract/util.h"

typedef struct {
	Agraph_t *g;       /* the root graph: names are its refstrs */
	char **names;      /* names[i] has id 2 * i + 2 */
	size_t n, cap;
	size_t *slots;     /* 1 + index into names, 0: empty */
	size_t n_slots;    /* a power of two, at least twice n */
	IDTYPE anon;       /* the last anonymous id */
} id_state;

static size_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/* The slot of name, or the empty slot where it would go. */
static size_t *slot_of(id_state *st, const char *name)
{
	size_t mask = st->n_slots - 1, i = hash(name) & mask;
	while (st->slots[i] && strcmp(st->names[st->slots[i] - 1], name) != 0)
		i = (i + 1) & mask;
	return &st->slots[i];
}

static void grow(id_state *st)
{
	free(st->slots);
	st->n_slots = st->n_slots ? 2 * st->n_slots : 64;
	st->slots = bm_xcalloc(st->n_slots, sizeof *st->slots);
	for (size_t i = 0; i < st->n; i++)
		*slot_of(st, st->names[i]) = i + 1;
}

static void *id_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	id_state *st = bm_xcalloc(1, sizeof *st);
	st->g = g;
	grow(st);
	return st;
}

static long id_map(void *state, int objtype, char *str, IDTYPE *id,
		   int createflag)
{
	id_state *st = state;
	(void)objtype;
	if (!str) {
		st->anon += 2;
		*id = st->anon - 1; /* odd */
		return 1;
	}
	size_t *slot = slot_of(st, str);
	if (!*slot) {
		if (!createflag)
			return 0;
		if (2 * (st->n + 1) > st->n_slots) {
			grow(st);
			slot = slot_of(st, str);
		}
		if (st->n == st->cap) {
			st->cap = st->cap ? 2 * st->cap : 64;
			st->names = bm_xrealloc(st->names, st->cap * sizeof *st->names);
		}
		/* a refstr: agwrite asks aghtmlstr() of every name */
		st->names[st->n++] = agstrdup(st->g, str);
		*slot = st->n;
	}
	*id = 2 * (IDTYPE)*slot; /* even: 2 * (index + 1) */
	return 1;
}

static long id_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0; /* no ids chosen by the caller */
}

static void id_free(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id; /* names live until the graph is closed */
}

static char *id_print(void *state, int objtype, IDTYPE id)
{
	id_state *st = state;
	(void)objtype;
	if (id % 2 || id == 0 || id / 2 > st->n)
		return NULL;
	return st->names[id / 2 - 1];
}

static void id_close(void *state)
{
	id_state *st = state;
	for (size_t i = 0; i < st->n; i++)
		agstrfree(st->g, st->names[i]);
	free(st->names);
	free(st->slots);
	free(st);
}

static void id_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

Agiddisc_t bm_gv_iddisc = {id_open, id_map, id_alloc, id_free, id_print,
			   id_close, id_register};
