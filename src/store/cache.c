/*
 * cache.c - the message cache, imapd.cache (see mailbox.h, "the message
 * cache", and cache_map.h).
 *
 * The file: a 64-octet header (magic "imapdcch", format version,
 * byte-order mark, UIDVALIDITY, the content version of its records, a
 * random identity, CRC-32 of the header), then records appended one
 * after the other at 8-octet boundaries:
 *
 *     len (all of it), uid, a 64-bit hash of everything but itself,
 *     nfields, the offset of the message's previous record, then
 *     nfields x (field number, length), then the fields' octets, padded
 *     with NULs to 8.
 *
 * A message's fields are those of its newest record and of the ones it
 * chains to (fields worked out later are added in a record of their
 * own, not copied); a record is never changed in place.
 * The snapshot of the index records each message's record offset (and
 * which file, by its identity); records written after the part of the
 * file the snapshot covers are found by reading their headers once
 * (cache_map.h).  Every look at the file's size and every write happens
 * under the folder's index lock, so no reader ever maps a record being
 * written, and the only truncation is a writer taking back its own
 * failed write.  Anything that does not parse - a torn record left by a
 * crash, a damaged header - makes the file start again empty (a new one
 * renamed over it, so other processes' mappings stay valid).
 */
#include "store/cache_map.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/idx_log.h"
#include "store/idx_snapshot.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/maildir.h"
#include "store/sync.h"
#include "util/fd.h"
#include "util/log.h"

#define CACHE_MAGIC     "imapdcch"
#define CACHE_FORMAT    1
#define CACHE_BYTEORDER UINT32_C(0x01020304)

/* Write queued records once this much is queued. */
#define CACHE_PENDING_MAX (1024 * 1024)
/* Once this much of the file is past what the snapshot covers, write a
 * snapshot that records the offsets (mbox_cache_flush). */
#define CACHE_FOLD (4 * 1024 * 1024)

struct cache_header {
	char magic[8];
	uint32_t format;
	uint32_t byteorder;
	uint32_t header_size;
	uint32_t uidvalidity;
	uint32_t version;           /* the content version of the records */
	uint32_t pad;
	uint64_t id;
	uint32_t pad2[5];
	uint32_t header_crc;
};

struct cache_rec {
	uint32_t len;
	uint32_t uid;
	uint64_t hash;
	uint16_t nfields;
	uint16_t pad;
	uint32_t prev;              /* the message's previous record / 8, or 0 */
};

/* Records of one message chained through prev: at most this many. */
#define CACHE_CHAIN_MAX 4

struct cache_field {
	uint16_t id;
	uint16_t pad;
	uint32_t len;
};

_Static_assert(sizeof(struct cache_header) == 64, "cache header layout");
_Static_assert(sizeof(struct cache_rec) == 24, "cache record layout");
_Static_assert(sizeof(struct cache_field) == 8, "cache field layout");

/* A 64-bit hash of a record's octets, eight at a time (records are
 * multiples of 8): checks each record as it is read, at memory speed. */
