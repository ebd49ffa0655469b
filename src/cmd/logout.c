/*
 * logout.c - LOGOUT (RFC2060 §6.1.3): untagged BYE, then the tagged OK,
 * then the server closes the connection.
 */
#include "cmd/cmd.h"
#include "proto/response.h"

void cmd_logout(struct session *s, const struct imap_cmd *cmd)
{
	/* Mailbox updates may go out before the BYE, never after it: send
	 * them now and keep the tagged OK from sending more. */
	if (s->notify != NULL && s->mbox != NULL)
		s->notify(s, true);
	resp_untagged(s, "BYE %s IMAP4rev1 server logging out", s->servername);
	s->notify = NULL;
	resp_ok(s, "LOGOUT completed");
	s->state = STATE_LOGOUT;
}
