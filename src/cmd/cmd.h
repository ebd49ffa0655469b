/*
 * cmd.h - the command executors, one file per IMAP command in src/cmd/,
 * and the dispatch table that maps a parsed command to its executor.
 *
 * An executor receives a command the grammar accepted and the dispatcher
 * found valid in the current state; it writes the untagged responses and
 * exactly one tagged response (resp_ok/no/bad), and may change s->state.
 */
#ifndef IMAPD_CMD_CMD_H
#define IMAPD_CMD_CMD_H

#include "proto/ast.h"
#include "proto/session.h"

typedef void cmd_fn(struct session *s, const struct imap_cmd *cmd);

/* Flags of a dispatch table row. */
enum cmd_flags {
	/* Uses message sequence numbers: no untagged EXPUNGE may be sent
	 * while it runs (RFC2060 §7.4.1, RFC3501 §7.4.1). */
	CMD_FLAG_USES_SEQS = 1 << 0,
};

struct cmd_def {
	enum imap_cmd_type type;
	cmd_fn *fn;
	unsigned states;   /* enum session_state bits the command is valid in */
	unsigned flags;
};

/* The row for a command type (never NULL for a parsed command). */
const struct cmd_def *cmd_lookup(enum imap_cmd_type type);

/* Check the state and run the executor (src/proto/dispatch.c). */
void cmd_dispatch(struct session *s, const struct imap_cmd *cmd);

cmd_fn cmd_capability, cmd_noop, cmd_logout, cmd_starttls, cmd_authenticate, cmd_login,
	cmd_select, cmd_examine, cmd_create, cmd_delete, cmd_rename, cmd_subscribe,
	cmd_unsubscribe, cmd_list, cmd_lsub, cmd_status, cmd_append, cmd_check, cmd_close,
	cmd_expunge, cmd_search, cmd_fetch, cmd_store, cmd_copy, cmd_idle, cmd_compress, cmd_x;

#endif
