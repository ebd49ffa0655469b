/*
 * list.c - LIST (RFC2060 §6.3.8): the mailbox names that match a
 * reference and a pattern ("*", "%"); LIST "" "" gives the delimiter.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_list(struct session *s, const struct imap_cmd *cmd)
{
	mboxcmd_list(s, cmd, false);
}
