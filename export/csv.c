/* csv.c: the CSV writer (RFC 4180: CRLF rows, fields quoted when they hold
 * a comma, quote, CR or LF, quotes doubled; UTF-8): one header, then one row
 * a node or edge, told apart by the column kind.  The node column posts
 * came last, after the others, so that their places did not move. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "export/writer.h"

enum {
	C_KIND, C_ID, C_TYPE, C_NAME, C_ALIASES, C_MENTIONS, C_DOCUMENTS,
	C_SOURCE, C_TARGET, C_ROLE, C_STATUS, C_DIRECTED, C_EVIDENCE_COUNT,
	C_FIRST_SEEN, C_LAST_SEEN, C_EVIDENCE, C_EVIDENCE_DOC, C_POSTS, C__COUNT
};

static const char *const header[C__COUNT] = {
	"kind", "id", "type", "name", "aliases", "mentions", "documents",
	"source", "target", "role", "status", "directed", "evidence_count",
	"first_seen", "last_seen", "evidence", "evidence_doc", "posts"};

typedef struct {
	FILE *f;
	bm_buf line, aliases, posts;
	char num[4][32];  /* room for a row's numbers */
} csv_writer;

static void field(bm_buf *b, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		bm_buf_puts(b, s);
		return;
	}
	bm_buf_putc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			bm_buf_putc(b, '"');
		bm_buf_putc(b, *p);
	}
	bm_buf_putc(b, '"');
}

/* Writes one row of C__COUNT fields (NULL: empty). */
static int row(csv_writer *w, const char *const *v)
{
	bm_buf_clear(&w->line);
	for (int i = 0; i < C__COUNT; i++) {
		if (i)
			bm_buf_putc(&w->line, ',');
		field(&w->line, v[i]);
	}
	bm_buf_put(&w->line, "\r\n", 2);
	if (fwrite(w->line.data, 1, w->line.len, w->f) != w->line.len)
		return BM_EIO;
	return 0;
}

static const char *num(csv_writer *w, int slot, int64_t v)
{
	snprintf(w->num[slot], sizeof w->num[slot], "%" PRId64, v);
	return w->num[slot];
}

static int csv_node(void *impl, const bm_node *n)
{
	csv_writer *w = impl;
	const char *v[C__COUNT] = {0};
	bm_buf_clear(&w->aliases);
	bm_aliases_json(&w->aliases, n->aliases, n->n_aliases);
	bm_buf_clear(&w->posts);
	bm_posts_text(&w->posts, n);
	v[C_KIND] = "node";
	v[C_ID] = num(w, 0, n->id);
	v[C_TYPE] = bm_ent_type_name(n->type);
	v[C_NAME] = n->name;
	v[C_ALIASES] = w->aliases.data;
	v[C_MENTIONS] = num(w, 1, n->n_mentions);
	v[C_DOCUMENTS] = num(w, 2, n->n_documents);
	v[C_FIRST_SEEN] = n->first_seen;
	v[C_LAST_SEEN] = n->last_seen;
	v[C_POSTS] = w->posts.data;
	return row(w, v);
}

static int csv_edge(void *impl, const bm_edge *e)
{
	csv_writer *w = impl;
	const char *v[C__COUNT] = {0};
	v[C_KIND] = "edge";
	v[C_ID] = num(w, 0, e->id);
	v[C_TYPE] = bm_rel_type_name(e->type);
	v[C_SOURCE] = num(w, 1, e->subject);
	v[C_TARGET] = num(w, 2, e->object);
	v[C_ROLE] = e->role;
	v[C_STATUS] = bm_edge_status(e);
	v[C_DIRECTED] = e->type == BM_REL_COOPERATES_WITH ? "false" : "true";
	v[C_EVIDENCE_COUNT] = num(w, 3, e->n_evidence);
	v[C_FIRST_SEEN] = e->first_seen;
	v[C_LAST_SEEN] = e->last_seen;
	v[C_EVIDENCE] = e->evidence_text;
	v[C_EVIDENCE_DOC] = e->evidence_doc;
	return row(w, v);
}

static int csv_finish(void *impl)
{
	csv_writer *w = impl;
	return fflush(w->f) != 0 || ferror(w->f) ? BM_EIO : 0;
}

static void csv_free(void *impl)
{
	csv_writer *w = impl;
	bm_buf_dispose(&w->line);
	bm_buf_dispose(&w->aliases);
	bm_buf_dispose(&w->posts);
	free(w);
}

void *bm_csv_writer_new(bm_writer_ops *ops, FILE *f, int flags)
{
	(void)flags;
	csv_writer *w = bm_xcalloc(1, sizeof *w);
	w->f = f;
	bm_buf_init(&w->line);
	bm_buf_init(&w->aliases);
	bm_buf_init(&w->posts);
	row(w, header);
	ops->node = csv_node;
	ops->edge = csv_edge;
	ops->finish = csv_finish;
	ops->free = csv_free;
	return w;
}
