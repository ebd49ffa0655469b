/*
 * logout.c - LOGOUT (RFC2060 §6.1.3): untagged BYE, then the tagged OK,
 * then the server closes the connection.
 */
#include "cmd/cmd.h"
#include "proto/response.h"

void cmd_logout(struct session *s, const struct imap_cmd *cmd)
{
	/* Mailbox updates may go out before the BYE, never after it: send
	 * them now, and the tagged OK alone after it. */
	cmd_updates_send(s, true);
	resp_untagged(s, "BYE %s IMAP4rev1 server logging out", s->servername);
	resp_tagged(s, "OK", "LOGOUT completed");
	s->state = STATE_LOGOUT;
}
