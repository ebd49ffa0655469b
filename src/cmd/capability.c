/*
 * capability.c - CAPABILITY (RFC2060 §6.1.1): list what the server
 * supports in the current state.  The list also goes into the greeting
 * and into the OK of a login (RFC3501 §7.1 CAPABILITY response code).
 */
#include "auth/auth.h"
#include "cmd/cmd.h"
#include "net/tls.h"
#include "proto/response.h"

void cmd_capability_list(struct session *s)
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
		/* AUTH=<mechanism> (RFC3501 §6.2.2), and SASL-IR (RFC4959):
		 * the initial response may ride on the command. */
		const char *mechs;
		size_t len;
		if (auth_mechanisms(s->auth, &mechs, &len)) {
			resp_write(s, mechs, len);
			resp_puts(s, " SASL-IR");
		}
	}
}


void cmd_capability(struct session *s, const struct imap_cmd *cmd)
{
	resp_puts(s, "* CAPABILITY ");
	cmd_capability_list(s);
	resp_puts(s, "\r\n");
	cmd_ok(s, "CAPABILITY completed");
}
