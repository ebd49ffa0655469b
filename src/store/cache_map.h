/*
 * cache_map.h - which record of the message cache (imapd.cache,
 * store/cache.c) belongs to which message, as one process knows it: the
 * offsets a snapshot recorded, and a map of the records found after the
 * part the snapshot covers.  Below the snapshot writer, which records
 * the offsets.  Private to src/store/.
 */
#ifndef IMAPD_STORE_CACHE_MAP_H
#define IMAPD_STORE_CACHE_MAP_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "store/store_int.h"
#include "util/sbuf.h"

/* A view's cache (opened on first use, mb->cache). */
struct mbox_cache {
	int fd;                     /* the file, -1 when there is none */
	bool writable;
	bool disabled;              /* a write failed (a full disk): read only now */
	uint64_t id;                /* the file's identity (its header) */
	uint32_t version;           /* the content version of its records */
	dev_t dev;
	ino_t ino;
	const char *map;            /* [0, maplen) of the file, read-only */
	size_t maplen;
	uint64_t end;               /* the file's size when last looked at (under its lock) */
	uint64_t scanned;           /* records below this are in the map or the snapshot */
	uint32_t checked;           /* mb->sync_count when the size was last looked at */
	/* uid -> record offset / 8, for records after the snapshot's part */
	uint32_t *slot_uid, *slot_off;
	uint32_t nslots, mask;
	/* records queued for the next write, and where in it */
	struct sbuf pending;
	uint32_t *pend_uid, *pend_off;
	uint32_t npend, cappend;
};

/* Record uid's newest record at offset off (a multiple of 8). */
bool cache_map_add(struct mbox_cache *c, uint32_t uid, uint64_t off);

/* The offset of uid's record from the map, 0 when not in it. */
uint64_t cache_map_find(const struct mbox_cache *c, uint32_t uid);

void cache_map_free(struct mbox_cache *c);

/* The cache record of message uid as a snapshot should record it (in
 * 8-octet units): the newest this process knows, else `known` (what the
 * base snapshot said) when the cache file is the one the base meant. */
uint32_t mbox_cache_off(struct mailbox *mb, uint32_t uid, uint32_t known);

/* The cache file's identity and how far the offsets a snapshot writes
 * cover it; left as they are when the cache was not opened. */
void mbox_cache_snapshot_info(struct mailbox *mb, uint64_t *id_r, uint64_t *end_r);

#endif
