/* dotgraph.h: the organization diagram as a cgraph graph, built from walk
 * nodes and edges; written by the DOT writer and laid out by render.
 * Private to export/. */
#ifndef BM_EXPORT_DOTGRAPH_H
#define BM_EXPORT_DOTGRAPH_H

#include <graphviz/cgraph.h>

#include "bomay.h"

/* Graphviz 2.43 takes char * for names and values, copies them (agstrdup)
 * and never writes through the pointer: the one place we cast const away. */
static inline char *bm_gv(const char *s)
{
	return (char *)s;
}

typedef struct bm_dotg bm_dotg;

/* A new, empty diagram; flags: BM_EXPORT_CLUSTER.  Free with bm_dotg_free. */
bm_dotg *bm_dotg_new(int flags);
void bm_dotg_free(bm_dotg *d);
/* Adds a node: id "n<id>", its name as the label, shape by type. */
int bm_dotg_node(bm_dotg *d, const bm_node *n);
/* Adds an edge with key "e<id>"; BM_EINVAL when an end is missing. */
int bm_dotg_edge(bm_dotg *d, const bm_edge *e);
/* Groups nodes into clusters (when asked) and returns the graph, which d
 * still owns. */
Agraph_t *bm_dotg_finish(bm_dotg *d);

#endif
