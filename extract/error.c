/* error.c: the text of bomay's error codes. */
#include "bomay.h"

const char *bm_strerror(int code)
{
	switch (code) {
	case BM_OK: return "success";
	case BM_EIO: return "input/output error";
	case BM_EUTF8: return "invalid UTF-8 or NUL byte";
	case BM_ETOOBIG: return "over the size cap";
	case BM_EPARSE: return "malformed input";
	case BM_EDB: return "database error";
	case BM_ENOTFOUND: return "not found";
	case BM_EAMBIGUOUS: return "ambiguous name";
	case BM_EINVAL: return "invalid argument";
	case BM_ESCHEMA: return "database schema is newer than this bomay";
	case BM_EEMPTY: return "empty document";
	case BM_ELIMIT: return "over the cap of entities or relations in one document";
	case BM_EBUSY: return "database is busy";
	case BM_EFULL: return "disk full";
	default: return "unknown error";
	}
}
