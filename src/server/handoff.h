/*
 * handoff.h - the messages between imapd-master and its login processes.
 *
 * Each login process has one SOCK_SEQPACKET socketpair with the master:
 * one message per packet, a descriptor riding along with SCM_RIGHTS where
 * the type says so.  The master accepts every client connection and
 * gives it to a login process (HO_CONN); the login process says how each
 * one ends: closed before login (HO_CLOSED), or logged in (HO_LOGIN, with
 * the client socket, or for TLS the end of a socketpair the login process
 * relays to, and what the session process needs to carry on: user,
 * method, the command's tag, the input already read after the command).
 * The master answers HO_LOGIN with HO_LOGIN_OK once a session process has
 * the client, or HO_LOGIN_NO and a reason.  Failed logins are reported
 * (HO_FAILED) so that the master counts them per address; HO_KICK ends a
 * connection whose address went over a limit, HO_RETIRE tells a login
 * process to take nothing new and leave once its connections are gone.
 *
 * Everything a login process sends is checked here (sizes, NULs): the
 * master trusts no more of it than its shape.
 */
#ifndef IMAPD_SERVER_HANDOFF_H
#define IMAPD_SERVER_HANDOFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum handoff_type {
	HO_CONN = 1,      /* master -> login: a client (fd), id */
	HO_CLOSED,        /* login -> master: id ended before login */
	HO_FAILED,        /* login -> master: a failed login on id */
	HO_LOGIN,         /* login -> master: id logged in (fd and details) */
	HO_LOGIN_OK,      /* master -> login: a session process has id */
	HO_LOGIN_NO,      /* master -> login: refused, `text` says why */
	HO_KICK,          /* master -> login: end id (its address is refused) */
	HO_RETIRE,        /* master -> login: take nothing new, leave when empty */
};

/* Input read after the login command and handed on with it.  The reader
 * holds at most one buffer (4 kB, more only after an over-long line). */
#define HANDOFF_MAX_INPUT (128 * 1024)
/* The largest packet: header, strings, input. */
#define HANDOFF_MAX_PACKET (HANDOFF_MAX_INPUT + 4096)
#define HANDOFF_MAX_STRING 1024

struct handoff {
	enum handoff_type type;
	uint32_t id;                 /* the connection, numbered by the master */
	/* HO_LOGIN */
	const char *user;            /* authenticated (authorization) identity */
	const char *method;          /* "LOGIN" or the SASL mechanism */
	const char *tag;             /* of the command that logged in */
	const char *tls;             /* "" or the TLS description (relayed) */
	const unsigned char *input;  /* octets read after the command */
	size_t input_len;
	/* HO_LOGIN_NO */
	const char *text;
};

/*
 * Send m (and fd when >= 0) as one packet on sock.  Returns false with
 * errno set (EMSGSIZE when it is too large; EAGAIN on a full socket,
 * which the sender treats as fatal for that connection).
 */
bool handoff_send(int sock, const struct handoff *m, int fd);

/*
 * Receive one packet into buf (HANDOFF_MAX_PACKET octets; m's strings
 * point into it) and its descriptor into *fd_r (-1 when none came).
 * Returns 1, 0 at EOF, -1 with errno set (EAGAIN: nothing now; EPROTO:
 * a malformed packet, whose descriptor is closed).
 */
int handoff_recv(int sock, struct handoff *m, unsigned char *buf, int *fd_r);

#endif
