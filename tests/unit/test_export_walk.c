/* test_export_walk.c: bm_graph_walk (graph/walk.c) on the export fixture
 * (tests/export/fixture.jsonl ingested into :memory:): which nodes and edges
 * each selector gives, in id order, with their fields.  Table-driven. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bomay.h"

#define MAXI 32

/* What a walk gave: ids in order, and a few fields to check. */
typedef struct {
	int64_t nodes[MAXI], edges[MAXI];
	size_t n_nodes, n_edges;
	int edge_before_node;    /* an edge came before the last node */
	int dangling;            /* an edge whose end was not given */
	char tandtc[256];        /* node 2 in one line */
	char edge1[512];         /* edge 1 in one line */
	char posts[1024];        /* the posts without organization, in one line */
} seen;

/* Appends n's posts (holds_position without an object) to s->posts. */
static void note_posts(seen *s, const bm_node *n)
{
	for (size_t i = 0; i < n->n_posts; i++) {
		const bm_edge *p = &n->posts[i];
		size_t k = strlen(s->posts);
		snprintf(s->posts + k, sizeof s->posts - k,
			 "%" PRId64 ":%" PRId64 "|%s|%" PRId64 "|%s|%d|%ld|%s|%s|%s|%s;",
			 n->id, p->id, bm_rel_type_name(p->type), p->object, p->role,
			 p->former, p->n_evidence, p->first_seen, p->last_seen,
			 p->evidence_text, p->evidence_doc);
	}
}

static int on_node(void *p, const bm_node *n)
{
	seen *s = p;
	if (s->n_edges)
		s->edge_before_node = 1;
	assert_true(s->n_nodes < MAXI);
	s->nodes[s->n_nodes++] = n->id;
	note_posts(s, n);
	if (n->id == 2)
		snprintf(s->tandtc, sizeof s->tandtc, "%s|%s|%zu:%s|%ld|%ld|%s|%s",
			 bm_ent_type_name(n->type), n->name, n->n_aliases,
			 n->n_aliases ? n->aliases[0] : "", n->n_mentions,
			 n->n_documents, n->first_seen, n->last_seen);
	return 0;
}

static int on_edge(void *p, const bm_edge *e)
{
	seen *s = p;
	int ok_s = 0, ok_o = 0;
	for (size_t i = 0; i < s->n_nodes; i++) {
		ok_s |= s->nodes[i] == e->subject;
		ok_o |= s->nodes[i] == e->object;
	}
	if (!ok_s || !ok_o)
		s->dangling = 1;
	assert_true(s->n_edges < MAXI);
	s->edges[s->n_edges++] = e->id;
	if (e->id == 1)
		snprintf(s->edge1, sizeof s->edge1, "%s|%" PRId64 "|%" PRId64
			 "|%s|%d|%ld|%s|%s|%s|%s",
			 bm_rel_type_name(e->type), e->subject, e->object, e->role,
			 e->former, e->n_evidence, e->first_seen, e->last_seen,
			 e->evidence_text, e->evidence_doc);
	return 0;
}

typedef struct {
	const char *what;
	bm_selector sel;
	int rc;
	const char *nodes, *edges; /* ids, space separated */
} walk_case;

#define ORGS ((1u << BM_ENT_PERSON) | (1u << BM_ENT_ORG))

static const walk_case cases[] = {
	{"everything", {0}, 0, "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15",
	 "1 2 3 4 5 6 7 8 9 10"},
	{"people and organizations", {.type_mask = ORGS}, 0,
	 "1 2 3 4 5 6 7 8 9 11 14 15", "1 2 3 4 5 6 7 8 9 10"},
	{"part_of only", {.rel_mask = 1u << BM_REL_PART_OF}, 0, "2 3 8 9 11",
	 "3 8 9"},
	/* a person whose only posts have no organization (15) is kept by
	 * them; cooperates_with keeps neither them nor their posts */
	{"holds_position only", {.rel_mask = 1u << BM_REL_HOLDS_POSITION}, 0,
	 "1 2 3 4 6 7 15", "1 2 4 6 7"},
	{"cooperates_with only", {.rel_mask = 1u << BM_REL_COOPERATES_WITH}, 0,
	 "2 5 6", "5 10"},
	{"focus on posts without organization", {.focus = "Phạm Minh Chính"}, 0,
	 "15", ""},
	{"since 2022: posts only", {.since = "2022"}, 0, "15", ""},
	{"focus by alias", {.focus = "TANDTC"}, 0, "1 2 3 4 5", "1 2 3 4 5 6"},
	{"focus by name, depth 2", {.focus = "Tòa án nhân dân tối cao", .depth = 2},
	 0, "1 2 3 4 5 6", "1 2 3 4 5 6 10"},
	/* the focus stays, whatever its type, with its edges to those kept */
	{"focus, people only", {.focus = "TANDTC", .type_mask = 1u << BM_ENT_PERSON},
	 0, "1 2 4", "1 2 4"},
	{"since 2021", {.since = "2021"}, 0, "1 2 3 4 5 15", "1 4 5 6"},
	{"until 2017", {.until = "2017"}, 0, "1 2 3", "1 2 3"},
	/* a relation seen from 2017 to 2021 overlaps 2020 */
	{"within 2020", {.since = "2020-01-01", .until = "2020-12-31"}, 0,
	 "1 2 5 6 7 8 9 11", "1 7 8 9 10"},
	{"two sentences or more", {.min_evidence = 2}, 0, "1 2", "1"},
	{"focus #9 through part_of",
	 {.focus = "#9", .rel_mask = 1u << BM_REL_PART_OF}, 0, "8 9 11", "8 9"},
	{"focus without accents", {.focus = "pham quoc hung"}, 0, "1 2 3",
	 "1 2 3 6"},
	{"unknown focus", {.focus = "Không có ai"}, BM_ENOTFOUND, "", ""},
	{"ambiguous focus", {.focus = "Hà Nội"}, BM_EAMBIGUOUS, "", ""},
};

