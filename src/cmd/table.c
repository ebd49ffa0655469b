/*
 * table.c - the command table: one row per IMAP command with everything
 * about it that is neither its syntax (grammar/imap.y, grammar/imap.re)
 * nor its work (cmd/<name>.c).  Columns (proto/cmddef.h):
 *
 *   name          the keyword as the grammar spells it
 *   executor      cmd_<name>() in cmd/<name>.c
 *   states        where it is valid (RFC2060 §3: §6.1 any state, §6.2 not
 *                 authenticated, §6.3 authenticated or selected, §6.4
 *                 selected); elsewhere it gets BAD (and a message
 *                 literal is refused before "+")
 *   flags         CMD_FLAG_USES_SEQS: no EXPUNGE while it runs (§7.4.1)
 *   capability    the CAPABILITY word it comes with, and when it is offered
 *   literal       how the reader takes its literals
 *
 * grammar/EXTENDING.md says how to add a command; tests/unit/test_cmdtab.c
 * fails when the grammar and this table disagree.
 */
#include "cmd/cmd.h"

#include <stddef.h>

#define ANY      (STATE_NOT_AUTH | STATE_AUTH | STATE_SELECTED)
#define NOTAUTH  STATE_NOT_AUTH
#define AUTHED   (STATE_AUTH | STATE_SELECTED)
#define SELECTED STATE_SELECTED

#define SEQS     CMD_FLAG_USES_SEQS
#define SMALL    CMD_LITERAL_SMALL
#define MSG      CMD_LITERAL_MESSAGE

