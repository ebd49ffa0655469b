/*
 * subscribe.c - SUBSCRIBE (RFC2060 §6.3.6): add a name to the subscriptions.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_subscribe(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
