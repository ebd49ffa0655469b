/*
 * auth.h - authentication through Cyrus SASL: the mechanisms offered in
 * CAPABILITY, the AUTHENTICATE exchange (RFC3501 §6.2.2, SASL-IR RFC4959)
 * and LOGIN's password check (sasl_checkpass, RFC3501 §6.2.3).
 *
 * The library is initialised once per process tree (auth_init), before
 * any fork, so that its plugins and their state are loaded once and
 * shared by every child; each session then holds one small sasl_conn_t,
 * freed as soon as the session is authenticated.
 */
#ifndef IMAPD_AUTH_AUTH_H
#define IMAPD_AUTH_AUTH_H

#include <stdbool.h>
#include <stddef.h>

#include "util/config.h"

struct session;

/* The SASL results the AUTHENTICATE loop needs to tell apart. */
enum auth_result {
	AUTH_OK,        /* authenticated; auth_user() names the user */
	AUTH_CONTINUE,  /* send the challenge, read a response */
	AUTH_FAIL,      /* wrong credentials (NO) */
	AUTH_NOMECH,    /* mechanism not offered now (NO) */
	AUTH_ERROR,     /* internal failure (NO, logged) */
};

/*
 * Initialise Cyrus SASL for the server with cfg's sasl_* options (handed
 * to the library without their prefix).  Call once, before forking.
 * Returns false with a message in err when the library cannot start; the
 * server then offers no mechanism and LOGIN fails.
 */
bool auth_init(const struct imapd_config *cfg, char *err, size_t errlen);

/* Point the library's option callback at a new configuration (reload). */
void auth_set_config(const struct imapd_config *cfg);

/* Set up the per-session SASL state; false when SASL is unavailable. */
bool auth_session_start(struct session *s);

/* Free the per-session state (after authentication, or at the end). */
void auth_session_free(struct session *s);

/* Tell SASL about the security layer below us: the TLS cipher's bits or
 * `-p ssf`, and whether plaintext mechanisms may be offered.  Called at
 * the start and after STARTTLS. */
void auth_update_security(struct session *s);

/* Append " AUTH=<mech>" for every mechanism offered now, and " SASL-IR". */
void auth_write_capabilities(struct session *s);

/* Check a LOGIN password; AUTH_OK (auth_user() set), AUTH_FAIL or AUTH_ERROR. */
enum auth_result auth_checkpass(struct session *s, const char *user, const char *pass);

/*
 * Start (auth_start) or continue (auth_step) a SASL exchange with the
 * client's data `in` (inlen octets; in == NULL for "no initial
 * response").  On AUTH_CONTINUE, *out_r / *outlen_r hold the challenge
 * to send (owned by SASL, valid until the next call).
 */
enum auth_result auth_start(struct session *s, const char *mech, const char *in, size_t inlen,
			    const char **out_r, size_t *outlen_r);
enum auth_result auth_step(struct session *s, const char *in, size_t inlen,
			   const char **out_r, size_t *outlen_r);

/* The authenticated (authorization) identity after AUTH_OK, or NULL. */
const char *auth_user(struct session *s);

/* SASL's text for the last failure, for the log. */
const char *auth_errdetail(struct session *s);

/*
 * The end of a LOGIN or AUTHENTICATE (method "LOGIN" or the mechanism):
 * auth_succeeded() enters the authenticated state as `user` and sends
 * the tagged OK with a [CAPABILITY ...] code and no untagged line before
 * it (RFC3501 §6.2.2; the nginx mail proxy insists), or a NO when the
 * account cannot be served.  auth_failed() waits failed_login_delay
 * seconds, logs, and sends NO [AUTHENTICATIONFAILED] with the same text
 * for an unknown user and a wrong password.
 */
void auth_succeeded(struct session *s, const char *user, const char *method);
void auth_failed(struct session *s, const char *user, const char *method, const char *detail);

#endif
