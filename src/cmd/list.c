/*
 * list.c - LIST (RFC2060 §6.3.8): list mailbox names.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_list(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
