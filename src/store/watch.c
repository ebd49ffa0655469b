/*
 * watch.c - change notifications for a selected mailbox (see mailbox.h),
 * from inotify: what lets a waiting command (IDLE) learn of a delivery,
 * another session's flag change or an expunge within moments, without
 * polling the folder.
 *
 * Every change another process can make to a maildir folder shows up as
 * a directory entry event: a delivery is a rename (or creation) in new/,
 * a flag or keyword change renames a file in cur/, an expunge unlinks
 * one, and the index and keyword files are replaced by rename in the
 * folder itself.  So three directory watches are enough, and nothing
 * watches file contents.  Our own changes wake us too; the sync that
 * follows finds nothing to report, which costs a few stat() calls.
 */
#include "store/mailbox.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "store/store_int.h"
#include "util/log.h"

#define WATCH_DIR_EVENTS (IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ONLYDIR)
#define WATCH_SELF_EVENTS (IN_DELETE_SELF | IN_MOVE_SELF)

int mbox_watch_fd(struct mailbox *mb)
{
	if (mb->watch_fd > 0)
		return mb->watch_fd - 1;
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0) {
		/* Every IDLE session of one Unix user holds an instance, and
		 * Linux allows 128 per user by default: the sessions past that
		 * fall back to looking every few seconds. */
		if (errno == EMFILE)
			log_warn("inotify: too many instances for this user; IDLE polls instead "
				 "(raise the sysctl fs.inotify.max_user_instances)");
		else
			log_warn("inotify: %s", strerror(errno));
		return -1;
	}
	static const char *const sub[] = { "new", "cur" };
	for (size_t i = 0; i < 2; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", mb->path, sub[i]);
		if (inotify_add_watch(fd, path, WATCH_DIR_EVENTS | WATCH_SELF_EVENTS) < 0)
			goto fail;
	}
	/* The folder itself: index and keyword files replaced by rename,
	 * and the folder deleted or renamed away. */
	if (inotify_add_watch(fd, mb->path, IN_MOVED_TO | IN_ONLYDIR | WATCH_SELF_EVENTS) < 0)
		goto fail;
	mb->watch_fd = fd + 1;
	return fd;
fail:
	log_warn("inotify on %s: %s", mb->path, strerror(errno));
	close(fd);
	return -1;
}

bool mbox_watch_drain(struct mailbox *mb)
{
	if (mb->watch_fd <= 0)
		return false;
	/* The events' details do not matter: any of them means "sync". */
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool any = false;
	for (;;) {
		ssize_t n = read(mb->watch_fd - 1, buf, sizeof(buf));
		if (n > 0) {
			any = true;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		return any;
	}
}

void mbox_watch_close(struct mailbox *mb)
{
	if (mb->watch_fd > 0)
		close(mb->watch_fd - 1);
	mb->watch_fd = 0;
}
