/*
 * quota.h - the usage a user's mail takes, kept for QUOTA (RFC9208) as
 * the store changes, never by reading every mailbox on each APPEND.
 *
 * The mail root holds "imapd-quota": a first line "imapd-quota 1", a
 * line "octets messages" with the totals when it was last computed, then
 * one line "+octets +messages" (signed) per committed change.  Every
 * message the index gains or loses passes through idx_log_add() or
 * idx_log_expunge() exactly once, under the mailbox's lock (an APPEND,
 * COPY, MOVE, EXPUNGE, or a scan finding what an MTA delivered or another
 * program removed), so the changes are noted there and appended when the
 * index commits: one short O_APPEND write, atomic against other writers.
 * A missing file, a torn or unknown line, or a file grown past a few KB
 * is recomputed from the indexes (no message is read) and replaced by
 * rename; DELETE of a mailbox removes the file so that it is recomputed.
 * Sizes are RFC822.SIZE, as STATUS SIZE counts them.
 */
#ifndef IMAPD_STORE_QUOTA_H
#define IMAPD_STORE_QUOTA_H

#include <stdbool.h>
#include <stdint.h>

struct mailbox;
struct store;
struct store_usage;

/* The file's first line (QUOTA_FILE in store_int.h). */
#define QUOTA_MAGIC "imapd-quota 1\n"

/* A change of mb's messages, noted until its index commits. */
void quota_note(struct mailbox *mb, int64_t octets, int64_t messages);

/* The index of mb committed (ok) or not: append or drop what was noted. */
void quota_commit(struct mailbox *mb, bool ok);

/* Whether the usage file is kept up to date now (it exists): then a
 * message the index gains must come with its size (sync.c works out the
 * size of a delivery found by a scan instead of leaving it for later).
 * Looked up once per open mailbox. */
bool quota_tracked(struct mailbox *mb);

/* Forget the usage (a mailbox went away whole): recomputed when next asked. */
void quota_invalidate(struct store *st);

/* mb gets a new index: its files will all be noted as added.  When it
 * has any, they may have been counted already (a lost or damaged index
 * rebuilt), so the usage is forgotten; a new empty folder changes nothing. */
void quota_index_created(struct mailbox *mb);

/* The totals the file holds; false when it is missing, torn, or long
 * enough to be folded (store_usage in usage.c then recomputes them). */
bool quota_read(struct store *st, struct store_usage *u_r);

#endif
