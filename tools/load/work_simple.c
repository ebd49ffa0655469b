/*
 * work_simple.c - imapload's other workloads:
 *
 *   login     connect, LOGIN, SELECT, FETCH 1 (FLAGS) when there is a
 *             message, LOGOUT (its BYE and OK, then the end of the
 *             stream), and again: logins per second, every answer checked
 *   idle      LOGIN, SELECT, then nothing (a NOOP every -i seconds if
 *             asked) until the run ends, then LOGOUT: memory per idle
 *             connection; the server must not drop them
 *
 * and the hostile ones, whose answers are not judged (tools/load/README.md):
 *
 *   slowread  LOGIN, SELECT, FETCH 1:* BODY[] with a 4 kB receive buffer,
 *             then 64 octets a second
 *   trickle   a LOGIN command an octet every 2 seconds, from the greeting
 *             on (the server's login deadline ends it; then again)
 *   tlsidle   TLS handshake on the TLS port, then nothing (again when closed)
 *   rawidle   a TCP connection to the TLS port (or the plain one) that sends
 *             nothing (again when closed)
 */
#include "load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const struct workload work_mixed, work_select, work_fetch, work_store, work_append,
	work_expunge;

enum lstep { L_LOGIN, L_SELECT, L_FETCH, L_LOGOUT, L_IDLE, L_WAIT };

struct simple {
	enum lstep step;
	int exists;
	int fetched;
	bool bye;
	bool stopping;
	double round_start;
	/* trickle */
	char line[256];
	size_t line_len, line_off;
};

static struct simple *S(struct client *c)
{
	return c->work_state;
}

static void login_cmd(struct client *c)
{
	S(c)->step = L_LOGIN;
	client_cmd(c, K_LOGIN, NULL, 0, "LOGIN \"%s\" \"%s\"", client_user(c), client_pass(c));
}

/* ---- login churn and idle sessions ------------------------------------------ */

static void login_start(struct client *c)
{
	struct simple *s = S(c);
	s->exists = s->fetched = 0;
	s->bye = false;
	s->round_start = c->connected_at;
	login_cmd(c);
}

static void login_untagged(struct client *c, const char *resp, size_t len)
{
	struct simple *s = S(c);
	const char *word;
	long n = untagged_num(resp, len, &word);
	if (n >= 0 && strncmp(word, "EXISTS", 6) == 0) {
		s->exists = (int)n;
	} else if (n >= 0 && strncmp(word, "FETCH", 5) == 0) {
		if (s->step != L_FETCH || n != 1 || memmem(resp, len, "FLAGS (", 7) == NULL)
			stats_error(c, "unexpected %.200s", resp);
		s->fetched++;
	} else if (starts(resp, len, "* BYE")) {
		if (s->step != L_LOGOUT)
			stats_error(c, "%.200s", resp);
		s->bye = true;
	} else if (starts(resp, len, "* NO") || starts(resp, len, "* BAD")) {
		stats_error(c, "%.200s", resp);
	}
}

static void login_done(struct client *c, const char *status, const char *resp, size_t len)
{
	struct simple *s = S(c);
	if (strncmp(status, "OK", 2) != 0) {
		stats_error(c, "%.300s", resp);
		c->closing = true;
		client_close(c);
		client_sleep(c, 1);   /* and again */
		return;
	}
	bool idle = c->group->kind == W_IDLE;
	switch (s->step) {
	case L_LOGIN:
		s->step = L_SELECT;
		client_cmd(c, K_SELECT, NULL, 0, "SELECT \"%s\"", opt.mailbox);
		return;
	case L_SELECT:
		if (idle) {
			s->step = L_IDLE;
			if (s->stopping) {
				s->step = L_LOGOUT;
				c->closing = true;
				client_cmd(c, K_LOGOUT, NULL, 0, "LOGOUT");
			} else if (opt.keepalive > 0) {
				client_sleep(c, opt.keepalive);
			}
			return;
		}
		if (s->exists > 0) {
			s->step = L_FETCH;
			client_cmd(c, K_FETCH, NULL, 0, "FETCH 1 (FLAGS)");
			return;
		}
		/* nothing to fetch */
		__attribute__((fallthrough));
	case L_FETCH:
		if (s->step == L_FETCH && s->fetched != 1)
			stats_error(c, "FETCH 1: %d FETCH responses", s->fetched);
		s->step = L_LOGOUT;
		c->closing = true;
		client_cmd(c, K_LOGOUT, NULL, 0, "LOGOUT");
		return;
	case L_IDLE:
		/* a keepalive NOOP */
		if (s->stopping) {
			s->step = L_LOGOUT;
			c->closing = true;
			client_cmd(c, K_LOGOUT, NULL, 0, "LOGOUT");
		} else {
			client_sleep(c, opt.keepalive);
		}
		return;
	case L_LOGOUT:
		if (!s->bye)
			stats_error(c, "LOGOUT without BYE");
		/* The server closes now; closed() counts the round. */
		return;
	default:
		return;
	}
}

static void login_timer(struct client *c)
{
	struct simple *s = S(c);
	if (s->stopping)
		return;
	if (c->fd < 0) {
		client_connect(c);
		return;
	}
	if (s->step == L_IDLE && c->cmd < 0)
		client_cmd(c, K_NOOP, NULL, 0, "NOOP");
}

