/*
 * session_loop.c - a session's event loop (see session_loop.h).
 *
 * One iteration does every piece of work that needs no waiting, in a
 * fixed order: the TLS handshake, sending queued output, a waiting
 * command's events, then reading and running the next command.  Only
 * when none of them can progress does the loop sleep in epoll, on what
 * the next step needs: the client socket (readable or writable, as TLS
 * asks), the selected mailbox's notifications when a command waits on
 * them, and the nearest deadline.
 *
 * Each session is a set of callbacks on an event loop that may be
 * shared: a login process of imapd-master runs hundreds of pre-login
 * sessions on one loop, imapd runs one (session_loop_run).  Whenever
 * something happens to a session (its socket, its mailbox, its timer)
 * pump() runs its steps until none can progress, then points the
 * session's watches and its one timer at what it waits for next.  When
 * the session is over, its last output gets FINAL_FLUSH_MS to leave on
 * the loop (nothing blocks), then the owner's end callback runs.
 *
 * Deadlines (RFC2060 §5.4): before login, the whole of the login phase,
 * TLS handshake included, must end within login_timeout seconds of
 * connecting, however the client trickles its octets; once logged in,
 * the autologout timer (`timeout` minutes, at least 30) restarts whenever
 * the client sends or reads something.  A client that stops reading
 * cannot make the server buffer more than CONN_OUTPUT_HIGH_WATER: no
 * new command is read while that much output waits, and a command that
 * produces a lot (FETCH) waits for the client before producing more.
 */
#include "server/session_loop.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "cmd/cmd.h"
#include "net/ioloop.h"
#include "net/proxyproto.h"
#include "net/tls.h"
#include "proto/cmdread.h"
#include "proto/response.h"
#include "server/limits.h"
#include "store/mailbox.h"
#include "util/log.h"

/* How long the last words (BYE) may take to leave. */
#define FINAL_FLUSH_MS 2000

struct sloop {
	struct session *s;
	struct ioloop *loop;
	struct io *rio, *wio;          /* the client; wio NULL when wfd == rfd */
	/* stdin or stdout is a regular file (`rimapd < script > out`):
	 * epoll cannot watch one, and it never needs waiting for. */
	bool rfile, wfile;
	struct io *mio;                /* the selected mailbox's notifications */
	struct mailbox *mio_mbox;      /* which mailbox mio watches */
	struct timer *timer;           /* the nearest deadline */
	sloop_end_fn *on_end;          /* the owner, told once at the end */
	void *end_ctx;
	bool implicit_tls;
	bool greeted;                  /* the greeting was queued */
	bool done;                     /* the session is over */
	bool closing;                  /* over; the last output is leaving */
	bool ended;                    /* on_end has run */
	bool client_error;             /* epoll saw a hang-up or error on the client */
	bool mbox_event;               /* mio was readable */
	bool pumping;                  /* inside pump(): no nested pump */
	bool again;                    /* an event came during pump() */
	uint64_t login_deadline;       /* before login: when the session ends */
	uint64_t last_activity;        /* after login: autologout counts from here */
	uint64_t close_deadline;       /* closing: give up on the output then */
	uint64_t seen_in, seen_out;    /* byte counters at the last look */
	/* A trusted proxy's PROXY header comes before anything else
	 * (proxy_protocol); from anyone else, one is refused. */
	bool proxy_pending;            /* waiting for the header */
	bool first_checked;            /* the client's first octets are no header */
	uint64_t proxy_deadline;
	size_t hlen;                   /* header octets consumed so far */
	unsigned char hdr[PROXYPROTO_MAX];
};

static void pump(struct sloop *l);

/* The next step() finds out what can progress; a hang-up is noted, so
 * that a session that can do nothing about it does not spin on it. */
static void on_client(void *ctx, unsigned events)
{
	struct sloop *l = ctx;
	if (events & IO_ERROR)
		l->client_error = true;
	pump(l);
}

static void on_mailbox(void *ctx, unsigned events)
{
	struct sloop *l = ctx;
	(void)events;
	l->mbox_event = true;
	pump(l);
}

static void on_timer(void *ctx)
{
	pump(ctx);
}

/* If <configdirectory>/msg/shutdown exists, send "* BYE <its first line>"
 * and return true: the session must end (a new connection is refused,
 * a running one ends before its next command). */
