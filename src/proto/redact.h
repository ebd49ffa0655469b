/*
 * redact.h - what of a session's octets the protocol log may keep.
 *
 * The protocol log (telemetry.h) records every octet after login, and a
 * client may still send LOGIN or AUTHENTICATE then (they are refused,
 * but the password is on the wire).  This filter follows the client's
 * stream command by command, as the command reader does: lines, and the
 * literals their ends announce ("{n}" after the server's "+", "{n+}" at
 * once; RFC2060 §4.3, RFC2088), so that octets inside another command's
 * literal are never taken for a command.  What it drops:
 *
 *   tag LOGIN userid ***          the password, and the user name too
 *                                 when it is a literal
 *   tag AUTHENTICATE mech ***     an initial response (RFC4959)
 *
 * every octet of such a command after that point, literals included,
 * one "***" per line.  Everything else passes unchanged.
 */
#ifndef IMAPD_SERVER_REDACT_H
#define IMAPD_SERVER_REDACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/sbuf.h"

/* Receives the octets that may be logged, in order, per direction. */
typedef void redact_out_fn(void *ctx, bool incoming, const char *data, size_t len);

enum redact_state {
	REDACT_TAG,       /* a command's tag */
	REDACT_VERB,      /* its command name, buffered until SP */
	REDACT_USER,      /* LOGIN's user name, logged */
	REDACT_MECH,      /* AUTHENTICATE's mechanism name, logged */
	REDACT_LINE,      /* the rest of a line, logged */
	REDACT_SECRET,    /* the rest of a line, dropped */
	REDACT_LITERAL,   /* a literal's octets (dropped when secret) */
	REDACT_WAIT,      /* "{n}" sent: waiting for "+" or a refusal */
};

struct redact {
	enum redact_state st;
	bool secret;             /* this command carries a secret */
	bool masked;             /* "***" written on this line */
	bool user_quoted, user_escape;
	size_t user_len;
	char verb[16];
	size_t verb_len;
	char tail[32];           /* the last octets of the line: "{n}\r\n"? */
	size_t tail_len;
	uint64_t literal;        /* REDACT_LITERAL, REDACT_WAIT: its size */
	bool server_bol;         /* the server's next octet starts a line */
	struct sbuf held;        /* client octets sent during REDACT_WAIT */
};

/* A stream that starts at a command boundary. */
void redact_init(struct redact *r);
void redact_free(struct redact *r);

/* Feed octets the client sent (incoming) or the server sent; out()
 * receives what may be logged. */
void redact_feed(struct redact *r, bool incoming, const unsigned char *data, size_t len,
		 redact_out_fn *out, void *ctx);

#endif
