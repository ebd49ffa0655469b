/*
 * login.c - a login process of imapd-master (see login.h).
 */
#include "server/login.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cmd/account.h"
#include "cmd/cmd.h"
#include "net/ioloop.h"
#include "net/tls.h"
#include "proto/session.h"
#include "server/handoff.h"
#include "server/relay.h"
#include "server/session_loop.h"
#include "util/log.h"

/* After SIGTERM, how long relays may wait for their sessions' BYE. */
#define STOP_GRACE_MS 8000

struct login;

/* One client: a pre-login session, then perhaps a TLS relay. */
struct lconn {
	struct login *lg;
	struct lconn *prev, *next;
	uint32_t id;                   /* the master's number for it */
	int fd;
	char peer[96];
	struct session s;
	bool has_session;              /* s is set up (not after the relay took over) */
	struct sloop *sl;              /* while not logged in */
	struct relay *relay;           /* TLS, after login */
	bool handing;                  /* HO_LOGIN sent: the master decides */
	int pair_fd;                   /* TLS: our end of the session's pair while handing */
};

struct login {
	const struct serve_options *opt;
	struct ioloop *loop;
	int master;                    /* socket to imapd-master */
	struct io *mio, *sio;
	int sigfd;
	struct timer *grace;           /* SIGTERM: the end of the wait for relays */
	struct lconn *conns;
	unsigned nconns;
	bool retiring;                 /* take nothing new; leave when empty */
	bool stopping;                 /* SIGTERM: end everything */
	bool quit;
	unsigned char *buf;            /* one packet (HANDOFF_MAX_PACKET) */
};

static void tell_master(struct login *lg, enum handoff_type type, uint32_t id)
{
	struct handoff m = { .type = type, .id = id };
	if (!handoff_send(lg->master, &m, -1) && errno != EPIPE)
		log_err("telling imapd-master: %s", strerror(errno));
}

static void maybe_quit(struct login *lg)
{
	if ((lg->retiring || lg->stopping) && lg->nconns == 0)
		lg->quit = true;
}

static void lconn_free(struct lconn *lc)
{
	struct login *lg = lc->lg;
	sloop_free(&lc->sl);
	relay_free(&lc->relay);
	if (lc->has_session)
		session_deinit(&lc->s);
	if (lc->fd >= 0)
		close(lc->fd);
	if (lc->pair_fd >= 0)
		close(lc->pair_fd);
	if (lc->prev != NULL)
		lc->prev->next = lc->next;
	else
		lg->conns = lc->next;
	if (lc->next != NULL)
		lc->next->prev = lc->prev;
	lg->nconns--;
	free(lc);
	maybe_quit(lg);
}

/* The session ended before login (logout, deadline, limits, EOF). */
static void session_over(void *ctx)
{
	struct lconn *lc = ctx;
	log_info("disconnect from %s in=%llu out=%llu", lc->peer,
		 (unsigned long long)lc->s.conn.bytes_in, (unsigned long long)lc->s.conn.bytes_out);
	tell_master(lc->lg, HO_CLOSED, lc->id);
	lconn_free(lc);
}

/* The TLS relay is over: the session process has ended. */
static void relay_over(void *ctx)
{
	lconn_free(ctx);
}

/* ---- the session's hooks --------------------------------------------------- */

/* A client proved who it is: hand it to the master with what the
 * session process needs to carry on. */