static bool check_shutdown(struct session *s)
{
	char line[512];
	if (!config_msg_line(s->cfg, "shutdown", line, sizeof(line)))
		return false;
	resp_bye(s, "%s", line[0] != '\0' ? line : "Server shutting down");
	log_notice("msg/shutdown: ending the session%s%s", s->user ? " of " : "",
		   s->user ? s->user : "");
	s->state = STATE_LOGOUT;
	return true;
}

/* The greeting (RFC2060 §7.1: OK, or PREAUTH for rimapd, with the
 * capabilities), then msg/motd's first line as an ALERT. */
static void greet(struct session *s)
{
	if (s->preauth) {
		conn_printf(&s->conn, "* PREAUTH [CAPABILITY ");
		cmd_capability_list(s);
		conn_printf(&s->conn, "] %s IMAP4rev1 server, logged in as %s\r\n",
			    s->servername, s->user);
	} else {
		conn_printf(&s->conn, "* OK [CAPABILITY ");
		cmd_capability_list(s);
		conn_printf(&s->conn, "] %s IMAP4rev1 server ready\r\n", s->servername);
	}
	/* A proxy reads the greeting and then answers only a tagged line to
	 * its LOGIN: an alert after the greeting would break it (nginx). */
	char line[512];
	if (!s->proxy_trusted && config_msg_line(s->cfg, "motd", line, sizeof(line))
	    && line[0] != '\0')
		resp_untagged(s, "OK [ALERT] %s", line);
}

/* End the session (the caller sends BYE first where there is one).  The
 * state is left alone: LOGOUT means the client asked to leave, and the
 * caller may still owe a BYE otherwise (SIGTERM). */
static bool end_session(struct sloop *l)
{
	l->done = true;
	return true;
}

/* The TLS handshake (imaps, or after STARTTLS) has progressed. */
static bool handshake_step(struct sloop *l)
{
	struct session *s = l->s;
	char err[256];
	int r = tls_conn_handshake(s->conn.tls, err, sizeof(err));
	if (r == CONN_AGAIN)
		return false;
	if (r < 0) {
		log_notice("%s: %s", l->greeted ? "STARTTLS" : "imaps", err);
		/* Nothing may go out in the clear any more. */
		s->conn.failed = true;
		return end_session(l);
	}
	log_info("%s: %s", l->greeted ? "STARTTLS" : "imaps", tls_conn_describe(s->conn.tls));
	/* RFC3501 §6.2.1: what was learned before TLS is forgotten; SASL
	 * starts over knowing the new security layer. */
	session_sasl_restart(s);
	if (!l->greeted) {
		greet(s);
		l->greeted = true;
	}
	return true;
}

/* STARTTLS was answered and its OK has left: start the handshake. */
static bool starttls_begin(struct sloop *l)
{
	struct session *s = l->s;
	s->tls_pending = false;
	/* Whatever the client sent after the STARTTLS line without waiting
	 * for the OK came in the clear and could have been injected by a man
	 * in the middle (CVE-2011-0411 and its relatives): never run it. */
	size_t dropped = conn_discard_buffered(&s->conn);
	if (dropped > 0)
		log_notice("STARTTLS: discarded %zu octets sent in the clear after the command",
			   dropped);
	char err[256];
	if (!conn_tls_begin(&s->conn, err, sizeof(err))) {
		log_notice("STARTTLS: %s", err);
		s->conn.failed = true;
		return end_session(l);
	}
	return true;
}

/* A line for a waiting command; false when none is complete yet. */
static bool deliver_line(struct sloop *l)
{
	struct session *s = l->s;
	char *line;
	ssize_t n = conn_read_line(&s->conn, s->cfg->maxline, &line);
	if (n == CONN_AGAIN)
		return false;
	if (n == CONN_TOOLONG) {
		/* The command answers a line it cannot take (NULL). */
		s->cont.fn(s, SESSION_EV_LINE, NULL, 0);
		return true;
	}
	if (n < 0) {
		if (n == CONN_EOF)
			log_info("client closed the connection%s%s", s->user ? " user=" : "",
				 s->user ? s->user : "");
		return end_session(l);
	}
	s->cont.fn(s, SESSION_EV_LINE, line, (size_t)n);
	return true;
}

