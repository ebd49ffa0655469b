/*
 * expunge.c - EXPUNGE and UID EXPUNGE (RFC2060 §6.4.3, RFC4315 §2.1):
 * remove the \Deleted messages of a selected mailbox from its folder.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/maildir.h"
#include "store/sync.h"
#include "util/log.h"
#include "util/uniqname.h"

/* A message on its way out: its index, and the name of its file in the
 * folder's tmp/ (the same file system, so a rename), "<unique>.expunged":
 * our host and pid in it, so that what a crash leaves there is removed
 * at the next SELECT (mdir_clean_tmp), whoever wrote the message. */
struct aside {
	uint32_t i;
	char name[128];
};

static void aside_path(const struct mailbox *mb, const struct aside *a, char *buf, size_t size)
{
	snprintf(buf, size, "%s/tmp/%s", mb->path, a->name);
}

/*
 * The \Deleted messages leave new/ and cur/ for tmp/ first, then their
 * EXPUNGE records are committed, and only then are the files removed.  A
 * message whose file is not in new/ or cur/ is expunged as far as every
 * reader is concerned, so a crash at any point leaves each one either
 * there or expunged; and when the records cannot be written because the
 * disk is failing, the files go back and EXPUNGE answers NO with nothing
 * changed.  A full disk is the exception (see below): the files go, to
 * free the space, and the next scan records their absence.  Removing
 * them first and recording afterwards as the rule would leave the index
 * listing messages whose files are gone.  What a crash leaves in
 * tmp/ is removed at the next SELECT (mdir_clean_tmp, struct aside).
 */
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
	struct aside *moved = calloc(idx_count(mb) > 0 ? idx_count(mb) : 1, sizeof(*moved));
	if (moved == NULL) {
		idx_unlock(mb);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	char path[4096], aside[4096];
	bool io_error = false;
	uint32_t n = 0;
	uint32_t count = idx_count(mb);
	for (uint32_t i = 0; i < count; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if ((m.state & MSG_GHOST) || !(m.upper & MDIR_UPPER('T')))
			continue;
		if (only != NULL && !mbox_seqs_contains(only, i + 1))
			continue;
		struct aside *a = &moved[n];
		a->i = i;
		size_t len = uniq_name(a->name, sizeof(a->name) - 10);
		if (len == 0 || !sync_msg_path(mb, &m, path, sizeof(path)))
			continue;
		memcpy(a->name + len, ".expunged", 10);
		aside_path(mb, a, aside, sizeof(aside));
		if (rename(path, aside) != 0 && errno != ENOENT) {
			log_err("%s: rename %s %s: %s", mb->name, path, aside, strerror(errno));
			io_error = true;
			continue;
		}
		if (m.state & MSG_IN_NEW)
			mb->dirty_new = true;
		else
			mb->dirty_cur = true;
		idx_log_expunge(mb, m.uid);
		/* Expunged in memory too before the commit: a commit that
		 * folds the log into a snapshot writes what memory holds. */
		idx_expunged(mb, i);
		n++;
	}
	struct store_err e2;
	if (!idx_commit(mb, &e2)) {
		/* Nothing recorded: every message back in the view as the
		 * log has it (idx_expunged() only marked it).  With the disk
		 * full the files go all the same, since freeing space is what
		 * the user expunges for: the next scan, ours or another
		 * process's, finds them gone (idx_commit() left cur/ unread)
		 * and reports and logs the expunges once the log has room.
		 * Any other failure puts every file back and answers NO. */
		bool nospace = e2.code == STORE_ERR_NOSPACE;
		if (nospace)
			log_warn("%s: expunges not logged: %s", mb->name, e2.text);
		for (uint32_t k = 0; k < n; k++) {
			struct mbox_msg *m = idx_edit(mb, moved[k].i);
			if (m == NULL)
				continue;
			if (m->state & MSG_GHOST) {
				m->state &= (uint16_t)~MSG_GHOST;
				mb->ghosts--;
			}
			aside_path(mb, &moved[k], aside, sizeof(aside));
			if (nospace) {
				if (unlink(aside) != 0 && errno != ENOENT)
					log_warn("%s: unlink %s: %s", mb->name, aside, strerror(errno));
			} else if (sync_msg_path(mb, m, path, sizeof(path)) && rename(aside, path) != 0 &&
				   errno != ENOENT) {
				log_err("%s: rename %s back: %s", mb->name, aside, strerror(errno));
			}
		}
		free(moved);
		idx_unlock(mb);
		if (nospace && !io_error)
			return true;
		if (nospace)
			return store_fail(err, STORE_ERR_IO, "Some messages could not be removed");
		*err = e2;
		return false;
	}
	for (uint32_t k = 0; k < n; k++) {
		aside_path(mb, &moved[k], aside, sizeof(aside));
		if (unlink(aside) != 0 && errno != ENOENT)
			log_warn("%s: unlink %s: %s", mb->name, aside, strerror(errno));
	}
	free(moved);
	idx_drop_ghosts(mb, mb->announced);
	idx_unlock(mb);
	if (io_error)
		return store_fail(err, STORE_ERR_IO, "Some messages could not be removed");
	return true;
}
