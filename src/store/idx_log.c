/*
 * idx_log.c - the change log of the index (see idx_log.h).
 *
 * Records are appended one checksummed record at a time and fdatasynced
 * before the command that made them answers.  A process that has a
 * mailbox open reads only the new tail to learn what others did.  When
 * the log has grown (below) the writer folds it into a new snapshot
 * and starts a new log whose generation number the snapshot names; the
 * old log's last record (LOG_ROTATE) says so, and that every change is
 * in it, so that other processes follow into the new log without
 * comparing anything.  A batch too large for the log (a first scan of a
 * big folder) goes straight into a snapshot, and the others compare.
 * A torn last record (a crash during its write) is cut off by the next
 * writer; a bad record with valid data after it is corruption.
 */
#include "store/idx_log.h"
#include "store/quota.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/idx_format.h"
#include "store/idx_table.h"
#include "store/kwfile.h"
#include "store/maildir.h"
#include "util/fd.h"
#include "util/log.h"

/*
 * Each record a process reads may become a private copy of a message in
 * its memory (an override, idx_table.h), and a new session reads the
 * whole log: so the log is kept short.  It is folded into a new snapshot
 * once it passes LOG_COMPACT_MAX, or LOG_COMPACT_MIN and the size of the
 * snapshot (small folders are cheap to rewrite); a batch larger than
 * LOG_COMPACT_MAX goes into a snapshot at once.  A 100,000-message
 * folder is then rewritten (11 MB) every 600 or so changes at most.
 */
#define LOG_COMPACT_MIN (8 * 1024)
#define LOG_COMPACT_MAX (64 * 1024)

bool idx_log_create(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	struct idx_log_header h = { .version = IDX_VERSION, .byteorder = IDX_BYTEORDER,
				    .gen = gen, .uidvalidity = mb->uidvalidity };
	memcpy(h.magic, IDX_LOG_MAGIC, 8);
	char dst[4096];
	if (!idx_path(mb, IDX_LOG_FILE, dst, sizeof(dst)) ||
	    !mdir_write_file(mb->path, IDX_LOG_FILE, &h, sizeof(h))) {
		int e = errno;
		log_err("writing %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(e));
		return store_fail_errno(err, e, "Cannot write the mailbox index");
	}
	int fd = store_path_open(mb->store, dst, O_RDWR | O_APPEND, 0);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return store_fail(err, STORE_ERR_IO, "Cannot open the mailbox index");
	}
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = fd;
	mb->log_dev = st.st_dev;
	mb->log_ino = st.st_ino;
	mb->log_off = sizeof(h);
	mb->log_gen = gen;
	mb->log_version = IDX_VERSION;
	mb->log_rotate_next = 0;
	mb->compact_failed_at = 0;
	return true;
}

enum idx_load idx_log_open(struct mailbox *mb)
{
	char path[4096];
	if (!idx_path(mb, IDX_LOG_FILE, path, sizeof(path)))
		return IDX_LOAD_ERROR;
	int fd = store_path_open(mb->store, path, O_RDWR | O_APPEND, 0);
	if (fd < 0 && errno == EACCES)
		fd = store_path_open(mb->store, path, O_RDONLY, 0);
	if (fd < 0)
		return errno == ENOENT ? IDX_LOAD_MISSING : IDX_LOAD_ERROR;
	struct idx_log_header h;
	struct stat st;
	if (fstat(fd, &st) != 0 || pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    memcmp(h.magic, IDX_LOG_MAGIC, 8) != 0 ||
	    (h.version != IDX_VERSION && h.version != IDX_VERSION_V1) ||
	    h.byteorder != IDX_BYTEORDER || h.uidvalidity != mb->uidvalidity) {
		close(fd);
		return IDX_LOAD_MISSING;
	}
	if (h.gen != mb->log_gen) {
		close(fd);
		/* An older log (a crash between the snapshot and the new log)
		 * is folded into the snapshot already; a newer one cannot be. */
		return h.gen < mb->log_gen ? IDX_LOAD_MISSING : IDX_LOAD_BAD;
	}
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = fd;
	mb->log_dev = st.st_dev;
	mb->log_ino = st.st_ino;
	mb->log_off = sizeof(h);
	mb->log_version = h.version;
	mb->log_rotate_next = 0;
	mb->log_end_seen = (uint64_t)st.st_size;
	return IDX_LOAD_OK;
}

