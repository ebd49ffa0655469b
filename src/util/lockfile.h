/*
 * lockfile.h - an exclusive lock on a file that every imapd process
 * takes the same way: an fcntl lock on the whole file (open file
 * description locks where the kernel has them, so that two locks of one
 * process on the same file exclude each other too).  A struct lockfile
 * keeps the file open and counts nested lock calls.
 */
#ifndef IMAPD_UTIL_LOCKFILE_H
#define IMAPD_UTIL_LOCKFILE_H

#include <stdbool.h>

struct lockfile {
	int fd;           /* the lock file, -1 until first locked */
	unsigned depth;   /* nested lockfile_lock() calls held */
};

#define LOCKFILE_INIT { -1, 0 }

/* Take the lock on `path`, creating the file (mode 0600) the first time;
 * a nested call only counts.  False with errno set when the file cannot
 * be opened (ENOENT: its directory is gone) or locked. */
bool lockfile_lock(struct lockfile *lf, const char *path);

/* Release one nesting level; the lock itself when it is the last. */
void lockfile_unlock(struct lockfile *lf);

/* Close the file (dropping the lock); lf can be locked again. */
void lockfile_close(struct lockfile *lf);

/* The same lock on an open descriptor, waiting for it; and its release. */
bool lockfile_fd_lock(int fd);
void lockfile_fd_unlock(int fd);

/* The same lock without waiting: false (errno EAGAIN or EACCES) when
 * another open file description holds it. */
bool lockfile_fd_trylock(int fd);

#endif
