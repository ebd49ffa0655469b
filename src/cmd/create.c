/*
 * create.c - CREATE (RFC2060 §6.3.3): create a mailbox.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_create(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
