/*
 * authenticate.c - AUTHENTICATE (RFC2060 §6.2.1): SASL authentication.
 * Not built yet: answers NO [UNAVAILABLE] (cmd_not_built).
 */
#include "cmd/cmd.h"

void cmd_authenticate(struct session *s, const struct imap_cmd *cmd)
{
	cmd_not_built(s, cmd);
}
