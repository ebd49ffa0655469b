/*
 * append.c - APPEND (RFC2060 §6.3.11): a message from the client, in
 * memory or spooled to a file, into a mailbox.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "store/deliver.h"
#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/sync.h"
#include "util/date.h"
#include "util/fd.h"
#include "util/log.h"

/*
 * RFC2060 §6.3.11 wants the message as sent, in CRLF form; maildir files
 * hold LF.  A message whose every line ends in CRLF (and has no other CR)
 * is stored with LF, and its CRLF form is exactly what was sent; any
 * other message is stored as sent, and its CRLF form (store_crlf_size)
 * only adds CRs to bare LFs.  Either way a FETCH returns what came in.
 */
struct crlf_scan {
	bool pure;       /* so far every CR is followed by LF and every LF preceded by CR */
	bool prev_cr;
	uint64_t crlfs;  /* CRLF pairs seen */
	uint64_t bare_lf;
};

static void crlf_scan_chunk(struct crlf_scan *c, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char ch = p[i];
		if (c->prev_cr && ch != '\n')
			c->pure = false;
		if (ch == '\n') {
			if (c->prev_cr)
				c->crlfs++;
			else {
				c->pure = false;
				c->bare_lf++;
			}
		}
		c->prev_cr = ch == '\r';
	}
}

/* Copy in[0..n) to out dropping the CR of each CRLF; *pending_cr carries
 * a CR at the end of one chunk into the next.  Returns octets written. */
static size_t drop_crs(const char *in, size_t n, char *out, bool *pending_cr)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		if (*pending_cr) {
			*pending_cr = false;
			if (in[i] != '\n')
				out[o++] = '\r';
		}
		if (in[i] == '\r')
			*pending_cr = true;
		else
			out[o++] = in[i];
	}
	return o;
}

/* Write an in-memory message to a new file in dir (tmp/ of the target):
 * *path_r its path, sizes for the index. */
static bool write_message_mem(const char *dir, const char *data, size_t len, char *path_r,
			      size_t pathsz, uint64_t *vsize_r, struct store_err *err)
{
	struct crlf_scan c = { .pure = true };
	crlf_scan_chunk(&c, data, len);
	if (c.prev_cr)
		c.pure = false;
	uint64_t fsize = c.pure ? len - c.crlfs : len;
	uint64_t vsize = c.pure ? len : len + c.bare_lf;
	char base[MDIR_NAME_MAX + 1];
	if (mdir_unique_base(fsize, vsize, base, sizeof(base)) == 0 ||
	    snprintf(path_r, pathsz, "%s/%s", dir, base) >= (int)pathsz)
		return store_fail(err, STORE_ERR_IO, "File name too long");
	int fd = open(path_r, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		int e = errno;
		log_err("create %s: %s", path_r, strerror(e));
		return store_fail_errno(err, e, "Cannot store the message");
	}
	bool ok = true;
	if (c.pure) {
		char buf[65536];
		bool pending = false;
		for (size_t off = 0; ok && off < len;) {
			size_t n = len - off < sizeof(buf) ? len - off : sizeof(buf);
			size_t o = drop_crs(data + off, n, buf, &pending);
			ok = fd_write_all(fd, buf, o);
			off += n;
		}
	} else {
		ok = fd_write_all(fd, data, len);
	}
	ok = ok && fsync(fd) == 0;
	int e = ok ? 0 : errno;
	if (close(fd) != 0 && ok) {
		ok = false;
		e = errno;
	}
	if (!ok) {
		log_err("write %s: %s", path_r, strerror(e));
		unlink(path_r);
		return store_fail_errno(err, e, "Cannot store the message");
	}
	*vsize_r = vsize;
	return true;
}

/* A spooled literal (util/spool.h): the file `spool`, open as fd.
 * Convert it in place, then rename it into dir with its final name. */
