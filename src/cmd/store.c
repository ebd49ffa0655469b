/*
 * store.c - STORE (RFC2060 §6.4.6): change flags.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_store(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
