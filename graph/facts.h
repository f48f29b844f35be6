/* facts.h: reading relations into bm_fact rows: the one SELECT (with names
 * and the latest evidence sentence) that every query shares. */
#ifndef BM_GRAPH_FACTS_H
#define BM_GRAPH_FACTS_H

#include "graph/store.h"

/* The columns and joins of a fact; append a WHERE on r (relations), s
 * (subject) and o (object). */
#define BM_FACT_SELECT \
	"SELECT r.id, r.type, r.subject, r.object, s.type, s.name, o.type," \
	" o.name, r.role, r.status, r.first_seen, r.last_seen, r.n_evidence," \
	" ev.sentence, d.doc FROM relations r JOIN entities s ON s.id = r.subject" \
	" LEFT JOIN entities o ON o.id = r.object" \
	" LEFT JOIN evidence ev ON ev.id = (SELECT id FROM evidence" \
	"  WHERE relation = r.id ORDER BY coalesce(date, '') DESC, id DESC LIMIT 1)" \
	" LEFT JOIN documents d ON d.id = ev.document "

/* Appends the current row of a BM_FACT_SELECT statement to out; the new
 * row (for the caller to set hop and from). */
bm_fact *bm_facts_push(bm_facts *out, sqlite3_stmt *st);
/* Steps st to the end, appending every row with the given hop; 0 or an
 * error. */
int bm_facts_read(bm_graph *g, sqlite3_stmt *st, bm_facts *out, int hop);

#endif
