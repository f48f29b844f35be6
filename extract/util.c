/* util.c: allocation wrappers that abort on exhaustion, and bm_buf. */
#include "extract/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
	fprintf(stderr, "bomay: out of memory (%zu bytes)\n", n);
	abort();
}

void *bm_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *bm_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *bm_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *bm_xstrndup(const char *s, size_t n)
{
	char *d = bm_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *bm_xstrdup(const char *s)
{
	return s ? bm_xstrndup(s, strlen(s)) : NULL;
}

void bm_buf_init(bm_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void bm_buf_dispose(bm_buf *b)
{
	free(b->data);
	bm_buf_init(b);
}

void bm_buf_clear(bm_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

static void grow(bm_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->data = bm_xrealloc(b->data, cap);
	b->cap = cap;
}

void bm_buf_put(bm_buf *b, const void *p, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void bm_buf_puts(bm_buf *b, const char *s)
{
	bm_buf_put(b, s, strlen(s));
}

void bm_buf_putc(bm_buf *b, char c)
{
	if (b->len + 2 <= b->cap) { /* room for c and the NUL */
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return;
	}
	bm_buf_put(b, &c, 1);
}

char *bm_buf_detach(bm_buf *b, size_t *len)
{
	if (!b->data)
		bm_buf_put(b, "", 0);
	char *d = b->data;
	if (len)
		*len = b->len;
	bm_buf_init(b);
	return d;
}
