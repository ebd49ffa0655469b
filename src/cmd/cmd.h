/*
 * cmd.h - the command table, the dispatcher, and the executors: one file
 * per IMAP command in src/cmd/.
 *
 * An executor receives a command the grammar accepted and the dispatcher
 * found valid in the current state; it writes the untagged responses and
 * exactly one tagged response (cmd_ok, cmd_no, or resp_bad), and may
 * change s->state.
 */
#ifndef IMAPD_CMD_CMD_H
#define IMAPD_CMD_CMD_H

#include <stdbool.h>

#include "proto/ast.h"
#include "proto/cmddef.h"
#include "proto/session.h"

/* The command table (cmd/table.c): the row of command type t is
 * cmd_table[t].  The only list of commands outside the grammar. */
extern const struct cmd_def cmd_table[IMAP_CMD__COUNT];

/* The row for a command type (never NULL for a parsed command). */
const struct cmd_def *cmd_lookup(enum imap_cmd_type type);

/* Check the state and run the executor (cmd/dispatch.c). */
void cmd_dispatch(struct session *s, const struct imap_cmd *cmd);

/*
 * End the running command with tag OK / NO and the text: first the
 * untagged updates of the selected mailbox that may go out now
 * (cmd_updates_send), so the client's view is current when it sees the
 * command complete (RFC2060 §5.2).  A BAD answers a command that did not
 * run and sends no updates: resp_bad().
 */
void cmd_ok(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cmd_no(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Send what changed in the selected mailbox since the client was last
 * told (cmd/updates.c): EXPUNGE (only with expunge_ok), FLAGS, EXISTS,
 * RECENT, FETCH (FLAGS); a mailbox deleted underneath gets BYE and ends
 * the session.  Nothing without a selected mailbox.
 */
void cmd_updates_send(struct session *s, bool expunge_ok);

/* Append the CAPABILITY list for the current state (without
 * "CAPABILITY" itself) to the output. */
void cmd_capability_list(struct session *s);

/* STARTTLS is offered while TLS is configured and not yet active. */
bool cmd_starttls_offered(const struct session *s);

/* COMPRESS=DEFLATE is offered until compression is on. */
bool cmd_compress_offered(const struct session *s);

/* ---- RFC 5161: ENABLE ---- */

/* A row of the table of extensions ENABLE turns on (cmd/table.c). */
struct cmd_ext {
	const char *name;          /* the capability name ENABLE takes: "CONDSTORE" */
	unsigned bit;              /* enum session_ext (proto/session.h) */
	unsigned implies;          /* further bits it turns on (QRESYNC: CONDSTORE) */
	/* Whether it can be enabled in this session (it is advertised);
	 * NULL: always. */
	bool (*offered)(const struct session *s);
};

/* The extensions ENABLE knows (cmd/enable.c), ending with a row whose
 * name is NULL. */
extern const struct cmd_ext cmd_ext_table[];

/*
 * Turn on the extension `name` (any case) of `table` for the session, with
 * what it implies.  Returns the bits newly turned on: 0 when the name is
 * not in the table, not offered now, or already on (RFC5161 §3.1: such
 * names are ignored).
 */
unsigned cmd_enable_one(struct session *s, const struct cmd_ext *table, const char *name);

cmd_fn cmd_namespace, cmd_id, cmd_unselect, cmd_enable;

cmd_fn cmd_capability, cmd_noop, cmd_logout, cmd_starttls, cmd_authenticate, cmd_login,
	cmd_select, cmd_examine, cmd_create, cmd_delete, cmd_rename, cmd_subscribe,
	cmd_unsubscribe, cmd_list, cmd_lsub, cmd_status, cmd_append, cmd_check, cmd_close,
	cmd_expunge, cmd_search, cmd_fetch, cmd_store, cmd_copy, cmd_idle, cmd_compress, cmd_x;
/* ---- RFC 6851: MOVE ---- */
cmd_fn cmd_move;

#endif
