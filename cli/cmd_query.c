/* cmd_query.c: `bomay query`: who, positions, neighbors, path, search and
 * stats on the graph database, as a readable table or as JSON. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/commands.h"
#include "cli/graph_cli.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: bomay query [OPTIONS] QUESTION ARGS...\n"
		"\n"
		"questions:\n"
		"  who ORG            people holding posts at ORG (--deep: and at its\n"
		"                     sub-units): role, status, first/last seen, evidence\n"
		"  positions PERSON   a person's posts over time\n"
		"  neighbors NAME     relations within --depth hops (default 1)\n"
		"  path A B           the shortest chain of relations from A to B,\n"
		"                     with the evidence sentence of each hop\n"
		"  search TEXT        names and aliases containing TEXT, accent- and\n"
		"                     case-insensitive ('pham quoc hung')\n"
		"  stats              the size of the graph\n"
		"A name is a name or alias as written (any accents and case), or\n"
		"#ID; a name of several entities lists them instead of guessing.\n"
		"\n"
		"options:\n"
		"      --db FILE   the database (default " BM_CLI_DEFAULT_DB ")\n"
		"      --json      JSON for scripts instead of a table\n"
		"      --deep      who: include sub-units (part_of, transitively)\n"
		"      --at DATE   who, positions: only posts seen in that year, month\n"
		"                  or day (2017, 2017-06, 2017-06-30)\n"
		"      --depth N   neighbors: hops (default 1); path: most hops\n"
		"                  (default 6)\n"
		"      --limit N   neighbors and search: most rows (default 1000, 50)\n"
		"  -h, --help      this help\n"
		"\n"
		"exit status: 0 answered, 1 no such entity, ambiguous name or no path,\n"
		"2 usage error, 3 database failure.\n");
}

/* ---- text output -------------------------------------------------------- */

/* Prints s padded with spaces to width code points. */
static void pad(const char *s, int width)
{
	int n = 0;
	if (!s)
		s = "-";
	for (const char *p = s; *p; p++)
		n += ((unsigned char)*p & 0xC0) != 0x80;
	fputs(s, stdout);
	for (; n < width; n++)
		putchar(' ');
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void print_facts_table(const bm_facts *f, int with_hop)
{
	if (with_hop)
		pad("HOP", 4);
	pad("SUBJECT", 28);
	pad("RELATION", 16);
	pad("OBJECT", 34);
	pad("ROLE", 22);
	pad("STATUS", 8);
	pad("FIRST", 11);
	pad("LAST", 11);
	puts("EVIDENCE");
	for (size_t i = 0; i < f->n; i++) {
		const bm_fact *x = &f->v[i];
		if (with_hop) {
			char h[16];
			snprintf(h, sizeof h, "%d", x->hop);
			pad(h, 4);
		}
		pad(x->subject_name, 27);
		putchar(' ');
		pad(bm_rel_type_name(x->type), 16);
		pad(x->object ? x->object_name : "-", 33);
		putchar(' ');
		pad(or_dash(x->role), 21);
		putchar(' ');
		pad(x->former ? "former" : "current", 8);
		pad(or_dash(x->first_seen), 11);
		pad(or_dash(x->last_seen), 11);
		printf("%ld\n", x->n_evidence);
	}
}

static void print_path(const bm_facts *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const bm_fact *x = &f->v[i];
		int fwd = x->from == x->subject;
		const char *from = fwd ? x->subject_name : x->object_name;
		const char *to = fwd ? x->object_name : x->subject_name;
		printf("%zu. %s %s[%s%s%s]%s %s\n", i + 1, from, fwd ? "-" : "<-",
		       bm_rel_type_name(x->type), x->role ? ": " : "",
		       x->role ? x->role : "", fwd ? "->" : "-", to);
		if (x->evidence)
			printf("   \"%s\" (%s)\n", x->evidence, or_dash(x->evidence_doc));
		else
			printf("   (%ld evidence, no sentence kept) (%s)\n",
			       x->n_evidence, or_dash(x->evidence_doc));
	}
}

