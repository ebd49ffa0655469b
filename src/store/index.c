/*
 * index.c - the per-folder index: UIDs, flags, sizes, dates and MODSEQs
 * of every message, so that SELECT, FETCH FLAGS/RFC822.SIZE/INTERNALDATE,
 * STATUS and flag SEARCHes never read message files.  This file holds
 * the lock, loading, replaying, following a new snapshot and rebuilding;
 * the files themselves are idx_snapshot.c and idx_log.c, the messages in
 * memory idx_table.c.
 *
 * Three files next to cur/ new/ tmp/ (layouts in idx_format.h):
 *
 *   imapd.index       the snapshot, written whole to a temporary file,
 *                     fsynced and renamed, so it is never torn; every
 *                     process maps it read-only (one copy in the page
 *                     cache however many sessions have the folder open).
 *   imapd.index.log   the changes since the snapshot, appended one
 *                     checksummed record at a time and fdatasynced before
 *                     the command that made them answers.  A process that
 *                     has a mailbox open reads only the new tail to learn
 *                     what others did (the EXISTS/EXPUNGE/FETCH it reports).
 *   imapd.index.lock  an fcntl (open file description) lock that every
 *                     reader and writer holds while it looks at the log
 *                     and the folder.
 *
 * A view is the mapped snapshot plus what changed since (idx_table.h).
 * When the log is folded into a newer snapshot, a view follows the log
 * into the next generation, and moves onto the new snapshot (dropping
 * its private copies) as soon as no expunged message is waiting to be
 * reported in it.
 *
 * Crash safety: a record is written after the file change it describes
 * (the message is in new/ or cur/, the directory fsynced), and the UID
 * and MODSEQ it assigns are durable before any client sees them, so
 * neither ever goes back.  A torn last record (a crash during its write)
 * is cut off by the next writer; a bad record with valid data after it
 * is corruption, and the index is rebuilt from the folder under a new
 * UIDVALIDITY.  Reading never depends on writing: with the disk full, a
 * view loads from the files that are there and only what could not be
 * made durable (new UIDs) stays out of it.
 */
#include "store/index.h"
#include "store/quota.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/idx_convert.h"
#include "store/idx_log.h"
#include "store/idx_snapshot.h"
#include "store/idx_table.h"
#include "store/kwfile.h"
#include "store/uidvalidity.h"
#include "util/log.h"

static bool refresh(struct mailbox *mb, struct store_err *err);

/*
 * The lock file's first octet says whether its holder may be changing the
 * folder: '1' from the outermost idx_lock() to the matching idx_unlock().
 * A holder killed in between leaves it at '1', and what it did to the
 * directories may hide from the next one: files it renamed into cur/
 * before committing their records move cur/'s mtime within the same clock
 * tick as the stamp the previous holder recorded and trusted, so the
 * mtime says nothing changed.  The next holder then reads both
 * directories (sync.c) and clears the mark only after that.  A pwrite
 * each way, no fsync: it guards against a process dying, not the power.
 */
