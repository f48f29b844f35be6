/* extract.c: bm_extract(), the pipeline of one document:
 * normalize -> segment -> mentions -> resolve -> relations -> record. */
#include <stdlib.h>
#include <string.h>

#include "bomay.h"
#include "extract/record.h"
#include "extract/stages.h"
#include "extract/text.h"
#include "extract/util.h"

#define DEFAULT_MAX_ENTITIES 10000
#define DEFAULT_MAX_SENTENCE 256

struct bm_extractor {
	bm_extract_opts opts;
	bm_lexset lex;
	bm_docstate doc;   /* reused from document to document */
};

int bm_lexset_is_abbrev(void *payload, const bm_toks *toks, size_t i);

int bm_extractor_new(bm_extractor **out, const bm_extract_opts *opts)
{
	bm_extractor *x = bm_xcalloc(1, sizeof *x);
	if (opts)
		x->opts = *opts;
	if (!x->opts.max_entities)
		x->opts.max_entities = DEFAULT_MAX_ENTITIES;
	if (!x->opts.max_sentence)
		x->opts.max_sentence = DEFAULT_MAX_SENTENCE;
	bm_lexset_init(&x->lex);
	bm_docstate_init(&x->doc);
	*out = x;
	return 0;
}

void bm_extractor_free(bm_extractor *x)
{
	if (!x)
		return;
	bm_lexset_dispose(&x->lex);
	bm_docstate_dispose(&x->doc);
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
	const char *in = doc->text ? doc->text : "";
	size_t in_len = doc->len;
	if (doc->title && *doc->title) {
		bm_buf_puts(&raw, doc->title);
		bm_buf_putc(&raw, '\n');
		bm_buf_put(&raw, doc->text, doc->len);
		in = raw.data;
		in_len = raw.len;
	}
	rc = bm_text_normalize(in, in_len, x->opts.lossy, &text, &len, bad_offset);
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
	if (len > UINT32_MAX) {
		free(text);
		return BM_ETOOBIG;
	}
	bm_record *r = bm_record_new(doc->id);
	bm_record_set_meta(r, doc->title, doc->date, doc->url, doc->path);
	bm_record_set_hash(r, text, len);

	bm_docstate *d = &x->doc;
	bm_docstate_reset(d, text, len);
	d->rec = r;
	d->max_entities = x->opts.max_entities;
	d->max_relations = 2 * x->opts.max_entities;
	bm_tokenize(x->lex.fold, text, len, 0, &d->toks);
	bm_sentences(&d->toks, text, x->opts.max_sentence, bm_lexset_is_abbrev,
		     &x->lex, &d->sents);
	bm_mentions(&x->lex, d);
	rc = bm_resolve(&x->lex, d);
	if (rc == 0)
		bm_relations(&x->lex, d);
	d->rec = NULL;
	d->text = NULL;
	free(text);
	if (rc != 0) {
		bm_record_free(r);
		return rc;
	}
	*out = r;
	return 0;
}
