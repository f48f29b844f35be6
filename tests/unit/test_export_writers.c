/* test_export_writers.c: each export format written from a small graph of
 * hostile names and read back by the tool users would use (cgraph's agread
 * for DOT, libxml2 for GraphML, jansson for JSON, an RFC 4180 reader for
 * CSV): same nodes and edges, names byte for byte (or by the documented
 * replacement where XML cannot hold a character). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <graphviz/cgraph.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bomay.h"
#include "export/writer.h"

static const char *const tandtc_aliases[] = {"TANDTC"};

/* Posts without an organization (object 0): data on the node. */
static const bm_edge hung_posts[] = {
	{101, BM_REL_HOLDS_POSITION, 2, 0, "Cố vấn \"đặc biệt\" \\\" C:\\new\\", 1,
	 2, "2019-01-01", NULL, "ctl\x01 sentence \\", "d9"},
	{102, BM_REL_HOLDS_POSITION, 2, 0, NULL, 0, 1, NULL, NULL, NULL, NULL},
};

/* Names that break careless writers. */
static const bm_node nodes[] = {
	{1, BM_ENT_ORG, "Tòa án nhân dân tối cao", tandtc_aliases, 1, 5, 3,
	 "2017-01-02", "2021-05-06"},
	{2, BM_ENT_PERSON, "Phạm Quốc Hưng", NULL, 0, 4, 2, "2017-01-02", NULL,
	 hung_posts, 2},
	{3, BM_ENT_ORG, "Học viện Tòa án", NULL, 0, 1, 1, NULL, NULL},
	{4, BM_ENT_ORG, "Công ty \"Sao Vàng\" <&> 'A'", NULL, 0, 1, 1, NULL, NULL},
	{5, BM_ENT_PERSON, "C:\\new\\", NULL, 0, 1, 1, NULL, NULL},
	{6, BM_ENT_ORG, "node", NULL, 0, 1, 1, NULL, NULL},
	{7, BM_ENT_ORG, "subgraph", NULL, 0, 1, 1, NULL, NULL},
	{8, BM_ENT_LOC, "graph", NULL, 0, 1, 1, NULL, NULL},
	{9, BM_ENT_LAW, "Ctl\x01" "A\tB\nC\rD\x7f", NULL, 0, 1, 1, NULL, NULL},
	{10, BM_ENT_OTHER, "-1.5", NULL, 0, 1, 1, NULL, NULL},
	{11, BM_ENT_PERSON, "Nguyễn \\\"Văn\\\" A", NULL, 0, 1, 1, NULL, NULL},
	/* longer than agwrite's lines: it breaks them with backslash-newline */
	{12, BM_ENT_ORG,
	 "Ủy ban nhân dân \\ tỉnh \"Quảng Ninh\" và Ủy ban nhân dân \\ tỉnh "
	 "\"Quảng Ninh\" và Ủy ban nhân dân \\ tỉnh \"Quảng Ninh\" và Ủy ban "
	 "nhân dân \\ tỉnh \"Quảng Ninh\" và Ủy ban nhân dân \\ tỉnh \"Quảng "
	 "Ninh\" và Ủy ban nhân dân \\ tỉnh \"Quảng Ninh\"\\",
	 NULL, 0, 1, 1, NULL, NULL},
};

static const bm_edge edges[] = {
	{1, BM_REL_HOLDS_POSITION, 2, 1, "Phó Chánh án", 0, 3, "2017-01-02",
	 "2021-05-06", "Phó Chánh án TANDTC Phạm Quốc Hưng cho biết.", "dev-001"},
	/* a second role of one person at one organization: a parallel edge */
	{2, BM_REL_HOLDS_POSITION, 2, 1, "Ủy viên Ban cán sự đảng", 1, 1, NULL,
	 NULL, NULL, NULL},
	{3, BM_REL_PART_OF, 3, 1, NULL, 0, 2, NULL, NULL, "Học viện <thuộc> & \"TANDTC\"", "d2"},
	{4, BM_REL_COOPERATES_WITH, 1, 4, NULL, 0, 1, NULL, NULL, NULL, NULL},
	{5, BM_REL_HOLDS_POSITION, 5, 4, "Giám đốc \\ kiêm \"CEO\"\\", 0, 1, NULL,
	 NULL, "ctl\x02 sentence", NULL},
	{6, BM_REL_PART_OF, 7, 6, NULL, 0, 1, NULL, NULL, NULL, NULL},
	{7, BM_REL_HOLDS_POSITION, 11, 7, "Trưởng", 1, 1, NULL, NULL, NULL, NULL},
	{8, BM_REL_PART_OF, 6, 7, NULL, 0, 1, NULL, NULL, NULL, NULL}, /* a cycle */
};

