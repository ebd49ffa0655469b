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

bool session_authenticated(struct session *s, const char *login, const char **why_r)
{
	char *root = NULL;
	/* The account the login name stands for ("bob@<default domain>" is
	 * bob, auth/privs.h): the protocol log, mail root and logs use it. */
	char user[600];
	if (!privs_canon_user(s->cfg, login, user, sizeof(user), why_r))
		return false;
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
	free(s->user);
	s->user = strdup(user);
	if (s->user == NULL) {
		*why_r = "Out of memory";
		return false;
	}
	s->state = STATE_AUTH;
	/* SASL is done with; its per-connection state is not kept. */
	auth_session_free(s);
	return true;
}

bool session_tls_active(const struct session *s)
{
	return s->conn.tls != NULL;
}

bool session_plaintext_ok(const struct session *s)
{
	return session_tls_active(s) || s->external_ssf > 1 || s->cfg->allowplaintext;
}

void session_write_capabilities(struct session *s)
{
	/* RFC2060 §7.2.1: IMAP4rev1 first.  LITERAL+ (RFC7888): the reader
	 * takes "{n+}" literals in every state. */
	resp_puts(s, "IMAP4rev1 LITERAL+ UIDPLUS");
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

/* msg/motd: its first line follows the greeting as an ALERT. */
static void greet_motd(struct session *s)
{
	char line[512];
	if (config_msg_line(s->cfg, "motd", line, sizeof(line)) && line[0] != '\0')
		resp_untagged(s, "OK [ALERT] %s", line);
}

static void greet(struct session *s)
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
}

void session_run(struct session *s)
{
	if (session_check_shutdown(s))
		return;
	greet(s);
	greet_motd(s);
	if (conn_flush(&s->conn) < 0)
		return;
	while (s->state != STATE_LOGOUT) {
		arena_reset(&s->arena);
		s->tag = NULL;
		/* RFC2060 §5.4: the autologout timer is at least 30 minutes once
		 * logged in; a client that has not logged in gets login_timeout. */
		s->conn.read_timeout_ms = s->state == STATE_NOT_AUTH
			? (int)s->cfg->login_timeout * 1000
			: (int)s->cfg->timeout * 60 * 1000;
		struct imap_cmd *cmd = NULL;
		enum cmdread_result r = cmdread_next(s, &cmd);
		if (r == CMDREAD_EOF) {
			log_info("client closed the connection%s%s", s->user ? " user=" : "",
				 s->user ? s->user : "");
			break;
		}
		if (r == CMDREAD_TIMEOUT) {
			/* RFC2060 §5.4 autologout: say why before closing. */
			resp_bye(s, "Autologout; idle for too long");
			log_info("autologout%s%s", s->user ? " user=" : "", s->user ? s->user : "");
			break;
		}
		if (r == CMDREAD_ERROR)
			break;
		/* msg/shutdown is looked at before each command runs. */
		if (r == CMDREAD_COMMAND && session_check_shutdown(s))
			break;
		if (r == CMDREAD_COMMAND)
			cmd_dispatch(s, cmd);
		if (conn_flush(&s->conn) < 0)
			break;
	}
	conn_flush(&s->conn);
}
