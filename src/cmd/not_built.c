/*
 * not_built.c - the answer of a command whose executor is not written
 * yet: NO [UNAVAILABLE] saying so, never a fake success.
 */
#include "cmd/cmd.h"
#include "proto/response.h"

void cmd_not_built(struct session *s, const struct imap_cmd *cmd)
{
	resp_no(s, "[UNAVAILABLE] %s%s is not implemented in this server yet",
		cmd->uid ? "UID " : "", imap_cmd_name(cmd->type));
}