static void hook_login(struct session *s, const char *user, const char *method)
{
	struct lconn *lc = s->hooks_ctx;
	struct login *lg = lc->lg;
	size_t buffered = conn_buffered(&s->conn);
	if (buffered > HANDOFF_MAX_INPUT) {
		cmd_no(s, "[UNAVAILABLE] Too much input ahead of the login's answer");
		return;
	}
	int send_fd = lc->fd;
	int pair[2] = { -1, -1 };
	if (s->conn.tls != NULL) {
		/* The session process gets one end of a socketpair; we keep
		 * TLS and relay to the other. */
		if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0) {
			log_err("socketpair: %s", strerror(errno));
			cmd_no(s, "[UNAVAILABLE] Server busy, try again later");
			return;
		}
		send_fd = pair[1];
	}
	struct handoff m = {
		.type = HO_LOGIN, .id = lc->id, .user = user, .method = method,
		.tag = s->tag != NULL ? s->tag : "*",
		.tls = s->conn.tls != NULL ? tls_conn_describe(s->conn.tls) : "",
		.input = s->conn.rbuf + s->conn.rpos, .input_len = buffered,
	};
	bool sent = handoff_send(lg->master, &m, send_fd);
	int e = errno;
	if (pair[1] >= 0)
		close(pair[1]);
	if (!sent) {
		log_err("handing %s to imapd-master: %s", user, strerror(e));
		if (pair[0] >= 0)
			close(pair[0]);
		cmd_no(s, "[UNAVAILABLE] Server busy, try again later");
		return;
	}
	lc->pair_fd = pair[0];
	lc->handing = true;
	/* No more input is read for this session here. */
	account_handoff_wait(s);
}

static void hook_login_failed(struct session *s)
{
	struct lconn *lc = s->hooks_ctx;
	tell_master(lc->lg, HO_FAILED, lc->id);
}

static const struct session_hooks login_hooks = {
	.login = hook_login,
	.login_failed = hook_login_failed,
};

/* ---- messages from the master -------------------------------------------------- */

static struct lconn *find(struct login *lg, uint32_t id)
{
	for (struct lconn *lc = lg->conns; lc != NULL; lc = lc->next)
		if (lc->id == id)
			return lc;
	return NULL;
}

static void new_conn(struct login *lg, uint32_t id, int fd)
{
	struct lconn *lc = calloc(1, sizeof(*lc));
	if (lc == NULL) {
		close(fd);
		tell_master(lg, HO_CLOSED, id);
		return;
	}
	lc->lg = lg;
	lc->id = id;
	lc->fd = fd;
	lc->pair_fd = -1;
	serve_describe_peer(fd, lc->peer, sizeof(lc->peer));
	lc->next = lg->conns;
	if (lg->conns != NULL)
		lg->conns->prev = lc;
	lg->conns = lc;
	lg->nconns++;
	log_info("connect from %s%s", lc->peer, lg->opt->implicit_tls ? " (imaps)" : "");
	session_init(&lc->s, lg->opt->cfg, cmd_table, fd, fd);
	lc->has_session = true;
	lc->s.external_ssf = lg->opt->external_ssf;
	lc->s.hooks = &login_hooks;
	lc->s.hooks_ctx = lc;
	session_sasl_security(&lc->s);
	lc->sl = sloop_start(lg->loop, &lc->s, lg->opt->implicit_tls, session_over, lc);
	if (lc->sl == NULL) {
		tell_master(lg, HO_CLOSED, id);
		lconn_free(lc);
		return;
	}
	sloop_kick(lc->sl);
}

/* A session process has the client: let go of it here, or relay TLS. */
static void login_ok(struct lconn *lc)
{
	struct login *lg = lc->lg;
	lc->handing = false;
	account_handoff_done(&lc->s);
	sloop_free(&lc->sl);
	if (lc->pair_fd >= 0) {
		lc->relay = relay_start(lg->loop, &lc->s.conn, lc->pair_fd, relay_over, lc);
		if (lc->relay != NULL) {
			lc->pair_fd = -1;   /* the relay's now */
			/* The relay owns the TLS state; the rest goes. */
			session_deinit(&lc->s);
			lc->has_session = false;
			return;
		}
		log_err("cannot relay TLS for connection %u", lc->id);
	}
	lconn_free(lc);
}

