/*
 * account.h - the end of a login: the session takes on the user's
 * identity and mail, and leaves them at the end.  Used by LOGIN and
 * AUTHENTICATE (cmd/), and by the server for rimapd's pre-authentication.
 */
#ifndef IMAPD_CMD_ACCOUNT_H
#define IMAPD_CMD_ACCOUNT_H

#include <stdbool.h>

#include "proto/session.h"

/*
 * The client has proved it is `user` (LOGIN, AUTHENTICATE, or rimapd's
 * pre-authentication): start the protocol log (while we may still be
 * root), take on the user's privileges, open the mail store and the
 * spool for large literals, and enter the authenticated state.  Returns
 * false, with a reason for the NO or BYE in *why_r, when the account
 * cannot be served.
 */
bool account_open(struct session *s, const char *user, const char **why_r);

/* Close the selected mailbox, the store, the spool and the protocol log
 * (with the authentication lines noted for it): the end of a session. */
void account_close(struct session *s);

/*
 * The end of a LOGIN or AUTHENTICATE (method "LOGIN" or the mechanism):
 * account_login_ok() opens the account as `user` and sends the tagged OK
 * with a [CAPABILITY ...] code and no untagged line before it (RFC3501
 * §6.2.2; the nginx mail proxy insists), or a NO when the account cannot
 * be served.  account_login_failed() waits failed_login_delay seconds,
 * logs, and sends NO [AUTHENTICATIONFAILED] with the same text for an
 * unknown user and a wrong password; after login_max_failures on one
 * connection, a BYE follows and the session ends.
 */
void account_login_ok(struct session *s, const char *user, const char *method);

/* account_login_ok() without the login process's hand-off: open the
 * account here; false (after the NO) when it cannot be served. */
bool account_login_finish(struct session *s, const char *user, const char *method);

/*
 * A login process hands a logged-in client to imapd-master: the command
 * waits (no deadline ends the session meanwhile) until
 * account_handoff_done() (a session process took the client over) or
 * account_handoff_refused() (NO [UNAVAILABLE] why; the client may retry).
 */
void account_handoff_wait(struct session *s);
void account_handoff_done(struct session *s);
void account_handoff_refused(struct session *s, const char *why);
void account_login_failed(struct session *s, const char *user, const char *method,
			  const char *detail);

#endif
