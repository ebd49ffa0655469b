/*
 * session.h - one IMAP session: the connection, the state of RFC2060 §3,
 * who is logged in, what is selected, and the per-command arena.
 */
#ifndef IMAPD_PROTO_SESSION_H
#define IMAPD_PROTO_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "net/conn.h"
#include "proto/ast.h"
#include "util/arena.h"
#include "util/config.h"

/* RFC2060 §3: the four states.  Bits, so that the dispatch table can say
 * in which states a command is valid. */
enum session_state {
	STATE_NOT_AUTH = 1 << 0,
	STATE_AUTH     = 1 << 1,
	STATE_SELECTED = 1 << 2,
	STATE_LOGOUT   = 1 << 3,
};

/* What a command may allocate beyond its literals (see session_init). */
#define ARENA_COMMAND_LIMIT (16u * 1024 * 1024)

struct imap_parser;
struct cmd_def;         /* proto/cmddef.h: a row of the command table */
struct auth_sasl;       /* auth/: SASL state */
struct telemetry;       /* proto/telemetry.c: log/<user>/<pid> */
struct spool;           /* util/spool.h: files for large literals */
struct store;           /* store/: the user's mail root */
struct mailbox;         /* store/: the selected mailbox */

struct session {
	struct conn conn;
	const struct imapd_config *cfg;
	enum session_state state;
	struct arena arena;            /* one command's memory */
	struct imap_parser *parser;
	const struct cmd_def *cmds;    /* the command table (cmd/table.c) */
	const char *tag;               /* tag of the command being executed */
	const char *servername;

	/* Authentication */
	char *user;                    /* authenticated user, or NULL */
	bool preauth;                  /* rimapd: the Unix user of the process */
	unsigned external_ssf;         /* -p ssf: a security layer below us */
	struct auth_sasl *auth;        /* until authenticated */
	struct telemetry *telemetry;   /* protocol log, once authenticated */

	/* Mail, once authenticated (cmd/account.c opens and closes these;
	 * the protocol layer only carries them) */
	struct store *store;
	struct mailbox *mbox;          /* the selected mailbox (STATE_SELECTED) */
	bool mbox_readonly;            /* EXAMINE, or no write access */
	struct spool *spool;           /* where large APPEND literals are read to */

	/* enum cmd_flags (proto/cmddef.h) of the running command: whether
	 * the mailbox updates sent before its tagged reply may hold EXPUNGE. */
	unsigned cmd_flags;

	uint64_t commands;             /* commands executed, for the log */
};

/* Set up a session on fds rfd/wfd with configuration cfg, serving the
 * commands of `cmds` (the command table, IMAP_CMD__COUNT rows). */
void session_init(struct session *s, const struct imapd_config *cfg, const struct cmd_def *cmds,
		  int rfd, int wfd);

/* Free what the session holds; does not close the descriptors. */
void session_deinit(struct session *s);

/* True when plaintext passwords may be sent now: TLS is on, an external
 * layer with ssf > 1 was declared, or allowplaintext is set. */
bool session_plaintext_ok(const struct session *s);

/* Whether TLS is active on the connection. */
bool session_tls_active(const struct session *s);

/* Tell SASL what the layers below us protect now (TLS, -p ssf) and
 * whether plaintext passwords are acceptable: at the start and after TLS
 * begins. */
void session_sasl_security(struct session *s);

/* Start SASL over (after STARTTLS: RFC3501 §6.2.1, what was learned
 * before TLS is forgotten). */
void session_sasl_restart(struct session *s);

#endif
