/*
 * uidvalidity.c - UIDVALIDITY values (see uidvalidity.h).
 */
#include "store/uidvalidity.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/maildir.h"
#include "util/lockfile.h"
#include "util/log.h"

uint32_t store_new_uidvalidity(struct store *st)
{
	/* A lock of its own, taken last: callers may hold the root lock and
	 * a folder's lock (in that order), so this one must not be either. */
	char lockpath[4096];
	snprintf(lockpath, sizeof(lockpath), "%s/%s.lock", st->root, UIDVALIDITY_FILE);
	int lockfd = store_path_open(st, lockpath, O_RDWR | O_CREAT, 0600);
	if (lockfd < 0 || !lockfile_fd_lock(lockfd)) {
		log_err("lock %s: %s", lockpath, strerror(errno));
		if (lockfd >= 0)
			close(lockfd);
		return 0;
	}
	char path[4096], buf[32];
	uint32_t last = 0;
	snprintf(path, sizeof(path), "%s/%s", st->root, UIDVALIDITY_FILE);
	int fd = store_path_open(st, path, O_RDONLY, 0);
	if (fd >= 0) {
		ssize_t n = read(fd, buf, sizeof(buf) - 1);
		if (n > 0) {
			buf[n] = '\0';
			last = (uint32_t)strtoul(buf, NULL, 10);
		}
		close(fd);
	}
	/* Time-based like Dovecot's and Cyrus's, and always above the last
	 * one given, so a re-created mailbox never repeats a UIDVALIDITY. */
	uint32_t now = (uint32_t)time(NULL);
	uint32_t v = now > last ? now : last + 1;
	if (v == 0)
		v = 1;
	int n = snprintf(buf, sizeof(buf), "%u\n", v);
	if (!mdir_write_file(st->root, UIDVALIDITY_FILE, buf, (size_t)n)) {
		log_err("writing %s: %s", path, strerror(errno));
		v = 0;
	}
	close(lockfd);  /* releases the lock */
	return v;
}