static void on_message(struct login *lg, const struct handoff *m, int fd)
{
	if (m->type == HO_CONN) {
		if (fd < 0) {
			log_err("imapd-master sent a connection without a descriptor");
			return;
		}
		new_conn(lg, m->id, fd);
		return;
	}
	if (fd >= 0)
		close(fd);
	if (m->type == HO_RETIRE) {
		lg->retiring = true;
		maybe_quit(lg);
		return;
	}
	struct lconn *lc = find(lg, m->id);
	if (lc == NULL)
		return;  /* it ended meanwhile */
	switch (m->type) {
	case HO_LOGIN_OK:
		if (lc->handing)
			login_ok(lc);
		break;
	case HO_LOGIN_NO:
		if (lc->handing) {
			lc->handing = false;
			if (lc->pair_fd >= 0) {
				close(lc->pair_fd);
				lc->pair_fd = -1;
			}
			account_handoff_refused(&lc->s, m->text);
			sloop_kick(lc->sl);
		}
		break;
	case HO_KICK:
		if (lc->sl != NULL && !lc->handing)
			sloop_stop(lc->sl, "Too many failed logins from your address");
		break;
	default:
		break;
	}
}

/* SIGTERM: every pre-login client is told BYE; relays carry their
 * sessions' BYE until the session processes end. */
static void stop(struct login *lg)
{
	if (lg->stopping)
		return;
	lg->stopping = true;
	for (struct lconn *lc = lg->conns, *next; lc != NULL; lc = next) {
		next = lc->next;
		if (lc->sl != NULL && !lc->handing)
			sloop_stop(lc->sl, "Server shutting down");
	}
	maybe_quit(lg);
}

static void on_grace(void *ctx)
{
	struct login *lg = ctx;
	lg->quit = true;
}

static void on_master(void *ctx, unsigned events)
{
	struct login *lg = ctx;
	(void)events;
	for (int i = 0; i < 64 && !lg->quit; i++) {
		struct handoff m;
		int fd;
		int r = handoff_recv(lg->master, &m, lg->buf, &fd);
		if (r > 0) {
			on_message(lg, &m, fd);
			continue;
		}
		if (r < 0 && errno == EAGAIN)
			return;
		if (r < 0 && errno == EPROTO) {
			log_err("malformed message from imapd-master");
			continue;
		}
		/* The master is gone: nobody can take logins any more. */
		log_notice("imapd-master went away; ending");
		io_remove(&lg->mio);
		stop(lg);
		lg->quit = true;
		return;
	}
}

static void on_signal(void *ctx, unsigned events)
{
	struct login *lg = ctx;
	(void)events;
	struct signalfd_siginfo si;
	while (read(lg->sigfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			lg->retiring = true;
			maybe_quit(lg);
		} else {
			stop(lg);
			if (lg->grace == NULL)
				lg->grace = timer_add(lg->loop, STOP_GRACE_MS, on_grace, lg);
		}
	}
}

int login_run(const struct serve_options *opt, int master_fd)
{
	struct login lg = { .opt = opt, .master = master_fd, .sigfd = -1 };
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	lg.sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	lg.loop = ioloop_new();
	lg.buf = malloc(HANDOFF_MAX_PACKET);
	if (lg.sigfd < 0 || lg.loop == NULL || lg.buf == NULL) {
		log_err("login process: %s", strerror(errno));
		return 1;
	}
	lg.mio = io_add(lg.loop, master_fd, IO_READ, on_master, &lg);
	lg.sio = io_add(lg.loop, lg.sigfd, IO_READ, on_signal, &lg);
	if (lg.mio == NULL || lg.sio == NULL) {
		log_err("login process: %s", strerror(errno));
		return 1;
	}
	while (!lg.quit) {
		if (ioloop_run_once(lg.loop, -1) < 0) {
			log_err("event loop: %s", strerror(errno));
			break;
		}
	}
	while (lg.conns != NULL)
		lconn_free(lg.conns);
	io_remove(&lg.mio);
	io_remove(&lg.sio);
	timer_remove(&lg.grace);
	ioloop_free(&lg.loop);
	close(lg.sigfd);
	free(lg.buf);
	return 0;
}
