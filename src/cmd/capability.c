/*
 * capability.c - CAPABILITY (RFC2060 §6.1.1): list what the server
 * supports in the current state.
 */
#include "cmd/cmd.h"
#include "proto/response.h"

void cmd_capability(struct session *s, const struct imap_cmd *cmd)
{
	resp_puts(s, "* CAPABILITY ");
	session_write_capabilities(s);
	resp_puts(s, "\r\n");
	cmd_ok(s, "CAPABILITY completed");
}
