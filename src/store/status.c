/*
 * status.c - STATUS of a mailbox that need not be selected (RFC2060
 * §6.3.10), from its index.
 */
#include <string.h>

#include "store/idx_table.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/sync.h"
#include "util/log.h"

bool store_status(struct store *st, const char *name, bool with_pass,
		  struct store_status *st_r, struct store_err *err)
{
	struct mailbox *mb = NULL;
	if (!mbox_open_internal(st, name, false, true, &mb, err))
		return false;
	memset(st_r, 0, sizeof(*st_r));
	/* From the snapshot's counts and the changes since: no pass over
	 * the messages. */
	idx_counts(mb, &st_r->messages, &st_r->unseen, &st_r->recent);
	st_r->highestmodseq = mb->highestmodseq;
	/* RFC8438 §2: the sum of the messages' RFC822.SIZE, and RFC9208
	 * §4.1.4 DELETED / DELETED-STORAGE.  The snapshot keeps no sums (a
	 * size may not be worked out yet), so these items cost a pass,
	 * taken only when one of them is asked for. */
	if (with_pass) {
		uint32_t n = idx_count(mb);
		for (uint32_t i = 0; i < n; i++)
		{
			struct mbox_msg m = idx_at(mb, i);
			if (m.state & MSG_GHOST)
				continue;
			uint64_t size = mbox_msg_size(mb, i + 1);
			st_r->size += size;
			if (m.upper & MDIR_UPPER('T')) {
				st_r->deleted++;
				st_r->deleted_size += size;
			}
		}
		/* Sizes worked out now (files read) are kept in the index, so
		 * the next STATUS (SIZE) opens no message file. */
		struct store_err e2;
		if (mb->ninfo > 0 && !sync_full(mb, false, &e2))
			log_warn("%s: keeping the sizes worked out: %s", name, e2.text);
	}
	st_r->uidnext = mb->uidnext;
	st_r->uidvalidity = mb->uidvalidity;
	mbox_close(&mb);
	return true;
}
