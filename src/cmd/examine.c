/*
 * examine.c - EXAMINE (RFC2060 §6.3.2): select a mailbox read-only.  No
 * flag can change and \Recent stays for the next session (RFC3501 §6.3.2).
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_examine(struct session *s, const struct imap_cmd *cmd)
{
	mboxcmd_select(s, cmd, true);
}
