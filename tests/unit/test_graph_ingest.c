/* test_graph_ingest.c: the merge rules of ingest, one case a row: records
 * in (as JSON Lines), then SQL questions and their answers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cmocka.h>

#include "tests/unit/graph_test.h"

#define TANDTC_SHORT \
	"{\"doc\":\"a\",\"date\":\"2017-03-01\",\"entities\":[" \
	"{\"id\":\"e1\",\"type\":\"ORG\",\"name\":\"TANDTC\"}," \
	"{\"id\":\"e2\",\"type\":\"PERSON\",\"name\":\"Phạm Quốc Hưng\"}]," \
	"\"relations\":[{\"type\":\"holds_position\",\"subject\":\"e2\"," \
	"\"object\":\"e1\",\"role\":\"Phó Chánh án\"}]}"
#define TANDTC_FULL \
	"{\"doc\":\"b\",\"date\":\"2019-05-02\",\"entities\":[" \
	"{\"id\":\"e1\",\"type\":\"ORG\",\"name\":\"Tòa án nhân dân tối cao\"," \
	"\"aliases\":[\"TANDTC\"]}," \
	"{\"id\":\"e2\",\"type\":\"PERSON\",\"name\":\"Phạm Quốc Hưng\"}]," \
	"\"relations\":[{\"type\":\"holds_position\",\"subject\":\"e2\"," \
	"\"object\":\"e1\",\"role\":\"phó chánh án\"}]}"

typedef struct {
	const char *what;
	const char *records[4];   /* ingested in this order */
	int results[4];           /* BM_INGEST_* of each */
	struct {
		const char *sql, *want;
	} checks[5];
} ingest_case;

