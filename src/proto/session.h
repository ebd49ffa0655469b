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

struct imap_parser;
struct session_auth;    /* auth/ */
struct session_mailbox; /* store/, the selected mailbox */

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
	bool tls_implicit;             /* -s */
	unsigned failed_logins;
	struct session_auth *auth;

	/* The selected mailbox (STATE_SELECTED) */
	struct session_mailbox *mbox;

	/* Creates the file a large APPEND literal is spooled to; returns an
	 * open descriptor or -1.  Set by the store once logged in. */
	int (*spool_open)(struct session *s);

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

/* Append the CAPABILITY list for the current state to the output. */
void session_write_capabilities(struct session *s);

#endif
