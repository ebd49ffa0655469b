/*
 * work_mixed.c - the "mixed" workload: one persistent session per client,
 * in a mailbox of its own ("<prefix><slot>"), doing what a mail client
 * does: FETCH of flags, sizes and envelopes, FETCH of bodies, STORE,
 * SEARCH, APPEND, EXPUNGE, NOOP, STATUS.  Because no one else writes to
 * its mailbox, the session knows what every answer must be and checks it:
 * each message's RFC822.SIZE and body length, its \Flagged flag, the
 * result of SEARCH FLAGGED, the EXISTS after an APPEND, the one EXPUNGE
 * (and its number) after an EXPUNGE.  Any other answer is an error.
 *
 * The one-kind workloads (select, fetch, store, append, expunge) are the
 * same session, model and checks, doing one command kind only, in a
 * mailbox of their own ("imapload<kind><slot>"), for a rate per command:
 *   select   SELECT again and again (EXISTS must be the model's)
 *   fetch    FETCH n (FLAGS RFC822.SIZE ENVELOPE) of a random message
 *   store    STORE n +FLAGS/-FLAGS (\Flagged), the opposite of its state
 *   append   APPEND of 200 B - 8 kB (the mailbox grows)
 *   expunge  STORE n +FLAGS.SILENT (\Deleted), then EXPUNGE: the pair is
 *            the unit (an EXPUNGE needs a \Deleted message)
 * An empty mailbox gets an APPEND first (so fill it beforehand: the
 * benchmark delivers the messages before the run).
 */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MSGS 1000000  /* the largest mailbox the model follows */
#define HIGH_WATER 40    /* mixed: above this many messages, APPEND gives way to EXPUNGE */

enum step { S_LOGIN, S_CREATE, S_SELECT, S_SCAN, S_UNDELETE, S_RUN, S_FETCH, S_FETCHBODY,
	    S_STORE, S_SEARCH, S_APPEND, S_MARK, S_EXPUNGE, S_NOOP, S_STATUS, S_RESELECT,
	    S_LOGOUT };

struct mixed {
	enum step step;
	int exists;                  /* what the server said, EXISTS and EXPUNGE applied */
	int expect_exists;           /* after an APPEND: EXISTS should reach this */
	int cap;                     /* room in the three arrays below */
	uint32_t *size;              /* RFC822.SIZE by sequence number - 1 */
	bool *flagged;
	bool *deleted;
	bool stopping;               /* the run is over: LOGOUT next */
	int target;                  /* the sequence number the command is about */
	bool target_flag;            /* STORE: set (true) or clear */
	int fetched;                 /* FETCH responses for the command in flight */
	int expunged;                /* EXPUNGE responses for the command in flight */
	bool searched;               /* a SEARCH response came */
	bool search_ok;
	char msg[16384];             /* the APPEND in flight */
	size_t msg_len;
};

static struct mixed *M(struct client *c)
{
	return c->work_state;
}

static void mixed_next(struct client *c);

/* Room in the model for n messages (zeroed); false past MAX_MSGS. */
static bool model_room(struct mixed *m, long n)
{
	if (n <= m->cap)
		return true;
	if (n > MAX_MSGS)
		return false;
	int cap = m->cap ? m->cap : 64;
	while (cap < n)
		cap *= 2;
	uint32_t *size = realloc(m->size, (size_t)cap * sizeof(*size));
	bool *flagged = realloc(m->flagged, (size_t)cap);
	bool *deleted = realloc(m->deleted, (size_t)cap);
	if (size == NULL || flagged == NULL || deleted == NULL) {
		fprintf(stderr, "imapload: out of memory\n");
		exit(2);
	}
	memset(size + m->cap, 0, (size_t)(cap - m->cap) * sizeof(*size));
	memset(flagged + m->cap, 0, (size_t)(cap - m->cap));
	memset(deleted + m->cap, 0, (size_t)(cap - m->cap));
	m->size = size;
	m->flagged = flagged;
	m->deleted = deleted;
	m->cap = cap;
	return true;
}

