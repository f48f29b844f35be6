/* main.c: the bomay command: global options and the table of subcommands. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

typedef struct {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{"extract", bm_cmd_extract,
	 "extract entities and relations as JSON Lines records"},
	{"merge", bm_cmd_merge, "combine shard databases into one"},
	{"entity", bm_cmd_entity,
	 "correct the graph: merge, rename, alias, split, delete, undo"},
	{"ingest", bm_cmd_ingest,
	 "merge documents or records into the graph database"},
	{"query", bm_cmd_query,
	 "ask the graph: who, positions, neighbors, path, search, stats"},
	{"export", bm_cmd_export, "write the graph as DOT, GraphML, JSON or CSV"},
	{"render", bm_cmd_render, "draw an organization diagram (SVG, PNG, PDF)"},
};

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay [--help] [--version] COMMAND [ARGS]\n"
		"\n"
		"Turn Vietnamese news text into a knowledge graph of the state "
		"apparatus.\n"
		"\n"
		"commands:\n");
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n'bomay COMMAND --help' describes a command; "
		   "man bomay describes them all.\n");
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return BM_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0) {
		printf("bomay %s\n", BOMAY_VERSION);
		return BM_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	bm_cli_error("unknown command '%s'", argv[1]);
	usage(stderr);
	return BM_EXIT_USAGE;
}
