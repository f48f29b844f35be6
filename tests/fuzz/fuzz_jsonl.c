/* fuzz_jsonl.c: bytes -> a file -> bm_reader_next until the end.  The first
 * byte picks how the file is read (bit 0: lossy; bit 1: records; bit 2: a
 * 64-byte cap; bit 3: through a directory listing; bit 4: as standard input;
 * bit 5: named .txt, not .jsonl).  Every document and diagnostic must be
 * well formed, and the reader must reach the end.  A plain .jsonl is also
 * read line by line with jansson, the reference: every document must be
 * what jansson reads on its line (the reader takes a faster parser where
 * the two agree), and every skipped line one jansson refuses. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "bomay.h"
#include "tests/fuzz/check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void cleanup(void)
{
	char p[128];
	snprintf(p, sizeof p, "%s/in.jsonl", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/in.txt", dir);
	unlink(p);
	rmdir(dir);
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	FUZZ_ASSERT(f != NULL, "cannot create the input file");
	FUZZ_ASSERT(fwrite(data, 1, size, f) == size, "short write");
	FUZZ_ASSERT(fclose(f) == 0, "fclose");
}

/* Line n (from 1) of s[0..len), without its LF, into *line and *n_out;
 * 0 when there is no such line. */
static int nth_line(const char *s, size_t len, long n, const char **line,
		    size_t *n_out)
{
	const char *p = s, *end = s + len;
	for (long k = 1; p <= end; k++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		if (k == n) {
			*line = p;
			*n_out = (size_t)(e - p);
			return 1;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

static int same_opt(const char *got, json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	const char *want = json_is_string(v) ? json_string_value(v) : NULL;
	if (!got || !want)
		return got == want;
	return strcmp(got, want) == 0;
}

/* The document the reader gave for a line is what jansson reads there. */
static void check_with_jansson(const char *in, size_t len,
			       const bm_input_doc *doc)
{
	const char *line;
	size_t n;
	FUZZ_ASSERT(nth_line(in, len, doc->line, &line, &n), "no such line");
	json_t *o = json_loadb(line, n, JSON_ALLOW_NUL, NULL);
	json_t *text = json_object_get(o, "text");
	FUZZ_ASSERT(json_is_object(o) && json_is_string(text),
		    "a document from a line jansson refuses");
	FUZZ_ASSERT(doc->len == json_string_length(text) &&
			    memcmp(doc->text, json_string_value(text), doc->len) == 0,
		    "a text other than jansson's");
	json_t *id = json_object_get(o, "id");
	char num[64];
	if (json_is_string(id) && json_string_length(id) > 0)
		FUZZ_ASSERT(strcmp(doc->id, json_string_value(id)) == 0,
			    "an id other than jansson's");
	else if (json_is_integer(id)) {
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(id));
		FUZZ_ASSERT(strcmp(doc->id, num) == 0, "a numeric id changed");
	} else {
		snprintf(num, sizeof num, "in:%ld", doc->line);
		FUZZ_ASSERT(strcmp(doc->id, num) == 0, "not the FILE:LINE id");
	}
	FUZZ_ASSERT(same_opt(doc->title, o, "title") &&
			    same_opt(doc->date, o, "date") &&
			    same_opt(doc->url, o, "url"),
		    "metadata other than jansson's");
	json_decref(o);
}

/* A line the reader skipped as malformed is one jansson refuses too. */
static void check_refused(const char *in, size_t len, long n)
{
	const char *line;
	size_t ln;
	FUZZ_ASSERT(nth_line(in, len, n, &line, &ln), "no such line");
	json_t *o = json_loadb(line, ln, JSON_ALLOW_NUL, NULL);
	FUZZ_ASSERT(!json_is_object(o) ||
			    !json_is_string(json_object_get(o, "text")),
		    "a line jansson reads was skipped");
	json_decref(o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char jsonl[128], txt[128];
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/bomay-fuzz-jsonl.XXXXXX");
		FUZZ_ASSERT(mkdtemp(dir) != NULL, "mkdtemp");
		atexit(cleanup);
	}
	snprintf(jsonl, sizeof jsonl, "%s/in.jsonl", dir);
	snprintf(txt, sizeof txt, "%s/in.txt", dir);
	unlink(jsonl);
	unlink(txt);
	const char *file = (flags & 32) ? txt : jsonl;
	write_file(file, data + 1, size - 1);

	char *path = (char *)file;
	if (flags & 8)
		path = dir;
	if (flags & 16) {
		FUZZ_ASSERT(freopen(file, "rb", stdin) != NULL, "freopen");
		path = (char *)"-";
	}
	int rflags = ((flags & 1) ? BM_READ_LOSSY : 0) |
		     ((flags & 2) ? BM_READ_RECORDS : 0);
	bm_reader *r = NULL;
	FUZZ_ASSERT(bm_reader_new(&r, &path, 1, (flags & 4) ? 64 : 0, rflags) == 0,
		    "bm_reader_new");
	size_t docs = 0, diags = 0;
	/* plain .jsonl: no lossy, records, cap, stdin or .txt */
	int reference = (flags & (1 | 2 | 4 | 16 | 32)) == 0;
	const char *in = (const char *)data + 1;
	for (;;) {
		bm_input_doc doc;
		bm_diag d;
		memset(&d, 0, sizeof d);
		int rc = bm_reader_next(r, &doc, &d);
		if (rc == 0)
			break;
		if (rc == 1) {
			unsigned sum = 0;
			FUZZ_ASSERT(doc.id != NULL && doc.text != NULL && doc.path,
				    "a document without id, text or path");
			for (size_t i = 0; i < doc.len; i++)
				sum += (unsigned char)doc.text[i];
			(void)sum;
			/* lossy: one U+FFFD (3 bytes) for each bad byte */
			size_t grow = (rflags & BM_READ_LOSSY) ? 3 : 1;
			FUZZ_ASSERT(doc.len <= grow * size,
				    "a document longer than its input");
			FUZZ_ASSERT(!(flags & 4) || doc.len <= grow * 64,
				    "a document over the size cap");
			FUZZ_ASSERT(doc.line >= 0, "a negative line");
			if (reference)
				check_with_jansson(in, size - 1, &doc);
			docs++;
		} else {
			FUZZ_ASSERT(rc == BM_EIO || rc == BM_ETOOBIG ||
					    rc == BM_EPARSE || rc == BM_EUTF8 ||
					    rc == BM_ENOTFOUND,
				    "an undocumented error of bm_reader_next");
			FUZZ_ASSERT(d.path[0] != '\0', "a diagnostic without a path");
			FUZZ_ASSERT(memchr(d.msg, '\0', sizeof d.msg) && d.msg[0],
				    "a diagnostic without a message");
			if (reference && rc == BM_EPARSE && d.line > 0)
				check_refused(in, size - 1, d.line);
			diags++;
		}
		FUZZ_ASSERT(docs + diags <= size + 2, "the reader does not end");
	}
	bm_reader_free(r);
	if (flags & 16)
		clearerr(stdin);
	return 0;
}
