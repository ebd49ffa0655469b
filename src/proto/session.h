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
#include "proto/cmdread.h"
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

/*
 * A command that must wait (AUTHENTICATE for the client's next response,
 * IDLE for DONE or a mailbox change, FETCH for the client to read what
 * it was sent) does not read or block: its executor calls session_wait()
 * and returns, and the session's event loop calls `fn` back with what
 * happened, as often as needed, until fn ends the command with a tagged
 * response and session_wait_done().
 */
enum session_event {
	SESSION_EV_LINE,      /* a line from the client (line, len: CRLF included) */
	SESSION_EV_WRITABLE,  /* the client read enough: output may be queued again */
	SESSION_EV_MAILBOX,   /* the selected mailbox changed on disk */
	SESSION_EV_TIMER,     /* the command's timer (session_wait_timer) fired */
	SESSION_EV_ABORT,     /* the session is ending: release, send nothing */
};

enum session_wait_for {
	SESSION_WAIT_LINE     = 1 << 0,
	SESSION_WAIT_WRITABLE = 1 << 1,
	SESSION_WAIT_MAILBOX  = 1 << 2,
};

struct session;
typedef void session_cont_fn(struct session *s, enum session_event ev, const char *line,
			     size_t len);

struct session_cont {
	session_cont_fn *fn;           /* NULL: no command is waiting */
	void *ctx;                     /* the command's state */
	unsigned wait;                 /* enum session_wait_for bits */
	uint64_t timer_due;            /* ioloop_now_ms() deadline, 0 = none */
};

struct imap_parser;
struct session_auth;    /* auth/: SASL state */
struct telemetry;       /* server/telemetry.c: log/<user>/<pid> */
struct store;           /* store/: the user's mail root */
struct mailbox;         /* store/: the selected mailbox */

struct session {
	struct conn conn;
	const struct imapd_config *cfg;
	enum session_state state;
	struct arena arena;            /* one command's memory */
	struct imap_parser *parser;
	struct cmdread rd;             /* where the reader is in the next command */
	struct session_cont cont;      /* the command that is waiting, if any */
	bool tls_pending;              /* STARTTLS answered: handshake next */
	bool compress_pending;         /* COMPRESS answered: deflate from now on */
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

/* Suspend the running command until one of `wait` (SESSION_WAIT_*) has
 * happened; fn(s, ctx's event, ...) is then called (see session_cont). */
void session_wait(struct session *s, unsigned wait, session_cont_fn *fn, void *ctx);

/* Also call fn with SESSION_EV_TIMER msecs from now (0: cancel). */
void session_wait_timer(struct session *s, uint64_t msecs);

/* The waiting command is over (it sent its tagged response). */
void session_wait_done(struct session *s);

/* Whether a command is waiting. */
static inline bool session_waiting(const struct session *s) { return s->cont.fn != NULL; }

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

/* Queue the greeting (RFC2060 §7.1: OK or PREAUTH, with CAPABILITY) and
 * the msg/motd ALERT. */
void session_greet(struct session *s);

/* Append the CAPABILITY list for the current state to the output. */
void session_write_capabilities(struct session *s);

/* If <configdirectory>/msg/shutdown exists, send "* BYE <its first line>"
 * and return true: the session must end (a new connection is refused,
 * a running one ends before its next command). */
bool session_check_shutdown(struct session *s);

#endif
