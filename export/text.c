/* text.c: text helpers the export formats share: making a name fit XML 1.0
 * or a DOT label, the status word of an edge, aliases and posts as JSON. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "export/writer.h"

static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */

/* Length of the valid UTF-8 sequence at s (1 to 4), its code point in *cp;
 * 0 when the bytes at s are not valid UTF-8. */
static size_t utf8_seq(const unsigned char *s, unsigned long *cp)
{
	unsigned char c = s[0];
	size_t n;
	unsigned long v, min;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2; v = c & 0x1f; min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3; v = c & 0x0f; min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4; v = c & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return n;
}

static int xml_char(unsigned long cp)
{
	if (cp < 0x20)
		return cp == '\t' || cp == '\n' || cp == '\r';
	return cp != 0xfffe && cp != 0xffff;
}

void bm_text_clean(bm_buf *b, const char *s, int double_backslash)
{
	const unsigned char *p = (const unsigned char *)s;
	bm_buf_put(b, "", 0); /* data is a string even when s is empty */
	while (*p) {
		unsigned long cp;
		size_t n = utf8_seq(p, &cp);
		if (n == 0) {
			bm_buf_puts(b, replacement);
			p++;
			continue;
		}
		/* in DOT, a label of U+FEFF alone is read back as nothing
		 * (Graphviz's scanner drops a BOM, agwrite leaves it bare) */
		if (!xml_char(cp) || (double_backslash && cp == 0xfeff))
			bm_buf_puts(b, replacement);
		else if (cp == '\\' && double_backslash)
			bm_buf_put(b, "\\\\", 2);
		else
			bm_buf_put(b, p, n);
		p += n;
	}
}

const char *bm_edge_status(const bm_edge *e)
{
	return e->former ? "former" : "current";
}

json_t *bm_json_text(const char *s)
{
	if (!s)
		return json_null();
	json_t *v = json_string(s);
	if (!v) {
		/* not UTF-8 (a damaged database): jansson would refuse to
		 * dump the whole document */
		bm_buf clean;
		bm_buf_init(&clean);
		bm_text_clean(&clean, s, 0);
		v = json_string(clean.data);
		bm_buf_dispose(&clean);
	}
	return v;
}

/* Appends the array a as compact JSON text and releases a. */
static void put_array(bm_buf *b, json_t *a)
{
	char *s = json_dumps(a, JSON_COMPACT);
	bm_buf_puts(b, s ? s : "[]");
	free(s);
	json_decref(a);
}

void bm_aliases_json(bm_buf *b, const char *const *aliases, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		if (aliases[i])
			json_array_append_new(a, bm_json_text(aliases[i]));
	put_array(b, a);
}

/* A post as an edge's JSON fields, less those it has no use for (type,
 * source, target, directed). */
static json_t *post_json(const bm_edge *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(p->id));
	json_object_set_new(o, "role", bm_json_text(p->role));
	json_object_set_new(o, "status", json_string(bm_edge_status(p)));
	json_object_set_new(o, "evidence_count", json_integer(p->n_evidence));
	json_object_set_new(o, "first_seen", bm_json_text(p->first_seen));
	json_object_set_new(o, "last_seen", bm_json_text(p->last_seen));
	json_object_set_new(o, "evidence", bm_json_text(p->evidence_text));
	json_object_set_new(o, "evidence_doc", bm_json_text(p->evidence_doc));
	return o;
}

json_t *bm_posts_json(const bm_node *n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n->n_posts; i++)
		json_array_append_new(a, post_json(&n->posts[i]));
	return a;
}

void bm_posts_text(bm_buf *b, const bm_node *n)
{
	put_array(b, bm_posts_json(n));
}
