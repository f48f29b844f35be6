/* test_input.c: the input reader (extract/input.c), table-driven: each case
 * writes a few files into a fresh directory, reads the given paths to the
 * end, and compares every result (document or diagnostic) in order.
 * Standard input is covered by tests/e2e/hostile_input.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "bomay.h"

typedef struct {
	const char *name;     /* a path below the case's directory; "x/" a dir */
	const char *data;
	size_t len;           /* 0: strlen(data) */
} tfile;

typedef struct {
	int rc;               /* 1: a document; < 0: a diagnostic; 0: the end */
	const char *id;       /* documents */
	const char *text;     /* documents; NULL: not compared */
	size_t text_len;      /* 0: strlen(text) */
	long line;
	const char *msg;      /* diagnostics: a part of the message */
	const char *path;     /* diagnostics: the end of the path */
} tresult;

typedef struct {
	const char *what;
	tfile files[6];
	const char *paths[4]; /* "." is the case's directory */
	int flags;
	size_t max_doc;
	tresult want[8];      /* up to and including the end */
} tcase;

#define DOC(i, t, l) {1, i, t, 0, l, NULL, NULL}
#define DOCN(i, t, n, l) {1, i, t, n, l, NULL, NULL}
#define DIAG(c, l, m, p) {c, NULL, NULL, 0, l, m, p}
#define END {0, NULL, NULL, 0, 0, NULL, NULL}

/* 1001 brackets: deeper than cJSON reads, within jansson's limit. */
#define OPEN10 "[[[[[[[[[["
#define OPEN100 OPEN10 OPEN10 OPEN10 OPEN10 OPEN10 OPEN10 OPEN10 OPEN10 \
	OPEN10 OPEN10
#define OPEN1001 "[" OPEN100 OPEN100 OPEN100 OPEN100 OPEN100 OPEN100 \
	OPEN100 OPEN100 OPEN100 OPEN100
#define CLOSE10 "]]]]]]]]]]"
#define CLOSE100 CLOSE10 CLOSE10 CLOSE10 CLOSE10 CLOSE10 CLOSE10 CLOSE10 \
	CLOSE10 CLOSE10 CLOSE10
#define CLOSE1001 "]" CLOSE100 CLOSE100 CLOSE100 CLOSE100 CLOSE100 \
	CLOSE100 CLOSE100 CLOSE100 CLOSE100 CLOSE100