/* ---- JSON output -------------------------------------------------------- */

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *fact_json(const bm_fact *x)
{
	json_t *o = json_object();
	json_object_set_new(o, "id", json_integer(x->id));
	json_object_set_new(o, "type", json_string(bm_rel_type_name(x->type)));
	json_object_set_new(o, "subject",
			    json_pack("{sIssss}", "id", (json_int_t)x->subject,
				      "type", bm_ent_type_name(x->subject_type),
				      "name", x->subject_name));
	json_object_set_new(o, "object",
			    x->object ? json_pack("{sIssss}", "id",
						  (json_int_t)x->object, "type",
						  bm_ent_type_name(x->object_type),
						  "name", x->object_name)
				      : json_null());
	json_object_set_new(o, "role", str_or_null(x->role));
	json_object_set_new(o, "status",
			    json_string(x->former ? "former" : "current"));
	json_object_set_new(o, "first_seen", str_or_null(x->first_seen));
	json_object_set_new(o, "last_seen", str_or_null(x->last_seen));
	json_object_set_new(o, "n_evidence", json_integer(x->n_evidence));
	json_object_set_new(o, "hop", json_integer(x->hop));
	json_object_set_new(o, "from", json_integer(x->from));
	json_object_set_new(o, "evidence",
			    json_pack("{soso}", "text", str_or_null(x->evidence),
				      "doc", str_or_null(x->evidence_doc)));
	return o;
}

static json_t *facts_json(const bm_facts *f)
{
	json_t *a = json_array();
	for (size_t i = 0; i < f->n; i++)
		json_array_append_new(a, fact_json(&f->v[i]));
	return a;
}

static json_t *matches_json(const bm_matches *m)
{
	json_t *a = json_array();
	for (size_t i = 0; i < m->n; i++)
		json_array_append_new(
			a, json_pack("{sIsssssssI}", "id", (json_int_t)m->v[i].id,
				     "type", bm_ent_type_name(m->v[i].type), "name",
				     m->v[i].name, "matched", m->v[i].matched,
				     "n_documents", (json_int_t)m->v[i].n_documents));
	return a;
}

