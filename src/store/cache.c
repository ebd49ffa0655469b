/*
 * cache.c - the message cache (see cache.h).
 */
#include "store/cache.h"

void mbox_cache_close(struct mailbox *mb)
{
	(void)mb;
}

uint32_t mbox_cache_off(struct mailbox *mb, uint32_t uid, uint32_t known)
{
	(void)mb;
	(void)uid;
	return known;
}

void mbox_cache_snapshot_info(struct mailbox *mb, uint64_t *id_r, uint64_t *end_r)
{
	(void)mb;
	(void)id_r;
	(void)end_r;
}
