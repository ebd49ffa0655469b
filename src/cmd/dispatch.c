/*
 * dispatch.c - the dispatch table: which executor runs a command and in
 * which states of RFC2060 §3 it is valid (§6.1 any state, §6.2 not
 * authenticated, §6.3 authenticated or selected, §6.4 selected).
 */
#include <stddef.h>

#include "cmd/cmd.h"
#include "proto/response.h"

#define ANY      (STATE_NOT_AUTH | STATE_AUTH | STATE_SELECTED)
#define NOTAUTH  STATE_NOT_AUTH
#define AUTHED   (STATE_AUTH | STATE_SELECTED)
#define SELECTED STATE_SELECTED

static const struct cmd_def cmd_table[IMAP_CMD__COUNT] = {
	[IMAP_CMD_CAPABILITY]   = { IMAP_CMD_CAPABILITY, cmd_capability,   ANY, 0 },
	[IMAP_CMD_NOOP]         = { IMAP_CMD_NOOP, cmd_noop,         ANY, 0 },
	[IMAP_CMD_LOGOUT]       = { IMAP_CMD_LOGOUT, cmd_logout,       ANY, 0 },
	[IMAP_CMD_STARTTLS]     = { IMAP_CMD_STARTTLS, cmd_starttls,     NOTAUTH, 0 },
	[IMAP_CMD_AUTHENTICATE] = { IMAP_CMD_AUTHENTICATE, cmd_authenticate, NOTAUTH, 0 },
	[IMAP_CMD_LOGIN]        = { IMAP_CMD_LOGIN, cmd_login,        NOTAUTH, 0 },
	[IMAP_CMD_SELECT]       = { IMAP_CMD_SELECT, cmd_select,       AUTHED, 0 },
	[IMAP_CMD_EXAMINE]      = { IMAP_CMD_EXAMINE, cmd_examine,      AUTHED, 0 },
	[IMAP_CMD_CREATE]       = { IMAP_CMD_CREATE, cmd_create,       AUTHED, 0 },
	[IMAP_CMD_DELETE]       = { IMAP_CMD_DELETE, cmd_delete,       AUTHED, 0 },
	[IMAP_CMD_RENAME]       = { IMAP_CMD_RENAME, cmd_rename,       AUTHED, 0 },
	[IMAP_CMD_SUBSCRIBE]    = { IMAP_CMD_SUBSCRIBE, cmd_subscribe,    AUTHED, 0 },
	[IMAP_CMD_UNSUBSCRIBE]  = { IMAP_CMD_UNSUBSCRIBE, cmd_unsubscribe,  AUTHED, 0 },
	[IMAP_CMD_LIST]         = { IMAP_CMD_LIST, cmd_list,         AUTHED, 0 },
	[IMAP_CMD_LSUB]         = { IMAP_CMD_LSUB, cmd_lsub,         AUTHED, 0 },
	[IMAP_CMD_STATUS]       = { IMAP_CMD_STATUS, cmd_status,       AUTHED, 0 },
	[IMAP_CMD_APPEND]       = { IMAP_CMD_APPEND, cmd_append,       AUTHED, 0 },
	[IMAP_CMD_CHECK]        = { IMAP_CMD_CHECK, cmd_check,        SELECTED, 0 },
	[IMAP_CMD_CLOSE]        = { IMAP_CMD_CLOSE, cmd_close,        SELECTED, 0 },
	[IMAP_CMD_EXPUNGE]      = { IMAP_CMD_EXPUNGE, cmd_expunge,      SELECTED, 0 },
	[IMAP_CMD_SEARCH]       = { IMAP_CMD_SEARCH, cmd_search,       SELECTED, CMD_FLAG_USES_SEQS },
	[IMAP_CMD_FETCH]        = { IMAP_CMD_FETCH, cmd_fetch,        SELECTED, CMD_FLAG_USES_SEQS },
	[IMAP_CMD_STORE]        = { IMAP_CMD_STORE, cmd_store,        SELECTED, CMD_FLAG_USES_SEQS },
	[IMAP_CMD_COPY]         = { IMAP_CMD_COPY, cmd_copy,         SELECTED, CMD_FLAG_USES_SEQS },
	[IMAP_CMD_X]            = { IMAP_CMD_X, cmd_x,            ANY, 0 },
};

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
	if (!(def->states & s->state)) {
		/* A command in a state it is not valid in is a protocol error
		 * (RFC2060 §3): BAD, and the state is unchanged. */
		const char *uid = cmd->uid ? "UID " : "";
		if (s->state == STATE_NOT_AUTH)
			resp_bad(s, "%s%s is not valid before authentication", uid, imap_cmd_name(def->type));
		else if (def->states == NOTAUTH)
			resp_bad(s, "%s%s is not valid once authenticated", uid, imap_cmd_name(def->type));
		else
			resp_bad(s, "%s%s needs a selected mailbox", uid, imap_cmd_name(def->type));
		return;
	}
	s->commands++;
	/* UID FETCH/STORE/SEARCH name messages by UID, so an EXPUNGE may be
	 * sent during them (RFC3501 §7.4.1). */
	s->cmd_flags = cmd->uid ? def->flags & ~(unsigned)CMD_FLAG_USES_SEQS : def->flags;
	def->fn(s, cmd);
	s->cmd_flags = 0;
}
