/*
 * idx_log.h - the change log of a folder's index, imapd.index.log
 * (layout in idx_format.h): queuing records, committing them, and
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

/* What reading the tail found. */
struct idx_tail {
	bool corrupt;          /* a bad record with valid-looking data after it */
	uint32_t rotate_next;  /* the last record says generation n continues it, complete */
};

/* Read and apply the log from mb->log_off to its end. */
bool idx_log_read_tail(struct mailbox *mb, struct idx_tail *tail_r, struct store_err *err);

/* The MODSEQ of the changes being queued now (under the lock): one per
 * commit, above every MODSEQ given before (RFC7162 §3.1: every STORE
 * gets its own, and they only grow). */
uint64_t idx_next_modseq(struct mailbox *mb);

/* Queue log records; they are written by idx_commit().  idx_log_add
 * and idx_log_update log the message as it is; idx_log_expunge gives
 * the expunge a new MODSEQ and notes it in the history. */
void idx_log_add(struct mailbox *mb, const struct mbox_msg *m);
void idx_log_update(struct mailbox *mb, const struct mbox_msg *m);
void idx_log_expunge(struct mailbox *mb, uint32_t uid);
void idx_log_keywords(struct mailbox *mb);
void idx_log_info(struct mailbox *mb, const struct mbox_msg *m);

/*
 * fsync changed directories, append the queued records with new
 * directory stamps, fdatasync; write a new snapshot instead when there
 * is too much, and fold the log into one when it has grown.  Lock held.
 * On failure (a full disk) nothing is half written; messages added in
 * this batch leave the view (their UIDs were never made durable, so no
 * client may see them), the rest of the view stays as it is (what the
 * records described is on disk in the maildir already, and the next
 * scan finds it).
 */
bool idx_commit(struct mailbox *mb, struct store_err *err);

/* Fold the log into a new snapshot now (it records what the process
 * knows of the message cache's offsets).  Lock held, log replayed,
 * nothing queued. */
bool idx_log_fold(struct mailbox *mb, struct store_err *err);

/* Drop what is queued (after a failure, before the lock goes). */
void idx_log_discard(struct mailbox *mb);

#endif
