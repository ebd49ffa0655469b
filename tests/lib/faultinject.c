/*
 * faultinject.c - an LD_PRELOAD library that makes file system calls
 * fail, or kills the process, at a chosen call: the disk that fills up,
 * the disk that errs, the power cut, at every point of a store write.
 *
 * Built by `make check` as $(BUILD)/tests/faultinject.so; used by
 * tests/clients/store_faults.py and `make torture`.  It wraps the calls
 * the store changes the disk with:
 *
 *     open open64 openat openat64 creat (only when they may write or create)
 *     write pwrite pwrite64 writev pwritev ftruncate fallocate posix_fallocate
 *     fsync fdatasync rename renameat renameat2 link linkat unlink unlinkat
 *     mkdir mkdirat rmdir
 *
 * and counts those that touch a path under $FAULT_ROOT (for a call on a
 * descriptor, the path /proc/self/fd names).  Everything else (the
 * client's socket or pipe, the log file) goes through untouched.
 * Environment:
 *
 *   FAULT_ROOT    the directory whose calls count (nothing happens without it)
 *   FAULT_CTL_FD  a descriptor of a file the test keeps open: calls count
 *                 only while its first octet is '1' (the test writes it
 *                 just before the command under test)
 *   FAULT_CALLS   comma-separated call names that count (default: all of
 *                 the above; "open" stands for every open variant,
 *                 "write" for every write variant, "rename" for rename*)
 *   FAULT_AT      the counted call (1 = first) at which the fault happens;
 *                 0 or unset: never (counting only)
 *   FAULT_ACTION  kill (SIGKILL to itself: what kill -9 or a crash leaves),
 *                 or an errno name: ENOSPC, EIO, EDQUOT, EROFS
 *   FAULT_STICKY  1: the error stays for every later counted call that
 *                 needs room (a full disk stays full; unlink, rmdir,
 *                 ftruncate and rename, which needs no new block in
 *                 practice, still work); otherwise only call FAULT_AT fails
 *   FAULT_LOG_FD  a descriptor open for appending: one line per counted
 *                 call, "N call path [FAULT]"
 *
 * Descriptors, not paths: once logged in, imapd may no longer open files
 * outside the mail root (Landlock, imapd.conf `sandbox`), but it keeps
 * what it inherited.
 * Not thread-safe beyond what imapd needs (one thread).  The real calls
 * are found with dlsym(RTLD_NEXT).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

/* The groups FAULT_CALLS names. */
enum fi_group { G_OPEN = 1, G_WRITE = 2, G_SYNC = 4, G_RENAME = 8, G_LINK = 16, G_UNLINK = 32,
		G_MKDIR = 64, G_TRUNC = 128, G_ALL = 255 };

static struct {
	bool init;
	char root[PATH_MAX];
	size_t rootlen;
	int ctl_fd;          /* -1: always armed */
	int log_fd;          /* -1: no log */
	unsigned groups;
	unsigned long at;
	unsigned long count;
	int action;          /* 0: kill; else the errno */
	bool sticky;
	bool fired;
} fi;

static const struct {
	const char *name;
	int err;
} fi_errnos[] = {
	{ "ENOSPC", ENOSPC }, { "EIO", EIO }, { "EDQUOT", EDQUOT }, { "EROFS", EROFS },
};

static void fi_setup(void)
{
	if (fi.init)
		return;
	fi.init = true;
	const char *v = getenv("FAULT_ROOT");
	if (v == NULL || *v == '\0' || strlen(v) >= sizeof(fi.root))
		return;
	strcpy(fi.root, v);
	fi.rootlen = strlen(fi.root);
	while (fi.rootlen > 1 && fi.root[fi.rootlen - 1] == '/')
		fi.root[--fi.rootlen] = '\0';
	fi.ctl_fd = (v = getenv("FAULT_CTL_FD")) != NULL ? atoi(v) : -1;
	fi.log_fd = (v = getenv("FAULT_LOG_FD")) != NULL ? atoi(v) : -1;
	fi.at = (v = getenv("FAULT_AT")) != NULL ? strtoul(v, NULL, 10) : 0;
	fi.sticky = (v = getenv("FAULT_STICKY")) != NULL && strcmp(v, "1") == 0;
	fi.action = EIO;
	if ((v = getenv("FAULT_ACTION")) != NULL) {
		if (strcmp(v, "kill") == 0)
			fi.action = 0;
		for (size_t i = 0; i < sizeof(fi_errnos) / sizeof(fi_errnos[0]); i++)
			if (strcmp(v, fi_errnos[i].name) == 0)
				fi.action = fi_errnos[i].err;
	}
	fi.groups = G_ALL;
	if ((v = getenv("FAULT_CALLS")) != NULL && *v != '\0') {
		static const struct { const char *name; unsigned g; } names[] = {
			{ "open", G_OPEN }, { "write", G_WRITE }, { "fsync", G_SYNC },
			{ "fdatasync", G_SYNC }, { "sync", G_SYNC }, { "rename", G_RENAME },
			{ "link", G_LINK }, { "unlink", G_UNLINK }, { "mkdir", G_MKDIR },
			{ "truncate", G_TRUNC },
		};
		fi.groups = 0;
		char buf[256];
		snprintf(buf, sizeof(buf), "%s", v);
		for (char *save, *w = strtok_r(buf, ",", &save); w != NULL; w = strtok_r(NULL, ",", &save))
			for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
				if (strcmp(w, names[i].name) == 0)
					fi.groups |= names[i].g;
	}
}

