/*
 * idx_log.h - the change log of a folder's index, imapd.index.log
 * (layout in store/README.md): queuing records, committing them, and
 * reading what other processes appended.  Private to src/store/.
 */
#ifndef IMAPD_STORE_IDX_LOG_H
#define IMAPD_STORE_IDX_LOG_H

#include <stdbool.h>
#include <stdint.h>

#include "store/idx_snapshot.h"
#include "store/store_int.h"

/* Start log generation gen (replacing any log) and make it mb's. */
bool idx_log_create(struct mailbox *mb, uint32_t gen, struct store_err *err);

/* Open the log that continues the snapshot just loaded:
 * IDX_LOAD_MISSING when there is none of the right generation. */
enum idx_load idx_log_open(struct mailbox *mb);

/* Read and apply the log from mb->log_off to its end.  *corrupt_r when
 * a bad record has valid-looking data after it (not a torn tail). */
bool idx_log_read_tail(struct mailbox *mb, bool *corrupt_r, struct store_err *err);

/* Queue log records; they are written by idx_commit(). */
void idx_log_add(struct mailbox *mb, const struct mbox_msg *m);
void idx_log_update(struct mailbox *mb, const struct mbox_msg *m);
void idx_log_expunge(struct mailbox *mb, uint32_t uid);
void idx_log_keywords(struct mailbox *mb);

/* fsync changed directories, append the queued records with new
 * directory stamps, fdatasync; compacts the log when it has grown.
 * Lock held. */
bool idx_commit(struct mailbox *mb, struct store_err *err);

#endif
