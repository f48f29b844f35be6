/* cmd_ingest.c: `bomay ingest`: documents (extracted here) or extract's
 * records into the graph database, in batches, with progress and a
 * one-line summary. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/graph_cli.h"
#include "cli/graph_feed.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay ingest [OPTIONS] INPUT...\n"
		"\n"
		"Merges documents into the graph database: each INPUT is what\n"
		"'bomay extract' takes (.txt, .jsonl, a directory, - for stdin), or\n"
		"with --records the JSON Lines records 'bomay extract' writes:\n"
		"  bomay extract shard1 | bomay ingest --records -\n"
		"A document already there with the same content is skipped; one\n"
		"whose content changed replaces what it gave before.\n"
		"\n"
		"options:\n"
		"      --db FILE      the database (default " BM_CLI_DEFAULT_DB
		", created if missing)\n"
		"      --records      INPUTs are extract records, not documents\n"
		"      --lossy        replace invalid UTF-8 and NUL bytes by U+FFFD\n"
		"      --max-doc SIZE cap of one document or line (default 16M)\n"
		"      --batch N      documents per transaction (default 2000; a\n"
		"                     transaction also ends after a second)\n"
		"      --timing       also print the time spent storing, and\n"
		"                     reading and extracting (in a second thread)\n"
		"  -q, --quiet        no progress and no summary line\n"
		"  -h, --help         this help\n"
		"\n"
		"exit status: 0 all ingested, 1 some inputs skipped (each reported\n"
		"as 'bomay: FILE[:LINE]: reason'), 2 usage error, 3 database failure.\n");
}

typedef struct {
	long docs, added, replaced, unchanged, skipped;
	double bytes, total_bytes;  /* total 0: unknown */
	double t0, t_store, last_progress;
	int progress;
} run;

static void item_free(bm_feed_item *it)
{
	bm_record_free(it->rec);
	free(it->json);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(run *r, int last)
{
	double t = now(), dt = t - r->t0;
	if (!r->progress || (!last && t - r->last_progress < 0.5))
		return;
	r->last_progress = t;
	if (dt <= 0)
		dt = 1e-9;
	fprintf(stderr, "\rbomay: %ld documents, %.0f docs/s, %.1f MB/s",
		r->docs, (double)r->docs / dt,
		r->bytes / dt / 1e6);
	if (r->total_bytes > 0 && r->bytes > 0 && !last) {
		double eta = (r->total_bytes - r->bytes) / (r->bytes / dt);
		fprintf(stderr, ", ETA %.0f s", eta < 0 ? 0 : eta);
	}
	fputs(last ? "\n" : "   ", stderr);
}

/* The bytes of the inputs when all are regular files, else 0. */
static double input_size(char **paths, int n)
{
	double total = 0;
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 ||
		    !S_ISREG(st.st_mode))
			return 0;
		total += (double)st.st_size;
	}
	return total;
}

