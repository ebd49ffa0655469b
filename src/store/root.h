/*
 * root.h - the lock of a user's mail root (imapd.lock), which orders
 * CREATE, DELETE, RENAME and subscription changes across processes.
 * Private to src/store/.
 */
#ifndef IMAPD_STORE_ROOT_H
#define IMAPD_STORE_ROOT_H

#include <stdbool.h>

#include "store/store_int.h"

/* Take (and later release) the root lock; nests.  Lock order: root, then
 * a folder's index lock, then the UIDVALIDITY counter's lock. */
bool store_root_lock(struct store *st, struct store_err *err);
void store_root_unlock(struct store *st);

#endif
