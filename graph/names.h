/* names.h: the names of a record's entity on their way into the graph:
 * their keys (as curation rules let them through), the alias rows they
 * find, and storing them (which form a row shows, which document gave it). */
#ifndef BM_GRAPH_NAMES_H
#define BM_GRAPH_NAMES_H

#include "graph/rules.h"
#include "graph/store.h"

/* The names of one record entity: written forms and their keys. */
typedef struct {
	char **form, **key;
	int *named;           /* 1: the record's name, 0: an alias */
	size_t n;
} bm_names;

void bm_names_dispose(bm_names *nm);
/* Collects the names of e that rules let through (the record's name first
 * unless it has no key); none: the entity is kept out. */
void bm_entity_names(const bm_rules *rules, const bm_record *r,
		     const bm_entity *e, bm_names *nm);

/* A name of a record entity as the graph has it: its alias row (0: none
 * yet), the entity that row names, and how the form the row shows compares
 * with the record's. */
typedef struct {
	int64_t alias, entity;
	int same;             /* our form is the one the row shows */
	int better;           /* ours would win a tie with it */
	int named;
	int refused;          /* an alias of an entity ours is not */
	int64_t form_n;       /* documents that wrote the row's form */
	char *shown;          /* the row's form */
} bm_known;

/* Looks a name key up; *k filled (k->alias 0: not there).  Free
 * k->shown. */
int bm_find_alias(bm_graph *g, const char *type, const char *key,
		  const char *form, bm_known *k);
/* 1 when entity id has been the name of a record under a key that is none
 * of nm's, 0 when not, or an error. */
int bm_other_name(bm_graph *g, int64_t id, const bm_names *nm);
/* Stores the names of entity id seen in document doc; *changed is set when
 * a name is new or shows a new form (the canonical name may change). */
int bm_put_names(bm_graph *g, const char *type, const bm_names *nm,
		 const bm_known *k, int64_t id, int64_t doc, int *changed);

#endif