static const tcase cases[] = {
	{"one text file", {{"a.txt", "Xin chào.\n", 0}}, {"a.txt"}, 0, 0,
	 {DOC("a", "Xin chào.\n", 0), END}},
	{"an empty text file is an empty document", {{"e.txt", "", 0}},
	 {"e.txt"}, 0, 0, {DOC("e", "", 0), END}},
	{"any other name is one text document",
	 {{"note.md", "x", 0}, {"noext", "y", 0}}, {"note.md", "noext"}, 0, 0,
	 {DOC("note", "x", 0), DOC("noext", "y", 0), END}},
	{"JSON Lines: ids, blank lines, CRLF, no final newline",
	 {{"d.jsonl",
	   "{\"id\": \"x\", \"text\": \"một\", \"title\": \"T\"}\n"
	   "\n   \n\t\r\n"
	   "{\"id\": 7, \"text\": \"hai\"}\r\n"
	   "{\"text\": \"ba\"}\n"
	   "{\"id\": \"\", \"text\": \"bốn\"}",
	   0}},
	 {"d.jsonl"}, 0, 0,
	 {DOC("x", "một", 1), DOC("7", "hai", 5), DOC("d:6", "ba", 6),
	  DOC("d:7", "bốn", 7), END}},
	{".ndjson is JSON Lines too",
	 {{"n.ndjson", "{\"id\": \"a\", \"text\": \"b\"}\n", 0}}, {"n.ndjson"},
	 0, 0, {DOC("a", "b", 1), END}},
	{"a malformed line is reported with its number; the others go on",
	 {{"m.jsonl",
	   "{\"id\": \"1\", \"text\": \"a\"}\n"
	   "{\"id\": \"2\", \"text\": \n"
	   "[1, 2]\n"
	   "{\"id\": \"4\"}\n"
	   "{\"id\": \"5\", \"text\": 5}\n"
	   "{\"id\": \"6\", \"text\": \"f\"}\n",
	   0}},
	 {"m.jsonl"}, 0, 0,
	 {DOC("1", "a", 1), DIAG(BM_EPARSE, 2, "not a JSON document", "m.jsonl"),
	  DIAG(BM_EPARSE, 3, "\"text\"", "m.jsonl"),
	  DIAG(BM_EPARSE, 4, "\"text\"", "m.jsonl"),
	  DIAG(BM_EPARSE, 5, "\"text\"", "m.jsonl"), DOC("6", "f", 6), END}},
	{"a NUL escaped in JSON is kept (extraction refuses it)",
	 {{"z.jsonl", "{\"id\": \"z\", \"text\": \"a\\u0000b\"}\n", 0}},
	 {"z.jsonl"}, 0, 0, {DOCN("z", "a\0b", 3, 1), END}},
	{"invalid UTF-8 in a line fails that line",
	 {{"u.jsonl",
	   "{\"id\": \"u\", \"text\": \"a\xC0\xAF\"}\n"
	   "{\"id\": \"v\", \"text\": \"ok\"}\n",
	   0}},
	 {"u.jsonl"}, 0, 0,
	 {DIAG(BM_EPARSE, 1, "not a JSON document", "u.jsonl"),
	  DOC("v", "ok", 2), END}},
	{"lossy: invalid UTF-8 in a line becomes U+FFFD",
	 {{"u.jsonl",
	   "{\"id\": \"u\", \"text\": \"a\xC0\xAF\xED\xA0\x80\xE1\xBB\"}\n", 0}},
	 {"u.jsonl"}, BM_READ_LOSSY, 0,
	 {DOC("u",
	      "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
	      "\xEF\xBF\xBD\xEF\xBF\xBD",
	      1),
	  END}},
	{"a text file keeps its bytes: extraction judges them",
	 {{"b.txt", "a\xFF\0b", 4}}, {"b.txt"}, 0, 0,
	 {DOCN("b", "a\xFF\0b", 4, 0), END}},
	{"a directory: .txt and .jsonl in byte order, hidden and other files "
	 "left out",
	 {{"d/", NULL, 0},
	  {"d/b.txt", "bee", 0},
	  {"d/a.jsonl", "{\"id\": \"a1\", \"text\": \"A\"}\n", 0},
	  {"d/c.md", "no", 0},
	  {"d/.h.txt", "hidden", 0},
	  {"d/B.txt", "upper", 0}},
	 {"d"}, 0, 0,
	 {DOC("B", "upper", 0), DOC("a1", "A", 1), DOC("b", "bee", 0), END}},
	{"an empty directory yields nothing", {{"e/", NULL, 0}}, {"e"}, 0, 0,
	 {END}},
	{"a listed .jsonl of records (gold, earlier output) holds no documents",
	 {{"g/", NULL, 0},
	  {"g/gold.jsonl", "{\"doc\": \"001\", \"entities\": []}\n", 0},
	  {"g/x.txt", "x", 0}},
	 {"g"}, 0, 0, {DOC("x", "x", 0), END}},
	{"a missing file and a path under a file are reported; the rest goes on",
	 {{"a.txt", "a", 0}},
	 {"missing.txt", "a.txt/under", "a.txt"}, 0, 0,
	 {DIAG(BM_ENOTFOUND, 0, "cannot open", "missing.txt"),
	  DIAG(BM_EIO, 0, "cannot open", "a.txt/under"), DOC("a", "a", 0),
	  END}},
	{"size cap: a text file over it is skipped",
	 {{"big.txt", "123456789", 0}, {"ok.txt", "12345678", 0}},
	 {"big.txt", "ok.txt"}, 0, 8,
	 {DIAG(BM_ETOOBIG, 0, "size cap of 8 bytes", "big.txt"),
	  DOC("ok", "12345678", 0), END}},
	{"size cap: a line over it is skipped, the next one read",
	 {{"c.jsonl",
	   "{\"id\": \"long\", \"text\": \"0123456789012345678901234567890\"}\n"
	   "{\"id\":\"s\",\"text\":\"\"}\n",
	   0}},
	 {"c.jsonl"}, 0, 32,
	 {DIAG(BM_ETOOBIG, 1, "line over the size cap of 32", "c.jsonl"),
	  DOC("s", "", 2), END}},
	/* Lines where cJSON (the fast reader) and jansson would differ: the
	 * reader must give jansson's reading of each (extract/input.c). */
	{"JSON Lines: jansson's reading where cJSON's would differ",
	 {{"k.jsonl",
	   "{\"text\": \"first\", \"id\": \"d1\", \"text\": \"second\"}\n"
	   "{\"id\": \"t2\", \"text\": \"a\tb\"}\n"
	   "{\"id\": \"g3\", \"text\": \"x\"} y\n"
	   "{\"id\": \"f4\",\f\"text\": \"x\"}\n"
	   "\xEF\xBB\xBF{\"id\": \"b5\", \"text\": \"x\"}\n"
	   "{\"id\": 9007199254740993, \"text\": \"x\"}\n"
	   "{\"id\": \"n7\", \"text\": \"x\", \"m\": {\"v\": [1e999]}}\n",
	   0}},
	 {"k.jsonl"}, 0, 0,
	 {DOC("d1", "second", 1),
	  DIAG(BM_EPARSE, 2, "not a JSON document", "k.jsonl"),
	  DIAG(BM_EPARSE, 3, "not a JSON document", "k.jsonl"),
	  DIAG(BM_EPARSE, 4, "not a JSON document", "k.jsonl"),
	  DIAG(BM_EPARSE, 5, "not a JSON document", "k.jsonl"),
	  DOC("9007199254740993", "x", 6),
	  DIAG(BM_EPARSE, 7, "not a JSON document", "k.jsonl"), END}},
	{"JSON Lines: escapes, surrogates, nesting, a final CR, a repeated id",
	 {{"e.jsonl",
	   "{\"id\": \"e1\", \"text\": \"a\\u00e9\\ud83d\\ude00\\n\\\"\\\\\\/ \"}\n"
	   "{\"id\": \"s2\", \"text\": \"\\udc00\"}\n"
	   "{\"id\": \"deep\", \"text\": \"x\", \"a\": " OPEN1001 CLOSE1001 "}\n"
	   "{\"id\": \"c4\", \"text\": \"x\"}\r\n"
	   "{\"id\": \"q\", \"id\": \"r5\", \"text\": \"x\"}\n"
	   "{\"id\": \"h6\", \"text\": \"a\\u00G0b\"}\n",
	   0}},
	 {"e.jsonl"}, 0, 0,
	 {DOC("e1", "a\xC3\xA9\xF0\x9F\x98\x80\n\"\\/ ", 1),
	  DIAG(BM_EPARSE, 2, "not a JSON document", "e.jsonl"),
	  DOC("deep", "x", 3), DOC("c4", "x", 4), DOC("r5", "x", 5),
	  DIAG(BM_EPARSE, 6, "not a JSON document", "e.jsonl"), END}},
	{"records: each non-blank line as it is",
	 {{"r.jsonl", "{\"doc\": \"a\"}\n\nnot json\n", 0}}, {"r.jsonl"},
	 BM_READ_RECORDS, 0,
	 {DOC("", "{\"doc\": \"a\"}", 1), DOC("", "not json", 3), END}},
	{"records: a listed .jsonl is read, not passed over",
	 {{"g/", NULL, 0}, {"g/gold.jsonl", "{\"doc\": \"001\"}\n", 0}}, {"g"},
	 BM_READ_RECORDS, 0, {DOC("", "{\"doc\": \"001\"}", 1), END}},
};