/* Whether path (absolute, or relative to dirfd) is under FAULT_ROOT. */
static bool fi_under(int dirfd, const char *path)
{
	char full[PATH_MAX * 2];
	if (path == NULL)
		return false;
	if (path[0] == '/') {
		snprintf(full, sizeof(full), "%s", path);
	} else {
		char link[64], dir[PATH_MAX];
		if (dirfd == AT_FDCWD)
			snprintf(link, sizeof(link), "/proc/self/cwd");
		else
			snprintf(link, sizeof(link), "/proc/self/fd/%d", dirfd);
		ssize_t n = readlink(link, dir, sizeof(dir) - 1);
		if (n <= 0)
			return false;
		dir[n] = '\0';
		snprintf(full, sizeof(full), "%s/%s", dir, path);
	}
	return strncmp(full, fi.root, fi.rootlen) == 0 &&
	       (full[fi.rootlen] == '/' || full[fi.rootlen] == '\0');
}

static bool fi_fd_under(int fd, char *path, size_t size)
{
	char link[64];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, size - 1);
	if (n <= 0)
		return false;
	path[n] = '\0';
	return strncmp(path, fi.root, fi.rootlen) == 0 &&
	       (path[fi.rootlen] == '/' || path[fi.rootlen] == '\0');
}

static void fi_log(const char *call, const char *path, bool fault)
{
	if (fi.log_fd < 0)
		return;
	char line[PATH_MAX + 128];
	int n = snprintf(line, sizeof(line), "%lu %s %s%s\n", fi.count, call, path ? path : "-",
			 fault ? " FAULT" : "");
	if (n > (int)sizeof(line))
		n = (int)sizeof(line);
	ssize_t w = syscall(SYS_write, fi.log_fd, line, (size_t)n);
	(void)w;
}

/*
 * A call of group g on path is about to happen: count it if it is ours,
 * and return the errno it is to fail with (0: let it run).  `frees`
 * marks calls that give room back, which a full disk lets through.
 */
static int fi_hit(unsigned g, const char *call, const char *path, bool frees)
{
	fi_setup();
	if (fi.rootlen == 0 || !(fi.groups & g))
		return 0;
	char armed = '1';
	if (fi.ctl_fd >= 0 && (syscall(SYS_pread64, fi.ctl_fd, &armed, 1, 0) != 1 || armed != '1'))
		return 0;
	fi.count++;
	bool fault = fi.at != 0 && (fi.count == fi.at || (fi.sticky && fi.count > fi.at && !frees));
	fi_log(call, path, fault);
	if (!fault)
		return 0;
	fi.fired = true;
	if (fi.action == 0) {
		kill(getpid(), SIGKILL);
		_exit(137);
	}
	return fi.action;
}

static int fi_hit_path(unsigned g, const char *call, int dirfd, const char *path, bool frees)
{
	fi_setup();
	if (fi.rootlen == 0 || !(fi.groups & g) || !fi_under(dirfd, path))
		return 0;
	return fi_hit(g, call, path, frees);
}

static int fi_hit_fd(unsigned g, const char *call, int fd, bool frees)
{
	char path[PATH_MAX];
	fi_setup();
	if (fi.rootlen == 0 || !(fi.groups & g) || !fi_fd_under(fd, path, sizeof(path)))
		return 0;
	return fi_hit(g, call, path, frees);
}