/* ---- applying records ---------------------------------------------------------- */

static void raise_modseq(struct mailbox *mb, uint64_t modseq)
{
	if (modseq > mb->highestmodseq)
		mb->highestmodseq = modseq;
}

static void apply_msg(struct mailbox *mb, uint32_t type, const struct log_msg *lm, const char *name)
{
	raise_modseq(mb, lm->modseq);
	if (type == LOG_ADD) {
		uint32_t last = idx_last_uid(mb);
		if (lm->uid <= last) {
			if (lm->uid >= mb->uidnext)
				mb->uidnext = lm->uid + 1;
			return;
		}
		struct mbox_msg m = {
			.uid = lm->uid, .upper = lm->upper, .lower = lm->lower,
			.state = (uint16_t)(lm->state & MSG_SHARED), .tzoff = lm->tzoff,
			.date = lm->date, .size = lm->size, .modseq = lm->modseq, .name = name,
		};
		idx_append(mb, &m);
		return;
	}
	long i = idx_find(mb, lm->uid);
	if (i < 0)
		return;
	struct mbox_msg cur = idx_at(mb, (uint32_t)i);
	if (cur.state & MSG_GHOST)
		return;
	bool flags = cur.upper != lm->upper || cur.lower != lm->lower;
	uint16_t state = (uint16_t)((cur.state & ~MSG_SHARED & ~MSG_RECENT) | (lm->state & MSG_SHARED));
	/* What the writer did not know (a size or date not worked out
	 * there), we may: keep ours. */
	uint64_t size = lm->size;
	int64_t date = lm->date;
	int16_t tzoff = lm->tzoff;
	if ((lm->state & MSG_NO_SIZE) && !(cur.state & MSG_NO_SIZE)) {
		size = cur.size;
		state &= (uint16_t)~MSG_NO_SIZE;
	}
	if ((lm->state & MSG_NO_DATE) && !(cur.state & MSG_NO_DATE)) {
		date = cur.date;
		tzoff = cur.tzoff;
		state &= (uint16_t)~MSG_NO_DATE;
	}
	bool same_name = strcmp(cur.name, name) == 0;
	if (!flags && same_name && state == (cur.state & ~MSG_RECENT) && size == cur.size &&
	    date == cur.date && tzoff == cur.tzoff && lm->modseq == cur.modseq)
		return;
	struct mbox_msg *m = idx_edit(mb, (uint32_t)i);
	if (m == NULL)
		return;
	if (flags && mb->view && (uint32_t)i < mb->announced)
		idx_mark_changed(mb, m);
	state |= m->state & MSG_CHANGED;
	m->upper = lm->upper;
	m->lower = lm->lower;
	m->state = state;
	m->size = size;
	m->date = date;
	m->tzoff = tzoff;
	if (lm->modseq != 0)
		m->modseq = lm->modseq;
	if (!same_name)
		idx_set_name(mb, m, name, lm->name_len);
}

static void apply_info(struct mailbox *mb, const struct log_info *li)
{
	long i = idx_find(mb, li->uid);
	if (i < 0)
		return;
	struct mbox_msg cur = idx_at(mb, (uint32_t)i);
	bool size = (cur.state & MSG_NO_SIZE) && !(li->state & MSG_NO_SIZE);
	bool date = (cur.state & MSG_NO_DATE) && !(li->state & MSG_NO_DATE);
	if (!size && !date)
		return;
	struct mbox_msg *m = idx_edit(mb, (uint32_t)i);
	if (m == NULL)
		return;
	if (size) {
		m->size = li->size;
		m->state &= (uint16_t)~MSG_NO_SIZE;
	}
	if (date) {
		m->date = li->date;
		m->tzoff = li->tzoff;
		m->state &= (uint16_t)~MSG_NO_DATE;
	}
}