/* Makes the case's files in a new directory; returns its path (caller
 * frees). */
static char *make_files(const tcase *c)
{
	char tmpl[] = "/tmp/bomay-test-input.XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	for (size_t i = 0; i < 6 && c->files[i].name; i++) {
		const tfile *f = &c->files[i];
		char p[512];
		snprintf(p, sizeof p, "%s/%s", tmpl, f->name);
		size_t n = strlen(p);
		if (p[n - 1] == '/') {
			assert_int_equal(mkdir(p, 0755), 0);
			continue;
		}
		FILE *fp = fopen(p, "wb");
		assert_non_null(fp);
		size_t len = f->len ? f->len : strlen(f->data);
		assert_int_equal(fwrite(f->data, 1, len, fp), len);
		assert_int_equal(fclose(fp), 0);
	}
	return strdup(tmpl);
}

static void remove_files(const tcase *c, const char *dir)
{
	/* files first, then directories, deepest last in the table */
	for (size_t i = 6; i-- > 0;) {
		if (!c->files[i].name)
			continue;
		char p[512];
		snprintf(p, sizeof p, "%s/%s", dir, c->files[i].name);
		if (p[strlen(p) - 1] == '/')
			rmdir(p);
		else
			unlink(p);
	}
	rmdir(dir);
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

static void run_case(const tcase *c)
{
	char *dir = make_files(c);
	char *paths[4];
	size_t n = 0;
	for (; n < 4 && c->paths[n]; n++) {
		char p[512];
		snprintf(p, sizeof p, "%s/%s", dir, c->paths[n]);
		paths[n] = strdup(p);
	}
	bm_reader *r = NULL;
	assert_int_equal(bm_reader_new(&r, paths, n, c->max_doc, c->flags), 0);
	for (size_t k = 0; k < 8; k++) {
		const tresult *w = &c->want[k];
		bm_input_doc doc;
		bm_diag d;
		memset(&d, 0, sizeof d);
		int rc = bm_reader_next(r, &doc, &d);
		if (rc != w->rc)
			fail_msg("%s: result %zu: got %d (%s), want %d", c->what, k,
				 rc, rc < 0 ? d.msg : "", w->rc);
		if (rc == 0)
			break;
		if (rc == 1) {
			size_t tl = w->text_len ? w->text_len : strlen(w->text);
			if (strcmp(doc.id, w->id) != 0)
				fail_msg("%s: result %zu: id '%s', want '%s'", c->what,
					 k, doc.id, w->id);
			if (doc.len != tl || memcmp(doc.text, w->text, tl) != 0)
				fail_msg("%s: result %zu: text of %zu bytes '%.*s', "
					 "want '%s'",
					 c->what, k, doc.len, (int)doc.len, doc.text,
					 w->text);
			assert_non_null(doc.path);
		} else {
			if (!strstr(d.msg, w->msg) || !ends_with(d.path, w->path))
				fail_msg("%s: result %zu: '%s: %s', want '...%s: "
					 "...%s...'",
					 c->what, k, d.path, d.msg, w->path, w->msg);
		}
		if ((rc == 1 ? doc.line : d.line) != w->line)
			fail_msg("%s: result %zu: line %ld, want %ld", c->what, k,
				 rc == 1 ? doc.line : d.line, w->line);
	}
	/* the end stays the end */
	bm_input_doc doc;
	bm_diag d;
	assert_int_equal(bm_reader_next(r, &doc, &d), 0);
	bm_reader_free(r);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	remove_files(c, dir);
	free(dir);
}

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		run_case(&cases[i]);
}

