/*
 * idx_snapshot.c - the snapshot file of the index (see idx_snapshot.h
 * and the layout in idx_format.h).
 *
 * Writing streams the table through a buffer (a 100,000-message folder
 * makes an 11 MB file; no copy of it is built in memory).  Loading maps
 * the file and checks only its header: the records are read when asked
 * for, bounded (idx_table.c), so that opening a folder costs the same
 * for ten messages as for a million.
 */
#include "store/idx_snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/cache_map.h"
#include "store/idx_format.h"
#include "store/idx_table.h"
#include "store/maildir.h"
#include "util/fd.h"
#include "util/log.h"

/* At most this many expunge history entries are kept (the oldest go,
 * and the floor rises past them): RFC7162 §3.2.5.2 lets a server forget. */
#define HIST_MAX 20000
/* ... and none older than this. */
#define HIST_MAX_AGE (90 * 24 * 3600)

/* ---- CRC-32 ---------------------------------------------------------------- */

/* Slice-by-8 (the same CRC as the byte-at-a-time table, eight octets a
 * step): snapshots of large folders are megabytes. */
static uint32_t crc_tab[8][256];

static void crc_init(void)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
		crc_tab[0][i] = c;
	}
	for (uint32_t i = 0; i < 256; i++)
		for (int s = 1; s < 8; s++)
			crc_tab[s][i] = (crc_tab[s - 1][i] >> 8) ^ crc_tab[0][crc_tab[s - 1][i] & 0xff];
}

