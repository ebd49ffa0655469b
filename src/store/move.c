/*
 * move.c - MOVE (RFC6851): messages of the selected mailbox into another
 * one, each message either moved or left as it was, never lost and never
 * in both mailboxes (RFC6851 §3.3), also when the process is killed at
 * any instruction.
 *
 * How a kill -9 at any point is survived:
 *
 * 1. Same file system (the usual case): each file is rename(2)d from the
 *    source's new/ or cur/ straight into the target's, under a fresh base
 *    name.  A rename is atomic, so at every instant the file is in exactly
 *    one folder.  Both folders' index locks are held (taken in path order,
 *    so two MOVEs in opposite directions cannot deadlock).  Then the
 *    target's index records (ADD, with the UIDs COPYUID reports) are
 *    written and fdatasynced, then the source's EXPUNGE records, and only
 *    then is the client answered.  Killed before the target's records are
 *    down, the target finds the files at its next scan (its cur/ or new/
 *    mtime moved) and numbers them then, and the source finds them gone
 *    (its mtime moved too) and expunges them: no UID was shown to anyone,
 *    so none is taken back.  Killed between the two commits, the same
 *    holds for the source.
 *
 * 2. Another file system (a folder that is a mount point or a symlink):
 *    rename(2) says EXDEV, and the rest of the messages are copied
 *    instead.  A copy cannot appear in one folder and vanish from the
 *    other at once, so a journal (store/movelog.c) is written first,
 *    naming each message's source file and its future name in the target,
 *    and kept locked while the move runs.  Then each message is copied
 *    into the target's tmp/ (fsynced, INTERNALDATE kept) and renamed into
 *    its new/ or cur/; the target's records are committed; the sources are
 *    unlinked and their EXPUNGE records committed; the journal is removed.
 *    The copy in the target comes first, so a kill leaves at worst a
 *    message in both folders, never in none; the next open of the mail
 *    root or of a mailbox (store_moves_resolve) finds the journal unlocked
 *    and finishes it: a message whose copy reached the target's new/ or
 *    cur/ is removed from the source, one whose copy did not loses the
 *    copy in tmp/.  Until then the duplicate is visible, and only then.
 *
 * 3. Into the selected mailbox itself (RFC6851 §3.3 allows it): each file
 *    is renamed within the folder to a fresh base, which is atomic, and
 *    the new UID's ADD and the old UID's EXPUNGE are committed together.
 *    Killed before that, the scan sees the old name gone and the new one
 *    arrive: the same as case 1.
 *
 * A failure before the target's records are committed (a file renamed
 * away by another mail reader, an I/O error) undoes what was done, so a
 * failed MOVE leaves every message where it was (RFC6851 §3.3 SHOULD).
 * fault_point() marks the steps for the crash tests (tests/unit/
 * test_store_move.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/deliver.h"
#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/movelog.h"
#include "store/sync.h"
#include "util/fault.h"
#include "util/log.h"
#include "util/sbuf.h"

/* How a message went (or is going) to the target. */
enum move_how {
	MOVE_PENDING,      /* not yet touched */
	MOVE_RENAMED,      /* rename(2) into the target's new/ or cur/ */
	MOVE_COPIED,       /* copied into the target's tmp/ */
	MOVE_DELIVERED,    /* copied and renamed into the target's new/ or cur/ */
};

struct move_item {
	uint32_t idx;      /* its position in the source's view (idx_at) */
	uint32_t uid;      /* in the source */
	uint64_t fsize;    /* the file's size (for ,S=) */
	uint32_t upper, lower;  /* flags, keywords in the target's slots */
	char *name;        /* its file name in the target's new/ or cur/ */
	bool in_new;
	uint16_t changed;  /* its MSG_CHANGED bit (idx_expunged() clears it) */
	enum move_how how;
};

struct move {
	struct mailbox *src, *dst;   /* dst == src: into the same folder */
	struct move_item *items;
	size_t n;
	struct arena names;          /* the items' names */
	struct movelog log;
	bool logging;                /* log holds a journal */
	uint32_t src_nexp0;          /* the source's expunge notes before (undo) */
	bool src_marked;             /* the moved messages are ghosts of the source's view */
};

/* ---- paths ----------------------------------------------------------------- */

static void src_path(const struct move *mv, const struct move_item *it, char *buf, size_t size)
{
	struct mbox_msg m = idx_at(mv->src, it->idx);
	sync_msg_path(mv->src, &m, buf, size);
}

static void dst_path(const struct move *mv, const struct move_item *it, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s/%s", mv->dst->path, it->in_new ? "new" : "cur", it->name);
}

