/*
 * cache.h - the store's side of the message cache (store/cache.c) that
 * the index needs: closing it with a view, and the offsets a snapshot
 * records.  Private to src/store/; the cache's API for executors is in
 * mailbox.h.
 */
#ifndef IMAPD_STORE_CACHE_H
#define IMAPD_STORE_CACHE_H

#include <stdint.h>

#include "store/store_int.h"

/* Write what is queued and close the cache of mb. */
void mbox_cache_close(struct mailbox *mb);

/* The cache record of message uid as a snapshot should record it (in
 * 8-octet units): the newest this process knows, else `known`. */
uint32_t mbox_cache_off(struct mailbox *mb, uint32_t uid, uint32_t known);

/* The cache file's identity and how far the records a snapshot writes
 * cover it; left as they are when the cache was not opened. */
void mbox_cache_snapshot_info(struct mailbox *mb, uint64_t *id_r, uint64_t *end_r);

#endif