#define N_NODES (sizeof nodes / sizeof nodes[0])
#define N_EDGES (sizeof edges / sizeof edges[0])

/* Writes the graph in fmt to a string (caller frees). */
static char *write_all(bm_format fmt, int flags, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	bm_writer *w = NULL;
	assert_non_null(f);
	assert_int_equal(bm_writer_new(&w, fmt, f, flags), 0);
	for (size_t i = 0; i < N_NODES; i++)
		assert_int_equal(bm_writer_node(w, &nodes[i]), 0);
	for (size_t i = 0; i < N_EDGES; i++)
		assert_int_equal(bm_writer_edge(w, &edges[i]), 0);
	assert_int_equal(bm_writer_finish(w), 0);
	bm_writer_free(w);
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* What a name becomes where XML (or a DOT label) cannot hold it. */
static char *cleaned(const char *s)
{
	bm_buf b;
	bm_buf_init(&b);
	bm_text_clean(&b, s, 0);
	return bm_buf_detach(&b, NULL);
}

/* A DOT label as agread gives it, back to the text: "\\" is one '\'. */
static char *undouble(const char *s)
{
	char *out = bm_xstrdup(s), *o = out;
	for (; *s; s++) {
		*o++ = *s;
		if (s[0] == '\\' && s[1] == '\\')
			s++;
	}
	*o = '\0';
	return out;
}

static const bm_node *node_by_name(const char *dot_name)
{
	long id = strtol(dot_name + 1, NULL, 10);
	for (size_t i = 0; i < N_NODES; i++)
		if (nodes[i].id == id)
			return &nodes[i];
	return NULL;
}

static char *S(const char *s)
{
	return (char *)s;
}

static void same_text(json_t *v, const char *want)
{
	if (want)
		assert_string_equal(json_string_value(v), want);
	else
		assert_true(json_is_null(v));
}

/* The posts as a format gave them (a JSON array, or its text) are n's. */
static void check_posts(const bm_node *n, json_t *posts)
{
	assert_true(json_is_array(posts));
	assert_int_equal(json_array_size(posts), n->n_posts);
	for (size_t i = 0; i < n->n_posts; i++) {
		json_t *o = json_array_get(posts, i);
		const bm_edge *p = &n->posts[i];
		assert_int_equal(json_integer_value(json_object_get(o, "id")), p->id);
		same_text(json_object_get(o, "role"), p->role);
		same_text(json_object_get(o, "status"), p->former ? "former" : "current");
		assert_int_equal(json_integer_value(json_object_get(o, "evidence_count")),
				 p->n_evidence);
		same_text(json_object_get(o, "first_seen"), p->first_seen);
		same_text(json_object_get(o, "last_seen"), p->last_seen);
		same_text(json_object_get(o, "evidence"), p->evidence_text);
		same_text(json_object_get(o, "evidence_doc"), p->evidence_doc);
	}
}

static void check_posts_text(const bm_node *n, const char *text)
{
	json_error_t err;
	json_t *posts = json_loads(text, 0, &err);
	if (!posts)
		fail_msg("posts of %s: %s in %s", n->name, err.text, text);
	check_posts(n, posts);
	json_decref(posts);
}

static void check_dot(int flags)
{
	size_t len;
	char *text = write_all(BM_FORMAT_DOT, flags, &len);
	agreseterrors();
	Agraph_t *g = agmemread(text);
	assert_non_null(g);
	assert_int_equal(agerrors(), 0);
	assert_true(agisdirected(g));
	assert_int_equal(agnnodes(g), N_NODES);
	assert_int_equal(agnedges(g), N_EDGES);
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		const bm_node *n = node_by_name(agnameof(v));
		assert_non_null(n);
		char *label = undouble(agget(v, S("label")));
		char *want = cleaned(n->name);
		assert_string_equal(label, want);
		assert_string_equal(agget(v, S("type")), bm_ent_type_name(n->type));
		/* posts only where there are some, backslashes doubled */
		char *posts = undouble(agget(v, S("posts")));
		check_posts_text(n, n->n_posts ? posts : "[]");
		assert_true(n->n_posts || !*posts);
		free(posts);
		assert_string_equal(agget(v, S("shape")),
				    n->type == BM_ENT_ORG ? "box"
				    : n->type == BM_ENT_PERSON ? "ellipse"
								 : agget(v, S("shape")));
		free(label);
		free(want);
		for (Agedge_t *e = agfstout(g, v); e; e = agnxtout(g, e)) {
			long id = strtol(agnameof(e) + 1, NULL, 10);
			assert_true(id >= 1 && id <= (long)N_EDGES);
			const bm_edge *x = &edges[id - 1];
			assert_ptr_equal(node_by_name(agnameof(agtail(e)))->id, x->subject);
			assert_ptr_equal(node_by_name(agnameof(aghead(e)))->id, x->object);
			char *role = undouble(agget(e, S("label")));
			assert_string_equal(role, x->role ? x->role : "");
			free(role);
			assert_string_equal(agget(e, S("relation")), bm_rel_type_name(x->type));
			assert_string_equal(agget(e, S("style")), x->former ? "dashed" : "solid");
			assert_string_equal(agget(e, S("dir")),
					    x->type == BM_REL_COOPERATES_WITH ? "none" : "forward");
		}
	}
	if (flags & BM_EXPORT_CLUSTER) {
		/* Phạm Quốc Hưng and Học viện Tòa án sit in TANDTC's cluster. */
		Agraph_t *c = agsubg(g, S("cluster_n1"), 0);
		assert_non_null(c);
		assert_non_null(agsubnode(c, agnode(g, S("n2"), 0), 0));
		assert_non_null(agsubnode(c, agnode(g, S("n1"), 0), 0));
		Agraph_t *inner = agsubg(c, S("cluster_n3"), 0);
		assert_null(inner); /* Học viện has no members: a node, no cluster */
		assert_non_null(agsubnode(c, agnode(g, S("n3"), 0), 0));
		/* the part_of cycle node <-> subgraph is cut: one nests in the other */
		Agraph_t *c6 = agsubg(g, S("cluster_n6"), 0);
		Agraph_t *c7 = agsubg(g, S("cluster_n7"), 0);
		assert_true((c6 != NULL) != (c7 != NULL) || agsubg(c7, S("cluster_n6"), 0));
	}
	agclose(g);
	free(text);
}

