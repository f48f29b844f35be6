/* graph_cli.c: messages of the graph commands: opening the database,
 * failures of graph calls, names that match nothing or several entities. */
#include "cli/graph_cli.h"

#include <stdio.h>

#include "cli/commands.h"

int bm_cli_graph_open(const char *path, int flags, bm_graph **out)
{
	int rc = bm_graph_open(out, path, flags);
	if (rc == 0)
		return 0;
	if (rc == BM_ENOTFOUND)
		bm_cli_error("%s: no such database (ingest something first)", path);
	else
		bm_cli_error("%s: %s", path, bm_graph_errmsg(*out));
	bm_graph_close(*out);
	*out = NULL;
	return BM_EXIT_FAIL;
}

int bm_cli_graph_open_read(const char *path, bm_graph **out)
{
	if (bm_graph_open(out, path, BM_GRAPH_READONLY) == 0)
		return 0;
	/* an older schema is upgraded by a writing open, when the file can
	 * be written; else the read-only open's message stands */
	bm_graph *rw = NULL;
	if (bm_graph_open(&rw, path, 0) == 0) {
		bm_graph_close(*out);
		*out = rw;
		return 0;
	}
	bm_graph_close(rw);
	bm_graph_close(*out);
	*out = NULL;
	return bm_cli_graph_open(path, BM_GRAPH_READONLY, out);
}

int bm_cli_graph_fail(bm_graph *g, const char *path, int rc)
{
	bm_cli_error("%s: %s", path, bm_graph_errmsg(g));
	return rc == BM_ENOTFOUND || rc == BM_EAMBIGUOUS ? BM_EXIT_INPUT
							 : BM_EXIT_FAIL;
}

void bm_cli_candidates(const bm_matches *m)
{
	fprintf(stderr, "bomay: candidates (name one by #ID):\n");
	for (size_t i = 0; i < m->n; i++)
		fprintf(stderr, "  #%lld %s %s%s%s%s (%ld documents)\n",
			(long long)m->v[i].id, bm_ent_type_name(m->v[i].type),
			m->v[i].name, m->v[i].matched ? " [as " : "",
			m->v[i].matched ? m->v[i].matched : "",
			m->v[i].matched ? "]" : "", m->v[i].n_documents);
}

int bm_cli_resolve(bm_graph *g, const char *path, const char *name,
		   unsigned mask, int64_t *id)
{
	bm_matches cands = {0};
	int rc = bm_graph_resolve(g, name, mask, id, &cands);
	if (rc == 0)
		return 0;
	int status = bm_cli_graph_fail(g, path, rc);
	if (rc == BM_EAMBIGUOUS)
		bm_cli_candidates(&cands);
	bm_matches_free(&cands);
	return status;
}
