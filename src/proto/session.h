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
struct session_auth;    /* auth/: SASL state */
struct telemetry;       /* proto/telemetry.c: log/<user>/<pid> */
struct store;           /* store/: the user's mail root */
struct mailbox;         /* store/: the selected mailbox */

struct session {
	struct conn conn;
	const struct imapd_config *cfg;
	enum session_state state;
	struct arena arena;            /* one command's memory */
	struct imap_parser *parser;
	const char *tag;               /* tag of the command being executed */
	const char *servername;

	/* Authentication */
	char *user;                    /* authenticated user, or NULL */
	bool preauth;                  /* rimapd: the Unix user of the process */
	unsigned external_ssf;         /* -p ssf: a security layer below us */
	struct session_auth *auth;
	struct telemetry *telemetry;   /* protocol log, once authenticated */

	/* Mail, once authenticated */
	char *mail_root;               /* the user's maildir root */
	struct store *store;
	struct mailbox *mbox;          /* the selected mailbox (STATE_SELECTED) */
	bool mbox_readonly;            /* EXAMINE, or no write access */

	/* Creates the file a large APPEND literal is spooled to; returns an
	 * open descriptor or -1.  Set by the store once logged in. */
	int (*spool_open)(struct session *s);

	/* Called before every tagged OK/NO while a mailbox is selected, to
	 * send the untagged EXISTS/RECENT/EXPUNGE/FETCH updates that other
	 * sessions and deliveries caused (RFC2060 §5.2, §7).  expunge_ok is
	 * false during FETCH, STORE and SEARCH (RFC2060 §7.4.1). */
	void (*notify)(struct session *s, bool expunge_ok);
	unsigned cmd_flags;            /* enum cmd_flags of the running command */

	uint64_t commands;             /* commands executed, for the log */
};

/* Set up a session on fds rfd/wfd with configuration cfg. */
void session_init(struct session *s, const struct imapd_config *cfg, int rfd, int wfd);

/* Free what the session holds; does not close the descriptors. */
void session_deinit(struct session *s);

/* Serve the session to the end: greeting, commands, BYE.  Returns when
 * the client logs out, disconnects or times out. */
void session_run(struct session *s);

/* True when plaintext passwords may be sent now: TLS is on, an external
 * layer with ssf > 1 was declared, or allowplaintext is set. */
bool session_plaintext_ok(const struct session *s);

/* Whether TLS is active on the connection. */
bool session_tls_active(const struct session *s);

/*
 * The client has proved it is `user` (LOGIN, AUTHENTICATE, or rimapd's
 * pre-authentication): take on that user's privileges and mail root and
 * enter the authenticated state.  Returns false, with a reason for the
 * NO response in *why_r, when the account cannot be served.
 */
bool session_authenticated(struct session *s, const char *user, const char **why_r);

/* Append the CAPABILITY list for the current state to the output. */
void session_write_capabilities(struct session *s);

/* If <configdirectory>/msg/shutdown exists, send "* BYE <its first line>"
 * and return true: the session must end (a new connection is refused,
 * a running one ends before its next command). */
bool session_check_shutdown(struct session *s);

#endif
