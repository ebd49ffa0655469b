/*
 * maildir.c - maildir file names, directories and crash-safe writes
 * (see maildir.h), and the CRLF form of a message (store.h).
 */
#include "store/maildir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "util/fd.h"
#include "util/uniqname.h"
#include "util/imap_types.h"
#include "util/log.h"

size_t mdir_base_len(const char *name)
{
	return strcspn(name, ":");
}

void mdir_parse_info(const char *name, uint32_t *upper_r, uint32_t *lower_r)
{
	uint32_t upper = 0, lower = 0;
	const char *info = strchr(name, ':');
	if (info != NULL && info[1] == '2' && info[2] == ',') {
		for (const char *p = info + 3; *p != '\0'; p++) {
			if (*p >= 'A' && *p <= 'Z')
				upper |= MDIR_UPPER(*p);
			else if (*p >= 'a' && *p <= 'z')
				lower |= MDIR_LOWER(*p);
		}
	}
	*upper_r = upper;
	*lower_r = lower;
}

bool mdir_base_vsize(const char *name, uint64_t *size_r)
{
	size_t blen = mdir_base_len(name);
	for (size_t i = 0; i + 3 < blen; i++) {
		if (name[i] != ',' || name[i + 1] != 'W' || name[i + 2] != '=')
			continue;
		uint64_t v = 0;
		size_t j = i + 3, digits = 0;
		while (j < blen && name[j] >= '0' && name[j] <= '9' && digits < 19) {
			v = v * 10 + (uint64_t)(name[j] - '0');
			j++;
			digits++;
		}
		/* The value ends at the next "," or the end of the base. */
		if (digits > 0 && (j == blen || name[j] == ',')) {
			*size_r = v;
			return true;
		}
	}
	return false;
}

size_t mdir_make_name(const char *base, size_t baselen, uint32_t upper, uint32_t lower,
		      char *out, size_t outsz)
{
	if (baselen + 3 + 52 + 1 > outsz)
		return 0;
	memcpy(out, base, baselen);
	size_t n = baselen;
	memcpy(out + n, ":2,", 3);
	n += 3;
	/* ASCII order: upper-case letters before lower-case ones. */
	for (int c = 'A'; c <= 'Z'; c++)
		if (upper & MDIR_UPPER(c))
			out[n++] = (char)c;
	for (int c = 'a'; c <= 'z'; c++)
		if (lower & MDIR_LOWER(c))
			out[n++] = (char)c;
	out[n] = '\0';
	return n > MDIR_NAME_MAX ? 0 : n;
}

/* RFC2060 §2.3.2 system flags and their maildir letters. */
static const struct {
	unsigned flag;
	char letter;
} sysletters[] = {
	{ IMAP_FLAG_DRAFT, 'D' },
	{ IMAP_FLAG_FLAGGED, 'F' },
	{ IMAP_FLAG_ANSWERED, 'R' },
	{ IMAP_FLAG_SEEN, 'S' },
	{ IMAP_FLAG_DELETED, 'T' },
};

unsigned mdir_upper_to_sysflags(uint32_t upper)
{
	/* The letters of sysletters[], spelt out: this runs once per message
	 * of a FETCH 1:* (FLAGS). */
	return ((upper & MDIR_UPPER('D')) ? IMAP_FLAG_DRAFT : 0) |
	       ((upper & MDIR_UPPER('F')) ? IMAP_FLAG_FLAGGED : 0) |
	       ((upper & MDIR_UPPER('R')) ? IMAP_FLAG_ANSWERED : 0) |
	       ((upper & MDIR_UPPER('S')) ? IMAP_FLAG_SEEN : 0) |
	       ((upper & MDIR_UPPER('T')) ? IMAP_FLAG_DELETED : 0);
}

uint32_t mdir_sysflags_to_upper(unsigned sysflags)
{
	uint32_t u = 0;
	for (size_t i = 0; i < sizeof(sysletters) / sizeof(sysletters[0]); i++)
		if (sysflags & sysletters[i].flag)
			u |= MDIR_UPPER(sysletters[i].letter);
	return u;
}

size_t mdir_unique_base(uint64_t size, uint64_t vsize, char *out, size_t outsz)
{
	size_t len = uniq_name(out, outsz);
	if (len == 0)
		return 0;
	if (size > 0 || vsize > 0) {
		int n = snprintf(out + len, outsz - len, ",S=%llu,W=%llu", (unsigned long long)size,
			     (unsigned long long)vsize);
		if (n < 0 || (size_t)n >= outsz - len)
			return 0;
		len += (size_t)n;
	}
	return len > MDIR_NAME_MAX - 60 ? 0 : len;
}

/* ---- tmp/ after a crash ------------------------------------------------------ */

/* The maildir convention (qmail's maildir(5), Dovecot's tmp cleaning): a
 * file in tmp/ that nobody touched for 36 hours is garbage. */
