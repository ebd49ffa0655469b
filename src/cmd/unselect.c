/*
 * unselect.c - UNSELECT (RFC3691): leave the selected mailbox for the
 * authenticated state as CLOSE does, but without removing the \Deleted
 * messages.  Without a selected mailbox the dispatcher answers BAD
 * (RFC3691 §2: "BAD - no mailbox selected"), as the table says.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_unselect(struct session *s, const struct imap_cmd *cmd)
{
	(void)cmd;
	mboxcmd_deselect(s);
	cmd_ok(s, "UNSELECT completed");
}