/* The waiting command's events; false when it must wait on. */
static bool cont_step(struct sloop *l)
{
	struct session *s = l->s;
	struct session_cont *c = &s->cont;
	if (c->timer_due != 0 && ioloop_now_ms() >= c->timer_due) {
		c->timer_due = 0;
		c->fn(s, SESSION_EV_TIMER, NULL, 0);
		return true;
	}
	if ((c->wait & SESSION_WAIT_MAILBOX) && l->mbox_event) {
		l->mbox_event = false;
		if (s->mbox != NULL)
			mbox_watch_drain(s->mbox);
		c->fn(s, SESSION_EV_MAILBOX, NULL, 0);
		return true;
	}
	/* Resume a producer once the client has read half of what waits,
	 * so that it writes in large steps but never past the mark. */
	if ((c->wait & SESSION_WAIT_WRITABLE)
	    && conn_output_pending(&s->conn) <= CONN_OUTPUT_HIGH_WATER / 2) {
		c->fn(s, SESSION_EV_WRITABLE, NULL, 0);
		return true;
	}
	if (c->wait & SESSION_WAIT_LINE)
		return deliver_line(l);
	return false;
}

/* Read and run the next command; false when it is not complete yet. */
static bool command_step(struct sloop *l)
{
	struct session *s = l->s;
	struct imap_cmd *cmd = NULL;
	switch (cmdread_step(s, &cmd)) {
	case CMDREAD_COMMAND:
		/* msg/shutdown is looked at before each command runs. */
		if (check_shutdown(s))
			return end_session(l);
		cmd_dispatch(s, cmd);
		return true;
	case CMDREAD_REJECTED:
		return true;
	case CMDREAD_AGAIN:
		return false;
	case CMDREAD_EOF:
		log_info("client closed the connection%s%s", s->user ? " user=" : "",
			 s->user ? s->user : "");
		return end_session(l);
	case CMDREAD_ERROR:
		break;
	}
	return end_session(l);
}

/* The greeting, or for imaps the TLS handshake first. */
static bool begin(struct sloop *l)
{
	struct session *s = l->s;
	if (l->implicit_tls) {
		char err[256];
		if (!conn_tls_begin(&s->conn, err, sizeof(err))) {
			log_notice("imaps: %s", err);
			return end_session(l);
		}
	} else {
		greet(s);
		l->greeted = true;
	}
	return true;
}

/*
 * A trusted proxy's PROXY header: peeked at on the socket and consumed
 * exactly as far as it goes, so that what follows (the ClientHello of
 * an imaps client) stays for TLS.  Bounded by PROXYPROTO_MAX octets and
 * proxy_protocol_timeout.
 */
static bool proxy_step(struct sloop *l)
{
	struct session *s = l->s;
	int fd = s->conn.rfd;
	ssize_t n = recv(fd, l->hdr + l->hlen, sizeof(l->hdr) - l->hlen, MSG_PEEK | MSG_DONTWAIT);
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return false;
	if (n <= 0) {
		log_info("the proxy left before its PROXY header%s%s", n < 0 ? ": " : "",
			 n < 0 ? strerror(errno) : "");
		s->conn.failed = true;
		return end_session(l);
	}
	size_t used;
	struct proxyproto_info info;
	const char *why;
	enum proxyproto_result r = proxyproto_parse(l->hdr, l->hlen + (size_t)n, &used, &info, &why);
	if (r == PROXYPROTO_BAD) {
		log_notice("bad PROXY header from a trusted proxy: %s", why);
		resp_bye(s, "Bad PROXY protocol header");
		return end_session(l);
	}
	/* Take the octets that are the header's (they are all there). */
	size_t take = used - l->hlen;
	unsigned char sink[PROXYPROTO_MAX];
	if (take > 0 && recv(fd, sink, take, MSG_DONTWAIT) != (ssize_t)take) {
		log_err("reading the PROXY header: %s", strerror(errno));
		s->conn.failed = true;
		return end_session(l);
	}
	l->hlen = used;
	if (r == PROXYPROTO_MORE)
		return take > 0;
	l->proxy_pending = false;
	l->first_checked = true;
	if (info.family != AF_UNSPEC) {
		char host[LIMITS_HOST_MAX];
		limits_host_of((const struct sockaddr *)&info.src, info.src_len, host,
			       s->proxied_peer);
		s->peer = s->proxied_peer;
		log_info("PROXY v%d: client %s", info.version, s->proxied_peer);
		if (s->hooks != NULL && s->hooks->proxied != NULL)
			s->hooks->proxied(s);
	} else {
		log_info("PROXY v%d: no client address (the proxy's own connection)", info.version);
	}
	return begin(l);
}

