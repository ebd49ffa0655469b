/*
 * status.c - STATUS (RFC2060 §6.3.10): status of a mailbox that is not selected.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_status(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