static void test_dot(void **state)
{
	(void)state;
	check_dot(0);
}

static void test_dot_cluster(void **state)
{
	(void)state;
	check_dot(BM_EXPORT_CLUSTER);
}

static void test_dot_missing_end(void **state)
{
	(void)state;
	bm_writer *w = NULL;
	FILE *f = tmpfile();
	bm_edge e = {1, BM_REL_PART_OF, 1, 2, NULL, 0, 0, NULL, NULL, NULL, NULL};
	assert_int_equal(bm_writer_new(&w, BM_FORMAT_DOT, f, 0), 0);
	assert_int_equal(bm_writer_node(w, &nodes[0]), 0);
	assert_int_equal(bm_writer_edge(w, &e), BM_EINVAL);
	bm_writer_free(w);
	fclose(f);
}

/* The text of <data key="key"> under element el, or NULL. */
static char *graphml_data(xmlNodePtr el, const char *key)
{
	for (xmlNodePtr d = el->children; d; d = d->next) {
		if (d->type != XML_ELEMENT_NODE)
			continue;
		xmlChar *k = xmlGetProp(d, (const xmlChar *)"key");
		int match = k && strcmp((char *)k, key) == 0;
		xmlFree(k);
		if (match)
			return (char *)xmlNodeGetContent(d);
	}
	return NULL;
}

