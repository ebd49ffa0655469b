/*
 * index.c - the per-folder index: UIDs, flags, sizes and dates of every
 * message, so that SELECT, FETCH FLAGS/RFC822.SIZE/INTERNALDATE, STATUS
 * and flag SEARCHes never read message files.
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
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/maildir.h"
#include "store/store_int.h"
#include "util/log.h"

#define IDX_VERSION     1
#define IDX_BYTEORDER   UINT32_C(0x01020304)
#define IDX_MAGIC       "imapdidx"
#define LOG_MAGIC       "imapdlog"

/* Fold the log into a new snapshot past this size and half the snapshot. */
#define LOG_COMPACT_MIN (256 * 1024)

struct idx_file_header {
	char magic[8];              /* IDX_MAGIC */
	uint32_t version;           /* IDX_VERSION */
	uint32_t byteorder;         /* IDX_BYTEORDER as written */
	uint32_t header_size;       /* sizeof(struct idx_file_header) */
	uint32_t record_size;       /* sizeof(struct idx_file_record) */
	uint32_t uidvalidity;
	uint32_t uidnext;
	uint32_t count;             /* records */
	uint32_t log_gen;           /* the log generation that continues this */
	uint64_t names_size;        /* octets of names after the records */
	struct idx_stamp stamp[2];  /* new/ and cur/ mtimes when last synced */
	uint32_t pad;
	uint32_t header_crc;        /* CRC-32 of the octets before it */
};

struct idx_file_record {
	uint32_t uid;
	uint32_t upper;             /* info letters A-Z */
	uint32_t lower;             /* info letters a-z (keywords) */
	uint16_t state;             /* MSG_IN_NEW | MSG_UNCLAIMED */
	int16_t tzoff;              /* minutes east of UTC, or MSG_TZ_LOCAL */
	int64_t date;               /* INTERNALDATE */
	uint64_t size;              /* CRLF size */
	uint32_t name_off;          /* into the name area */
	uint32_t name_len;          /* without the NUL */
};

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

_Static_assert(sizeof(struct idx_file_header) == 88, "index header layout");
_Static_assert(sizeof(struct idx_file_record) == 40, "index record layout");
_Static_assert(sizeof(struct log_rec) == 16, "log record layout");
_Static_assert(sizeof(struct log_msg) == 40, "log message layout");

/* ---- CRC-32 -------------------------------------------------------------- */

uint32_t idx_crc32(uint32_t crc, const void *data, size_t len)
{
	static uint32_t table[256];
	if (table[1] == 0) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++)
				c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
			table[i] = c;
		}
	}
	const unsigned char *p = data;
	crc = ~crc;
	while (len-- > 0)
		crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

/* ---- paths and locking ------------------------------------------------------- */

static bool folder_file(const struct mailbox *mb, const char *file, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s/%s", mb->path, file);
	return n > 0 && (size_t)n < size;
}

bool idx_fd_lock(int fd)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	for (;;) {
#ifdef F_OFD_SETLKW
		if (fcntl(fd, F_OFD_SETLKW, &fl) == 0)
			return true;
		if (errno == EINVAL) {
			/* An old kernel: process-wide locks (we never open a
			 * lock file twice at once, so closing cannot drop one). */
			if (fcntl(fd, F_SETLKW, &fl) == 0)
				return true;
		}
#else
		if (fcntl(fd, F_SETLKW, &fl) == 0)
			return true;
#endif
		if (errno != EINTR)
			return false;
	}
}

