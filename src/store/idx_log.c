/*
 * idx_log.c - the change log of the index (see idx_log.h).
 *
 * Records are appended one checksummed record at a time and fdatasynced
 * before the command that made them answers.  A process that has a
 * mailbox open reads only the new tail to learn what others did.  When
 * the log outgrows half the snapshot, the writer folds it into a new
 * snapshot and starts a new log whose generation number the snapshot
 * names.  A torn last record (a crash during its write) is cut off by
 * the next writer; a bad record with valid data after it is corruption.
 */
#include "store/idx_log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/idx_table.h"
#include "store/kwfile.h"
#include "store/maildir.h"
#include "util/fd.h"
#include "util/log.h"

#define LOG_MAGIC       "imapdlog"

/* Fold the log into a new snapshot past this size and half the snapshot. */
#define LOG_COMPACT_MIN (256 * 1024)

struct idx_log_header {
	char magic[8];              /* LOG_MAGIC */
	uint32_t version;
	uint32_t byteorder;
	uint32_t gen;               /* matches the snapshot's log_gen */
	uint32_t uidvalidity;
};

enum log_type {
	LOG_ADD = 1,                /* struct log_msg + name: a new message */
	LOG_UPDATE = 2,             /* struct log_msg + name: flags, name, state */
	LOG_EXPUNGE = 3,            /* uint32_t uid */
	LOG_DIRS = 4,               /* struct idx_stamp[2] */
	LOG_KEYWORDS = 5,           /* nothing: reread the keywords file */
};

/* Every record: len (all of it, a multiple of 8), the CRC-32 of what
 * follows crc, the type, then the payload. */
struct log_rec {
	uint32_t len;
	uint32_t crc;
	uint32_t type;
	uint32_t pad;
};

struct log_msg {
	uint32_t uid, upper, lower;
	uint16_t state;
	int16_t tzoff;
	int64_t date;
	uint64_t size;
	uint32_t name_len;          /* the name and a NUL follow */
	uint32_t pad;
};

_Static_assert(sizeof(struct log_rec) == 16, "log record layout");
_Static_assert(sizeof(struct log_msg) == 40, "log message layout");

bool idx_log_create(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	struct idx_log_header h = { .version = IDX_VERSION, .byteorder = IDX_BYTEORDER,
				    .gen = gen, .uidvalidity = mb->uidvalidity };
	memcpy(h.magic, LOG_MAGIC, 8);
	char dst[4096];
	if (!idx_path(mb, IDX_LOG_FILE, dst, sizeof(dst)) ||
	    !mdir_write_file(mb->path, IDX_LOG_FILE, &h, sizeof(h))) {
		log_err("writing %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot write the mailbox index");
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
	return true;
}

enum idx_load idx_log_open(struct mailbox *mb)
{
	char path[4096];
	if (!idx_path(mb, IDX_LOG_FILE, path, sizeof(path)))
		return IDX_LOAD_ERROR;
	int fd = store_path_open(mb->store, path, O_RDWR | O_APPEND, 0);
	if (fd < 0)
		return errno == ENOENT ? IDX_LOAD_MISSING : IDX_LOAD_ERROR;
	struct idx_log_header h;
	struct stat st;
	if (fstat(fd, &st) != 0 || pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    memcmp(h.magic, LOG_MAGIC, 8) != 0 || h.version != IDX_VERSION ||
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
	return IDX_LOAD_OK;
}

static void apply_msg(struct mailbox *mb, uint32_t type, const struct log_msg *lm, const char *name)
{
	if (type == LOG_ADD) {
		uint32_t last = mb->count > 0 ? mb->msgs[mb->count - 1].uid : 0;
		if (lm->uid <= last) {
			if (lm->uid >= mb->uidnext)
				mb->uidnext = lm->uid + 1;
			return;
		}
		struct mbox_msg m = {
			.uid = lm->uid, .upper = lm->upper, .lower = lm->lower,
			.state = (uint16_t)(lm->state & MSG_SHARED), .tzoff = lm->tzoff,
			.date = lm->date, .size = lm->size,
		};
		if (!idx_set_name(&m, name, lm->name_len))
			return;
		if (idx_append(mb, &m) == NULL)
			free(m.name);
		return;
	}
	long i = idx_find(mb, lm->uid);
	if (i < 0 || (mb->msgs[i].state & MSG_GHOST))
		return;
	struct mbox_msg *m = &mb->msgs[i];
	if (m->upper != lm->upper || m->lower != lm->lower) {
		if (mb->view && (uint32_t)i < mb->announced)
			{
			m->state |= MSG_CHANGED;
			mb->any_changed = true;
		}
		m->upper = lm->upper;
		m->lower = lm->lower;
	}
	m->state = (uint16_t)((m->state & ~MSG_SHARED) | (lm->state & MSG_SHARED));
	if (strcmp(m->name, name) != 0)
		idx_set_name(m, name, lm->name_len);
}

/* Apply the records in buf[0..len) (the log from offset base); returns
 * the octets consumed, and in *bad_r whether a bad record stopped it. */
static size_t apply_records(struct mailbox *mb, const char *buf, size_t len, bool *bad_r,
			    bool *keywords_r)
{
	size_t off = 0;
	*bad_r = false;
	while (len - off >= sizeof(struct log_rec)) {
		struct log_rec r;
		memcpy(&r, buf + off, sizeof(r));
		if (r.len < sizeof(r) || r.len % 8 != 0 || r.len > len - off) {
			*bad_r = true;
			break;
		}
		const char *p = buf + off + sizeof(r);
		size_t plen = r.len - sizeof(r);
		if (r.crc != idx_crc32(0, buf + off + 8, r.len - 8)) {
			*bad_r = true;
			break;
		}
		switch (r.type) {
		case LOG_ADD:
		case LOG_UPDATE: {
			struct log_msg lm;
			if (plen < sizeof(lm)) {
				*bad_r = true;
				return off;
			}
			memcpy(&lm, p, sizeof(lm));
			if (lm.name_len == 0 || plen < sizeof(lm) + lm.name_len + 1 ||
			    p[sizeof(lm) + lm.name_len] != '\0') {
				*bad_r = true;
				return off;
			}
			apply_msg(mb, r.type, &lm, p + sizeof(lm));
			break;
		}
		case LOG_EXPUNGE: {
			uint32_t uid;
			if (plen < sizeof(uid)) {
				*bad_r = true;
				return off;
			}
			memcpy(&uid, p, sizeof(uid));
			long i = idx_find(mb, uid);
			if (i >= 0)
				idx_expunged(mb, (uint32_t)i);
			break;
		}
		case LOG_DIRS:
			if (plen >= sizeof(mb->stamp))
				memcpy(mb->stamp, p, sizeof(mb->stamp));
			break;
		case LOG_KEYWORDS:
			*keywords_r = true;
			break;
		default:
			break;  /* a newer writer's record: skip it */
		}
		off += r.len;
	}
	if (off < len && len - off < sizeof(struct log_rec))
		*bad_r = true;
	return off;
}

bool idx_log_read_tail(struct mailbox *mb, bool *corrupt_r, struct store_err *err)
{
	*corrupt_r = false;
	struct stat st;
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
	size_t used = apply_records(mb, buf, (size_t)n, &bad, &keywords);
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
			*corrupt_r = true;
		}
	}
	mb->log_off += used;
	free(buf);
	if (keywords && kw_load(mb) && mb->view)
		mb->kw_changed = true;
	return true;
}

