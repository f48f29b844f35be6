/* text.c: document normalization (NFC, line ends, spaces) and the name key
 * that makes "hoà" and "Hòa" one name.  Mirrors norm() in shared/eval/score.py. */
#include "extract/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "bomay.h"
#include "extract/util.h"

int bm_utf8_next_slow(const char *s, size_t len, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
					      (utf8proc_ssize_t)len, &c);
	if (n <= 0) {
		*cp = -1;
		return -1;
	}
	*cp = c;
	return (int)n;
}

long long bm_utf8_check(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char b = (unsigned char)s[i];
		if (b >= 0x01 && b < 0x80) {
			i++;
			continue;
		}
		int32_t cp;
		int n = bm_utf8_next(s + i, len - i, &cp);
		if (n < 0 || cp == 0)
			return (long long)i;
		i += (size_t)n;
	}
	return -1;
}

/* Code points whose NFC form is themselves whatever follows: below U+0300,
 * Latin Extended Additional (Vietnamese precomposed letters) and common
 * punctuation.  Text made only of these needs no utf8proc pass. */
static int nfc_stable(int32_t c)
{
	return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) ||
	       (c >= 0x2010 && c <= 0x2027);
}

static int is_space_cp(int32_t c)
{
	return c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
	       c == 0x205F || c == 0x3000;
}

/* The length of the longest prefix of s that normalizing leaves as it is:
 * ASCII but NUL and CR, and valid UTF-8 of NFC-stable code points that are
 * neither spaces nor dropped.  Most news text is one such prefix. */
static size_t plain_prefix(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < len) {
		if (u[i] < 0x80) {
			if (u[i] == 0 || u[i] == '\r')
				return i;
			i++;
			continue;
		}
		int32_t cp;
		int n = bm_utf8_next(s + i, len - i, &cp);
		if (n < 0 || !nfc_stable(cp) || is_space_cp(cp) || cp == 0xFEFF ||
		    cp == 0x200B)
			return i;
		i += (size_t)n;
	}
	return i;
}

/* Whether s[0..len) is valid UTF-8 of NFC-stable code points (no NUL):
 * then it is its own NFC. */
static int nfc_identity(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		int32_t cp;
		int n = bm_utf8_next(s + i, len - i, &cp);
		if (n < 0 || cp == 0 || !nfc_stable(cp))
			return 0;
		i += (size_t)n;
	}
	return 1;
}

char *bm_text_nfc(const char *s, size_t len)
{
	if (nfc_identity(s, len)) /* most names and titles: no utf8proc pass */
		return bm_xstrndup(s, len);
	utf8proc_uint8_t *dst = NULL;
	utf8proc_ssize_t n =
		utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
			     &dst, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (n < 0)
		return NULL;
	return (char *)dst;
}

