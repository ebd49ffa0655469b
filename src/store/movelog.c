/*
 * movelog.c - the journal of a MOVE across file systems (see movelog.h
 * and the comment at the top of move.c).
 *
 * A journal is a small file in <root>/imapd-moves/:
 *
 *     "imapd-move 1\n"
 *     <source folder> <target folder> "\n"
 *     then per message: <source base name> <name in the target> "\n"
 *
 * each field a netstring ("<length>:<octets>,"), folders relative to the
 * mail root ("" is INBOX), so any octet a foreign mail reader put in a
 * file name survives.  The process making the move holds an fcntl lock
 * on the journal from before it has a name until it removes it; a lock
 * that can be taken means that process is gone.
 */
#include "store/movelog.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/maildir.h"
#include "util/fd.h"
#include "util/lockfile.h"
#include "util/log.h"

#define MOVELOG_MAGIC "imapd-move 1\n"
/* A journal larger than this is not ours. */
#define MOVELOG_MAX (64u * 1024 * 1024)

static void add_field(struct sbuf *b, const char *s, size_t len)
{
	sbuf_printf(b, "%zu:", len);
	sbuf_add(b, s, len);
	sbuf_addc(b, ',');
}

/* A folder's directory relative to the mail root: "" for the root. */
static const char *rel_dir(const struct store *st, const char *dir)
{
	size_t n = strlen(st->root);
	if (strncmp(dir, st->root, n) != 0)
		return NULL;
	dir += n;
	while (*dir == '/')
		dir++;
	return dir;
}

bool movelog_begin(struct store *st, const char *src_dir, const char *dst_dir,
		   struct movelog *ml, struct store_err *err)
{
	memset(ml, 0, sizeof(*ml));
	ml->fd = -1;
	sbuf_init(&ml->text, NULL);
	const char *s = rel_dir(st, src_dir), *d = rel_dir(st, dst_dir);
	if (s == NULL || d == NULL)
		return store_fail(err, STORE_ERR_IO, "Mailbox outside the mail root");
	if (snprintf(ml->path, sizeof(ml->path), "%s/%s", st->root, MOVELOG_DIR) >=
	    (int)sizeof(ml->path))
		return store_fail(err, STORE_ERR_IO, "Mail root path too long");
	sbuf_adds(&ml->text, MOVELOG_MAGIC);
	add_field(&ml->text, s, strlen(s));
	add_field(&ml->text, d, strlen(d));
	sbuf_addc(&ml->text, '\n');
	return true;
}

void movelog_add(struct movelog *ml, const char *src_base, size_t src_blen, const char *dst_name)
{
	add_field(&ml->text, src_base, src_blen);
	add_field(&ml->text, dst_name, strlen(dst_name));
	sbuf_addc(&ml->text, '\n');
	ml->entries++;
}

bool movelog_write(struct movelog *ml, struct store_err *err)
{
	if (ml->text.failed)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	char dir[4096], base[MDIR_NAME_MAX + 1], tmp[4096 + 300];
	snprintf(dir, sizeof(dir), "%s", ml->path);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_err("mkdir %s: %s", dir, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot write the move journal");
	}
	if (mdir_unique_base(0, 0, base, sizeof(base)) == 0)
		return store_fail(err, STORE_ERR_IO, "File name too long");
	/* Locked before it has its final name: a resolver never sees it
	 * unlocked while we live. */
	snprintf(tmp, sizeof(tmp), "%s/.%s", dir, base);
	int fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || !lockfile_fd_lock(fd)) {
		log_err("create %s: %s", tmp, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		return store_fail(err, STORE_ERR_IO, "Cannot write the move journal");
	}
	if (snprintf(ml->path, sizeof(ml->path), "%s/move.%s", dir, base) >= (int)sizeof(ml->path) ||
	    !fd_write_all(fd, ml->text.data, ml->text.len) || fsync(fd) != 0 ||
	    rename(tmp, ml->path) != 0 || !mdir_fsync_dir(dir)) {
		log_err("writing %s: %s", ml->path, strerror(errno));
		close(fd);
		unlink(tmp);
		unlink(ml->path);
		return store_fail(err, STORE_ERR_IO, "Cannot write the move journal");
	}
	ml->fd = fd;
	return true;
}

void movelog_end(struct movelog *ml)
{
	if (ml->fd >= 0) {
		if (unlink(ml->path) != 0)
			log_err("unlink %s: %s", ml->path, strerror(errno));
		char *slash = strrchr(ml->path, '/');
		if (slash != NULL) {
			*slash = '\0';
			mdir_fsync_dir(ml->path);
		}
		close(ml->fd);
		ml->fd = -1;
	}
	sbuf_free(&ml->text);
}

/* ---- resolving the journals of dead processes --------------------------- */

struct field {
	const char *s;
	size_t len;
};

/* Read one netstring at *p (before end) into f. */
static bool next_field(const char **p, const char *end, struct field *f)
{
	size_t len = 0, digits = 0;
	const char *q = *p;
	while (q < end && *q >= '0' && *q <= '9' && digits < 10) {
		len = len * 10 + (size_t)(*q - '0');
		q++;
		digits++;
	}
	if (digits == 0 || q >= end || *q != ':' || (size_t)(end - q - 1) < len + 1 ||
	    q[1 + len] != ',')
		return false;
	f->s = q + 1;
	f->len = len;
	*p = q + 2 + len;
	return true;
}

