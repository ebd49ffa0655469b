/*
 * check.c - CHECK (RFC2060 §6.4.1): checkpoint the selected mailbox.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_check(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
