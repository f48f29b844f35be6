/* render.c: bm_render: the diagram of dotgraph.c, clustered, laid out by
 * libgvc's dot and written as SVG, PNG or PDF.  Graphviz's own messages are
 * kept from stderr and checked with agerrors(). */
#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

#include "export/dotgraph.h"
#include "export/writer.h"

static int render_node(void *payload, const bm_node *n)
{
	return bm_dotg_node(payload, n);
}

static int render_edge(void *payload, const bm_edge *e)
{
	return bm_dotg_edge(payload, e);
}

static int known_format(const char *format)
{
	static const char *const ok[] = {"svg", "png", "pdf"};
	for (size_t i = 0; i < BM_ARRAY_LEN(ok); i++)
		if (strcmp(format, ok[i]) == 0)
			return 1;
	return 0;
}

static void graphviz_msg(char *errbuf, size_t errlen, const char *what)
{
	if (!errbuf || !errlen)
		return;
	char *last = aglasterr();
	snprintf(errbuf, errlen, "%s%s%s", what, last ? ": " : "",
		 last ? last : "");
	free(last);
	size_t n = strlen(errbuf);
	while (n && (errbuf[n - 1] == '\n' || errbuf[n - 1] == ' '))
		errbuf[--n] = '\0';
}

int bm_render(bm_graph *g, const bm_selector *sel, const char *format,
	      const char *path, char *errbuf, size_t errlen)
{
	static const bm_walk_cb cb = {render_node, render_edge};
	if (errbuf && errlen)
		errbuf[0] = '\0';
	if (!known_format(format))
		return BM_EINVAL;
	bm_dotg *d = bm_dotg_new(BM_EXPORT_CLUSTER);
	int rc = bm_graph_walk(g, sel, &cb, d);
	if (rc != 0) {
		bm_dotg_free(d);
		return rc;
	}
	Agraph_t *graph = bm_dotg_finish(d);
	agerrlevel_t old = agseterr(AGMAX);
	agreseterrors();
	GVC_t *gvc = gvContext();
	if (gvLayout(gvc, graph, "dot") != 0 || agerrors() != 0) {
		graphviz_msg(errbuf, errlen, "layout failed");
		rc = BM_EIO;
	} else {
		if (gvRenderFilename(gvc, graph, bm_gv(format), bm_gv(path)) !=
			    0 ||
		    agerrors() != 0) {
			graphviz_msg(errbuf, errlen, "rendering failed");
			rc = BM_EIO;
		}
		gvFreeLayout(gvc, graph);
	}
	gvFreeContext(gvc);
	agseterr(old);
	bm_dotg_free(d);
	return rc;
}