/* A name the journal may hold: no "/", no NUL, not "." or "..". */
static bool plain_name(const struct field *f, bool empty_ok)
{
	if (f->len == 0)
		return empty_ok;
	if (f->len > MDIR_NAME_MAX || memchr(f->s, '/', f->len) || memchr(f->s, '\0', f->len))
		return false;
	return !(f->len == 1 && f->s[0] == '.') && !(f->len == 2 && f->s[0] == '.' && f->s[1] == '.');
}

/* Whether a file of base name `base` is in folder/new or folder/cur; with
 * `remove`, unlink every one found.  Looks twice: a mail reader renaming
 * the file while we read the directory could hide it once. */
static bool find_base(const char *folder, const char *base, size_t blen, bool remove)
{
	bool found = false;
	for (int pass = 0; pass < 2 && !found; pass++) {
		for (int w = 0; w < 2; w++) {
			char dir[4096 + 8], path[4096 + 8 + 300];
			snprintf(dir, sizeof(dir), "%s/%s", folder, w == 0 ? "new" : "cur");
			DIR *d = opendir(dir);
			if (d == NULL)
				continue;
			struct dirent *de;
			while ((de = readdir(d)) != NULL) {
				if (mdir_base_len(de->d_name) != blen || memcmp(de->d_name, base, blen) != 0)
					continue;
				found = true;
				if (!remove)
					break;
				snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
				if (unlink(path) != 0 && errno != ENOENT)
					log_err("unlink %s: %s", path, strerror(errno));
			}
			closedir(d);
			if (found && remove)
				mdir_fsync_dir(dir);
		}
	}
	return found;
}

/* Finish one journal (locked by us): see store_moves_resolve(). */
static void resolve(struct store *st, const char *path, const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t ml = strlen(MOVELOG_MAGIC);
	struct field src, dst;
	if (len < ml || memcmp(text, MOVELOG_MAGIC, ml) != 0) {
		log_warn("%s: not a move journal; removed", path);
		return;
	}
	p += ml;
	if (!next_field(&p, end, &src) || !next_field(&p, end, &dst) || p >= end || *p++ != '\n' ||
	    !plain_name(&src, true) || !plain_name(&dst, true)) {
		log_warn("%s: damaged move journal; removed", path);
		return;
	}
	char sdir[4096], ddir[4096], tmp[4096 + 300];
	snprintf(sdir, sizeof(sdir), "%s%s%.*s", st->root, src.len > 0 ? "/" : "", (int)src.len,
		 src.s);
	snprintf(ddir, sizeof(ddir), "%s%s%.*s", st->root, dst.len > 0 ? "/" : "", (int)dst.len,
		 dst.s);
	unsigned done = 0, undone = 0;
	while (p < end) {
		struct field sb, dn;
		if (!next_field(&p, end, &sb) || !next_field(&p, end, &dn) || p >= end ||
		    *p++ != '\n' || !plain_name(&sb, false) || !plain_name(&dn, false)) {
			log_warn("%s: damaged entry in move journal; the rest is left as it is", path);
			break;
		}
		char dbase[MDIR_NAME_MAX + 1];
		snprintf(dbase, sizeof(dbase), "%.*s", (int)dn.len, dn.s);
		size_t dblen = mdir_base_len(dbase);
		dbase[dblen] = '\0';
		if (find_base(ddir, dbase, dblen, false)) {
			/* The copy is in the target: the move happened. */
			find_base(sdir, sb.s, sb.len, true);
			done++;
		} else {
			/* It never got there: the source keeps it. */
			snprintf(tmp, sizeof(tmp), "%s/tmp/%s", ddir, dbase);
			if (unlink(tmp) != 0 && errno != ENOENT)
				log_err("unlink %s: %s", tmp, strerror(errno));
			undone++;
		}
	}
	log_notice("finished an interrupted move from %s to %s: %u moved, %u left in the source",
		   sdir, ddir, done, undone);
}

void store_moves_resolve(struct store *st)
{
	char dir[4096], path[4096 + 300];
	if (snprintf(dir, sizeof(dir), "%s/%s", st->root, MOVELOG_DIR) >= (int)sizeof(dir))
		return;
	DIR *d = opendir(dir);
	if (d == NULL)
		return;  /* never needed: the usual case, one failed open */
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		bool journal = strncmp(de->d_name, "move.", 5) == 0;
		bool unnamed = de->d_name[0] == '.' && strcmp(de->d_name, ".") != 0 &&
			       strcmp(de->d_name, "..") != 0;
		if (!journal && !unnamed)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		int fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
		if (fd < 0)
			continue;
		if (!lockfile_fd_trylock(fd)) {
			close(fd);
			continue;  /* its move is still running */
		}
		struct stat sb;
		if (fstat(fd, &sb) != 0 || sb.st_nlink == 0) {
			close(fd);  /* resolved by another process meanwhile */
			continue;
		}
		/* A journal without its name yet was written by a move that
		 * had changed nothing: it just goes. */
		bool remove = true;
		if (journal && S_ISREG(sb.st_mode) && (uint64_t)sb.st_size <= MOVELOG_MAX) {
			char *text = malloc((size_t)sb.st_size + 1);
			ssize_t n = text != NULL ? pread(fd, text, (size_t)sb.st_size, 0) : -1;
			if (n == (ssize_t)sb.st_size) {
				resolve(st, path, text, (size_t)n);
			} else {
				/* Kept for the next try: removing it unread could
				 * leave a message in both folders. */
				log_err("reading %s: %s", path, strerror(errno));
				remove = false;
			}
			free(text);
		}
		if (remove && unlink(path) != 0)
			log_err("unlink %s: %s", path, strerror(errno));
		close(fd);
	}
	closedir(d);
	mdir_fsync_dir(dir);
}
