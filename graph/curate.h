/* curate.h: rebuilding the graph from its stored records and rules (what
 * undo, split and alias removal need, and merge when it brings rules). */
#ifndef BM_GRAPH_CURATE_H
#define BM_GRAPH_CURATE_H

#include "graph/store.h"

/* Inside a batch: empties the entity side of the graph and contributes
 * every stored record again (in document id order) under the active rules;
 * the commit applies the merge, rename and alias rules. */
int bm_graph_rebuild(bm_graph *g);

#endif
