/* test_graph_curate.c: corrections as rules: each case ingests records,
 * corrects, ingests more (the rules must hold), checks, then undoes the
 * latest rule and checks again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "tests/unit/graph_test.h"

#define ORG1(doc, name) \
	"{\"doc\":\"" doc "\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"" name "\"}]}"
#define ORG_ALIAS(doc, name, alias) \
	"{\"doc\":\"" doc "\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"" name "\",\"aliases\":[\"" alias "\"]}]}"
#define POST(doc, person, org, role) \
	"{\"doc\":\"" doc "\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\"," \
	"\"name\":\"" person "\"},{\"id\":\"e2\",\"type\":\"ORG\",\"name\":\"" \
	org "\"}],\"relations\":[{\"type\":\"holds_position\",\"subject\":" \
	"\"e1\",\"object\":\"e2\",\"role\":\"" role "\"}]}"

typedef enum { MERGE, RENAME, ALIAS_ADD, ALIAS_REMOVE, SPLIT, DELETE } act;

typedef struct {
	const char *what;
	const char *before[3];  /* ingested first */
	act action;
	const char *a, *b;      /* the names (split: b is the document) */
	const char *after[2];   /* ingested after the correction */
	const char *sql, *want, *want_undone;
} curate_case;

static const char NAMES[] =
	"SELECT group_concat(x, '|') FROM (SELECT type || ':' || name AS x"
	" FROM entities ORDER BY x)";

static const curate_case cases[] = {
	{"merge holds for later documents",
	 {ORG1("a", "Bộ Công an"), ORG1("b", "BCA")},
	 MERGE, "Bộ Công an", "bca",
	 {ORG1("c", "BCA"), POST("d", "Tô Lâm", "BCA", "Bộ trưởng")},
	 NAMES, "ORG:Bộ Công an|PERSON:Tô Lâm",
	 "ORG:BCA|ORG:Bộ Công an|PERSON:Tô Lâm"},
	{"rename is kept over a longer name seen later",
	 {ORG1("a", "TANDTC")},
	 RENAME, "TANDTC", "Tòa án Tối cao",
	 {ORG_ALIAS("b", "Tòa án nhân dân tối cao", "TANDTC")},
	 NAMES, "ORG:Tòa án Tối cao", "ORG:Tòa án nhân dân tối cao"},
	{"an added alias joins later documents",
	 {ORG1("a", "Viện kiểm sát nhân dân tối cao")},
	 ALIAS_ADD, "Viện kiểm sát nhân dân tối cao", "VKSNDTC",
	 {ORG1("b", "VKSNDTC")},
	 NAMES, "ORG:Viện kiểm sát nhân dân tối cao",
	 "ORG:VKSNDTC|ORG:Viện kiểm sát nhân dân tối cao"},
	{"a removed alias no longer joins, now or later",
	 {ORG_ALIAS("a", "Tòa án nhân dân tối cao", "TANDTC"),
	  ORG1("b", "TANDTC")},
	 ALIAS_REMOVE, "Tòa án nhân dân tối cao", "TANDTC",
	 {ORG_ALIAS("c", "Tòa án nhân dân tối cao", "TANDTC")},
	 NAMES, "ORG:TANDTC|ORG:Tòa án nhân dân tối cao",
	 "ORG:Tòa án nhân dân tối cao"},
	{"split by document: a namesake elsewhere",
	 {POST("a", "Nguyễn Văn An", "Bộ Y tế", "Thứ trưởng"),
	  POST("b", "Nguyễn Văn An", "Sở Y tế Hà Nội", "Giám đốc")},
	 SPLIT, "Nguyễn Văn An", "b",
	 {POST("c", "Nguyễn Văn An", "Bộ Y tế", "Thứ trưởng")},
	 "SELECT group_concat(x, '|') FROM (SELECT o.name || '=' || r.subject AS"
	 " x FROM relations r JOIN entities o ON o.id = r.object ORDER BY x)",
	 NULL, NULL},
	{"delete keeps the entity out of later ingests",
	 {POST("a", "Lê Văn Rác", "Bộ Y tế", "Thứ trưởng")},
	 DELETE, "le van rac", NULL,
	 {POST("b", "Lê Văn Rác", "Bộ Y tế", "Thứ trưởng")},
	 "SELECT (SELECT count(*) FROM entities) || ' ' ||"
	 " (SELECT count(*) FROM relations)", "1 0", "2 1"},
};

