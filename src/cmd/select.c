/*
 * select.c - SELECT (RFC2060 §6.3.1): select a mailbox read-write.  The
 * reply is written by mboxcmd_select(), which EXAMINE shares.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_select(struct session *s, const struct imap_cmd *cmd)
{
	mboxcmd_select(s, cmd, false);
}