static void tmp_path(const struct move *mv, const struct move_item *it, char *buf, size_t size)
{
	snprintf(buf, size, "%s/tmp/%.*s", mv->dst->path, (int)mdir_base_len(it->name), it->name);
}

/* ---- preparing ----------------------------------------------------------------- */

/* Keyword slots of the source -> slots of the target (-1: none). */
static bool map_keywords(struct move *mv, const struct mbox_seqs *seqs, int map[],
			 struct store_err *err)
{
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
		map[i] = (int)i;
	if (mv->dst == mv->src)
		return true;
	uint32_t used = 0;
	struct mbox_seqs it = *seqs;
	it.i_ = 0;
	it.next_ = it.n > 0 ? it.r[0].lo : 0;
	uint32_t seq;
	while (mbox_seqs_next(&it, &seq))
		used |= idx_at(mv->src, seq - 1).lower;
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++) {
		map[i] = -1;
		if (!(used & (UINT32_C(1) << i)) || mv->src->kw[i] == NULL)
			continue;
		const char *name = mv->src->kw[i];
		uint32_t mask;
		if (!mbox_keywords_lookup(mv->dst, &name, 1, true, &mask, err))
			return false;
		for (int b = 0; b < MBOX_KEYWORD_SLOTS; b++)
			if (mask & (UINT32_C(1) << b))
				map[i] = b;
	}
	return true;
}

/* The items, in ascending UID order (the set's order); messages expunged
 * by another session meanwhile are left out (their files are gone).
 * Every file is looked at before anything is changed: a missing one is
 * looked for once more after rereading the folder. */
static bool collect(struct move *mv, const struct mbox_seqs *seqs, const int map[],
		    struct store_err *err)
{
	struct mailbox *mb = mv->src;
	size_t n = 0;
	for (size_t r = 0; r < seqs->n; r++)
		n += seqs->r[r].hi - seqs->r[r].lo + 1;
	mv->items = calloc(n > 0 ? n : 1, sizeof(*mv->items));
	if (mv->items == NULL)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	for (int attempt = 0; attempt < 2; attempt++) {
		bool missing = false;
		mv->n = 0;
		struct mbox_seqs it = *seqs;
		it.i_ = 0;
		it.next_ = it.n > 0 ? it.r[0].lo : 0;
		uint32_t seq;
		while (mbox_seqs_next(&it, &seq)) {
			struct mbox_msg msg = idx_at(mb, seq - 1);
			const struct mbox_msg *m = &msg;
			if (m->state & MSG_GHOST)
				continue;
			char path[4096];
			struct stat st;
			if (!sync_msg_path(mb, m, path, sizeof(path)) || stat(path, &st) != 0) {
				missing = true;
				break;
			}
			/* The target keeps the size and INTERNALDATE: worked out
			 * now if the index does not know them yet. */
			if (m->state & (MSG_NO_SIZE | MSG_NO_DATE)) {
				if (!mbox_msg_prepare(mb, seq)) {
					missing = true;
					break;
				}
				msg = idx_at(mb, seq - 1);
			}
			struct move_item *item = &mv->items[mv->n++];
			memset(item, 0, sizeof(*item));
			item->idx = seq - 1;
			item->uid = m->uid;
			item->changed = m->state & MSG_CHANGED;
			item->fsize = (uint64_t)st.st_size;
			item->upper = m->upper;
			for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
				if ((m->lower & (UINT32_C(1) << i)) && map[i] >= 0)
					item->lower |= UINT32_C(1) << map[i];
		}
		if (!missing)
			return true;
		/* Renamed by a mail reader that does not take our lock, or
		 * removed: read the folder again (nothing is changed yet). */
		if (attempt == 0 && !sync_locked(mb, true, err))
			return false;
	}
	return store_fail(err, STORE_ERR_EXPUNGED, "A message to move no longer exists");
}

/* A fresh base name in the target for each item, and its full name. */
static bool name_item(struct move *mv, struct move_item *it, struct store_err *err)
{
	char base[MDIR_NAME_MAX + 1], name[MDIR_NAME_MAX + 1];
	struct mbox_msg m = idx_at(mv->src, it->idx);
	size_t nlen;
	if (mdir_unique_base(it->fsize, m.size, base, sizeof(base)) == 0 ||
	    (nlen = store_deliver_name(base, it->upper, it->lower, name, sizeof(name),
				       &it->in_new)) == 0)
		return store_fail(err, STORE_ERR_IO, "File name too long");
	it->name = arena_strndup(&mv->names, name, nlen);
	if (it->name == NULL)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	return true;
}

