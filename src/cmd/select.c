/*
 * select.c - SELECT (RFC2060 §6.3.1): select a mailbox read-write.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_select(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
