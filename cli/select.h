/* select.h: the options export and render share: which part of the graph
 * (bm_selector) and which database, parsed and reported the CLI's way. */
#ifndef BM_CLI_SELECT_H
#define BM_CLI_SELECT_H

#include "bomay.h"

/* Parses one selector option (c: the getopt_long value of the options
 * below) into *sel; 1 when c was one of them, 0 when not, -1 after
 * printing a usage error.  The strings stay borrowed from argv. */
enum {
	BM_OPT_DB = 1000, BM_OPT_FOCUS, BM_OPT_DEPTH, BM_OPT_TYPE,
	BM_OPT_RELATION, BM_OPT_SINCE, BM_OPT_UNTIL, BM_OPT_MIN_EVIDENCE
};
int bm_cli_select_opt(int c, const char *arg, bm_selector *sel,
		      const char **db);
/* Checks the combination (--depth needs --focus); -1 after a message. */
int bm_cli_select_check(const bm_selector *sel);

/* Opens db read-only for a walk; NULL after printing why. */
bm_graph *bm_cli_open_graph(const char *db);
/* Prints a walk's failure: the graph's detail for its errors. */
void bm_cli_walk_error(bm_graph *g, const char *db, int rc);

#endif
