/* fuzz_extract.c: bytes -> bm_extract -> record.  The first byte picks the
 * options (bit 0: lossy; bit 1: the bytes up to the first LF are the title (when
 * valid UTF-8, as the reader gives it);
 * bit 2: a small entity cap); the rest is the document.  Every record must
 * keep the invariants of check.h and survive a JSON round trip. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bomay.h"
#include "tests/fuzz/check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One extractor per option set, made once: loading the lexicons is slow. */
static bm_extractor *xs[4];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	char *title = NULL;
	bm_extract_opts o = {0};
	bm_record *r = NULL;
	long long bad = -2;

	o.lossy = (flags & 1) != 0;
	o.max_entities = (flags & 4) ? 3 : 0;
	if (flags & 2) {
		const char *nl = memchr(text, '\n', len);
		size_t tl = nl ? (size_t)(nl - text) : len;
		title = malloc(tl + 1);
		memcpy(title, text, tl);
		title[tl] = '\0';
		/* the reader gives titles that jansson checked: valid UTF-8 */
		if (!bm_fuzz_utf8_ok(title, tl)) {
			free(title);
			title = NULL;
		}
		text += nl ? tl + 1 : tl;
		len -= nl ? tl + 1 : tl;
	}
	bm_extractor **x = &xs[(o.lossy ? 1 : 0) | (o.max_entities ? 2 : 0)];
	if (!*x)
		FUZZ_ASSERT(bm_extractor_new(x, &o) == 0, "bm_extractor_new");
	bm_input_doc doc = {.id = "fuzz", .text = text, .len = len,
			    .title = title, .date = "2024-01-02",
			    .path = "fuzz.txt"};
	int rc = bm_extract(*x, &doc, &r, &bad);
	if (rc == 0) {
		bm_fuzz_check_record(r, 1);
		bm_fuzz_round_trip(r);
	} else {
		FUZZ_ASSERT(r == NULL, "a record on failure");
		FUZZ_ASSERT(rc == BM_EUTF8 || rc == BM_EEMPTY || rc == BM_ELIMIT,
			    "an undocumented error of bm_extract");
		FUZZ_ASSERT(rc != BM_EUTF8 || !o.lossy, "BM_EUTF8 in lossy mode");
		if (rc == BM_EUTF8)
			FUZZ_ASSERT(bad >= 0 && (size_t)bad < len + (title ? strlen(title) + 1 : 0),
				    "BM_EUTF8 without a byte offset in the input");
	}
	bm_record_free(r);
	free(title);
	return 0;
}