#define TMP_STALE_SECONDS (36 * 3600)

/* Whether name is one of ours (mdir_unique_base: "<sec>.M<usec>P<pid>Q<n>.
 * <host>" and its ",S=" ",W=" fields or ":2," info, an APPEND spool
 * "<base>.spool", or a message an EXPUNGE set aside, "<base>.expunged")
 * written on this host by a process that is gone.  The
 * maildir names are unique by host and pid, so a pid of this host that
 * no longer exists writes no more. */
static bool writer_gone(const char *name)
{
	char *end;
	const char *p = name;
	strtoull(p, &end, 10);
	if (end == p || end[0] != '.' || end[1] != 'M')
		return false;
	p = end + 2;
	strtoull(p, &end, 10);
	if (end == p || *end != 'P')
		return false;
	p = end + 1;
	unsigned long long pid = strtoull(p, &end, 10);
	if (end == p || *end != 'Q' || pid == 0 || pid > INT32_MAX)
		return false;
	p = end + 1;
	strtoull(p, &end, 10);
	if (end == p || *end != '.')
		return false;
	const char *host = uniq_host();
	size_t hl = strlen(host);
	p = end + 1;
	if (strncmp(p, host, hl) != 0)
		return false;
	p += hl;
	if (*p != '\0' && *p != ',' && *p != ':' && strcmp(p, ".spool") != 0 &&
	    strcmp(p, ".expunged") != 0)
		return false;
	if ((pid_t)pid == getpid())
		return false;  /* our own, maybe still in use */
	return kill((pid_t)pid, 0) != 0 && errno == ESRCH;
}

unsigned mdir_clean_tmp(const char *maildir, time_t now)
{
	char path[4096];
	if (snprintf(path, sizeof(path), "%s/tmp", maildir) >= (int)sizeof(path))
		return 0;
	int dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0) {
		/* A maildir needs one: made when missing. */
		if (errno == ENOENT && mkdir(path, 0700) != 0 && errno != EEXIST)
			log_warn("mkdir %s: %s", path, strerror(errno));
		return 0;
	}
	/* getdents64 straight (every SELECT does this; readdir's set-up
	 * would cost three more system calls each time). */
	unsigned removed = 0;
	char buf[16384] __attribute__((aligned(8)));
	for (;;) {
		long n = syscall(SYS_getdents64, dfd, buf, sizeof(buf));
		if (n <= 0)
			break;
		for (long off = 0; off < n;) {
			struct dirent64 *de = (struct dirent64 *)(void *)(buf + off);
			off += de->d_reclen;
			const char *name = de->d_name;
			struct stat st;
			if (name[0] == '.' || fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0
			    || !S_ISREG(st.st_mode))
				continue;
			time_t cutoff = now - TMP_STALE_SECONDS;
			bool stale = st.st_atime < cutoff && st.st_mtime < cutoff && st.st_ctime < cutoff;
			if ((stale || writer_gone(name)) && unlinkat(dfd, name, 0) == 0)
				removed++;
		}
	}
	close(dfd);
	if (removed > 0)
		log_notice("removed %u file%s left in %s by writers that crashed", removed,
			   removed == 1 ? "" : "s", path);
	return removed;
}

uint64_t store_crlf_size(const char *data, size_t len)
{
	uint64_t extra = 0;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *lf = memchr(p, '\n', (size_t)(end - p));
		if (lf == NULL)
			break;
		if (lf == data || lf[-1] != '\r')
			extra++;
		p = lf + 1;
	}
	return (uint64_t)len + extra;
}

void store_crlf_write(const char *data, size_t len, bool prev_cr,
		      void (*out)(void *ctx, const char *chunk, size_t n), void *ctx)
{
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *lf = memchr(p, '\n', (size_t)(end - p));
		if (lf == NULL) {
			out(ctx, p, (size_t)(end - p));
			return;
		}
		bool cr = lf > data ? lf[-1] == '\r' : prev_cr;
		if (cr) {
			out(ctx, p, (size_t)(lf + 1 - p));
		} else {
			if (lf > p)
				out(ctx, p, (size_t)(lf - p));
			out(ctx, "\r\n", 2);
		}
		p = lf + 1;
	}
}

bool mdir_fd_crlf_size(int fd, uint64_t *size_r)
{
	char buf[65536];
	uint64_t total = 0, extra = 0;
	bool prev_cr = false;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0)
			break;
		const char *p = buf, *end = buf + n;
		while (p < end) {
			const char *lf = memchr(p, '\n', (size_t)(end - p));
			if (lf == NULL)
				break;
			bool cr = lf > buf ? lf[-1] == '\r' : prev_cr;
			if (!cr)
				extra++;
			p = lf + 1;
		}
		prev_cr = buf[n - 1] == '\r';
		total += (uint64_t)n;
	}
	*size_r = total + extra;
	return true;
}

