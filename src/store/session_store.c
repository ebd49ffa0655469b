/*
 * session_store.c - a user's store in a session (see store.h): opening
 * the mail root at login, spooling large APPEND literals into it, and
 * the notify hook that reports changes to the selected mailbox.
 */
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "proto/response.h"
#include "proto/session.h"
#include "store/maildir.h"
#include "store/mailbox.h"
#include "store/store_int.h"
#include "util/log.h"
#include "util/sbuf.h"

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
	/* APPEND spools of sessions that crashed are in the root's tmp/. */
	mdir_clean_tmp(st->root, time(NULL));
	store_session_close(s);
	s->store = st;
	s->spool_open = spool_open;
	return true;
}

void store_session_close(struct session *s)
{
	mbox_close(&s->mbox);
	s->notify = NULL;
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

/* ---- reporting changes ---------------------------------------------------- */

static void rep_expunge(void *ctx, uint32_t seq)
{
	resp_untagged(ctx, "%u EXPUNGE", seq);
}

static void rep_exists(void *ctx, uint32_t count)
{
	resp_untagged(ctx, "%u EXISTS", count);
}

static void rep_recent(void *ctx, uint32_t count)
{
	resp_untagged(ctx, "%u RECENT", count);
}

static void rep_flags(void *ctx)
{
	struct session *s = ctx;
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	sbuf_adds(&b, "* FLAGS ");
	mbox_format_flag_names(s->mbox, false, &b);
	sbuf_adds(&b, "\r\n* OK [PERMANENTFLAGS ");
	if (mbox_readonly(s->mbox))
		sbuf_adds(&b, "()");
	else
		mbox_format_flag_names(s->mbox, true, &b);
	sbuf_adds(&b, "] Flags changed\r\n");
	resp_write(s, b.data, b.len);
}

static void rep_fetch(void *ctx, uint32_t seq)
{
	struct session *s = ctx;
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	sbuf_printf(&b, "* %u FETCH (FLAGS ", seq);
	mbox_format_flags(s->mbox, seq, &b);
	sbuf_adds(&b, ")\r\n");
	resp_write(s, b.data, b.len);
}

static const struct mbox_report_ops report_ops = {
	.expunge = rep_expunge,
	.exists = rep_exists,
	.recent = rep_recent,
	.flags = rep_flags,
	.fetch = rep_fetch,
};

void store_notify(struct session *s, bool expunge_ok)
{
	if (s->mbox == NULL || s->state == STATE_LOGOUT)
		return;
	if (!mbox_sync(s->mbox)) {
		/* Deleted or replaced by another session: nothing we could
		 * say keeps the client's view consistent (Dovecot does this). */
		resp_untagged(s, "BYE Selected mailbox was deleted or renamed, closing connection");
		s->state = STATE_LOGOUT;
		return;
	}
	mbox_report(s->mbox, expunge_ok, &report_ops, s);
}
