/*
 * append.c - APPEND (RFC2060 §6.3.11): add a message to a mailbox.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_append(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