bool idx_lock(struct mailbox *mb, struct store_err *err)
{
	char path[4096];
	if (mb->lock.depth == 0 && !idx_path(mb, IDX_LOCK_FILE, path, sizeof(path)))
		return store_fail(err, STORE_ERR_IO, "Mailbox path too long");
	/* The lock file is created beneath the mail root like every file
	 * of the store: never through a symlink out of it. */
	if (mb->lock.fd < 0) {
		mb->lock.fd = store_path_open(mb->store, path, O_RDWR | O_CREAT, 0600);
		if (mb->lock.fd < 0 && errno == EXDEV)
			return store_fail(err, STORE_ERR_IO, "Cannot lock the mailbox");
	}
	if (!lockfile_lock(&mb->lock, path)) {
		if (errno == ENOENT) {
			mb->gone = true;
			return store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
		}
		/* A full disk cannot even create the lock file of a folder
		 * that never had one: such a view is in memory only. */
		if ((errno == ENOSPC || errno == EDQUOT || errno == EROFS) && mb->lock.depth == 0) {
			mb->lock.depth = 1;
			mb->ephemeral = true;
			return true;
		}
		log_err("lock %s/%s: %s", mb->path, IDX_LOCK_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot lock the mailbox");
	}
	if (mb->lock.depth == 1) {
		char mark = '0';
		if (pread(mb->lock.fd, &mark, 1, 0) == 1 && mark == '1')
			mb->holder_died = true;
		if (mark != '1' && pwrite(mb->lock.fd, "1", 1, 0) != 1)
			log_warn("%s/%s: %s", mb->path, IDX_LOCK_FILE, strerror(errno));
	}
	return true;
}

void idx_unlock(struct mailbox *mb)
{
	if (mb->lock.depth == 1 && mb->rebase_wanted && mb->view && !mb->gone && mb->ghosts == 0 &&
	    mb->nops == 0 && mb->log_out.len == 0 && !mb->ephemeral) {
		struct store_err err;
		if (!refresh(mb, &err))
			log_warn("%s: following the index: %s", mb->path, err.text);
	}
	if (mb->lock.fd < 0 && mb->lock.depth > 0) {
		mb->lock.depth--;  /* the in-memory "lock" of an ephemeral view */
		return;
	}
	if (mb->lock.depth == 1 && !mb->holder_died && !mb->unlogged &&
	    pwrite(mb->lock.fd, "0", 1, 0) != 1)
		log_warn("%s/%s: %s", mb->path, IDX_LOCK_FILE, strerror(errno));
	lockfile_unlock(&mb->lock);
}

void idx_free(struct mailbox *mb)
{
	idx_table_free(&mb->t);
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = -1;
	lockfile_close(&mb->lock);
	sbuf_free(&mb->log_out);
}

/* A fresh index for a folder that has none (or a broken one): a new
 * UIDVALIDITY, no messages, directories to be scanned.  With the disk
 * full, the index lives in memory only (mb->ephemeral). */
static bool create_index(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	idx_table_free(&mb->t);
	mb->ghosts = 0;
	/* Every file is indexed anew and counted again (store/quota.h). */
	quota_index_created(mb);
	mb->uidvalidity = store_new_uidvalidity(mb->store);
	if (mb->uidvalidity == 0) {
		/* Time-based, as the allocator would have given, but not
		 * recorded: the next index made gets a later one. */
		mb->uidvalidity = (uint32_t)time(NULL);
		mb->ephemeral = true;
	}
	mb->uidnext = 1;
	mb->highestmodseq = 0;
	memset(mb->stamp, 0, sizeof(mb->stamp));
	struct store_err e2;
	if (mb->ephemeral || !idx_snapshot_write(mb, gen, &e2) || !idx_log_create(mb, gen, &e2)) {
		log_warn("%s: the index cannot be written; keeping it in memory only", mb->path);
		mb->ephemeral = true;
		if (mb->log_fd >= 0)
			close(mb->log_fd);
		mb->log_fd = -1;
		mb->log_gen = gen;
	}
	(void)err;
	return true;
}

/* Snapshot plus log into mb (lock held); rebuilds a broken index. */
static bool load_files(struct mailbox *mb, struct store_err *err)
{
	if (mb->ephemeral)
		return create_index(mb, 1, err);
	enum idx_load r = idx_snapshot_load(mb);
	if (r == IDX_LOAD_ERROR) {
		log_err("reading %s/%s: %s", mb->path, IDX_SNAPSHOT_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox index");
	}
	if (r == IDX_LOAD_V1)
		return idx_convert_v1(mb, err);
	if (r == IDX_LOAD_BAD)
		log_warn("%s/%s is damaged; rebuilding it with a new UIDVALIDITY", mb->path,
			 IDX_SNAPSHOT_FILE);
	if (r != IDX_LOAD_OK)
		return create_index(mb, r == IDX_LOAD_BAD ? mb->log_gen + 1 : 1, err);
	r = idx_log_open(mb);
	if (r == IDX_LOAD_ERROR)
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox index");
	if (r == IDX_LOAD_BAD) {
		log_warn("%s/%s does not belong to its snapshot; rebuilding", mb->path, IDX_LOG_FILE);
		return create_index(mb, mb->log_gen + 1, err);
	}
	if (r == IDX_LOAD_MISSING) {
		struct store_err e2;
		if (!idx_log_create(mb, mb->log_gen, &e2)) {
			/* Read what the snapshot says; nothing can be added. */
			log_warn("%s: no index log: %s", mb->path, e2.text);
			mb->log_fd = -1;
		}
		return true;
	}
	struct idx_tail tail = { 0 };
	/* A log that is only its header (just folded) needs no reading. */
	if (mb->log_end_seen > mb->log_off && !idx_log_read_tail(mb, &tail, err))
		return false;
	if (tail.corrupt) {
		log_warn("%s/%s is damaged; rebuilding the index with a new UIDVALIDITY", mb->path,
			 IDX_LOG_FILE);
		return create_index(mb, mb->log_gen + 1, err);
	}
	return true;
}

bool idx_load(struct mailbox *mb, struct store_err *err)
{
	if (!load_files(mb, err))
		return false;
	mb->just_loaded = true;  /* the sync that follows at once needs no replay */
	kw_load(mb);
	idx_drop_ghosts(mb, 0);
	mb->announced = 0;  /* the view is announced once synchronised */
	return true;
}

/* A handle on the same folder for loading the files afresh. */
static void fresh_init(struct mailbox *f, const struct mailbox *mb)
{
	*f = (struct mailbox){
		.store = mb->store, .name = mb->name, .path = mb->path,
		.view = false, .lock = { -1, mb->lock.depth }, .log_fd = -1,
	};
	idx_table_init(&f->t);
	sbuf_init(&f->log_out, NULL);
}

static void fresh_free(struct mailbox *f)
{
	f->lock.depth = 0;
	idx_free(f);
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
		free(f->kw[i]);
}

/*
 * Compare the view with a fresh load of the files and change the view
 * to match: what is gone becomes a ghost (its expunge noted with the
 * fresh HIGHESTMODSEQ: an upper bound), changed flags become FETCH
 * reports, what is new is appended.  O(messages): only when the log
 * could not be followed record by record.
 */
static void diff(struct mailbox *mb, struct mailbox *f)
{
	uint32_t nv = idx_count(mb), nf = idx_count(f), j = 0;
	for (uint32_t i = 0; i < nv; i++) {
		uint32_t uid = idx_uid_at(mb, i);
		while (j < nf && idx_uid_at(f, j) < uid)
			j++;  /* unknown older UIDs cannot appear; skip them */
		if (j == nf || idx_uid_at(f, j) != uid) {
			struct mbox_msg v = idx_at(mb, i);
			if (!(v.state & MSG_GHOST)) {
				idx_expunged(mb, i);
				idx_note_expunge(mb, uid, f->highestmodseq);
			}
			continue;
		}
		struct mbox_msg v = idx_at(mb, i), n = idx_at(f, j++);
		if (v.state & MSG_GHOST)
			continue;
		bool flags = v.upper != n.upper || v.lower != n.lower;
		bool same_name = strcmp(v.name, n.name) == 0;
		if (!flags && same_name && (v.state & MSG_SHARED) == (n.state & MSG_SHARED) &&
		    v.size == n.size && v.date == n.date && v.tzoff == n.tzoff && v.modseq == n.modseq)
			continue;
		struct mbox_msg *m = idx_edit(mb, i);
		if (m == NULL)
			continue;
		if (flags && mb->view && i < mb->announced)
			idx_mark_changed(mb, m);
		m->upper = n.upper;
		m->lower = n.lower;
		m->state = (uint16_t)((m->state & ~MSG_SHARED) | (n.state & MSG_SHARED));
		m->size = n.size;
		m->date = n.date;
		m->tzoff = n.tzoff;
		m->modseq = n.modseq;
		if (!same_name)
			idx_set_name(mb, m, n.name, strlen(n.name));
	}
	uint32_t last = idx_last_uid(mb);
	for (; j < nf; j++) {
		struct mbox_msg n = idx_at(f, j);
		n.state &= (uint16_t)~MSG_RECENT;
		if (n.uid > last && idx_append(mb, &n) == NULL)
			break;
	}
}

/* Move the view onto the fresh table f (which holds the same messages):
 * this session's own state (\Recent, FETCHes due) comes along. */
static void adopt(struct mailbox *mb, struct mailbox *f)
{
	uint32_t *pos = NULL;
	struct carried { uint32_t uid, upper, lower; } *uids = NULL;
	size_t n = mb->any_changed ? idx_marked(mb, MSG_CHANGED, UINT32_MAX, &pos) : 0;
	if (n == SIZE_MAX) {
		mb->rebase_wanted = true;  /* try again later */
		return;
	}
	if (n > 0) {
		uids = malloc(n * sizeof(*uids));
		if (uids == NULL) {
			free(pos);
			mb->rebase_wanted = true;
			return;
		}
		for (size_t k = 0; k < n; k++) {
			struct mbox_msg m = idx_at(mb, pos[k]);
			uids[k] = (struct carried){ m.uid, m.told_upper, m.told_lower };
		}
	}
	struct idx_table old = mb->t;
	mb->t = f->t;
	f->t = old;
	/* \Recent ranges are the session's, not the file's. */
	struct uid_range *r = mb->t.recent;
	mb->t.recent = old.recent;
	mb->t.nrecent = old.nrecent;
	mb->t.caprecent = old.caprecent;
	f->t.recent = r;
	f->t.nrecent = f->t.caprecent = 0;
	for (size_t k = 0; k < n; k++) {
		long p = idx_find(mb, uids[k].uid);
		struct mbox_msg *m = p >= 0 ? idx_edit(mb, (uint32_t)p) : NULL;
		if (m != NULL) {
			m->state |= MSG_CHANGED;
			m->told_upper = uids[k].upper;
			m->told_lower = uids[k].lower;
		}
	}
	free(pos);
	free(uids);
	mb->rebase_wanted = false;
}

/*
 * Load the files afresh and bring the view in line with them: when the
 * view has read the same log to the same point, they hold the same
 * messages already and the view just moves onto the fresh snapshot;
 * otherwise they are compared first (diff).  A different UIDVALIDITY
 * means the mailbox was replaced: mb->gone.
 */
static bool refresh(struct mailbox *mb, struct store_err *err)
{
	struct mailbox fresh;
	fresh_init(&fresh, mb);
	if (!load_files(&fresh, err) || fresh.ephemeral) {
		bool ephemeral = fresh.ephemeral;
		fresh_free(&fresh);
		return ephemeral;  /* nothing on disk to follow */
	}
	idx_drop_ghosts(&fresh, 0);
	if (fresh.uidvalidity != mb->uidvalidity) {
		mb->gone = true;
		fresh_free(&fresh);
		return true;
	}
	bool same = fresh.log_gen == mb->log_gen && fresh.log_ino == mb->log_ino &&
		    fresh.log_dev == mb->log_dev && fresh.log_off == mb->log_off && mb->log_fd >= 0;
	if (!same)
		diff(mb, &fresh);
	if (fresh.uidnext > mb->uidnext)
		mb->uidnext = fresh.uidnext;
	if (fresh.highestmodseq > mb->highestmodseq)
		mb->highestmodseq = fresh.highestmodseq;
	memcpy(mb->stamp, fresh.stamp, sizeof(mb->stamp));
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = fresh.log_fd;
	mb->log_dev = fresh.log_dev;
	mb->log_ino = fresh.log_ino;
	mb->log_off = fresh.log_off;
	mb->log_gen = fresh.log_gen;
	mb->log_version = fresh.log_version;
	mb->log_rotate_next = fresh.log_rotate_next;
	mb->snapshot_size = fresh.snapshot_size;
	fresh.log_fd = -1;
	if (mb->ghosts == 0 && mb->nops == 0)
		adopt(mb, &fresh);
	else
		mb->rebase_wanted = true;
	if (kw_load(mb) && mb->view)
		mb->kw_changed = true;
	fresh_free(&fresh);
	return true;
}

bool idx_rebuild(struct mailbox *mb, struct store_err *err)
{
	if (mb->announced == 0 && mb->nops == 0) {
		if (mb->log_fd >= 0)
			close(mb->log_fd);
		mb->log_fd = -1;
		idx_log_discard(mb);
		return create_index(mb, mb->log_gen + 1, err);
	}
	struct mailbox fresh;
	fresh_init(&fresh, mb);
	bool ok = create_index(&fresh, mb->log_gen + 1, err);
	fresh_free(&fresh);
	mb->gone = true;
	return ok;
}

bool idx_replay(struct mailbox *mb, struct store_err *err)
{
	if (mb->ephemeral)
		return true;
	if (mb->just_loaded) {
		mb->just_loaded = false;
		return true;
	}
	char path[4096];
	struct stat st;
	if (!idx_path(mb, IDX_LOG_FILE, path, sizeof(path)))
		return store_fail(err, STORE_ERR_IO, "Mailbox path too long");
	bool rotated = mb->log_fd < 0 || stat(path, &st) != 0 || st.st_ino != mb->log_ino ||
		       st.st_dev != mb->log_dev;
	if (rotated) {
		/* The whole folder may be gone (DELETE or RENAME elsewhere). */
		char cur[4096];
		struct stat sb;
		snprintf(cur, sizeof(cur), "%s/cur", mb->path);
		if (stat(cur, &sb) != 0 && errno == ENOENT) {
			mb->gone = true;
			return true;
		}
	}
	bool ok = true;
	struct idx_tail tail = { 0 };
	if (!rotated) {
		ok = idx_log_read_tail(mb, &tail, err);
		if (ok && tail.corrupt) {
			log_warn("%s/%s is damaged; rebuilding the index", mb->path, IDX_LOG_FILE);
			ok = idx_rebuild(mb, err);
		}
	} else {
		/* Finish the old log; if its last record hands over to the
		 * next generation with every change in it, follow it there
		 * record by record. */
		if (mb->log_fd >= 0)
			ok = idx_log_read_tail(mb, &tail, err);
		bool followed = false;
		uint32_t next = mb->log_rotate_next;
		if (ok && !tail.corrupt && next != 0 && mb->log_fd >= 0) {
			uint32_t gen = mb->log_gen;
			mb->log_gen = next;
			if (idx_log_open(mb) == IDX_LOAD_OK) {
				struct idx_tail t2;
				followed = idx_log_read_tail(mb, &t2, err) && !t2.corrupt;
			} else {
				mb->log_gen = gen;
			}
		}
		if (followed)
			mb->rebase_wanted = true;
		else if (ok)
			ok = refresh(mb, err);
	}
	if (ok)
		idx_drop_ghosts(mb, mb->view ? mb->announced : 0);
	return ok;
}
