/*
 * beneath.c - open a path without leaving a directory (see beneath.h).
 */
#include "util/beneath.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_openat2
#define SYS_openat2 437
#endif

static bool no_openat2;  /* the kernel said ENOSYS once */

/* Before openat2: one component at a time, no symlink followed. */
static int walk_open(int dirfd, const char *rel, int flags, mode_t mode)
{
	char buf[4096];
	if (strlen(rel) >= sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	snprintf(buf, sizeof(buf), "%s", rel);
	int cur = dirfd;
	char *save = NULL;
	char *part = strtok_r(buf, "/", &save);
	while (part != NULL) {
		char *next = strtok_r(NULL, "/", &save);
		if (strcmp(part, "..") == 0) {
			if (cur != dirfd)
				close(cur);
			errno = EXDEV;
			return -1;
		}
		int fd = next == NULL
			? openat(cur, part, flags | O_NOFOLLOW | O_CLOEXEC, mode)
			: openat(cur, part, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		int e = errno;
		if (cur != dirfd)
			close(cur);
		if (fd < 0) {
			errno = e;
			return -1;
		}
		if (next == NULL)
			return fd;
		cur = fd;
		part = next;
	}
	/* "" or "/": the directory itself. */
	return openat(dirfd, ".", flags | O_CLOEXEC, mode);
}

int beneath_open(int dirfd, const char *rel, int flags, mode_t mode)
{
	if (!no_openat2) {
		struct open_how how = {
			.flags = (uint64_t)(flags | O_CLOEXEC),
			.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0,
			.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS,
		};
		int fd;
		do
			fd = (int)syscall(SYS_openat2, dirfd, rel, &how, sizeof(how));
		while (fd < 0 && errno == EAGAIN);
		if (fd >= 0 || errno != ENOSYS)
			return fd;
		no_openat2 = true;
	}
	return walk_open(dirfd, rel, flags, mode);
}

int beneath_open_path(int rootfd, const char *root, const char *path, int flags, mode_t mode)
{
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(path, root, n) != 0 || (path[n] != '/' && path[n] != '\0')) {
		errno = EXDEV;
		return -1;
	}
	const char *rel = path + n;
	while (*rel == '/')
		rel++;
	return beneath_open(rootfd, *rel != '\0' ? rel : ".", flags, mode);
}