static bm_graph *fixture(void)
{
	bm_graph *g = NULL;
	assert_int_equal(bm_graph_open(&g, ":memory:", BM_GRAPH_CREATE), 0);
	FILE *f = fopen(BOMAY_SOURCE_DIR "/tests/export/fixture.jsonl", "r");
	assert_non_null(f);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		bm_record *r = NULL;
		char err[256];
		if (bm_record_from_json(line, (size_t)n, &r, err, sizeof err) != 0)
			fail_msg("fixture: %s", err);
		assert_int_equal(bm_graph_ingest(g, r), 0);
		bm_record_free(r);
	}
	free(line);
	fclose(f);
	return g;
}

static void ids(char *out, size_t len, const int64_t *v, size_t n)
{
	size_t k = 0;
	out[0] = '\0';
	for (size_t i = 0; i < n && k < len; i++)
		k += (size_t)snprintf(out + k, len - k, "%s%" PRId64, i ? " " : "",
				      v[i]);
}

static void test_selectors(void **state)
{
	bm_graph *g = *state;
	static const bm_walk_cb cb = {on_node, on_edge};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		seen s = {0};
		char got[256];
		int rc = bm_graph_walk(g, &cases[i].sel, &cb, &s);
		if (rc != cases[i].rc)
			fail_msg("%s: walk returned %d (%s), want %d", cases[i].what,
				 rc, bm_graph_errmsg(g), cases[i].rc);
		if (rc != 0)
			continue;
		ids(got, sizeof got, s.nodes, s.n_nodes);
		if (strcmp(got, cases[i].nodes) != 0)
			fail_msg("%s: nodes '%s', want '%s'", cases[i].what, got,
				 cases[i].nodes);
		ids(got, sizeof got, s.edges, s.n_edges);
		if (strcmp(got, cases[i].edges) != 0)
			fail_msg("%s: edges '%s', want '%s'", cases[i].what, got,
				 cases[i].edges);
		assert_false(s.edge_before_node);
		assert_false(s.dangling);
	}
}

static void test_fields(void **state)
{
	bm_graph *g = *state;
	static const bm_walk_cb cb = {on_node, on_edge};
	seen s = {0};
	assert_int_equal(bm_graph_walk(g, NULL, &cb, &s), 0);
	assert_string_equal(s.tandtc, "ORG|Tòa án nhân dân tối cao|1:TANDTC|2|2|"
				      "2017-03-01|2021-05-06");
	assert_string_equal(s.edge1, "holds_position|1|2|Phó Chánh án|0|2|"
				     "2017-03-01|2021-05-06|"
				     "Phó Chánh án Phạm Quốc Hưng phát biểu.|exp-002");
	assert_string_equal(s.posts,
		"7:11|holds_position|0|Cố vấn \"đặc biệt\", \\ <&>|1|1|"
		"2020-01-15|2020-01-15|Nguyên Cố vấn \"đặc biệt\" Trần Văn C.|exp-003;"
		"15:12|holds_position|0|Thủ tướng|0|1|2023-07-01|2023-07-01|"
		"Thủ tướng Phạm Minh Chính chủ trì cuộc họp.|exp-004;"
		"15:13|holds_position|0|Ủy viên Bộ Chính trị|0|1|2023-07-01|"
		"2023-07-01|Ông là Ủy viên Bộ Chính trị.|exp-004;");
}

/* The posts follow the relation filters: none when holds_position is not
 * selected, only those seen in the period otherwise. */
static void test_posts_filtered(void **state)
{
	bm_graph *g = *state;
	static const bm_walk_cb cb = {on_node, on_edge};
	seen s = {0};
	bm_selector part_of = {.rel_mask = 1u << BM_REL_PART_OF};
	assert_int_equal(bm_graph_walk(g, &part_of, &cb, &s), 0);
	assert_string_equal(s.posts, "");
	seen t = {0};
	bm_selector until = {.until = "2020"};
	assert_int_equal(bm_graph_walk(g, &until, &cb, &t), 0);
	assert_non_null(strstr(t.posts, "7:11|"));
	assert_null(strstr(t.posts, "15:"));
}

static void test_ambiguous_message(void **state)
{
	bm_graph *g = *state;
	static const bm_walk_cb cb = {on_node, on_edge};
	bm_selector sel = {.focus = "Hà Nội"};
	seen s = {0};
	assert_int_equal(bm_graph_walk(g, &sel, &cb, &s), BM_EAMBIGUOUS);
	const char *m = bm_graph_errmsg(g);
	assert_non_null(strstr(m, "LOC"));
	assert_non_null(strstr(m, "ORG"));
	assert_int_equal(s.n_nodes, 0);
}

/* A callback's non-zero return stops the walk and comes back. */
static int stop_at_three(void *p, const bm_node *n)
{
	(void)p;
	return n->id == 3 ? 42 : 0;
}

static void test_stop(void **state)
{
	bm_graph *g = *state;
	static const bm_walk_cb cb = {stop_at_three, on_edge};
	seen s = {0};
	assert_int_equal(bm_graph_walk(g, NULL, &cb, &s), 42);
	/* and the handle still walks afterwards */
	static const bm_walk_cb all = {on_node, on_edge};
	assert_int_equal(bm_graph_walk(g, NULL, &all, &s), 0);
}

static int setup(void **state)
{
	*state = fixture();
	return 0;
}

static int teardown(void **state)
{
	bm_graph_close(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_selectors),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_posts_filtered),
		cmocka_unit_test(test_ambiguous_message),
		cmocka_unit_test(test_stop),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
