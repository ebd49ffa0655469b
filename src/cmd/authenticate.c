/*
 * authenticate.c - AUTHENTICATE (RFC2060 §6.2.1, RFC3501 §6.2.2) with
 * any mechanism Cyrus SASL offers, and the initial response of SASL-IR
 * (RFC4959).  Challenges go out as "+ base64", responses come back as one
 * base64 line each; "*" cancels (tagged BAD), as does invalid base64.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "cmd/cmd.h"
#include "proto/response.h"
#include "server/telemetry.h"
#include "util/base64.h"
#include "util/log.h"

/* Send a challenge and read the client's answer, decoded into *in_r.
 * Returns 1 with a response, 0 when the command was answered (cancel,
 * bad base64) and -1 when the session must end. */
static int exchange(struct session *s, const char *out, size_t outlen, char **in_r,
		    size_t *inlen_r)
{
	char *b64 = base64_encode(out != NULL ? out : "", out != NULL ? outlen : 0);
	if (b64 == NULL)
		return -1;
	conn_printf(&s->conn, "+ %s\r\n", b64);
	free(b64);
	telemetry_note(s, false, "+ ***");
	if (conn_flush(&s->conn) < 0)
		return -1;
	char *line;
	ssize_t n = conn_read_line(&s->conn, s->cfg->maxline, &line);
	if (n == CONN_TOOLONG) {
		resp_bad(s, "AUTHENTICATE response too long");
		return 0;
	}
	if (n < 0) {
		if (n == CONN_TIMEOUT)
			resp_bye(s, "Autologout; idle for too long");
		return -1;
	}
	size_t len = (size_t)n - 2;  /* the line ends in CRLF */
	telemetry_note(s, true, "***");
	/* RFC3501 §6.2.2: "*" cancels the exchange, with a BAD. */
	if (len == 1 && line[0] == '*') {
		resp_bad(s, "AUTHENTICATE cancelled");
		return 0;
	}
	if (!base64_decode(line, len, in_r, inlen_r)) {
		resp_bad(s, "Invalid base64 in the AUTHENTICATE response");
		return 0;
	}
	return 1;
}

void cmd_authenticate(struct session *s, const struct imap_cmd *cmd)
{
	const char *mech = cmd->u.authenticate.mechanism;
	char *in = NULL;
	size_t inlen = 0;
	if (cmd->u.authenticate.has_initial) {
		/* RFC4959 §3: "=" is an empty initial response. */
		const struct imap_string *ir = &cmd->u.authenticate.initial;
		if (ir->len == 1 && ir->data[0] == '=') {
			in = strdup("");
		} else if (!base64_decode(ir->data, ir->len, &in, &inlen)) {
			resp_bad(s, "Invalid base64 in the initial response");
			return;
		}
		if (in == NULL)
			return;
	}
	char line[300];
	snprintf(line, sizeof(line), "%s AUTHENTICATE %.64s%s", s->tag, mech,
		 cmd->u.authenticate.has_initial ? " ***" : "");
	telemetry_note(s, true, line);

	const char *out = NULL;
	size_t outlen = 0;
	enum auth_result r = auth_start(s, mech, in, inlen, &out, &outlen);
	free(in);
	while (r == AUTH_CONTINUE) {
		in = NULL;
		int e = exchange(s, out, outlen, &in, &inlen);
		if (e < 0) {
			s->state = STATE_LOGOUT;
			return;
		}
		if (e == 0) {
			telemetry_forget(s);
			return;
		}
		r = auth_step(s, in, inlen, &out, &outlen);
		free(in);
	}
	switch (r) {
	case AUTH_OK: {
		const char *user = auth_user(s);
		if (user == NULL) {
			auth_failed(s, NULL, mech, "SASL gave no user name");
			return;
		}
		auth_succeeded(s, user, mech);
		return;
	}
	case AUTH_NOMECH:
		telemetry_forget(s);
		resp_no(s, "Unsupported authentication mechanism");
		return;
	default:
		auth_failed(s, auth_user(s), mech, auth_errdetail(s));
		return;
	}
}
