/* fuzz_jsonl.c: bytes -> a file -> bm_reader_next until the end.  The first
 * byte picks how the file is read (bit 0: lossy; bit 1: records; bit 2: a
 * 64-byte cap; bit 3: through a directory listing; bit 4: as standard input;
 * bit 5: named .txt, not .jsonl).  Every document and diagnostic must be
 * well formed, and the reader must reach the end. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bomay.h"
#include "tests/fuzz/check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void cleanup(void)
{
	char p[128];
	snprintf(p, sizeof p, "%s/in.jsonl", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/in.txt", dir);
	unlink(p);
	rmdir(dir);
}

static void write_file(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	FUZZ_ASSERT(f != NULL, "cannot create the input file");
	FUZZ_ASSERT(fwrite(data, 1, size, f) == size, "short write");
	FUZZ_ASSERT(fclose(f) == 0, "fclose");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char jsonl[128], txt[128];
	if (size < 1)
		return 0;
	unsigned flags = data[0];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/bomay-fuzz-jsonl.XXXXXX");
		FUZZ_ASSERT(mkdtemp(dir) != NULL, "mkdtemp");
		atexit(cleanup);
	}
	snprintf(jsonl, sizeof jsonl, "%s/in.jsonl", dir);
	snprintf(txt, sizeof txt, "%s/in.txt", dir);
	unlink(jsonl);
	unlink(txt);
	const char *file = (flags & 32) ? txt : jsonl;
	write_file(file, data + 1, size - 1);

	char *path = (char *)file;
	if (flags & 8)
		path = dir;
	if (flags & 16) {
		FUZZ_ASSERT(freopen(file, "rb", stdin) != NULL, "freopen");
		path = (char *)"-";
	}
	int rflags = ((flags & 1) ? BM_READ_LOSSY : 0) |
		     ((flags & 2) ? BM_READ_RECORDS : 0);
	bm_reader *r = NULL;
	FUZZ_ASSERT(bm_reader_new(&r, &path, 1, (flags & 4) ? 64 : 0, rflags) == 0,
		    "bm_reader_new");
	size_t docs = 0, diags = 0;
	for (;;) {
		bm_input_doc doc;
		bm_diag d;
		memset(&d, 0, sizeof d);
		int rc = bm_reader_next(r, &doc, &d);
		if (rc == 0)
			break;
		if (rc == 1) {
			unsigned sum = 0;
			FUZZ_ASSERT(doc.id != NULL && doc.text != NULL && doc.path,
				    "a document without id, text or path");
			for (size_t i = 0; i < doc.len; i++)
				sum += (unsigned char)doc.text[i];
			(void)sum;
			/* lossy: one U+FFFD (3 bytes) for each bad byte */
			size_t grow = (rflags & BM_READ_LOSSY) ? 3 : 1;
			FUZZ_ASSERT(doc.len <= grow * size,
				    "a document longer than its input");
			FUZZ_ASSERT(!(flags & 4) || doc.len <= grow * 64,
				    "a document over the size cap");
			FUZZ_ASSERT(doc.line >= 0, "a negative line");
			docs++;
		} else {
			FUZZ_ASSERT(rc == BM_EIO || rc == BM_ETOOBIG ||
					    rc == BM_EPARSE || rc == BM_EUTF8 ||
					    rc == BM_ENOTFOUND,
				    "an undocumented error of bm_reader_next");
			FUZZ_ASSERT(d.path[0] != '\0', "a diagnostic without a path");
			FUZZ_ASSERT(memchr(d.msg, '\0', sizeof d.msg) && d.msg[0],
				    "a diagnostic without a message");
			diags++;
		}
		FUZZ_ASSERT(docs + diags <= size + 2, "the reader does not end");
	}
	bm_reader_free(r);
	if (flags & 16)
		clearerr(stdin);
	return 0;
}
