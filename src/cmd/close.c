/*
 * close.c - CLOSE (RFC2060 §6.4.2): expunge silently and deselect.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_close(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
