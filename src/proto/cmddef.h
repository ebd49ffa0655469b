/*
 * cmddef.h - what the session knows about a command besides its syntax:
 * one row of the command table.  The table itself, with a row for every
 * command of the grammar, is cmd/table.c; the session carries a pointer
 * to it (s->cmds) so that the reader can apply a command's rules before
 * the command is complete (its literals, its state), and the dispatcher
 * (cmd/dispatch.c) runs the executor.
 */
#ifndef IMAPD_PROTO_CMDDEF_H
#define IMAPD_PROTO_CMDDEF_H

#include <stdbool.h>
#include <stddef.h>

#include "proto/ast.h"
#include "proto/session.h"

/* An executor (cmd/<name>.c): it writes the command's untagged responses
 * and exactly one tagged response, and may change s->state. */
typedef void cmd_fn(struct session *s, const struct imap_cmd *cmd);

/* Flags of a row. */
enum cmd_flags {
	/* Names messages by sequence number (except as UID ...): no
	 * untagged EXPUNGE may be sent while it runs (RFC2060 §7.4.1,
	 * RFC3501 §7.4.1). */
	CMD_FLAG_USES_SEQS = 1 << 0,
};

/* How the reader (proto/cmdread.c) takes the literals of a command. */
enum cmd_literal {
	/* At most maxliteral octets, kept in memory; larger: BAD [TOOBIG]. */
	CMD_LITERAL_SMALL,
	/* A message (RFC2060 §6.3.11): at most maxmessagesize octets, larger
	 * is NO [TOOBIG]; a large one is spooled to a file (s->spool); in a
	 * state where the command is not valid, BAD before "+" is sent. */
	CMD_LITERAL_MESSAGE,
};

struct cmd_def {
	const char *name;          /* as the grammar spells it: "FETCH" */
	cmd_fn *fn;                /* executor */
	unsigned states;           /* enum session_state bits it is valid in (RFC2060 §3) */
	unsigned flags;            /* enum cmd_flags */
	/* The CAPABILITY word that announces it (beyond IMAP4rev1), or NULL;
	 * advertised while the command is valid in the current state or
	 * can become so, and `offered` (when set) says yes. */
	const char *capability;
	bool (*offered)(const struct session *s);
	enum cmd_literal literal;  /* how its literals are read */
};

/* The row of `table` (IMAP_CMD__COUNT rows) named `name`, in any case;
 * NULL when none is. */
const struct cmd_def *cmddef_find(const struct cmd_def *table, const char *name);

/* Whether the command may run in state `state`.  If not, the text of the
 * BAD response (RFC2060 §3: a command in the wrong state is a protocol
 * error; the state does not change) goes to buf; `uid` for "UID " in it. */
bool cmddef_state_ok(const struct cmd_def *def, enum session_state state, bool uid, char *buf,
		     size_t size);

#endif
