/*
 * idx_convert.c - version 1 index to version 2 (see idx_convert.h).
 *
 * Version 1's snapshot: an 88-octet header (magic, version 1, byte-order
 * mark, header and record sizes, UIDVALIDITY, UIDNEXT, count, log
 * generation, size of the name area, the two directory stamps, CRC-32 of
 * the header), 40-octet records in UID order, then the names.  Its log
 * differs from version 2 only in the message and expunge payloads,
 * which idx_log.c reads in both forms.
 */
#include "store/idx_convert.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/idx_format.h"
#include "store/idx_log.h"
#include "store/idx_snapshot.h"
#include "store/idx_table.h"
#include "store/maildir.h"
#include "store/uidvalidity.h"
#include "util/log.h"

struct v1_header {
	char magic[8];
	uint32_t version;
	uint32_t byteorder;
	uint32_t header_size;
	uint32_t record_size;
	uint32_t uidvalidity;
	uint32_t uidnext;
	uint32_t count;
	uint32_t log_gen;
	uint64_t names_size;
	struct idx_stamp stamp[2];
	uint32_t pad;
	uint32_t header_crc;
};

struct v1_record {
	uint32_t uid;
	uint32_t upper;
	uint32_t lower;
	uint16_t state;
	int16_t tzoff;
	int64_t date;
	uint64_t size;
	uint32_t name_off;
	uint32_t name_len;
};

_Static_assert(sizeof(struct v1_header) == 88, "v1 header layout");
_Static_assert(sizeof(struct v1_record) == 40, "v1 record layout");

/* The v1 snapshot's messages into mb's table; false when it is damaged. */
static bool read_v1(struct mailbox *mb, int fd, const struct stat *st)
{
	struct v1_header h;
	if ((size_t)st->st_size < sizeof(h) || pread(fd, &h, sizeof(h), 0) != (ssize_t)sizeof(h))
		return false;
	uint64_t need = sizeof(h) + (uint64_t)h.count * sizeof(struct v1_record) + h.names_size;
	if (h.header_size != sizeof(h) || h.record_size != sizeof(struct v1_record) ||
	    h.header_crc != idx_crc32(0, &h, offsetof(struct v1_header, header_crc)) ||
	    need != (uint64_t)st->st_size || h.uidvalidity == 0)
		return false;
	size_t len = (size_t)st->st_size - sizeof(h);
	char *buf = malloc(len > 0 ? len : 1);
	if (buf == NULL || pread(fd, buf, len, sizeof(h)) != (ssize_t)len) {
		free(buf);
		return false;
	}
	const char *names = buf + (size_t)h.count * sizeof(struct v1_record);
	idx_table_free(&mb->t);
	mb->uidvalidity = h.uidvalidity;
	mb->uidnext = 1;
	bool ok = true;
	for (uint32_t i = 0; i < h.count && ok; i++) {
		struct v1_record r;
		memcpy(&r, buf + (size_t)i * sizeof(r), sizeof(r));
		if (r.uid >= h.uidnext || r.name_len == 0 ||
		    (uint64_t)r.name_off + r.name_len >= h.names_size ||
		    names[r.name_off + r.name_len] != '\0' ||
		    memchr(names + r.name_off, '\0', r.name_len) != NULL) {
			ok = false;
			break;
		}
		struct mbox_msg m = {
			.uid = r.uid, .upper = r.upper, .lower = r.lower,
			.state = (uint16_t)(r.state & (MSG_IN_NEW | MSG_UNCLAIMED)), .tzoff = r.tzoff,
			.date = r.date, .size = r.size, .modseq = 1, .name = names + r.name_off,
		};
		ok = idx_append(mb, &m) != NULL;  /* also refuses UIDs out of order */
	}
	free(buf);
	if (!ok)
		return false;
	mb->uidnext = h.uidnext;
	mb->log_gen = h.log_gen;
	mb->highestmodseq = 1;
	mb->stamp[0] = h.stamp[0];
	mb->stamp[1] = h.stamp[1];
	return true;
}

bool idx_convert_v1(struct mailbox *mb, struct store_err *err)
{
	char path[4096];
	if (!idx_path(mb, IDX_SNAPSHOT_FILE, path, sizeof(path)))
		return store_fail(err, STORE_ERR_IO, "Mailbox path too long");
	int fd = store_path_open(mb->store, path, O_RDONLY, 0);
	struct stat st;
	bool ok = fd >= 0 && fstat(fd, &st) == 0 && read_v1(mb, fd, &st);
	if (fd >= 0)
		close(fd);
	if (ok) {
		/* The v1 log continues it: its changes are part of the state. */
		enum idx_load r = idx_log_open(mb);
		if (r == IDX_LOAD_OK) {
			struct idx_tail tail;
			ok = idx_log_read_tail(mb, &tail, err) && !tail.corrupt;
		} else if (r != IDX_LOAD_MISSING) {
			ok = false;
		}
	}
	if (!ok) {
		log_warn("%s/%s (version 1) is damaged; rebuilding it with a new UIDVALIDITY",
			 mb->path, IDX_SNAPSHOT_FILE);
		idx_table_free(&mb->t);
		if (mb->log_fd >= 0)
			close(mb->log_fd);
		mb->log_fd = -1;
		/* As load_files() does for a damaged index. */
		mb->uidvalidity = store_new_uidvalidity(mb->store);
		if (mb->uidvalidity == 0)
			return store_fail(err, STORE_ERR_IO, "Cannot allocate a UIDVALIDITY");
		mb->uidnext = 1;
		mb->highestmodseq = 0;
		memset(mb->stamp, 0, sizeof(mb->stamp));
		mb->log_gen++;
	}
	/* Every message gets MODSEQ 1 (no client saw one before). */
	uint32_t n = idx_count(mb);
	for (uint32_t i = 0; i < n; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if (m.modseq == 0) {
			struct mbox_msg *e = idx_edit(mb, i);
			if (e != NULL)
				e->modseq = 1;
		}
	}
	if (mb->highestmodseq == 0 && n > 0)
		mb->highestmodseq = 1;
	uint32_t gen = mb->log_gen + 1;
	struct store_err e2;
	if (!idx_snapshot_write(mb, gen, &e2) || !idx_log_create(mb, gen, &e2)) {
		/* The disk is full: serve what was read, add nothing. */
		log_warn("%s: cannot convert the index yet: %s", mb->path, e2.text);
		if (mb->log_fd >= 0)
			close(mb->log_fd);
		mb->log_fd = -1;
		mb->log_ino = 0;
		return true;
	}
	log_notice("%s: index converted to version %d", mb->path, IDX_VERSION);
	mb->rebase_wanted = true;
	return true;
}
