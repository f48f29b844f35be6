/* fuzz_records.c: bytes -> bm_record_from_json (what `ingest --records`
 * reads).  A record it accepts must keep the invariants of check.h and be a
 * fixed point of write -> read -> write. */
#include <stdint.h>
#include <string.h>

#include "bomay.h"
#include "tests/fuzz/check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[128];
	bm_record *r = NULL;
	memset(err, 'x', sizeof err);
	int rc = bm_record_from_json((const char *)data, size, &r, err, sizeof err);
	if (rc == 0) {
		bm_fuzz_check_record(r, 0);
		bm_fuzz_round_trip(r);
		bm_record_free(r);
	} else {
		FUZZ_ASSERT(rc == BM_EPARSE, "an undocumented error");
		FUZZ_ASSERT(r == NULL, "a record on failure");
		FUZZ_ASSERT(memchr(err, '\0', sizeof err) != NULL,
			    "an unterminated message");
		FUZZ_ASSERT(err[0] != '\0', "an empty message");
	}
	return 0;
}
