/*
 * starttls.c - STARTTLS (RFC3501 §6.2.1, RFC2595 §3.1): answer OK, then
 * run the TLS handshake on the same connection.
 *
 * Whatever the client sent after the STARTTLS line without waiting for
 * the OK is thrown away, never read as a command under TLS: it came in
 * the clear and could have been injected by a man in the middle (the
 * STARTTLS command injection class, CVE-2011-0411 and its relatives).
 */
#include "cmd/cmd.h"
#include "net/tls.h"
#include "proto/response.h"

bool cmd_starttls_offered(const struct session *s)
{
	return tls_available() && !session_tls_active(s);
}

void cmd_starttls(struct session *s, const struct imap_cmd *cmd)
{
	if (session_tls_active(s)) {
		resp_bad(s, "TLS is already active");
		return;
	}
	if (!tls_available()) {
		cmd_no(s, "[UNAVAILABLE] TLS is not configured on this server");
		return;
	}
	cmd_ok(s, "Begin TLS negotiation now");
	/* The session loop sends the OK, throws away what came after the
	 * command in the clear, runs the handshake under the login deadline
	 * and restarts SASL (server/session_loop.c). */
	s->tls_pending = true;
}
