/*
 * index.h - a folder's index as a whole: its lock, loading it, taking in
 * what other processes changed, and rebuilding it when it is damaged.
 * The files are idx_snapshot.c and idx_log.c, the messages in memory
 * idx_table.c.  Private to src/store/.
 */
#ifndef IMAPD_STORE_INDEX_H
#define IMAPD_STORE_INDEX_H

#include <stdbool.h>

#include "store/store_int.h"

/* The folder's lock (imapd.index.lock, shared by every imapd): nests.
 * A folder that is gone sets mb->gone and fails with STORE_ERR_NOTFOUND. */
bool idx_lock(struct mailbox *mb, struct store_err *err);
void idx_unlock(struct mailbox *mb);

/* Load the snapshot and the log, or create an index (new UIDVALIDITY);
 * lock held. */
bool idx_load(struct mailbox *mb, struct store_err *err);

/* Apply what other processes appended to the log since we last looked;
 * reloads after a log rotation.  Lock held. */
bool idx_replay(struct mailbox *mb, struct store_err *err);

/* Free everything the index part of mb holds. */
void idx_free(struct mailbox *mb);

#endif