static uint64_t rec_hash(const struct cache_rec *r, const char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ ((uint64_t)r->len << 32) ^ r->uid;
	for (size_t i = 0; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	h ^= h >> 29;
	h *= 0xc4ceb9fe1a85ec53u;
	return h ^ (h >> 32);
}

static void path_of(const struct mailbox *mb, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", mb->path, CACHE_FILE);
}

static void unmap(struct mbox_cache *c)
{
	if (c->map != NULL)
		munmap((void *)c->map, c->maplen);
	c->map = NULL;
	c->maplen = 0;
}

/* Forget the file (not the queue). */
static void cache_reset(struct mbox_cache *c)
{
	unmap(c);
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
	c->end = c->scanned = 0;
	c->id = 0;
	cache_map_free(c);
}

/* Map the file up to c->end (under the lock). */
static bool remap(struct mbox_cache *c)
{
	if (c->end <= c->maplen)
		return true;
	unmap(c);
	void *p = mmap(NULL, (size_t)c->end, PROT_READ, MAP_SHARED, c->fd, 0);
	if (p == MAP_FAILED)
		return false;
	c->map = p;
	c->maplen = (size_t)c->end;
	return true;
}

/* A new, empty cache file replacing any (index lock held). */
static bool create_file(struct mailbox *mb, struct mbox_cache *c, uint32_t version)
{
	struct cache_header h = { .format = CACHE_FORMAT, .byteorder = CACHE_BYTEORDER,
				  .header_size = sizeof(h), .uidvalidity = mb->uidvalidity,
				  .version = version };
	memcpy(h.magic, CACHE_MAGIC, 8);
	if (getrandom(&h.id, sizeof(h.id), GRND_NONBLOCK) != (ssize_t)sizeof(h.id))
		h.id = ((uint64_t)time(NULL) << 32) ^ (uint64_t)getpid() ^ (uint64_t)clock();
	if (h.id == 0)
		h.id = 1;
	h.header_crc = idx_crc32(0, &h, offsetof(struct cache_header, header_crc));
	cache_reset(c);
	if (!mdir_write_file(mb->path, CACHE_FILE, &h, sizeof(h))) {
		log_warn("%s/%s: %s; not caching", mb->path, CACHE_FILE, strerror(errno));
		c->disabled = true;
		return false;
	}
	char path[4096];
	path_of(mb, path, sizeof(path));
	struct stat st;
	c->fd = store_path_open(mb->store, path, O_RDWR | O_APPEND, 0);
	if (c->fd < 0 || fstat(c->fd, &st) != 0) {
		cache_reset(c);
		c->disabled = true;
		return false;
	}
	c->writable = true;
	c->id = h.id;
	c->version = version;
	c->dev = st.st_dev;
	c->ino = st.st_ino;
	c->end = c->scanned = sizeof(h);
	return true;
}

/* Read the headers of the records in [c->scanned, c->end) into the map
 * (index lock held).  Anything that does not parse: begin anew. */
static void scan(struct mailbox *mb, struct mbox_cache *c)
{
	if (!remap(c)) {
		cache_reset(c);
		return;
	}
	uint64_t off = c->scanned;
	while (off + sizeof(struct cache_rec) <= c->end) {
		struct cache_rec r;
		memcpy(&r, c->map + off, sizeof(r));
		if (r.len < sizeof(r) || r.len % 8 != 0 || r.len > c->end - off || r.uid == 0)
			break;
		cache_map_add(c, r.uid, off);
		off += r.len;
	}
	if (off != c->end) {
		log_warn("%s/%s: damaged at %llu; starting it anew", mb->path, CACHE_FILE,
			 (unsigned long long)off);
		uint32_t version = c->version;
		if (c->writable)
			create_file(mb, c, version);
		else
			cache_reset(c);
		return;
	}
	c->scanned = off;
}

/* Open the file as it is (index lock held): its header checked, the
 * records after the snapshot's part found. */
static void open_file(struct mailbox *mb, struct mbox_cache *c, uint32_t version)
{
	char path[4096];
	path_of(mb, path, sizeof(path));
	cache_reset(c);
	c->writable = true;
	c->fd = store_path_open(mb->store, path, O_RDWR | O_APPEND, 0);
	if (c->fd < 0 && errno == EACCES) {
		c->writable = false;
		c->fd = store_path_open(mb->store, path, O_RDONLY, 0);
	}
	if (c->fd < 0)
		return;  /* none yet: made at the first write */
	struct stat st;
	struct cache_header h;
	if (fstat(c->fd, &st) != 0 || pread(c->fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h) ||
	    memcmp(h.magic, CACHE_MAGIC, 8) != 0 || h.format != CACHE_FORMAT ||
	    h.byteorder != CACHE_BYTEORDER || h.header_size != sizeof(h) ||
	    h.header_crc != idx_crc32(0, &h, offsetof(struct cache_header, header_crc)) ||
	    h.uidvalidity != mb->uidvalidity || h.version != version) {
		/* Another server generation's or another mailbox's, or
		 * damaged: start it anew (or ignore it, read-only). */
		if (c->writable)
			create_file(mb, c, version);
		else
			cache_reset(c);
		return;
	}
	c->id = h.id;
	c->version = version;
	c->dev = st.st_dev;
	c->ino = st.st_ino;
	c->end = (uint64_t)st.st_size;
	c->scanned = sizeof(h);
	if (mb->t.base_cache_id == c->id && mb->t.base_cache_end > c->scanned &&
	    mb->t.base_cache_end <= c->end)
		c->scanned = mb->t.base_cache_end;
	scan(mb, c);
}

/* The cache of mb, opened on first use; NULL when it cannot be. */
static struct mbox_cache *cache_use(struct mailbox *mb, uint32_t version)
{
	if (mb->cache == NULL) {
		if (mb->ephemeral)
			return NULL;
		struct mbox_cache *c = calloc(1, sizeof(*c));
		if (c == NULL)
			return NULL;
		c->fd = -1;
		c->version = version;
		c->checked = mb->sync_count;
		sbuf_init(&c->pending, NULL);
		mb->cache = c;
		struct store_err err;
		if (!idx_lock(mb, &err))
			return c;
		open_file(mb, c, version);
		idx_unlock(mb);
	}
	return mb->cache->version == version ? mb->cache : NULL;
}

/* Once per command: has the file grown, or been replaced? */
static void cache_check(struct mailbox *mb, struct mbox_cache *c)
{
	if (c->checked == mb->sync_count)
		return;
	c->checked = mb->sync_count;
	struct store_err err;
	if (!idx_lock(mb, &err))
		return;
	char path[4096];
	struct stat st;
	path_of(mb, path, sizeof(path));
	if (stat(path, &st) == 0 && (c->fd < 0 || st.st_ino != c->ino || st.st_dev != c->dev)) {
		open_file(mb, c, c->version);
	} else if (c->fd >= 0 && fstat(c->fd, &st) == 0 && (uint64_t)st.st_size > c->end) {
		c->end = (uint64_t)st.st_size;
		scan(mb, c);
	}
	idx_unlock(mb);
}

bool mbox_cache_get(struct mailbox *mb, uint32_t seq, uint32_t version, struct mbox_cached *c_r)
{
	memset(c_r, 0, sizeof(*c_r));
	struct mbox_cache *c = cache_use(mb, version);
	if (c == NULL)
		return false;
	cache_check(mb, c);
	if (c->fd < 0)
		return false;
	struct mbox_msg m = idx_at(mb, seq - 1);
	uint64_t off = cache_map_find(c, m.uid);
	if (off == 0 && m.cache_off != 0 && mb->t.base_cache_id == c->id)
		off = (uint64_t)m.cache_off * 8;
	bool any = false;
	for (int depth = 0; off != 0 && depth < CACHE_CHAIN_MAX; depth++) {
		if (off + sizeof(struct cache_rec) > c->end)
			break;
		if (off + sizeof(struct cache_rec) > c->maplen) {
			struct store_err err;
			if (!idx_lock(mb, &err))
				break;
			bool ok = remap(c);
			idx_unlock(mb);
			if (!ok)
				break;
		}
		struct cache_rec r;
		memcpy(&r, c->map + off, sizeof(r));
		if (r.uid != m.uid || r.len < sizeof(r) || r.len % 8 != 0 || r.len > c->maplen - off)
			break;
		const char *body = c->map + off + sizeof(r);
		size_t blen = r.len - sizeof(r);
		if (rec_hash(&r, body, blen) != r.hash ||
		    (size_t)r.nfields * sizeof(struct cache_field) > blen)
			break;
		size_t at = (size_t)r.nfields * sizeof(struct cache_field);
		bool ok = true;
		for (uint16_t i = 0; i < r.nfields && ok; i++) {
			struct cache_field f;
			memcpy(&f, body + i * sizeof(f), sizeof(f));
			if (f.len > blen - at) {
				ok = false;
				break;
			}
			/* Newer records come first: they win. */
			if (f.id < MBOX_CACHE_FIELDS && c_r->data[f.id] == NULL) {
				c_r->data[f.id] = body + at;
				c_r->len[f.id] = f.len;
				any = true;
			}
			at += f.len;
		}
		if (!ok)
			break;
		uint64_t prev = (uint64_t)r.prev * 8;
		if (prev >= off)
			break;  /* chains go back only */
		off = prev;
	}
	return any;
}

/* Write the queue (index lock held); false when it was not written. */
static bool write_pending(struct mailbox *mb, struct mbox_cache *c)
{
	char path[4096];
	struct stat st;
	path_of(mb, path, sizeof(path));
	if (c->fd < 0 || stat(path, &st) != 0 || st.st_ino != c->ino || st.st_dev != c->dev)
		open_file(mb, c, c->version);
	if (c->fd < 0 && !create_file(mb, c, c->version))
		return false;
	if (!c->writable || fstat(c->fd, &st) != 0)
		return false;
	if ((uint64_t)st.st_size > c->end) {
		c->end = (uint64_t)st.st_size;
		scan(mb, c);  /* others' records first */
		if (c->fd < 0)
			return false;
	}
	uint64_t at = c->end;
	if (!fd_write_all(c->fd, c->pending.data, c->pending.len)) {
		int e = errno;
		/* Nobody saw the partial write (the lock): take it back. */
		if (ftruncate(c->fd, (off_t)at) != 0)
			log_err("truncate %s: %s", path, strerror(errno));
		log_warn("%s: %s; the cache stops growing", path, strerror(e));
		c->disabled = true;
		return false;
	}
	for (uint32_t i = 0; i < c->npend; i++)
		cache_map_add(c, c->pend_uid[i], at + c->pend_off[i]);
	c->end = c->scanned = at + c->pending.len;
	return true;
}

static void flush(struct mailbox *mb, bool fold)
{
	struct mbox_cache *c = mb->cache;
	if (c == NULL || c->npend == 0)
		return;
	struct store_err err;
	if (!c->disabled && idx_lock(mb, &err)) {
		if (write_pending(mb, c) && fold && c->id != 0) {
			/* Many records the snapshot does not know: write one that
			 * does, so that no session has to look for them. */
			uint64_t known = mb->t.base_cache_id == c->id ? mb->t.base_cache_end
								      : sizeof(struct cache_header);
			if (c->scanned > known + CACHE_FOLD && mb->nops == 0 &&
			    sync_locked(mb, false, &err) && idx_commit(mb, &err) && !mb->gone)
				idx_log_fold(mb, &err);
		}
		idx_unlock(mb);
		/* Moved onto a snapshot that holds the offsets: forget them. */
		if (mb->t.base_cache_id == c->id && mb->t.base_cache_end >= c->scanned)
			cache_map_free(c);
	}
	sbuf_reset(&c->pending);
	if (c->pending.cap > CACHE_PENDING_MAX * 2)
		sbuf_free(&c->pending);
	c->npend = 0;
}

void mbox_cache_put(struct mailbox *mb, uint32_t seq, uint32_t version, const struct mbox_cached *f)
{
	struct mbox_cache *c = cache_use(mb, version);
	if (c == NULL || c->disabled || (!c->writable && c->fd >= 0))
		return;
	if (c->npend == c->cappend) {
		uint32_t cap = c->cappend < 256 ? 256 : c->cappend * 2;
		uint32_t *u = realloc(c->pend_uid, cap * sizeof(*u));
		if (u == NULL)
			return;
		c->pend_uid = u;
		uint32_t *o = realloc(c->pend_off, cap * sizeof(*o));
		if (o == NULL)
			return;
		c->pend_off = o;
		c->cappend = cap;
	}
	struct mbox_msg m = idx_at(mb, seq - 1);
	struct cache_rec r = { .uid = m.uid };
	/* Chain to what the message has already (checked when read). */
	uint64_t prev = cache_map_find(c, m.uid);
	if (prev == 0 && m.cache_off != 0 && mb->t.base_cache_id == c->id && c->fd >= 0)
		prev = (uint64_t)m.cache_off * 8;
	r.prev = (uint32_t)(prev / 8);
	struct cache_field fl[MBOX_CACHE_FIELDS];
	size_t dlen = 0;
	for (uint16_t i = 0; i < MBOX_CACHE_FIELDS; i++) {
		if (f->data[i] == NULL)
			continue;
		fl[r.nfields++] = (struct cache_field){ .id = i, .len = f->len[i] };
		dlen += f->len[i];
	}
	size_t len = sizeof(r) + r.nfields * sizeof(fl[0]) + dlen;
	size_t padded = (len + 7) & ~(size_t)7;
	if (padded > UINT32_MAX / 2 || r.nfields == 0)
		return;
	r.len = (uint32_t)padded;
	struct sbuf *b = &c->pending;
	size_t start = b->len;
	static const char zeros[8];
	sbuf_add(b, &r, sizeof(r));
	sbuf_add(b, fl, r.nfields * sizeof(fl[0]));
	for (uint16_t i = 0; i < MBOX_CACHE_FIELDS; i++)
		if (f->data[i] != NULL)
			sbuf_add(b, f->data[i], f->len[i]);
	sbuf_add(b, zeros, padded - len);
	if (b->failed) {
		sbuf_free(b);
		c->npend = 0;
		return;
	}
	r.hash = rec_hash(&r, b->data + start + sizeof(r), padded - sizeof(r));
	memcpy(b->data + start + offsetof(struct cache_rec, hash), &r.hash, sizeof(r.hash));
	c->pend_uid[c->npend] = r.uid;
	c->pend_off[c->npend] = (uint32_t)start;
	c->npend++;
	if (b->len > CACHE_PENDING_MAX)
		flush(mb, false);
}

void mbox_cache_flush(struct mailbox *mb)
{
	flush(mb, true);
}

void mbox_cache_close(struct mailbox *mb)
{
	struct mbox_cache *c = mb->cache;
	if (c == NULL)
		return;
	flush(mb, false);
	cache_reset(c);
	sbuf_free(&c->pending);
	free(c->pend_uid);
	free(c->pend_off);
	free(c);
	mb->cache = NULL;
}
