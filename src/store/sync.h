/*
 * sync.h - bringing a folder's index up to date with its directories.
 * Private to src/store/.
 */
#ifndef IMAPD_STORE_SYNC_H
#define IMAPD_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store_int.h"

/* Bring mb up to date (lock held): replay the log, rescan new/ and cur/
 * when their mtimes say so (or `force`), take \Recent if a read-write
 * view.  Queues log records; the caller commits. */
bool sync_locked(struct mailbox *mb, bool force, struct store_err *err);

/* lock + sync_locked + commit + unlock */
bool sync_full(struct mailbox *mb, bool force, struct store_err *err);

/* Path of message m's file into buf; false if it does not fit. */
bool sync_msg_path(const struct mailbox *mb, const struct mbox_msg *m, char *buf, size_t size);

#endif
