/*
 * session.c - one session's state (see session.h): setting it up and
 * tearing it down, and its security layers as SASL must know them.  The
 * loop that serves it is server/session_loop.c.
 */
#include "proto/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "net/ioloop.h"
#include "net/tls.h"
#include "proto/parser.h"
#include "util/log.h"

/* The command reader at the start of a command; a literal it was
 * spooling to a file is let go. */
static void reader_reset(struct session *s)
{
	struct cmdread *rd = &s->rd;
	if (rd->state == CR_LITERAL && rd->lit_fd >= 0)
		close(rd->lit_fd);
	memset(rd, 0, sizeof(*rd));
	rd->state = CR_START;
	rd->lit_fd = -1;
}

void session_init(struct session *s, const struct imapd_config *cfg, const struct cmd_def *cmds,
		  int rfd, int wfd)
{
	memset(s, 0, sizeof(*s));
	conn_init(&s->conn, rfd, wfd);
	s->cfg = cfg;
	s->cmds = cmds;
	s->state = STATE_NOT_AUTH;
	arena_init(&s->arena);
	reader_reset(s);
	/* A command's memory is bounded, or one command of endless
	 * non-synchronising literals could grow the process without end.
	 * Each literal is at most maxliteral (large APPEND messages are
	 * spooled to a file), so leave room for two of those and much more
	 * parsed structure than a command line can hold. */
	s->arena.limit = ARENA_COMMAND_LIMIT + 2 * cfg->maxliteral;
	s->parser = imap_parser_new();
	if (s->parser == NULL)
		log_fatal("out of memory");
	static char host[256];
	if (cfg->servername != NULL && cfg->servername[0] != '\0') {
		s->servername = cfg->servername;
	} else {
		if (gethostname(host, sizeof(host) - 1) != 0)
			snprintf(host, sizeof(host), "localhost");
		s->servername = host;
	}
	/* SASL state for CAPABILITY and AUTHENTICATE (auth/auth.c). */
	session_sasl_restart(s);
}

void session_deinit(struct session *s)
{
	if (s->cont.fn != NULL)
		s->cont.fn(s, SESSION_EV_ABORT, NULL, 0);
	session_wait_done(s);
	reader_reset(s);
	auth_sasl_free(&s->auth);
	imap_parser_free(&s->parser);
	arena_free(&s->arena);
	conn_deinit(&s->conn);
	free(s->user);
	s->user = NULL;
}

void session_sasl_security(struct session *s)
{
	unsigned ssf = session_tls_active(s) ? tls_conn_ssf(s->conn.tls) : 0;
	if (s->external_ssf > ssf)
		ssf = s->external_ssf;
	auth_set_security(s->auth, ssf, session_plaintext_ok(s));
}

void session_sasl_restart(struct session *s)
{
	auth_sasl_free(&s->auth);
	s->auth = auth_sasl_new(s->cfg, s->servername, s->conn.rfd);
	session_sasl_security(s);
}

bool session_tls_active(const struct session *s)
{
	return s->tls_relayed != NULL || (s->conn.tls != NULL && !tls_conn_handshaking(s->conn.tls));
}

bool session_plaintext_ok(const struct session *s)
{
	return session_tls_active(s) || s->external_ssf > 1 || s->cfg->allowplaintext;
}

void session_wait(struct session *s, unsigned wait, session_cont_fn *fn, void *ctx)
{
	s->cont.fn = fn;
	s->cont.ctx = ctx;
	s->cont.wait = wait;
}

void session_wait_timer(struct session *s, uint64_t msecs)
{
	s->cont.timer_due = msecs == 0 ? 0 : ioloop_now_ms() + msecs;
}

void session_wait_done(struct session *s)
{
	memset(&s->cont, 0, sizeof(s->cont));
}