/*
 * Only a trusted proxy may name a client: a PROXY header as anyone
 * else's first octets is refused, not taken for a command.  Decided on
 * at most the first 16 octets.
 */
static bool first_input_step(struct sloop *l)
{
	struct session *s = l->s;
	for (;;) {
		size_t n = conn_buffered(&s->conn);
		/* Nothing read yet: rbuf may still be NULL. */
		int d = n == 0 ? -1 : proxyproto_detect(s->conn.rbuf + s->conn.rpos, n);
		if (n > 0 && d == 0) {
			l->first_checked = true;
			return true;
		}
		if (d == 1) {
			log_notice("PROXY header from a peer not in proxy_trusted_networks%s; refused",
				   s->proxy_trusted ? " (proxy_protocol is off)" : "");
			resp_bye(s, "PROXY protocol header refused");
			return end_session(l);
		}
		ssize_t r = conn_fill(&s->conn);
		if (r == CONN_AGAIN)
			return false;
		if (r < 0) {
			/* EOF or an error: the command reader says so. */
			l->first_checked = true;
			return true;
		}
	}
}

/* Do one piece of work that needs no waiting; false when there is none. */
static bool step(struct sloop *l)
{
	struct session *s = l->s;
	if (l->proxy_pending)
		return proxy_step(l);
	if (tls_conn_handshaking(s->conn.tls))
		return handshake_step(l);
	if (conn_output_pending(&s->conn) > 0 && conn_flush(&s->conn) == CONN_ERROR)
		return end_session(l);
	if (s->conn.failed)
		return end_session(l);
	if (s->tls_pending)
		return conn_output_pending(&s->conn) == 0 && starttls_begin(l);
	if (s->compress_pending) {
		/* The OK has to leave uncompressed first. */
		if (conn_output_pending(&s->conn) > 0)
			return false;
		s->compress_pending = false;
		if (!conn_compress_start(&s->conn)) {
			log_err("COMPRESS: cannot set up zlib");
			return end_session(l);
		}
		log_info("COMPRESS=DEFLATE active");
		return true;
	}
	if (session_waiting(s))
		return cont_step(l);
	/* Back-pressure: no new command while the client has not read the
	 * output of the last ones. */
	if (conn_output_pending(&s->conn) >= CONN_OUTPUT_HIGH_WATER)
		return false;
	if (!l->first_checked)
		return first_input_step(l);
	return command_step(l);
}

/* Watch the selected mailbox exactly while a command waits on it. */
static void watch_mailbox(struct sloop *l)
{
	struct session *s = l->s;
	bool want = session_waiting(s) && (s->cont.wait & SESSION_WAIT_MAILBOX) && s->mbox != NULL;
	if (l->mio != NULL && (!want || l->mio_mbox != s->mbox)) {
		io_remove(&l->mio);
		l->mio_mbox = NULL;
	}
	if (want && l->mio == NULL) {
		int fd = mbox_watch_fd(s->mbox);
		if (fd >= 0) {
			l->mio = io_add(l->loop, fd, IO_READ, on_mailbox, l);
			l->mio_mbox = s->mbox;
		}
		/* Without inotify the command's own timer polls instead. */
	}
}

/* Point the client watches at events; true when one needed is on a
 * regular file, which is always ready. */
static bool watch_events(struct sloop *l, unsigned ev)
{
	if ((l->rfile && (ev & IO_READ)) || (l->wfile && (ev & IO_WRITE)))
		return true;
	if (l->rio != NULL)
		io_set_events(l->rio, l->wio == NULL && !l->wfile ? ev : ev & IO_READ);
	if (l->wio != NULL)
		io_set_events(l->wio, ev & IO_WRITE);
	return false;
}

/* Point the client watches at what the next step waits for; true when
 * that is ready without waiting (a regular file). */
static bool watch_client(struct sloop *l)
{
	struct session *s = l->s;
	struct conn *c = &s->conn;
	unsigned ev = 0;
	if (l->proxy_pending) {
		ev = IO_READ;
	} else if (tls_conn_handshaking(c->tls)) {
		ev = tls_conn_handshake_events(c->tls);
	} else {
		ev |= conn_write_events(c);
		bool input_wanted = !s->tls_pending && !s->compress_pending
			&& (session_waiting(s) ? (s->cont.wait & SESSION_WAIT_LINE) != 0
					       : conn_output_pending(c) < CONN_OUTPUT_HIGH_WATER);
		if (input_wanted)
			ev |= conn_read_events(c);
	}
	return watch_events(l, ev);
}