int bm_cmd_ingest(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"records", no_argument, NULL, 'r'},
		{"lossy", no_argument, NULL, 'L'},
		{"max-doc", required_argument, NULL, 'M'},
		{"batch", required_argument, NULL, 'B'},
		{"timing", no_argument, NULL, 'T'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *db = BM_CLI_DEFAULT_DB;
	int records = 0, quiet = 0, timing = 0, lossy = 0, c, status = BM_EXIT_OK;
	int rc;
	size_t max_doc = 0, batch = 2000, in_batch = 0;
	long no_id = 0;
	double batch_t0;
	bm_graph *g = NULL;
	bm_feed *feed = NULL;
	bm_feed_item it;
	bm_feed_stats fs = {0};
	bm_graph_counts before = {0}, after = {0};
	run r;

	memset(&r, 0, sizeof r);
	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'd': db = optarg; break;
		case 'r': records = 1; break;
		case 'L': lossy = 1; break;
		case 'M':
			if (bm_cli_parse_size(optarg, &max_doc) != 0) {
				bm_cli_error("--max-doc: not a size: '%s'", optarg);
				return BM_EXIT_USAGE;
			}
			break;
		case 'B':
			if (bm_cli_parse_size(optarg, &batch) != 0) {
				bm_cli_error("--batch: not a number: '%s'", optarg);
				return BM_EXIT_USAGE;
			}
			break;
		case 'T': timing = 1; break;
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return BM_EXIT_OK;
		default: usage(stderr); return BM_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bm_cli_error("ingest: no input given");
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if ((status = bm_cli_graph_open(db, BM_GRAPH_CREATE, &g)) != 0)
		return status;
	if ((rc = bm_graph_stats(g, &before)) < 0) {
		status = bm_cli_graph_fail(g, db, rc);
		goto cleanup;
	}
	if (bm_feed_start(&feed, argv + optind, (size_t)(argc - optind), max_doc,
			  records, lossy) != 0) {
		bm_cli_error("cannot load the lexicons or start a thread");
		status = BM_EXIT_FAIL;
		goto cleanup;
	}
	r.progress = !quiet && isatty(STDERR_FILENO);
	r.total_bytes = input_size(argv + optind, argc - optind);
	r.t0 = batch_t0 = now();
	while (bm_feed_next(feed, &it)) {
		double t = now();
		r.bytes += (double)it.bytes;
		if (in_batch == 0) {
			batch_t0 = t;
			if ((rc = bm_graph_begin(g)) < 0) {
				item_free(&it);
				status = bm_cli_graph_fail(g, db, rc);
				goto cleanup;
			}
		}
		rc = bm_graph_ingest_json(g, it.rec, it.json);
		if (rc == BM_EINVAL) {
			bm_diag d;
			snprintf(d.path, sizeof d.path, "%s", it.path);
			d.line = it.line;
			d.offset = -1;
			snprintf(d.msg, sizeof d.msg, "%s; skipped", bm_graph_errmsg(g));
			bm_cli_diag(&d);
			no_id++;
		}
		item_free(&it);
		if (rc < 0 && rc != BM_EINVAL) {
			status = bm_cli_graph_fail(g, db, rc);
			goto cleanup;
		}
		if (rc >= 0) {
			r.docs++;
			if (rc == BM_INGEST_NEW)
				r.added++;
			else if (rc == BM_INGEST_REPLACED)
				r.replaced++;
			else
				r.unchanged++;
		}
		/* a batch ends at its size or after a second, so that another
		 * writer of the file waits no longer than that */
		if (++in_batch >= batch || now() - batch_t0 > 1.0) {
			if ((rc = bm_graph_commit(g)) < 0) {
				status = bm_cli_graph_fail(g, db, rc);
				goto cleanup;
			}
			in_batch = 0;
		}
		r.t_store += now() - t;
		progress(&r, 0);
	}
	if (in_batch && (rc = bm_graph_commit(g)) < 0) {
		status = bm_cli_graph_fail(g, db, rc);
		goto cleanup;
	}
	if ((rc = bm_graph_stats(g, &after)) < 0) {
		status = bm_cli_graph_fail(g, db, rc);
		goto cleanup;
	}
	bm_feed_finish(feed, &fs);
	feed = NULL;
	if (no_id) {
		fs.skipped += no_id;
		if (fs.n < sizeof fs.v / sizeof fs.v[0]) {
			fs.v[fs.n].reason = "no document id";
			fs.v[fs.n++].n = no_id;
		}
	}
	progress(&r, 1);
	if (!quiet) {
		fprintf(stderr,
			"bomay: ingested %ld documents into %s (%ld new, %ld "
			"replaced, %ld unchanged): %+ld entities, %+ld relations; "
			"%ld skipped",
			r.docs, db, r.added, r.replaced, r.unchanged,
			after.entities - before.entities,
			after.relations - before.relations, fs.skipped);
		for (size_t i = 0; i < fs.n; i++)
			fprintf(stderr, "%s%ld %s", i ? ", " : " (", fs.v[i].n,
				fs.v[i].reason);
		fputs(fs.n ? ")\n" : "\n", stderr);
	}
	if (timing) {
		struct timespec cpu = {0, 0};
		clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
		fprintf(stderr,
			"bomay: %.1f MB in %.2f s (%.1f MB/s): store %.2f s (CPU "
			"%.2f s) in this thread; read and %s %.2f s (CPU %.2f s) "
			"in the other\n",
			r.bytes / 1e6, now() - r.t0,
			r.bytes / 1e6 / (now() - r.t0 > 0 ? now() - r.t0 : 1e-9),
			r.t_store,
			(double)cpu.tv_sec + (double)cpu.tv_nsec / 1e9,
			records ? "parse" : "extract", fs.t_extract, fs.cpu);
	}
	if (fs.skipped)
		status = BM_EXIT_INPUT;
cleanup:
	bm_feed_finish(feed, NULL);
	free(before.first_date);
	free(before.last_date);
	free(after.first_date);
	free(after.last_date);
	bm_graph_close(g);
	return status;
}
