/*
 * err.c - the store's errors (see store.h).
 */
#include "store/store.h"

#include <stdarg.h>
#include <stdio.h>

/*
 * ops.c - mailbox operations of the authenticated state (RFC2060 §6.3):
 * CREATE, DELETE, RENAME, STATUS, APPEND, and the errors they report.
 *
 * Folder creation and removal are atomic: a new folder is built under a
 * name that is no mailbox ("..imapd-new-...") and renamed into place; a
 * deleted one is first renamed to "..imapd-trash-..." and then removed,
 * so a crash never leaves half a maildir under a mailbox name.  The root
 * lock orders these against each other in concurrent sessions.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "store/maildir.h"
#include "store/store_int.h"
#include "util/log.h"

bool store_fail(struct store_err *err, enum store_errcode code, const char *fmt, ...)
{
	va_list ap;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return false;
}
