/* fold.c: the search form of a name: accents stripped, case folded, đ as d,
 * spaces folded ("Phạm Quốc Hưng" -> "pham quoc hung"), syllable counts,
 * and which of two written forms of one name to keep. */
#include "graph/store.h"

#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/util.h"

char *bm_fold(const char *s)
{
	utf8proc_uint8_t *m = NULL;
	utf8proc_ssize_t n = utf8proc_map(
		(const utf8proc_uint8_t *)s, 0, &m,
		UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
			UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	bm_buf b;
	int space = 1;

	bm_buf_init(&b);
	if (n < 0)
		return bm_buf_detach(&b, NULL);
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		unsigned char c = m[i];
		if (c == 0xC4 && i + 1 < n && m[i + 1] == 0x91) { /* đ */
			bm_buf_putc(&b, 'd');
			space = 0;
			i++;
		} else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			if (!space)
				bm_buf_putc(&b, ' ');
			space = 1;
		} else {
			bm_buf_putc(&b, (char)c);
			space = 0;
		}
	}
	free(m);
	if (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return bm_buf_detach(&b, NULL);
}

int bm_syllables(const char *s)
{
	int n = 0, in = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			in = 0;
		} else if (!in) {
			in = 1;
			n++;
		}
	}
	return n;
}

/* Capital letters of s. */
static int capitals(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	int n = 0;
	utf8proc_ssize_t k;
	while (*p && (k = utf8proc_iterate(p, -1, &cp)) > 0) {
		n += utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
		p += k;
	}
	return n;
}

int bm_form_better(const char *a, const char *b)
{
	int ca = capitals(a), cb = capitals(b);
	if (ca != cb)
		return ca < cb;
	return strcmp(a, b) < 0;
}