static void mbox_name(struct client *c, char *buf, size_t size)
{
	if (c->group->kind == W_MIXED)
		snprintf(buf, size, "imapload%d", c->slot);
	else
		snprintf(buf, size, "imapload%s%d", c->w->name, c->slot);
}

static void mixed_start(struct client *c)
{
	struct mixed *m = M(c);
	/* The model's arrays outlive a reconnect. */
	int cap = m->cap;
	uint32_t *size = m->size;
	bool *flagged = m->flagged, *deleted = m->deleted;
	memset(m, 0, sizeof(*m));
	m->cap = cap;
	m->size = size;
	m->flagged = flagged;
	m->deleted = deleted;
	if (cap > 0) {
		memset(size, 0, (size_t)cap * sizeof(*size));
		memset(flagged, 0, (size_t)cap);
		memset(deleted, 0, (size_t)cap);
	}
	m->step = S_LOGIN;
	client_cmd(c, K_LOGIN, NULL, 0, "LOGIN \"%s\" \"%s\"", client_user(c), client_pass(c));
}

/* The value after `key ` in a FETCH response, or -1. */
static long fetch_num(const char *resp, size_t len, const char *key)
{
	const char *p = memmem(resp, len, key, strlen(key));
	if (p == NULL)
		return -1;
	return strtol(p + strlen(key), NULL, 10);
}

/* Whether the FLAGS list of a FETCH response has flag; -1 without FLAGS. */
static int fetch_flag(const char *resp, size_t len, const char *flag)
{
	const char *p = memmem(resp, len, "FLAGS (", 7);
	if (p == NULL)
		return -1;
	const char *e = memchr(p, ')', len - (size_t)(p - resp));
	if (e == NULL)
		return -1;
	return memmem(p, (size_t)(e - p), flag, strlen(flag)) != NULL;
}

