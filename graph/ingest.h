/* ingest.h: the parts of ingest that merge and curation reuse: a record
 * in with a given time stamp, a document's contribution in or out. */
#ifndef BM_GRAPH_INGEST_H
#define BM_GRAPH_INGEST_H

#include "graph/store.h"

/* bm_graph_ingest inside an open batch, with the document's ingested_at
 * (NULL: now) and its stored JSON (NULL: written from r). */
int bm_ingest_at(bm_graph *g, const bm_record *r, const char *ingested_at,
		 const char *record_json);
/* Adds what record r says to the graph for the stored document doc. */
int bm_ingest_contribute(bm_graph *g, const bm_record *r, int64_t doc);
/* Takes document doc and all it contributed out of the graph. */
int bm_ingest_remove_document(bm_graph *g, int64_t doc);
/* r as one line of JSON without the newline (caller frees). */
char *bm_ingest_record_json(const bm_record *r);

#endif
