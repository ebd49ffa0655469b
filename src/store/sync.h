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

/* The size or date of message uid was worked out (the view has it):
 * log it at the next sync, for the other processes and the snapshot. */
void sync_note_info(struct mailbox *mb, uint32_t uid);

/* Queue the noted sizes and dates as log records (lock held). */
void sync_log_info(struct mailbox *mb);

/* Path of message m's file into buf; false if it does not fit. */
bool sync_msg_path(const struct mailbox *mb, const struct mbox_msg *m, char *buf, size_t size);

#endif