static void test_graphml(void **state)
{
	(void)state;
	size_t len, n_nodes = 0, n_edges = 0, n_keys = 0;
	char *text = write_all(BM_FORMAT_GRAPHML, 0, &len);
	xmlDocPtr doc = xmlReadMemory(text, (int)len, "t.graphml", NULL,
				      XML_PARSE_NONET | XML_PARSE_NOERROR);
	assert_non_null(doc);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	assert_string_equal((const char *)root->name, "graphml");
	int seen_graph = 0;
	for (xmlNodePtr k = root->children; k; k = k->next) {
		if (k->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)k->name, "key") == 0) {
			assert_false(seen_graph); /* keys before the graph */
			n_keys++;
			continue;
		}
		assert_string_equal((const char *)k->name, "graph");
		seen_graph = 1;
		xmlChar *ed = xmlGetProp(k, (const xmlChar *)"edgedefault");
		assert_string_equal((char *)ed, "directed");
		xmlFree(ed);
		for (xmlNodePtr el = k->children; el; el = el->next) {
			if (el->type != XML_ELEMENT_NODE)
				continue;
			xmlChar *id = xmlGetProp(el, (const xmlChar *)"id");
			if (strcmp((const char *)el->name, "node") == 0) {
				const bm_node *n = node_by_name((char *)id);
				char *name = graphml_data(el, "n_name");
				char *label = graphml_data(el, "n_label");
				char *want = cleaned(n->name);
				assert_string_equal(name, want);
				assert_string_equal(label, want);
				char *posts = graphml_data(el, "n_posts");
				check_posts_text(n, posts);
				xmlFree(posts);
				xmlFree(name);
				xmlFree(label);
				free(want);
				n_nodes++;
			} else {
				const bm_edge *x = &edges[strtol((char *)id + 1, NULL, 10) - 1];
				char *role = graphml_data(el, "e_role");
				char *ev = graphml_data(el, "e_evidence");
				char *dir = graphml_data(el, "e_directed");
				if (x->role) {
					char *want = cleaned(x->role);
					assert_string_equal(role, want);
					free(want);
				} else {
					assert_null(role);
				}
				if (x->evidence_text) {
					char *want = cleaned(x->evidence_text);
					assert_string_equal(ev, want);
					free(want);
				}
				assert_string_equal(dir, x->type == BM_REL_COOPERATES_WITH
							 ? "false" : "true");
				xmlFree(role);
				xmlFree(ev);
				xmlFree(dir);
				n_edges++;
			}
			xmlFree(id);
		}
	}
	assert_int_equal(n_nodes, N_NODES);
	assert_int_equal(n_edges, N_EDGES);
	assert_true(n_keys >= 16);
	xmlFreeDoc(doc);
	free(text);
}

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static void test_json(void **state)
{
	(void)state;
	size_t len;
	char *text = write_all(BM_FORMAT_JSON, 0, &len);
	json_error_t err;
	json_t *doc = json_loadb(text, len, JSON_ALLOW_NUL, &err);
	if (!doc)
		fail_msg("JSON: %s at line %d", err.text, err.line);
	json_t *ns = json_object_get(doc, "nodes"), *es = json_object_get(doc, "edges");
	assert_int_equal(json_array_size(ns), N_NODES);
	assert_int_equal(json_array_size(es), N_EDGES);
	for (size_t i = 0; i < N_NODES; i++) {
		json_t *o = json_array_get(ns, i);
		assert_int_equal(json_integer_value(json_object_get(o, "id")), nodes[i].id);
		assert_string_equal(jstr(o, "name"), nodes[i].name); /* exact */
		assert_string_equal(jstr(o, "type"), bm_ent_type_name(nodes[i].type));
		assert_int_equal(json_array_size(json_object_get(o, "aliases")),
				 nodes[i].n_aliases);
		assert_int_equal(json_integer_value(json_object_get(o, "mentions")),
				 nodes[i].n_mentions);
		check_posts(&nodes[i], json_object_get(o, "posts"));
	}
	for (size_t i = 0; i < N_EDGES; i++) {
		json_t *o = json_array_get(es, i);
		assert_int_equal(json_integer_value(json_object_get(o, "source")),
				 edges[i].subject);
		assert_int_equal(json_integer_value(json_object_get(o, "target")),
				 edges[i].object);
		if (edges[i].role)
			assert_string_equal(jstr(o, "role"), edges[i].role);
		else
			assert_true(json_is_null(json_object_get(o, "role")));
		assert_string_equal(jstr(o, "status"), edges[i].former ? "former" : "current");
	}
	json_decref(doc);
	free(text);
}

