/*
 * starttls.c - STARTTLS (RFC3501 §6.2.1): start TLS on the connection.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_starttls(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
