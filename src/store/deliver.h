/*
 * deliver.h - adding a message file to a folder, for APPEND and COPY.
 * Private to src/store/.
 */
#ifndef IMAPD_STORE_DELIVER_H
#define IMAPD_STORE_DELIVER_H

#include <stdbool.h>
#include <stdint.h>

#include "store/store_int.h"

/* Add a message file already in tmp/ of mb's folder (tmp_path) under
 * the given flags; lock held by the caller.  Renames it into new/ or
 * cur/ and queues its index record; *uid_r its UID. */
bool store_deliver_locked(struct mailbox *mb, const char *tmp_path, uint32_t upper, uint32_t lower,
			  int64_t date, int16_t tzoff, uint64_t size, uint64_t vsize,
			  uint32_t *uid_r, struct store_err *err);

#endif
