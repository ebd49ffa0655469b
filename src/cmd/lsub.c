/*
 * lsub.c - LSUB (RFC2060 §6.3.9): list subscribed names.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_lsub(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