#define REAL(name) \
	static __typeof__(name) *real_##name; \
	if (real_##name == NULL) \
		real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

#define FAIL_IF(expr) do { int e_ = (expr); if (e_ != 0) { errno = e_; return -1; } } while (0)

static bool fi_open_writes(int flags)
{
	return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0;
}

static mode_t fi_mode(int flags, va_list ap)
{
	return (flags & (O_CREAT | __O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

int open(const char *path, int flags, ...)
{
	REAL(open);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = fi_mode(flags, ap);
	va_end(ap);
	if (fi_open_writes(flags))
		FAIL_IF(fi_hit_path(G_OPEN, "open", AT_FDCWD, path, false));
	return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	REAL(open64);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = fi_mode(flags, ap);
	va_end(ap);
	if (fi_open_writes(flags))
		FAIL_IF(fi_hit_path(G_OPEN, "open", AT_FDCWD, path, false));
	return real_open64(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	REAL(openat);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = fi_mode(flags, ap);
	va_end(ap);
	if (fi_open_writes(flags))
		FAIL_IF(fi_hit_path(G_OPEN, "openat", dirfd, path, false));
	return real_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	REAL(openat64);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = fi_mode(flags, ap);
	va_end(ap);
	if (fi_open_writes(flags))
		FAIL_IF(fi_hit_path(G_OPEN, "openat", dirfd, path, false));
	return real_openat64(dirfd, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	REAL(creat);
	FAIL_IF(fi_hit_path(G_OPEN, "creat", AT_FDCWD, path, false));
	return real_creat(path, mode);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(write);
	FAIL_IF(fi_hit_fd(G_WRITE, "write", fd, false));
	return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite);
	FAIL_IF(fi_hit_fd(G_WRITE, "pwrite", fd, false));
	return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	REAL(pwrite64);
	FAIL_IF(fi_hit_fd(G_WRITE, "pwrite", fd, false));
	return real_pwrite64(fd, buf, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	REAL(writev);
	FAIL_IF(fi_hit_fd(G_WRITE, "writev", fd, false));
	return real_writev(fd, iov, cnt);
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
	REAL(pwritev);
	FAIL_IF(fi_hit_fd(G_WRITE, "pwritev", fd, false));
	return real_pwritev(fd, iov, cnt, off);
}

int ftruncate(int fd, off_t len)
{
	REAL(ftruncate);
	FAIL_IF(fi_hit_fd(G_TRUNC, "ftruncate", fd, true));
	return real_ftruncate(fd, len);
}

int fallocate(int fd, int mode, off_t off, off_t len)
{
	REAL(fallocate);
	FAIL_IF(fi_hit_fd(G_WRITE, "fallocate", fd, false));
	return real_fallocate(fd, mode, off, len);
}

int posix_fallocate(int fd, off_t off, off_t len)
{
	REAL(posix_fallocate);
	/* posix_fallocate returns the error instead of setting errno. */
	int e = fi_hit_fd(G_WRITE, "posix_fallocate", fd, false);
	return e != 0 ? e : real_posix_fallocate(fd, off, len);
}

int fsync(int fd)
{
	REAL(fsync);
	FAIL_IF(fi_hit_fd(G_SYNC, "fsync", fd, false));
	return real_fsync(fd);
}

int fdatasync(int fd)
{
	REAL(fdatasync);
	FAIL_IF(fi_hit_fd(G_SYNC, "fdatasync", fd, false));
	return real_fdatasync(fd);
}

int rename(const char *from, const char *to)
{
	REAL(rename);
	FAIL_IF(fi_hit_path(G_RENAME, "rename", AT_FDCWD, to, true));
	return real_rename(from, to);
}

int renameat(int fd1, const char *from, int fd2, const char *to)
{
	REAL(renameat);
	FAIL_IF(fi_hit_path(G_RENAME, "renameat", fd2, to, true));
	return real_renameat(fd1, from, fd2, to);
}

int renameat2(int fd1, const char *from, int fd2, const char *to, unsigned flags)
{
	REAL(renameat2);
	FAIL_IF(fi_hit_path(G_RENAME, "renameat2", fd2, to, true));
	return real_renameat2(fd1, from, fd2, to, flags);
}

int link(const char *from, const char *to)
{
	REAL(link);
	FAIL_IF(fi_hit_path(G_LINK, "link", AT_FDCWD, to, false));
	return real_link(from, to);
}

int linkat(int fd1, const char *from, int fd2, const char *to, int flags)
{
	REAL(linkat);
	FAIL_IF(fi_hit_path(G_LINK, "linkat", fd2, to, false));
	return real_linkat(fd1, from, fd2, to, flags);
}

int unlink(const char *path)
{
	REAL(unlink);
	FAIL_IF(fi_hit_path(G_UNLINK, "unlink", AT_FDCWD, path, true));
	return real_unlink(path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
	REAL(unlinkat);
	FAIL_IF(fi_hit_path(G_UNLINK, "unlinkat", dirfd, path, true));
	return real_unlinkat(dirfd, path, flags);
}

int rmdir(const char *path)
{
	REAL(rmdir);
	FAIL_IF(fi_hit_path(G_UNLINK, "rmdir", AT_FDCWD, path, true));
	return real_rmdir(path);
}

int mkdir(const char *path, mode_t mode)
{
	REAL(mkdir);
	FAIL_IF(fi_hit_path(G_MKDIR, "mkdir", AT_FDCWD, path, false));
	return real_mkdir(path, mode);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	REAL(mkdirat);
	FAIL_IF(fi_hit_path(G_MKDIR, "mkdirat", dirfd, path, false));
	return real_mkdirat(dirfd, path, mode);
}
