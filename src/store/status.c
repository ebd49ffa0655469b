/*
 * status.c - STATUS of a mailbox that need not be selected (RFC2060
 * §6.3.10), from its index.
 */
#include <string.h>

#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"

bool store_status(struct store *st, const char *name, struct store_status *st_r,
		  struct store_err *err)
{
	struct mailbox *mb = NULL;
	if (!mbox_open_internal(st, name, false, true, &mb, err))
		return false;
	memset(st_r, 0, sizeof(*st_r));
	for (uint32_t i = 0; i < mb->count; i++) {
		const struct mbox_msg *m = &mb->msgs[i];
		if (m->state & MSG_GHOST)
			continue;
		st_r->messages++;
		st_r->size += m->size;
		if (m->state & MSG_UNCLAIMED)
			st_r->recent++;
		if (!(m->upper & MDIR_UPPER('S')))
			st_r->unseen++;
	}
	st_r->uidnext = mb->uidnext;
	st_r->uidvalidity = mb->uidvalidity;
	mbox_close(&mb);
	return true;
}