static void mixed_untagged(struct client *c, const char *resp, size_t len)
{
	struct mixed *m = M(c);
	const char *word;
	long n = untagged_num(resp, len, &word);
	if (n >= 0 && strncmp(word, "EXISTS", 6) == 0) {
		bool ok = n == m->exists || (m->expect_exists > 0 && n == m->expect_exists &&
						     m->step != S_RESELECT) ||
			  m->step == S_SELECT;
		if (!ok)
			stats_error(c, "EXISTS %ld, expected %d%s", n, m->exists,
				    m->expect_exists ? " or the APPEND's" : "");
		if (!model_room(m, n)) {
			stats_error(c, "mailbox too large for the model (%ld)", n);
			n = m->cap;
		}
		if (n == m->expect_exists)
			m->expect_exists = 0;
		m->exists = (int)n;
		if (m->step == S_RESELECT)
			m->fetched++;
		return;
	}
	if (n >= 0 && strncmp(word, "EXPUNGE", 7) == 0) {
		if (m->step != S_EXPUNGE || n != m->target || m->expunged > 0)
			stats_error(c, "unexpected %.60s (expunging %d)", resp, m->target);
		if (n >= 1 && n <= m->exists) {
			int i = (int)n - 1;
			memmove(&m->size[i], &m->size[i + 1], (size_t)(m->exists - i - 1) * sizeof(m->size[0]));
			memmove(&m->flagged[i], &m->flagged[i + 1], (size_t)(m->exists - i - 1));
			memmove(&m->deleted[i], &m->deleted[i + 1], (size_t)(m->exists - i - 1));
			m->exists--;
		}
		m->expunged++;
		return;
	}
	if (n >= 0 && strncmp(word, "FETCH", 5) == 0) {
		if (n < 1 || n > m->exists) {
			stats_error(c, "FETCH for message %ld of %d", n, m->exists);
			return;
		}
		int i = (int)n - 1;
		long size = fetch_num(resp, len, "RFC822.SIZE ");
		if (m->step == S_SCAN) {
			m->size[i] = size > 0 ? (uint32_t)size : 0;
			m->flagged[i] = fetch_flag(resp, len, "\\Flagged") == 1;
			m->deleted[i] = fetch_flag(resp, len, "\\Deleted") == 1;
			m->fetched++;
			return;
		}
		if (size >= 0 && (uint32_t)size != m->size[i])
			stats_error(c, "message %ld: RFC822.SIZE %ld, appended %u", n, size, m->size[i]);
		int f = fetch_flag(resp, len, "\\Flagged");
		if (f >= 0 && f != m->flagged[i])
			stats_error(c, "message %ld: \\Flagged %s, expected %s", n, f ? "set" : "unset",
				    m->flagged[i] ? "set" : "unset");
		if (m->step == S_FETCHBODY) {
			long lit = fetch_num(resp, len, "BODY[] {");
			if (lit != (long)m->size[i])
				stats_error(c, "message %ld: BODY[] of %ld octets, appended %u", n, lit,
					    m->size[i]);
		}
		if (n == m->target)
			m->fetched++;
		return;
	}
	if (starts(resp, len, "* SEARCH")) {
		/* The set must be the flagged messages, in order. */
		const char *p = resp + 8;
		bool ok = true;
		int seq = 1;
		while (p < resp + len && ok) {
			while (*p == ' ')
				p++;
			if (*p < '0' || *p > '9')
				break;
			long v = strtol(p, (char **)&p, 10);
			while (seq < v && seq <= m->exists)
				ok = ok && !m->flagged[seq++ - 1];
			ok = ok && v <= m->exists && m->flagged[v - 1];
			seq = (int)v + 1;
		}
		while (ok && seq <= m->exists)
			ok = !m->flagged[seq++ - 1];
		m->searched = true;
		m->search_ok = ok;
		if (!ok)
			stats_error(c, "SEARCH FLAGGED: %.200s does not match the model", resp);
		return;
	}
	if (starts(resp, len, "* BYE") && m->step != S_LOGOUT) {
		stats_error(c, "%.200s", resp);
		return;
	}
	if (starts(resp, len, "* NO") || starts(resp, len, "* BAD"))
		stats_error(c, "%.200s", resp);
	/* Others (FLAGS, RECENT, OK [...], STATUS, CAPABILITY) need no check. */
}

static void make_message(struct mixed *m, struct client *c)
{
	size_t body = 200 + (size_t)(rand() % 8000);
	int n = snprintf(m->msg, sizeof(m->msg),
			 "From: imapload <load@example.com>\r\nTo: %s@example.com\r\n"
			 "Subject: load test %u\r\nMessage-ID: <%d.%u.%d@imapload>\r\n\r\n",
			 client_user(c), c->tagn, c->id, c->tagn, rand());
	size_t len = (size_t)n;
	static const char line[] = "The quick brown fox jumps over the lazy dog, again and again.\r\n";
	while (len + sizeof(line) < (size_t)n + body && len + sizeof(line) < sizeof(m->msg))
		len += (size_t)snprintf(m->msg + len, sizeof(m->msg) - len, "%s", line);
	m->msg_len = len;
}

