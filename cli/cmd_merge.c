/* cmd_merge.c: `bomay merge --db OUT A.db B.db ...`: shard databases into
 * one; the result does not depend on the order of the shards. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "cli/graph_cli.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay merge [--db OUT] SHARD.db...\n"
		"\n"
		"Adds the documents and curation rules of each shard database to\n"
		"OUT (created if missing), as ingesting their records would: the\n"
		"result does not depend on the order of the shards.  A document in\n"
		"several shards with different content: the latest ingest wins.\n"
		"\n"
		"options:\n"
		"      --db OUT    the database to merge into (default " BM_CLI_DEFAULT_DB
		")\n"
		"  -q, --quiet     no summary line\n"
		"  -h, --help      this help\n"
		"\n"
		"exit status: 0 merged, 2 usage error, 3 a database failed (the\n"
		"shards merged before it stay merged).\n");
}

int bm_cmd_merge(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *db = BM_CLI_DEFAULT_DB;
	int quiet = 0, c, status, rc;
	bm_graph *g = NULL;
	bm_graph_counts after = {0};
	long total = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return BM_EXIT_OK;
		default: usage(stderr); return BM_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bm_cli_error("merge: no shard database given");
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if ((status = bm_cli_graph_open(db, BM_GRAPH_CREATE, &g)) != 0)
		return status;
	for (int i = optind; i < argc; i++) {
		long n = 0;
		if ((rc = bm_graph_merge_from(g, argv[i], &n)) < 0) {
			/* the message starts with the database at fault */
			bm_cli_error("%s", bm_graph_errmsg(g));
			status = BM_EXIT_FAIL;
			goto cleanup;
		}
		total += n;
	}
	if ((rc = bm_graph_stats(g, &after)) < 0) {
		status = bm_cli_graph_fail(g, db, rc);
		goto cleanup;
	}
	if (!quiet)
		fprintf(stderr,
			"bomay: merged %ld documents from %d databases into %s: "
			"%ld documents, %ld entities, %ld relations\n",
			total, argc - optind, db, after.documents, after.entities,
			after.relations);
cleanup:
	free(after.first_date);
	free(after.last_date);
	bm_graph_close(g);
	return status;
}
