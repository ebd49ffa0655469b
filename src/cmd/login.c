/*
 * login.c - LOGIN (RFC2060 §6.2.2, RFC3501 §6.2.3): a plaintext user name
 * and password, checked by Cyrus SASL (sasl_checkpass) so that LOGIN and
 * AUTHENTICATE agree on who may log in.
 */
#include <stdio.h>
#include <string.h>

#include "auth/auth.h"
#include "cmd/account.h"
#include "cmd/cmd.h"
#include "proto/telemetry.h"

void cmd_login(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_string *user = &cmd->u.login.userid;
	const struct imap_string *pass = &cmd->u.login.password;
	/* RFC3501 §6.2.3: with LOGINDISABLED advertised, LOGIN gets NO. */
	if (!session_plaintext_ok(s)) {
		cmd_no(s, "[PRIVACYREQUIRED] Plaintext LOGIN is disabled; use STARTTLS first");
		return;
	}
	char line[600];
	snprintf(line, sizeof(line), "%s LOGIN %.*s ***", s->tag,
		 user->len > 256 ? 256 : (int)user->len, user->data);
	telemetry_note(s, true, line);
	/* A NUL inside either string cannot be a valid account. */
	if (memchr(user->data, '\0', user->len) != NULL || memchr(pass->data, '\0', pass->len) != NULL) {
		account_login_failed(s, NULL, "LOGIN", "NUL in user name or password");
		return;
	}
	enum auth_result r = auth_checkpass(s->auth, user->data, pass->data);
	if (r == AUTH_NOMECH) {
		telemetry_forget(s);
		cmd_no(s, "[ENCRYPTIONNEEDED] A stronger security layer is required");
		return;
	}
	if (r != AUTH_OK) {
		account_login_failed(s, user->data, "LOGIN", auth_errdetail(s->auth));
		return;
	}
	const char *canon = auth_user(s->auth);
	account_login_ok(s, canon != NULL ? canon : user->data, "LOGIN");
}