/* ---- undoing (before the target's records are committed) ------------------------ */

static void unmark_moved(struct move *mv);

static void undo(struct move *mv, uint32_t dst_count0, uint32_t dst_uidnext0, size_t dst_mark)
{
	char from[4096], to[4096];
	unmark_moved(mv);
	for (size_t i = 0; i < mv->n; i++) {
		struct move_item *it = &mv->items[i];
		switch (it->how) {
		case MOVE_RENAMED:
			dst_path(mv, it, from, sizeof(from));
			src_path(mv, it, to, sizeof(to));
			if (rename(from, to) != 0)
				/* Still in exactly one folder: the target finds it. */
				log_err("undoing a move: rename %s %s: %s", from, to, strerror(errno));
			break;
		case MOVE_COPIED:
			tmp_path(mv, it, from, sizeof(from));
			unlink(from);
			break;
		case MOVE_DELIVERED:
			dst_path(mv, it, from, sizeof(from));
			unlink(from);
			break;
		case MOVE_PENDING:
			break;
		}
		it->how = MOVE_PENDING;
	}
	/* Records queued for the target are dropped with its new messages
	 * (and, into the same folder, the expunges noted for the history). */
	struct mailbox *dst = mv->dst;
	idx_truncate(dst, dst_count0);
	dst->uidnext = dst_uidnext0;
	if (mv->src->t.nexp > mv->src_nexp0)
		mv->src->t.nexp = mv->src_nexp0;
	/* (A failed commit has emptied the queue already.) */
	if (dst->log_out.len > dst_mark)
		dst->log_out.len = dst_mark;
	if (mv->logging)
		movelog_end(&mv->log);
	mv->logging = false;
}

/* ---- the file operations -------------------------------------------------------- */

/* Rename items into the target from `from` on; *next_r is the first one
 * not moved (EXDEV: another file system, left to move_copy()). */
static bool move_rename(struct move *mv, size_t *next_r, struct store_err *err)
{
	char from[4096], to[4096];
	for (size_t i = 0; i < mv->n; i++) {
		struct move_item *it = &mv->items[i];
		*next_r = i;
		if (!name_item(mv, it, err))
			return false;
		src_path(mv, it, from, sizeof(from));
		dst_path(mv, it, to, sizeof(to));
		if (fault_point("move.exdev"))
			return true;  /* tests: act as if the target were elsewhere */
		if (rename(from, to) != 0) {
			if (errno == EXDEV && mv->dst != mv->src)
				return true;
			log_err("move: rename %s %s: %s", from, to, strerror(errno));
			return store_fail(err, errno == ENOENT ? STORE_ERR_EXPUNGED : STORE_ERR_IO,
					  "Cannot move message UID %u", it->uid);
		}
		it->how = MOVE_RENAMED;
		if (it->in_new)
			mv->dst->dirty_new = true;
		else
			mv->dst->dirty_cur = true;
		if (idx_at(mv->src, it->idx).state & MSG_IN_NEW)
			mv->src->dirty_new = true;
		else
			mv->src->dirty_cur = true;
		fault_point("move.renamed");
	}
	*next_r = mv->n;
	return true;
}

/* Copy items [first, n) across file systems: journal, copies in tmp/,
 * then into new/ or cur/ (see the top of the file). */
static bool move_copy(struct move *mv, size_t first, struct store_err *err)
{
	if (first == mv->n)
		return true;
	if (!movelog_begin(mv->src->store, mv->src->path, mv->dst->path, &mv->log, err))
		return false;
	mv->logging = true;
	for (size_t i = first; i < mv->n; i++) {
		struct move_item *it = &mv->items[i];
		if (it->name == NULL && !name_item(mv, it, err))
			return false;
		const char *sname = idx_at(mv->src, it->idx).name;
		movelog_add(&mv->log, sname, mdir_base_len(sname), it->name);
	}
	if (!movelog_write(&mv->log, err))
		return false;
	fault_point("move.journal-written");
	char from[4096], to[4096];
	for (size_t i = first; i < mv->n; i++) {
		struct move_item *it = &mv->items[i];
		src_path(mv, it, from, sizeof(from));
		tmp_path(mv, it, to, sizeof(to));
		if (!mdir_copy_file(from, to, idx_at(mv->src, it->idx).date)) {
			log_err("move: copy %s %s: %s", from, to, strerror(errno));
			return store_fail(err, errno == ENOENT ? STORE_ERR_EXPUNGED : STORE_ERR_IO,
					  "Cannot move message UID %u", it->uid);
		}
		it->how = MOVE_COPIED;
		fault_point("move.copied");
	}
	for (size_t i = first; i < mv->n; i++) {
		struct move_item *it = &mv->items[i];
		tmp_path(mv, it, from, sizeof(from));
		dst_path(mv, it, to, sizeof(to));
		if (rename(from, to) != 0) {
			log_err("move: rename %s %s: %s", from, to, strerror(errno));
			return store_fail(err, STORE_ERR_IO, "Cannot move message UID %u", it->uid);
		}
		it->how = MOVE_DELIVERED;
		if (it->in_new)
			mv->dst->dirty_new = true;
		else
			mv->dst->dirty_cur = true;
		fault_point("move.delivered");
	}
	return true;
}

