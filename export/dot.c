/* dot.c: the DOT writer: builds the diagram with cgraph (dotgraph.c) and
 * lets agwrite write it, so the quoting is Graphviz's own. */
#include <stdlib.h>

#include "export/dotgraph.h"
#include "export/writer.h"

typedef struct {
	bm_dotg *d;
	FILE *f;
} dot_writer;

static int dot_node(void *impl, const bm_node *n)
{
	return bm_dotg_node(((dot_writer *)impl)->d, n);
}

static int dot_edge(void *impl, const bm_edge *e)
{
	return bm_dotg_edge(((dot_writer *)impl)->d, e);
}

static int dot_finish(void *impl)
{
	dot_writer *w = impl;
	Agraph_t *g = bm_dotg_finish(w->d);
	if (agwrite(g, w->f) == EOF || fflush(w->f) != 0 || ferror(w->f))
		return BM_EIO;
	return 0;
}

static void dot_free(void *impl)
{
	dot_writer *w = impl;
	bm_dotg_free(w->d);
	free(w);
}

void *bm_dot_writer_new(bm_writer_ops *ops, FILE *f, int flags)
{
	dot_writer *w = bm_xmalloc(sizeof *w);
	w->d = bm_dotg_new(flags);
	w->f = f;
	ops->node = dot_node;
	ops->edge = dot_edge;
	ops->finish = dot_finish;
	ops->free = dot_free;
	return w;
}