static void apply_expunge(struct mailbox *mb, uint32_t uid, uint64_t modseq)
{
	raise_modseq(mb, modseq);
	long i = idx_find(mb, uid);
	if (i < 0)
		return;
	struct mbox_msg cur = idx_at(mb, (uint32_t)i);
	if (cur.state & MSG_GHOST)
		return;
	idx_expunged(mb, (uint32_t)i);
	idx_note_expunge(mb, uid, modseq);
}

/* One record's payload; false when it does not parse. */
static bool apply_one(struct mailbox *mb, uint32_t version, uint32_t type, const char *p,
		      size_t plen, bool *keywords_r, uint32_t *rotate_r)
{
	*rotate_r = 0;
	switch (type) {
	case LOG_ADD:
	case LOG_UPDATE: {
		struct log_msg lm;
		size_t hl;
		if (version == IDX_VERSION_V1) {
			struct log_msg_v1 v1;
			hl = sizeof(v1);
			if (plen < hl)
				return false;
			memcpy(&v1, p, sizeof(v1));
			lm = (struct log_msg){ .uid = v1.uid, .upper = v1.upper, .lower = v1.lower,
					       .state = (uint16_t)(v1.state & (MSG_IN_NEW | MSG_UNCLAIMED)),
					       .tzoff = v1.tzoff, .date = v1.date, .size = v1.size,
					       .name_len = v1.name_len };
		} else {
			hl = sizeof(lm);
			if (plen < hl)
				return false;
			memcpy(&lm, p, sizeof(lm));
		}
		if (lm.name_len == 0 || lm.name_len > MDIR_NAME_MAX || plen < hl + lm.name_len + 1 ||
		    p[hl + lm.name_len] != '\0' || memchr(p + hl, '\0', lm.name_len) != NULL)
			return false;
		apply_msg(mb, type, &lm, p + hl);
		return true;
	}
	case LOG_EXPUNGE: {
		struct log_expunge le = { 0 };
		if (plen < 8)
			return false;
		memcpy(&le, p, plen >= sizeof(le) ? sizeof(le) : 8);
		apply_expunge(mb, le.uid, version == IDX_VERSION_V1 ? 0 : le.modseq);
		return true;
	}
	case LOG_DIRS:
		if (plen >= sizeof(mb->stamp))
			memcpy(mb->stamp, p, sizeof(mb->stamp));
		return true;
	case LOG_KEYWORDS:
		*keywords_r = true;
		return true;
	case LOG_ROTATE: {
		struct log_rotate r;
		if (plen < sizeof(r))
			return false;
		memcpy(&r, p, sizeof(r));
		if (r.complete)
			*rotate_r = r.next_gen;
		return true;
	}
	case LOG_INFO: {
		struct log_info li;
		if (plen < sizeof(li))
			return false;
		memcpy(&li, p, sizeof(li));
		apply_info(mb, &li);
		return true;
	}
	default:
		return true;  /* a newer writer's record: skip it */
	}
}

/* Apply the records in buf[0..len); returns the octets consumed, and in
 * *bad_r whether a bad record stopped it. */
static size_t apply_records(struct mailbox *mb, const char *buf, size_t len, bool *bad_r,
			    bool *keywords_r, uint32_t *rotate_r)
{
	size_t off = 0;
	*bad_r = false;
	while (len - off >= sizeof(struct log_rec)) {
		struct log_rec r;
		memcpy(&r, buf + off, sizeof(r));
		if (r.len < sizeof(r) || r.len % 8 != 0 || r.len > len - off ||
		    r.crc != idx_crc32(0, buf + off + 8, r.len - 8)) {
			*bad_r = true;
			break;
		}
		uint32_t rot;
		if (!apply_one(mb, mb->log_version, r.type, buf + off + sizeof(r), r.len - sizeof(r),
			       keywords_r, &rot)) {
			*bad_r = true;
			break;
		}
		*rotate_r = rot;
		mb->log_rotate_next = rot;
		off += r.len;
	}
	if (off < len && len - off < sizeof(struct log_rec))
		*bad_r = true;
	return off;
}

