/* cmd_entity.c: `bomay entity`: researchers' corrections of the graph,
 * kept as rules that later ingests apply again; listed and undoable. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/graph_cli.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay entity [--db FILE] ACTION ARGS...\n"
		"\n"
		"actions:\n"
		"  merge A B               B is the same as A: one entity (A's id)\n"
		"  rename A NEW            NEW becomes A's name (kept on later ingests)\n"
		"  alias add A ALIAS       ALIAS names A too\n"
		"  alias remove A ALIAS    ALIAS no longer names A\n"
		"  split A --doc ID...     A in these documents is another entity\n"
		"  delete A                remove A and keep it out of later ingests\n"
		"  rules                   list the rules (#ID, action, names, time)\n"
		"  undo [ID]               undo rule ID (default: the latest)\n"
		"Names are written as in 'bomay query' (any accents and case, or #ID).\n"
		"\n"
		"options:\n"
		"      --db FILE   the database (default " BM_CLI_DEFAULT_DB ")\n"
		"      --doc ID    split: a document id (repeat for more)\n"
		"  -h, --help      this help\n"
		"\n"
		"exit status: 0 done, 1 no such entity or ambiguous name, 2 usage\n"
		"error, 3 database failure or a correction that cannot apply.\n");
}

static int print_rules(bm_graph *g, const char *db)
{
	bm_rules_list l;
	int rc = bm_entity_rules(g, &l);
	if (rc < 0)
		return bm_cli_graph_fail(g, db, rc);
	for (size_t i = 0; i < l.n; i++) {
		const bm_rule *r = &l.v[i];
		printf("#%lld %s %s %s \"%s\"", (long long)r->id, r->created_at,
		       r->op, bm_ent_type_name(r->type), r->a);
		if (r->b)
			printf(" \"%s\"", r->b);
		if (r->docs) {
			printf(" in");
			for (const char *p = r->docs; *p; p++)
				if (p == r->docs || p[-1] == '\n')
					printf(" %.*s", (int)strcspn(p, "\n"), p);
		}
		puts(r->undone ? " (undone)" : "");
	}
	bm_rules_list_free(&l);
	return BM_EXIT_OK;
}

static int wrong_args(const char *action)
{
	bm_cli_error("entity %s: wrong number of arguments (see bomay entity "
		     "--help)",
		     action);
	return BM_EXIT_USAGE;
}

static int act(bm_graph *g, const char *db, char **args, int n, char **docs,
	       size_t n_docs)
{
	const char *a = args[0];
	bm_matches cands = {0};
	int rc;

	if (strcmp(a, "rules") == 0)
		return n == 1 ? print_rules(g, db) : wrong_args(a);
	if (strcmp(a, "undo") == 0) {
		long long id = 0;
		char *end = NULL;
		if (n > 2 || (n == 2 && ((id = strtoll(args[1] + (args[1][0] == '#'),
						      &end, 10)) <= 0 || *end)))
			return wrong_args(a);
		rc = bm_entity_undo(g, id);
	} else if (strcmp(a, "merge") == 0 || strcmp(a, "rename") == 0) {
		if (n != 3)
			return wrong_args(a);
		rc = a[0] == 'm' ? bm_entity_merge(g, args[1], args[2], &cands)
				 : bm_entity_rename(g, args[1], args[2], &cands);
	} else if (strcmp(a, "alias") == 0) {
		if (n != 4 || (strcmp(args[1], "add") && strcmp(args[1], "remove")))
			return wrong_args(a);
		rc = bm_entity_alias(g, args[2], args[3],
				     strcmp(args[1], "add") == 0, &cands);
	} else if (strcmp(a, "split") == 0) {
		if (n != 2 || n_docs == 0) {
			bm_cli_error("entity split: give a name and one --doc ID or more");
			return BM_EXIT_USAGE;
		}
		rc = bm_entity_split(g, args[1], docs, n_docs, &cands);
	} else if (strcmp(a, "delete") == 0) {
		if (n != 2)
			return wrong_args(a);
		rc = bm_entity_delete(g, args[1], &cands);
	} else {
		bm_cli_error("entity: unknown action '%s'", a);
		return BM_EXIT_USAGE;
	}
	if (rc == 0)
		return BM_EXIT_OK;
	int status = bm_cli_graph_fail(g, db, rc);
	if (rc == BM_EAMBIGUOUS)
		bm_cli_candidates(&cands);
	bm_matches_free(&cands);
	return status;
}

int bm_cmd_entity(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"doc", required_argument, NULL, 'D'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *db = BM_CLI_DEFAULT_DB;
	char **docs = calloc((size_t)argc, sizeof *docs);
	size_t n_docs = 0;
	bm_graph *g = NULL;
	int c, status;

	if (!docs)
		abort(); /* out of memory, as the library's xmalloc does */
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'D': docs[n_docs++] = optarg; break;
		case 'h': free(docs); usage(stdout); return BM_EXIT_OK;
		default: free(docs); usage(stderr); return BM_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		free(docs);
		bm_cli_error("entity: no action given");
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if ((status = bm_cli_graph_open(db, 0, &g)) == 0)
		status = act(g, db, argv + optind, argc - optind, docs, n_docs);
	bm_graph_close(g);
	free(docs);
	return status;
}