static void login_closed(struct client *c)
{
	struct simple *s = S(c);
	if (s->step == L_LOGOUT && c->closing) {
		if (s->bye && c->group->kind == W_LOGIN) {
			c->group->rounds++;
			stats_latency(K_ROUND, now() - s->round_start);
		}
		if (c->group->kind == W_LOGIN && !s->stopping) {
			double pause = client_think();
			if (pause > 0)
				client_sleep(c, pause);
			else
				client_connect(c);
		}
		return;
	}
	if (!s->stopping)
		stats_error(c, "the server closed the connection (%s)",
			    s->step == L_IDLE ? "idle session" : "during a login round");
	if (c->group->kind == W_LOGIN && !s->stopping)
		client_sleep(c, 1);
}

static void login_stop(struct client *c)
{
	struct simple *s = S(c);
	s->stopping = true;
	if (c->fd < 0)
		return;
	if (c->group->kind == W_IDLE && s->step == L_IDLE && c->cmd < 0) {
		s->step = L_LOGOUT;
		c->closing = true;
		client_cmd(c, K_LOGOUT, NULL, 0, "LOGOUT");
	}
	/* A login round in progress runs to its end. */
}

const struct workload work_login = {
	.name = "login", .state_size = sizeof(struct simple), .start = login_start,
	.untagged = login_untagged, .done = login_done, .timer = login_timer,
	.closed = login_closed, .stop = login_stop,
};

const struct workload work_idle = {
	.name = "idle", .state_size = sizeof(struct simple), .start = login_start,
	.untagged = login_untagged, .done = login_done, .timer = login_timer,
	.closed = login_closed, .stop = login_stop,
};

/* ---- hostile clients ----------------------------------------------------------- */

static void hostile_again(struct client *c)
{
	struct simple *s = S(c);
	c->group->held_seconds += now() - c->connected_at;
	if (!s->stopping)
		client_sleep(c, 0.5);
}

static void hostile_timer(struct client *c)
{
	struct simple *s = S(c);
	if (s->stopping)
		return;
	if (c->fd < 0) {
		client_connect(c);
		return;
	}
	switch (c->group->kind) {
	case W_SLOWREAD:
		if (client_drain(c, 64) < 0) {
			client_close(c);
			c->group->closed_by_server++;
			hostile_again(c);
			return;
		}
		client_sleep(c, 1);
		return;
	case W_TRICKLE:
		if (s->line_off < s->line_len) {
			client_send(c, s->line + s->line_off++, 1);
			client_sleep(c, 2);
		}
		return;
	default:
		return;
	}
}

static void hostile_start(struct client *c)
{
	struct simple *s = S(c);
	switch (c->group->kind) {
	case W_SLOWREAD:
		login_cmd(c);
		return;
	case W_TRICKLE:
		/* A wrong password of 60 octets: at 2 s an octet the line
		 * takes longer than any sane login deadline (60 s by default;
		 * the user's real one would finish in 54 s and log in). */
		s->line_len = (size_t)snprintf(s->line, sizeof(s->line),
					       "t1 LOGIN \"%s\" \"%s%.*s\"\r\n", client_user(c),
					       client_pass(c), 60, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		s->line_off = 0;
		client_sleep(c, 2);
		return;
	default:
		return;   /* tlsidle, rawidle: nothing, ever */
	}
}

static void hostile_untagged(struct client *c, const char *resp, size_t len)
{
	(void)c;
	(void)resp;
	(void)len;
}

static void hostile_done(struct client *c, const char *status, const char *resp, size_t len)
{
	struct simple *s = S(c);
	(void)resp;
	(void)len;
	if (c->group->kind != W_SLOWREAD || strncmp(status, "OK", 2) != 0)
		return;
	if (s->step == L_LOGIN) {
		s->step = L_SELECT;
		client_cmd(c, K_SELECT, NULL, 0, "SELECT \"%s\"", opt.mailbox);
	} else if (s->step == L_SELECT) {
		/* The FETCH goes out; from now on, 64 octets a second. */
		s->step = L_WAIT;
		client_cmd(c, K_FETCHBODY, NULL, 0, "FETCH 1:* BODY.PEEK[]");
		c->cmd = -1;   /* never waited for: not a latency, not a timeout */
		client_pause_reading(c, true);
		client_sleep(c, 1);
	}
}

static void hostile_stop(struct client *c)
{
	S(c)->stopping = true;
	if (c->fd >= 0) {
		c->group->held_seconds += now() - c->connected_at;
		c->closing = true;
		client_close(c);
	}
}

#define HOSTILE(n, kind_name) { .name = kind_name, .hostile = true, \
	.state_size = sizeof(struct simple), .start = hostile_start, \
	.untagged = hostile_untagged, .done = hostile_done, .timer = hostile_timer, \
	.closed = hostile_again, .stop = hostile_stop }

static const struct workload work_slowread = HOSTILE(W_SLOWREAD, "slowread");
static const struct workload work_trickle = HOSTILE(W_TRICKLE, "trickle");
static const struct workload work_tlsidle = HOSTILE(W_TLSIDLE, "tlsidle");
static const struct workload work_rawidle = HOSTILE(W_RAWIDLE, "rawidle");

const struct workload *const workloads[W_KINDS] = {
	[W_LOGIN] = &work_login, [W_MIXED] = &work_mixed, [W_IDLE] = &work_idle,
	[W_SLOWREAD] = &work_slowread, [W_TRICKLE] = &work_trickle, [W_TLSIDLE] = &work_tlsidle,
	[W_RAWIDLE] = &work_rawidle, [W_SELECT] = &work_select, [W_FETCH] = &work_fetch,
	[W_STORE] = &work_store, [W_APPEND] = &work_append, [W_EXPUNGE] = &work_expunge,
};
