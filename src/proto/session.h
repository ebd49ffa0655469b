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

/* Where the command reader is inside a command (proto/cmdread.c; its
 * business only, kept here because every session has one). */
struct cmdread {
	enum { CR_START, CR_LINE, CR_LITERAL, CR_DISCARD } state;
	bool first;                /* the next line is the command's first */
	const char *tag;           /* of the command being read, once known */
	/* CR_LITERAL: the literal being received */
	uint64_t lit_size, lit_done;
	char *lit_buf;             /* into the arena, or */
	int lit_fd;                /* into a spool file (-1 when not) */
	int lit_errno;             /* a spool write failed: its errno */
	/* CR_DISCARD: the rest of a rejected command being thrown away */
	uint64_t skip;             /* octets of a non-synchronising literal left */
	bool skip_then_line;       /* after them, a line of the same command */
	const char *reply;         /* the tagged response once it is gone */
};

/*
 * How a login process of imapd-master takes part in a session (NULL in
 * every other process): a client that proved who it is is handed on to a
 * session process instead of being served here, and failed logins are
 * counted per address across all login processes.
 */
struct session_hooks {
	/* `user` logged in with `method`: hand the connection on.  The hook
	 * makes the command wait (account_handoff_wait) and later ends it
	 * with account_handoff_refused(), or drops the session. */
	void (*login)(struct session *s, const char *user, const char *method);
	/* A LOGIN or AUTHENTICATE failed. */
	void (*login_failed)(struct session *s);
	/* A trusted proxy's PROXY header named the client: s->proxied_peer. */
	void (*proxied)(struct session *s);
};

/*
 * ---- RFC 5161: ENABLE ----
 * Extensions a client turns on with ENABLE, for the rest of the
 * connection: one bit each in s->enabled.  cmd/enable.c's cmd_ext_table
 * maps capability names to bits (and what each implies); a command that
 * behaves differently once an extension is on asks session_enabled().
 * UTF8=ACCEPT (RFC6855) gets a bit here and a row in the table when it
 * is built.
 */
enum session_ext {
	SESSION_EXT_NONE = 0,
	/* ---- RFC 7162 (cmd/modseq.c) ---- */
	SESSION_EXT_CONDSTORE = 1 << 0,
	SESSION_EXT_QRESYNC   = 1 << 1,  /* implies CONDSTORE */
	/* ---- RFC 9051: IMAP4rev2 (cmd/rev2.c): the rev2 rules for this
	 * session only; IMAP4rev1 stays the default ---- */
	SESSION_EXT_REV2      = 1 << 2,
};

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
	struct cmdread rd;             /* where the reader is in the next command */
	struct session_cont cont;      /* the command that is waiting, if any */
	bool tls_pending;              /* STARTTLS answered: handshake next */
	bool compress_pending;         /* COMPRESS answered: deflate from now on */
	const struct cmd_def *cmds;    /* the command table (cmd/table.c) */
	const char *tag;               /* tag of the command being executed */
	const char *servername;

	/* Authentication */
	char *user;                    /* authenticated user, or NULL */
	/* RFC9208 QUOTA: the user's limits, read at login (cmd/quota.c); 0 = none */
	uint64_t quota_storage_kib, quota_messages;
	bool preauth;                  /* rimapd: the Unix user of the process */
	unsigned external_ssf;         /* -p ssf: a security layer below us */
	struct auth_sasl *auth;        /* until authenticated */
	struct telemetry *telemetry;   /* protocol log, once authenticated */

	/* Mail, once authenticated (cmd/account.c opens and closes these;
	 * the protocol layer only carries them) */
	struct store *store;
	struct mailbox *mbox;          /* the selected mailbox (STATE_SELECTED) */
	bool mbox_readonly;            /* EXAMINE, or no write access */
	/* ---- RFC 7162: CONDSTORE, QRESYNC (cmd/condstore.c) ---- */
	/* a CONDSTORE enabling command ran (RFC7162 §3.1): ENABLE, or one of
	 * the commands that enable it implicitly */
	bool modseq_on;
	struct spool *spool;           /* where large APPEND literals are read to */

	/* enum cmd_flags (proto/cmddef.h) of the running command: whether
	 * the mailbox updates sent before its tagged reply may hold EXPUNGE. */
	unsigned cmd_flags;

	uint64_t commands;             /* commands executed, for the log */

	/* Login processes and the sessions they hand on (server/login.c) */
	const struct session_hooks *hooks;  /* NULL outside a login process */
	void *hooks_ctx;
	bool login_pending;            /* a login is being handed on: no deadline ends us now */
	unsigned login_failures;       /* failed LOGIN/AUTHENTICATE on this connection */
	const char *peer;              /* "addr:port" for logs when rfd is not the client's socket */
	const char *tls_relayed;       /* TLS runs in the login process: its description */
	/* ---- RFC 2971 ID, RFC 5161 ENABLE ---- */
	unsigned enabled;              /* enum session_ext bits turned on by ENABLE */
	unsigned ids_logged;           /* ID commands whose parameters were logged */
	/* ---- a backend behind a proxy (proxy_trusted_networks) ---- */
	bool proxy_trusted;            /* the peer is a trusted proxy: plaintext logins */
	char proxied_peer[96];         /* "addr:port" of the client a PROXY header named */
};

/* Whether every extension of `ext` (enum session_ext bits, not 0) was
 * turned on by ENABLE in this session. */
static inline bool session_enabled(const struct session *s, unsigned ext)
{
	return ext != 0 && (s->enabled & ext) == ext;
}

/* Set up a session on fds rfd/wfd with configuration cfg, serving the
 * commands of `cmds` (the command table, IMAP_CMD__COUNT rows). */
void session_init(struct session *s, const struct imapd_config *cfg, const struct cmd_def *cmds,
		  int rfd, int wfd);

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
 * layer with ssf > 1 was declared, allowplaintext is set, or the peer is
 * a proxy of proxy_trusted_networks (which terminated TLS itself). */
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
