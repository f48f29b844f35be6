/* cmd_export.c: `bomay export`: the graph, or part of it, as DOT, GraphML,
 * JSON or CSV. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/select.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay export [--db FILE] --format dot|graphml|json|csv [-o FILE]\n"
		"                    [--focus NAME [--depth N]] [--type PERSON,ORG]\n"
		"                    [--relation holds_position,part_of]\n"
		"                    [--since DATE --until DATE] [--min-evidence N]\n"
		"                    [--cluster]\n"
		"\n"
		"Writes the knowledge graph (or the part selected) for graph tools:\n"
		"DOT for Graphviz, GraphML for Gephi, yEd, Cytoscape and NetworkX,\n"
		"JSON ({\"nodes\": [...], \"edges\": [...]}) and CSV (RFC 4180, one row\n"
		"a node or edge, told apart by the column 'kind') for pandas and R.\n"
		"\n"
		"options:\n"
		"      --db FILE           the graph database (default bomay.db)\n"
		"  -f, --format FORMAT     dot, graphml, json or csv (required)\n"
		"  -o, --output FILE       write to FILE instead of standard output\n"
		"      --focus NAME        start from this entity (a name or alias)\n"
		"      --depth N           hops from the focus (default 1)\n"
		"      --type LIST         only these entity types, e.g. PERSON,ORG\n"
		"      --relation LIST     only these relations, e.g. holds_position,part_of\n"
		"      --since DATE        only relations seen on or after DATE\n"
		"      --until DATE        only relations seen on or before DATE\n"
		"                          (DATE: YYYY, YYYY-MM or YYYY-MM-DD)\n"
		"      --min-evidence N    only relations with at least N sentences\n"
		"      --cluster           dot: people inside their organization's\n"
		"                          box, sub-units inside their parent's\n"
		"  -h, --help              this help\n"
		"\n"
		"Relation filters keep only the entities those relations touch.\n"
		"exit status: 0 written, 2 usage error, 3 failed (no database, no such\n"
		"entity, or a write error).\n");
}

static const struct option opts[] = {
	{"db", required_argument, NULL, BM_OPT_DB},
	{"format", required_argument, NULL, 'f'},
	{"output", required_argument, NULL, 'o'},
	{"focus", required_argument, NULL, BM_OPT_FOCUS},
	{"depth", required_argument, NULL, BM_OPT_DEPTH},
	{"type", required_argument, NULL, BM_OPT_TYPE},
	{"relation", required_argument, NULL, BM_OPT_RELATION},
	{"since", required_argument, NULL, BM_OPT_SINCE},
	{"until", required_argument, NULL, BM_OPT_UNTIL},
	{"min-evidence", required_argument, NULL, BM_OPT_MIN_EVIDENCE},
	{"cluster", no_argument, NULL, 'c'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

int bm_cmd_export(int argc, char **argv)
{
	const char *db = "bomay.db", *output = NULL, *format = NULL;
	bm_selector sel = {0};
	bm_format fmt;
	int flags = 0, c, status = BM_EXIT_OK;
	FILE *out = stdout;
	bm_graph *g = NULL;

	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:h", opts, NULL)) != -1) {
		int r = bm_cli_select_opt(c, optarg, &sel, &db);
		if (r < 0)
			return BM_EXIT_USAGE;
		if (r > 0)
			continue;
		switch (c) {
		case 'f': format = optarg; break;
		case 'o': output = optarg; break;
		case 'c': flags |= BM_EXPORT_CLUSTER; break;
		case 'h': usage(stdout); return BM_EXIT_OK;
		default: usage(stderr); return BM_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		bm_cli_error("export: unexpected argument '%s'", argv[optind]);
		return BM_EXIT_USAGE;
	}
	if (!format) {
		bm_cli_error("export: --format is required (dot, graphml, json, csv)");
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if (bm_format_parse(format, &fmt) != 0) {
		bm_cli_error("--format: unknown format '%s' (dot, graphml, json, csv)",
			     format);
		return BM_EXIT_USAGE;
	}
	if (bm_cli_select_check(&sel) != 0)
		return BM_EXIT_USAGE;
	if (!(g = bm_cli_open_graph(db)))
		return BM_EXIT_FAIL;
	if (output && strcmp(output, "-") != 0 && !(out = fopen(output, "w"))) {
		bm_cli_error("%s: cannot write: %s", output, strerror(errno));
		bm_graph_close(g);
		return BM_EXIT_FAIL;
	}
	int rc = bm_export(g, &sel, fmt, flags, out);
	if (rc == BM_EIO) {
		bm_cli_error("%s: write error", output ? output : "stdout");
		status = BM_EXIT_FAIL;
	} else if (rc != 0) {
		bm_cli_walk_error(g, db, rc);
		status = BM_EXIT_FAIL;
	}
	if (out != stdout) {
		/* only a regular file is removed: never /dev/full, /dev/null
		 * or a FIFO (as root, unlink would take the device away) */
		struct stat st;
		int regular = fstat(fileno(out), &st) == 0 && S_ISREG(st.st_mode);
		if (fclose(out) != 0 && status == BM_EXIT_OK) {
			bm_cli_error("%s: write error", output);
			status = BM_EXIT_FAIL;
		}
		if (status != BM_EXIT_OK && regular)
			unlink(output); /* no half-written export */
	}
	bm_graph_close(g);
	return status;
}
