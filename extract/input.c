/* input.c: the documents of files, directories, JSON Lines and stdin, one at
 * a time, with a size cap and a diagnostic for each input that is skipped. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <jansson.h>

#include "bomay.h"
#include "extract/text.h"
#include "extract/util.h"

#define DEFAULT_MAX_DOC ((size_t)16 << 20)
#define BLOCK ((size_t)1 << 16)

struct bm_reader {
	char **paths; /* expanded list of files ("-" for stdin) */
	unsigned char *from_dir; /* 1: found by listing a directory */
	size_t n_paths, next_path;
	size_t max_doc;
	int flags;
	/* the file being read line by line, if any */
	FILE *f;
	const char *cur_path;
	int cur_jsonl;
	int cur_from_dir; /* a listed .jsonl whose first line is still unread */
	long line;
	/* the open file is read with read(2) in blocks (not through stdio,
	 * so a pipe's lines are handed on as they come): block[pos, end) */
	char *block;
	size_t pos, end;
	/* buffers that back the returned document */
	bm_buf linebuf, text, id;
	json_t *json;
	cJSON *cj;
};

static int has_suffix(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

static int is_jsonl_name(const char *p)
{
	return has_suffix(p, ".jsonl") || has_suffix(p, ".ndjson");
}

static void push_path(bm_reader *r, char *p, int from_dir)
{
	size_t n = r->n_paths;
	if ((n & (n - 1)) == 0) {
		r->paths = bm_xrealloc(r->paths, (n ? 2 * n : 1) * sizeof *r->paths);
		r->from_dir = bm_xrealloc(r->from_dir, n ? 2 * n : 1);
	}
	r->from_dir[n] = (unsigned char)from_dir;
	r->paths[r->n_paths++] = p;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A directory's .txt and .jsonl files, sorted; unreadable directories are
 * kept as a path so that the error surfaces when it is read. */
static void expand_dir(bm_reader *r, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		push_path(r, bm_xstrdup(dir), 0);
		return;
	}
	size_t first = r->n_paths;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (!has_suffix(e->d_name, ".txt") && !is_jsonl_name(e->d_name))
			continue;
		bm_buf b;
		bm_buf_init(&b);
		bm_buf_puts(&b, dir);
		if (!has_suffix(dir, "/"))
			bm_buf_putc(&b, '/');
		bm_buf_puts(&b, e->d_name);
		push_path(r, bm_buf_detach(&b, NULL), 1);
	}
	closedir(d);
	if (r->n_paths - first > 1) /* paths may still be NULL */
		qsort(r->paths + first, r->n_paths - first, sizeof *r->paths,
		      cmp_str);
}

int bm_reader_new(bm_reader **out, char *const *paths, size_t n_paths,
		  size_t max_doc, int flags)
{
	bm_reader *r = bm_xcalloc(1, sizeof *r);
	r->max_doc = max_doc ? max_doc : DEFAULT_MAX_DOC;
	r->flags = flags;
	bm_buf_init(&r->linebuf);
	bm_buf_init(&r->text);
	bm_buf_init(&r->id);
	for (size_t i = 0; i < n_paths; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 &&
		    S_ISDIR(st.st_mode))
			expand_dir(r, paths[i]);
		else
			push_path(r, bm_xstrdup(paths[i]), 0);
	}
	*out = r;
	return 0;
}

static void close_cur(bm_reader *r)
{
	if (r->f && r->f != stdin)
		fclose(r->f);
	r->f = NULL;
}

void bm_reader_free(bm_reader *r)
{
	if (!r)
		return;
	close_cur(r);
	for (size_t i = 0; i < r->n_paths; i++)
		free(r->paths[i]);
	free(r->paths);
	free(r->from_dir);
	bm_buf_dispose(&r->linebuf);
	bm_buf_dispose(&r->text);
	bm_buf_dispose(&r->id);
	free(r->block);
	cJSON_Delete(r->cj);
	if (r->json)
		json_decref(r->json);
	free(r);
}

static int diag(bm_diag *d, const char *path, long line, long long off,
		int code, const char *fmt, const char *arg)
{
	snprintf(d->path, sizeof d->path, "%s", path ? path : "");
	d->line = line;
	d->offset = off;
	snprintf(d->msg, sizeof d->msg, fmt, arg ? arg : "");
	return code;
}

