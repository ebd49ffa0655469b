/*
 * status.c - STATUS of a mailbox that need not be selected (RFC2060
 * §6.3.10), from its index.
 */
#include <string.h>

#include "store/idx_table.h"
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
	/* From the snapshot's counts and the changes since: no pass over
	 * the messages. */
	idx_counts(mb, &st_r->messages, &st_r->unseen, &st_r->recent);
	st_r->highestmodseq = mb->highestmodseq;
	st_r->uidnext = mb->uidnext;
	st_r->uidvalidity = mb->uidvalidity;
	mbox_close(&mb);
	return true;
}