/* The source side once the target's records are down: the copied
 * sources go, and every moved message gets an EXPUNGE record. */
static void expunge_sources(struct move *mv)
{
	struct mailbox *mb = mv->src;
	char path[4096];
	for (size_t i = 0; i < mv->n; i++) {
		struct move_item *it = &mv->items[i];
		struct mbox_msg msg = idx_at(mb, it->idx);
		const struct mbox_msg *m = &msg;
		if (it->how == MOVE_DELIVERED) {
			src_path(mv, it, path, sizeof(path));
			if (unlink(path) != 0 && errno != ENOENT)
				/* Left in both: the journal stays, the next open
				 * finishes it. */
				log_err("move: unlink %s: %s", path, strerror(errno));
			if (m->state & MSG_IN_NEW)
				mb->dirty_new = true;
			else
				mb->dirty_cur = true;
			fault_point("move.unlinked");
		}
		idx_log_expunge(mb, m->uid);
		/* Expunged in memory before the commit, as expunge.c does: a
		 * commit that folds the log into a snapshot (a large batch, or
		 * a log grown past its limit) writes what memory holds, and
		 * the EXPUNGE records go with the old log.  (The ghosts are
		 * also how the view reports them: EXPUNGE responses before
		 * the tagged OK, cmd/updates.c.)  Found by store_kill.py:
		 * the next open listed moved messages whose files were gone. */
		idx_expunged(mb, it->idx);
	}
	mv->src_marked = true;
}

/* A commit into the same folder failed: the moved messages are back in
 * the view as they were (undo() renames their files back). */
static void unmark_moved(struct move *mv)
{
	if (!mv->src_marked)
		return;
	for (size_t i = 0; i < mv->n; i++) {
		struct mbox_msg *m = idx_edit(mv->src, mv->items[i].idx);
		if (m != NULL && (m->state & MSG_GHOST)) {
			m->state = (uint16_t)((m->state & ~MSG_GHOST) | mv->items[i].changed);
			mv->src->ghosts--;
		}
	}
	mv->src_marked = false;
}

/* ---- MOVE ---------------------------------------------------------------------------- */

static bool lock_both(struct mailbox *a, struct mailbox *b, struct store_err *err)
{
	if (a == b)
		return idx_lock(a, err);
	/* One order for every process: by folder path. */
	struct mailbox *first = strcmp(a->path, b->path) < 0 ? a : b;
	struct mailbox *second = first == a ? b : a;
	if (!idx_lock(first, err))
		return false;
	if (!idx_lock(second, err)) {
		idx_unlock(first);
		return false;
	}
	return true;
}

static void unlock_both(struct mailbox *a, struct mailbox *b)
{
	if (a != b)
		idx_unlock(b);
	idx_unlock(a);
}

