/* graphml.c: the GraphML writer: libxml2's xmlTextWriter streams one node or
 * edge at a time; keys are declared first, text XML 1.0 cannot hold is
 * replaced (bm_text_clean). */
#include <inttypes.h>
#include <libxml/xmlwriter.h>
#include <stdlib.h>

#include "export/writer.h"

typedef struct {
	xmlTextWriterPtr x;
	FILE *f;
	bm_buf tmp;
	int failed;
} graphml_writer;

typedef struct {
	const char *id, *domain, *name, *type;
} key_decl;

/* Nodes carry their name twice more: "label" for Gephi and yEd, "name" for
 * Cytoscape.  cooperates_with is undirected: NetworkX refuses an edge
 * attribute directed="false" inside a directed graph (the XSD allows it),
 * so the direction is a data key. */
static const key_decl keys[] = {
	{"n_type", "node", "type", "string"},
	{"n_name", "node", "name", "string"},
	{"n_label", "node", "label", "string"},
	{"n_aliases", "node", "aliases", "string"},
	{"n_mentions", "node", "mentions", "long"},
	{"n_documents", "node", "documents", "long"},
	{"n_first_seen", "node", "first_seen", "string"},
	{"n_last_seen", "node", "last_seen", "string"},
	{"n_posts", "node", "posts", "string"},
	{"e_type", "edge", "type", "string"},
	{"e_label", "edge", "label", "string"},
	{"e_role", "edge", "role", "string"},
	{"e_status", "edge", "status", "string"},
	{"e_directed", "edge", "directed", "boolean"},
	{"e_evidence_count", "edge", "evidence_count", "long"},
	{"e_first_seen", "edge", "first_seen", "string"},
	{"e_last_seen", "edge", "last_seen", "string"},
	{"e_evidence", "edge", "evidence", "string"},
	{"e_evidence_doc", "edge", "evidence_doc", "string"},
};

static const xmlChar *X(const char *s)
{
	return (const xmlChar *)s;
}

/* Every xmlTextWriter call goes through here: -1 marks the writer failed. */
static void check(graphml_writer *w, int rc)
{
	if (rc < 0)
		w->failed = 1;
}

static void attr(graphml_writer *w, const char *name, const char *value)
{
	check(w, xmlTextWriterWriteAttribute(w->x, X(name), X(value)));
}

static void data(graphml_writer *w, const char *key, const char *value)
{
	if (!value)
		return;
	bm_buf_clear(&w->tmp);
	bm_text_clean(&w->tmp, value, 0);
	check(w, xmlTextWriterStartElement(w->x, X("data")));
	attr(w, "key", key);
	check(w, xmlTextWriterWriteString(w->x, X(w->tmp.data)));
	check(w, xmlTextWriterEndElement(w->x));
}

static void data_long(graphml_writer *w, const char *key, long v)
{
	char s[32];
	snprintf(s, sizeof s, "%ld", v);
	data(w, key, s);
}

static void start(graphml_writer *w)
{
	check(w, xmlTextWriterStartDocument(w->x, NULL, "UTF-8", NULL));
	check(w, xmlTextWriterStartElement(w->x, X("graphml")));
	attr(w, "xmlns", "http://graphml.graphdrawing.org/xmlns");
	attr(w, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
	attr(w, "xsi:schemaLocation",
	     "http://graphml.graphdrawing.org/xmlns "
	     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
	for (size_t i = 0; i < BM_ARRAY_LEN(keys); i++) {
		check(w, xmlTextWriterStartElement(w->x, X("key")));
		attr(w, "id", keys[i].id);
		attr(w, "for", keys[i].domain);
		attr(w, "attr.name", keys[i].name);
		attr(w, "attr.type", keys[i].type);
		check(w, xmlTextWriterEndElement(w->x));
	}
	check(w, xmlTextWriterStartElement(w->x, X("graph")));
	attr(w, "id", "bomay");
	attr(w, "edgedefault", "directed");
}

static int result(graphml_writer *w)
{
	return w->failed || ferror(w->f) ? BM_EIO : 0;
}

static int graphml_node(void *impl, const bm_node *n)
{
	graphml_writer *w = impl;
	char id[32];
	snprintf(id, sizeof id, "n%" PRId64, n->id);
	check(w, xmlTextWriterStartElement(w->x, X("node")));
	attr(w, "id", id);
	data(w, "n_type", bm_ent_type_name(n->type));
	data(w, "n_name", n->name);
	data(w, "n_label", n->name);
	bm_buf json;
	bm_buf_init(&json);
	bm_aliases_json(&json, n->aliases, n->n_aliases);
	data(w, "n_aliases", json.data);
	data_long(w, "n_mentions", n->n_mentions);
	data_long(w, "n_documents", n->n_documents);
	data(w, "n_first_seen", n->first_seen);
	data(w, "n_last_seen", n->last_seen);
	bm_buf_clear(&json);
	bm_posts_text(&json, n);
	data(w, "n_posts", json.data);
	bm_buf_dispose(&json);
	check(w, xmlTextWriterEndElement(w->x));
	return result(w);
}

static int graphml_edge(void *impl, const bm_edge *e)
{
	graphml_writer *w = impl;
	char id[32], s[32], t[32];
	snprintf(id, sizeof id, "e%" PRId64, e->id);
	snprintf(s, sizeof s, "n%" PRId64, e->subject);
	snprintf(t, sizeof t, "n%" PRId64, e->object);
	check(w, xmlTextWriterStartElement(w->x, X("edge")));
	attr(w, "id", id);
	attr(w, "source", s);
	attr(w, "target", t);
	data(w, "e_type", bm_rel_type_name(e->type));
	data(w, "e_label", e->role ? e->role : bm_rel_type_name(e->type));
	data(w, "e_role", e->role);
	data(w, "e_status", bm_edge_status(e));
	data(w, "e_directed",
	     e->type == BM_REL_COOPERATES_WITH ? "false" : "true");
	data_long(w, "e_evidence_count", e->n_evidence);
	data(w, "e_first_seen", e->first_seen);
	data(w, "e_last_seen", e->last_seen);
	data(w, "e_evidence", e->evidence_text);
	data(w, "e_evidence_doc", e->evidence_doc);
	check(w, xmlTextWriterEndElement(w->x));
	return result(w);
}

static int graphml_finish(void *impl)
{
	graphml_writer *w = impl;
	check(w, xmlTextWriterEndDocument(w->x));
	check(w, xmlTextWriterFlush(w->x));
	if (fflush(w->f) != 0)
		w->failed = 1;
	return result(w);
}

static void graphml_free(void *impl)
{
	graphml_writer *w = impl;
	xmlFreeTextWriter(w->x);
	bm_buf_dispose(&w->tmp);
	free(w);
}

void *bm_graphml_writer_new(bm_writer_ops *ops, FILE *f, int flags)
{
	(void)flags;
	graphml_writer *w = bm_xcalloc(1, sizeof *w);
	xmlOutputBufferPtr out = xmlOutputBufferCreateFile(f, NULL);
	if (!out)
		abort(); /* only fails for lack of memory */
	w->x = xmlNewTextWriter(out);
	if (!w->x)
		abort();
	w->f = f;
	bm_buf_init(&w->tmp);
	check(w, xmlTextWriterSetIndent(w->x, 1));
	check(w, xmlTextWriterSetIndentString(w->x, X("  ")));
	start(w);
	ops->node = graphml_node;
	ops->edge = graphml_edge;
	ops->finish = graphml_finish;
	ops->free = graphml_free;
	return w;
}
