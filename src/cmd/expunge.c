/*
 * expunge.c - EXPUNGE (RFC2060 §6.4.3): remove \Deleted messages.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_expunge(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
