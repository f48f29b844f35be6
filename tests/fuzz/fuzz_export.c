/* fuzz_export.c: hostile names -> the DOT, GraphML, JSON and CSV writers.
 * The first byte picks flags (bit 0: DOT clusters); the rest, split at NUL
 * bytes, gives the strings of up to 16 nodes (name, alias, dates, a post
 * without organization) and of the edges between them (role, evidence).
 * Strings are made valid UTF-8 first, as the graph holds only such.  Each
 * output must be read back by a real parser (cgraph, libxml2, jansson, an
 * RFC 4180 reader) with every node, JSON must give back every name and
 * post role byte for byte, and DOT's posts must read back as JSON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <jansson.h>
#include <libxml/parser.h>

#include "bomay.h"
#include "tests/fuzz/check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_STR 64
#define MAX_NODES 16

/* s[0..len) with each byte of an invalid sequence (and NUL) made '?'. */
static char *valid_copy(const char *s, size_t len)
{
	char *d = malloc(len + 1);
	size_t i = 0;
	memcpy(d, s, len);
	d[len] = '\0';
	while (i < len) {
		size_t n = 1;
		while (n <= 4 && i + n <= len && !bm_fuzz_utf8_ok(d + i, n))
			n++;
		if (n > 4 || i + n > len) {
			d[i++] = '?';
			continue;
		}
		i += n;
	}
	return d;
}

/* Records of an RFC 4180 text: quoted fields may hold commas, quotes ("")
 * and line breaks.  -1 when the quoting is broken. */
static long csv_records(const char *s, size_t len)
{
	long rows = 0;
	int quoted = 0, at_field_start = 1;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (quoted) {
			if (c == '"') {
				if (i + 1 < len && s[i + 1] == '"')
					i++;
				else
					quoted = 0;
			}
			continue;
		}
		if (c == '"') {
			if (!at_field_start)
				return -1;
			quoted = 1;
			at_field_start = 0;
		} else if (c == ',') {
			at_field_start = 1;
		} else if (c == '\n') {
			rows++;
			at_field_start = 1;
		} else if (c != '\r') {
			at_field_start = 0;
		}
	}
	return quoted ? -1 : rows;
}

/* A DOT attribute as cgraph read it, back to its text (a doubled
 * backslash is one), parsed as JSON; NULL when it is not. */
static json_t *dot_json(const char *s)
{
	char *t = malloc(strlen(s) + 1), *o = t;
	for (; *s; s++) {
		*o++ = *s;
		if (s[0] == '\\' && s[1] == '\\')
			s++;
	}
	*o = '\0';
	json_t *j = json_loads(t, 0, NULL);
	free(t);
	return j;
}

