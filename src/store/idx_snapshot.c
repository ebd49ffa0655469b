/*
 * idx_snapshot.c - the snapshot file of the index (see idx_snapshot.h):
 * a header, fixed-size records in UID order, then the file names, each
 * NUL-terminated; native byte order, which the header records.
 */
#include "store/idx_snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/idx_table.h"
#include "store/maildir.h"
#include "util/fd.h"
#include "util/log.h"
#include "util/sbuf.h"

#define IDX_MAGIC       "imapdidx"

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

_Static_assert(sizeof(struct idx_file_header) == 88, "index header layout");
_Static_assert(sizeof(struct idx_file_record) == 40, "index record layout");

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

bool idx_path(const struct mailbox *mb, const char *file, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s/%s", mb->path, file);
	return n > 0 && (size_t)n < size;
}

bool idx_snapshot_write(struct mailbox *mb, uint32_t gen, struct store_err *err)
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
	bool ok = !names.failed && idx_path(mb, IDX_SNAPSHOT_FILE, dst, sizeof(dst)) &&
		  snprintf(tmp, sizeof(tmp), "%s.tmp%ld", dst, (long)getpid()) < (int)sizeof(tmp);
	int fd = ok ? store_path_open(mb->store, tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600) : -1;
	if (fd < 0) {
		ok = false;
	} else {
		struct part {
			const void *p;
			size_t n;
		} parts[3] = { { &h, sizeof(h) }, { recs, recbytes }, { names.data, names.len } };
		for (int i = 0; i < 3 && ok; i++)
			ok = fd_write_all(fd, parts[i].p, parts[i].n);
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
	if ((size_t)st.st_size < sizeof(h) || pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h)) {
		close(fd);
		return IDX_LOAD_BAD;
	}
	uint64_t need = sizeof(h) + (uint64_t)h.count * sizeof(struct idx_file_record) + h.names_size;
	if (memcmp(h.magic, IDX_MAGIC, 8) != 0 || h.version != IDX_VERSION ||
	    h.byteorder != IDX_BYTEORDER || h.header_size != sizeof(h) ||
	    h.record_size != sizeof(struct idx_file_record) ||
	    h.header_crc != idx_crc32(0, &h, offsetof(struct idx_file_header, header_crc)) ||
	    need != (uint64_t)st.st_size || h.uidvalidity == 0) {
		close(fd);
		return IDX_LOAD_BAD;
	}
	void *base = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (base == MAP_FAILED)
		return IDX_LOAD_ERROR;
	struct idx_map *map = malloc(sizeof(*map));
	struct mbox_msg *msgs = malloc(sizeof(*msgs) * ((size_t)h.count + 64));
	if (map == NULL || msgs == NULL) {
		free(map);
		free(msgs);
		munmap(base, (size_t)st.st_size);
		return IDX_LOAD_ERROR;
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
			return IDX_LOAD_BAD;
		}
		prev = r->uid;
		msgs[i] = (struct mbox_msg){
			.uid = r->uid, .upper = r->upper, .lower = r->lower,
			.state = (uint16_t)(r->state & MSG_SHARED), .tzoff = r->tzoff,
			.date = r->date, .size = r->size, .name = names + r->name_off,
		};
	}
	idx_free_msgs(mb);
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
	return IDX_LOAD_OK;
}

void idx_snapshot_unmap(struct mailbox *mb)
{
	struct idx_map *map = mb->maps;
	while (map != NULL) {
		struct idx_map *next = map->next;
		munmap(map->base, map->len);
		free(map);
		map = next;
	}
	mb->maps = NULL;
}
