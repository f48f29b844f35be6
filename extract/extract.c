/* extract.c: bm_extract(), the pipeline of one document:
 * normalize -> record.  (The stages of recognition land here next.) */
#include <stdlib.h>
#include <string.h>

#include "bomay.h"
#include "extract/record.h"
#include "extract/text.h"
#include "extract/util.h"

struct bm_extractor {
	bm_extract_opts opts;
};

int bm_extractor_new(bm_extractor **out, const bm_extract_opts *opts)
{
	bm_extractor *x = bm_xcalloc(1, sizeof *x);
	if (opts)
		x->opts = *opts;
	*out = x;
	return 0;
}

void bm_extractor_free(bm_extractor *x)
{
	free(x);
}

int bm_extract(bm_extractor *x, const bm_input_doc *doc, bm_record **out,
	       long long *bad_offset)
{
	char *text = NULL;
	size_t len = 0;
	bm_buf raw;
	int rc;

	*out = NULL;
	bm_buf_init(&raw);
	if (doc->title && *doc->title) {
		bm_buf_puts(&raw, doc->title);
		bm_buf_putc(&raw, '\n');
	}
	bm_buf_put(&raw, doc->text, doc->len);
	rc = bm_text_normalize(raw.data, raw.len, x->opts.lossy, &text, &len,
			       bad_offset);
	if (rc == BM_EUTF8 && bad_offset && doc->title && *doc->title) {
		size_t tl = strlen(doc->title) + 1;
		if (*bad_offset >= (long long)tl)
			*bad_offset -= (long long)tl;
	}
	bm_buf_dispose(&raw);
	if (rc != 0)
		return rc;
	size_t k = 0;
	while (k < len && strchr(" \t\n", text[k]))
		k++;
	if (k == len) {
		free(text);
		return BM_EEMPTY;
	}
	bm_record *r = bm_record_new(doc->id);
	bm_record_set_meta(r, doc->title, doc->date, doc->url, doc->path);
	bm_record_set_hash(r, text, len);
	free(text);
	*out = r;
	return 0;
}
