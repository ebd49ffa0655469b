/*
 * root.c - a user's mail root (see store.h): opening it at login, the
 * directory where large APPEND literals are spooled, and the root lock.
 */
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/folderlog.h"
#include "store/maildir.h"
#include "store/root.h"
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
	/* APPEND spools of sessions that crashed are in the root's tmp/. */
	mdir_clean_tmp(st->root, time(NULL));
	/* A RENAME, CREATE or DELETE that crashed left a journal or a work
	 * directory in the root: put things right before the first LIST. */
	struct store_err err;
	if (folderlog_pending(st) && store_root_lock(st, &err)) {
		folderlog_recover(st);
		store_root_unlock(st);
	}
	return st;
}

void store_close(struct store **stp)
{
	struct store *st = *stp;
	if (st == NULL)
		return;
	lockfile_close(&st->root_lock);
	free(st->spool_dir);
	free(st->root);
	free(st);
	*stp = NULL;
}

const char *store_spool_dir(const struct store *st)
{
	return st->spool_dir;
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