static const ingest_case cases[] = {
	{"one name key: tone placement and case",
	 {"{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\","
	  "\"name\":\"Nguyễn Văn Hoà\"}]}",
	  "{\"doc\":\"b\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\","
	  "\"name\":\"nguyễn văn hòa\"}]}"},
	 {0, 0},
	 {{"SELECT count(*) FROM entities", "1"},
	  {"SELECT count(*) FROM mentions", "2"}}},
	{"same name, other type: two entities",
	 {"{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"LOC\","
	  "\"name\":\"Quảng Ninh\"},{\"id\":\"e2\",\"type\":\"ORG\","
	  "\"name\":\"Quảng Ninh\"}]}"},
	 {0},
	 {{"SELECT count(*) FROM entities", "2"}}},
	{"an acronym in one article joins the full name in another",
	 {TANDTC_SHORT, TANDTC_FULL},
	 {0, 0},
	 {{"SELECT count(*) FROM entities WHERE type = 'ORG'", "1"},
	  {"SELECT name FROM entities WHERE type = 'ORG'",
	   "Tòa án nhân dân tối cao"},
	  {"SELECT count(*) FROM relations", "1"},
	  {"SELECT first_seen || ' ' || last_seen || ' ' || n_evidence"
	   " FROM relations", "2017-03-01 2019-05-02 2"},
	  {"SELECT role FROM relations", "Phó Chánh án"}}},
	{"the same, the other way round",
	 {TANDTC_FULL, TANDTC_SHORT},
	 {0, 0},
	 {{"SELECT count(*) FROM entities WHERE type = 'ORG'", "1"},
	  {"SELECT name FROM entities WHERE type = 'ORG'",
	   "Tòa án nhân dân tối cao"},
	  {"SELECT count(*) FROM relations", "1"},
	  {"SELECT first_seen || ' ' || last_seen || ' ' || n_evidence"
	   " FROM relations", "2017-03-01 2019-05-02 2"},
	  {"SELECT role FROM relations", "Phó Chánh án"}}},
	{"undirected relations stored once, subject < object",
	 {"{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
	  "\"name\":\"Bộ Công an\"},{\"id\":\"e2\",\"type\":\"ORG\","
	  "\"name\":\"Bộ Y tế\"}],\"relations\":[{\"type\":\"cooperates_with\","
	  "\"subject\":\"e1\",\"object\":\"e2\"}]}",
	  "{\"doc\":\"b\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
	  "\"name\":\"Bộ Y tế\"},{\"id\":\"e2\",\"type\":\"ORG\","
	  "\"name\":\"Bộ Công an\"}],\"relations\":[{\"type\":\"cooperates_with\","
	  "\"subject\":\"e1\",\"object\":\"e2\"}]}"},
	 {0, 0},
	 {{"SELECT count(*) FROM relations", "1"},
	  {"SELECT n_evidence FROM relations", "2"},
	  {"SELECT subject < object FROM relations", "1"}}},
	{"a title without an organization: object 0, once",
	 {"{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\","
	  "\"name\":\"Phạm Minh Chính\"}],\"relations\":[{\"type\":"
	  "\"holds_position\",\"subject\":\"e1\",\"object\":null,\"role\":"
	  "\"Thủ tướng\"}]}",
	  "{\"doc\":\"b\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\","
	  "\"name\":\"Phạm Minh Chính\"}],\"relations\":[{\"type\":"
	  "\"holds_position\",\"subject\":\"e1\",\"object\":null,\"role\":"
	  "\"Thủ tướng\"}]}"},
	 {0, 0},
	 {{"SELECT count(*) FROM relations WHERE object = 0", "1"},
	  {"SELECT n_evidence FROM relations", "2"}}},
	{"the same document twice changes nothing",
	 {TANDTC_FULL, TANDTC_FULL},
	 {BM_INGEST_NEW, BM_INGEST_UNCHANGED},
	 {{"SELECT count(*) FROM documents", "1"},
	  {"SELECT n_evidence FROM relations", "1"},
	  {"SELECT count(*) FROM evidence", "1"}}},
	{"a changed document replaces what it gave",
	 {"{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\","
	  "\"name\":\"Lê Văn A\"},{\"id\":\"e2\",\"type\":\"ORG\",\"name\":"
	  "\"Bộ Tài chính\"}],\"relations\":[{\"type\":\"holds_position\","
	  "\"subject\":\"e1\",\"object\":\"e2\",\"role\":\"Thứ trưởng\"}]}",
	  "{\"doc\":\"b\",\"entities\":[{\"id\":\"e2\",\"type\":\"ORG\",\"name\":"
	  "\"Bộ Tài chính\",\"aliases\":[\"BTC\"]}]}",
	  "{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"PERSON\","
	  "\"name\":\"Lê Văn B\"}]}"},
	 {BM_INGEST_NEW, BM_INGEST_NEW, BM_INGEST_REPLACED},
	 {{"SELECT group_concat(name, '|') FROM (SELECT name FROM entities"
	   " ORDER BY name)", "Bộ Tài chính|Lê Văn B"},
	  {"SELECT count(*) FROM relations", "0"},
	  {"SELECT count(*) FROM evidence", "0"},
	  {"SELECT count(*) FROM documents", "2"},
	  {"SELECT count(*) FROM aliases", "3"}}},
	{"the latest statement decides the status",
	 {"{\"doc\":\"a\",\"date\":\"2020-01-01\",\"entities\":[{\"id\":\"e1\","
	  "\"type\":\"PERSON\",\"name\":\"Tô Lâm\"},{\"id\":\"e2\",\"type\":"
	  "\"ORG\",\"name\":\"Bộ Công an\"}],\"relations\":[{\"type\":"
	  "\"holds_position\",\"subject\":\"e1\",\"object\":\"e2\",\"role\":"
	  "\"Bộ trưởng\",\"status\":\"former\"}]}",
	  "{\"doc\":\"b\",\"date\":\"2018-01-01\",\"entities\":[{\"id\":\"e1\","
	  "\"type\":\"PERSON\",\"name\":\"Tô Lâm\"},{\"id\":\"e2\",\"type\":"
	  "\"ORG\",\"name\":\"Bộ Công an\"}],\"relations\":[{\"type\":"
	  "\"holds_position\",\"subject\":\"e1\",\"object\":\"e2\",\"role\":"
	  "\"Bộ trưởng\"}]}"},
	 {0, 0},
	 {{"SELECT status FROM relations", "former"},
	  {"SELECT first_seen FROM relations", "2018-01-01"}}},
	{"an alias joining two known entities makes them one",
	 {"{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
	  "\"name\":\"VKSND tối cao\"},{\"id\":\"e2\",\"type\":\"ORG\",\"name\":"
	  "\"Bộ Tư pháp\"}],\"relations\":[{\"type\":\"cooperates_with\","
	  "\"subject\":\"e1\",\"object\":\"e2\"}]}",
	  "{\"doc\":\"b\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
	  "\"name\":\"Viện kiểm sát nhân dân tối cao\"},{\"id\":\"e2\",\"type\":"
	  "\"ORG\",\"name\":\"Bộ Tư pháp\"}],\"relations\":[{\"type\":"
	  "\"cooperates_with\",\"subject\":\"e2\",\"object\":\"e1\"}]}",
	  "{\"doc\":\"c\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\","
	  "\"name\":\"Viện kiểm sát nhân dân tối cao\",\"aliases\":"
	  "[\"VKSND tối cao\"]}]}"},
	 {0, 0, 0},
	 {{"SELECT count(*) FROM entities", "2"},
	  {"SELECT count(*) FROM relations", "1"},
	  {"SELECT n_evidence FROM relations", "2"},
	  {"SELECT count(*) FROM aliases", "3"},
	  {"PRAGMA foreign_key_check", ""}}},
};