static void mixed_done(struct client *c, const char *status, const char *resp, size_t len)
{
	struct mixed *m = M(c);
	char box[64];
	mbox_name(c, box, sizeof(box));
	bool ok = strncmp(status, "OK", 2) == 0;
	if (m->step == S_CREATE) {
		/* A mailbox left by an earlier run is fine. */
		if (!ok && strncmp(status, "NO", 2) != 0)
			stats_error(c, "CREATE %s: %.200s", box, resp);
		m->step = S_SELECT;
		client_cmd(c, K_SELECT, NULL, 0, "SELECT %s", box);
		return;
	}
	if (!ok) {
		stats_error(c, "%.300s", resp);
		if (m->step == S_LOGIN || m->step == S_SELECT || m->step == S_LOGOUT) {
			client_close(c);
			return;
		}
	}
	switch (m->step) {
	case S_LOGIN:
		m->step = S_CREATE;
		client_cmd(c, K_CREATE, NULL, 0, "CREATE %s", box);
		return;
	case S_SELECT:
		if (m->exists > 0) {
			m->step = S_SCAN;
			m->fetched = 0;
			client_cmd(c, K_FETCH, NULL, 0, "FETCH 1:* (FLAGS RFC822.SIZE)");
			return;
		}
		break;
	case S_SCAN: {
		if (m->fetched != m->exists)
			stats_error(c, "FETCH 1:* gave %d of %d messages", m->fetched, m->exists);
		/* \Deleted marks an earlier run left: cleared, so that each
		 * EXPUNGE removes exactly the one message marked just before. */
		bool any = false;
		for (int i = 0; i < m->exists; i++) {
			any = any || m->deleted[i];
			m->deleted[i] = false;
		}
		if (any) {
			m->step = S_UNDELETE;
			client_cmd(c, K_STORE, NULL, 0, "STORE 1:* -FLAGS.SILENT (\\Deleted)");
			return;
		}
		break;
	}
	case S_FETCH:
	case S_FETCHBODY:
	case S_STORE:
		if (ok && m->fetched != 1)
			stats_error(c, "%s of message %d: %d FETCH responses",
				    m->step == S_STORE ? "STORE" : "FETCH", m->target, m->fetched);
		break;
	case S_RESELECT:
		if (ok && m->fetched != 1)
			stats_error(c, "SELECT again: %d EXISTS responses", m->fetched);
		break;
	case S_SEARCH:
		if (ok && !m->searched)
			stats_error(c, "SEARCH answered OK without a SEARCH response");
		break;
	case S_APPEND:
		if (!ok)
			m->expect_exists = 0;
		break;
	case S_EXPUNGE:
		if (ok && m->expunged != 1)
			stats_error(c, "EXPUNGE of message %d: %d EXPUNGE responses", m->target, m->expunged);
		break;
	case S_LOGOUT:
		return;
	default:
		break;
	}
	if (m->stopping) {
		m->step = S_LOGOUT;
		client_cmd(c, K_LOGOUT, NULL, 0, "LOGOUT");
		return;
	}
	m->step = S_RUN;
	double pause = client_think();
	if (pause > 0)
		client_sleep(c, pause);
	else
		mixed_next(c);
}

