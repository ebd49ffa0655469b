/*
 * fetch.c - FETCH (RFC2060 §6.4.5): message data.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_fetch(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
