/* check.h: invariants the fuzz targets assert on what the library gives
 * back; a broken one aborts with a message (libFuzzer keeps the input). */
#ifndef BM_FUZZ_CHECK_H
#define BM_FUZZ_CHECK_H

#include <stddef.h>

#include "bomay.h"

/* Aborts with "fuzz: WHAT" on stderr when cond is false. */
#define FUZZ_ASSERT(cond, what) \
	((cond) ? (void)0 : bm_fuzz_fail(__FILE__, __LINE__, (what)))
_Noreturn void bm_fuzz_fail(const char *file, int line, const char *what);

/* 1 when s[0..len) is valid UTF-8 without NUL. */
int bm_fuzz_utf8_ok(const char *s, size_t len);

/* Checks a record: a non-empty doc id, valid UTF-8 in every string, entity
 * names non-empty, relation ends inside the entity list, and (when
 * spans_in_text) every span inside [0, text_len]. */
void bm_fuzz_check_record(const bm_record *r, int spans_in_text);

/* Writes r as JSON, reads it back and writes it again: the two texts must
 * be equal and the first must parse.  Returns nothing; aborts on failure. */
void bm_fuzz_round_trip(const bm_record *r);

#endif