static int do_act(bm_graph *g, const curate_case *c)
{
	char *docs[1] = {(char *)c->b};
	switch (c->action) {
	case MERGE: return bm_entity_merge(g, c->a, c->b, NULL);
	case RENAME: return bm_entity_rename(g, c->a, c->b, NULL);
	case ALIAS_ADD: return bm_entity_alias(g, c->a, c->b, 1, NULL);
	case ALIAS_REMOVE: return bm_entity_alias(g, c->a, c->b, 0, NULL);
	case SPLIT: return bm_entity_split(g, c->a, docs, 1, NULL);
	case DELETE: return bm_entity_delete(g, c->a, NULL);
	}
	return BM_EINVAL;
}

static void check(bm_graph *g, const curate_case *c, const char *want,
		  const char *when)
{
	char *got = q_str(g, c->sql);
	if (strcmp(got, want) != 0)
		fail_msg("%s (%s): got '%s', want '%s'", c->what, when, got, want);
	free(got);
	char *fk = q_str(g, "PRAGMA foreign_key_check");
	if (*fk)
		fail_msg("%s (%s): foreign keys broken", c->what, when);
	free(fk);
}

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const curate_case *c = &cases[i];
		bm_graph *g = mem_graph();
		for (size_t j = 0; j < 3 && c->before[j]; j++)
			ingest_json(g, c->before[j], 0);
		int rc = do_act(g, c);
		if (rc != 0)
			fail_msg("%s: %d %s", c->what, rc, bm_graph_errmsg(g));
		for (size_t j = 0; j < 2 && c->after[j]; j++)
			ingest_json(g, c->after[j], 0);
		assert_int_equal(q_int(g, "SELECT count(*) FROM rules"), 1);
		if (c->action == SPLIT) {
			/* Bộ Y tế's post (docs a, c) and Sở Y tế's (doc b) have
			 * two different subjects */
			assert_int_equal(q_int(g, "SELECT count(*) FROM entities"
						  " WHERE type = 'PERSON'"), 2);
			assert_int_equal(q_int(g, "SELECT count(DISTINCT subject)"
						  " FROM relations"), 2);
			assert_int_equal(q_int(g, "SELECT n_evidence FROM relations r"
						  " JOIN entities o ON o.id = r.object"
						  " WHERE o.name = 'Bộ Y tế'"), 2);
		} else {
			check(g, c, c->want, "corrected");
		}
		assert_int_equal(bm_entity_undo(g, 0), 0);
		assert_int_equal(q_int(g, "SELECT undone FROM rules"), 1);
		if (c->action == SPLIT)
			assert_int_equal(q_int(g, "SELECT count(*) FROM entities"
						  " WHERE type = 'PERSON'"), 1);
		else
			check(g, c, c->want_undone, "undone");
		assert_int_equal(bm_entity_undo(g, 0), BM_ENOTFOUND);
		bm_graph_close(g);
	}
}

/* Corrections that cannot apply say why and change nothing. */
static void test_refusals(void **state)
{
	(void)state;
	bm_graph *g = mem_graph();
	bm_matches cands = {0};
	ingest_json(g, ORG1("a", "Quảng Ninh"), 0);
	ingest_json(g, "{\"doc\":\"b\",\"entities\":[{\"id\":\"e1\",\"type\":"
		       "\"LOC\",\"name\":\"Quảng Ninh\"},{\"id\":\"e2\",\"type\":"
		       "\"ORG\",\"name\":\"Bộ Công an\"}]}",
		    0);
	assert_int_equal(bm_entity_delete(g, "Quang Ninh", &cands), BM_EAMBIGUOUS);
	assert_int_equal(cands.n, 2);
	bm_matches_free(&cands);
	assert_int_equal(bm_entity_merge(g, "Bộ Công an", "Bộ Công an", NULL),
			 BM_EINVAL);
	assert_int_equal(bm_entity_rename(g, "#3", "Quảng Ninh", NULL),
			 BM_EINVAL);
	assert_int_equal(bm_entity_alias(g, "Bộ Công an", "BCA", 0, NULL),
			 BM_ENOTFOUND);
	assert_int_equal(bm_entity_delete(g, "Không Có", NULL), BM_ENOTFOUND);
	assert_int_equal(q_int(g, "SELECT count(*) FROM rules"), 0);
	assert_int_equal(q_int(g, "SELECT count(*) FROM entities"), 3);
	bm_rules_list l;
	assert_int_equal(bm_entity_rules(g, &l), 0);
	assert_int_equal(l.n, 0);
	bm_rules_list_free(&l);
	bm_graph_close(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_refusals),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