void idx_fd_unlock(int fd)
{
	struct flock fl = { .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
#ifdef F_OFD_SETLK
	if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
		return;
#endif
	fcntl(fd, F_SETLK, &fl);
}

bool idx_lock(struct mailbox *mb, struct store_err *err)
{
	if (mb->lock_depth > 0) {
		mb->lock_depth++;
		return true;
	}
	if (mb->lock_fd < 0) {
		char path[4096];
		if (!folder_file(mb, IDX_LOCK_FILE, path, sizeof(path)))
			return store_fail(err, STORE_ERR_IO, "Mailbox path too long");
		mb->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (mb->lock_fd < 0) {
			if (errno == ENOENT) {
				mb->gone = true;
				return store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
			}
			log_err("open %s: %s", path, strerror(errno));
			return store_fail(err, STORE_ERR_IO, "Cannot lock the mailbox");
		}
	}
	if (!idx_fd_lock(mb->lock_fd)) {
		log_err("lock %s/%s: %s", mb->path, IDX_LOCK_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot lock the mailbox");
	}
	mb->lock_depth = 1;
	return true;
}

void idx_unlock(struct mailbox *mb)
{
	if (mb->lock_depth == 0 || --mb->lock_depth > 0)
		return;
	idx_fd_unlock(mb->lock_fd);
}

/* ---- the message array ---------------------------------------------------------- */

long idx_find(const struct mailbox *mb, uint32_t uid)
{
	uint32_t lo = 0, hi = mb->count;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (mb->msgs[mid].uid < uid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < mb->count && mb->msgs[lo].uid == uid ? (long)lo : -1;
}

struct mbox_msg *idx_append(struct mailbox *mb, const struct mbox_msg *m)
{
	if (mb->count == mb->cap) {
		uint32_t cap = mb->cap < 64 ? 64 : mb->cap * 2;
		struct mbox_msg *n = realloc(mb->msgs, sizeof(*n) * cap);
		if (n == NULL)
			return NULL;
		mb->msgs = n;
		mb->cap = cap;
	}
	struct mbox_msg *d = &mb->msgs[mb->count++];
	*d = *m;
	if (m->uid >= mb->uidnext)
		mb->uidnext = m->uid + 1;
	return d;
}

bool idx_set_name(struct mbox_msg *m, const char *name, size_t len)
{
	char *n = malloc(len + 1);
	if (n == NULL)
		return false;
	memcpy(n, name, len);
	n[len] = '\0';
	if (m->state & MSG_NAME_OWNED)
		free(m->name);
	m->name = n;
	m->state |= MSG_NAME_OWNED;
	return true;
}

void idx_expunged(struct mailbox *mb, uint32_t i)
{
	struct mbox_msg *m = &mb->msgs[i];
	if (m->state & MSG_GHOST)
		return;
	m->state |= MSG_GHOST;
	m->state &= (uint16_t)~MSG_CHANGED;
	mb->ghosts++;
}

void idx_drop_ghosts(struct mailbox *mb, uint32_t from)
{
	if (mb->ghosts == 0)
		return;
	uint32_t w = from;
	for (uint32_t r = from; r < mb->count; r++) {
		struct mbox_msg *m = &mb->msgs[r];
		if (m->state & MSG_GHOST) {
			if (m->state & MSG_NAME_OWNED)
				free(m->name);
			mb->ghosts--;
			continue;
		}
		if (w != r)
			mb->msgs[w] = *m;
		w++;
	}
	mb->count = w;
	if (mb->announced > mb->count)
		mb->announced = mb->count;
	mb->claim_from = 0;  /* indexes moved */
}

static void free_msgs(struct mailbox *mb)
{
	for (uint32_t i = 0; i < mb->count; i++)
		if (mb->msgs[i].state & MSG_NAME_OWNED)
			free(mb->msgs[i].name);
	free(mb->msgs);
	mb->msgs = NULL;
	mb->count = mb->cap = mb->announced = mb->ghosts = 0;
}

static void free_maps(struct idx_map *map)
{
	while (map != NULL) {
		struct idx_map *next = map->next;
		munmap(map->base, map->len);
		free(map);
		map = next;
	}
}

void idx_free(struct mailbox *mb)
{
	free_msgs(mb);
	free_maps(mb->maps);
	mb->maps = NULL;
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = -1;
	if (mb->lock_fd >= 0)
		close(mb->lock_fd);
	mb->lock_fd = -1;
	mb->lock_depth = 0;
	sbuf_free(&mb->log_out);
}

/* ---- writing the snapshot and a new log ------------------------------------------ */

static bool write_snapshot(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	struct sbuf names;
	sbuf_init(&names, NULL);
	size_t live = mb->count - mb->ghosts;
	size_t recbytes = live * sizeof(struct idx_file_record);
	struct idx_file_record *recs = malloc(recbytes > 0 ? recbytes : 1);
	if (recs == NULL)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	size_t k = 0;
	for (uint32_t i = 0; i < mb->count; i++) {
		const struct mbox_msg *m = &mb->msgs[i];
		if (m->state & MSG_GHOST)
			continue;
		size_t nlen = strlen(m->name);
		recs[k] = (struct idx_file_record){
			.uid = m->uid, .upper = m->upper, .lower = m->lower,
			.state = (uint16_t)(m->state & MSG_SHARED), .tzoff = m->tzoff,
			.date = m->date, .size = m->size,
			.name_off = (uint32_t)names.len, .name_len = (uint32_t)nlen,
		};
		sbuf_add(&names, m->name, nlen + 1);
		k++;
	}
	struct idx_file_header h = {
		.magic = IDX_MAGIC, .version = IDX_VERSION, .byteorder = IDX_BYTEORDER,
		.header_size = sizeof(h), .record_size = sizeof(struct idx_file_record),
		.uidvalidity = mb->uidvalidity, .uidnext = mb->uidnext, .count = (uint32_t)live,
		.log_gen = gen, .names_size = names.len,
	};
	memcpy(h.magic, IDX_MAGIC, 8);
	h.stamp[0] = mb->stamp[0];
	h.stamp[1] = mb->stamp[1];
	h.header_crc = idx_crc32(0, &h, offsetof(struct idx_file_header, header_crc));

	char tmp[4096], dst[4096];
	bool ok = !names.failed && folder_file(mb, IDX_SNAPSHOT_FILE, dst, sizeof(dst)) &&
		  snprintf(tmp, sizeof(tmp), "%s.tmp%ld", dst, (long)getpid()) < (int)sizeof(tmp);
	int fd = ok ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600) : -1;
	if (fd < 0) {
		ok = false;
	} else {
		struct part {
			const void *p;
			size_t n;
		} parts[3] = { { &h, sizeof(h) }, { recs, recbytes }, { names.data, names.len } };
		for (int i = 0; i < 3 && ok; i++) {
			const char *p = parts[i].p;
			size_t n = parts[i].n;
			while (n > 0) {
				ssize_t w = write(fd, p, n);
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0) {
					ok = false;
					break;
				}
				p += w;
				n -= (size_t)w;
			}
		}
		ok = ok && fsync(fd) == 0;
		ok = close(fd) == 0 && ok;
		ok = ok && rename(tmp, dst) == 0;
		if (!ok)
			unlink(tmp);
		ok = ok && mdir_fsync_dir(mb->path);
	}
	int e = errno;
	free(recs);
	sbuf_free(&names);
	if (!ok) {
		log_err("writing %s/%s: %s", mb->path, IDX_SNAPSHOT_FILE, strerror(e));
		return store_fail(err, STORE_ERR_IO, "Cannot write the mailbox index");
	}
	mb->snapshot_size = sizeof(h) + recbytes + h.names_size;
	return true;
}

/* Start log generation gen (replacing any log) and make it ours. */
static bool create_log(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	struct idx_log_header h = { .version = IDX_VERSION, .byteorder = IDX_BYTEORDER,
				    .gen = gen, .uidvalidity = mb->uidvalidity };
	memcpy(h.magic, LOG_MAGIC, 8);
	char dst[4096];
	if (!folder_file(mb, IDX_LOG_FILE, dst, sizeof(dst)) ||
	    !mdir_write_file(mb->path, IDX_LOG_FILE, &h, sizeof(h))) {
		log_err("writing %s/%s: %s", mb->path, IDX_LOG_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot write the mailbox index");
	}
	int fd = open(dst, O_RDWR | O_APPEND | O_CLOEXEC);
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

/* A fresh index for a folder that has none (or a broken one): a new
 * UIDVALIDITY, no messages, directories to be scanned. */
static bool create_index(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	free_msgs(mb);
	mb->uidvalidity = store_new_uidvalidity(mb->store);
	if (mb->uidvalidity == 0)
		return store_fail(err, STORE_ERR_IO, "Cannot allocate a UIDVALIDITY");
	mb->uidnext = 1;
	memset(mb->stamp, 0, sizeof(mb->stamp));
	if (!write_snapshot(mb, gen, err))
		return false;
	return create_log(mb, gen, err);
}

/* ---- reading ----------------------------------------------------------------------- */

enum load_result { LOAD_OK, LOAD_MISSING, LOAD_BAD, LOAD_ERROR };

/* Map the snapshot and fill mb->msgs from it. */
static enum load_result load_snapshot(struct mailbox *mb)
{
	char path[4096];
	if (!folder_file(mb, IDX_SNAPSHOT_FILE, path, sizeof(path)))
		return LOAD_ERROR;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? LOAD_MISSING : LOAD_ERROR;
	struct stat st;
	struct idx_file_header h;
	if (fstat(fd, &st) != 0) {
		close(fd);
		return LOAD_ERROR;
	}
	if ((size_t)st.st_size < sizeof(h) || pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h)) {
		close(fd);
		return LOAD_BAD;
	}
	uint64_t need = sizeof(h) + (uint64_t)h.count * sizeof(struct idx_file_record) + h.names_size;
	if (memcmp(h.magic, IDX_MAGIC, 8) != 0 || h.version != IDX_VERSION ||
	    h.byteorder != IDX_BYTEORDER || h.header_size != sizeof(h) ||
	    h.record_size != sizeof(struct idx_file_record) ||
	    h.header_crc != idx_crc32(0, &h, offsetof(struct idx_file_header, header_crc)) ||
	    need != (uint64_t)st.st_size || h.uidvalidity == 0) {
		close(fd);
		return LOAD_BAD;
	}
	void *base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		return LOAD_ERROR;
	struct idx_map *map = malloc(sizeof(*map));
	struct mbox_msg *msgs = malloc(sizeof(*msgs) * ((size_t)h.count + 64));
	if (map == NULL || msgs == NULL) {
		free(map);
		free(msgs);
		munmap(base, (size_t)st.st_size);
		return LOAD_ERROR;
	}
	const struct idx_file_record *recs =
		(const struct idx_file_record *)((const char *)base + sizeof(h));
	char *names = (char *)base + sizeof(h) + (size_t)h.count * sizeof(*recs);
	uint32_t prev = 0;
	for (uint32_t i = 0; i < h.count; i++) {
		const struct idx_file_record *r = &recs[i];
		if (r->uid <= prev || r->uid >= h.uidnext || r->name_len == 0 ||
		    (uint64_t)r->name_off + r->name_len >= h.names_size ||
		    names[r->name_off + r->name_len] != '\0') {
			free(map);
			free(msgs);
			munmap(base, (size_t)st.st_size);
			return LOAD_BAD;
		}
		prev = r->uid;
		msgs[i] = (struct mbox_msg){
			.uid = r->uid, .upper = r->upper, .lower = r->lower,
			.state = (uint16_t)(r->state & MSG_SHARED), .tzoff = r->tzoff,
			.date = r->date, .size = r->size, .name = names + r->name_off,
		};
	}
	free_msgs(mb);
	map->base = base;
	map->len = (size_t)st.st_size;
	map->next = mb->maps;
	mb->maps = map;
	mb->msgs = msgs;
	mb->count = h.count;
	mb->cap = h.count + 64;
	mb->uidvalidity = h.uidvalidity;
	mb->uidnext = h.uidnext;
	mb->log_gen = h.log_gen;
	mb->stamp[0] = h.stamp[0];
	mb->stamp[1] = h.stamp[1];
	mb->snapshot_size = (uint64_t)st.st_size;
	return LOAD_OK;
}

/* Open the log that continues the snapshot: LOAD_MISSING when there is
 * none of the right generation. */
static enum load_result open_log(struct mailbox *mb)
{
	char path[4096];
	if (!folder_file(mb, IDX_LOG_FILE, path, sizeof(path)))
		return LOAD_ERROR;
	int fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? LOAD_MISSING : LOAD_ERROR;
	struct idx_log_header h;
	struct stat st;
	if (fstat(fd, &st) != 0 || pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    memcmp(h.magic, LOG_MAGIC, 8) != 0 || h.version != IDX_VERSION ||
	    h.byteorder != IDX_BYTEORDER || h.uidvalidity != mb->uidvalidity) {
		close(fd);
		return LOAD_MISSING;
	}
	if (h.gen != mb->log_gen) {
		close(fd);
		/* An older log (a crash between the snapshot and the new log)
		 * is folded into the snapshot already; a newer one cannot be. */
		return h.gen < mb->log_gen ? LOAD_MISSING : LOAD_BAD;
	}
	if (mb->log_fd >= 0)
		close(mb->log_fd);
	mb->log_fd = fd;
	mb->log_dev = st.st_dev;
	mb->log_ino = st.st_ino;
	mb->log_off = sizeof(h);
	return LOAD_OK;
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

/* Read and apply the log from mb->log_off to its end.  *corrupt_r when
 * a bad record has valid-looking data after it (not a torn tail). */
static bool read_log_tail(struct mailbox *mb, bool *corrupt_r, struct store_err *err)
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
		if (torn && mb->lock_depth > 0) {
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

/* Snapshot plus log into mb (lock held); rebuilds a broken index. */
static bool load_files(struct mailbox *mb, struct store_err *err)
{
	enum load_result r = load_snapshot(mb);
	if (r == LOAD_ERROR) {
		log_err("reading %s/%s: %s", mb->path, IDX_SNAPSHOT_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox index");
	}
	if (r == LOAD_BAD)
		log_warn("%s/%s is damaged; rebuilding it with a new UIDVALIDITY", mb->path,
			 IDX_SNAPSHOT_FILE);
	if (r != LOAD_OK)
		return create_index(mb, r == LOAD_BAD ? mb->log_gen + 1 : 1, err);
	r = open_log(mb);
	if (r == LOAD_ERROR)
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox index");
	if (r == LOAD_BAD) {
		log_warn("%s/%s does not belong to its snapshot; rebuilding", mb->path, IDX_LOG_FILE);
		return create_index(mb, mb->log_gen + 1, err);
	}
	if (r == LOAD_MISSING)
		return create_log(mb, mb->log_gen, err);
	bool corrupt;
	if (!read_log_tail(mb, &corrupt, err))
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
		.view = false, .lock_fd = -1, .log_fd = -1, .lock_depth = mb->lock_depth,
	};
	sbuf_init(&fresh.log_out, NULL);
	if (!load_files(&fresh, err)) {
		fresh.lock_depth = 0;
		idx_free(&fresh);
		return false;
	}
	idx_drop_ghosts(&fresh, 0);
	if (fresh.uidvalidity != mb->uidvalidity) {
		mb->gone = true;
		fresh.lock_depth = 0;
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
	fresh.lock_depth = 0;
	if (kw_load(mb) && mb->view)
		mb->kw_changed = true;
	idx_free(&fresh);
	return true;
}

bool idx_replay(struct mailbox *mb, struct store_err *err)
{
	char path[4096];
	struct stat st;
	if (!folder_file(mb, IDX_LOG_FILE, path, sizeof(path)))
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
		ok = read_log_tail(mb, &corrupt, err);
		if (ok && corrupt) {
			log_warn("%s/%s is damaged; rebuilding the index", mb->path, IDX_LOG_FILE);
			/* Rebuild under a new UIDVALIDITY; the view cannot follow. */
			struct mailbox fresh = { .store = mb->store, .name = mb->name, .path = mb->path,
						 .lock_fd = -1, .log_fd = -1 };
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

/* ---- writing the log ------------------------------------------------------------------ */

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
	if (!write_snapshot(mb, gen, err))
		return false;
	return create_log(mb, gen, err);
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
	const char *p = mb->log_out.data;
	size_t n = mb->log_out.len;
	bool ok = !mb->log_out.failed;
	while (ok && n > 0) {
		ssize_t w = write(mb->log_fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			ok = false;
			break;
		}
		p += w;
		n -= (size_t)w;
	}
	ok = ok && fdatasync(mb->log_fd) == 0;
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

/* ---- UIDVALIDITY ------------------------------------------------------------------------ */

uint32_t store_new_uidvalidity(struct store *st)
{
	/* A lock of its own, taken last: callers may hold the root lock and
	 * a folder's lock (in that order), so this one must not be either. */
	char lockpath[4096];
	snprintf(lockpath, sizeof(lockpath), "%s/%s.lock", st->root, UIDVALIDITY_FILE);
	int lockfd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lockfd < 0 || !idx_fd_lock(lockfd)) {
		log_err("lock %s: %s", lockpath, strerror(errno));
		if (lockfd >= 0)
			close(lockfd);
		return 0;
	}
	char path[4096], buf[32];
	uint32_t last = 0;
	snprintf(path, sizeof(path), "%s/%s", st->root, UIDVALIDITY_FILE);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		ssize_t n = read(fd, buf, sizeof(buf) - 1);
		if (n > 0) {
			buf[n] = '\0';
			last = (uint32_t)strtoul(buf, NULL, 10);
		}
		close(fd);
	}
	/* Time-based like Dovecot's and Cyrus's, and always above the last
	 * one given, so a re-created mailbox never repeats a UIDVALIDITY. */
	uint32_t now = (uint32_t)time(NULL);
	uint32_t v = now > last ? now : last + 1;
	if (v == 0)
		v = 1;
	int n = snprintf(buf, sizeof(buf), "%u\n", v);
	if (!mdir_write_file(st->root, UIDVALIDITY_FILE, buf, (size_t)n)) {
		log_err("writing %s: %s", path, strerror(errno));
		v = 0;
	}
	close(lockfd);  /* releases the lock */
	return v;
}
