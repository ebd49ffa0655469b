/*
 * unsubscribe.c - UNSUBSCRIBE (RFC2060 §6.3.7): remove a name from the subscriptions.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_unsubscribe(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
