/*
 * cache_map.c - which cache record belongs to which message (see
 * cache_map.h): open addressing on the UID.
 */
#include "store/cache_map.h"

#include <stdlib.h>

static inline uint32_t slot_of(uint32_t uid, uint32_t mask)
{
	return (uid * 2654435761u) & mask;
}

static bool grow(struct mbox_cache *c)
{
	uint32_t size = c->mask == 0 ? 256 : (c->mask + 1) * 2;
	uint32_t *uid = calloc(size, sizeof(*uid)), *off = calloc(size, sizeof(*off));
	if (uid == NULL || off == NULL) {
		free(uid);
		free(off);
		return false;
	}
	for (uint32_t i = 0; c->mask != 0 && i <= c->mask; i++) {
		if (c->slot_uid[i] == 0)
			continue;
		uint32_t h = slot_of(c->slot_uid[i], size - 1);
		while (uid[h] != 0)
			h = (h + 1) & (size - 1);
		uid[h] = c->slot_uid[i];
		off[h] = c->slot_off[i];
	}
	free(c->slot_uid);
	free(c->slot_off);
	c->slot_uid = uid;
	c->slot_off = off;
	c->mask = size - 1;
	return true;
}

bool cache_map_add(struct mbox_cache *c, uint32_t uid, uint64_t off)
{
	if (uid == 0 || off / 8 > UINT32_MAX)
		return false;
	if ((c->nslots + 1) * 2 > c->mask + 1 && !grow(c))
		return false;
	uint32_t h = slot_of(uid, c->mask);
	while (c->slot_uid[h] != 0 && c->slot_uid[h] != uid)
		h = (h + 1) & c->mask;
	if (c->slot_uid[h] == 0)
		c->nslots++;
	c->slot_uid[h] = uid;
	c->slot_off[h] = (uint32_t)(off / 8);
	return true;
}

uint64_t cache_map_find(const struct mbox_cache *c, uint32_t uid)
{
	if (c->nslots == 0)
		return 0;
	uint32_t h = slot_of(uid, c->mask);
	while (c->slot_uid[h] != 0) {
		if (c->slot_uid[h] == uid)
			return (uint64_t)c->slot_off[h] * 8;
		h = (h + 1) & c->mask;
	}
	return 0;
}

void cache_map_free(struct mbox_cache *c)
{
	free(c->slot_uid);
	free(c->slot_off);
	c->slot_uid = c->slot_off = NULL;
	c->nslots = c->mask = 0;
}

uint32_t mbox_cache_off(struct mailbox *mb, uint32_t uid, uint32_t known)
{
	const struct mbox_cache *c = mb->cache;
	if (c == NULL || c->fd < 0)
		return known;
	uint64_t off = cache_map_find(c, uid);
	if (off != 0)
		return (uint32_t)(off / 8);
	return c->id == mb->t.base_cache_id ? known : 0;
}

void mbox_cache_snapshot_info(struct mailbox *mb, uint64_t *id_r, uint64_t *end_r)
{
	const struct mbox_cache *c = mb->cache;
	if (c == NULL || c->fd < 0)
		return;
	*id_r = c->id;
	*end_r = c->scanned;
}
