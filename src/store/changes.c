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

/* ---- EXPUNGE ---------------------------------------------------------------------- */

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
	for (uint32_t i = 0; i < mb->count; i++) {
		struct mbox_msg *m = &mb->msgs[i];
		if ((m->state & MSG_GHOST) || !(m->upper & MDIR_UPPER('T')))
			continue;
		if (only != NULL && !mbox_seqs_contains(only, i + 1))
			continue;
		if (!sync_msg_path(mb, m, path, sizeof(path)))
			continue;
		if (unlink(path) != 0 && errno != ENOENT) {
			log_err("%s: unlink %s: %s", mb->name, path, strerror(errno));
			io_error = true;
			continue;
		}
		if (m->state & MSG_IN_NEW)
			mb->dirty_new = true;
		else
			mb->dirty_cur = true;
		idx_log_expunge(mb, m->uid);
		idx_expunged(mb, i);
	}
	idx_drop_ghosts(mb, mb->announced);
	bool ok = idx_commit(mb, err);
	idx_unlock(mb);
	if (ok && io_error)
		return store_fail(err, STORE_ERR_IO, "Some messages could not be removed");
	return ok;
}

/* ---- COPY ------------------------------------------------------------------------------ */

struct copy_item {
	char base[MDIR_NAME_MAX + 1];  /* its file in the target's tmp/ */
	uint32_t upper, lower; /* flags in the target's keyword slots */
	int64_t date;
	int16_t tzoff;
	uint64_t size;
};

/* Copy src to dst by content (when a hard link is not possible). */
static bool copy_file(const char *src, const char *dst, int64_t date)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return false;
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		close(in);
		return false;
	}
	char buf[65536];
	bool ok = true;
	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ok = false;
			break;
		}
		if (n == 0)
			break;
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				ok = false;
				break;
			}
			off += w;
		}
		if (!ok)
			break;
	}
	struct timeval tv[2] = { { (time_t)date, 0 }, { (time_t)date, 0 } };
	ok = ok && fsync(out) == 0 && futimes(out, tv) == 0;
	int e = errno;
	close(in);
	close(out);
	if (!ok)
		unlink(dst);
	errno = e;
	return ok;
}

static void tmp_path(const struct mailbox *dst, const struct copy_item *c, char *buf, size_t size)
{
	snprintf(buf, size, "%s/tmp/%s", dst->path, c->base);
}

static void copy_cleanup(const struct mailbox *dst, struct copy_item *items, size_t n)
{
	char path[4096];
	for (size_t k = 0; k < n; k++) {
		tmp_path(dst, &items[k], path, sizeof(path));
		unlink(path);
	}
	free(items);
}

