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

/* The list of conditional changes left alone starts again with the
 * first change after a commit. */
static void modified_reset(struct mailbox *mb)
{
	if (mb->nops == 0 && mb->modified_stale) {
		mb->nmodified = 0;
		mb->modified_stale = false;
	}
}

static void modified_add(struct mailbox *mb, uint32_t uid)
{
	if (mb->nmodified == mb->capmodified) {
		uint32_t cap = mb->capmodified < 16 ? 16 : mb->capmodified * 2;
		uint32_t *n = realloc(mb->modified, cap * sizeof(*n));
		if (n == NULL)
			return;
		mb->modified = n;
		mb->capmodified = cap;
	}
	mb->modified[mb->nmodified++] = uid;
}

static int cmp_uid(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

bool mbox_flags_change_unless(struct mailbox *mb, uint32_t seq, enum imap_store_op op,
			      unsigned sysflags, uint32_t keywords, uint64_t unchangedsince)
{
	if (mb->readonly || seq == 0 || seq > mb->announced)
		return false;
	modified_reset(mb);
	struct mbox_msg m = idx_at(mb, seq - 1);
	if (m.state & MSG_GHOST)
		return false;
	if (unchangedsince != 0 && m.modseq > unchangedsince) {
		/* RFC7162 §3.1.3: changed since; left alone, reported MODIFIED. */
		modified_add(mb, m.uid);
		return false;
	}
	if (mb->nops == mb->capops) {
		size_t cap = mb->capops < 16 ? 16 : mb->capops * 2;
		struct flag_op *n = realloc(mb->ops, cap * sizeof(*n));
		if (n == NULL)
			return false;
		mb->ops = n;
		mb->capops = cap;
	}
	uint32_t ub = mdir_sysflags_to_upper(sysflags);
	mb->ops[mb->nops++] = (struct flag_op){ .uid = m.uid, .op = op, .upper = ub, .lower = keywords,
						.unchangedsince = unchangedsince };
	/* The view shows an unconditional change at once (a FETCH that sets
	 * \Seen answers with it); a conditional one only once made. */
	if (unchangedsince == 0) {
		struct mbox_msg *e = idx_edit(mb, seq - 1);
		if (e != NULL)
			apply_op(op, ub, keywords, mb, &e->upper, &e->lower);
	}
	return true;
}

bool mbox_flags_change(struct mailbox *mb, uint32_t seq, enum imap_store_op op, unsigned sysflags,
		       uint32_t keywords)
{
	return mbox_flags_change_unless(mb, seq, op, sysflags, keywords, 0);
}

size_t mbox_flags_modified(const struct mailbox *mb, const uint32_t **uids_r)
{
	*uids_r = mb->modified;
	return mb->nmodified;
}

/* Rename the file of the message at pos for letters (upper, lower);
 * false with errno. */
static bool rename_msg(struct mailbox *mb, uint32_t pos, uint32_t upper, uint32_t lower)
{
	struct mbox_msg cur = idx_at(mb, pos);
	char name[MDIR_NAME_MAX + 1], from[4096], to[4096];
	size_t nlen = mdir_make_name(cur.name, mdir_base_len(cur.name), upper, lower, name, sizeof(name));
	if (nlen == 0) {
		errno = ENAMETOOLONG;
		return false;
	}
	bool in_new = (cur.state & MSG_IN_NEW) != 0;
	if (!in_new && strcmp(name, cur.name) == 0)
		return true;
	if (!sync_msg_path(mb, &cur, from, sizeof(from)) ||
	    snprintf(to, sizeof(to), "%s/cur/%s", mb->path, name) >= (int)sizeof(to)) {
		errno = ENAMETOOLONG;
		return false;
	}
	if (rename(from, to) != 0)
		return false;
	struct mbox_msg *e = idx_edit(mb, pos);
	if (e == NULL || !idx_set_name(mb, e, name, nlen)) {
		errno = ENOMEM;
		return false;
	}
	e->state &= (uint16_t)~MSG_IN_NEW;
	mb->dirty_cur = true;
	if (in_new)
		mb->dirty_new = true;
	return true;
}

bool mbox_flags_commit(struct mailbox *mb, struct store_err *err)
{
	if (mb->nops == 0) {
		mb->modified_stale = true;
		return true;
	}
	if (!idx_lock(mb, err))
		return false;
	if (!sync_locked(mb, false, err)) {
		mb->nops = 0;
		idx_unlock(mb);
		return false;
	}
	/* mail_fsync: optimized spares only our own flag records the wait:
	 * what the sync took in (new UIDs, expunges) is synced as always, so
	 * that no UID a client saw can be handed out again after a power loss. */
	bool nosync = mb->store->flags_nosync && mb->log_out.len == 0 && !mb->bulk;
	size_t failed = 0;
	bool io_error = false;
	size_t nops = mb->nops;
	mb->nops = 0;  /* from here the view follows the disk */
	/* What each renamed message had, for a commit that fails (below). */
	struct undo {
		uint32_t uid, upper, lower;
		uint64_t modseq;
	} *undo = calloc(nops, sizeof(*undo));
	size_t nundo = 0;
	for (size_t k = 0; k < nops; k++) {
		const struct flag_op *op = &mb->ops[k];
		for (int attempt = 0; attempt < 2; attempt++) {
			long i = idx_find(mb, op->uid);
			struct mbox_msg cur;
			if (i < 0 || ((cur = idx_at(mb, (uint32_t)i)).state & MSG_GHOST)) {
				failed++;
				break;
			}
			if (op->unchangedsince != 0 && cur.modseq > op->unchangedsince) {
				modified_add(mb, op->uid);
				break;
			}
			uint32_t upper, lower, old_upper, old_lower;
			mdir_parse_info(cur.name, &old_upper, &old_lower);
			upper = old_upper;
			lower = old_lower;
			apply_op(op->op, op->upper, op->lower, mb, &upper, &lower);
			if (upper == old_upper && lower == old_lower && !(cur.state & MSG_IN_NEW)) {
				/* Nothing changes on disk: no new MODSEQ (RFC7162 §3.1). */
				struct mbox_msg *e = idx_edit(mb, (uint32_t)i);
				if (e != NULL) {
					e->upper = upper;
					e->lower = lower;
				}
				break;
			}
			if (rename_msg(mb, (uint32_t)i, upper, lower)) {
				struct mbox_msg *e = idx_edit(mb, (uint32_t)i);
				if (e != NULL && undo != NULL)
					undo[nundo++] = (struct undo){ e->uid, e->upper, e->lower, e->modseq };
				if (e != NULL) {
					if (upper != old_upper || lower != old_lower)
						e->modseq = idx_next_modseq(mb);
					e->upper = upper;
					e->lower = lower;
					idx_log_update(mb, e);
				}
				break;
			}
			if (errno != ENOENT || attempt > 0) {
				if (errno != ENOENT) {
					log_err("%s: renaming %s: %s", mb->name, cur.name, strerror(errno));
					io_error = true;
				}
				/* The view keeps what the disk says. */
				struct mbox_msg *e = idx_edit(mb, (uint32_t)i);
				if (e != NULL)
					mdir_parse_info(e->name, &e->upper, &e->lower);
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
	if (mb->nmodified > 1)
		qsort(mb->modified, mb->nmodified, sizeof(*mb->modified), cmp_uid);
	mb->modified_stale = true;
	struct store_err e2;
	mb->commit_nosync = nosync && !mb->bulk;
	bool committed = idx_commit(mb, &e2);
	mb->commit_nosync = false;
	if (!committed) {
		/* The renames are done: the flags are on disk, where the next
		 * scan finds them (idx_commit() left cur/'s mtime unread).
		 * This view must find them too, so it goes back to what the
		 * log says: otherwise its rescan would see nothing new and a
		 * later commit would record cur/ as read without them. */
		log_warn("%s: flag changes not logged: %s", mb->name, e2.text);
		for (size_t k = 0; k < nundo; k++) {
			long i = idx_find(mb, undo[k].uid);
			struct mbox_msg *e = i >= 0 ? idx_edit(mb, (uint32_t)i) : NULL;
			if (e != NULL) {
				e->upper = undo[k].upper;
				e->lower = undo[k].lower;
				e->modseq = undo[k].modseq;
			}
		}
	}
	free(undo);
	idx_unlock(mb);
	if (io_error)
		return store_fail(err, STORE_ERR_IO, "Cannot change the flags of some messages");
	if (failed > 0)
		return store_fail(err, STORE_ERR_EXPUNGED, "Some of the messages no longer exist");
	return true;
}
