/* graph_feed.h: the producer half of `bomay ingest`: a thread that reads
 * the inputs, extracts (or parses records) and writes each record's JSON,
 * while the main thread stores; a bounded queue between them. */
#ifndef BM_CLI_GRAPH_FEED_H
#define BM_CLI_GRAPH_FEED_H

#include "bomay.h"

typedef struct bm_feed bm_feed;

/* One document ready to store: the caller frees rec (bm_record_free) and
 * json (free).  path and line are for messages, valid until the next
 * bm_feed_next. */
typedef struct {
	bm_record *rec;
	char *json;
	size_t bytes;         /* input bytes of the document */
	char path[1024];
	long line;
} bm_feed_item;

/* Why inputs were skipped, counted by reason. */
typedef struct {
	long skipped;
	struct {
		const char *reason;
		long n;
	} v[16];
	size_t n;
	double t_extract;     /* seconds the thread spent extracting */
	double cpu;           /* CPU seconds of the thread */
} bm_feed_stats;

/* Starts the thread over paths (as bm_reader_new takes them).  records:
 * the inputs are extract records; lossy: as extract --lossy.  Skipped
 * inputs are reported on stderr by the thread as they come.  Fails only
 * when the lexicons or the thread cannot be had (-1). */
int bm_feed_start(bm_feed **out, char *const *paths, size_t n_paths,
		  size_t max_doc, int records, int lossy);
/* Waits for the next document: 1 with *it filled, 0 at the end. */
int bm_feed_next(bm_feed *f, bm_feed_item *it);
/* Stops the thread (early if need be), frees what is queued, gives the
 * skip counts and frees f. */
void bm_feed_finish(bm_feed *f, bm_feed_stats *st);

#endif
