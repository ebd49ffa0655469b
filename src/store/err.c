/*
 * err.c - the store's errors (see store.h).
 */
#include "store/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

bool store_fail(struct store_err *err, enum store_errcode code, const char *fmt, ...)
{
	va_list ap;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return false;
}

bool store_fail_errno(struct store_err *err, int errnum, const char *text)
{
	if (errnum == EDQUOT)
		return store_fail(err, STORE_ERR_NOSPACE, "Quota exceeded");
	if (errnum == ENOSPC)
		return store_fail(err, STORE_ERR_NOSPACE, "Not enough disk space");
	return store_fail(err, STORE_ERR_IO, "%s", text);
}
