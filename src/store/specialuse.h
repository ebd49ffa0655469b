/*
 * specialuse.h - the root's imapd-specialuse file: recording a use, and
 * keeping the file in step with DELETE and RENAME.  Private to
 * src/store/; the writers are called with the root lock held (root.h).
 */
#ifndef IMAPD_STORE_SPECIALUSE_H
#define IMAPD_STORE_SPECIALUSE_H

#include <stdbool.h>

#include "store/store_int.h"

/* Forget the uses recorded for name (a mailbox deleted, or a name being
 * created without USE); false when the file cannot be rewritten. */
bool specialuse_forget(struct store *st, const char *name);

/* Record `uses` for name (replacing what was recorded). */
bool specialuse_set(struct store *st, const char *name, unsigned uses);

/* The uses the administrator's names (store_set_uses) give to name. */
unsigned specialuse_configured(const struct store *st, const char *name);

/* The recorded uses of `from` and its inferiors follow a RENAME to `to`. */
bool specialuse_rename(struct store *st, const char *from, const char *to);

#endif
