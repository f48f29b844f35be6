/* test_graph_query.c: the query functions on a small graph: names
 * resolved (or their candidates listed), who with sub-units and dates,
 * positions, neighbors, path with evidence, search without accents. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "tests/unit/graph_test.h"

static const char *const docs[] = {
	"{\"doc\":\"a\",\"date\":\"2017-03-01\",\"entities\":["
	"{\"id\":\"e1\",\"type\":\"ORG\",\"name\":\"Tòa án nhân dân tối cao\","
	"\"aliases\":[\"TANDTC\"]},{\"id\":\"e2\",\"type\":\"PERSON\",\"name\":"
	"\"Phạm Quốc Hưng\"},{\"id\":\"e3\",\"type\":\"ORG\",\"name\":\"Học viện "
	"Tòa án\"}],\"relations\":[{\"type\":\"holds_position\",\"subject\":"
	"\"e2\",\"object\":\"e1\",\"role\":\"Phó Chánh án\",\"evidence\":{"
	"\"start\":0,\"end\":9,\"text\":\"Câu một.\"}},{\"type\":\"part_of\","
	"\"subject\":\"e3\",\"object\":\"e1\",\"evidence\":{\"start\":0,\"end\":9,"
	"\"text\":\"Câu hai.\"}}]}",
	"{\"doc\":\"b\",\"date\":\"2019-01-01\",\"entities\":["
	"{\"id\":\"e1\",\"type\":\"ORG\",\"name\":\"Học viện Tòa án\"},"
	"{\"id\":\"e2\",\"type\":\"PERSON\",\"name\":\"Nguyễn Văn Du\"},"
	"{\"id\":\"e3\",\"type\":\"ORG\",\"name\":\"Bộ Tư pháp\"},"
	"{\"id\":\"e4\",\"type\":\"LOC\",\"name\":\"Học viện Tòa án\"}],"
	"\"relations\":[{\"type\":\"holds_position\",\"subject\":\"e2\","
	"\"object\":\"e1\",\"role\":\"Giám đốc\"},{\"type\":\"holds_position\","
	"\"subject\":\"e2\",\"object\":\"e3\",\"role\":\"Thứ trưởng\",\"status\":"
	"\"former\"},{\"type\":\"holds_position\",\"subject\":\"e2\",\"object\":"
	"null,\"role\":\"Tiến sĩ\"}]}",
	"{\"doc\":\"c\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\",\"name\":"
	"\"Lê Thị Xa\"}]}",
	NULL};

static bm_graph *fixture(void)
{
	bm_graph *g = mem_graph();
	for (size_t i = 0; docs[i]; i++)
		ingest_json(g, docs[i], 0);
	return g;
}

static int64_t id_of(bm_graph *g, const char *name, unsigned mask)
{
	int64_t id = 0;
	if (bm_graph_resolve(g, name, mask, &id, NULL) != 0)
		fail_msg("cannot resolve %s: %s", name, bm_graph_errmsg(g));
	return id;
}

typedef struct {
	const char *name;
	unsigned mask;
	int code;
	size_t n_cands;
} resolve_case;

static const resolve_case resolve_cases[] = {
	{"TANDTC", 0, 0, 0},
	{"tòa án nhân dân tối cao", 0, 0, 0},
	{"toa an nhan dan toi cao", 0, 0, 0},  /* accent-free */
	{"Học viện Tòa án", 0, BM_EAMBIGUOUS, 2},
	{"Học viện Tòa án", 1u << BM_ENT_ORG, 0, 0},
	{"hoc vien toa an", 0, BM_EAMBIGUOUS, 2},
	{"Không Có Ai", 0, BM_ENOTFOUND, 0},
	{"#1", 0, 0, 0},
	{"#999", 0, BM_ENOTFOUND, 0},
};

static void test_resolve(void **state)
{
	(void)state;
	bm_graph *g = fixture();
	for (size_t i = 0; i < sizeof resolve_cases / sizeof resolve_cases[0]; i++) {
		const resolve_case *c = &resolve_cases[i];
		bm_matches cands = {0};
		int64_t id = 0;
		int rc = bm_graph_resolve(g, c->name, c->mask, &id, &cands);
		if (rc != c->code || cands.n != c->n_cands)
			fail_msg("%s: got %d with %zu candidates, want %d with %zu",
				 c->name, rc, cands.n, c->code, c->n_cands);
		if (rc == 0 && id <= 0)
			fail_msg("%s: no id", c->name);
		bm_matches_free(&cands);
	}
	bm_graph_close(g);
}

