/*
 * login.c - LOGIN (RFC2060 §6.2.2): plaintext user name and password.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_login(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
