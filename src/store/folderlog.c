/*
 * folderlog.c - folder operations a crash cut short (see folderlog.h).
 *
 * A RENAME of a mailbox with inferiors renames several directories of
 * the root, one rename(2) each (Maildir++ keeps the hierarchy flat: "a"
 * is ".a", "a.b" is ".a.b").  Before the first, the complete list goes
 * into the journal imapd-rename (written crash-safely); after the last,
 * the journal is removed.  A journal found later, under the root lock, is
 * a RENAME that never answered OK: it is undone, so the hierarchy is
 * whole under its old name and the client's retry works (RFC2060 §6.3.5
 * wants all inferiors renamed; half of them under each name is neither
 * the old state nor the new).  Undoing rather than finishing keeps the
 * rule simple: what was not answered OK did not happen, as far as the
 * names go.
 *
 * Journal: "imapd-rename 1 <n>\n", then n pairs of NUL-terminated
 * directory entries of the root, from and to.  NUL, not a line end: an
 * inferior made by another tool may have any octet but NUL and "/" in its
 * name.
 */
#include "store/folderlog.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/maildir.h"
#include "util/log.h"
#include "util/sbuf.h"

#define FOLDERLOG_MAGIC "imapd-rename 1 "
#define FOLDERLOG_MAX   (1024 * 1024)  /* a journal larger than this is garbage */

bool folderlog_begin(struct store *st, char *const *from, char *const *to, size_t n)
{
	struct sbuf b;
	sbuf_init(&b, NULL);
	sbuf_printf(&b, "%s%zu\n", FOLDERLOG_MAGIC, n);
	for (size_t i = 0; i < n; i++) {
		sbuf_add(&b, from[i], strlen(from[i]) + 1);
		sbuf_add(&b, to[i], strlen(to[i]) + 1);
	}
	bool ok = !b.failed && b.len <= FOLDERLOG_MAX &&
		  mdir_write_file(st->root, FOLDERLOG_FILE, b.data, b.len);
	if (b.failed || b.len > FOLDERLOG_MAX)
		errno = ENOMEM;
	sbuf_free(&b);
	return ok;
}

bool folderlog_end(struct store *st)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", st->root, FOLDERLOG_FILE);
	if (unlink(path) != 0 && errno != ENOENT)
		return false;
	/* Unlinked, the RENAME stands for every process from now on (no
	 * undo is possible without the journal): a failing fsync is only
	 * logged. */
	if (!mdir_fsync_dir(st->root))
		log_warn("fsync %s: %s", st->root, strerror(errno));
	return true;
}

/* The journal's text, or NULL (errno ENOENT when there is none). */
static char *read_journal(const struct store *st, size_t *len_r)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", st->root, FOLDERLOG_FILE);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return NULL;
	struct stat sb;
	char *buf = NULL;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size <= FOLDERLOG_MAX &&
	    (buf = malloc((size_t)sb.st_size + 1)) != NULL) {
		size_t got = 0;
		ssize_t r;
		while (got < (size_t)sb.st_size &&
		       (r = read(fd, buf + got, (size_t)sb.st_size - got)) > 0)
			got += (size_t)r;
		buf[got] = '\0';
		*len_r = got;
	}
	close(fd);
	if (buf == NULL)
		errno = EINVAL;
	return buf;
}

/* The pairs of a journal, pointing into buf: n, or -1 if it is malformed. */
static long parse_journal(char *buf, size_t len, const char ***from_r, const char ***to_r)
{
	size_t ml = strlen(FOLDERLOG_MAGIC);
	if (len < ml || memcmp(buf, FOLDERLOG_MAGIC, ml) != 0)
		return -1;
	char *end;
	unsigned long n = strtoul(buf + ml, &end, 10);
	if (end == buf + ml || *end != '\n' || n == 0 || n > FOLDERLOG_MAX / 4)
		return -1;
	const char **from = calloc(n, sizeof(*from)), **to = calloc(n, sizeof(*to));
	char *p = end + 1, *lim = buf + len;
	for (unsigned long i = 0; from != NULL && to != NULL && i < 2 * n; i++) {
		char *z = memchr(p, '\0', (size_t)(lim - p));
		if (z == NULL || z == p) {
			n = 0;
			break;
		}
		if (i % 2 == 0)
			from[i / 2] = p;
		else
			to[i / 2] = p;
		p = z + 1;
	}
	if (from == NULL || to == NULL || n == 0 || p != lim) {
		free(from);
		free(to);
		return -1;
	}
	*from_r = from;
	*to_r = to;
	return (long)n;
}

