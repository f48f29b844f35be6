/* json.c: the JSON writer: {"nodes": [...], "edges": [...]}, one object a
 * line, streamed (jansson encodes each object; names stay byte for byte). */
#include <jansson.h>
#include <stdlib.h>

#include "export/writer.h"

typedef struct {
	FILE *f;
	long n_nodes, n_edges;
	int failed;
} json_writer;

/* Writes sep and then o (which it releases) on a line of its own. */
static int put(json_writer *w, const char *sep, json_t *o)
{
	if (fputs(sep, w->f) == EOF || json_dumpf(o, w->f, JSON_COMPACT) != 0)
		w->failed = 1;
	json_decref(o);
	return w->failed ? BM_EIO : 0;
}

static int json_node(void *impl, const bm_node *n)
{
	json_writer *w = impl;
	json_t *o = json_object(), *aliases = json_array();
	for (size_t i = 0; i < n->n_aliases; i++)
		if (n->aliases[i])
			json_array_append_new(aliases, bm_json_text(n->aliases[i]));
	json_object_set_new(o, "id", json_integer(n->id));
	json_object_set_new(o, "type", json_string(bm_ent_type_name(n->type)));
	json_object_set_new(o, "name", bm_json_text(n->name));
	json_object_set_new(o, "aliases", aliases);
	json_object_set_new(o, "mentions", json_integer(n->n_mentions));
	json_object_set_new(o, "documents", json_integer(n->n_documents));
	json_object_set_new(o, "first_seen", bm_json_text(n->first_seen));
	json_object_set_new(o, "last_seen", bm_json_text(n->last_seen));
	json_object_set_new(o, "posts", bm_posts_json(n));
	return put(w, w->n_nodes++ ? ",\n" : "\n", o);
}

static int json_edge(void *impl, const bm_edge *e)
{
	json_writer *w = impl;
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(e->id));
	json_object_set_new(o, "type", json_string(bm_rel_type_name(e->type)));
	json_object_set_new(o, "source", json_integer(e->subject));
	json_object_set_new(o, "target", json_integer(e->object));
	json_object_set_new(o, "role", bm_json_text(e->role));
	json_object_set_new(o, "status", json_string(bm_edge_status(e)));
	json_object_set_new(o, "directed",
			    json_boolean(e->type != BM_REL_COOPERATES_WITH));
	json_object_set_new(o, "evidence_count", json_integer(e->n_evidence));
	json_object_set_new(o, "first_seen", bm_json_text(e->first_seen));
	json_object_set_new(o, "last_seen", bm_json_text(e->last_seen));
	json_object_set_new(o, "evidence", bm_json_text(e->evidence_text));
	json_object_set_new(o, "evidence_doc", bm_json_text(e->evidence_doc));
	const char *sep = w->n_edges++ ? ",\n" : "\n],\n\"edges\": [\n";
	return put(w, sep, o);
}

static int json_finish(void *impl)
{
	json_writer *w = impl;
	const char *end = w->n_edges ? "\n]}\n" : "\n],\n\"edges\": []}\n";
	if (fputs(end, w->f) == EOF || fflush(w->f) != 0 || ferror(w->f))
		w->failed = 1;
	return w->failed ? BM_EIO : 0;
}

static void json_free(void *impl)
{
	free(impl);
}

void *bm_json_writer_new(bm_writer_ops *ops, FILE *f, int flags)
{
	(void)flags;
	json_writer *w = bm_xcalloc(1, sizeof *w);
	w->f = f;
	if (fputs("{\"nodes\": [", f) == EOF)
		w->failed = 1;
	ops->node = json_node;
	ops->edge = json_edge;
	ops->finish = json_finish;
	ops->free = json_free;
	return w;
}