/* A document exactly at the cap is read; one byte more is not. */
static void test_cap_boundary(void **state)
{
	(void)state;
	static const tcase at = {"at the cap", {{"a.txt", "0123456789", 0}},
				 {"a.txt"}, 0, 10,
				 {DOC("a", "0123456789", 0), END}};
	static const tcase line_at = {
		"a line at the cap",
		{{"a.jsonl", "{\"text\":\"ab\"}\n{\"text\":\"abc\"}\n", 0}},
		{"a.jsonl"}, 0, 13,
		{DOC("a:1", "ab", 1),
		 DIAG(BM_ETOOBIG, 2, "size cap of 13 bytes", "a.jsonl"), END}};
	run_case(&at);
	run_case(&line_at);
}

/* The default cap is 16 MiB: a 16 MiB + 1 byte file is refused. */
static void test_default_cap(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/bomay-test-input.XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	char p[256];
	snprintf(p, sizeof p, "%s/big.txt", tmpl);
	FILE *f = fopen(p, "wb");
	assert_non_null(f);
	static char block[65536];
	memset(block, 'a', sizeof block);
	for (int i = 0; i < 256; i++)
		assert_int_equal(fwrite(block, 1, sizeof block, f), sizeof block);
	char *paths[] = {p};
	bm_reader *r = NULL;
	bm_input_doc doc;
	bm_diag d;
	assert_int_equal(fclose(f), 0);
	assert_int_equal(bm_reader_new(&r, paths, 1, 0, 0), 0);
	assert_int_equal(bm_reader_next(r, &doc, &d), 1);
	assert_int_equal(doc.len, (size_t)16 << 20);
	bm_reader_free(r);
	f = fopen(p, "ab");
	assert_non_null(f);
	assert_int_equal(fputc('b', f), 'b');
	assert_int_equal(fclose(f), 0);
	assert_int_equal(bm_reader_new(&r, paths, 1, 0, 0), 0);
	assert_int_equal(bm_reader_next(r, &doc, &d), BM_ETOOBIG);
	assert_non_null(strstr(d.msg, "16777216"));
	assert_int_equal(bm_reader_next(r, &doc, &d), 0);
	bm_reader_free(r);
	unlink(p);
	rmdir(tmpl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_cap_boundary),
		cmocka_unit_test(test_default_cap),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