bool idx_log_read_tail(struct mailbox *mb, struct idx_tail *tail_r, struct store_err *err)
{
	memset(tail_r, 0, sizeof(*tail_r));
	struct stat st;
	if (mb->log_fd < 0)
		return true;  /* an ephemeral view: nothing on disk */
	if (fstat(mb->log_fd, &st) != 0)
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox index");
	if ((uint64_t)st.st_size <= mb->log_off)
		return true;
	size_t len = (size_t)((uint64_t)st.st_size - mb->log_off);
	char *buf = malloc(len);
	if (buf == NULL)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	ssize_t n = pread(mb->log_fd, buf, len, (off_t)mb->log_off);
	if (n < 0) {
		free(buf);
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox index");
	}
	bool bad = false, keywords = false;
	size_t used = apply_records(mb, buf, (size_t)n, &bad, &keywords, &tail_r->rotate_next);
	if (bad) {
		/* A record cut short at the end of the file is a write that
		 * never completed (a crash): its command never answered.  A
		 * complete-looking but bad record with more after it is not. */
		struct log_rec r;
		bool torn = true;
		if ((size_t)n - used >= sizeof(r)) {
			memcpy(&r, buf + used, sizeof(r));
			if (r.len >= sizeof(r) && r.len % 8 == 0 && r.len < (size_t)n - used)
				torn = false;
		}
		if (torn && mb->lock.depth > 0) {
			log_warn("%s/%s: dropping a torn record at %llu", mb->path, IDX_LOG_FILE,
				 (unsigned long long)(mb->log_off + used));
			if (ftruncate(mb->log_fd, (off_t)(mb->log_off + used)) != 0)
				log_err("truncate %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(errno));
		} else if (!torn) {
			tail_r->corrupt = true;
		}
	}
	mb->log_off += used;
	free(buf);
	if (keywords && kw_load(mb) && mb->view)
		mb->kw_changed = true;
	return true;
}

/* ---- queuing records ------------------------------------------------------------ */

uint64_t idx_next_modseq(struct mailbox *mb)
{
	if (mb->batch_modseq == 0)
		mb->batch_modseq = mb->highestmodseq + 1;
	return mb->batch_modseq;
}

static void log_record(struct mailbox *mb, uint32_t type, const void *p1, size_t n1,
		       const void *p2, size_t n2)
{
	if (mb->bulk)
		return;  /* a snapshot will hold it all */
	size_t len = sizeof(struct log_rec) + n1 + n2;
	size_t padded = (len + 7) & ~(size_t)7;
	size_t start = mb->log_out.len;
	struct log_rec r = { .len = (uint32_t)padded, .type = type };
	static const char zeros[8];
	sbuf_add(&mb->log_out, &r, sizeof(r));
	sbuf_add(&mb->log_out, p1, n1);
	if (n2 > 0)
		sbuf_add(&mb->log_out, p2, n2);
	sbuf_add(&mb->log_out, zeros, padded - len);
	if (mb->log_out.failed)
		return;
	char *rec = mb->log_out.data + start;
	r.crc = idx_crc32(0, rec + 8, padded - 8);
	memcpy(rec + offsetof(struct log_rec, crc), &r.crc, sizeof(r.crc));
	/* So much at once (a first scan of a big folder, a STORE on all of
	 * it): the commit writes the whole state as a snapshot instead. */
	if (mb->log_out.len > LOG_COMPACT_MAX && mb->nops == 0) {
		mb->bulk = true;
		sbuf_free(&mb->log_out);
		sbuf_init(&mb->log_out, NULL);
	}
}

static void log_msg(struct mailbox *mb, uint32_t type, const struct mbox_msg *m)
{
	size_t nlen = strlen(m->name);
	struct log_msg lm = {
		.uid = m->uid, .upper = m->upper, .lower = m->lower,
		.state = (uint16_t)(m->state & MSG_SHARED), .tzoff = m->tzoff,
		.date = m->date, .size = m->size, .modseq = m->modseq, .name_len = (uint32_t)nlen,
	};
	log_record(mb, type, &lm, sizeof(lm), m->name, nlen + 1);
}

void idx_log_add(struct mailbox *mb, const struct mbox_msg *m)
{
	if (!mb->batch_adds) {
		mb->batch_adds = true;
		mb->batch_tail0 = mb->t.ntail - 1;  /* m is the tail's last */
		mb->batch_uidnext0 = m->uid;
	}
	log_msg(mb, LOG_ADD, m);
	/* QUOTA hook (store/quota.h): every message the index gains passes
	 * here once; its RFC822.SIZE counts from the next idx_commit().  A
	 * size not worked out yet (a delivery found by a scan, its name
	 * without S=) makes the usage be recomputed when next asked. */
	if (m->state & MSG_NO_SIZE)
		mb->quota_unknown = true;
	quota_note(mb, (m->state & MSG_NO_SIZE) ? 0 : (int64_t)m->size, 1);
}

void idx_log_update(struct mailbox *mb, const struct mbox_msg *m)
{
	log_msg(mb, LOG_UPDATE, m);
}

void idx_log_expunge(struct mailbox *mb, uint32_t uid)
{
	/* QUOTA hook (store/quota.h): every message the index loses passes
	 * here once, before its record goes (the size is looked up by UID). */
	long i = idx_find(mb, uid);
	if (i >= 0) {
		struct mbox_msg old = idx_at(mb, (uint32_t)i);
		if (old.state & MSG_NO_SIZE)
			mb->quota_unknown = true;
		quota_note(mb, (old.state & MSG_NO_SIZE) ? 0 : -(int64_t)old.size, -1);
	}
	struct log_expunge le = { .uid = uid, .modseq = idx_next_modseq(mb) };
	idx_note_expunge(mb, uid, le.modseq);
	log_record(mb, LOG_EXPUNGE, &le, sizeof(le), NULL, 0);
}

void idx_log_keywords(struct mailbox *mb)
{
	log_record(mb, LOG_KEYWORDS, NULL, 0, NULL, 0);
}

void idx_log_info(struct mailbox *mb, const struct mbox_msg *m)
{
	struct log_info li = { .uid = m->uid, .state = (uint16_t)(m->state & MSG_SHARED),
			       .tzoff = m->tzoff, .size = m->size, .date = m->date };
	log_record(mb, LOG_INFO, &li, sizeof(li), NULL, 0);
}

/* ---- committing ---------------------------------------------------------------------- */

/* The mtime of mb's new/ (which 0) or cur/ (1). */
static bool dir_mtime(const struct mailbox *mb, int which, struct idx_stamp *st_r)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", mb->path, which == 0 ? "new" : "cur");
	if (stat(path, &st) != 0)
		return false;
	st_r->sec = st.st_mtim.tv_sec;
	st_r->nsec = (int32_t)st.st_mtim.tv_nsec;
	return true;
}