static int put_json(json_t *o)
{
	int rc = json_dumpf(o, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(o);
	putchar('\n');
	return rc == 0 ? BM_EXIT_OK : BM_EXIT_FAIL;
}

/* ---- the questions ------------------------------------------------------ */

typedef struct {
	const char *db;
	int json, deep, depth;
	size_t limit;
	const char *at;
} qopts;

static void print_stats(const bm_graph_counts *c)
{
	printf("documents  %ld (dates %s .. %s)\n", c->documents,
	       or_dash(c->first_date), or_dash(c->last_date));
	printf("entities   %ld (", c->entities);
	for (int i = 0; i < BM_ENT__COUNT; i++)
		printf("%s%s %ld", i ? ", " : "", bm_ent_type_name((bm_ent_type)i),
		       c->by_type[i]);
	printf(")\nrelations  %ld (", c->relations);
	for (int i = 0; i < BM_REL__COUNT; i++)
		printf("%s%s %ld", i ? ", " : "", bm_rel_type_name((bm_rel_type)i),
		       c->by_rel[i]);
	printf(")\naliases    %ld\nmentions   %ld\nevidence   %ld\nrules      %ld\n",
	       c->aliases, c->mentions, c->evidence, c->rules);
}

static int stats(bm_graph *g, const qopts *o)
{
	bm_graph_counts c;
	int rc = bm_graph_stats(g, &c), status = BM_EXIT_OK;
	if (rc < 0)
		return bm_cli_graph_fail(g, o->db, rc);
	if (o->json) {
		json_t *t = json_object(), *r = json_object();
		for (int i = 0; i < BM_ENT__COUNT; i++)
			json_object_set_new(t, bm_ent_type_name((bm_ent_type)i),
					    json_integer(c.by_type[i]));
		for (int i = 0; i < BM_REL__COUNT; i++)
			json_object_set_new(r, bm_rel_type_name((bm_rel_type)i),
					    json_integer(c.by_rel[i]));
		status = put_json(json_pack(
			"{sIsIsIsIsIsIsIsoso}", "documents", (json_int_t)c.documents,
			"entities", (json_int_t)c.entities, "relations",
			(json_int_t)c.relations, "aliases", (json_int_t)c.aliases,
			"mentions", (json_int_t)c.mentions, "evidence",
			(json_int_t)c.evidence, "rules", (json_int_t)c.rules,
			"entity_types", t, "relation_types", r));
	} else {
		print_stats(&c);
	}
	free(c.first_date);
	free(c.last_date);
	return status;
}

static int search(bm_graph *g, const qopts *o, const char *text)
{
	bm_matches m;
	int rc = bm_graph_search(g, text, o->limit, &m);
	if (rc < 0)
		return bm_cli_graph_fail(g, o->db, rc);
	if (o->json) {
		rc = put_json(matches_json(&m));
	} else {
		for (size_t i = 0; i < m.n; i++) {
			char id[32];
			snprintf(id, sizeof id, "#%lld", (long long)m.v[i].id);
			pad(id, 9);
			pad(bm_ent_type_name(m.v[i].type), 7);
			pad(m.v[i].name, 40);
			if (strcmp(m.v[i].matched, m.v[i].name) != 0)
				printf(" [as %s]", m.v[i].matched);
			printf(" %ld documents\n", m.v[i].n_documents);
		}
		rc = BM_EXIT_OK;
	}
	if (m.n == 0 && !o->json)
		bm_cli_error("nothing matches '%s'", text);
	int status = m.n ? rc : BM_EXIT_INPUT;
	bm_matches_free(&m);
	return status;
}

static unsigned mask_of(const char *q)
{
	if (strcmp(q, "who") == 0)
		return 1u << BM_ENT_ORG;
	if (strcmp(q, "positions") == 0)
		return 1u << BM_ENT_PERSON;
	return 0;
}

static int ask(bm_graph *g, const qopts *o, const char *q, char **args,
	       int n_args)
{
	int64_t a = 0, b = 0;
	bm_facts f = {0};
	int rc, status;
	int need = strcmp(q, "path") == 0 ? 2 : strcmp(q, "stats") == 0 ? 0 : 1;

	if (n_args != need) {
		bm_cli_error("query %s: takes %d argument%s, got %d", q, need,
			     need == 1 ? "" : "s", n_args);
		return BM_EXIT_USAGE;
	}
	if (strcmp(q, "stats") == 0)
		return stats(g, o);
	if (strcmp(q, "search") == 0)
		return search(g, o, args[0]);
	if ((status = bm_cli_resolve(g, o->db, args[0], mask_of(q), &a)) != 0)
		return status;
	if (need == 2 && (status = bm_cli_resolve(g, o->db, args[1], 0, &b)) != 0)
		return status;
	if (strcmp(q, "who") == 0)
		rc = bm_graph_who(g, a, o->deep, o->at, &f);
	else if (strcmp(q, "positions") == 0)
		rc = bm_graph_positions(g, a, o->at, &f);
	else if (strcmp(q, "neighbors") == 0)
		rc = bm_graph_neighbors(g, a, o->depth ? o->depth : 1, o->limit, &f);
	else
		rc = bm_graph_path(g, a, b, o->depth, &f);
	if (rc < 0)
		return bm_cli_graph_fail(g, o->db, rc);
	if (o->json)
		status = put_json(facts_json(&f));
	else if (strcmp(q, "path") == 0)
		print_path(&f);
	else
		print_facts_table(&f, strcmp(q, "neighbors") == 0);
	bm_facts_free(&f);
	return status;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int is_period(const char *s)
{
	static const char *const shapes[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
		const char *p = shapes[i], *q = s;
		while (*p && *q && (*p == 'd' ? (*q >= '0' && *q <= '9') : *p == *q)) {
			p++;
			q++;
		}
		if (!*p && !*q)
			return 1;
	}
	return 0;
}

int bm_cmd_query(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, NULL, 'd'},
		{"json", no_argument, NULL, 'j'},
		{"deep", no_argument, NULL, 'D'},
		{"depth", required_argument, NULL, 'n'},
		{"limit", required_argument, NULL, 'l'},
		{"at", required_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	static const char *const questions[] = {"who", "positions", "neighbors",
						"path", "search", "stats"};
	qopts o = {BM_CLI_DEFAULT_DB, 0, 0, 0, 0, NULL};
	bm_graph *g = NULL;
	int c, status;
	size_t n;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': o.db = optarg; break;
		case 'j': o.json = 1; break;
		case 'D': o.deep = 1; break;
		case 'n':
			if (bm_cli_parse_size(optarg, &n) != 0 || n > 100) {
				bm_cli_error("--depth: not a number from 1 to 100: '%s'",
					     optarg);
				return BM_EXIT_USAGE;
			}
			o.depth = (int)n;
			break;
		case 'l':
			if (bm_cli_parse_size(optarg, &o.limit) != 0) {
				bm_cli_error("--limit: not a number: '%s'", optarg);
				return BM_EXIT_USAGE;
			}
			break;
		case 'a':
			if (!is_period(optarg)) {
				bm_cli_error("--at: not a year, month or day "
					     "(2017, 2017-06, 2017-06-30): '%s'",
					     optarg);
				return BM_EXIT_USAGE;
			}
			o.at = optarg;
			break;
		case 'h': usage(stdout); return BM_EXIT_OK;
		default: usage(stderr); return BM_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		bm_cli_error("query: no question given");
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	const char *q = argv[optind];
	int known = 0;
	for (size_t i = 0; i < sizeof questions / sizeof questions[0]; i++)
		known |= strcmp(q, questions[i]) == 0;
	if (!known) {
		bm_cli_error("query: unknown question '%s'", q);
		usage(stderr);
		return BM_EXIT_USAGE;
	}
	if ((status = bm_cli_graph_open_read(o.db, &g)) != 0)
		return status;
	status = ask(g, &o, q, argv + optind + 1, argc - optind - 1);
	bm_graph_close(g);
	return status;
}
