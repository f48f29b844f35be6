/* dotgraph.c: the organization diagram as a cgraph graph: boxes and
 * ellipses, roles on edges (dashed when former), parents above (rankdir=BT),
 * and clusters of an organization with its people and sub-units. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "export/dotgraph.h"
#include "export/gvid.h"
#include "export/writer.h"
#include "extract/u64map.h"

/* What we keep on each node and edge (cgraph records). */
typedef struct {
	Agrec_t h;
	int type;           /* bm_ent_type */
	Agnode_t *parent;   /* cluster parent, or NULL */
	Agraph_t *cluster;  /* its own cluster, when it has members */
	int has_members;
	long degree;        /* edges in and out (agdegree counts each time) */
} node_rec;

typedef struct {
	Agrec_t h;
	int type;           /* bm_rel_type */
} edge_rec;

#define NREC(n) ((node_rec *)aggetrec((n), bm_gv("bm"), 0))
#define EREC(e) ((edge_rec *)aggetrec((e), bm_gv("bm"), 0))

struct bm_dotg {
	Agraph_t *g;
	int flags;
	bm_u64map index;    /* node id -> 1 + position in nodes */
	Agnode_t **nodes;
	size_t n_nodes, cap_nodes;
	bm_buf tmp;
	Agsym_t *n_label, *n_shape, *n_style, *n_fill, *n_type, *n_posts;
	Agsym_t *e_label, *e_style, *e_dir, *e_color, *e_constraint, *e_rel,
		*e_status, *e_evidence, *e_head, *e_minlen;
	Agsym_t *g_style, *g_color, *g_fill;
};

typedef struct {
	const char *shape, *style, *fill;
} node_look;

static const node_look looks[BM_ENT__COUNT] = {
	[BM_ENT_PERSON] = {"ellipse", "filled", "#fff4d6"},
	[BM_ENT_ORG] = {"box", "rounded,filled", "#dce8f5"},
	[BM_ENT_LOC] = {"house", "filled", "#e4f2e0"},
	[BM_ENT_LAW] = {"note", "filled", "#f3e6f5"},
	[BM_ENT_OTHER] = {"octagon", "filled", "#eeeeee"},
};

static Agsym_t *decl(Agraph_t *g, int kind, const char *name, const char *def)
{
	return agattr(g, kind, bm_gv(name), bm_gv(def));
}

static void set(void *obj, Agsym_t *sym, const char *value)
{
	agxset(obj, sym, bm_gv(value));
}

bm_dotg *bm_dotg_new(int flags)
{
	static Agdisc_t disc = {&AgMemDisc, &bm_gv_iddisc, &AgIoDisc};
	bm_dotg *d = bm_xcalloc(1, sizeof *d);
	Agraph_t *g = agopen(bm_gv("bomay"), Agdirected, &disc);
	d->g = g;
	d->flags = flags;
	bm_buf_init(&d->tmp);
	bm_u64map_init(&d->index);

	decl(g, AGRAPH, "rankdir", "BT");
	decl(g, AGRAPH, "newrank", "true");
	decl(g, AGRAPH, "fontname", "DejaVu Sans");
	decl(g, AGRAPH, "nodesep", "0.4");
	decl(g, AGRAPH, "ranksep", "0.6");
	d->g_style = decl(g, AGRAPH, "style", "");
	d->g_color = decl(g, AGRAPH, "color", "");
	d->g_fill = decl(g, AGRAPH, "fillcolor", "");

	decl(g, AGNODE, "fontname", "DejaVu Sans");
	decl(g, AGNODE, "fontsize", "12");
	d->n_label = decl(g, AGNODE, "label", "\\N");
	d->n_shape = decl(g, AGNODE, "shape", "ellipse");
	d->n_style = decl(g, AGNODE, "style", "filled");
	d->n_fill = decl(g, AGNODE, "fillcolor", "#fff4d6");
	d->n_type = decl(g, AGNODE, "type", "PERSON");
	d->n_posts = decl(g, AGNODE, "posts", "");

	decl(g, AGEDGE, "fontname", "DejaVu Sans");
	decl(g, AGEDGE, "fontsize", "10");
	d->e_label = decl(g, AGEDGE, "label", "");
	d->e_style = decl(g, AGEDGE, "style", "solid");
	d->e_dir = decl(g, AGEDGE, "dir", "forward");
	d->e_color = decl(g, AGEDGE, "color", "#6b5a2e");
	d->e_constraint = decl(g, AGEDGE, "constraint", "true");
	d->e_head = decl(g, AGEDGE, "arrowhead", "normal");
	d->e_minlen = decl(g, AGEDGE, "minlen", "1");
	d->e_rel = decl(g, AGEDGE, "relation", "holds_position");
	d->e_status = decl(g, AGEDGE, "status", "current");
	d->e_evidence = decl(g, AGEDGE, "evidence", "0");
	return d;
}