/* The next command, drawn by weight from what the mailbox allows. */
static void mixed_next(struct client *c)
{
	struct mixed *m = M(c);
	if (c->fd < 0 || m->stopping || c->cmd >= 0)
		return;
	m->fetched = m->expunged = 0;
	m->searched = false;
	if (m->expect_exists > 0) {
		/* The APPEND's EXISTS has not come yet: ask for it. */
		m->step = S_NOOP;
		client_cmd(c, K_NOOP, NULL, 0, "NOOP");
		return;
	}
	int r = rand() % 100;
	enum work_kind only = c->group->kind;
	bool full = m->exists >= HIGH_WATER, empty = m->exists == 0;
	if (only != W_MIXED) {
		/* One command kind: r is set so that the choice below is it. */
		full = false;
		r = only == W_FETCH ? 20 : only == W_STORE ? 55 : only == W_APPEND ? 10 : 80;
		if (only == W_SELECT && !empty) {
			m->step = S_RESELECT;
			char box[64];
			mbox_name(c, box, sizeof(box));
			client_cmd(c, K_SELECT, NULL, 0, "SELECT %s", box);
			return;
		}
	}
	if (empty || (!full && r < 15)) {
		m->step = S_APPEND;
		make_message(m, c);
		if (model_room(m, m->exists + 1)) {
			m->size[m->exists] = (uint32_t)m->msg_len;
			m->flagged[m->exists] = false;
			m->deleted[m->exists] = false;
		}
		m->expect_exists = m->exists + 1;
		char box[64];
		mbox_name(c, box, sizeof(box));
		client_cmd(c, K_APPEND, m->msg, m->msg_len, "APPEND %s", box);
		return;
	}
	m->target = 1 + rand() % m->exists;
	if (r < 40) {
		m->step = S_FETCH;
		client_cmd(c, K_FETCH, NULL, 0, "FETCH %d (FLAGS RFC822.SIZE ENVELOPE)", m->target);
	} else if (r < 50) {
		m->step = S_FETCHBODY;
		client_cmd(c, K_FETCHBODY, NULL, 0, "FETCH %d (FLAGS RFC822.SIZE BODY.PEEK[])", m->target);
	} else if (r < 65) {
		m->step = S_STORE;
		m->target_flag = !m->flagged[m->target - 1];
		m->flagged[m->target - 1] = m->target_flag;
		client_cmd(c, K_STORE, NULL, 0, "STORE %d %sFLAGS (\\Flagged)", m->target,
			   m->target_flag ? "+" : "-");
	} else if (r < 75) {
		m->step = S_SEARCH;
		client_cmd(c, K_SEARCH, NULL, 0, "SEARCH FLAGGED");
	} else if (r < 85 || full) {
		/* \Deleted on one message (silently), then EXPUNGE. */
		m->step = S_MARK;
		m->deleted[m->target - 1] = true;
		client_cmd(c, K_STORE, NULL, 0, "STORE %d +FLAGS.SILENT (\\Deleted)", m->target);
	} else if (r < 93) {
		m->step = S_NOOP;
		client_cmd(c, K_NOOP, NULL, 0, "NOOP");
	} else {
		m->step = S_STATUS;
		client_cmd(c, K_STATUS, NULL, 0, "STATUS INBOX (MESSAGES UIDNEXT UNSEEN)");
	}
}

static void mixed_timer(struct client *c)
{
	mixed_next(c);
}

/* S_MARK's answer leads straight to the EXPUNGE, without think time. */
static void mixed_done_mark(struct client *c, const char *status, const char *resp, size_t len)
{
	struct mixed *m = M(c);
	if (m->step == S_MARK) {
		if (strncmp(status, "OK", 2) != 0)
			stats_error(c, "%.300s", resp);
		/* Only the message marked now is \Deleted: others (a mark
		 * left by a run killed before its EXPUNGE) are cleared first. */
		for (int i = 0; i < m->exists; i++)
			if (m->deleted[i] && i != m->target - 1) {
				stats_error(c, "message %d is \\Deleted from before", i + 1);
				m->deleted[i] = false;
			}
		m->step = S_EXPUNGE;
		m->expunged = 0;
		client_cmd(c, K_EXPUNGE, NULL, 0, "EXPUNGE");
		return;
	}
	mixed_done(c, status, resp, len);
}

static void mixed_closed(struct client *c)
{
	struct mixed *m = M(c);
	if (m->step != S_LOGOUT)
		stats_error(c, "the server closed the session");
}

static void mixed_stop(struct client *c)
{
	struct mixed *m = M(c);
	if (c->fd < 0)
		return;
	m->stopping = true;
	c->closing = true;
	if (c->cmd < 0) {
		m->step = S_LOGOUT;
		client_cmd(c, K_LOGOUT, NULL, 0, "LOGOUT");
	}
}

#define MIXED(kind_name) { .name = kind_name, .state_size = sizeof(struct mixed), \
	.start = mixed_start, .untagged = mixed_untagged, .done = mixed_done_mark, \
	.timer = mixed_timer, .closed = mixed_closed, .stop = mixed_stop }

const struct workload work_mixed = MIXED("mixed");
const struct workload work_select = MIXED("select");
const struct workload work_fetch = MIXED("fetch");
const struct workload work_store = MIXED("store");
const struct workload work_append = MIXED("append");
const struct workload work_expunge = MIXED("expunge");
