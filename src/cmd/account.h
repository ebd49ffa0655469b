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
 * unknown user and a wrong password.
 */
void account_login_ok(struct session *s, const char *user, const char *method);
void account_login_failed(struct session *s, const char *user, const char *method,
			  const char *detail);

#endif
