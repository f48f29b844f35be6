/* writer.c: the bm_writer handle: picks a format's operations, forwards
 * nodes and edges to them, and bm_export, one graph walk into one writer. */
#include <stdlib.h>
#include <string.h>

#include "export/writer.h"

struct bm_writer {
	bm_writer_ops ops;
	void *impl;
	int finished;
};

static const char *const format_names[BM_FORMAT__COUNT] = {
	"dot", "graphml", "json", "csv"};

const char *bm_format_name(bm_format f)
{
	return (unsigned)f < BM_FORMAT__COUNT ? format_names[f] : "?";
}

int bm_format_parse(const char *s, bm_format *out)
{
	for (int i = 0; i < BM_FORMAT__COUNT; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*out = (bm_format)i;
			return 0;
		}
	return BM_EINVAL;
}

int bm_writer_new(bm_writer **out, bm_format fmt, FILE *f, int flags)
{
	static void *(*const ctor[BM_FORMAT__COUNT])(bm_writer_ops *, FILE *,
						      int) = {
		bm_dot_writer_new, bm_graphml_writer_new, bm_json_writer_new,
		bm_csv_writer_new};
	*out = NULL;
	if ((unsigned)fmt >= BM_FORMAT__COUNT || !f)
		return BM_EINVAL;
	bm_writer *w = bm_xcalloc(1, sizeof *w);
	w->impl = ctor[fmt](&w->ops, f, flags);
	*out = w;
	return 0;
}

int bm_writer_node(bm_writer *w, const bm_node *n)
{
	return w->ops.node(w->impl, n);
}

int bm_writer_edge(bm_writer *w, const bm_edge *e)
{
	return w->ops.edge(w->impl, e);
}

int bm_writer_finish(bm_writer *w)
{
	if (w->finished)
		return BM_EINVAL;
	w->finished = 1;
	return w->ops.finish(w->impl);
}

void bm_writer_free(bm_writer *w)
{
	if (!w)
		return;
	w->ops.free(w->impl);
	free(w);
}

static int walk_node(void *payload, const bm_node *n)
{
	return bm_writer_node(payload, n);
}

static int walk_edge(void *payload, const bm_edge *e)
{
	return bm_writer_edge(payload, e);
}

int bm_export(bm_graph *g, const bm_selector *sel, bm_format fmt, int flags,
	      FILE *f)
{
	static const bm_walk_cb cb = {walk_node, walk_edge};
	bm_writer *w = NULL;
	int rc = bm_writer_new(&w, fmt, f, flags);
	if (rc == 0)
		rc = bm_graph_walk(g, sel, &cb, w);
	if (rc == 0)
		rc = bm_writer_finish(w);
	bm_writer_free(w);
	return rc;
}
