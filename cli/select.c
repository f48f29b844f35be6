/* select.c: the selector options of export and render (--db, --focus,
 * --depth, --type, --relation, --since, --until, --min-evidence). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/select.h"

/* A comma-separated list of names into a bit mask. */
static int parse_list(const char *opt, const char *arg, unsigned *mask,
		      int is_type)
{
	char *copy = strdup(arg), *save = NULL;
	int rc = 0;
	if (!copy)
		abort();
	*mask = 0;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		bm_ent_type et;
		bm_rel_type rt;
		if (is_type && bm_ent_type_parse(t, &et) == 0) {
			*mask |= 1u << et;
		} else if (!is_type && bm_rel_type_parse(t, &rt) == 0) {
			*mask |= 1u << rt;
		} else {
			bm_cli_error("%s: unknown %s '%s' (one of %s)", opt,
				     is_type ? "type" : "relation", t,
				     is_type ? "PERSON, ORG, LOC, LAW, OTHER"
					     : "holds_position, part_of, "
					       "cooperates_with");
			rc = -1;
			break;
		}
	}
	if (rc == 0 && *mask == 0) {
		bm_cli_error("%s: empty list", opt);
		rc = -1;
	}
	free(copy);
	return rc;
}

static int parse_count(const char *opt, const char *arg, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || end == arg || *end || v < 0 || v > max) {
		bm_cli_error("%s: not a number from 0 to %ld: '%s'", opt, max, arg);
		return -1;
	}
	*out = v;
	return 0;
}

/* YYYY, YYYY-MM or YYYY-MM-DD: dates compare as text in the database. */
static int parse_date(const char *opt, const char *arg)
{
	static const char shape[] = "dddd-dd-dd";
	size_t n = strlen(arg);
	int ok = n == 4 || n == 7 || n == 10;
	for (size_t i = 0; ok && i < n; i++)
		ok = shape[i] == 'd' ? arg[i] >= '0' && arg[i] <= '9'
				     : arg[i] == '-';
	if (!ok)
		bm_cli_error("%s: not a date (YYYY, YYYY-MM or YYYY-MM-DD): '%s'",
			     opt, arg);
	return ok ? 0 : -1;
}

int bm_cli_select_opt(int c, const char *arg, bm_selector *sel,
		      const char **db)
{
	long v;
	switch (c) {
	case BM_OPT_DB: *db = arg; return 1;
	case BM_OPT_FOCUS: sel->focus = arg; return 1;
	case BM_OPT_DEPTH:
		if (parse_count("--depth", arg, 100, &v) != 0)
			return -1;
		sel->depth = (int)v;
		return 1;
	case BM_OPT_TYPE:
		return parse_list("--type", arg, &sel->type_mask, 1) ? -1 : 1;
	case BM_OPT_RELATION:
		return parse_list("--relation", arg, &sel->rel_mask, 0) ? -1 : 1;
	case BM_OPT_SINCE: sel->since = arg; return parse_date("--since", arg) ? -1 : 1;
	case BM_OPT_UNTIL: sel->until = arg; return parse_date("--until", arg) ? -1 : 1;
	case BM_OPT_MIN_EVIDENCE:
		if (parse_count("--min-evidence", arg, 1000000000L, &v) != 0)
			return -1;
		sel->min_evidence = v;
		return 1;
	default: return 0;
	}
}

int bm_cli_select_check(const bm_selector *sel)
{
	if (sel->depth && !sel->focus) {
		bm_cli_error("--depth needs --focus");
		return -1;
	}
	return 0;
}

bm_graph *bm_cli_open_graph(const char *db)
{
	bm_graph *g = NULL;
	int rc = bm_graph_open(&g, db, BM_GRAPH_READONLY);
	if (rc != 0) {
		/* "bomay: FILE: ..." (the not-found message names it already) */
		if (rc == BM_ENOTFOUND)
			bm_cli_error("%s", bm_graph_errmsg(g));
		else
			bm_cli_error("%s: %s", db, bm_graph_errmsg(g));
		bm_graph_close(g);
		return NULL;
	}
	return g;
}

void bm_cli_walk_error(bm_graph *g, const char *db, int rc)
{
	if (rc == BM_ENOTFOUND || rc == BM_EAMBIGUOUS)
		bm_cli_error("%s", bm_graph_errmsg(g));
	else
		bm_cli_error("%s: %s: %s", db, bm_strerror(rc),
			     bm_graph_errmsg(g));
}
