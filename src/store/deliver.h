/*
 * deliver.h - adding a message file to a folder, for APPEND, COPY and
 * MOVE.  Private to src/store/.
 */
#ifndef IMAPD_STORE_DELIVER_H
#define IMAPD_STORE_DELIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store_int.h"

/* The file name a message of base `base` gets under these flags (keyword
 * slots of the target), into name[size]; *in_new_r when it goes to new/
 * (no flags), else cur/.  Returns its length, 0 when too long. */
size_t store_deliver_name(const char *base, uint32_t upper, uint32_t lower, char *name,
			  size_t size, bool *in_new_r);

/* Index a file already in new/ (in_new) or cur/ of mb's folder, named
 * name[0..nlen), as a new message with the next UID (*uid_r); lock held.
 * The record is queued for idx_commit(). */
bool store_deliver_indexed(struct mailbox *mb, const char *name, size_t nlen, bool in_new,
			   uint32_t upper, uint32_t lower, int64_t date, int16_t tzoff,
			   uint64_t vsize, uint32_t *uid_r, struct store_err *err);

/* Add a message file already in tmp/ of mb's folder (tmp_path) under
 * the given flags; lock held by the caller.  Renames it into new/ or
 * cur/ and queues its index record; *uid_r its UID. */
bool store_deliver_locked(struct mailbox *mb, const char *tmp_path, uint32_t upper, uint32_t lower,
			  int64_t date, int16_t tzoff, uint64_t size, uint64_t vsize,
			  uint32_t *uid_r, struct store_err *err);

#endif