/* The pid of "<name>.tmp<pid>" if entry is that, else 0. */
static long write_tmp_pid(const char *entry, const char *name)
{
	size_t nl = strlen(name);
	if (strncmp(entry, name, nl) != 0 || strncmp(entry + nl, ".tmp", 4) != 0)
		return 0;
	const char *p = entry + nl + 4;
	char *end;
	long pid = strtol(p, &end, 10);
	return end != p && *end == '\0' && pid > 0 && pid <= INT32_MAX ? pid : 0;
}

unsigned mdir_clean_writes(const char *dir, const char *const *names)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return 0;
	DIR *d = fdopendir(dfd);
	if (d == NULL) {
		close(dfd);
		return 0;
	}
	unsigned removed = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		for (size_t i = 0; names[i] != NULL; i++) {
			long pid = write_tmp_pid(de->d_name, names[i]);
			if (pid == 0 || pid == (long)getpid())
				continue;
			if (kill((pid_t)pid, 0) != 0 && errno == ESRCH && unlinkat(dfd, de->d_name, 0) == 0)
				removed++;
			break;
		}
	}
	closedir(d);
	if (removed > 0)
		log_notice("removed %u temporary file%s left in %s by writers that crashed", removed,
			   removed == 1 ? "" : "s", dir);
	return removed;
}

static bool mkdir_ok(const char *path)
{
	return mkdir(path, 0700) == 0 || errno == EEXIST;
}

bool mdir_create(const char *path, bool folder)
{
	char sub[4096];
	if (!mkdir_ok(path))
		return false;
	static const char *const subs[] = { "tmp", "new", "cur" };
	for (size_t i = 0; i < 3; i++) {
		if (snprintf(sub, sizeof(sub), "%s/%s", path, subs[i]) >= (int)sizeof(sub)) {
			errno = ENAMETOOLONG;
			return false;
		}
		if (!mkdir_ok(sub))
			return false;
	}
	if (folder) {
		snprintf(sub, sizeof(sub), "%s/maildirfolder", path);
		int fd = open(sub, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0)
			return false;
		close(fd);
	}
	return mdir_fsync_dir(path);
}

bool mdir_fsync_dir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	int r = fsync(fd);
	int e = errno;
	close(fd);
	errno = e;
	/* Some file systems cannot fsync a directory; that is not a failure. */
	return r == 0 || errno == EINVAL || errno == EROFS;
}

bool mdir_write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char tmp[4096], dst[4096];
	if (snprintf(tmp, sizeof(tmp), "%s/%s.tmp%ld", dir, name, (long)getpid()) >= (int)sizeof(tmp) ||
	    snprintf(dst, sizeof(dst), "%s/%s", dir, name) >= (int)sizeof(dst)) {
		errno = ENAMETOOLONG;
		return false;
	}
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return false;
	if (!fd_write_all(fd, data, len) || fsync(fd) != 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		errno = e;
		return false;
	}
	if (close(fd) != 0 || rename(tmp, dst) != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return false;
	}
	return mdir_fsync_dir(dir);
}

bool mdir_mkdirs(const char *path)
{
	char buf[4096];
	size_t len = strlen(path);
	if (len == 0 || len >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return false;
	}
	memcpy(buf, path, len + 1);
	for (size_t i = 1; i <= len; i++) {
		if (buf[i] != '/' && buf[i] != '\0')
			continue;
		char c = buf[i];
		buf[i] = '\0';
		if (!mkdir_ok(buf))
			return false;
		buf[i] = c;
	}
	return true;
}

static bool remove_at(int parent, const char *name)
{
	if (unlinkat(parent, name, 0) == 0 || errno == ENOENT)
		return true;
	if (errno != EISDIR && errno != EPERM)
		return false;
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return false;
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		close(fd);
		return false;
	}
	bool ok = true;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (!remove_at(dirfd(d), de->d_name))
			ok = false;
	}
	closedir(d);
	if (unlinkat(parent, name, AT_REMOVEDIR) != 0 && errno != ENOENT)
		ok = false;
	return ok;
}

bool mdir_remove_tree(const char *path)
{
	return remove_at(AT_FDCWD, path);
}

bool mdir_copy_file(const char *src, const char *dst, int64_t mtime)
{
	int in = open(src, O_RDONLY | O_CLOEXEC);
	if (in < 0)
		return false;
	int out = open(dst, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (out < 0) {
		int e = errno;
		close(in);
		errno = e;
		return false;
	}
	char buf[65536];
	bool ok = true;
	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ok = false;
			break;
		}
		if (n == 0)
			break;
		if (!fd_write_all(out, buf, (size_t)n)) {
			ok = false;
			break;
		}
	}
	struct timeval tv[2] = { { (time_t)mtime, 0 }, { (time_t)mtime, 0 } };
	ok = ok && fsync(out) == 0 && futimes(out, tv) == 0;
	int e = errno;
	close(in);
	close(out);
	if (!ok)
		unlink(dst);
	errno = e;
	return ok;
}