static void log_record(struct mailbox *mb, uint32_t type, const void *p1, size_t n1,
		       const void *p2, size_t n2)
{
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
}

static void log_msg(struct mailbox *mb, uint32_t type, const struct mbox_msg *m)
{
	size_t nlen = strlen(m->name);
	struct log_msg lm = {
		.uid = m->uid, .upper = m->upper, .lower = m->lower,
		.state = (uint16_t)(m->state & MSG_SHARED), .tzoff = m->tzoff,
		.date = m->date, .size = m->size, .name_len = (uint32_t)nlen,
	};
	log_record(mb, type, &lm, sizeof(lm), m->name, nlen + 1);
}

void idx_log_add(struct mailbox *mb, const struct mbox_msg *m)
{
	log_msg(mb, LOG_ADD, m);
}

void idx_log_update(struct mailbox *mb, const struct mbox_msg *m)
{
	log_msg(mb, LOG_UPDATE, m);
}

void idx_log_expunge(struct mailbox *mb, uint32_t uid)
{
	uint32_t pl[2] = { uid, 0 };
	log_record(mb, LOG_EXPUNGE, pl, sizeof(pl), NULL, 0);
}

void idx_log_keywords(struct mailbox *mb)
{
	log_record(mb, LOG_KEYWORDS, NULL, 0, NULL, 0);
}

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

static bool compact(struct mailbox *mb, struct store_err *err)
{
	uint32_t gen = mb->log_gen + 1;
	if (!idx_snapshot_write(mb, gen, err))
		return false;
	return idx_log_create(mb, gen, err);
}

bool idx_commit(struct mailbox *mb, struct store_err *err)
{
	if (mb->log_out.failed) {
		sbuf_reset(&mb->log_out);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	if (mb->log_out.len == 0 && !mb->dirty_new && !mb->dirty_cur && !mb->stamps_changed)
		return true;
	char path[4096];
	for (int which = 0; which < 2; which++) {
		bool dirty = which == 0 ? mb->dirty_new : mb->dirty_cur;
		if (!dirty)
			continue;
		snprintf(path, sizeof(path), "%s/%s", mb->path, which == 0 ? "new" : "cur");
		if (!mdir_fsync_dir(path))
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
	struct stat st;
	if (fstat(mb->log_fd, &st) == 0 && (uint64_t)st.st_size != mb->log_off) {
		/* Records we have not read: a caller wrote without replaying
		 * first under the lock.  Appending would desynchronise us. */
		log_err("%s/%s: commit at %llu but the log ends at %llu", mb->path, IDX_LOG_FILE,
			(unsigned long long)mb->log_off, (unsigned long long)st.st_size);
		sbuf_reset(&mb->log_out);
		return store_fail(err, STORE_ERR_IO, "Mailbox index out of step; try again");
	}
	if (mb->log_out.len > LOG_COMPACT_MIN && mb->nops == 0) {
		/* So much at once (a first scan of a big folder): write the
		 * whole state as a new snapshot instead of a long log. */
		sbuf_reset(&mb->log_out);
		return compact(mb, err);
	}
	bool ok = fd_write_all(mb->log_fd, mb->log_out.data, mb->log_out.len) &&
		  fdatasync(mb->log_fd) == 0;
	if (!ok) {
		log_err("writing %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(errno));
		/* Cut off what was written, so no half record stays. */
		if (ftruncate(mb->log_fd, (off_t)mb->log_off) != 0)
			log_err("truncate %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(errno));
		sbuf_reset(&mb->log_out);
		return store_fail(err, STORE_ERR_IO, "Cannot write the mailbox index");
	}
	mb->log_off += mb->log_out.len;
	sbuf_reset(&mb->log_out);
	/* Fold the log into a new snapshot once it has grown; not while
	 * flag changes are queued (the view holds them ahead of the disk). */
	if (mb->nops == 0 && mb->log_off > LOG_COMPACT_MIN && mb->log_off > mb->snapshot_size / 2)
		return compact(mb, err);
	return true;
}
