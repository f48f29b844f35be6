/* graph_feed.c: reading and extracting in a thread of its own, so that
 * `bomay ingest` extracts the next documents while it stores these ones. */
#include "cli/graph_feed.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"

#define QUEUE 64

struct bm_feed {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t can_get, can_put;
	bm_feed_item q[QUEUE];
	size_t head, n;
	int done, stop;
	bm_reader *rd;
	bm_extractor *x;
	int records;
	bm_feed_stats st;     /* the thread's until it is joined */
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void skipped(bm_feed_stats *st, const char *reason)
{
	st->skipped++;
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(st->v[i].reason, reason) == 0) {
			st->v[i].n++;
			return;
		}
	if (st->n < sizeof st->v / sizeof st->v[0]) {
		st->v[st->n].reason = reason;
		st->v[st->n++].n = 1;
	}
}

/* A record's JSON line without the newline (a new string), or NULL. */
static char *record_json(const bm_record *r)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	int rc = bm_record_write_json(r, f);
	fclose(f);
	if (rc != 0) {
		free(buf);
		return NULL;
	}
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';
	return buf;
}

/* One input document to an item: 0, or a skip already reported. */
static int make_item(bm_feed *f, const bm_input_doc *doc, bm_feed_item *it)
{
	long long bad = -1;
	char err[200] = "";
	bm_diag d;
	int rc;

	memset(it, 0, sizeof *it);
	snprintf(it->path, sizeof it->path, "%s", doc->path);
	it->line = doc->line;
	it->bytes = doc->len;
	if (f->records) {
		rc = bm_record_from_json(doc->text, doc->len, &it->rec, err,
					 sizeof err);
		if (rc == 0) {
			it->json = malloc(doc->len + 1);
			if (!it->json)
				abort(); /* out of memory, as bm_xmalloc */
			memcpy(it->json, doc->text, doc->len);
			it->json[doc->len] = '\0';
		}
	} else {
		rc = bm_extract(f->x, doc, &it->rec, &bad);
		if (rc == 0)
			it->json = record_json(it->rec);
	}
	if (rc == 0)
		return 0;
	snprintf(d.path, sizeof d.path, "%s", doc->path);
	d.line = doc->line;
	d.offset = bad;
	if (f->records)
		snprintf(d.msg, sizeof d.msg, "%s; record skipped", err);
	else
		snprintf(d.msg, sizeof d.msg, "%s%s", bm_strerror(rc),
			 rc == BM_EUTF8 ? "; document skipped (see --lossy)"
					: "; document skipped");
	bm_cli_diag(&d);
	skipped(&f->st, f->records ? "malformed record" : bm_strerror(rc));
	return rc;
}

static void *produce(void *arg)
{
	bm_feed *f = arg;
	for (;;) {
		bm_input_doc doc;
		bm_diag d;
		bm_feed_item it;
		int rc = bm_reader_next(f->rd, &doc, &d);
		if (rc == 0)
			break;
		if (rc < 0) {
			bm_cli_diag(&d);
			skipped(&f->st, bm_strerror(rc));
			continue;
		}
		double t = now();
		rc = make_item(f, &doc, &it);
		f->st.t_extract += now() - t;
		if (rc != 0)
			continue;
		pthread_mutex_lock(&f->mu);
		while (f->n == QUEUE && !f->stop)
			pthread_cond_wait(&f->can_put, &f->mu);
		if (f->stop) {
			pthread_mutex_unlock(&f->mu);
			bm_record_free(it.rec);
			free(it.json);
			break;
		}
		f->q[(f->head + f->n) % QUEUE] = it;
		f->n++;
		pthread_cond_signal(&f->can_get);
		pthread_mutex_unlock(&f->mu);
	}
	struct timespec cpu;
	if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu) == 0)
		f->st.cpu = (double)cpu.tv_sec + (double)cpu.tv_nsec / 1e9;
	pthread_mutex_lock(&f->mu);
	f->done = 1;
	pthread_cond_signal(&f->can_get);
	pthread_mutex_unlock(&f->mu);
	return NULL;
}

int bm_feed_start(bm_feed **out, char *const *paths, size_t n_paths,
		  size_t max_doc, int records, int lossy)
{
	bm_feed *f = calloc(1, sizeof *f);
	bm_extract_opts xo = {0};
	if (!f)
		abort(); /* out of memory, as bm_xmalloc */
	*out = NULL;
	xo.lossy = lossy;
	f->records = records;
	bm_reader_new(&f->rd, paths, n_paths, max_doc,
		      (records ? BM_READ_RECORDS : 0) | (lossy ? BM_READ_LOSSY : 0));
	if (!records && bm_extractor_new(&f->x, &xo) != 0)
		goto fail;
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->can_get, NULL);
	pthread_cond_init(&f->can_put, NULL);
	if (pthread_create(&f->thread, NULL, produce, f) != 0) {
		pthread_mutex_destroy(&f->mu);
		pthread_cond_destroy(&f->can_get);
		pthread_cond_destroy(&f->can_put);
		goto fail;
	}
	*out = f;
	return 0;
fail:
	bm_extractor_free(f->x);
	bm_reader_free(f->rd);
	free(f);
	return -1;
}

int bm_feed_next(bm_feed *f, bm_feed_item *it)
{
	int got = 0;
	pthread_mutex_lock(&f->mu);
	while (f->n == 0 && !f->done)
		pthread_cond_wait(&f->can_get, &f->mu);
	if (f->n) {
		*it = f->q[f->head];
		f->head = (f->head + 1) % QUEUE;
		f->n--;
		got = 1;
		pthread_cond_signal(&f->can_put);
	}
	pthread_mutex_unlock(&f->mu);
	return got;
}

void bm_feed_finish(bm_feed *f, bm_feed_stats *st)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->mu);
	f->stop = 1;
	pthread_cond_signal(&f->can_put);
	pthread_mutex_unlock(&f->mu);
	pthread_join(f->thread, NULL);
	for (; f->n; f->n--, f->head = (f->head + 1) % QUEUE) {
		bm_record_free(f->q[f->head].rec);
		free(f->q[f->head].json);
	}
	if (st)
		*st = f->st;
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->can_get);
	pthread_cond_destroy(&f->can_put);
	bm_extractor_free(f->x);
	bm_reader_free(f->rd);
	free(f);
}