/* An entry of the root a journal may name: no path, no "." or "..". */
static bool plain_entry(const char *name)
{
	return strchr(name, '/') == NULL && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static bool exists_at(int dfd, const char *name)
{
	struct stat sb;
	return fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0;
}

/* Put INBOX's messages that a RENAME INBOX moved into `dest` back. */
static bool undo_inbox(struct store *st, int rootfd, const char *dest)
{
	if (!exists_at(rootfd, dest))
		return true;
	bool ok = true;
	char sub[4096];
	for (int which = 0; which < 2; which++) {
		const char *name = which == 0 ? "new" : "cur";
		snprintf(sub, sizeof(sub), "%s/%s", dest, name);
		int from = openat(rootfd, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		int to = openat(rootfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		DIR *d = from >= 0 && to >= 0 ? fdopendir(from) : NULL;
		if (d == NULL) {
			if (from >= 0)
				close(from);
			if (to >= 0)
				close(to);
			if (errno != ENOENT) {
				log_err("%s/%s: %s", st->root, sub, strerror(errno));
				ok = false;
			}
			continue;
		}
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			if (exists_at(to, de->d_name)) {
				log_err("%s/%s/%s: also in INBOX; not moved back", st->root, sub, de->d_name);
				ok = false;
			} else if (renameat(dirfd(d), de->d_name, to, de->d_name) != 0) {
				log_err("moving %s/%s/%s back to INBOX: %s", st->root, sub, de->d_name,
					strerror(errno));
				ok = false;
			}
		}
		closedir(d);
		if (fsync(to) != 0)
			log_warn("fsync %s/%s: %s", st->root, name, strerror(errno));
		close(to);
	}
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", st->root, dest);
	if (ok && !mdir_remove_tree(path)) {
		log_err("removing %s: %s", path, strerror(errno));
		ok = false;
	}
	return ok;
}

/* Undo the RENAME of a journal: rename back, last first, what moved. */
static bool undo(struct store *st, int rootfd, const char **from, const char **to, long n)
{
	bool ok = true;
	for (long i = n - 1; i >= 0; i--) {
		if (i == 0 && strcmp(from[0], "INBOX") == 0) {
			ok = undo_inbox(st, rootfd, to[0]) && ok;
			continue;
		}
		bool at_to = exists_at(rootfd, to[i]), at_from = exists_at(rootfd, from[i]);
		if (!at_to)
			continue;  /* not moved yet */
		if (at_from) {
			log_err("%s: both %s and %s exist; leaving them", st->root, from[i], to[i]);
			ok = false;
		} else if (renameat(rootfd, to[i], rootfd, from[i]) != 0) {
			log_err("rename %s/%s back to %s: %s", st->root, to[i], from[i], strerror(errno));
			ok = false;
		}
	}
	if (fsync(rootfd) != 0)
		log_warn("fsync %s: %s", st->root, strerror(errno));
	return ok;
}

static bool recover_rename(struct store *st, int rootfd)
{
	size_t len = 0;
	char *buf = read_journal(st, &len);
	if (buf == NULL)
		return errno == ENOENT;
	const char **from = NULL, **to = NULL;
	long n = parse_journal(buf, len, &from, &to);
	for (long i = 0; i < n; i++) {
		if (!plain_entry(from[i]) || !plain_entry(to[i]))
			n = -1;
	}
	bool ok;
	if (n < 0) {
		/* Written whole or not at all (mdir_write_file): not ours. */
		log_err("%s/%s: not a RENAME journal; renamed to %s.bad", st->root, FOLDERLOG_FILE,
			FOLDERLOG_FILE);
		ok = renameat(rootfd, FOLDERLOG_FILE, rootfd, FOLDERLOG_FILE ".bad") == 0;
	} else {
		ok = undo(st, rootfd, from, to, n);
		if (ok) {
			log_notice("%s: undid the RENAME of %s to %s that did not finish", st->root,
				   from[0][0] == '.' ? from[0] + 1 : from[0], to[0] + 1);
			ok = folderlog_end(st);
		}
	}
	free(from);
	free(to);
	free(buf);
	return ok;
}

/* Files of the root written with mdir_write_file() under the root lock
 * (the UIDVALIDITY counter under its own: mdir_clean_writes() leaves a
 * live writer's file alone). */
static const char *const root_written[] = { FOLDERLOG_FILE, SUBS_FILE, UIDVALIDITY_FILE, NULL };

/* A directory CREATE was building or DELETE was removing. */
static bool leftover(const char *name)
{
	return strncmp(name, TRASH_PREFIX, strlen(TRASH_PREFIX)) == 0 ||
	       strncmp(name, NEWDIR_PREFIX, strlen(NEWDIR_PREFIX)) == 0;
}

/* A temporary file of a write of root_written, maybe a crash's. */
static bool write_leftover(const char *name)
{
	for (size_t i = 0; root_written[i] != NULL; i++) {
		size_t n = strlen(root_written[i]);
		if (strncmp(name, root_written[i], n) == 0 && strncmp(name + n, ".tmp", 4) == 0)
			return true;
	}
	return false;
}

bool folderlog_recover(struct store *st)
{
	int rootfd = open(st->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		log_err("%s: %s", st->root, strerror(errno));
		return false;
	}
	bool ok = recover_rename(st, rootfd);
	int dfd = dup(rootfd);
	DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
	if (d == NULL && dfd >= 0)
		close(dfd);
	unsigned removed = 0;
	struct dirent *de;
	char path[4096];
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (!leftover(de->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s", st->root, de->d_name);
		if (mdir_remove_tree(path))
			removed++;
		else
			log_warn("removing %s: %s", path, strerror(errno));
	}
	if (d != NULL)
		closedir(d);
	if (removed > 0) {
		log_notice("%s: removed %u entr%s left by a CREATE, DELETE or RENAME that crashed",
			   st->root, removed, removed == 1 ? "y" : "ies");
		fsync(rootfd);
	}
	mdir_clean_writes(st->root, root_written);
	close(rootfd);
	return ok;
}

bool folderlog_pending(const struct store *st)
{
	DIR *d = opendir(st->root);
	if (d == NULL)
		return false;
	bool found = false;
	struct dirent *de;
	while (!found && (de = readdir(d)) != NULL)
		found = strcmp(de->d_name, FOLDERLOG_FILE) == 0 || leftover(de->d_name) ||
			write_leftover(de->d_name);
	closedir(d);
	return found;
}
