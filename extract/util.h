/* util.h: memory that never fails (it aborts) and a growable byte buffer
 * with a maximum size.  Shared by every module of libbomay. */
#ifndef BM_UTIL_H
#define BM_UTIL_H

#include <stddef.h>

void *bm_xmalloc(size_t n);
void *bm_xcalloc(size_t n, size_t size);
void *bm_xrealloc(void *p, size_t n);
char *bm_xstrdup(const char *s);
char *bm_xstrndup(const char *s, size_t n);

/* A growable buffer; data is always NUL-terminated after len bytes.
 * bm_buf_init/bm_buf_dispose for a caller-owned struct. */
typedef struct {
	char *data;
	size_t len, cap;
} bm_buf;

void bm_buf_init(bm_buf *b);
void bm_buf_dispose(bm_buf *b);
void bm_buf_clear(bm_buf *b);
void bm_buf_put(bm_buf *b, const void *p, size_t n);
void bm_buf_puts(bm_buf *b, const char *s);
void bm_buf_putc(bm_buf *b, char c);
/* Hands the data over (caller frees) and leaves b empty. */
char *bm_buf_detach(bm_buf *b, size_t *len);

#define BM_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
