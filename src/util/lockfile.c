/*
 * lockfile.c - whole-file fcntl locks (see lockfile.h).
 */
#include "util/lockfile.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

bool lockfile_fd_lock(int fd)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
	for (;;) {
#ifdef F_OFD_SETLKW
		if (fcntl(fd, F_OFD_SETLKW, &fl) == 0)
			return true;
		if (errno == EINVAL) {
			/* An old kernel: process-wide locks (we never open a
			 * lock file twice at once, so closing cannot drop one). */
			if (fcntl(fd, F_SETLKW, &fl) == 0)
				return true;
		}
#else
		if (fcntl(fd, F_SETLKW, &fl) == 0)
			return true;
#endif
		if (errno != EINTR)
			return false;
	}
}

bool lockfile_fd_trylock(int fd)
{
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
#ifdef F_OFD_SETLK
	if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
		return true;
	if (errno != EINVAL)
		return false;
#endif
	return fcntl(fd, F_SETLK, &fl) == 0;
}

void lockfile_fd_unlock(int fd)
{
	struct flock fl = { .l_type = F_UNLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
#ifdef F_OFD_SETLK
	if (fcntl(fd, F_OFD_SETLK, &fl) == 0)
		return;
#endif
	fcntl(fd, F_SETLK, &fl);
}

bool lockfile_lock(struct lockfile *lf, const char *path)
{
	if (lf->depth > 0) {
		lf->depth++;
		return true;
	}
	if (lf->fd < 0) {
		lf->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (lf->fd < 0)
			return false;
	}
	if (!lockfile_fd_lock(lf->fd))
		return false;
	lf->depth = 1;
	return true;
}

void lockfile_unlock(struct lockfile *lf)
{
	if (lf->depth == 0 || --lf->depth > 0)
		return;
	lockfile_fd_unlock(lf->fd);
}

void lockfile_close(struct lockfile *lf)
{
	if (lf->fd >= 0)
		close(lf->fd);
	lf->fd = -1;
	lf->depth = 0;
}
