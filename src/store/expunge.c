/*
 * expunge.c - EXPUNGE and UID EXPUNGE (RFC2060 §6.4.3, RFC4315 §2.1):
 * remove the \Deleted messages of a selected mailbox from its folder.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/maildir.h"
#include "store/sync.h"
#include "util/log.h"

bool mbox_expunge(struct mailbox *mb, const struct mbox_seqs *only, struct store_err *err)
{
	if (mb->readonly)
		return store_fail(err, STORE_ERR_READONLY, "Mailbox is read-only");
	if (!mbox_flags_commit(mb, err) && err->code != STORE_ERR_EXPUNGED)
		return false;
	if (!idx_lock(mb, err))
		return false;
	if (!sync_locked(mb, false, err)) {
		idx_unlock(mb);
		return false;
	}
	char path[4096];
	bool io_error = false;
	uint32_t count = idx_count(mb);
	for (uint32_t i = 0; i < count; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if ((m.state & MSG_GHOST) || !(m.upper & MDIR_UPPER('T')))
			continue;
		if (only != NULL && !mbox_seqs_contains(only, i + 1))
			continue;
		if (!sync_msg_path(mb, &m, path, sizeof(path)))
			continue;
		if (unlink(path) != 0 && errno != ENOENT) {
			log_err("%s: unlink %s: %s", mb->name, path, strerror(errno));
			io_error = true;
			continue;
		}
		if (m.state & MSG_IN_NEW)
			mb->dirty_new = true;
		else
			mb->dirty_cur = true;
		idx_log_expunge(mb, m.uid);
		idx_expunged(mb, i);
	}
	idx_drop_ghosts(mb, mb->announced);
	struct store_err e2;
	if (!idx_commit(mb, &e2)) {
		/* The files are gone (space is freed, which is what a full
		 * disk needs); other processes find that by their next scan. */
		log_warn("%s: expunges not logged: %s", mb->name, e2.text);
	}
	idx_unlock(mb);
	if (io_error)
		return store_fail(err, STORE_ERR_IO, "Some messages could not be removed");
	return true;
}
