/*
 * session_store.c - a user's store in a session (see store.h): opening
 * the mail root at login and spooling large APPEND literals into it.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proto/session.h"
#include "store/maildir.h"
#include "store/mailbox.h"
#include "store/store_int.h"
#include "util/log.h"

void store_spool_cleanup(struct store *st)
{
	for (size_t i = 0; i < st->nspools; i++) {
		unlink(st->spools[i].path);
		free(st->spools[i].path);
	}
	st->nspools = 0;
}

/* s->spool_open: a file in the root's tmp/ (the same file system as
 * every folder, so APPEND can rename it into place). */
static int spool_open(struct session *s)
{
	struct store *st = s->store;
	if (st == NULL)
		return -1;
	if (st->nspools == sizeof(st->spools) / sizeof(st->spools[0]))
		store_spool_cleanup(st);
	char base[MDIR_NAME_MAX + 1], *path = NULL;
	if (mdir_unique_base(0, 0, base, sizeof(base)) == 0 ||
	    asprintf(&path, "%s/tmp/%s.spool", st->root, base) < 0)
		return -1;
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		log_err("spool %s: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	st->spools[st->nspools++] = (struct spool_file){ fd, path };
	return fd;
}

bool store_session_open(struct session *s, const char **why_r)
{
	if (s->mail_root == NULL) {
		*why_r = "No mail location for this user";
		return false;
	}
	/* The root maildir is INBOX; make it (and its parents) on first login. */
	if (!mdir_mkdirs(s->mail_root) || !mdir_create(s->mail_root, false)) {
		log_err("creating %s: %s", s->mail_root, strerror(errno));
		*why_r = "Cannot create the mail store";
		return false;
	}
	struct store *st = calloc(1, sizeof(*st));
	if (st == NULL || (st->root = strdup(s->mail_root)) == NULL) {
		free(st);
		*why_r = "Out of memory";
		return false;
	}
	st->root_lock_fd = -1;
	store_session_close(s);
	s->store = st;
	s->spool_open = spool_open;
	return true;
}

void store_session_close(struct session *s)
{
	mbox_close(&s->mbox);
	struct store *st = s->store;
	if (st == NULL)
		return;
	store_spool_cleanup(st);
	if (st->root_lock_fd >= 0)
		close(st->root_lock_fd);
	free(st->root);
	free(st);
	s->store = NULL;
	s->spool_open = NULL;
}