bool mbox_copy(struct mailbox *mb, struct mbox_seqs *seqs, const char *dest,
	       struct mbox_copy_result *res_r, struct store_err *err)
{
	struct mailbox *dst = NULL;
	if (!mbox_open_internal(mb->store, dest, false, false, &dst, err)) {
		if (err->code == STORE_ERR_NOTFOUND)
			return store_fail(err, STORE_ERR_TRYCREATE, "Mailbox %s does not exist", dest);
		return false;
	}
	/* Keyword names of the source become slots of the target. */
	uint32_t used = 0;
	struct mbox_seqs it = *seqs;
	it.i_ = 0;
	it.next_ = it.n > 0 ? it.r[0].lo : 0;
	uint32_t seq;
	size_t n = 0;
	while (mbox_seqs_next(&it, &seq)) {
		used |= mb->msgs[seq - 1].lower;
		n++;
	}
	int map[MBOX_KEYWORD_SLOTS];
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++) {
		map[i] = -1;
		if (!(used & (UINT32_C(1) << i)) || mb->kw[i] == NULL)
			continue;
		const char *name = mb->kw[i];
		uint32_t mask;
		if (!mbox_keywords_lookup(dst, &name, 1, true, &mask, err)) {
			mbox_close(&dst);
			return false;
		}
		for (int b = 0; b < MBOX_KEYWORD_SLOTS; b++)
			if (mask & (UINT32_C(1) << b))
				map[i] = b;
	}
	struct copy_item *items = calloc(n > 0 ? n : 1, sizeof(*items));
	if (items == NULL) {
		mbox_close(&dst);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	/* Every file into the target's tmp/ first: all or nothing. */
	size_t done = 0;
	it.i_ = 0;
	it.next_ = it.n > 0 ? it.r[0].lo : 0;
	bool ok = true;
	while (ok && mbox_seqs_next(&it, &seq)) {
		struct copy_item *c = &items[done];
		char src[4096];
		struct stat st;
		bool found = false;
		for (int attempt = 0; attempt < 2 && !found; attempt++) {
			const struct mbox_msg *m = &mb->msgs[seq - 1];
			if (m->state & MSG_GHOST)
				break;
			if (sync_msg_path(mb, m, src, sizeof(src)) && stat(src, &st) == 0) {
				found = true;
				break;
			}
			struct store_err e2;
			if (attempt == 0 && !sync_full(mb, true, &e2))
				break;
		}
		if (!found) {
			ok = store_fail(err, STORE_ERR_EXPUNGED, "Message %u no longer exists", seq);
			break;
		}
		const struct mbox_msg *m = &mb->msgs[seq - 1];
		char tmp[4096];
		if (mdir_unique_base((uint64_t)st.st_size, m->size, c->base, sizeof(c->base)) == 0 ||
		    snprintf(tmp, sizeof(tmp), "%s/tmp/%s", dst->path, c->base) >= (int)sizeof(tmp)) {
			ok = store_fail(err, STORE_ERR_IO, "File name too long");
			break;
		}
		/* A hard link shares the file and its mtime (INTERNALDATE). */
		if (link(src, tmp) != 0 && !copy_file(src, tmp, m->date)) {
			log_err("copy %s to %s: %s", src, tmp, strerror(errno));
			ok = store_fail(err, errno == ENOENT ? STORE_ERR_EXPUNGED : STORE_ERR_IO,
					"Cannot copy message %u", seq);
			break;
		}
		done++;
		c->upper = m->upper;
		c->lower = 0;
		for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
			if ((m->lower & (UINT32_C(1) << i)) && map[i] >= 0)
				c->lower |= UINT32_C(1) << map[i];
		c->date = m->date;
		c->tzoff = m->tzoff;
		c->size = m->size;
	}
	if (!ok) {
		copy_cleanup(dst, items, done);
		mbox_close(&dst);
		return false;
	}
	ok = idx_lock(dst, err);
	if (ok && !sync_locked(dst, false, err)) {
		idx_unlock(dst);
		ok = false;
	}
	if (!ok) {
		copy_cleanup(dst, items, done);
		mbox_close(&dst);
		return false;
	}
	/* Deliver them all; if one fails, take back the ones delivered. */
	size_t mark = dst->log_out.len;
	uint32_t count0 = dst->count, uidnext0 = dst->uidnext;
	size_t k;
	for (k = 0; k < done; k++) {
		struct copy_item *c = &items[k];
		uint32_t uid;
		char tmp[4096];
		tmp_path(dst, c, tmp, sizeof(tmp));
		if (!store_deliver_locked(dst, tmp, c->upper, c->lower, c->date, c->tzoff, c->size,
					  c->size, &uid, err))
			break;
	}
	if (k < done) {
		char path[4096];
		for (uint32_t i = count0; i < dst->count; i++)
			if (sync_msg_path(dst, &dst->msgs[i], path, sizeof(path)))
				unlink(path);
		for (uint32_t i = count0; i < dst->count; i++)
			if (dst->msgs[i].state & MSG_NAME_OWNED)
				free(dst->msgs[i].name);
		dst->count = count0;
		dst->uidnext = uidnext0;
		dst->log_out.len = mark;
		for (size_t j = k; j < done; j++) {
			tmp_path(dst, &items[j], path, sizeof(path));
			unlink(path);
		}
		idx_commit(dst, &(struct store_err){ 0 });
		idx_unlock(dst);
		free(items);
		mbox_close(&dst);
		return false;
	}
	ok = idx_commit(dst, err);
	/* Delivered in order under the lock: consecutive UIDs (COPYUID). */
	if (res_r != NULL) {
		res_r->uidvalidity = dst->uidvalidity;
		res_r->first_uid = uidnext0;
		res_r->count = (uint32_t)done;
	}
	idx_unlock(dst);
	free(items);
	mbox_close(&dst);
	return ok;
}
