/* commands.h: the subcommands of the bomay command, one file each, and the
 * few helpers they share for messages and exit statuses. */
#ifndef BM_CLI_COMMANDS_H
#define BM_CLI_COMMANDS_H

#include "bomay.h"

/* Exit statuses (documented in docs/bomay.1). */
enum {
	BM_EXIT_OK = 0,      /* everything done */
	BM_EXIT_INPUT = 1,   /* done, but some inputs were skipped (reported) */
	BM_EXIT_USAGE = 2,   /* bad command line */
	BM_EXIT_FAIL = 3     /* could not do the job (database, output, ...) */
};

int bm_cmd_extract(int argc, char **argv);
int bm_cmd_merge(int argc, char **argv);
int bm_cmd_entity(int argc, char **argv);
int bm_cmd_ingest(int argc, char **argv);
int bm_cmd_query(int argc, char **argv);
int bm_cmd_export(int argc, char **argv);
int bm_cmd_render(int argc, char **argv);

/* "bomay: PATH:LINE: MESSAGE (byte offset N)" on stderr from a diagnostic. */
void bm_cli_diag(const bm_diag *d);
/* "bomay: MESSAGE" on stderr, printf-style. */
void bm_cli_error(const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 1, 2)))
#endif
	;
/* Parses a size such as 16M, 512K or 1048576 into *out; 0 on success. */
int bm_cli_parse_size(const char *s, size_t *out);

#endif
