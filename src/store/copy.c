/*
 * copy.c - COPY (RFC2060 §6.4.7): messages of the selected mailbox into
 * another, with their flags, keywords and internal dates; all or
 * nothing, and the copies get consecutive UIDs (COPYUID, RFC4315 §3).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "store/deliver.h"
#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/sync.h"
#include "util/fd.h"
#include "util/log.h"

struct copy_item {
	char base[MDIR_NAME_MAX + 1];  /* its file in the target's tmp/ */
	uint32_t upper, lower; /* flags in the target's keyword slots */
	int64_t date;
	int16_t tzoff;
	uint64_t size;
};

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
		used |= idx_at(mb, seq - 1).lower;
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
			struct mbox_msg cur = idx_at(mb, seq - 1);
			if (cur.state & MSG_GHOST)
				break;
			if (sync_msg_path(mb, &cur, src, sizeof(src)) && stat(src, &st) == 0) {
				found = true;
				break;
			}
			struct store_err e2;
			if (attempt == 0 && !sync_full(mb, true, &e2))
				break;
		}
		/* The copy keeps the size and internal date (worked out now if
		 * the index does not know them yet). */
		if (!found || !mbox_msg_prepare(mb, seq)) {
			ok = store_fail(err, STORE_ERR_EXPUNGED, "Message %u no longer exists", seq);
			break;
		}
		struct mbox_msg msg = idx_at(mb, seq - 1);
		const struct mbox_msg *m = &msg;
		char tmp[4096];
		if (mdir_unique_base((uint64_t)st.st_size, m->size, c->base, sizeof(c->base)) == 0 ||
		    snprintf(tmp, sizeof(tmp), "%s/tmp/%s", dst->path, c->base) >= (int)sizeof(tmp)) {
			ok = store_fail(err, STORE_ERR_IO, "File name too long");
			break;
		}
		/* A hard link shares the file and its mtime (INTERNALDATE). */
		if (link(src, tmp) != 0 && !mdir_copy_file(src, tmp, m->date)) {
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
	uint32_t count0 = idx_count(dst), uidnext0 = dst->uidnext;
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
	/* A commit that fails takes the copies back like a delivery that
	 * fails: RFC3501 §6.4.7, the target as it was. */
	/* The copies' paths first: a commit that fails takes their
	 * records back (idx_log.c), and with them the names. */
	char **added = NULL;
	uint32_t nadded = 0;
	if (k == done) {
		uint32_t count1 = idx_count(dst);
		added = calloc(count1 > count0 ? count1 - count0 : 1, sizeof(*added));
		char p[4096];
		for (uint32_t i = count0; added != NULL && i < count1; i++) {
			struct mbox_msg cm = idx_at(dst, i);
			if (sync_msg_path(dst, &cm, p, sizeof(p)) && (added[nadded] = strdup(p)) != NULL)
				nadded++;
		}
		if (!idx_commit(dst, err))
			k = 0;
	}
	if (k < done) {
		char path[4096];
		uint32_t count1 = idx_count(dst);
		for (uint32_t i = 0; i < nadded; i++)
			unlink(added[i]);
		for (uint32_t i = count0; nadded == 0 && i < count1; i++) {
			struct mbox_msg cm = idx_at(dst, i);
			if (sync_msg_path(dst, &cm, path, sizeof(path)))
				unlink(path);
		}
		idx_truncate(dst, count0);
		dst->uidnext = uidnext0;
		if (!dst->bulk)  /* in bulk, the snapshot is written from the view */
			dst->log_out.len = mark;
		for (size_t j = k; j < done; j++) {
			tmp_path(dst, &items[j], path, sizeof(path));
			unlink(path);
		}
		idx_commit(dst, &(struct store_err){ 0 });
		idx_unlock(dst);
		for (uint32_t i = 0; i < nadded; i++)
			free(added[i]);
		free(added);
		free(items);
		mbox_close(&dst);
		return false;
	}
	/* Delivered in order under the lock: consecutive UIDs (COPYUID). */
	if (res_r != NULL) {
		res_r->uidvalidity = dst->uidvalidity;
		res_r->first_uid = uidnext0;
		res_r->count = (uint32_t)done;
	}
	idx_unlock(dst);
	for (uint32_t i = 0; i < nadded; i++)
		free(added[i]);
	free(added);
	free(items);
	mbox_close(&dst);
	return ok;
}