/* The id of a text file: its base name without the extension. */
static void file_id(bm_buf *id, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	bm_buf_clear(id);
	bm_buf_put(id, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

/* Reads the next block of the open file; returns its size, 0 at the end
 * of the file, -1 on a read error (errno set). */
static long refill(bm_reader *r)
{
	ssize_t n;
	if (!r->block)
		r->block = bm_xmalloc(BLOCK);
	do
		n = read(fileno(r->f), r->block, BLOCK);
	while (n < 0 && errno == EINTR);
	r->pos = 0;
	r->end = n > 0 ? (size_t)n : 0;
	return (long)n;
}

/* Reads one line into r->linebuf without its newline.  Returns 1 for a line,
 * 0 at the end of file, BM_ETOOBIG for a line over the cap (its rest is
 * skipped), BM_EIO on a read error. */
static int read_line(bm_reader *r)
{
	int over = 0;
	bm_buf_clear(&r->linebuf);
	for (;;) {
		if (r->pos == r->end) {
			long n = refill(r);
			if (n < 0)
				return BM_EIO;
			if (n == 0) {
				if (r->linebuf.len == 0 && !over)
					return 0;
				break;
			}
		}
		const char *p = r->block + r->pos;
		size_t avail = r->end - r->pos;
		const char *nl = memchr(p, '\n', avail);
		size_t take = nl ? (size_t)(nl - p) : avail;
		r->pos += take + (nl ? 1 : 0);
		if (!over) {
			if (take > r->max_doc - r->linebuf.len)
				over = 1;
			else
				bm_buf_put(&r->linebuf, p, take);
		}
		if (nl)
			break;
	}
	r->line++;
	return over ? BM_ETOOBIG : 1;
}

/* Replaces each invalid UTF-8 sequence of b by U+FFFD (lossy mode). */
static void make_valid(bm_buf *b)
{
	if (bm_utf8_check(b->data, b->len) < 0)
		return;
	bm_buf clean;
	bm_buf_init(&clean);
	size_t i = 0;
	while (i < b->len) {
		int32_t cp;
		int n = bm_utf8_next(b->data + i, b->len - i, &cp);
		if (n < 0 || cp == 0) {
			bm_buf_puts(&clean, "\xEF\xBF\xBD");
			i++;
		} else {
			bm_buf_put(&clean, b->data + i, (size_t)n);
			i += (size_t)n;
		}
	}
	bm_buf_dispose(b);
	*b = clean;
}

static const char *opt_str(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* JSON Lines are parsed by two libraries.  cJSON parses a line twelve
 * times faster than jansson (0.09 s against 1.0 s for the bench corpus),
 * but it does not check UTF-8, lets control characters into strings,
 * reads "\u0000" as the end of a string, keeps the first of two equal
 * keys and reads numbers jansson refuses.  So cJSON's result is used only
 * for a line where the two cannot differ, and jansson, the reference,
 * reads every other line: one that is not valid UTF-8, holds a control
 * byte, a "\u0000" or a BOM, fails cJSON, holds a number, is not an
 * object with a "text" string, or repeats a key the reader uses.  Whatever
 * jansson would refuse is thereby read (and reported) by jansson itself.
 * docs/dependencies.md says more; test_input.c checks the boundary. */

/* The id of a JSON Lines document without one: FILE:LINE. */
static void line_id(bm_reader *r)
{
	char num[32];
	file_id(&r->id, r->cur_path);
	snprintf(num, sizeof num, ":%ld", r->line);
	bm_buf_puts(&r->id, num);
}

static int hexval(char c)
{
	return c >= '0' && c <= '9'	? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* "\uXXXX" at s: four hex digits, not 0000 (cJSON reads a bad digit as
 * 0 and 0 as the end of the string). */
static int u_escape_ok(const char *s, size_t len)
{
	int v = 0;
	if (len < 6)
		return 0;
	for (int k = 2; k < 6; k++) {
		int h = hexval(s[k]);
		if (h < 0)
			return 0;
		v = v * 16 + h;
	}
	return v != 0;
}

/* Whether the bytes of line s[0..len) are in the subset cJSON and jansson
 * read alike: valid UTF-8 without a control byte (a final CR, white space
 * to both, aside), every "\u" escape four hex digits and not "\u0000",
 * no BOM.  (A backslash outside a string fails both parsers.) */
static int cjson_subset(const char *s, size_t len)
{
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return 0;
	if (len && s[len - 1] == '\r')
		len--;
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b < 0x80) {
			if (b < 0x20)
				return 0;
			if (b == '\\') {
				unsigned char e = i + 1 < len ? (unsigned char)s[i + 1] : 0;
				if (e == 'u') {
					if (!u_escape_ok(s + i, len - i))
						return 0;
					i += 6;
					continue;
				}
				if (e < 0x20 || e >= 0x80)
					return 0;
				i += 2;
				continue;
			}
			i++;
			continue;
		}
		int32_t cp;
		int n = bm_utf8_next(s + i, len - i, &cp);
		if (n < 0)
			return 0;
		i += (size_t)n;
	}
	return 1;
}

static int has_number(const cJSON *v)
{
	for (; v; v = v->next)
		if (cJSON_IsNumber(v) || has_number(v->child))
			return 1;
	return 0;
}

/* A key the reader uses appears more than once (jansson keeps the last,
 * cJSON finds the first). */
static int repeats_key(const cJSON *o)
{
	static const char *const keys[] = {"text", "id", "title", "date", "url"};
	for (size_t k = 0; k < BM_ARRAY_LEN(keys); k++) {
		int n = 0;
		for (const cJSON *c = o->child; c; c = c->next)
			if (c->string && strcmp(c->string, keys[k]) == 0 && ++n > 1)
				return 1;
	}
	return 0;
}

static const char *cj_str(const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The fast reading of r->linebuf into *doc; 0 when jansson must read it. */
static int parse_doc_cjson(bm_reader *r, bm_input_doc *doc)
{
	const bm_buf *l = &r->linebuf;
	if (!cjson_subset(l->data, l->len))
		return 0;
	/* the length takes in the NUL after the line: nothing may follow
	 * the object but white space */
	cJSON *o = cJSON_ParseWithLengthOpts(l->data, l->len + 1, NULL, 1);
	if (!o)
		return 0;
	const char *text = cJSON_IsObject(o) ? cj_str(o, "text") : NULL;
	if (!text || has_number(o->child) || repeats_key(o)) {
		cJSON_Delete(o);
		return 0;
	}
	r->cj = o; /* the strings of *doc live in it until the next line */
	const char *id = cj_str(o, "id");
	bm_buf_clear(&r->id);
	if (id && *id) {
		bm_buf_puts(&r->id, id);
	} else {
		line_id(r);
	}
	doc->id = r->id.data;
	doc->text = text;
	doc->len = strlen(text);
	doc->title = cj_str(o, "title");
	doc->date = cj_str(o, "date");
	doc->url = cj_str(o, "url");
	return 1;
}

/* Turns r->linebuf (one JSON Lines document) into *doc. */
static int parse_doc_line(bm_reader *r, bm_input_doc *doc, bm_diag *d)
{
	json_error_t err;
	if (r->json) {
		json_decref(r->json);
		r->json = NULL;
	}
	cJSON_Delete(r->cj);
	r->cj = NULL;
	if (r->flags & BM_READ_LOSSY)
		make_valid(&r->linebuf);
	if (parse_doc_cjson(r, doc))
		return 1;
	json_t *o = json_loadb(r->linebuf.data, r->linebuf.len, JSON_ALLOW_NUL,
			       &err);
	if (!o) {
		char msg[200];
		snprintf(msg, sizeof msg, "%s (column %d)", err.text, err.column);
		return diag(d, r->cur_path, r->line, err.position, BM_EPARSE,
			    "not a JSON document: %s", msg);
	}
	r->json = o;
	json_t *text = json_object_get(o, "text");
	if (!json_is_object(o) || !json_is_string(text))
		return diag(d, r->cur_path, r->line, -1, BM_EPARSE,
			    "a JSON Lines document needs a \"text\" string%s", "");
	json_t *id = json_object_get(o, "id");
	bm_buf_clear(&r->id);
	if (json_is_string(id) && json_string_length(id) > 0) {
		bm_buf_puts(&r->id, json_string_value(id));
	} else if (json_is_integer(id)) {
		char num[32];
		snprintf(num, sizeof num, "%lld", (long long)json_integer_value(id));
		bm_buf_puts(&r->id, num);
	} else {
		line_id(r);
	}
	doc->id = r->id.data;
	doc->text = json_string_value(text);
	doc->len = json_string_length(text);
	doc->title = opt_str(o, "title");
	doc->date = opt_str(o, "date");
	doc->url = opt_str(o, "url");
	return 1;
}

/* Reads the rest of the open file into r->text, capped. */
static int read_whole(bm_reader *r, bm_diag *d)
{
	bm_buf_clear(&r->text);
	for (;;) {
		if (r->pos == r->end) {
			long n = refill(r);
			if (n < 0)
				return diag(d, r->cur_path, 0, -1, BM_EIO,
					    "read error: %s", strerror(errno));
			if (n == 0)
				return 0;
		}
		size_t n = r->end - r->pos;
		if (r->text.len + n > r->max_doc) {
			char cap[64];
			snprintf(cap, sizeof cap, "%zu", r->max_doc);
			return diag(d, r->cur_path, 0, (long long)r->max_doc,
				    BM_ETOOBIG,
				    "document over the size cap of %s bytes "
				    "(see --max-doc)",
				    cap);
		}
		bm_buf_put(&r->text, r->block + r->pos, n);
		r->pos = r->end;
	}
}

/* Opens the next path; returns 1 when a line-based file is now open, 2 when
 * a whole document was read into *doc, 0 at the end, <0 on error. */
static int open_next(bm_reader *r, bm_input_doc *doc, bm_diag *d)
{
	if (r->next_path >= r->n_paths)
		return 0;
	const char *p = r->paths[r->next_path++];
	int is_stdin = strcmp(p, "-") == 0;
	FILE *f;
	r->cur_path = p;
	r->cur_from_dir = r->from_dir[r->next_path - 1];
	r->line = 0;
	r->pos = r->end = 0;
	if (is_stdin) {
		f = stdin;
	} else {
		struct stat st;
		if (stat(p, &st) != 0)
			return diag(d, p, 0, -1, errno == ENOENT ? BM_ENOTFOUND : BM_EIO,
				    "cannot open: %s", strerror(errno));
		if (S_ISDIR(st.st_mode))
			return diag(d, p, 0, -1, BM_EIO,
				    "cannot read the directory%s", "");
		f = fopen(p, "rb");
		if (!f)
			return diag(d, p, 0, -1, BM_EIO, "cannot open: %s",
				    strerror(errno));
	}
	int jsonl = (r->flags & BM_READ_RECORDS) || (!is_stdin && is_jsonl_name(p));
	r->f = f;
	if (is_stdin && !jsonl) {
		/* JSON Lines if the first byte after white space is '{' */
		for (;;) {
			if (r->pos == r->end && refill(r) <= 0)
				break;
			char c = r->block[r->pos];
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				jsonl = c == '{';
				break;
			}
			r->pos++;
		}
	}
	if (jsonl) {
		r->cur_jsonl = 1;
		return 1;
	}
	int rc = read_whole(r, d);
	close_cur(r);
	if (rc < 0)
		return rc;
	bm_buf_clear(&r->id);
	if (is_stdin)
		bm_buf_puts(&r->id, "stdin");
	else
		file_id(&r->id, p);
	memset(doc, 0, sizeof *doc);
	doc->id = r->id.data;
	doc->text = r->text.data ? r->text.data : "";
	doc->len = r->text.len;
	doc->path = p;
	return 2;
}

int bm_reader_next(bm_reader *r, bm_input_doc *doc, bm_diag *d)
{
	for (;;) {
		if (!r->f) {
			int rc = open_next(r, doc, d);
			if (rc <= 0 || rc == 2)
				return rc == 2 ? 1 : rc;
		}
		int rc = read_line(r);
		if (rc == 0) {
			close_cur(r);
			continue;
		}
		if (rc == BM_EIO) {
			close_cur(r);
			return diag(d, r->cur_path, r->line, -1, BM_EIO,
				    "read error: %s", strerror(errno));
		}
		if (rc == BM_ETOOBIG) {
			char cap[64];
			snprintf(cap, sizeof cap, "%zu", r->max_doc);
			return diag(d, r->cur_path, r->line, (long long)r->max_doc,
				    BM_ETOOBIG,
				    "line over the size cap of %s bytes "
				    "(see --max-doc)",
				    cap);
		}
		/* blank lines separate nothing: skip them */
		size_t k = 0;
		while (k < r->linebuf.len &&
		       strchr(" \t\r", r->linebuf.data[k]) != NULL)
			k++;
		if (k == r->linebuf.len)
			continue;
		memset(doc, 0, sizeof *doc);
		doc->path = r->cur_path;
		doc->line = r->line;
		if (r->cur_from_dir && !(r->flags & BM_READ_RECORDS)) {
			/* A listed .jsonl of records (gold annotations, earlier
			 * output) holds no documents: pass it over. */
			r->cur_from_dir = 0;
			json_t *o = json_loadb(r->linebuf.data, r->linebuf.len, 0, NULL);
			int records = json_is_object(o) &&
				      json_object_get(o, "doc") &&
				      !json_object_get(o, "text");
			json_decref(o);
			if (records) {
				close_cur(r);
				continue;
			}
		}
		if (r->flags & BM_READ_RECORDS) {
			doc->id = "";
			doc->text = r->linebuf.data;
			doc->len = r->linebuf.len;
			return 1;
		}
		return parse_doc_line(r, doc, d);
	}
}