void bm_dotg_free(bm_dotg *d)
{
	if (!d)
		return;
	agclose(d->g);
	bm_buf_dispose(&d->tmp);
	bm_u64map_dispose(&d->index);
	free(d->nodes);
	free(d);
}

static const char *clean(bm_dotg *d, const char *s)
{
	bm_buf_clear(&d->tmp);
	bm_text_clean(&d->tmp, s ? s : "", 1);
	return d->tmp.data;
}

/* Node ids are looked up once per edge end: a hash map, not cgraph's
 * name dictionaries.  The top bit flipped keeps id 0 off the map's 0. */
static uint64_t key_of(int64_t id)
{
	return (uint64_t)id ^ ((uint64_t)1 << 63);
}

static Agnode_t *find(bm_dotg *d, int64_t id)
{
	uint32_t *at = bm_u64map_get(&d->index, key_of(id));
	return at ? d->nodes[*at - 1] : NULL;
}

static Agnode_t *make(bm_dotg *d, int64_t id)
{
	Agnode_t *v = find(d, id);
	if (v)
		return v;
	char name[32];
	snprintf(name, sizeof name, "n%" PRId64, id);
	v = agnode(d->g, name, 1);
	if (d->n_nodes == d->cap_nodes) {
		d->cap_nodes = d->cap_nodes ? 2 * d->cap_nodes : 256;
		d->nodes = bm_xrealloc(d->nodes, d->cap_nodes * sizeof *d->nodes);
	}
	d->nodes[d->n_nodes++] = v;
	int found;
	bm_u64map_put(&d->index, key_of(id), (uint32_t)d->n_nodes, &found);
	return v;
}

int bm_dotg_node(bm_dotg *d, const bm_node *n)
{
	if ((unsigned)n->type >= BM_ENT__COUNT || !n->name)
		return BM_EINVAL;
	Agnode_t *v = make(d, n->id);
	const node_look *look = &looks[n->type];
	agbindrec(v, bm_gv("bm"), sizeof(node_rec), 0);
	NREC(v)->type = (int)n->type;
	set(v, d->n_label, clean(d, n->name));
	set(v, d->n_shape, look->shape);
	set(v, d->n_style, look->style);
	set(v, d->n_fill, look->fill);
	set(v, d->n_type, bm_ent_type_name(n->type));
	if (n->n_posts) {
		/* posts without organization: no edge to draw, data on the node;
		 * backslashes doubled as in labels (the DOT scanner keeps "\\"
		 * and would end the string at the '"' after a single one) */
		bm_buf json;
		bm_buf_init(&json);
		bm_posts_text(&json, n);
		set(v, d->n_posts, clean(d, json.data));
		bm_buf_dispose(&json);
	}
	return 0;
}

int bm_dotg_edge(bm_dotg *d, const bm_edge *e)
{
	if ((unsigned)e->type >= BM_REL__COUNT)
		return BM_EINVAL;
	Agnode_t *t = find(d, e->subject), *h = find(d, e->object);
	if (!t || !h)
		return BM_EINVAL;
	char key[32], count[32];
	snprintf(key, sizeof key, "e%" PRId64, e->id);
	snprintf(count, sizeof count, "%ld", e->n_evidence);
	Agedge_t *x = agedge(d->g, t, h, key, 1);
	agbindrec(x, bm_gv("bm"), sizeof(edge_rec), 0);
	EREC(x)->type = (int)e->type;
	NREC(t)->degree++;
	NREC(h)->degree++;
	set(x, d->e_rel, bm_rel_type_name(e->type));
	set(x, d->e_status, bm_edge_status(e));
	set(x, d->e_evidence, count);
	if (e->role)
		set(x, d->e_label, clean(d, e->role));
	if (e->former)
		set(x, d->e_style, "dashed");
	if (e->type == BM_REL_PART_OF) {
		set(x, d->e_color, "#2b5797");
		set(x, d->e_head, "onormal");
	} else if (e->type == BM_REL_COOPERATES_WITH) {
		set(x, d->e_color, "#3a8a3a");
		set(x, d->e_dir, "none");
		set(x, d->e_constraint, "false");
	}
	return 0;
}