static void test_json_empty(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	bm_writer *w = NULL;
	assert_int_equal(bm_writer_new(&w, BM_FORMAT_JSON, f, 0), 0);
	assert_int_equal(bm_writer_finish(w), 0);
	bm_writer_free(w);
	fclose(f);
	json_t *doc = json_loadb(buf, len, 0, NULL);
	assert_non_null(doc);
	assert_int_equal(json_array_size(json_object_get(doc, "nodes")), 0);
	assert_int_equal(json_array_size(json_object_get(doc, "edges")), 0);
	json_decref(doc);
	free(buf);
}

/* Reads one RFC 4180 record at *p into fields (each a new string); the
 * number of fields, 0 at the end. */
static size_t csv_record(const char **p, char **fields, size_t max)
{
	const char *s = *p;
	size_t n = 0;
	if (!*s)
		return 0;
	for (;;) {
		bm_buf b;
		bm_buf_init(&b);
		bm_buf_put(&b, "", 0);
		if (*s == '"') {
			for (s++;; s++) {
				assert_true(*s != '\0');
				if (*s == '"' && s[1] == '"')
					bm_buf_putc(&b, *s++);
				else if (*s == '"')
					break;
				else
					bm_buf_putc(&b, *s);
			}
			s++;
		} else {
			while (*s && *s != ',' && *s != '\r') {
				assert_true(*s != '"' && *s != '\n');
				bm_buf_putc(&b, *s++);
			}
		}
		assert_true(n < max);
		fields[n++] = bm_buf_detach(&b, NULL);
		if (*s == ',') {
			s++;
			continue;
		}
		assert_true(s[0] == '\r' && s[1] == '\n'); /* CRLF ends a record */
		*p = s + 2;
		return n;
	}
}

static void test_csv(void **state)
{
	(void)state;
	size_t len, rows = 0;
	char *text = write_all(BM_FORMAT_CSV, 0, &len);
	const char *p = text;
	char *f[32];
	size_t n, width = csv_record(&p, f, 32);
	assert_string_equal(f[0], "kind");
	assert_string_equal(f[3], "name");
	assert_string_equal(f[9], "role");
	assert_string_equal(f[17], "posts"); /* last: the others kept their places */
	for (size_t i = 0; i < width; i++)
		free(f[i]);
	while ((n = csv_record(&p, f, 32)) > 0) {
		assert_int_equal(n, width);
		if (rows < N_NODES) {
			assert_string_equal(f[0], "node");
			assert_string_equal(f[3], nodes[rows].name); /* exact */
			check_posts_text(&nodes[rows], f[17]);
		} else {
			const bm_edge *x = &edges[rows - N_NODES];
			assert_string_equal(f[0], "edge");
			assert_string_equal(f[9], x->role ? x->role : "");
			assert_string_equal(f[17], "");
		}
		for (size_t i = 0; i < n; i++)
			free(f[i]);
		rows++;
	}
	assert_int_equal(rows, N_NODES + N_EDGES);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dot),
		cmocka_unit_test(test_dot_cluster),
		cmocka_unit_test(test_dot_missing_end),
		cmocka_unit_test(test_graphml),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_json_empty),
		cmocka_unit_test(test_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
