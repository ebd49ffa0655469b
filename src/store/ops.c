/*
 * ops.c - mailbox operations of the authenticated state (RFC2060 §6.3):
 * CREATE, DELETE, RENAME, STATUS, APPEND, and the errors they report.
 *
 * Folder creation and removal are atomic: a new folder is built under a
 * name that is no mailbox ("..imapd-new-...") and renamed into place; a
 * deleted one is first renamed to "..imapd-trash-..." and then removed,
 * so a crash never leaves half a maildir under a mailbox name.  The root
 * lock orders these against each other in concurrent sessions.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "store/maildir.h"
#include "store/store_int.h"
#include "util/log.h"

bool store_fail(struct store_err *err, enum store_errcode code, const char *fmt, ...)
{
	va_list ap;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return false;
}

/* ---- the root lock ---------------------------------------------------------- */

bool store_root_lock(struct store *st, struct store_err *err)
{
	if (st->root_lock_depth > 0) {
		st->root_lock_depth++;
		return true;
	}
	if (st->root_lock_fd < 0) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", st->root, ROOT_LOCK_FILE);
		st->root_lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (st->root_lock_fd < 0) {
			log_err("open %s: %s", path, strerror(errno));
			return store_fail(err, STORE_ERR_IO, "Cannot lock the mail store");
		}
	}
	if (!idx_fd_lock(st->root_lock_fd)) {
		log_err("lock %s/%s: %s", st->root, ROOT_LOCK_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot lock the mail store");
	}
	st->root_lock_depth = 1;
	return true;
}

void store_root_unlock(struct store *st)
{
	if (st->root_lock_depth == 0 || --st->root_lock_depth > 0)
		return;
	idx_fd_unlock(st->root_lock_fd);
}

/* ---- names on disk ----------------------------------------------------------- */

