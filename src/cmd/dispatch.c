/*
 * dispatch.c - running a parsed command: its row of the command table
 * (cmd/table.c) says in which states it is valid and which executor
 * runs it.
 */
#include <stddef.h>

#include "cmd/cmd.h"
#include "proto/response.h"

const struct cmd_def *cmd_lookup(enum imap_cmd_type type)
{
	return (unsigned)type < IMAP_CMD__COUNT ? &cmd_table[type] : NULL;
}

void cmd_dispatch(struct session *s, const struct imap_cmd *cmd)
{
	const struct cmd_def *def = cmd_lookup(cmd->type);
	s->tag = cmd->tag;
	if (def == NULL || def->fn == NULL) {
		resp_bad(s, "Unknown command");
		return;
	}
	char why[128];
	if (!cmddef_state_ok(def, s->state, cmd->uid, why, sizeof(why))) {
		/* A command in a state it is not valid in is a protocol error
		 * (RFC2060 §3): BAD, and the state is unchanged. */
		resp_bad(s, "%s", why);
		return;
	}
	s->commands++;
	/* UID FETCH/STORE/SEARCH name messages by UID, so an EXPUNGE may be
	 * sent during them (RFC3501 §7.4.1). */
	s->cmd_flags = cmd->uid ? def->flags & ~(unsigned)CMD_FLAG_USES_SEQS : def->flags;
	def->fn(s, cmd);
	s->cmd_flags = 0;
}
