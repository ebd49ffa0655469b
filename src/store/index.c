/*
 * index.c - the per-folder index: UIDs, flags, sizes and dates of every
 * message, so that SELECT, FETCH FLAGS/RFC822.SIZE/INTERNALDATE, STATUS
 * and flag SEARCHes never read message files.  This file holds the lock,
 * loading, replaying and rebuilding; the files themselves are
 * idx_snapshot.c and idx_log.c.
 *
 * Three files next to cur/ new/ tmp/ (native byte order; the header
 * records it):
 *
 *   imapd.index       the snapshot: a header, fixed-size records in UID
 *                     order, then the file names (each NUL-terminated).
 *                     Written whole to a temporary file, fsynced and
 *                     renamed, so it is never torn; mapped read-only.
 *   imapd.index.log   the changes since the snapshot, appended one
 *                     checksummed record at a time and fdatasynced before
 *                     the command that made them answers.  A process that
 *                     has a mailbox open reads only the new tail to learn
 *                     what others did (the EXISTS/EXPUNGE/FETCH it reports).
 *                     When it outgrows half the snapshot, the writer folds
 *                     it into a new snapshot and starts a new log whose
 *                     generation number the snapshot names.
 *   imapd.index.lock  an fcntl (open file description) lock that every
 *                     reader and writer holds while it looks at the log
 *                     and the folder.
 *
 * Crash safety: a record is written after the file change it describes
 * (the message is in new/ or cur/, the directory fsynced), and the UID
 * it assigns is durable before any client sees it, so UIDs never go back.
 * A torn last record (a crash during its write) is cut off by the next
 * writer; a bad record with valid data after it is corruption, and the
 * index is rebuilt from the folder under a new UIDVALIDITY.
 */
#include "store/index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/idx_log.h"
#include "store/idx_snapshot.h"
#include "store/idx_table.h"
#include "store/kwfile.h"
#include "store/uidvalidity.h"
#include "util/log.h"

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
	if (mb->lock.depth == 1 && !mb->holder_died && pwrite(mb->lock.fd, "0", 1, 0) != 1)
		log_warn("%s/%s: %s", mb->path, IDX_LOCK_FILE, strerror(errno));
	lockfile_unlock(&mb->lock);
}

void idx_free(struct mailbox *mb)
{
	idx_free_msgs(mb);
	idx_snapshot_unmap(mb);
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = -1;
	lockfile_close(&mb->lock);
	sbuf_free(&mb->log_out);
}

/* A fresh index for a folder that has none (or a broken one): a new
 * UIDVALIDITY, no messages, directories to be scanned. */
static bool create_index(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	idx_free_msgs(mb);
	mb->uidvalidity = store_new_uidvalidity(mb->store);
	if (mb->uidvalidity == 0)
		return store_fail(err, STORE_ERR_IO, "Cannot allocate a UIDVALIDITY");
	mb->uidnext = 1;
	memset(mb->stamp, 0, sizeof(mb->stamp));
	if (!idx_snapshot_write(mb, gen, err))
		return false;
	return idx_log_create(mb, gen, err);
}

