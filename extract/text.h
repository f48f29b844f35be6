/* text.h: text normalization (what is stored) and name keys (what is
 * compared).  The only place besides the extractor's classifiers that
 * calls utf8proc. */
#ifndef BM_TEXT_H
#define BM_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* Normalizes raw document text: validates UTF-8, drops a BOM and zero-width
 * spaces (U+200B, U+FEFF), turns CRLF and lone CR into LF, NBSP and other
 * Unicode spaces into ' ', and composes to NFC.  On success *out is a new
 * NUL-terminated string (caller frees) of *out_len bytes.  Invalid UTF-8 or
 * a NUL byte: BM_EUTF8 with *bad_offset set to its byte offset in the input,
 * unless lossy, which puts U+FFFD in its place. */
int bm_text_normalize(const char *in, size_t len, int lossy, char **out,
		      size_t *out_len, long long *bad_offset);

/* NFC of a short valid UTF-8 string; a new string (caller frees), or NULL
 * for invalid UTF-8. */
char *bm_text_nfc(const char *s, size_t len);

/* Decodes the code point at s[0..len); returns its byte length (>= 1) and
 * sets *cp, or returns -1 (and *cp = -1) for an invalid sequence.  One to
 * three bytes are decoded inline (what Vietnamese text is made of), the
 * rest by utf8proc (bm_utf8_next_slow). */
int bm_utf8_next_slow(const char *s, size_t len, int32_t *cp);
static inline int bm_utf8_next(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len >= 1 && u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (len >= 2 && u[0] >= 0xC2 && u[0] < 0xE0 && (u[1] & 0xC0) == 0x80) {
		*cp = ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
		return 2;
	}
	if (len >= 3 && u[0] >= 0xE0 && u[0] < 0xF0 && (u[1] & 0xC0) == 0x80 &&
	    (u[2] & 0xC0) == 0x80) {
		int32_t c = ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) |
			    (u[2] & 0x3F);
		if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
			*cp = c;
			return 3;
		}
	}
	return bm_utf8_next_slow(s, len, cp);
}

/* Byte offset of the first invalid UTF-8 sequence or NUL, or -1. */
long long bm_utf8_check(const char *s, size_t len);

#endif
