/* record.h: building a bm_record (the struct itself is public, in bomay.h).
 * Every string argument is copied; the record owns all its memory. */
#ifndef BM_RECORD_H
#define BM_RECORD_H

#include "bomay.h"

bm_record *bm_record_new(const char *doc);
/* Sets a metadata field (title, date, url, source) from s (copied; NULL ok). */
void bm_record_set_meta(bm_record *r, const char *title, const char *date,
			const char *url, const char *source);
/* Adds an entity and returns its index. */
size_t bm_record_add_entity(bm_record *r, bm_ent_type type, const char *name);
/* Adds an alias unless it equals the name or an alias already there. */
void bm_record_add_alias(bm_record *r, size_t ent, const char *alias);
void bm_record_set_attrs(bm_record *r, size_t ent, const char *rank,
			 const char *degree);
void bm_record_add_mention(bm_record *r, size_t ent, size_t start, size_t end);
/* Adds a relation (object -1: none; role may be NULL) and returns its
 * index.  An identical relation (type, subject, object, role) already there
 * is not added again: its index is returned. */
size_t bm_record_add_relation(bm_record *r, bm_rel_type type, size_t subject,
			      long object, const char *role, int former,
			      size_t sent_start, size_t sent_end,
			      const char *evidence, size_t evidence_len);
/* Frees what one entity owns (not the entity itself), as bm_record_free
 * does for each; for stages that drop an entity from a record. */
void bm_entity_dispose(bm_entity *e);
/* 64-bit FNV-1a of text as 16 hex digits into r->hash. */
void bm_record_set_hash(bm_record *r, const char *text, size_t len);

#endif
