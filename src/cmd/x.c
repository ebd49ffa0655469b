/*
 * x.c - x-command (RFC2060 §6.5.1): experimental commands prefixed "X".
 * We implement none, so each gets BAD as the RFC expects for a command
 * the server does not know.
 */
#include "cmd/cmd.h"
#include "proto/response.h"

void cmd_x(struct session *s, const struct imap_cmd *cmd)
{
	resp_bad(s, "Unknown experimental command %s", cmd->u.x.name);
}
