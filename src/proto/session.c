/*
 * session.c - the session loop: greeting, read a command, dispatch it,
 * flush, until LOGOUT, EOF or autologout (RFC2060 §3, §5.4).
 */
#include "proto/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "auth/auth.h"
#include "auth/privs.h"
#include "cmd/cmd.h"
#include "net/ioloop.h"
#include "net/tls.h"
#include "proto/cmdread.h"
#include "proto/parser.h"
#include "proto/response.h"
#include "server/telemetry.h"
#include "store/store.h"
#include "util/log.h"

void session_init(struct session *s, const struct imapd_config *cfg, int rfd, int wfd)
{
	memset(s, 0, sizeof(*s));
	conn_init(&s->conn, rfd, wfd);
	s->cfg = cfg;
	s->state = STATE_NOT_AUTH;
	arena_init(&s->arena);
	cmdread_reset(s);
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
	auth_session_start(s);
}

void session_deinit(struct session *s)
{
	if (s->cont.fn != NULL)
		s->cont.fn(s, SESSION_EV_ABORT, NULL, 0);
	session_wait_done(s);
	cmdread_reset(s);
	store_session_close(s);
	auth_session_free(s);
	telemetry_stop(s);
	free(s->mail_root);
	s->mail_root = NULL;
	imap_parser_free(&s->parser);
	arena_free(&s->arena);
	conn_deinit(&s->conn);
	free(s->user);
	s->user = NULL;
}

bool session_authenticated(struct session *s, const char *user, const char **why_r)
{
	char *root = NULL;
	/* The protocol log is opened while we may still be root: it lives
	 * under configdirectory, outside the user's reach. */
	telemetry_start(s, user);
	if (!privs_enter_user(s->cfg, user, s->preauth, &root, why_r)) {
		telemetry_stop(s);
		return false;
	}
	free(s->mail_root);
	s->mail_root = root;
	if (!store_session_open(s, why_r))
		return false;
	if (s->user != user) {
		free(s->user);
		s->user = strdup(user);
		if (s->user == NULL) {
			*why_r = "Out of memory";
			return false;
		}
	}
	s->state = STATE_AUTH;
	/* SASL is done with; its per-connection state is not kept. */
	auth_session_free(s);
	return true;
}

bool session_tls_active(const struct session *s)
{
	return s->conn.tls != NULL && !tls_conn_handshaking(&s->conn);
}

bool session_plaintext_ok(const struct session *s)
{
	return session_tls_active(s) || s->external_ssf > 1 || s->cfg->allowplaintext;
}

void session_write_capabilities(struct session *s)
{
	/* RFC2060 §7.2.1: IMAP4rev1 first.  LITERAL+ (RFC7888): the reader
	 * takes "{n+}" literals in every state. */
	resp_puts(s, "IMAP4rev1 LITERAL+ UIDPLUS IDLE");
	/* RFC4978: after login (command-auth), once per connection. */
	if (s->state != STATE_NOT_AUTH && s->conn.z == NULL)
		resp_puts(s, " COMPRESS=DEFLATE");
	if (s->state == STATE_NOT_AUTH) {
		if (tls_available() && !session_tls_active(s))
			resp_puts(s, " STARTTLS");
		/* RFC3501 §6.2.3: LOGINDISABLED while plaintext is refused. */
		if (!session_plaintext_ok(s))
			resp_puts(s, " LOGINDISABLED");
		auth_write_capabilities(s);
	}
}

bool session_check_shutdown(struct session *s)
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

void session_greet(struct session *s)
{
	if (s->preauth) {
		conn_printf(&s->conn, "* PREAUTH [CAPABILITY ");
		session_write_capabilities(s);
		conn_printf(&s->conn, "] %s IMAP4rev1 server, logged in as %s\r\n",
			    s->servername, s->user);
	} else {
		conn_printf(&s->conn, "* OK [CAPABILITY ");
		session_write_capabilities(s);
		conn_printf(&s->conn, "] %s IMAP4rev1 server ready\r\n", s->servername);
	}
	/* msg/motd: its first line follows the greeting as an ALERT. */
	char line[512];
	if (config_msg_line(s->cfg, "motd", line, sizeof(line)) && line[0] != '\0')
		resp_untagged(s, "OK [ALERT] %s", line);
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