const struct cmd_def cmd_table[IMAP_CMD__COUNT] = {
	/* RFC2060 §6.1: any state */
	[IMAP_CMD_CAPABILITY]   = { "CAPABILITY",   cmd_capability,   ANY,      0,    NULL, NULL, SMALL },
	[IMAP_CMD_NOOP]         = { "NOOP",         cmd_noop,         ANY,      0,    NULL, NULL, SMALL },
	[IMAP_CMD_LOGOUT]       = { "LOGOUT",       cmd_logout,       ANY,      0,    NULL, NULL, SMALL },
	/* RFC2060 §6.5.1: "X" atom; we know none */
	[IMAP_CMD_X]            = { "X",            cmd_x,            ANY,      0,    NULL, NULL, SMALL },
	/* RFC2060 §6.2: not authenticated (STARTTLS: RFC3501 §6.2.1) */
	[IMAP_CMD_STARTTLS]     = { "STARTTLS",     cmd_starttls,     NOTAUTH,  0,    "STARTTLS",
				    cmd_starttls_offered, SMALL },
	[IMAP_CMD_AUTHENTICATE] = { "AUTHENTICATE", cmd_authenticate, NOTAUTH,  0,    NULL, NULL, SMALL },
	[IMAP_CMD_LOGIN]        = { "LOGIN",        cmd_login,        NOTAUTH,  0,    NULL, NULL, SMALL },
	/* RFC2060 §6.3: authenticated */
	[IMAP_CMD_SELECT]       = { "SELECT",       cmd_select,       AUTHED,   0,    NULL, NULL, SMALL },
	[IMAP_CMD_EXAMINE]      = { "EXAMINE",      cmd_examine,      AUTHED,   0,    NULL, NULL, SMALL },
	/* CREATE ... (USE (...)): RFC6154 §3 */
	[IMAP_CMD_CREATE]       = { "CREATE",       cmd_create,       AUTHED,   0,    "CREATE-SPECIAL-USE",
				    NULL, SMALL },
	[IMAP_CMD_DELETE]       = { "DELETE",       cmd_delete,       AUTHED,   0,    NULL, NULL, SMALL },
	[IMAP_CMD_RENAME]       = { "RENAME",       cmd_rename,       AUTHED,   0,    NULL, NULL, SMALL },
	[IMAP_CMD_SUBSCRIBE]    = { "SUBSCRIBE",    cmd_subscribe,    AUTHED,   0,    NULL, NULL, SMALL },
	[IMAP_CMD_UNSUBSCRIBE]  = { "UNSUBSCRIBE",  cmd_unsubscribe,  AUTHED,   0,    NULL, NULL, SMALL },
	/* the extended LIST: RFC5258 */
	[IMAP_CMD_LIST]         = { "LIST",         cmd_list,         AUTHED,   0,    "LIST-EXTENDED",
				    NULL, SMALL },
	[IMAP_CMD_LSUB]         = { "LSUB",         cmd_lsub,         AUTHED,   0,    NULL, NULL, SMALL },
	[IMAP_CMD_STATUS]       = { "STATUS",       cmd_status,       AUTHED,   0,    NULL, NULL, SMALL },
	[IMAP_CMD_APPEND]       = { "APPEND",       cmd_append,       AUTHED,   0,    NULL, NULL, MSG },
	/* RFC2177 */
	[IMAP_CMD_IDLE]         = { "IDLE",         cmd_idle,         AUTHED,   0,    "IDLE", NULL, SMALL },
	/* RFC4978: once per connection */
	[IMAP_CMD_COMPRESS]     = { "COMPRESS",     cmd_compress,     AUTHED,   0,    "COMPRESS=DEFLATE",
				    cmd_compress_offered, SMALL },
	/* RFC2060 §6.4: selected (UID EXPUNGE and APPENDUID/COPYUID: RFC4315) */
	[IMAP_CMD_CHECK]        = { "CHECK",        cmd_check,        SELECTED, 0,    NULL, NULL, SMALL },
	[IMAP_CMD_CLOSE]        = { "CLOSE",        cmd_close,        SELECTED, 0,    NULL, NULL, SMALL },
	[IMAP_CMD_EXPUNGE]      = { "EXPUNGE",      cmd_expunge,      SELECTED, 0,    "UIDPLUS", NULL, SMALL },
	/* ESEARCH (RFC4731), SEARCHRES (RFC5182): RETURN options, "$" */
	[IMAP_CMD_SEARCH]       = { "SEARCH",       cmd_search,       SELECTED, SEQS, "ESEARCH SEARCHRES",
				    NULL, SMALL },
	/* BINARY (RFC3516): BINARY[] items; literal8 in APPEND */
	[IMAP_CMD_FETCH]        = { "FETCH",        cmd_fetch,        SELECTED, SEQS, "BINARY", NULL, SMALL },
	[IMAP_CMD_STORE]        = { "STORE",        cmd_store,        SELECTED, SEQS, NULL, NULL, SMALL },
	[IMAP_CMD_COPY]         = { "COPY",         cmd_copy,         SELECTED, SEQS, NULL, NULL, SMALL },
	/* ---- RFC 2342, 2971, 3691, 5161 ---- */
	/* RFC2971 §3.1: "This command is valid in any state." */
	[IMAP_CMD_ID]           = { "ID",           cmd_id,           ANY,      0,    "ID", NULL, SMALL },
	/* RFC2342 §4: authenticated and selected */
	[IMAP_CMD_NAMESPACE]    = { "NAMESPACE",    cmd_namespace,    AUTHED,   0,    "NAMESPACE", NULL, SMALL },
	/* RFC5161 §3.1: after login (the ABNF's command-any notwithstanding) */
	[IMAP_CMD_ENABLE]       = { "ENABLE",       cmd_enable,       AUTHED,   0,    "ENABLE", NULL, SMALL },
	/* RFC3691 §2: BAD when no mailbox is selected */
	[IMAP_CMD_UNSELECT]     = { "UNSELECT",     cmd_unselect,     SELECTED, 0,    "UNSELECT", NULL, SMALL },
	/* ---- RFC 6851: MOVE (no SEQS: its own EXPUNGEs go out before OK) ---- */
	[IMAP_CMD_MOVE]         = { "MOVE",         cmd_move,         SELECTED, 0,    "MOVE", NULL, SMALL },
};
