/*
 * noop.c - NOOP (RFC2060 §6.1.2): does nothing, but is the client's way
 * to poll, so pending mailbox changes are reported first.
 */
#include "cmd/cmd.h"

void cmd_noop(struct session *s, const struct imap_cmd *cmd)
{
	cmd_ok(s, "NOOP completed");
}
