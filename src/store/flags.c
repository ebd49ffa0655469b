/*
 * flags.c - changing the flags of messages of a selected mailbox: STORE
 * and the implicit \Seen of FETCH (RFC2060 §6.4.6, §6.4.5).
 *
 * A flag change renames the message file (the letters after ":2,") and
 * appends an index record, under the folder lock, after the view has
 * taken in what others did; the queued change is applied to the flags as
 * they are on disk then, so two sessions adding different flags both win.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/maildir.h"
#include "store/sync.h"
#include "util/log.h"

/*
 * changes.c - changing a selected mailbox: flags (STORE and the implicit
 * \Seen of FETCH), EXPUNGE and COPY (RFC2060 §6.4.3, §6.4.6, §6.4.7).
 *
 * A flag change renames the message file (the letters after ":2,") and
 * appends an index record, under the folder lock, after the view has
 * taken in what others did; the queued change is applied to the flags as
 * they are on disk then, so two sessions adding different flags both win.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "store/maildir.h"
#include "store/store_int.h"
#include "util/log.h"

/* ---- flags -------------------------------------------------------------- */

static void apply_op(enum imap_store_op op, uint32_t upper_bits, uint32_t lower_bits,
		     const struct mailbox *mb, uint32_t *upper, uint32_t *lower)
{
	switch (op) {
	case IMAP_STORE_REPLACE: {
		/* Letters that are no IMAP flag (P "passed") and keyword
		 * slots without a name are not the client's to clear. */
		uint32_t hidden = 0;
		for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
			if (mb->kw[i] == NULL)
				hidden |= UINT32_C(1) << i;
		*upper = (*upper & ~MDIR_SYSLETTERS) | upper_bits;
		*lower = (*lower & hidden) | lower_bits;
		break;
	}
	case IMAP_STORE_ADD:
		*upper |= upper_bits;
		*lower |= lower_bits;
		break;
	case IMAP_STORE_REMOVE:
		*upper &= ~upper_bits;
		*lower &= ~lower_bits;
		break;
	}
}

bool mbox_flags_change(struct mailbox *mb, uint32_t seq, enum imap_store_op op, unsigned sysflags,
		       uint32_t keywords)
{
	if (mb->readonly || seq == 0 || seq > mb->announced)
		return false;
	struct mbox_msg *m = &mb->msgs[seq - 1];
	if (m->state & MSG_GHOST)
		return false;
	if (mb->nops == mb->capops) {
		size_t cap = mb->capops < 16 ? 16 : mb->capops * 2;
		struct flag_op *n = realloc(mb->ops, cap * sizeof(*n));
		if (n == NULL)
			return false;
		mb->ops = n;
		mb->capops = cap;
	}
	uint32_t ub = mdir_sysflags_to_upper(sysflags);
	mb->ops[mb->nops++] = (struct flag_op){ .uid = m->uid, .op = op, .upper = ub, .lower = keywords };
	apply_op(op, ub, keywords, mb, &m->upper, &m->lower);
	return true;
}

/* Rename msgs[i]'s file for letters (upper, lower); false with errno. */
static bool rename_msg(struct mailbox *mb, uint32_t i, uint32_t upper, uint32_t lower)
{
	struct mbox_msg *m = &mb->msgs[i];
	char name[MDIR_NAME_MAX + 1], from[4096], to[4096];
	size_t nlen = mdir_make_name(m->name, mdir_base_len(m->name), upper, lower, name, sizeof(name));
	if (nlen == 0) {
		errno = ENAMETOOLONG;
		return false;
	}
	bool in_new = (m->state & MSG_IN_NEW) != 0;
	if (!in_new && strcmp(name, m->name) == 0)
		return true;
	if (!sync_msg_path(mb, m, from, sizeof(from)) ||
	    snprintf(to, sizeof(to), "%s/cur/%s", mb->path, name) >= (int)sizeof(to)) {
		errno = ENAMETOOLONG;
		return false;
	}
	if (rename(from, to) != 0)
		return false;
	if (!idx_set_name(m, name, nlen))
		return false;
	m->state &= (uint16_t)~MSG_IN_NEW;
	mb->dirty_cur = true;
	if (in_new)
		mb->dirty_new = true;
	return true;
}

bool mbox_flags_commit(struct mailbox *mb, struct store_err *err)
{
	if (mb->nops == 0)
		return true;
	if (!idx_lock(mb, err))
		return false;
	if (!sync_locked(mb, false, err)) {
		mb->nops = 0;
		idx_unlock(mb);
		return false;
	}
	size_t failed = 0;
	bool io_error = false;
	size_t nops = mb->nops;
	mb->nops = 0;  /* from here the view follows the disk */
	for (size_t k = 0; k < nops; k++) {
		const struct flag_op *op = &mb->ops[k];
		for (int attempt = 0; attempt < 2; attempt++) {
			long i = idx_find(mb, op->uid);
			if (i < 0 || (mb->msgs[i].state & MSG_GHOST)) {
				failed++;
				break;
			}
			struct mbox_msg *m = &mb->msgs[i];
			uint32_t upper, lower, old_upper, old_lower;
			mdir_parse_info(m->name, &old_upper, &old_lower);
			upper = old_upper;
			lower = old_lower;
			apply_op(op->op, op->upper, op->lower, mb, &upper, &lower);
			if (upper == old_upper && lower == old_lower && !(m->state & MSG_IN_NEW)) {
				m->upper = upper;
				m->lower = lower;
				break;
			}
			if (rename_msg(mb, (uint32_t)i, upper, lower)) {
				m->upper = upper;
				m->lower = lower;
				idx_log_update(mb, m);
				break;
			}
			if (errno != ENOENT || attempt > 0) {
				if (errno != ENOENT) {
					log_err("%s: renaming %s: %s", mb->name, m->name, strerror(errno));
					io_error = true;
				}
				/* The view keeps what the disk says. */
				mdir_parse_info(m->name, &m->upper, &m->lower);
				failed++;
				break;
			}
			/* Renamed or removed by someone else: look again. */
			if (!sync_locked(mb, true, err)) {
				failed++;
				io_error = true;
				break;
			}
		}
	}
	bool ok = idx_commit(mb, err);
	idx_unlock(mb);
	if (!ok)
		return false;
	if (io_error)
		return store_fail(err, STORE_ERR_IO, "Cannot change the flags of some messages");
	if (failed > 0)
		return store_fail(err, STORE_ERR_EXPUNGED, "Some of the messages no longer exist");
	return true;
}
