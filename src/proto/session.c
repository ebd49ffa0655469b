/*
 * session.c - one session's state (see session.h): setting it up and
 * tearing it down, and its security layers as SASL must know them.  The
 * loop that serves it is server/session_run.c.
 */
#include "proto/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "net/tls.h"
#include "proto/parser.h"
#include "util/log.h"

void session_init(struct session *s, const struct imapd_config *cfg, const struct cmd_def *cmds,
		  int rfd, int wfd)
{
	memset(s, 0, sizeof(*s));
	conn_init(&s->conn, rfd, wfd);
	s->cfg = cfg;
	s->cmds = cmds;
	s->state = STATE_NOT_AUTH;
	arena_init(&s->arena);
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
	auth_sasl_free(&s->auth);
	imap_parser_free(&s->parser);
	arena_free(&s->arena);
	conn_deinit(&s->conn);
	free(s->user);
	s->user = NULL;
}

void session_sasl_security(struct session *s)
{
	unsigned ssf = session_tls_active(s) ? tls_conn_ssf(&s->conn) : 0;
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
	return s->conn.tls != NULL;
}

bool session_plaintext_ok(const struct session *s)
{
	return session_tls_active(s) || s->external_ssf > 1 || s->cfg->allowplaintext;
}
