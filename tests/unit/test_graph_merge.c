/* test_graph_merge.c: shard databases merged in either order give one
 * graph (same entities, canonical names, relations, evidence); a document
 * in two shards keeps its latest version; rules travel with their shard. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "tests/unit/graph_test.h"

static const char *const shard_a[] = {
	"{\"doc\":\"a1\",\"date\":\"2016-01-01\",\"entities\":[{\"id\":\"e1\","
	"\"type\":\"ORG\",\"name\":\"TANDTC\"},{\"id\":\"e2\",\"type\":\"PERSON\","
	"\"name\":\"Phạm Quốc Hưng\"}],\"relations\":[{\"type\":\"holds_position\","
	"\"subject\":\"e2\",\"object\":\"e1\",\"role\":\"Phó Chánh án\"}]}",
	"{\"doc\":\"same\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
	"\"name\":\"Bộ Ngoại giao\"}]}",
	NULL};
static const char *const shard_b[] = {
	"{\"doc\":\"b1\",\"date\":\"2019-01-01\",\"entities\":[{\"id\":\"e1\","
	"\"type\":\"ORG\",\"name\":\"Tòa án nhân dân tối cao\",\"aliases\":"
	"[\"TANDTC\"]},{\"id\":\"e2\",\"type\":\"PERSON\",\"name\":\"Phạm Quốc "
	"Hưng\"},{\"id\":\"e3\",\"type\":\"ORG\",\"name\":\"BNG\"}],\"relations\":"
	"[{\"type\":\"holds_position\",\"subject\":\"e2\",\"object\":\"e1\","
	"\"role\":\"Phó Chánh án\",\"status\":\"former\"},{\"type\":"
	"\"cooperates_with\",\"subject\":\"e3\",\"object\":\"e1\"}]}",
	"{\"doc\":\"same\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
	"\"name\":\"Bộ Ngoại giao\",\"aliases\":[\"BNG\"]}]}",
	NULL};

static char *make_shard(const char *const *docs, const char *rule_a,
			const char *rule_b)
{
	char *path = strdup("/tmp/bomay-shard-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	bm_graph *g = NULL;
	assert_int_equal(bm_graph_open(&g, path, BM_GRAPH_CREATE), 0);
	for (size_t i = 0; docs[i]; i++)
		ingest_json(g, docs[i], 0);
	if (rule_a)
		assert_int_equal(bm_entity_merge(g, rule_a, rule_b, NULL), 0);
	bm_graph_close(g);
	return path;
}

static void remove_db(const char *path)
{
	char side[600];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static char *merged(const char *first, const char *second)
{
	bm_graph *g = mem_graph();
	long n1 = -1, n2 = -1;
	assert_int_equal(bm_graph_merge_from(g, first, &n1), 0);
	assert_int_equal(bm_graph_merge_from(g, second, &n2), 0);
	assert_true(n1 >= 0 && n2 >= 0);
	char *fp = graph_fingerprint(g);
	bm_graph_close(g);
	return fp;
}

static void test_order_independent(void **state)
{
	(void)state;
	/* shard B was written later: its "same" wins in both orders */
	char *a = make_shard(shard_a, NULL, NULL);
	struct timespec ms5 = {0, 5000000}; /* ingested_at: milliseconds */
	nanosleep(&ms5, NULL);
	char *b = make_shard(shard_b, NULL, NULL);
	char *ab = merged(a, b), *ba = merged(b, a);
	assert_string_equal(ab, ba);
	assert_non_null(strstr(ab, "ORG:Tòa án nhân dân tối cao"));
	assert_non_null(strstr(ab, "Phó Chánh án:former:2016-01-01:2019-01-01:2"));
	assert_non_null(strstr(ab, "cooperates_with:"));
	assert_non_null(strstr(ab, "#5#3#0")); /* aliases, documents, rules */
	free(ab);
	free(ba);
	remove_db(a);
	remove_db(b);
	free(a);
	free(b);
}

static void test_rules_travel(void **state)
{
	(void)state;
	static const char *const c_docs[] = {
		"{\"doc\":\"c1\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
		"\"name\":\"Bộ Công an\"},{\"id\":\"e2\",\"type\":\"ORG\","
		"\"name\":\"BCA\"}]}",
		NULL};
	static const char *const d_docs[] = {
		"{\"doc\":\"d1\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
		"\"name\":\"BCA\"},{\"id\":\"e2\",\"type\":\"PERSON\",\"name\":"
		"\"Tô Lâm\"}],\"relations\":[{\"type\":\"holds_position\","
		"\"subject\":\"e2\",\"object\":\"e1\",\"role\":\"Bộ trưởng\"}]}",
		NULL};
	char *c = make_shard(c_docs, "Bộ Công an", "BCA");
	char *d = make_shard(d_docs, NULL, NULL);
	char *cd = merged(c, d), *dc = merged(d, c);
	assert_string_equal(cd, dc);
	assert_non_null(strstr(cd, "holds_position:Tô Lâm>Bộ Công an:"));
	assert_non_null(strstr(cd, "#1")); /* one rule */
	free(cd);
	free(dc);
	/* a shard cannot be merged into itself */
	bm_graph *g = NULL;
	assert_int_equal(bm_graph_open(&g, c, 0), 0);
	assert_int_equal(bm_graph_merge_from(g, c, NULL), BM_EINVAL);
	assert_int_equal(bm_graph_merge_from(g, "/nonexistent.db", NULL),
			 BM_ENOTFOUND);
	bm_graph_close(g);
	remove_db(c);
	remove_db(d);
	free(c);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_independent),
		cmocka_unit_test(test_rules_travel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
