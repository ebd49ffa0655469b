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
#include "util/log.h"

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
	if (conn_flush(&s->conn) < 0) {
		s->state = STATE_LOGOUT;
		return;
	}
	size_t dropped = conn_discard_buffered(&s->conn);
	if (dropped > 0)
		log_notice("STARTTLS: discarded %zu octets sent in the clear after the command",
			   dropped);
	char err[256];
	if (!tls_conn_start(&s->conn, err, sizeof(err))) {
		log_notice("STARTTLS: %s", err);
		/* Nothing more may go out in the clear: end the session. */
		s->conn.failed = true;
		s->state = STATE_LOGOUT;
		return;
	}
	log_info("STARTTLS: %s", tls_conn_describe(&s->conn));
	/* RFC3501 §6.2.1: what was learned before TLS is forgotten; SASL
	 * starts over knowing the new security layer. */
	session_sasl_restart(s);
}