static char *write_all(bm_format fmt, int flags, const bm_node *nodes,
		       size_t n_nodes, const bm_edge *edges, size_t n_edges,
		       size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	bm_writer *w = NULL;
	FUZZ_ASSERT(f && bm_writer_new(&w, fmt, f, flags) == 0, "bm_writer_new");
	for (size_t i = 0; i < n_nodes; i++)
		FUZZ_ASSERT(bm_writer_node(w, &nodes[i]) == 0, "bm_writer_node");
	for (size_t i = 0; i < n_edges; i++)
		FUZZ_ASSERT(bm_writer_edge(w, &edges[i]) == 0, "bm_writer_edge");
	FUZZ_ASSERT(bm_writer_finish(w) == 0, "bm_writer_finish");
	bm_writer_free(w);
	FUZZ_ASSERT(fclose(f) == 0, "fclose");
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *strs[3 * MAX_NODES + 3];
	size_t n_strs = 0;
	if (size < 2)
		return 0;
	int flags = (data[0] & 1) ? BM_EXPORT_CLUSTER : 0;
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	while (p < end && n_strs < sizeof strs / sizeof strs[0]) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		size_t len = (size_t)((z ? z : end) - p);
		strs[n_strs++] = valid_copy(p, len < MAX_STR ? len : MAX_STR);
		p += len + 1;
	}
	size_t n_nodes = n_strs < MAX_NODES ? n_strs : MAX_NODES;
	bm_node nodes[MAX_NODES];
	bm_edge posts[MAX_NODES];
	const char *aliases[MAX_NODES][1];
	for (size_t i = 0; i < n_nodes; i++) {
		aliases[i][0] = strs[(i + 1) % n_strs];
		posts[i] = (bm_edge){.id = 100 + (int64_t)i,
				     .type = BM_REL_HOLDS_POSITION,
				     .subject = (int64_t)i + 1,
				     .role = strs[(i + 3) % n_strs],
				     .former = (int)(i & 1),
				     .n_evidence = 1,
				     .evidence_text = strs[(i + 4) % n_strs]};
		nodes[i] = (bm_node){.id = (int64_t)i + 1,
				     .type = (bm_ent_type)((data[0] >> 1) + i) %
					     BM_ENT__COUNT,
				     .name = strs[i],
				     .aliases = aliases[i],
				     .n_aliases = (i & 1),
				     .n_mentions = (long)i,
				     .n_documents = 1,
				     .first_seen = (i & 2) ? strs[(i + 2) % n_strs] : NULL,
				     .last_seen = NULL,
				     .posts = &posts[i],
				     .n_posts = (i & 4) ? 1 : 0};
	}
	bm_edge edges[2 * MAX_NODES];
	size_t n_edges = 0;
	for (size_t j = 0; j < n_strs && n_edges < 2 * MAX_NODES; j++) {
		size_t a = strlen(strs[j]) % n_nodes;
		size_t b = (j * 7 + (size_t)data[0]) % n_nodes;
		bm_rel_type t = (bm_rel_type)(j % BM_REL__COUNT);
		if (t == BM_REL_COOPERATES_WITH && a > b) {
			size_t x = a;
			a = b;
			b = x;
		}
		edges[n_edges] = (bm_edge){.id = (int64_t)n_edges + 1,
					   .type = t,
					   .subject = (int64_t)a + 1,
					   .object = (int64_t)b + 1,
					   .role = (j & 1) ? strs[j] : NULL,
					   .former = (int)(j & 2),
					   .n_evidence = 1,
					   .evidence_text = strs[(j + 1) % n_strs],
					   .evidence_doc = strs[(j + 2) % n_strs]};
		n_edges++;
	}

	size_t len;
	char *out;

	/* JSON: parses, and gives every name back */
	out = write_all(BM_FORMAT_JSON, flags, nodes, n_nodes, edges, n_edges, &len);
	json_error_t jerr;
	json_t *j = json_loadb(out, len, 0, &jerr);
	if (!j) {
		fprintf(stderr, "fuzz: JSON export does not parse: %s\n%s\n",
			jerr.text, out);
		abort();
	}
	json_t *jn = json_object_get(j, "nodes");
	FUZZ_ASSERT(json_array_size(jn) == n_nodes, "JSON: nodes lost");
	FUZZ_ASSERT(json_array_size(json_object_get(j, "edges")) == n_edges,
		    "JSON: edges lost");
	for (size_t i = 0; i < n_nodes; i++) {
		const char *name = json_string_value(
			json_object_get(json_array_get(jn, i), "name"));
		FUZZ_ASSERT(name && strcmp(name, strs[i]) == 0, "JSON: a name changed");
		json_t *ps = json_object_get(json_array_get(jn, i), "posts");
		FUZZ_ASSERT(json_array_size(ps) == nodes[i].n_posts, "JSON: posts lost");
		const char *role = json_string_value(
			json_object_get(json_array_get(ps, 0), "role"));
		FUZZ_ASSERT(!nodes[i].n_posts || (role && strcmp(role, posts[i].role) == 0),
			    "JSON: a post's role changed");
	}
	json_decref(j);
	free(out);

	/* GraphML: well-formed XML */
	out = write_all(BM_FORMAT_GRAPHML, flags, nodes, n_nodes, edges, n_edges,
			&len);
	xmlDocPtr doc = xmlReadMemory(out, (int)len, "fuzz.graphml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING);
	if (!doc) {
		fprintf(stderr, "fuzz: GraphML export is not XML:\n%s\n", out);
		abort();
	}
	xmlFreeDoc(doc);
	free(out);

	/* DOT: cgraph reads it back with every node */
	out = write_all(BM_FORMAT_DOT, flags, nodes, n_nodes, edges, n_edges, &len);
	Agraph_t *g = agmemread(out);
	if (!g || agnnodes(g) != (int)n_nodes) {
		fprintf(stderr, "fuzz: DOT export reads back with %d of %zu nodes:\n%s\n",
			g ? agnnodes(g) : -1, n_nodes, out);
		abort();
	}
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		char *text = agget(v, (char *)"posts");
		if (!text || !*text)
			continue;
		json_t *ps = dot_json(text);
		FUZZ_ASSERT(json_array_size(ps) == 1, "DOT: posts do not read back as JSON");
		json_decref(ps);
	}
	agclose(g);
	free(out);

	/* CSV: a header and one record a node or edge, quoting intact */
	out = write_all(BM_FORMAT_CSV, flags, nodes, n_nodes, edges, n_edges, &len);
	long rows = csv_records(out, len);
	if (rows != (long)(1 + n_nodes + n_edges)) {
		fprintf(stderr, "fuzz: CSV export has %ld records, not %zu:\n%s\n",
			rows, 1 + n_nodes + n_edges, out);
		abort();
	}
	free(out);

	for (size_t i = 0; i < n_strs; i++)
		free(strs[i]);
	return 0;
}