int bm_text_normalize(const char *in, size_t len, int lossy, char **out,
		      size_t *out_len, long long *bad_offset)
{
	bm_buf b;
	int simple = 1;
	size_t i = 0;

	bm_buf_init(&b);
	if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	/* the text up to its first byte that needs work is copied at once */
	size_t plain = plain_prefix(in + i, len - i);
	if (plain) {
		bm_buf_put(&b, in + i, plain);
		i += plain;
	}
	while (i < len) {
		unsigned char c = (unsigned char)in[i];
		if (c >= 0x01 && c < 0x80) {
			size_t j = i;
			while (j < len && (unsigned char)in[j] >= 0x01 &&
			       (unsigned char)in[j] < 0x80 && in[j] != '\r')
				j++;
			if (j > i) {
				bm_buf_put(&b, in + i, j - i);
				i = j;
				continue;
			}
			/* a CR */
			bm_buf_putc(&b, '\n');
			i += (i + 1 < len && in[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		int32_t cp;
		int n = bm_utf8_next(in + i, len - i, &cp);
		if (n < 0 || cp == 0) {
			if (!lossy) {
				if (bad_offset)
					*bad_offset = (long long)i;
				bm_buf_dispose(&b);
				return BM_EUTF8;
			}
			bm_buf_puts(&b, "\xEF\xBF\xBD");
			/* skip one byte, or the whole NUL */
			i += 1;
			continue;
		}
		if (cp == 0xFEFF || cp == 0x200B) {
			i += (size_t)n;
			continue;
		}
		if (is_space_cp(cp)) {
			bm_buf_putc(&b, ' ');
			i += (size_t)n;
			continue;
		}
		/* copy a run of ordinary non-ASCII characters at once */
		size_t j = i;
		for (;;) {
			if (!nfc_stable(cp))
				simple = 0;
			j += (size_t)n;
			if (j >= len || (unsigned char)in[j] < 0x80)
				break;
			n = bm_utf8_next(in + j, len - j, &cp);
			if (n < 0 || cp == 0 || cp == 0xFEFF || cp == 0x200B ||
			    is_space_cp(cp))
				break;
		}
		bm_buf_put(&b, in + i, j - i);
		i = j;
	}
	if (!simple) {
		char *nfc = bm_text_nfc(b.data ? b.data : "", b.len);
		bm_buf_dispose(&b);
		if (!nfc)
			return BM_EUTF8; /* cannot happen: input was validated */
		*out_len = strlen(nfc);
		*out = nfc;
		return 0;
	}
	*out = bm_buf_detach(&b, out_len);
	return 0;
}

static int is_tone_mark(int32_t c)
{
	return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 ||
	       c == 0x323;
}

/* Python's str.split() whitespace, for the characters text can hold. */
static int is_split_space(int32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) ||
	       c == 0x85 || is_space_cp(c) || c == 0x1680 || c == 0x2028 ||
	       c == 0x2029;
}

static const int32_t edge_punct[] = {
	' ', '\t', '\r', '\n', '.', ',', ';', ':', '!', '?', '"', '\'', '(',
	')', '[', ']', '{', '}', 0xAB, 0xBB, 0x201C, 0x201D, 0x2018, 0x2019,
	'-', 0x2013, 0x2014};

static int is_edge_punct(int32_t c)
{
	for (size_t i = 0; i < BM_ARRAY_LEN(edge_punct); i++)
		if (edge_punct[i] == c)
			return 1;
	return 0;
}

char *bm_name_key(const char *name, size_t len)
{
	utf8proc_int32_t *cps = NULL;
	utf8proc_uint8_t *folded = NULL;
	utf8proc_ssize_t n;
	bm_buf b, tones;
	char *res = NULL;

	n = utf8proc_map((const utf8proc_uint8_t *)name, (utf8proc_ssize_t)len,
			 &folded,
			 UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
	if (n < 0)
		return NULL;
	bm_buf_init(&b);
	bm_buf_init(&tones);
	/* words: base letters then their tone marks; one space between */
	size_t i = 0, flen = (size_t)n;
	const char *f = (const char *)folded;
	int need_space = 0;
	while (i < flen) {
		int32_t cp;
		int k = bm_utf8_next(f + i, flen - i, &cp);
		if (k < 0)
			goto cleanup;
		if (is_split_space(cp)) {
			i += (size_t)k;
			continue;
		}
		if (need_space)
			bm_buf_putc(&b, ' ');
		bm_buf_clear(&tones);
		while (i < flen) {
			k = bm_utf8_next(f + i, flen - i, &cp);
			if (k < 0)
				goto cleanup;
			if (is_split_space(cp))
				break;
			if (is_tone_mark(cp))
				bm_buf_put(&tones, f + i, (size_t)k);
			else
				bm_buf_put(&b, f + i, (size_t)k);
			i += (size_t)k;
		}
		bm_buf_put(&b, tones.data, tones.len);
		need_space = 1;
	}
	/* strip edge punctuation on both ends */
	size_t s = 0, e = b.len;
	while (s < e) {
		int32_t cp;
		int k = bm_utf8_next(b.data + s, e - s, &cp);
		if (k < 0 || !is_edge_punct(cp))
			break;
		s += (size_t)k;
	}
	while (e > s) {
		size_t p = e - 1;
		while (p > s && ((unsigned char)b.data[p] & 0xC0) == 0x80)
			p--;
		int32_t cp;
		int k = bm_utf8_next(b.data + p, e - p, &cp);
		if (k < 0 || !is_edge_punct(cp))
			break;
		e = p;
	}
	res = bm_text_nfc(b.data ? b.data + s : "", e - s);
cleanup:
	free(folded);
	free(cps);
	bm_buf_dispose(&b);
	bm_buf_dispose(&tones);
	return res;
}