bool store_exists(struct store *st, const char *name)
{
	char *path = store_name_path(st, name);
	if (path == NULL)
		return false;
	char cur[4096];
	struct stat sb;
	snprintf(cur, sizeof(cur), "%s/cur", path);
	free(path);
	return stat(cur, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Whether anything is on disk under "." name (a folder, maybe broken). */
static bool name_taken(struct store *st, const char *name)
{
	char path[4096];
	struct stat sb;
	snprintf(path, sizeof(path), "%s/.%s", st->root, name);
	return lstat(path, &sb) == 0;
}

/* Whether some folder is an inferior of name ("name." prefix). */
static bool has_inferiors(struct store *st, const char *name)
{
	DIR *d = opendir(st->root);
	if (d == NULL)
		return false;
	size_t len = strlen(name);
	bool found = false;
	struct dirent *de;
	while (!found && (de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		found = n[0] == '.' && strncmp(n + 1, name, len) == 0 && n[1 + len] == STORE_DELIM &&
			n[2 + len] != '\0';
	}
	closedir(d);
	return found;
}

/* A unique directory entry in the root for a folder being built/removed. */
static void temp_name(struct store *st, const char *prefix, char *buf, size_t size)
{
	static unsigned counter;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	snprintf(buf, size, "%s/%s%ld.%ld.%ld.%u", st->root, prefix, (long)tv.tv_sec,
		 (long)tv.tv_usec, (long)getpid(), ++counter);
}

/* Create the folder of one name (no superiors), atomically. */
static bool create_folder(struct store *st, const char *name, struct store_err *err)
{
	char tmp[4096], path[4096];
	temp_name(st, NEWDIR_PREFIX, tmp, sizeof(tmp));
	if (snprintf(path, sizeof(path), "%s/.%s", st->root, name) >= (int)sizeof(path))
		return store_fail(err, STORE_ERR_BADNAME, "Mailbox name too long");
	if (!mdir_create(tmp, true)) {
		log_err("creating %s: %s", tmp, strerror(errno));
		mdir_remove_tree(tmp);
		return store_fail(err, STORE_ERR_IO, "Cannot create the mailbox");
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		mdir_remove_tree(tmp);
		if (e == EEXIST || e == ENOTEMPTY)
			return store_fail(err, STORE_ERR_EXISTS, "Mailbox already exists");
		log_err("rename %s %s: %s", tmp, path, strerror(e));
		return store_fail(err, STORE_ERR_IO, "Cannot create the mailbox");
	}
	mdir_fsync_dir(st->root);
	return true;
}

/* Create every missing superior of name (RFC2060 §6.3.3). */
static bool create_superiors(struct store *st, const char *name, struct store_err *err)
{
	char buf[4096];
	size_t len = strlen(name);
	if (len >= sizeof(buf))
		return store_fail(err, STORE_ERR_BADNAME, "Mailbox name too long");
	for (size_t i = 0; i < len; i++) {
		if (name[i] != STORE_DELIM)
			continue;
		memcpy(buf, name, i);
		buf[i] = '\0';
		if (strcmp(buf, "INBOX") == 0 || store_exists(st, buf))
			continue;
		if (!create_folder(st, buf, err) && err->code != STORE_ERR_EXISTS)
			return false;
	}
	return true;
}

bool store_create(struct store *st, const char *name, struct store_err *err)
{
	if (strcmp(name, "INBOX") == 0)
		return store_fail(err, STORE_ERR_EXISTS, "INBOX always exists");
	if (!store_root_lock(st, err))
		return false;
	bool ok;
	if (store_exists(st, name) || name_taken(st, name))
		ok = store_fail(err, STORE_ERR_EXISTS, "Mailbox already exists");
	else
		ok = create_superiors(st, name, err) && create_folder(st, name, err);
	store_root_unlock(st);
	return ok;
}

/* Move a folder out of the way, then remove it. */
static bool remove_folder(struct store *st, const char *name, struct store_err *err)
{
	char path[4096], trash[4096];
	snprintf(path, sizeof(path), "%s/.%s", st->root, name);
	temp_name(st, TRASH_PREFIX, trash, sizeof(trash));
	if (rename(path, trash) != 0) {
		if (errno == ENOENT)
			return store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
		log_err("rename %s %s: %s", path, trash, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot delete the mailbox");
	}
	mdir_fsync_dir(st->root);
	if (!mdir_remove_tree(trash))
		log_warn("removing %s: %s", trash, strerror(errno));
	return true;
}

bool store_delete(struct store *st, const char *name, struct store_err *err)
{
	if (strcmp(name, "INBOX") == 0)
		return store_fail(err, STORE_ERR_NOTALLOWED, "INBOX cannot be deleted");
	if (st->selected != NULL && strcmp(st->selected->name, name) == 0)
		return store_fail(err, STORE_ERR_NOTALLOWED,
				  "Cannot delete the selected mailbox; CLOSE it first");
	if (!store_root_lock(st, err))
		return false;
	bool ok;
	if (!store_exists(st, name) && !name_taken(st, name)) {
		/* RFC2060 §6.3.4: a \Noselect name with inferiors cannot be
		 * deleted; one without is simply not there. */
		if (has_inferiors(st, name))
			ok = store_fail(err, STORE_ERR_NOTALLOWED,
					"Mailbox has inferiors and is not selectable (\\Noselect)");
		else
			ok = store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
	} else {
		/* Inferiors stay; the name becomes their \Noselect parent. */
		ok = remove_folder(st, name, err);
	}
	store_root_unlock(st);
	return ok;
}

/* ---- RENAME ------------------------------------------------------------------- */

/* RFC2060 §6.3.5: renaming INBOX moves its messages to a new mailbox and
 * leaves INBOX empty; its inferiors stay where they are. */
static bool rename_inbox(struct store *st, const char *to, struct store_err *err)
{
	if (!create_superiors(st, to, err) || !create_folder(st, to, err))
		return false;
	struct mailbox *in = NULL;
	if (!mbox_open_internal(st, "INBOX", false, false, &in, err))
		return false;
	char *dest = store_name_path(st, to);
	bool ok = dest != NULL && idx_lock(in, err);
	if (!ok) {
		free(dest);
		mbox_close(&in);
		return dest == NULL ? store_fail(err, STORE_ERR_IO, "Out of memory") : false;
	}
	ok = sync_locked(in, false, err);
	/* The keyword letters keep their names in the new mailbox. */
	char kwsrc[4096];
	snprintf(kwsrc, sizeof(kwsrc), "%s/%s", in->path, KW_FILE);
	if (ok && access(kwsrc, F_OK) == 0) {
		struct mailbox tmp = { .path = dest };
		for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
			tmp.kw[i] = in->kw[i];
		if (!kw_save(&tmp))
			ok = store_fail(err, STORE_ERR_IO, "Cannot write the keywords file");
	}
	char from[4096], dst[4096];
	for (uint32_t i = 0; ok && i < in->count; i++) {
		struct mbox_msg *m = &in->msgs[i];
		if (m->state & MSG_GHOST)
			continue;
		const char *sub = (m->state & MSG_IN_NEW) ? "new" : "cur";
		snprintf(from, sizeof(from), "%s/%s/%s", in->path, sub, m->name);
		snprintf(dst, sizeof(dst), "%s/%s/%s", dest, sub, m->name);
		if (rename(from, dst) != 0 && errno != ENOENT) {
			log_err("rename %s %s: %s", from, dst, strerror(errno));
			ok = store_fail(err, STORE_ERR_IO, "Cannot move all messages out of INBOX");
			break;
		}
		if (m->state & MSG_IN_NEW)
			in->dirty_new = true;
		else
			in->dirty_cur = true;
		idx_log_expunge(in, m->uid);
		idx_expunged(in, i);
	}
	/* Files that arrived since the scan stay in INBOX: they were not
	 * part of it when the RENAME ran. */
	if (ok) {
		char d[4096];
		snprintf(d, sizeof(d), "%s/new", dest);
		mdir_fsync_dir(d);
		snprintf(d, sizeof(d), "%s/cur", dest);
		mdir_fsync_dir(d);
	}
	struct store_err e2;
	bool committed = idx_commit(in, ok ? err : &e2);
	idx_unlock(in);
	mbox_close(&in);
	free(dest);
	return ok && committed;
}

struct inferior {
	char *from, *to;  /* directory entries ".a.b" */
};

bool store_rename(struct store *st, const char *from, const char *to, struct store_err *err)
{
	if (strcmp(to, "INBOX") == 0)
		return store_fail(err, STORE_ERR_EXISTS, "INBOX already exists");
	size_t flen = strlen(from);
	if (strncmp(to, from, flen) == 0 && to[flen] == STORE_DELIM)
		return store_fail(err, STORE_ERR_NOTALLOWED, "Cannot rename a mailbox into itself");
	if (st->selected != NULL && strcmp(from, "INBOX") != 0) {
		const char *sel = st->selected->name;
		if (strcmp(sel, from) == 0 || (strncmp(sel, from, flen) == 0 && sel[flen] == STORE_DELIM))
			return store_fail(err, STORE_ERR_NOTALLOWED,
					  "Cannot rename the selected mailbox; CLOSE it first");
	}
	if (!store_root_lock(st, err))
		return false;
	bool ok = true;
	if (store_exists(st, to) || name_taken(st, to)) {
		ok = store_fail(err, STORE_ERR_EXISTS, "Mailbox %s already exists", to);
	} else if (strcmp(from, "INBOX") == 0) {
		ok = rename_inbox(st, to, err);
	} else if (!store_exists(st, from)) {
		ok = store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
	}
	if (!ok || strcmp(from, "INBOX") == 0) {
		store_root_unlock(st);
		return ok;
	}
	/* The mailbox and its inferiors (RFC2060 §6.3.5): all targets must
	 * be free before anything moves. */
	struct inferior *inf = NULL;
	size_t ninf = 0, cap = 0;
	DIR *d = opendir(st->root);
	struct dirent *de;
	while (ok && d != NULL && (de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		if (n[0] != '.' || strncmp(n + 1, from, flen) != 0 || n[1 + flen] != STORE_DELIM)
			continue;
		if (ninf == cap) {
			cap = cap ? cap * 2 : 8;
			struct inferior *ni = realloc(inf, cap * sizeof(*ni));
			if (ni == NULL) {
				ok = store_fail(err, STORE_ERR_IO, "Out of memory");
				break;
			}
			inf = ni;
		}
		char *a = strdup(n), *b = NULL;
		if (a == NULL || asprintf(&b, ".%s%s", to, n + 1 + flen) < 0) {
			free(a);
			ok = store_fail(err, STORE_ERR_IO, "Out of memory");
			break;
		}
		inf[ninf++] = (struct inferior){ a, b };
		if (strlen(b) > MDIR_NAME_MAX - 8 || name_taken(st, b + 1))
			ok = store_fail(err, STORE_ERR_EXISTS, "Mailbox %s already exists", b + 1);
	}
	if (d != NULL)
		closedir(d);
	if (ok)
		ok = create_superiors(st, to, err);
	char a[4096], b[4096];
	if (ok) {
		snprintf(a, sizeof(a), "%s/.%s", st->root, from);
		snprintf(b, sizeof(b), "%s/.%s", st->root, to);
		if (rename(a, b) != 0) {
			log_err("rename %s %s: %s", a, b, strerror(errno));
			ok = store_fail(err, STORE_ERR_IO, "Cannot rename the mailbox");
		}
	}
	for (size_t i = 0; i < ninf; i++) {
		if (ok) {
			snprintf(a, sizeof(a), "%s/%s", st->root, inf[i].from);
			snprintf(b, sizeof(b), "%s/%s", st->root, inf[i].to);
			if (rename(a, b) != 0)
				log_err("rename %s %s: %s", a, b, strerror(errno));
		}
		free(inf[i].from);
		free(inf[i].to);
	}
	free(inf);
	if (ok)
		mdir_fsync_dir(st->root);
	store_root_unlock(st);
	return ok;
}

/* ---- STATUS ------------------------------------------------------------------------ */

bool store_status(struct store *st, const char *name, struct store_status *st_r,
		  struct store_err *err)
{
	struct mailbox *mb = NULL;
	if (!mbox_open_internal(st, name, false, true, &mb, err))
		return false;
	memset(st_r, 0, sizeof(*st_r));
	for (uint32_t i = 0; i < mb->count; i++) {
		const struct mbox_msg *m = &mb->msgs[i];
		if (m->state & MSG_GHOST)
			continue;
		st_r->messages++;
		if (m->state & MSG_UNCLAIMED)
			st_r->recent++;
		if (!(m->upper & MDIR_UPPER('S')))
			st_r->unseen++;
	}
	st_r->uidnext = mb->uidnext;
	st_r->uidvalidity = mb->uidvalidity;
	mbox_close(&mb);
	return true;
}

/* ---- APPEND ---------------------------------------------------------------------- */

bool store_deliver_locked(struct mailbox *mb, const char *tmp_path, uint32_t upper, uint32_t lower,
			  int64_t date, int16_t tzoff, uint64_t size, uint64_t vsize,
			  uint32_t *uid_r, struct store_err *err)
{
	(void)size;
	const char *base = strrchr(tmp_path, '/');
	base = base != NULL ? base + 1 : tmp_path;
	char name[MDIR_NAME_MAX + 1], dst[4096];
	struct mbox_msg m = { .uid = mb->uidnext, .upper = upper, .lower = lower, .tzoff = tzoff,
			      .date = date, .size = vsize, .state = MSG_UNCLAIMED };
	size_t nlen;
	/* A message without flags goes to new/ like a delivery; one with
	 * flags needs the info of a cur/ name.  \Recent either way. */
	if (upper == 0 && lower == 0) {
		nlen = strlen(base);
		if (nlen > MDIR_NAME_MAX)
			return store_fail(err, STORE_ERR_IO, "File name too long");
		memcpy(name, base, nlen + 1);
		m.state |= MSG_IN_NEW;
	} else {
		nlen = mdir_make_name(base, strlen(base), upper, lower, name, sizeof(name));
		if (nlen == 0)
			return store_fail(err, STORE_ERR_IO, "File name too long");
	}
	snprintf(dst, sizeof(dst), "%s/%s/%s", mb->path, (m.state & MSG_IN_NEW) ? "new" : "cur", name);
	if (rename(tmp_path, dst) != 0) {
		log_err("rename %s %s: %s", tmp_path, dst, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot store the message");
	}
	if (m.state & MSG_IN_NEW)
		mb->dirty_new = true;
	else
		mb->dirty_cur = true;
	if (!idx_set_name(&m, name, nlen))
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	struct mbox_msg *added = idx_append(mb, &m);
	if (added == NULL) {
		free(m.name);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	idx_log_add(mb, added);
	*uid_r = added->uid;
	return true;
}

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

static bool write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
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
		log_err("create %s: %s", path_r, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot store the message");
	}
	bool ok = true;
	if (c.pure) {
		char buf[65536];
		bool pending = false;
		for (size_t off = 0; ok && off < len;) {
			size_t n = len - off < sizeof(buf) ? len - off : sizeof(buf);
			size_t o = drop_crs(data + off, n, buf, &pending);
			ok = write_all(fd, buf, o);
			off += n;
		}
	} else {
		ok = write_all(fd, data, len);
	}
	ok = ok && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok) {
		log_err("write %s: %s", path_r, strerror(errno));
		unlink(path_r);
		return store_fail(err, STORE_ERR_IO, "Cannot store the message (disk full?)");
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
					return store_fail(err, STORE_ERR_IO, "Cannot write the message");
				done += (size_t)w;
				wr += (uint64_t)w;
			}
		}
		if (ftruncate(fd, (off_t)wr) != 0)
			return store_fail(err, STORE_ERR_IO, "Cannot write the message");
	}
	if (fsync(fd) != 0)
		return store_fail(err, STORE_ERR_IO, "Cannot write the message");
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
	int16_t tzoff = (int16_t)(msg->has_date ? msg->zone_minutes : store_local_zone((time_t)date));
	ok = idx_lock(mb, err);
	if (ok) {
		ok = sync_locked(mb, false, err) &&
		     store_deliver_locked(mb, path, mdir_sysflags_to_upper(msg->sysflags), lower, date,
					  tzoff, 0, vsize, uid_r, err) &&
		     idx_commit(mb, err);
		idx_unlock(mb);
	}
	if (!ok)
		unlink(path);
	*uidvalidity_r = mb->uidvalidity;
	mbox_close(&mb);
	return ok;
}
