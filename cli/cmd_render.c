/* cmd_render.c: `bomay render`: an organization diagram around one entity,
 * laid out by Graphviz and written as SVG, PNG or PDF. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cli/commands.h"
#include "cli/select.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay render [--db FILE] --focus NAME [--depth N] -o FILE.svg|png|pdf\n"
		"\n"
		"Draws the organization diagram around NAME: parent agencies above\n"
		"their sub-units, officials inside their agency's box with their\n"
		"roles on the arrows (dashed: a former post).  The picture's format\n"
		"follows the extension of FILE.\n"
		"\n"
		"options:\n"
		"      --db FILE      the graph database (default bomay.db)\n"
		"      --focus NAME   the entity to draw around (a name or alias)\n"
		"      --depth N      hops from the focus (default 1)\n"
		"  -o, --output FILE  the picture: .svg, .png or .pdf\n"
		"  -h, --help         this help\n"
		"\n"
		"exit status: 0 written, 2 usage error, 3 failed (no database, no such\n"
		"entity, or Graphviz could not draw or write).\n");
}

static const struct option opts[] = {
	{"db", required_argument, NULL, BM_OPT_DB},
	{"focus", required_argument, NULL, BM_OPT_FOCUS},
	{"depth", required_argument, NULL, BM_OPT_DEPTH},
	{"output", required_argument, NULL, 'o'},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0}};

/* "svg", "png" or "pdf" from the file name, or NULL. */
static const char *format_of(const char *path)
{
	static const char *const formats[] = {"svg", "png", "pdf"};
	const char *dot = strrchr(path, '.');
	for (size_t i = 0; dot && i < sizeof formats / sizeof formats[0]; i++)
		if (strcasecmp(dot + 1, formats[i]) == 0)
			return formats[i];
	return NULL;
}

int bm_cmd_render(int argc, char **argv)
{
	const char *db = "bomay.db", *output = NULL, *format;
	bm_selector sel = {0};
	char err[512];
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		int r = bm_cli_select_opt(c, optarg, &sel, &db);
		if (r < 0)
			return BM_EXIT_USAGE;
		if (r > 0)
			continue;
		switch (c) {
		case 'o': output = optarg; break;
		case 'h': usage(stdout); return BM_EXIT_OK;
		default: usage(stderr); return BM_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		bm_cli_error("render: unexpected argument '%s'", argv[optind]);
		return BM_EXIT_USAGE;
	}
	if (!sel.focus || !output) {
		bm_cli_error("render: --focus and -o are required");
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if (!(format = format_of(output))) {
		bm_cli_error("%s: the name must end in .svg, .png or .pdf", output);
		return BM_EXIT_USAGE;
	}
	bm_graph *g = bm_cli_open_graph(db);
	if (!g)
		return BM_EXIT_FAIL;
	int rc = bm_render(g, &sel, format, output, err, sizeof err);
	if (rc == BM_EIO)
		bm_cli_error("%s: %s", output, err[0] ? err : "cannot render");
	else if (rc != 0)
		bm_cli_walk_error(g, db, rc);
	bm_graph_close(g);
	return rc == 0 ? BM_EXIT_OK : BM_EXIT_FAIL;
}
