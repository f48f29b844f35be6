/* cmd_extract.c: `bomay extract`: documents in, one JSON Lines record each out. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay extract [OPTIONS] INPUT...\n"
		"\n"
		"Writes one JSON Lines record per document (entities, relations,\n"
		"mentions and evidence; see docs/bomay.1).  INPUT is a .txt file\n"
		"(one document, id = file name without extension), a .jsonl file\n"
		"(one {\"id\",\"text\",...} document a line), a directory of them, or -\n"
		"for standard input.\n"
		"\n"
		"options:\n"
		"  -o, --output FILE  write to FILE instead of standard output\n"
		"      --lossy        replace invalid UTF-8 and NUL bytes by U+FFFD\n"
		"                     instead of skipping the document\n"
		"      --max-doc SIZE cap of one document (default 16M)\n"
		"  -q, --quiet        no summary line on standard error\n"
		"  -h, --help         this help\n"
		"\n"
		"exit status: 0 all documents extracted, 1 some skipped (each reported\n"
		"as 'bomay: FILE[:LINE]: reason'), 2 usage error, 3 output failed.\n");
}

int bm_cmd_extract(int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"lossy", no_argument, NULL, 'L'},
		{"max-doc", required_argument, NULL, 'M'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	const char *output = NULL;
	bm_extract_opts xo = {0};
	size_t max_doc = 0;
	int quiet = 0, c;
	FILE *out = stdout;
	bm_reader *rd = NULL;
	bm_extractor *x = NULL;
	long n_ok = 0, n_bad = 0, n_ent = 0, n_rel = 0;
	int status = BM_EXIT_OK;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'o': output = optarg; break;
		case 'L': xo.lossy = 1; break;
		case 'M':
			if (bm_cli_parse_size(optarg, &max_doc) != 0) {
				bm_cli_error("--max-doc: not a size: '%s'", optarg);
				return BM_EXIT_USAGE;
			}
			break;
		case 'q': quiet = 1; break;
		case 'h': usage(stdout); return BM_EXIT_OK;
		default: usage(stderr); return BM_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bm_cli_error("extract: no input given");
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if (output && strcmp(output, "-") != 0) {
		out = fopen(output, "w");
		if (!out) {
			bm_cli_error("%s: cannot write: %s", output, strerror(errno));
			return BM_EXIT_FAIL;
		}
	}
	bm_reader_new(&rd, argv + optind, (size_t)(argc - optind), max_doc,
		      xo.lossy ? BM_READ_LOSSY : 0);
	if (bm_extractor_new(&x, &xo) != 0) {
		bm_cli_error("cannot load the lexicons");
		status = BM_EXIT_FAIL;
		goto cleanup;
	}
	for (;;) {
		bm_input_doc doc;
		bm_diag d;
		int rc = bm_reader_next(rd, &doc, &d);
		if (rc == 0)
			break;
		if (rc < 0) {
			bm_cli_diag(&d);
			n_bad++;
			continue;
		}
		bm_record *rec = NULL;
		long long bad = -1;
		rc = bm_extract(x, &doc, &rec, &bad);
		if (rc != 0) {
			snprintf(d.path, sizeof d.path, "%s", doc.path);
			d.line = doc.line;
			d.offset = bad;
			snprintf(d.msg, sizeof d.msg, "%s%s", bm_strerror(rc),
				 rc == BM_EUTF8 ? "; document skipped (see --lossy)"
						: "; document skipped");
			bm_cli_diag(&d);
			n_bad++;
			continue;
		}
		n_ok++;
		n_ent += (long)rec->n_entities;
		n_rel += (long)rec->n_relations;
		rc = bm_record_write_json(rec, out);
		bm_record_free(rec);
		if (rc != 0) {
			bm_cli_error("%s: write error", output ? output : "stdout");
			status = BM_EXIT_FAIL;
			goto cleanup;
		}
	}
	if (fflush(out) != 0) {
		bm_cli_error("%s: write error", output ? output : "stdout");
		status = BM_EXIT_FAIL;
	}
	if (status == BM_EXIT_OK && n_bad)
		status = BM_EXIT_INPUT;
	if (!quiet)
		fprintf(stderr,
			"bomay: extracted %ld documents (%ld skipped): %ld entities, "
			"%ld relations\n",
			n_ok, n_bad, n_ent, n_rel);
cleanup:
	bm_extractor_free(x);
	bm_reader_free(rd);
	if (out != stdout && fclose(out) != 0 && status == BM_EXIT_OK) {
		bm_cli_error("%s: write error", output);
		status = BM_EXIT_FAIL;
	}
	return status;
}
