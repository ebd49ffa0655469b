/*
 * index.h - a folder's index as a whole: its lock, loading it, taking in
 * what other processes changed, moving a view onto a newer snapshot,
 * and rebuilding the index when it is damaged.  The files are
 * idx_snapshot.c and idx_log.c, the messages in memory idx_table.c.
 * Private to src/store/.
 */
#ifndef IMAPD_STORE_INDEX_H
#define IMAPD_STORE_INDEX_H

#include <stdbool.h>

#include "store/store_int.h"

/* The folder's lock (imapd.index.lock, shared by every imapd): nests.
 * A folder that is gone sets mb->gone and fails with STORE_ERR_NOTFOUND.
 * The outermost unlock of a view also moves it onto a newer snapshot
 * when it can (no ghosts, no queued flag changes): its overrides are
 * then dropped. */
bool idx_lock(struct mailbox *mb, struct store_err *err);
void idx_unlock(struct mailbox *mb);

/* Load the snapshot and the log, or create an index (new UIDVALIDITY);
 * converts a version 1 index.  When nothing can be written (a full
 * disk) the view still loads, read from what is there or, with no index
 * at all, kept in memory only (mb->ephemeral).  Lock held. */
bool idx_load(struct mailbox *mb, struct store_err *err);

/* Apply what other processes appended to the log since we last looked;
 * follows a log rotation.  Lock held. */
bool idx_replay(struct mailbox *mb, struct store_err *err);

/* The index is damaged (found by a pass over it): build a new one under
 * a new UIDVALIDITY.  A view the client has not been told of yet is
 * rebuilt in place (then scanned); one it has cannot follow (mb->gone). */
bool idx_rebuild(struct mailbox *mb, struct store_err *err);

/* Free everything the index part of mb holds. */
void idx_free(struct mailbox *mb);

#endif