/* Milliseconds until the nearest deadline; 0 when one has passed. */
static int next_timeout(struct sloop *l, bool *expired_r)
{
	struct session *s = l->s;
	uint64_t now = ioloop_now_ms();
	if (s->conn.bytes_in != l->seen_in || s->conn.bytes_out != l->seen_out) {
		l->seen_in = s->conn.bytes_in;
		l->seen_out = s->conn.bytes_out;
		l->last_activity = now;
	}
	uint64_t due = l->proxy_pending ? l->proxy_deadline
		: s->state == STATE_NOT_AUTH ? l->login_deadline
		: l->last_activity + (uint64_t)s->cfg->timeout * 60 * 1000;
	/* A login being handed on is imapd-master's to finish: a session
	 * process may be writing to the client already. */
	if (s->login_pending)
		due = UINT64_MAX;
	*expired_r = now >= due;
	if (session_waiting(s) && s->cont.timer_due != 0 && s->cont.timer_due < due)
		due = s->cont.timer_due;
	return due <= now ? 0 : due - now > INT32_MAX ? INT32_MAX : (int)(due - now);
}

/* The session is over: a waiting command lets go of what it holds
 * (while the mailbox it may point into is still open), and the last
 * output gets FINAL_FLUSH_MS to leave. */
static void begin_closing(struct sloop *l)
{
	struct session *s = l->s;
	l->done = true;
	l->closing = true;
	if (session_waiting(s)) {
		s->cont.fn(s, SESSION_EV_ABORT, NULL, 0);
		session_wait_done(s);
	}
	io_remove(&l->mio);
	l->mio_mbox = NULL;
	l->close_deadline = ioloop_now_ms() + FINAL_FLUSH_MS;
	/* Nothing may go out during a handshake or after a failure. */
	if (s->conn.failed || tls_conn_handshaking(s->conn.tls))
		s->conn.wpos = s->conn.wlen = 0;
}

/* Closing: send what is left; true once it is gone or given up on. */
static bool closing_step(struct sloop *l)
{
	struct conn *c = &l->s->conn;
	if (c->failed || tls_conn_handshaking(c->tls) || conn_output_pending(c) == 0)
		return true;
	if (conn_flush(c) != CONN_AGAIN)
		return true;
	if (l->client_error || ioloop_now_ms() >= l->close_deadline)
		return true;
	unsigned ev = conn_write_events(c);
	timer_reset(l->timer, watch_events(l, ev) ? 0 : l->close_deadline - ioloop_now_ms());
	return false;
}

/* The end: stop watching and tell the owner (who may free l). */
static void finish(struct sloop *l)
{
	io_remove(&l->mio);
	io_remove(&l->wio);
	io_remove(&l->rio);
	timer_remove(&l->timer);
	l->ended = true;
	if (l->on_end != NULL)
		l->on_end(l->end_ctx);
}

/* Run the session until it must wait, then wait for the right things. */
static void pump(struct sloop *l)
{
	if (l->ended)
		return;
	if (l->pumping) {
		l->again = true;
		return;
	}
	l->pumping = true;
	struct session *s = l->s;
	for (;;) {
		l->again = false;
		if (!l->done) {
			while (!l->done && s->state != STATE_LOGOUT && step(l))
				;
			if (s->state == STATE_LOGOUT)
				l->done = true;
			else if (!l->done && l->client_error) {
				/* Hung up, and nothing left that could tell us more. */
				log_info("connection lost%s%s", s->user ? " user=" : "",
					 s->user ? s->user : "");
				l->done = true;
			}
		}
		if (!l->done) {
			bool expired;
			int wait = next_timeout(l, &expired);
			if (expired && l->proxy_pending) {
				log_notice("no PROXY header from the trusted proxy within %u s",
					   s->cfg->proxy_protocol_timeout);
				l->done = true;
			} else if (expired) {
				/* RFC2060 §5.4 autologout: say why before closing. */
				if (!tls_conn_handshaking(s->conn.tls))
					resp_untagged(s, "BYE Autologout; idle for too long");
				log_info("%s%s%s", s->state == STATE_NOT_AUTH ? "login timeout"
					 : "autologout", s->user ? " user=" : "",
					 s->user ? s->user : "");
				l->done = true;
			} else {
				watch_mailbox(l);
				timer_reset(l->timer, watch_client(l) ? 0 : (uint64_t)wait);
			}
		}
		if (l->done && !l->closing)
			begin_closing(l);
		if (l->closing && closing_step(l)) {
			l->pumping = false;
			finish(l);
			return;
		}
		if (!l->again)
			break;
	}
	l->pumping = false;
}

