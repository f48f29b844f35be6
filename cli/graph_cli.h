/* graph_cli.h: what the graph commands (ingest, query, merge, entity)
 * share: opening the database with a clear message, reporting a graph
 * error, resolving a name or listing its candidates. */
#ifndef BM_CLI_GRAPH_CLI_H
#define BM_CLI_GRAPH_CLI_H

#include "bomay.h"

/* The database when --db is not given. */
#define BM_CLI_DEFAULT_DB "bomay.db"

/* Opens the graph at path; on failure prints "bomay: PATH: why" and
 * returns BM_EXIT_FAIL (with *out NULL), else 0. */
int bm_cli_graph_open(const char *path, int flags, bm_graph **out);
/* The same for reading: read-only, unless the schema is older and the file
 * can be written (then it is upgraded). */
int bm_cli_graph_open_read(const char *path, bm_graph **out);
/* Prints "bomay: PATH: message" for a failed graph call; returns the exit
 * status it calls for (BM_EXIT_INPUT for a name not found or ambiguous,
 * else BM_EXIT_FAIL). */
int bm_cli_graph_fail(bm_graph *g, const char *path, int rc);
/* Resolves name as bm_graph_resolve does; on failure prints the message and
 * any candidates (one "  #ID TYPE NAME (N documents)" line each) and
 * returns the exit status, else 0. */
int bm_cli_resolve(bm_graph *g, const char *path, const char *name,
		   unsigned mask, int64_t *id);
/* Prints the candidates of an ambiguous name on stderr. */
void bm_cli_candidates(const bm_matches *m);

#endif
