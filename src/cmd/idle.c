/*
 * idle.c - IDLE (RFC2177): the client waits for mailbox updates without
 * polling, and ends the wait with "DONE".
 *
 *   C: a IDLE
 *   S: + idling
 *   S: * 4 EXISTS          (whenever the mailbox changes)
 *   C: DONE
 *   S: a OK IDLE terminated
 *
 * The command does not block: it waits on the session loop for a line
 * from the client or a change notification of the selected mailbox
 * (inotify on its folder, store/watch.c).  A notification arms a short
 * timer, and the mailbox is synchronised when it fires, so that a burst
 * of deliveries or a large EXPUNGE elsewhere is reported in one go.
 * Updates include EXPUNGE: no command naming sequence numbers is in
 * progress (RFC2177 §3, RFC3501 §7.4.1).  The autologout timer still
 * runs (RFC2177 §3: clients re-issue IDLE within 29 minutes).
 */
#include <strings.h>

#include "cmd/cmd.h"
#include "proto/response.h"
#include "store/mailbox.h"

/* How long after a change notification the mailbox is looked at: long
 * enough to take in a burst of renames as one report, short against the
 * second within which a delivery should show. */
#define IDLE_COALESCE_MS 100

/* Without inotify (or for a mailbox it cannot watch), look this often. */
#define IDLE_POLL_MS 5000

struct idle_state {
	bool watching;     /* inotify works for the selected mailbox */
	bool pending;      /* a notification came; the timer will sync */
};

/* Send what changed in the selected mailbox since the last report. */
static void idle_report(struct session *s)
{
	cmd_updates_send(s, true);
}

static void idle_event(struct session *s, enum session_event ev, const char *line, size_t len)
{
	struct idle_state *st = s->cont.ctx;
	switch (ev) {
	case SESSION_EV_MAILBOX:
		if (!st->pending) {
			st->pending = true;
			session_wait_timer(s, IDLE_COALESCE_MS);
		}
		return;
	case SESSION_EV_TIMER:
		st->pending = false;
		idle_report(s);
		if (!st->watching)
			session_wait_timer(s, IDLE_POLL_MS);
		return;
	case SESSION_EV_LINE:
		session_wait_done(s);
		/* RFC2177 §3: the continuation "DONE" ends the command. */
		if (line != NULL && len == 6 && strncasecmp(line, "DONE", 4) == 0) {
			cmd_ok(s, "IDLE terminated");
			return;
		}
		resp_bad(s, line == NULL ? "Line too long, expected DONE" : "Expected DONE");
		return;
	case SESSION_EV_WRITABLE:
		return;
	case SESSION_EV_ABORT:
		session_wait_done(s);
		return;
	}
}

void cmd_idle(struct session *s, const struct imap_cmd *cmd)
{
	(void)cmd;
	struct idle_state *st = ARENA_NEW(&s->arena, struct idle_state);
	if (st == NULL) {
		cmd_no(s, "Out of memory");
		return;
	}
	/* The watch first: a delivery the client makes as soon as it sees
	 * "+" must find it there, or no event ever comes (the first IDLE
	 * of a session used to make it after answering, and a loaded
	 * machine lost the delivery, ext-2177-idle-ours.test). */
	unsigned wait = SESSION_WAIT_LINE;
	if (s->mbox != NULL) {
		st->watching = mbox_watch_fd(s->mbox) >= 0;
		wait |= SESSION_WAIT_MAILBOX;
	}
	resp_continue(s, "idling");
	/* What happened before the IDLE is news too. */
	idle_report(s);
	session_wait(s, wait, idle_event, st);
	if (s->mbox != NULL && !st->watching)
		session_wait_timer(s, IDLE_POLL_MS);
}