/* Snapshot plus log into mb (lock held); rebuilds a broken index. */
static bool load_files(struct mailbox *mb, struct store_err *err)
{
	enum idx_load r = idx_snapshot_load(mb);
	if (r == IDX_LOAD_ERROR) {
		log_err("reading %s/%s: %s", mb->path, IDX_SNAPSHOT_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox index");
	}
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
	if (r == IDX_LOAD_MISSING)
		return idx_log_create(mb, mb->log_gen, err);
	bool corrupt;
	if (!idx_log_read_tail(mb, &corrupt, err))
		return false;
	if (corrupt) {
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
	kw_load(mb);
	idx_drop_ghosts(mb, 0);
	mb->announced = 0;  /* the view is announced once synchronised */
	return true;
}

/*
 * The log was replaced (compacted by another process) or damaged: load
 * the index afresh and merge it into the view, so that what changed
 * becomes EXPUNGE / EXISTS / FETCH like any other change.  A different
 * UIDVALIDITY means the mailbox was replaced: mb->gone.
 */
static bool reload(struct mailbox *mb, struct store_err *err)
{
	struct mailbox fresh = {
		.store = mb->store, .name = mb->name, .path = mb->path,
		.view = false, .lock = { -1, mb->lock.depth }, .log_fd = -1,
	};
	sbuf_init(&fresh.log_out, NULL);
	if (!load_files(&fresh, err)) {
		fresh.lock.depth = 0;
		idx_free(&fresh);
		return false;
	}
	idx_drop_ghosts(&fresh, 0);
	if (fresh.uidvalidity != mb->uidvalidity) {
		mb->gone = true;
		fresh.lock.depth = 0;
		idx_free(&fresh);
		return true;
	}
	/* Both arrays ascend by UID: merge. */
	uint32_t j = 0;
	for (uint32_t i = 0; i < mb->count; i++) {
		struct mbox_msg *m = &mb->msgs[i];
		while (j < fresh.count && fresh.msgs[j].uid < m->uid)
			j++;  /* unknown older UIDs cannot appear; skip them */
		if (j == fresh.count || fresh.msgs[j].uid != m->uid) {
			idx_expunged(mb, i);
			continue;
		}
		struct mbox_msg *f = &fresh.msgs[j++];
		if (m->state & MSG_GHOST)
			continue;
		if ((m->upper != f->upper || m->lower != f->lower) && mb->view && i < mb->announced)
			{
			m->state |= MSG_CHANGED;
			mb->any_changed = true;
		}
		m->upper = f->upper;
		m->lower = f->lower;
		m->state = (uint16_t)((m->state & ~MSG_SHARED) | (f->state & MSG_SHARED));
		if (strcmp(m->name, f->name) != 0)
			idx_set_name(m, f->name, strlen(f->name));
	}
	uint32_t last = mb->count > 0 ? mb->msgs[mb->count - 1].uid : 0;
	for (; j < fresh.count; j++) {
		struct mbox_msg m = fresh.msgs[j];
		if (m.uid <= last)
			continue;
		m.state &= (uint16_t)~MSG_NAME_OWNED;
		if (!idx_set_name(&m, fresh.msgs[j].name, strlen(fresh.msgs[j].name)) ||
		    idx_append(mb, &m) == NULL)
			break;
	}
	if (fresh.uidnext > mb->uidnext)
		mb->uidnext = fresh.uidnext;
	memcpy(mb->stamp, fresh.stamp, sizeof(mb->stamp));
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = fresh.log_fd;
	mb->log_dev = fresh.log_dev;
	mb->log_ino = fresh.log_ino;
	mb->log_off = fresh.log_off;
	mb->log_gen = fresh.log_gen;
	mb->snapshot_size = fresh.snapshot_size;
	fresh.log_fd = -1;
	fresh.lock.depth = 0;
	if (kw_load(mb) && mb->view)
		mb->kw_changed = true;
	idx_free(&fresh);
	return true;
}

bool idx_replay(struct mailbox *mb, struct store_err *err)
{
	char path[4096];
	struct stat st;
	if (!idx_path(mb, IDX_LOG_FILE, path, sizeof(path)))
		return store_fail(err, STORE_ERR_IO, "Mailbox path too long");
	bool rotated = stat(path, &st) != 0 || st.st_ino != mb->log_ino || st.st_dev != mb->log_dev;
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
	bool ok;
	if (rotated) {
		ok = reload(mb, err);
	} else {
		bool corrupt;
		ok = idx_log_read_tail(mb, &corrupt, err);
		if (ok && corrupt) {
			log_warn("%s/%s is damaged; rebuilding the index", mb->path, IDX_LOG_FILE);
			/* Rebuild under a new UIDVALIDITY; the view cannot follow. */
			struct mailbox fresh = { .store = mb->store, .name = mb->name, .path = mb->path,
						 .lock = LOCKFILE_INIT, .log_fd = -1 };
			sbuf_init(&fresh.log_out, NULL);
			ok = create_index(&fresh, mb->log_gen + 1, err);
			idx_free(&fresh);
			mb->gone = true;
		}
	}
	if (ok)
		idx_drop_ghosts(mb, mb->view ? mb->announced : 0);
	return ok;
}
