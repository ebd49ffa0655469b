/*
 * root.c - a user's mail root (see store.h): opening it at login, the
 * directory where large APPEND literals are spooled, and the root lock.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/folderlog.h"
#include "store/maildir.h"
#include "store/movelog.h"
#include "store/root.h"
#include "util/beneath.h"
#include "store/store_int.h"
#include "util/log.h"

struct store *store_open(const char *root, const char **why_r)
{
	/* The root maildir is INBOX; make it (and its parents) on first login. */
	if (!mdir_mkdirs(root) || !mdir_create(root, false)) {
		log_err("creating %s: %s", root, strerror(errno));
		*why_r = "Cannot create the mail store";
		return NULL;
	}
	struct store *st = calloc(1, sizeof(*st));
	if (st == NULL || (st->root = strdup(root)) == NULL ||
	    asprintf(&st->spool_dir, "%s/tmp", root) < 0) {
		if (st != NULL)
			free(st->root);
		free(st);
		*why_r = "Out of memory";
		return NULL;
	}
	st->root_lock = (struct lockfile)LOCKFILE_INIT;
	st->rootfd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (st->rootfd < 0) {
		log_err("opening %s: %s", root, strerror(errno));
		free(st->spool_dir);
		free(st->root);
		free(st);
		*why_r = "Cannot open the mail store";
		return NULL;
	}
	/* APPEND spools of sessions that crashed are in the root's tmp/. */
	mdir_clean_tmp(st->root, time(NULL));
	/* A RENAME, CREATE or DELETE that crashed left a journal or a work
	 * directory in the root: put things right before the first LIST. */
	struct store_err err;
	if (folderlog_pending(st) && store_root_lock(st, &err)) {
		folderlog_recover(st);
		store_root_unlock(st);
	}
	/* A MOVE across file systems cut short leaves a journal to finish
	 * (store/move.c). */
	store_moves_resolve(st);
	return st;
}

void store_close(struct store **stp)
{
	struct store *st = *stp;
	if (st == NULL)
		return;
	lockfile_close(&st->root_lock);
	close(st->rootfd);
	for (unsigned i = 0; i < STORE_USE_COUNT; i++)
		free(st->use_names[i]);
	free(st->spool_dir);
	free(st->root);
	free(st);
	*stp = NULL;
}

int store_path_open(const struct store *st, const char *path, int flags, mode_t mode)
{
	int fd = beneath_open_path(st->rootfd, st->root, path, flags, mode);
	if (fd < 0 && (errno == EXDEV || errno == ELOOP)) {
		int e = errno;
		log_warn("refusing %s: it leads out of the mail root %s", path, st->root);
		errno = e;
	}
	return fd;
}

DIR *store_path_opendir(const struct store *st, const char *path)
{
	int fd = store_path_open(st, path, O_RDONLY | O_DIRECTORY, 0);
	if (fd < 0)
		return NULL;
	DIR *d = fdopendir(fd);
	if (d == NULL) {
		int e = errno;
		close(fd);
		errno = e;
	}
	return d;
}

const char *store_spool_dir(const struct store *st)
{
	return st->spool_dir;
}

void store_set_flag_sync(struct store *st, bool sync)
{
	st->flags_nosync = !sync;
}

bool store_root_lock(struct store *st, struct store_err *err)
{
	char path[4096];
	if (st->root_lock.depth == 0 &&
	    snprintf(path, sizeof(path), "%s/%s", st->root, ROOT_LOCK_FILE) >= (int)sizeof(path))
		return store_fail(err, STORE_ERR_IO, "Mail root path too long");
	if (!lockfile_lock(&st->root_lock, path)) {
		log_err("lock %s/%s: %s", st->root, ROOT_LOCK_FILE, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot lock the mail store");
	}
	return true;
}

void store_root_unlock(struct store *st)
{
	lockfile_unlock(&st->root_lock);
}
