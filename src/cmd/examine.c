/*
 * examine.c - EXAMINE (RFC2060 §6.3.2): select a mailbox read-only.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_examine(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
