/*
 * report.c - what changed in a view since the client was last told
 * (see mbox_changes_take in mailbox.h).  The store only hands the changes
 * out as data; cmd/ decides when they may be sent and writes them.
 */
#include <stdlib.h>

#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/store_int.h"
#include "store/sync.h"
#include "util/log.h"

bool mbox_sync(struct mailbox *mb)
{
	struct store_err err;
	mb->sync_count++;
	if (mb->synced_now) {
		/* Opened a moment ago, in this command: nothing can be due. */
		mb->synced_now = false;
		return !mb->gone;
	}
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
	/* Find them first (O(changes)), so that running out of memory
	 * changes nothing. */
	uint32_t *gpos = NULL, *cpos = NULL;
	size_t nexp = 0, nflags = 0;
	if (expunge_ok && mb->ghosts > 0)
		nexp = idx_marked(mb, MSG_GHOST, mb->announced, &gpos);
	if (mb->any_changed)
		nflags = idx_marked(mb, MSG_CHANGED, mb->announced, &cpos);
	if (nexp == SIZE_MAX || nflags == SIZE_MAX ||
	    !reserve((void **)&mb->rep_expunged, &mb->rep_expunged_cap, (uint32_t)nexp,
		     sizeof(*mb->rep_expunged)) ||
	    !reserve((void **)&mb->rep_flags, &mb->rep_flags_cap, (uint32_t)nflags,
		     sizeof(*mb->rep_flags))) {
		free(gpos);
		free(cpos);
		return false;
	}
	/* The changed ones after the expunges are numbered as they will be. */
	size_t g = 0;
	for (size_t k = 0; k < nflags; k++) {
		while (g < nexp && gpos[g] < cpos[k])
			g++;
		struct mbox_msg m = idx_at(mb, cpos[k]);
		if (m.state & MSG_GHOST)
			continue;
		/* Changed back to what the client knows: nothing to say. */
		if (m.upper != m.told_upper || m.lower != m.told_lower)
			mb->rep_flags[ch.nflags++] = (struct mbox_flag_change){
				cpos[k] + 1 - (uint32_t)g, m.uid, m.modseq };
		struct mbox_msg *e = idx_edit(mb, cpos[k]);
		if (e != NULL)
			e->state &= (uint16_t)~MSG_CHANGED;
	}
	if (ch.nflags > 0)
		ch.flags = mb->rep_flags;
	if (mb->any_changed)
		mb->any_changed = false;
	if (nexp > 0) {
		/* Each EXPUNGE renumbers the messages after it (RFC2060 §7.4.1). */
		for (size_t k = 0; k < nexp; k++) {
			struct mbox_msg m = idx_at(mb, gpos[k]);
			mb->rep_expunged[k] = (struct mbox_expunged){ gpos[k] + 1 - (uint32_t)k, m.uid };
		}
		uint32_t announced = mb->announced;
		idx_drop_ghosts(mb, 0);
		mb->announced = announced - (uint32_t)nexp;
		ch.nexpunged = (uint32_t)nexp;
		ch.expunged = mb->rep_expunged;
	}
	free(gpos);
	free(cpos);
	if (mb->kw_changed) {
		ch.flag_names = true;
		mb->kw_changed = false;
	}
	uint32_t count = idx_count(mb);
	if (count > mb->announced) {
		mb->announced = count;
		ch.new_messages = true;
	}
	ch.exists = mb->announced;
	ch.recent = ch.new_messages ? mbox_recent_count(mb) : 0;
	/* Everything up to HIGHESTMODSEQ is handed out now, unless expunges
	 * had to wait (RFC7162 §3.2.10: they are changes too). */
	if (mb->ghosts == 0 || expunge_ok)
		mb->told_modseq = mb->highestmodseq;
	ch.highestmodseq = mb->told_modseq;
	*ch_r = ch;
	/* Expunged messages no longer in the view: move onto a newer
	 * snapshot if one waits. */
	if (mb->rebase_wanted && mb->ghosts == 0) {
		struct store_err err;
		if (idx_lock(mb, &err)) {
			if (idx_replay(mb, &err))
				idx_drop_ghosts(mb, mb->announced);
			idx_unlock(mb);
		}
	}
	return true;
}