/* Watch fd for the client, or note that it is a regular file (epoll
 * refuses those with EPERM). */
static bool watch_fd(struct sloop *l, int fd, struct io **io_r, bool *file_r)
{
	*io_r = io_add(l->loop, fd, 0, on_client, l);
	if (*io_r != NULL)
		return true;
	if (errno != EPERM)
		return false;
	*file_r = true;
	return true;
}

struct sloop *sloop_start(struct ioloop *loop, struct session *s, bool implicit_tls,
			  sloop_end_fn *on_end, void *ctx)
{
	struct sloop *l = calloc(1, sizeof(*l));
	if (l == NULL)
		return NULL;
	*l = (struct sloop){ .s = s, .loop = loop, .implicit_tls = implicit_tls,
			     .on_end = on_end, .end_ctx = ctx };
	uint64_t now = ioloop_now_ms();
	l->login_deadline = now + (uint64_t)s->cfg->login_timeout * 1000;
	l->last_activity = now;
	l->timer = timer_add(loop, (uint64_t)s->cfg->login_timeout * 1000, on_timer, l);
	if (l->timer == NULL || !watch_fd(l, s->conn.rfd, &l->rio, &l->rfile)
	    || (s->conn.wfd != s->conn.rfd && !watch_fd(l, s->conn.wfd, &l->wio, &l->wfile))) {
		log_err("cannot wait on the client's descriptors: %s", strerror(errno));
		io_remove(&l->rio);
		io_remove(&l->wio);
		timer_remove(&l->timer);
		free(l);
		return NULL;
	}
	l->pumping = true;  /* no callback may end us before we are set up */
	if (check_shutdown(s)) {
		l->done = true;
	} else if (s->state != STATE_NOT_AUTH && !s->preauth) {
		/* Handed over logged in by a login process, which greeted. */
		l->greeted = true;
		l->first_checked = true;
	} else if (s->proxy_trusted && s->cfg->proxy_protocol) {
		/* Nothing is said before the proxy has named its client. */
		l->proxy_pending = true;
		l->proxy_deadline = now + (uint64_t)s->cfg->proxy_protocol_timeout * 1000;
	} else {
		l->first_checked = s->preauth;
		begin(l);
	}
	l->pumping = false;
	return l;
}

void sloop_kick(struct sloop *l)
{
	pump(l);
}

void sloop_stop(struct sloop *l, const char *why)
{
	if (l->done)
		return;
	struct session *s = l->s;
	if (why != NULL && !tls_conn_handshaking(s->conn.tls) && !s->conn.failed)
		resp_bye(s, "%s", why);
	l->done = true;
	pump(l);
}

bool sloop_ended(const struct sloop *l)
{
	return l->ended;
}

void sloop_free(struct sloop **lp)
{
	struct sloop *l = *lp;
	if (l == NULL)
		return;
	io_remove(&l->mio);
	io_remove(&l->wio);
	io_remove(&l->rio);
	timer_remove(&l->timer);
	free(l);
	*lp = NULL;
}

/* session_loop_run: one session, its own loop. */
static void run_ended(void *ctx)
{
	*(bool *)ctx = true;
}

void session_loop_run(struct session *s, bool implicit_tls)
{
	struct ioloop *loop = ioloop_new();
	if (loop == NULL) {
		log_err("event loop: %s", strerror(errno));
		return;
	}
	bool ended = false;
	struct sloop *l = sloop_start(loop, s, implicit_tls, run_ended, &ended);
	if (l != NULL) {
		pump(l);
		while (!ended) {
			if (ioloop_run_once(loop, -1) < 0) {
				log_err("event loop: %s", strerror(errno));
				break;
			}
		}
		if (!ended) {
			/* The loop failed: let a waiting command go all the same. */
			if (session_waiting(s)) {
				s->cont.fn(s, SESSION_EV_ABORT, NULL, 0);
				session_wait_done(s);
			}
		}
		sloop_free(&l);
	}
	ioloop_free(&loop);
}