static void test_who_positions(void **state)
{
	(void)state;
	bm_graph *g = fixture();
	int64_t court = id_of(g, "TANDTC", 0);
	int64_t du = id_of(g, "Nguyễn Văn Du", 0);
	bm_facts f;
	/* each row: deep, at, rows */
	static const struct {
		int deep;
		const char *at;
		size_t n;
	} who[] = {{0, NULL, 1}, {1, NULL, 2}, {1, "2017", 1}, {1, "2019-01", 1},
		   {1, "2018", 0}};
	for (size_t i = 0; i < sizeof who / sizeof who[0]; i++) {
		assert_int_equal(bm_graph_who(g, court, who[i].deep, who[i].at, &f), 0);
		if (f.n != who[i].n)
			fail_msg("who deep=%d at=%s: %zu rows, want %zu", who[i].deep,
				 who[i].at ? who[i].at : "-", f.n, who[i].n);
		bm_facts_free(&f);
	}
	assert_int_equal(bm_graph_who(g, court, 1, NULL, &f), 0);
	assert_string_equal(f.v[0].subject_name, "Phạm Quốc Hưng");
	assert_string_equal(f.v[0].role, "Phó Chánh án");
	assert_string_equal(f.v[0].evidence, "Câu một.");
	assert_string_equal(f.v[0].evidence_doc, "a");
	assert_string_equal(f.v[1].subject_name, "Nguyễn Văn Du");
	bm_facts_free(&f);

	assert_int_equal(bm_graph_positions(g, du, NULL, &f), 0);
	assert_int_equal(f.n, 3);
	int former = 0, none = 0;
	for (size_t i = 0; i < f.n; i++) {
		former += f.v[i].former;
		none += f.v[i].object == 0 && f.v[i].object_name == NULL;
	}
	assert_int_equal(former, 1);
	assert_int_equal(none, 1);
	bm_facts_free(&f);
	bm_graph_close(g);
}

static void test_walks(void **state)
{
	(void)state;
	bm_graph *g = fixture();
	int64_t hung = id_of(g, "Phạm Quốc Hưng", 0);
	int64_t bo = id_of(g, "Bộ Tư pháp", 0);
	int64_t xa = id_of(g, "Lê Thị Xa", 0);
	bm_facts f;
	/* neighbors: depth, limit, rows */
	static const struct {
		int depth;
		size_t limit, n;
	} nb[] = {{1, 0, 1}, {2, 0, 2}, {3, 0, 3}, {4, 0, 5}, {9, 0, 5}, {9, 3, 3}};
	for (size_t i = 0; i < sizeof nb / sizeof nb[0]; i++) {
		assert_int_equal(bm_graph_neighbors(g, hung, nb[i].depth, nb[i].limit,
						    &f), 0);
		if (f.n != nb[i].n)
			fail_msg("neighbors depth %d: %zu rows, want %zu", nb[i].depth,
				 f.n, nb[i].n);
		for (size_t j = 1; j < f.n; j++)
			assert_true(f.v[j].hop >= f.v[j - 1].hop);
		bm_facts_free(&f);
	}
	/* Hưng -> court <- academy <- Du -> ministry: four hops */
	assert_int_equal(bm_graph_path(g, hung, bo, 0, &f), 0);
	assert_int_equal(f.n, 4);
	assert_int_equal(f.v[0].from, hung);
	assert_string_equal(f.v[0].evidence, "Câu một.");
	assert_string_equal(f.v[1].evidence, "Câu hai.");
	assert_int_equal(f.v[3].object, bo);
	for (size_t i = 1; i < f.n; i++) {
		/* each hop starts where the last one ended */
		int64_t end = f.v[i - 1].from == f.v[i - 1].subject ? f.v[i - 1].object
								  : f.v[i - 1].subject;
		assert_int_equal(f.v[i].from, end);
	}
	bm_facts_free(&f);
	assert_int_equal(bm_graph_path(g, hung, bo, 3, &f), BM_ENOTFOUND);
	assert_int_equal(bm_graph_path(g, hung, xa, 0, &f), BM_ENOTFOUND);
	bm_graph_close(g);
}

static void test_search_stats(void **state)
{
	(void)state;
	bm_graph *g = fixture();
	bm_matches m;
	assert_int_equal(bm_graph_search(g, "PHAM quoc HUNG", 0, &m), 0);
	assert_int_equal(m.n, 1);
	assert_string_equal(m.v[0].name, "Phạm Quốc Hưng");
	assert_int_equal(m.v[0].n_documents, 1);
	bm_matches_free(&m);
	assert_int_equal(bm_graph_search(g, "toa an", 0, &m), 0);
	assert_int_equal(m.n, 3);
	/* exact and prefix matches first */
	assert_string_equal(m.v[0].matched, "Tòa án nhân dân tối cao");
	bm_matches_free(&m);
	assert_int_equal(bm_graph_search(g, "toa an", 2, &m), 0);
	assert_int_equal(m.n, 2);
	bm_matches_free(&m);
	bm_graph_counts c;
	assert_int_equal(bm_graph_stats(g, &c), 0);
	assert_int_equal(c.documents, 3);
	assert_int_equal(c.entities, 7);
	assert_int_equal(c.by_type[BM_ENT_ORG], 3);
	assert_int_equal(c.by_rel[BM_REL_HOLDS_POSITION], 4);
	assert_int_equal(c.relations, 5);
	assert_string_equal(c.first_date, "2017-03-01");
	free(c.first_date);
	free(c.last_date);
	bm_graph_close(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_who_positions),
		cmocka_unit_test(test_walks),
		cmocka_unit_test(test_search_stats),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
