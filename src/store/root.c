/*
 * root.c - a user's mail root (see store.h): opening it at login, the
 * directory where large APPEND literals are spooled.
 */
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/maildir.h"
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
	st->root_lock_fd = -1;
	return st;
}

void store_close(struct store **stp)
{
	struct store *st = *stp;
	if (st == NULL)
		return;
	if (st->root_lock_fd >= 0)
		close(st->root_lock_fd);
	free(st->spool_dir);
	free(st->root);
	free(st);
	*stp = NULL;
}

const char *store_spool_dir(const struct store *st)
{
	return st->spool_dir;
}
