/*
 * report.c - what changed in a view since the client was last told
 * (see mbox_changes_take in mailbox.h).  The store only hands the changes
 * out as data; cmd/ decides when they may be sent and writes them.
 */
#include <stdlib.h>

#include "store/idx_table.h"
#include "store/mailbox.h"
#include "store/store_int.h"
#include "store/sync.h"
#include "util/log.h"

bool mbox_sync(struct mailbox *mb)
{
	struct store_err err;
	if (!sync_full(mb, false, &err))
		log_warn("%s: sync: %s", mb->name, err.text);
	return !mb->gone;
}

/* Room for n entries of size `size` in *arr (capacity *cap). */
static bool reserve(void **arr, uint32_t *cap, uint32_t n, size_t size)
{
	if (n <= *cap)
		return true;
	uint32_t c = *cap < 64 ? 64 : *cap;
	while (c < n)
		c = c > UINT32_MAX / 2 ? n : c * 2;
	void *p = realloc(*arr, (size_t)c * size);
	if (p == NULL)
		return false;
	*arr = p;
	*cap = c;
	return true;
}

bool mbox_changes_take(struct mailbox *mb, bool expunge_ok, struct mbox_changes *ch_r)
{
	struct mbox_changes ch = { 0 };
	*ch_r = ch;
	if (!mbox_sync(mb)) {
		ch_r->gone = true;
		return true;
	}
	/* Count first, so that running out of memory changes nothing. */
	uint32_t nexp = 0, nflags = 0;
	if (expunge_ok && mb->ghosts > 0)
		for (uint32_t i = 0; i < mb->announced; i++)
			if (mb->msgs[i].state & MSG_GHOST)
				nexp++;
	if (mb->any_changed)
		for (uint32_t i = 0; i < mb->announced; i++)
			if ((mb->msgs[i].state & (MSG_CHANGED | MSG_GHOST)) == MSG_CHANGED)
				nflags++;
	if (!reserve((void **)&mb->rep_expunged, &mb->rep_expunged_cap, nexp,
		     sizeof(*mb->rep_expunged)) ||
	    !reserve((void **)&mb->rep_flags, &mb->rep_flags_cap, nflags, sizeof(*mb->rep_flags)))
		return false;

	if (nexp > 0) {
		/* Each EXPUNGE renumbers the messages after it (RFC2060 §7.4.1). */
		uint32_t removed = 0, announced = mb->announced;
		for (uint32_t i = 0; i < announced; i++) {
			if (mb->msgs[i].state & MSG_GHOST) {
				mb->rep_expunged[removed] = (struct mbox_expunged){ i + 1 - removed,
										    mb->msgs[i].uid };
				removed++;
			}
		}
		idx_drop_ghosts(mb, 0);
		mb->announced = announced - removed;
		ch.nexpunged = removed;
		ch.expunged = mb->rep_expunged;
	}
	if (mb->kw_changed) {
		ch.flag_names = true;
		mb->kw_changed = false;
	}
	if (mb->count > mb->announced) {
		mb->announced = mb->count;
		ch.new_messages = true;
	}
	ch.exists = mb->announced;
	ch.recent = ch.new_messages ? mbox_recent_count(mb) : 0;
	if (mb->any_changed) {
		mb->any_changed = false;
		for (uint32_t i = 0; i < mb->announced; i++) {
			struct mbox_msg *m = &mb->msgs[i];
			if ((m->state & (MSG_CHANGED | MSG_GHOST)) != MSG_CHANGED)
				continue;
			m->state &= (uint16_t)~MSG_CHANGED;
			mb->rep_flags[ch.nflags++] = (struct mbox_flag_change){ i + 1, m->uid };
		}
		ch.flags = mb->rep_flags;
	}
	*ch_r = ch;
	return true;
}
