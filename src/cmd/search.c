/*
 * search.c - SEARCH (RFC2060 §6.4.4): find messages.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_search(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
