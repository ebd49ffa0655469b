/*
 * copy.c - COPY (RFC2060 §6.4.7): copy messages to another mailbox.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_copy(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