/* A new snapshot and log generation.  With `complete` (every change is
 * in the old log), the old log's last record says so. */
static bool compact(struct mailbox *mb, bool complete, struct store_err *err)
{
	uint32_t gen = mb->log_gen + 1;
	if (!idx_snapshot_write(mb, gen, err))
		return false;
	if (complete) {
		struct log_rotate r = { .next_gen = gen, .complete = 1 };
		struct log_rec rec = { .len = sizeof(rec) + sizeof(r), .type = LOG_ROTATE };
		char buf[sizeof(rec) + sizeof(r)];
		memcpy(buf, &rec, sizeof(rec));
		memcpy(buf + sizeof(rec), &r, sizeof(r));
		rec.crc = idx_crc32(0, buf + 8, sizeof(buf) - 8);
		memcpy(buf + offsetof(struct log_rec, crc), &rec.crc, sizeof(rec.crc));
		/* Not synced: if it is lost, followers compare instead. */
		if (fd_write_all(mb->log_fd, buf, sizeof(buf)))
			mb->log_off += sizeof(buf);
		else if (ftruncate(mb->log_fd, (off_t)mb->log_off) != 0)
			log_err("truncate %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(errno));
	}
	mb->rebase_wanted = true;
	if (!idx_log_create(mb, gen, err)) {
		/* The snapshot holds everything, but the old log must not grow
		 * past it: the next sync finds the log missing and starts one. */
		log_warn("%s: no new index log: %s", mb->path, err->text);
		close(mb->log_fd);
		mb->log_fd = -1;
		mb->log_ino = 0;
	}
	return true;
}

bool idx_log_fold(struct mailbox *mb, struct store_err *err)
{
	if (mb->ephemeral || mb->log_fd < 0 || mb->nops > 0 || mb->log_out.len > 0 || mb->bulk)
		return false;
	return compact(mb, true, err);
}

void idx_log_discard(struct mailbox *mb)
{
	sbuf_reset(&mb->log_out);
	mb->bulk = false;
	mb->batch_adds = false;
	mb->batch_modseq = 0;
}

/* The batch could not be made durable: take back its additions. */
static void rollback_adds(struct mailbox *mb)
{
	if (!mb->batch_adds || mb->ephemeral)
		return;
	struct idx_table *t = &mb->t;
	if (mb->batch_tail0 < t->ntail) {
		for (uint32_t i = mb->batch_tail0; i < t->ntail; i++)
			if (t->tail[i].state & MSG_GHOST)
				mb->ghosts--;
		t->ntail = mb->batch_tail0;
	}
	mb->uidnext = mb->batch_uidnext0;
	if (mb->announced > idx_count(mb))
		mb->announced = idx_count(mb);
	t->claim_tail = 0;
	/* The directories' mtimes the scan took no longer stand for what
	 * the index holds: the files it found must be found again (by this
	 * process and, through the next DIRS record, by the others) once
	 * the log can be written. */
	mb->stamp[0].trusted = mb->stamp[1].trusted = 0;
	mb->stamps_changed = true;
}

static bool commit_failed(struct mailbox *mb)
{
	rollback_adds(mb);
	/* Others must not reuse the MODSEQ this process may have shown. */
	if (mb->batch_modseq > mb->highestmodseq)
		mb->highestmodseq = mb->batch_modseq;
	idx_log_discard(mb);
	return false;
}

static bool commit_log(struct mailbox *mb, struct store_err *err);

/* QUOTA hook: the usage file follows what the index committed, and drops
 * what was noted when the commit failed (store/quota.h). */
bool idx_commit(struct mailbox *mb, struct store_err *err)
{
	/* commit_log() takes the directories' new mtimes as read before it
	 * writes; when the write fails, what those mtimes cover (renamed
	 * flags, new or removed files) is not in the log, and a later
	 * commit must not record them as read: the mtimes go back to what
	 * the log says, so the next sync reads the directories again. */
	struct idx_stamp old[2];
	memcpy(old, mb->stamp, sizeof(old));
	bool ok = commit_log(mb, err);
	if (!ok) {
		/* Changes on disk the log does not have: the lock's mark stays
		 * at "its holder may be changing the folder" (index.c), as if
		 * this process had been killed, so that the next holder, this
		 * one included, reads both directories whatever their mtimes
		 * say (a change in the same clock tick as a trusted stamp
		 * would hide from them otherwise). */
		mb->holder_died = true;
		/* For as long as this process has the folder open: what it
		 * holds in memory may differ from the log from now on, so it
		 * never declares the folder read (the mark stays), and the
		 * next holder without such a past clears it after its own
		 * full read. */
		mb->unlogged = true;
		/* (commit_failed() may have marked them untrusted: kept.) */
		for (int w = 0; w < 2; w++) {
			bool trusted = old[w].trusted && mb->stamp[w].trusted;
			mb->stamp[w] = old[w];
			mb->stamp[w].trusted = trusted;
		}
	}
	quota_commit(mb, ok);
	return ok;
}

static bool commit_log(struct mailbox *mb, struct store_err *err)
{
	if (mb->log_out.failed) {
		commit_failed(mb);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	if (mb->log_out.len == 0 && !mb->bulk && !mb->dirty_new && !mb->dirty_cur &&
	    !mb->stamps_changed)
		return true;
	/* Only the directories' new stamps (a scan that found nothing new,
	 * as every open after a delivery into new/ makes): a hint, not
	 * state.  Lost in a crash, the next sync rescans; so no wait for the
	 * disk (an APPEND waited for one more fdatasync for it). */
	bool stamps_only = mb->log_out.len == 0 && !mb->bulk && !mb->dirty_new && !mb->dirty_cur;
	char path[4096];
	for (int which = 0; which < 2; which++) {
		bool dirty = which == 0 ? mb->dirty_new : mb->dirty_cur;
		if (!dirty)
			continue;
		snprintf(path, sizeof(path), "%s/%s", mb->path, which == 0 ? "new" : "cur");
		/* mail_fsync: optimized: a flag change's rename stays in the
		 * page cache (its record too, below); a later synced commit
		 * or the kernel writes them.  If power is lost first, the
		 * next sync finds cur/'s mtime unlike the record's stamp and
		 * rescans: the file names on disk are the truth. */
		if (!mb->commit_nosync && !mdir_fsync_dir(path))
			log_warn("fsync %s: %s", path, strerror(errno));
		/*
		 * Our own change moved the mtime.  In cur/ we take the new
		 * mtime as synchronised (other imapds wait for the lock; a
		 * mail reader renaming in the same clock tick is found when
		 * its file goes missing or cur/ changes again).  new/ is where
		 * MTAs deliver without locking, so a change there in the same
		 * tick must not hide: the next sync rescans new/ (cheap).
		 */
		struct idx_stamp s;
		if (dir_mtime(mb, which, &s)) {
			s.trusted = which == 1 ? mb->stamp[1].trusted : 0;
			mb->stamp[which] = s;
		}
	}
	if (mb->dirty_new || mb->dirty_cur || mb->stamps_changed)
		log_record(mb, LOG_DIRS, mb->stamp, sizeof(mb->stamp), NULL, 0);
	mb->dirty_new = mb->dirty_cur = mb->stamps_changed = false;
	if (mb->ephemeral || mb->log_fd < 0) {
		commit_failed(mb);
		return store_fail(err, STORE_ERR_NOSPACE, "Not enough disk space");
	}
	struct stat st;
	if (fstat(mb->log_fd, &st) == 0 && (uint64_t)st.st_size != mb->log_off) {
		/* Records we have not read: a caller wrote without replaying
		 * first under the lock.  Appending would desynchronise us. */
		log_err("%s/%s: commit at %llu but the log ends at %llu", mb->path, IDX_LOG_FILE,
			(unsigned long long)mb->log_off, (unsigned long long)st.st_size);
		commit_failed(mb);
		return store_fail(err, STORE_ERR_IO, "Mailbox index out of step; try again");
	}
	if (mb->bulk) {
		/* The snapshot's HIGHESTMODSEQ must cover this batch: an
		 * expunge leaves no message with its MODSEQ to count, and the
		 * next process would give that value out again. */
		if (mb->batch_modseq > mb->highestmodseq)
			mb->highestmodseq = mb->batch_modseq;
		if (!compact(mb, false, err))
			return commit_failed(mb);
		idx_log_discard(mb);
		return true;
	}
	bool ok = fd_write_all(mb->log_fd, mb->log_out.data, mb->log_out.len) &&
		  (mb->commit_nosync || stamps_only || fdatasync(mb->log_fd) == 0);
	if (!ok) {
		int e = errno;
		log_err("writing %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(e));
		/* Cut off what was written, so no half record stays. */
		if (ftruncate(mb->log_fd, (off_t)mb->log_off) != 0)
			log_err("truncate %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(errno));
		commit_failed(mb);
		return store_fail_errno(err, e, "Cannot write the mailbox index");
	}
	mb->log_off += mb->log_out.len;
	if (mb->batch_modseq > mb->highestmodseq)
		mb->highestmodseq = mb->batch_modseq;
	idx_log_discard(mb);
	/* Fold the log into a new snapshot once it has grown; not while
	 * flag changes are queued (the view holds them ahead of the disk),
	 * and after a failure only once it has grown again. */
	bool grown = mb->log_off > LOG_COMPACT_MAX ||
		     (mb->log_off > LOG_COMPACT_MIN && mb->log_off > mb->snapshot_size);
	if (mb->nops == 0 && grown && mb->log_off > mb->compact_failed_at + LOG_COMPACT_MIN) {
		struct store_err e2;
		if (!compact(mb, true, &e2)) {
			/* The records are durable in the log: not a failure. */
			log_warn("%s: folding the index log: %s", mb->path, e2.text);
			mb->compact_failed_at = mb->log_off;
		}
	}
	return true;
}