#define CA_PHU_XUYEN \
	"{\"doc\":\"a\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"Công an huyện Phú Xuyên\",\"aliases\":[\"Công an huyện\"]}]}"
#define CA_CHUONG_MY \
	"{\"doc\":\"b\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"Công an huyện Chương Mỹ\",\"aliases\":[\"Công an huyện\"]}]}"
#define CA_BARE \
	"{\"doc\":\"c\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"Công an huyện Chương Mỹ\",\"aliases\":[\"CA huyện Chương Mỹ\"," \
	"\"Công an huyện\"]}]}"

#define BCA_WRONG_ALIAS \
	"{\"doc\":\"x\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"Bộ Công An\",\"aliases\":[\"Bộ Nông nghiệp và Phát triển " \
	"nông thôn\"]}]}"
#define BCA_PLAIN \
	"{\"doc\":\"y\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"Bộ Công an\"}]}"

#define ORG_AS(doc, name) \
	"{\"doc\":\"" doc "\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\"," \
	"\"name\":\"" name "\"}]}"

/* Names: what records call an entity beats a longer alias (an extraction
 * mistake here); of two written forms of one name, fewer capitals win. */
static const ingest_case naming_cases[] = {
	{"a record's name beats a longer alias", {BCA_WRONG_ALIAS, BCA_PLAIN},
	 {0, 0},
	 {{"SELECT name FROM entities", "Bộ Công an"},
	  {"SELECT count(*) FROM aliases", "2"}}},
	{"the same, other order", {BCA_PLAIN, BCA_WRONG_ALIAS},
	 {0, 0},
	 {{"SELECT name FROM entities", "Bộ Công an"},
	  {"SELECT count(*) FROM aliases", "2"}}},
	{"the form most documents write is shown",
	 {ORG_AS("a", "Bộ Công An"), ORG_AS("b", "Bộ Công an"),
	  ORG_AS("c", "BỘ CÔNG AN"), ORG_AS("d", "Bộ Công an")},
	 {0, 0, 0, 0},
	 {{"SELECT name FROM entities", "Bộ Công an"},
	  {"SELECT form_n FROM aliases", "2"},
	  {"SELECT group_concat(form || '=' || n) FROM (SELECT * FROM"
	   " alias_forms ORDER BY form)", "BỘ CÔNG AN=1,Bộ Công An=1"}}},
	{"the same, other order",
	 {ORG_AS("d", "Bộ Công an"), ORG_AS("c", "BỘ CÔNG AN"),
	  ORG_AS("b", "Bộ Công an"), ORG_AS("a", "Bộ Công An")},
	 {0, 0, 0, 0},
	 {{"SELECT name FROM entities", "Bộ Công an"},
	  {"SELECT form_n FROM aliases", "2"}}},
	{"a tie: fewer capitals", {ORG_AS("a", "BỘ CÔNG AN"), ORG_AS("b", "Bộ Công an")},
	 {0, 0},
	 {{"SELECT name FROM entities", "Bộ Công an"}}},
};

/* A generic short form shared by two organizations glues neither to the
 * other, in any order. */
static const ingest_case generic_cases[] = {
	{"a generic alias joins nothing", {CA_PHU_XUYEN, CA_CHUONG_MY, CA_BARE},
	 {0, 0, 0},
	 {{"SELECT count(*) FROM entities", "2"},
	  {"SELECT count(*) FROM entities WHERE name = 'Công an huyện Chương Mỹ'",
	   "1"}}},
	{"the same, other order", {CA_BARE, CA_CHUONG_MY, CA_PHU_XUYEN},
	 {0, 0, 0},
	 {{"SELECT count(*) FROM entities", "2"},
	  {"SELECT count(*) FROM entities WHERE name = 'Công an huyện Phú Xuyên'",
	   "1"}}},
};

static void run_cases(const ingest_case *cs, size_t n);

static void test_cases(void **state)
{
	(void)state;
	run_cases(cases, sizeof cases / sizeof cases[0]);
	run_cases(generic_cases, sizeof generic_cases / sizeof generic_cases[0]);
	run_cases(naming_cases, sizeof naming_cases / sizeof naming_cases[0]);
}

