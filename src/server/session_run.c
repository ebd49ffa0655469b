/*
 * session_run.c - the session loop: greeting, read a command, dispatch it,
 * flush, until LOGOUT, EOF or autologout (RFC2060 §3, §5.4).
 */
#include "server/session_run.h"

#include "cmd/cmd.h"
#include "proto/cmdread.h"
#include "proto/response.h"
#include "util/log.h"

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
		cmd_capability_list(s);
		conn_printf(&s->conn, "] %s IMAP4rev1 server, logged in as %s\r\n",
			    s->servername, s->user);
	} else {
		conn_printf(&s->conn, "* OK [CAPABILITY ");
		cmd_capability_list(s);
		conn_printf(&s->conn, "] %s IMAP4rev1 server ready\r\n", s->servername);
	}
}

void session_run(struct session *s)
{
	if (check_shutdown(s))
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
		if (r == CMDREAD_COMMAND && check_shutdown(s))
			break;
		if (r == CMDREAD_COMMAND)
			cmd_dispatch(s, cmd);
		if (conn_flush(&s->conn) < 0)
			break;
	}
	conn_flush(&s->conn);
}
