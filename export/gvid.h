/* gvid.h: a cgraph id discipline that numbers named objects in the order
 * they are made.  Private to export/. */
#ifndef BM_EXPORT_GVID_H
#define BM_EXPORT_GVID_H

#include <graphviz/cgraph.h>

/* Pass in an Agdisc_t to agopen.  cgraph orders subgraphs by id; its default
 * ids are the addresses of the name strings, so clusters would be written
 * in an order that changes with the allocator, and its fallback name map
 * leaks on agclose in 2.43.  Here ids follow creation and the names are
 * freed with the graph. */
extern Agiddisc_t bm_gv_iddisc;

#endif
