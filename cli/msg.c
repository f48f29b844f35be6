/* msg.c: how the bomay command reports problems, one line each on stderr. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"

void bm_cli_diag(const bm_diag *d)
{
	fprintf(stderr, "bomay: %s", d->path);
	if (d->line > 0)
		fprintf(stderr, ":%ld", d->line);
	fprintf(stderr, ": %s", d->msg);
	if (d->offset >= 0)
		fprintf(stderr, " (byte offset %lld)", d->offset);
	fputc('\n', stderr);
}

void bm_cli_error(const char *fmt, ...)
{
	va_list ap;
	fputs("bomay: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int bm_cli_parse_size(const char *s, size_t *out)
{
	char *end;
	if (strchr(s, '-')) /* strtoull would take "-5" as 2^64 - 5 */
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s)
		return -1;
	int shift = 0;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	default: break;
	}
	/* a size that does not fit is refused, not wrapped */
	if (*end || v == 0 || v > (SIZE_MAX >> shift))
		return -1;
	v <<= shift;
	*out = (size_t)v;
	return 0;
}
