/* test_json_writer.c: the streaming writer of records gives the bytes
 * jansson's json_dumpf(JSON_COMPACT | JSON_PRESERVE_ORDER) gives for the
 * same object, escapes included, and never drops an invalid string. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "bomay.h"
#include "extract/record.h"

static char *write_record(const bm_record *r, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	assert_non_null(f);
	assert_int_equal(bm_record_write_json(r, f), 0);
	fclose(f);
	return out;
}

/* Strings that need escaping, and plain Vietnamese. */
static const char *const names[] = {
	"Bộ Công an",
	"a \"quoted\" name",
	"back\\slash / slash",
	"tab\there, line\nbreak, cr\r, bell\x07, esc\x1b, del\x7f",
	"\xE2\x80\xA8 line separator, \xF0\x9F\x98\x80 emoji",
};

static void test_same_bytes(void **state)
{
	(void)state;
	bm_record *r = bm_record_new("doc \"1\"");
	bm_record_set_meta(r, "Tiêu đề", NULL, "http://x/y?a=1&b=2", "a/b.txt");
	bm_record_set_hash(r, "text", 4);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t e = bm_record_add_entity(r, BM_ENT_ORG, names[i]);
		bm_record_add_alias(r, e, "alias \"x\"");
		bm_record_add_mention(r, e, i, i + 3);
	}
	size_t p = bm_record_add_entity(r, BM_ENT_PERSON, "Nguyễn Văn A");
	bm_record_set_attrs(r, p, "Đại tá", "TS.");
	bm_record_add_relation(r, BM_REL_HOLDS_POSITION, p, 0, "Giám đốc", 1, 0,
			       10, "Câu \"một\".\n", 12);
	bm_record_add_relation(r, BM_REL_HOLDS_POSITION, p, -1, "Thủ tướng", 0, 5,
			       9, NULL, 0);
	bm_record_add_relation(r, BM_REL_PART_OF, 1, 0, NULL, 0, 0, 1, "x", 1);
	size_t len;
	char *ours = write_record(r, &len);
	assert_true(len > 0 && ours[len - 1] == '\n');
	json_error_t err;
	json_t *o = json_loadb(ours, len, 0, &err);
	if (!o)
		fail_msg("not JSON: %s: %s", err.text, ours);
	char *theirs = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	assert_int_equal(strlen(theirs), len - 1);
	assert_memory_equal(theirs, ours, len - 1);
	/* and it reads back */
	bm_record *back = NULL;
	char eb[256] = "";
	if (bm_record_from_json(ours, len - 1, &back, eb, sizeof eb) != 0)
		fail_msg("read back: %s", eb);
	assert_string_equal(back->entities[3].name, names[3]);
	assert_int_equal(back->n_relations, 3);
	bm_record_free(back);
	free(theirs);
	json_decref(o);
	free(ours);
	bm_record_free(r);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	bm_record *r = bm_record_new("d");
	bm_record_add_entity(r, BM_ENT_ORG, "ab\xff""cd\xC3");
	size_t len;
	char *ours = write_record(r, &len);
	assert_non_null(strstr(ours, "\"ab\xEF\xBF\xBD""cd\xEF\xBF\xBD\""));
	json_error_t err;
	json_t *o = json_loadb(ours, len, 0, &err);
	assert_non_null(o);
	json_decref(o);
	free(ours);
	bm_record_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_bytes),
		cmocka_unit_test(test_invalid_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
