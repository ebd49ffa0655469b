/*
 * telemetry.h - the per-user protocol log of Cyrus imapd, kept where an
 * administrator's scripts expect it: when <configdirectory>/log/<user>/
 * exists, a session that authenticates as <user> writes every octet in
 * both directions to log/<user>/<pid>:
 *
 *     ---------- <user> <ctime date>
 *     <1700000000<a001 SELECT INBOX        client line
 *     >1700000000>* 3 EXISTS               server line
 *
 * Unlike Cyrus, secrets never reach the file: the command that
 * authenticated the session is written with its password or SASL
 * responses replaced by "***", and so is a LOGIN or AUTHENTICATE sent
 * after login (redact.h).  Commands the client pipelined after its
 * LOGIN, already read when the log starts, are logged too.
 */
#ifndef IMAPD_PROTO_TELEMETRY_H
#define IMAPD_PROTO_TELEMETRY_H

#include <stdbool.h>

struct session;

/* Remember a line of the authentication exchange (already masked by the
 * caller), to be written first if telemetry starts for this session. */
void telemetry_note(struct session *s, bool incoming, const char *line);

/* Forget the noted lines (a failed login attempt). */
void telemetry_forget(struct session *s);

/* Open log/<user>/<pid> if log/<user>/ exists and attach it to the
 * connection; must run before privileges are dropped.  Returns true when
 * telemetry is on. */
bool telemetry_start(struct session *s, const char *user);

/* Detach and close. */
void telemetry_stop(struct session *s);

#endif
