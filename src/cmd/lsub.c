/*
 * lsub.c - LSUB (RFC2060 §6.3.9): the subscribed names that match; with
 * "%", an unsubscribed parent of a subscribed name shows as \Noselect.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_lsub(struct session *s, const struct imap_cmd *cmd)
{
	mboxcmd_list(s, cmd, true);
}