/* The first edge of relation rel from v to an organization, which must not
 * have v among its cluster ancestors. */
static Agnode_t *first_parent(Agraph_t *g, Agnode_t *v, int rel)
{
	for (Agedge_t *x = agfstout(g, v); x; x = agnxtout(g, x)) {
		Agnode_t *h = aghead(x);
		if (EREC(x)->type != rel || NREC(h)->type != BM_ENT_ORG || h == v)
			continue;
		Agnode_t *a = h;
		while (a && a != v)
			a = NREC(a)->parent;
		if (!a)
			return h;
	}
	return NULL;
}

/* The cluster of organization org, made (with its ancestors') on first use,
 * without recursion: parent chains can be long. */
static Agraph_t *cluster_of(bm_dotg *d, Agnode_t *org)
{
	Agnode_t **chain = NULL;
	size_t n = 0, cap = 0;
	for (Agnode_t *x = org; x && !NREC(x)->cluster; x = NREC(x)->parent) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			chain = bm_xrealloc(chain, cap * sizeof *chain);
		}
		chain[n++] = x;
	}
	while (n-- > 0) {
		Agnode_t *x = chain[n], *p = NREC(x)->parent;
		Agraph_t *outer = p ? NREC(p)->cluster : d->g;
		char name[48];
		snprintf(name, sizeof name, "cluster_%s", agnameof(x));
		Agraph_t *c = agsubg(outer, name, 1);
		set(c, d->g_style, "rounded,filled");
		set(c, d->g_color, "#9fb4cc");
		set(c, d->g_fill, "#f7f9fc");
		agsubnode(c, x, 1);
		NREC(x)->cluster = c;
	}
	free(chain);
	return NREC(org)->cluster;
}

static void make_clusters(bm_dotg *d)
{
	Agraph_t *g = d->g;
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		int t = NREC(v)->type;
		Agnode_t *p = NULL;
		if (t == BM_ENT_PERSON)
			p = first_parent(g, v, BM_REL_HOLDS_POSITION);
		else if (t == BM_ENT_ORG)
			p = first_parent(g, v, BM_REL_PART_OF);
		NREC(v)->parent = p;
		if (p)
			NREC(p)->has_members = 1;
	}
	for (Agnode_t *v = agfstnode(g); v; v = agnxtnode(g, v)) {
		if (NREC(v)->has_members)
			cluster_of(d, v);
		else if (NREC(v)->parent)
			agsubnode(cluster_of(d, NREC(v)->parent), v, 1);
	}
}

/* A hub with many leaves (people of one agency, partners of one ministry)
 * would put them all on one rank, a picture wider than any screen: spread
 * them over ceil(leaves / ROW) ranks, at most MAX_RANKS, by minlen, as
 * Graphviz's unflatten does; a partner leaf's cooperates_with then takes
 * part in ranking too.  (Every extra rank an edge spans is a virtual node
 * for dot: 500 leaves over 84 ranks took dot minutes, over 4 a second.) */
enum { ROW = 6, MAX_RANKS = 4 };

/* The leaf at the other end of x from hub, or NULL. */
static Agnode_t *leaf_of(Agedge_t *x, Agnode_t *hub)
{
	Agnode_t *other = agtail(x) == hub ? aghead(x) : agtail(x);
	return other != hub && NREC(other)->degree == 1 ? other : NULL;
}

static void stagger_leaves(bm_dotg *d)
{
	Agraph_t *g = d->g;
	for (Agnode_t *h = agfstnode(g); h; h = agnxtnode(g, h)) {
		int leaves = 0, i = 0;
		for (Agedge_t *x = agfstedge(g, h); x; x = agnxtedge(g, x, h))
			leaves += leaf_of(x, h) != NULL;
		if (leaves <= ROW)
			continue;
		int ranks = (leaves + ROW - 1) / ROW;
		if (ranks > MAX_RANKS)
			ranks = MAX_RANKS;
		for (Agedge_t *x = agfstedge(g, h); x; x = agnxtedge(g, x, h)) {
			if (!leaf_of(x, h))
				continue;
			char len[16];
			snprintf(len, sizeof len, "%d", 1 + i++ % ranks);
			set(x, d->e_minlen, len);
			set(x, d->e_constraint, "true");
		}
	}
}

Agraph_t *bm_dotg_finish(bm_dotg *d)
{
	stagger_leaves(d);
	if (d->flags & BM_EXPORT_CLUSTER)
		make_clusters(d);
	return d->g;
}