uint32_t idx_crc32(uint32_t crc, const void *data, size_t len)
{
	if (crc_tab[0][1] == 0)
		crc_init();
	const unsigned char *p = data;
	crc = ~crc;
	while (len >= 8) {
		uint32_t lo, hi;
		memcpy(&lo, p, 4);
		memcpy(&hi, p + 4, 4);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		lo = __builtin_bswap32(lo);
		hi = __builtin_bswap32(hi);
#endif
		lo ^= crc;
		crc = crc_tab[7][lo & 0xff] ^ crc_tab[6][(lo >> 8) & 0xff] ^
		      crc_tab[5][(lo >> 16) & 0xff] ^ crc_tab[4][lo >> 24] ^
		      crc_tab[3][hi & 0xff] ^ crc_tab[2][(hi >> 8) & 0xff] ^
		      crc_tab[1][(hi >> 16) & 0xff] ^ crc_tab[0][hi >> 24];
		p += 8;
		len -= 8;
	}
	while (len-- > 0)
		crc = crc_tab[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}

bool idx_path(const struct mailbox *mb, const char *file, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s/%s", mb->path, file);
	return n > 0 && (size_t)n < size;
}

/* ---- writing ------------------------------------------------------------------ */

/* A buffered writer that keeps the CRC of what went through it. */
struct out {
	int fd;
	char buf[256 * 1024];
	size_t n;
	uint32_t crc;
	bool ok;
};

static void out_flush(struct out *o)
{
	if (o->ok && o->n > 0)
		o->ok = fd_write_all(o->fd, o->buf, o->n);
	o->n = 0;
}

static void out_add(struct out *o, const void *p, size_t len)
{
	o->crc = idx_crc32(o->crc, p, len);
	const char *s = p;
	while (len > 0) {
		if (o->n == sizeof(o->buf))
			out_flush(o);
		size_t k = sizeof(o->buf) - o->n < len ? sizeof(o->buf) - o->n : len;
		memcpy(o->buf + o->n, s, k);
		o->n += k;
		s += k;
		len -= k;
	}
}

static void out_pad8(struct out *o, uint64_t written)
{
	static const char zeros[8];
	if (written % 8 != 0)
		out_add(o, zeros, 8 - written % 8);
}

/* The expunge history to write: the base's, then what this process
 * learned since, ranges of UIDs with one MODSEQ joined; trimmed to
 * HIST_MAX entries and HIST_MAX_AGE, raising the floor past what goes. */
static struct idx_file_expunged *history(const struct mailbox *mb, uint32_t *n_r,
					 uint64_t *floor_r)
{
	const struct idx_table *t = &mb->t;
	uint64_t floor = t->hist_floor;
	size_t cap = (size_t)t->nhist + t->nexp;
	struct idx_file_expunged *h = malloc((cap > 0 ? cap : 1) * sizeof(*h));
	if (h == NULL)
		return NULL;
	size_t n = 0;
	for (uint32_t i = 0; i < t->nhist; i++)
		h[n++] = t->hist[i];
	int64_t now = (int64_t)time(NULL);
	for (uint32_t i = 0; i < t->nexp; i++) {
		const struct idx_expunge_note *e = &t->exp[i];
		if (e->modseq <= floor)
			continue;
		struct idx_file_expunged *last = n > 0 ? &h[n - 1] : NULL;
		if (last != NULL && last->modseq == e->modseq && last->uid_hi + 1 == e->uid) {
			last->uid_hi = e->uid;
			continue;
		}
		h[n++] = (struct idx_file_expunged){ e->uid, e->uid, e->modseq, now };
	}
	size_t drop = 0;
	while (drop < n && (n - drop > HIST_MAX || h[drop].when < now - HIST_MAX_AGE)) {
		if (h[drop].modseq > floor)
			floor = h[drop].modseq;
		drop++;
	}
	if (drop > 0)
		memmove(h, h + drop, (n - drop) * sizeof(*h));
	*n_r = (uint32_t)(n - drop);
	*floor_r = floor;
	return h;
}

bool idx_snapshot_write(struct mailbox *mb, uint32_t gen, struct store_err *err)
{
	uint32_t count = idx_count(mb), live = 0, unseen = 0, unclaimed = 0;
	uint32_t first_unseen = UINT32_MAX, first_unclaimed = UINT32_MAX;
	uint64_t names_size = 0, highest = mb->highestmodseq;
	/* First pass: the counts and the size of the name area. */
	for (uint32_t i = 0; i < count; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if (m.state & MSG_GHOST)
			continue;
		if (!(m.upper & MDIR_UPPER('S'))) {
			unseen++;
			if (first_unseen == UINT32_MAX)
				first_unseen = live;
		}
		if (m.state & MSG_UNCLAIMED) {
			unclaimed++;
			if (first_unclaimed == UINT32_MAX)
				first_unclaimed = live;
		}
		if (m.modseq > highest)
			highest = m.modseq;
		names_size += strlen(m.name) + 1;
		live++;
	}
	names_size = (names_size + 7) & ~(uint64_t)7;
	uint32_t nhist = 0;
	uint64_t floor = 0;
	struct idx_file_expunged *hist = history(mb, &nhist, &floor);
	if (hist == NULL || names_size > UINT32_MAX) {
		free(hist);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	uint64_t cache_id = mb->t.base_cache_id, cache_end = mb->t.base_cache_end;
	mbox_cache_snapshot_info(mb, &cache_id, &cache_end);
	struct idx_file_header h = {
		.version = IDX_VERSION, .byteorder = IDX_BYTEORDER,
		.header_size = sizeof(h), .record_size = sizeof(struct idx_file_record),
		.uidvalidity = mb->uidvalidity, .uidnext = mb->uidnext, .count = live,
		.log_gen = gen, .names_size = names_size, .highestmodseq = highest,
		.unseen = unseen, .unclaimed = unclaimed,
		.first_unseen = first_unseen == UINT32_MAX ? live : first_unseen,
		.first_unclaimed = first_unclaimed == UINT32_MAX ? live : first_unclaimed,
		.nexpunged = nhist, .expunge_floor = floor,
		.cache_id = cache_id, .cache_end = cache_end,
	};
	memcpy(h.magic, IDX_MAGIC, 8);
	h.stamp[0] = mb->stamp[0];
	h.stamp[1] = mb->stamp[1];

	char tmp[4096], dst[4096];
	bool ok = idx_path(mb, IDX_SNAPSHOT_FILE, dst, sizeof(dst)) &&
		  snprintf(tmp, sizeof(tmp), "%s.tmp%ld", dst, (long)getpid()) < (int)sizeof(tmp);
	struct out *o = ok ? malloc(sizeof(*o)) : NULL;
	int fd = o != NULL ? store_path_open(mb->store, tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600) : -1;
	int e = errno;
	if (fd < 0) {
		free(o);
		free(hist);
		log_err("writing %s/%s: %s", mb->path, IDX_SNAPSHOT_FILE, strerror(e));
		return store_fail_errno(err, e, "Cannot write the mailbox index");
	}
	o->fd = fd;
	o->n = 0;
	o->crc = 0;
	o->ok = lseek(fd, (off_t)sizeof(h), SEEK_SET) == (off_t)sizeof(h);
	/* Second pass: the records. */
	uint32_t name_off = 0, k = 0;
	for (uint32_t i = 0; i < count; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if (m.state & MSG_GHOST)
			continue;
		struct idx_file_record r = {
			.uid = m.uid, .upper = m.upper, .lower = m.lower,
			.state = (uint16_t)(m.state & MSG_SHARED), .tzoff = m.tzoff,
			.date = m.date, .size = m.size, .modseq = m.modseq > 0 ? m.modseq : 1,
			.name_off = name_off,
			.cache_off = mbox_cache_off(mb, m.uid, m.cache_off),
		};
		name_off += (uint32_t)strlen(m.name) + 1;
		out_add(o, &r, sizeof(r));
	}
	/* The unseen list. */
	for (uint32_t i = 0; i < count; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if (m.state & MSG_GHOST)
			continue;
		if (!(m.upper & MDIR_UPPER('S')))
			out_add(o, &k, sizeof(k));
		k++;
	}
	out_pad8(o, (uint64_t)unseen * 4);
	/* The names. */
	for (uint32_t i = 0; i < count; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if (!(m.state & MSG_GHOST))
			out_add(o, m.name, strlen(m.name) + 1);
	}
	out_pad8(o, name_off);
	out_add(o, hist, (size_t)nhist * sizeof(*hist));
	out_flush(o);
	h.body_crc = o->crc;
	h.header_crc = idx_crc32(0, &h, offsetof(struct idx_file_header, header_crc));
	ok = o->ok && pwrite(fd, &h, sizeof(h), 0) == (ssize_t)sizeof(h);
	ok = ok && fsync(fd) == 0;
	e = errno;
	ok = close(fd) == 0 && ok;
	if (ok && rename(tmp, dst) != 0) {
		e = errno;
		ok = false;
	}
	if (!ok)
		unlink(tmp);
	ok = ok && mdir_fsync_dir(mb->path);
	free(o);
	free(hist);
	if (!ok) {
		log_err("writing %s/%s: %s", mb->path, IDX_SNAPSHOT_FILE, strerror(e));
		return store_fail_errno(err, e, "Cannot write the mailbox index");
	}
	mb->snapshot_size = sizeof(h) + (uint64_t)live * sizeof(struct idx_file_record) +
			    (((uint64_t)unseen * 4 + 7) & ~(uint64_t)7) + names_size +
			    (uint64_t)nhist * sizeof(*hist);
	if (highest > mb->highestmodseq)
		mb->highestmodseq = highest;
	return true;
}

/* ---- loading ---------------------------------------------------------------------- */

/* The file's sections, from a header already checked for size overflow. */
static uint64_t expected_size(const struct idx_file_header *h)
{
	return sizeof(*h) + (uint64_t)h->count * sizeof(struct idx_file_record) +
	       (((uint64_t)h->unseen * 4 + 7) & ~(uint64_t)7) + h->names_size +
	       (uint64_t)h->nexpunged * sizeof(struct idx_file_expunged);
}

enum idx_load idx_snapshot_load(struct mailbox *mb)
{
	char path[4096];
	if (!idx_path(mb, IDX_SNAPSHOT_FILE, path, sizeof(path)))
		return IDX_LOAD_ERROR;
	int fd = store_path_open(mb->store, path, O_RDONLY, 0);
	if (fd < 0)
		return errno == ENOENT ? IDX_LOAD_MISSING : IDX_LOAD_ERROR;
	struct stat st;
	struct idx_file_header h;
	if (fstat(fd, &st) != 0) {
		close(fd);
		return IDX_LOAD_ERROR;
	}
	/* A version 1 header is 88 octets: its first 16 say which it is. */
	size_t want = (size_t)st.st_size < sizeof(h) ? (size_t)st.st_size : sizeof(h);
	if (want < 16 || pread(fd, &h, want, 0) != (ssize_t)want ||
	    memcmp(h.magic, IDX_MAGIC, 8) != 0 || h.byteorder != IDX_BYTEORDER) {
		close(fd);
		return IDX_LOAD_BAD;
	}
	if (h.version == IDX_VERSION_V1) {
		close(fd);
		return IDX_LOAD_V1;
	}
	if (want < sizeof(h) || h.version != IDX_VERSION || h.header_size != sizeof(h) ||
	    h.record_size != sizeof(struct idx_file_record) ||
	    h.header_crc != idx_crc32(0, &h, offsetof(struct idx_file_header, header_crc)) ||
	    h.uidvalidity == 0 || h.names_size % 8 != 0 || h.names_size > UINT32_MAX ||
	    h.unseen > h.count || h.unclaimed > h.count || h.first_unclaimed > h.count ||
	    expected_size(&h) != (uint64_t)st.st_size || (h.count > 0 && h.names_size == 0)) {
		close(fd);
		return IDX_LOAD_BAD;
	}
	void *base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		return IDX_LOAD_ERROR;
	const char *p = (const char *)base + sizeof(h);
	const struct idx_file_record *recs = (const struct idx_file_record *)p;
	p += (size_t)h.count * sizeof(*recs);
	const uint32_t *unseen = (const uint32_t *)p;
	p += ((size_t)h.unseen * 4 + 7) & ~(size_t)7;
	const char *names = p;
	p += h.names_size;
	if (h.names_size > 0 && names[h.names_size - 1] != '\0') {
		munmap(base, (size_t)st.st_size);
		return IDX_LOAD_BAD;
	}
	struct idx_table *t = &mb->t;
	idx_table_free(t);
	t->map = base;
	t->maplen = (size_t)st.st_size;
	t->base = recs;
	t->nbase = h.count;
	t->unseen_list = unseen;
	t->names = names;
	t->names_size = h.names_size;
	t->hist = (const struct idx_file_expunged *)p;
	t->nhist = h.nexpunged;
	t->hist_floor = h.expunge_floor;
	t->base_gen = h.log_gen;
	t->base_cache_id = h.cache_id;
	t->base_cache_end = h.cache_end;
	t->base_unseen = h.unseen;
	t->base_unclaimed = h.unclaimed;
	t->first_unclaimed = h.first_unclaimed;
	t->body_crc = h.body_crc;
	mb->uidvalidity = h.uidvalidity;
	mb->uidnext = h.uidnext;
	mb->highestmodseq = h.highestmodseq;
	mb->log_gen = h.log_gen;
	mb->stamp[0] = h.stamp[0];
	mb->stamp[1] = h.stamp[1];
	mb->snapshot_size = (uint64_t)st.st_size;
	return IDX_LOAD_OK;
}

bool idx_snapshot_verify(const struct mailbox *mb)
{
	const struct idx_table *t = &mb->t;
	if (t->map == NULL)
		return true;
	const char *body = (const char *)t->map + sizeof(struct idx_file_header);
	if (idx_crc32(0, body, t->maplen - sizeof(struct idx_file_header)) != t->body_crc)
		return false;
	/* UIDs ascend and stay below UIDNEXT; names are in the name area. */
	uint32_t prev = 0;
	for (uint32_t b = 0; b < t->nbase; b++) {
		const struct idx_file_record *r = &t->base[b];
		if (r->uid <= prev || r->uid >= mb->uidnext || r->name_off >= t->names_size)
			return false;
		prev = r->uid;
	}
	return true;
}