static bool write_message_spool(int fd, const char *spool, const char *dir, char *path_r,
				size_t pathsz, uint64_t *vsize_r, struct store_err *err)
{
	if (spool == NULL)
		return store_fail(err, STORE_ERR_IO, "Spooled message lost");
	char buf[65536], out[65536];
	struct crlf_scan c = { .pure = true };
	uint64_t len = 0;
	for (;;) {
		ssize_t n = pread(fd, buf, sizeof(buf), (off_t)len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return store_fail(err, STORE_ERR_IO, "Cannot read the spooled message");
		if (n == 0)
			break;
		crlf_scan_chunk(&c, buf, (size_t)n);
		len += (uint64_t)n;
	}
	if (c.prev_cr)
		c.pure = false;
	uint64_t fsize = c.pure ? len - c.crlfs : len;
	uint64_t vsize = c.pure ? len : len + c.bare_lf;
	if (c.pure) {
		/* In place: the LF form is never longer, so writes stay
		 * behind reads. */
		uint64_t rd = 0, wr = 0;
		bool pending = false;
		while (rd < len) {
			ssize_t n = pread(fd, buf, sizeof(buf), (off_t)rd);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				return store_fail(err, STORE_ERR_IO, "Cannot read the spooled message");
			rd += (uint64_t)n;
			size_t o = drop_crs(buf, (size_t)n, out, &pending);
			for (size_t done = 0; done < o;) {
				ssize_t w = pwrite(fd, out + done, o - done, (off_t)wr);
				if (w < 0 && errno == EINTR)
					continue;
				if (w <= 0)
					return store_fail_errno(err, errno, "Cannot write the message");
				done += (size_t)w;
				wr += (uint64_t)w;
			}
		}
		if (ftruncate(fd, (off_t)wr) != 0)
			return store_fail_errno(err, errno, "Cannot write the message");
	}
	if (fsync(fd) != 0)
		return store_fail_errno(err, errno, "Cannot write the message");
	char base[MDIR_NAME_MAX + 1];
	if (mdir_unique_base(fsize, vsize, base, sizeof(base)) == 0 ||
	    snprintf(path_r, pathsz, "%s/%s", dir, base) >= (int)pathsz)
		return store_fail(err, STORE_ERR_IO, "File name too long");
	if (rename(spool, path_r) != 0) {
		log_err("rename %s %s: %s", spool, path_r, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot store the message");
	}
	*vsize_r = vsize;
	return true;
}

bool store_append(struct store *st, const char *name, const struct store_new_msg *msg,
		  uint32_t *uidvalidity_r, uint32_t *uid_r, struct store_err *err)
{
	struct mailbox *mb = NULL;
	if (!mbox_open_internal(st, name, false, false, &mb, err)) {
		if (err->code == STORE_ERR_NOTFOUND)
			return store_fail(err, STORE_ERR_TRYCREATE, "Mailbox does not exist");
		return false;
	}
	uint32_t lower = 0;
	if (msg->nkeywords > 0 &&
	    !mbox_keywords_lookup(mb, msg->keywords, msg->nkeywords, true, &lower, err)) {
		mbox_close(&mb);
		return false;
	}
	char dir[4096], path[4096];
	snprintf(dir, sizeof(dir), "%s/tmp", mb->path);
	uint64_t vsize = 0;
	bool ok = msg->data == NULL && msg->spool_fd >= 0
		? write_message_spool(msg->spool_fd, msg->spool_path, dir, path, sizeof(path), &vsize, err)
		: write_message_mem(dir, msg->data != NULL ? msg->data : "", msg->len, path,
				    sizeof(path), &vsize, err);
	if (!ok) {
		mbox_close(&mb);
		return false;
	}
	struct stat sb;
	int64_t date = msg->has_date ? (int64_t)msg->date : 0;
	if (msg->has_date) {
		struct timeval tv[2] = { { msg->date, 0 }, { msg->date, 0 } };
		if (utimes(path, tv) != 0)
			log_warn("utimes %s: %s", path, strerror(errno));
	} else if (stat(path, &sb) == 0) {
		date = sb.st_mtim.tv_sec;
	} else {
		date = time(NULL);
	}
	int16_t tzoff = (int16_t)(msg->has_date ? msg->zone_minutes : date_local_zone((time_t)date));
	ok = idx_lock(mb, err);
	if (ok) {
		ok = sync_locked(mb, false, err) &&
		     store_deliver_locked(mb, path, mdir_sysflags_to_upper(msg->sysflags), lower, date,
					  tzoff, 0, vsize, uid_r, err);
		/* Its record could not be written (the disk is full or
		 * failing): the file goes too, or the next scan would show
		 * the message that was answered NO. */
		if (ok) {
			/* Its path now: a failed commit takes the record back. */
			struct mbox_msg added = idx_at(mb, idx_count(mb) - 1);
			char where[4096];
			bool known = sync_msg_path(mb, &added, where, sizeof(where));
			if (!idx_commit(mb, err)) {
				ok = false;
				if (known)
					unlink(where);
			}
		}
		idx_unlock(mb);
	}
	if (!ok)
		unlink(path);
	*uidvalidity_r = mb->uidvalidity;
	mbox_close(&mb);
	return ok;
}
