/*
 * delete.c - DELETE (RFC2060 §6.3.4): delete a mailbox.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_delete(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