static void run_cases(const ingest_case *cs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const ingest_case *c = &cs[i];
		bm_graph *g = mem_graph();
		for (size_t j = 0; j < 4 && c->records[j]; j++)
			ingest_json(g, c->records[j], c->results[j]);
		for (size_t j = 0; j < 5 && c->checks[j].sql; j++) {
			char *got = q_str(g, c->checks[j].sql);
			if (strcmp(got, c->checks[j].want) != 0)
				fail_msg("%s: %s: got '%s', want '%s'", c->what,
					 c->checks[j].sql, got, c->checks[j].want);
			free(got);
		}
		bm_graph_close(g);
	}
}

/* Every order of four documents gives the same graph. */
static const char *const perm_docs[] = {
	TANDTC_SHORT,
	TANDTC_FULL,
	"{\"doc\":\"c\",\"date\":\"2018-01-01\",\"entities\":[{\"id\":\"e1\","
	"\"type\":\"ORG\",\"name\":\"Tòa án nhân dân tối cao\",\"aliases\":"
	"[\"Toà án NDTC\"]},{\"id\":\"e2\",\"type\":\"ORG\",\"name\":\"Học viện "
	"Tòa án\"}],\"relations\":[{\"type\":\"part_of\",\"subject\":\"e2\","
	"\"object\":\"e1\"}]}",
	"{\"doc\":\"d\",\"entities\":[{\"id\":\"e1\",\"type\":\"ORG\",\"name\":"
	"\"Toà án NDTC\"},{\"id\":\"e2\",\"type\":\"PERSON\",\"name\":\"Phạm "
	"Quốc Hưng\"}],\"relations\":[{\"type\":\"holds_position\",\"subject\":"
	"\"e2\",\"object\":\"e1\",\"role\":\"Phó Chánh án\",\"status\":"
	"\"former\"}]}",
};

static void test_order_independence(void **state)
{
	(void)state;
	char *first = NULL;
	int n_orders = 0;
	for (int a = 0; a < 4; a++)
		for (int b = 0; b < 4; b++)
			for (int c = 0; c < 4; c++)
				for (int d = 0; d < 4; d++) {
					if (a == b || a == c || a == d || b == c ||
					    b == d || c == d)
						continue;
					int order[4] = {a, b, c, d};
					bm_graph *g = mem_graph();
					for (int k = 0; k < 4; k++)
						ingest_json(g, perm_docs[order[k]], 0);
					char *fp = graph_fingerprint(g);
					if (!first)
						first = fp;
					else {
						if (strcmp(first, fp) != 0)
							fail_msg("order %d%d%d%d:\n%s\n%s", a, b, c, d,
								 fp, first);
						free(fp);
					}
					n_orders++;
					bm_graph_close(g);
				}
	assert_int_equal(n_orders, 24);
	assert_non_null(strstr(first, "ORG:Tòa án nhân dân tối cao"));
	/* the undated "former" of d is older than any dated statement */
	assert_non_null(strstr(first, "Phó Chánh án:current:2017-03-01:2019-05-02:3"));
	assert_non_null(strstr(first, "part_of:Học viện Tòa án>Tòa án nhân dân tối cao"));
	free(first);
}

/* One batch of many records, then the same batch again: nothing new. */
static void test_batch(void **state)
{
	(void)state;
	bm_graph *g = mem_graph();
	char json[512];
	assert_int_equal(bm_graph_begin(g), 0);
	for (int i = 0; i < 200; i++) {
		snprintf(json, sizeof json,
			 "{\"doc\":\"d%d\",\"entities\":[{\"id\":\"e1\",\"type\":"
			 "\"PERSON\",\"name\":\"Người %d\"},{\"id\":\"e2\",\"type\":"
			 "\"ORG\",\"name\":\"Sở %d\"}],\"relations\":[{\"type\":"
			 "\"holds_position\",\"subject\":\"e1\",\"object\":\"e2\","
			 "\"role\":\"Giám đốc\"}]}",
			 i, i % 50, i % 50 % 7);
		ingest_json(g, json, 0);
	}
	assert_int_equal(bm_graph_commit(g), 0);
	assert_int_equal(q_int(g, "SELECT count(*) FROM entities"), 57);
	assert_int_equal(q_int(g, "SELECT count(*) FROM relations"), 50);
	assert_int_equal(q_int(g, "SELECT sum(n_evidence) FROM relations"), 200);
	bm_graph_close(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_order_independence),
		cmocka_unit_test(test_batch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
