/*
 * authenticate.c - AUTHENTICATE (RFC2060 §6.2.1, RFC3501 §6.2.2) with
 * any mechanism Cyrus SASL offers, and the initial response of SASL-IR
 * (RFC4959).  Challenges go out as "+ base64", responses come back as one
 * base64 line each; "*" cancels (tagged BAD), as does invalid base64.
 *
 * Between a challenge and its response the command waits on the session
 * loop (session_wait) instead of reading the socket: the login deadline
 * keeps running, and the command's state lives in its arena.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth.h"
#include "cmd/account.h"
#include "cmd/cmd.h"
#include "proto/response.h"
#include "proto/telemetry.h"
#include "util/base64.h"
#include "util/log.h"

struct auth_state {
	const char *mech;
};

/* Where SASL stands after a step: send the next challenge and wait, or
 * end the command. */
static void auth_next(struct session *s, struct auth_state *st, enum auth_result r,
		      const char *out, size_t outlen);

/* A response line has come (SESSION_EV_LINE), or the session ends. */
static void auth_response(struct session *s, enum session_event ev, const char *line, size_t n)
{
	struct auth_state *st = s->cont.ctx;
	if (ev == SESSION_EV_ABORT) {
		session_wait_done(s);
		return;
	}
	if (ev != SESSION_EV_LINE)
		return;
	session_wait_done(s);
	if (line == NULL) {
		telemetry_forget(s);
		resp_bad(s, "AUTHENTICATE response too long");
		return;
	}
	size_t len = n - 2;  /* the line ends in CRLF */
	telemetry_note(s, true, "***");
	/* RFC3501 §6.2.2: "*" cancels the exchange, with a BAD. */
	if (len == 1 && line[0] == '*') {
		telemetry_forget(s);
		resp_bad(s, "AUTHENTICATE cancelled");
		return;
	}
	char *in = NULL;
	size_t inlen = 0;
	if (!base64_decode(line, len, &in, &inlen)) {
		telemetry_forget(s);
		resp_bad(s, "Invalid base64 in the AUTHENTICATE response");
		return;
	}
	const char *out = NULL;
	size_t outlen = 0;
	enum auth_result r = auth_step(s->auth, in, inlen, &out, &outlen);
	free(in);
	auth_next(s, st, r, out, outlen);
}

static void auth_next(struct session *s, struct auth_state *st, enum auth_result r,
		      const char *out, size_t outlen)
{
	switch (r) {
	case AUTH_CONTINUE: {
		char *b64 = base64_encode(out != NULL ? out : "", out != NULL ? outlen : 0);
		if (b64 == NULL) {
			cmd_no(s, "Out of memory");
			return;
		}
		conn_printf(&s->conn, "+ %s\r\n", b64);
		free(b64);
		telemetry_note(s, false, "+ ***");
		session_wait(s, SESSION_WAIT_LINE, auth_response, st);
		return;
	}
	case AUTH_OK: {
		const char *user = auth_user(s->auth);
		if (user == NULL) {
			account_login_failed(s, NULL, st->mech, "SASL gave no user name");
			return;
		}
		account_login_ok(s, user, st->mech);
		return;
	}
	case AUTH_NOMECH:
		telemetry_forget(s);
		cmd_no(s, "Unsupported authentication mechanism");
		return;
	default:
		account_login_failed(s, auth_user(s->auth), st->mech, auth_errdetail(s->auth));
		return;
	}
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
		if (in == NULL) {
			cmd_no(s, "Out of memory");
			return;
		}
	}
	struct auth_state *st = ARENA_NEW(&s->arena, struct auth_state);
	if (st == NULL) {
		free(in);
		cmd_no(s, "Out of memory");
		return;
	}
	st->mech = mech;
	char line[300];
	snprintf(line, sizeof(line), "%s AUTHENTICATE %.64s%s", s->tag, mech,
		 cmd->u.authenticate.has_initial ? " ***" : "");
	telemetry_note(s, true, line);

	const char *out = NULL;
	size_t outlen = 0;
	enum auth_result r = auth_start(s->auth, mech, in, inlen, &out, &outlen);
	free(in);
	auth_next(s, st, r, out, outlen);
}