/* With both locks held and both folders synchronised. */
static bool move_locked(struct move *mv, const struct mbox_seqs *seqs, const int map[],
			struct mbox_move_result *res_r, struct arena *a, struct store_err *err)
{
	struct mailbox *src = mv->src, *dst = mv->dst;
	if (!collect(mv, seqs, map, err))
		return false;
	fault_point("move.locked");
	uint32_t count0 = idx_count(dst), uidnext0 = dst->uidnext;
	mv->src_nexp0 = src->t.nexp;
	size_t mark = dst->log_out.len;
	size_t next = 0;
	if (!move_rename(mv, &next, err) || !move_copy(mv, next, err)) {
		undo(mv, count0, uidnext0, mark);
		return false;
	}
	/* The target's UIDs, in the set's order: consecutive (COPYUID). */
	uint32_t first_uid = dst->uidnext;
	for (size_t i = 0; i < mv->n; i++) {
		struct move_item *it = &mv->items[i];
		struct mbox_msg msg = idx_at(src, it->idx);
		const struct mbox_msg *m = &msg;
		uint32_t uid;
		if (!store_deliver_indexed(dst, it->name, strlen(it->name), it->in_new, it->upper,
					   it->lower, m->date, m->tzoff, m->size, &uid, err)) {
			undo(mv, count0, uidnext0, mark);
			return false;
		}
	}
	if (dst != src) {
		if (fault_point("move.dst-commit") || !idx_commit(dst, err)) {
			if (err->code == STORE_OK)
				store_fail(err, STORE_ERR_IO, "Cannot write the mailbox index");
			undo(mv, count0, uidnext0, mark);
			return false;
		}
		fault_point("move.dst-committed");
		expunge_sources(mv);
		/* The target has them.  When the source's records cannot be
		 * written now they stay queued for its next commit: the view
		 * already shows the messages gone, and a later commit of only
		 * cur/'s new mtime would make every other session trust it
		 * and never look for them (found by store_diskfull.py, EIO
		 * on the source's log write).  If none comes, the mtime the
		 * log still holds is the old one, and the next scan finds
		 * them gone. */
		struct sbuf queued;
		sbuf_init(&queued, NULL);
		sbuf_add(&queued, src->log_out.data, src->log_out.len);
		bool dirty_new = src->dirty_new, dirty_cur = src->dirty_cur;
		struct store_err e2 = { 0 };
		if (!idx_commit(src, &e2)) {
			log_err("%s: recording a move: %s", src->name, e2.text);
			if (!queued.failed) {
				sbuf_add(&src->log_out, queued.data, queued.len);
				src->dirty_new = dirty_new;
				src->dirty_cur = dirty_cur;
				src->stamps_changed = true;
			}
		}
		sbuf_free(&queued);
	} else {
		/* One folder: the new UIDs and the expunges of the old ones
		 * go down together, or the move is undone. */
		expunge_sources(mv);
		if (fault_point("move.dst-commit") || !idx_commit(src, err)) {
			if (err->code == STORE_OK)
				store_fail(err, STORE_ERR_IO, "Cannot write the mailbox index");
			undo(mv, count0, uidnext0, mark);
			return false;
		}
	}
	fault_point("move.src-committed");
	if (mv->logging)
		movelog_end(&mv->log);
	mv->logging = false;
	res_r->uidvalidity = dst->uidvalidity;
	res_r->first_uid = first_uid;
	res_r->count = (uint32_t)mv->n;
	res_r->src_uids = ARENA_NEWN(a, uint32_t, mv->n > 0 ? mv->n : 1);
	if (res_r->src_uids != NULL)
		for (size_t i = 0; i < mv->n; i++)
			res_r->src_uids[i] = mv->items[i].uid;
	return true;
}

bool mbox_move(struct mailbox *mb, const struct mbox_seqs *seqs, const char *dest,
	       struct arena *a, struct mbox_move_result *res_r, struct store_err *err)
{
	memset(res_r, 0, sizeof(*res_r));
	err->code = STORE_OK;
	err->text[0] = '\0';
	if (mb->readonly)
		return store_fail(err, STORE_ERR_READONLY, "Mailbox is read-only");
	struct move mv;
	memset(&mv, 0, sizeof(mv));
	mv.src = mb;
	arena_init(&mv.names);
	if (strcmp(dest, mb->name) == 0) {
		mv.dst = mb;
	} else if (!mbox_open_internal(mb->store, dest, false, false, &mv.dst, err)) {
		if (err->code == STORE_ERR_NOTFOUND)
			return store_fail(err, STORE_ERR_TRYCREATE, "Mailbox %s does not exist", dest);
		return false;
	}
	int map[MBOX_KEYWORD_SLOTS];
	bool ok = map_keywords(&mv, seqs, map, err) && lock_both(mb, mv.dst, err);
	if (ok) {
		ok = sync_locked(mb, false, err) && (mv.dst == mb || sync_locked(mv.dst, false, err));
		if (ok && (mb->gone || mv.dst->gone))
			ok = store_fail(err, STORE_ERR_NOTFOUND, "Mailbox was deleted meanwhile");
		ok = ok && move_locked(&mv, seqs, map, res_r, a, err);
		if (!ok) {
			/* Records the syncs queued stay good. */
			struct store_err e2;
			idx_commit(mb, &e2);
			if (mv.dst != mb)
				idx_commit(mv.dst, &e2);
		}
		unlock_both(mb, mv.dst);
	}
	free(mv.items);
	arena_free(&mv.names);
	if (mv.dst != mb)
		mbox_close(&mv.dst);
	return ok;
}
