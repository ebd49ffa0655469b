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

/* One connection's SASL state. */
struct auth_sasl;

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

/*
 * The SASL state of a connection to server `servername` (SASL's
 * serverFQDN) from the client on socket `fd` (its addresses are handed
 * to SASL; any descriptor that is no socket is fine).  NULL when SASL is
 * unavailable: then nothing is offered and every check fails.
 */
struct auth_sasl *auth_sasl_new(const struct imapd_config *cfg, const char *servername, int fd);

/* Free it (after authentication, or at the end); *a = NULL. */
void auth_sasl_free(struct auth_sasl **a);

/* Tell SASL about the security layer below us: `ext_ssf`, the TLS
 * cipher's bits or `-p ssf`, and whether plaintext mechanisms may be
 * offered.  Called at the start and after STARTTLS.  a may be NULL. */
void auth_set_security(struct auth_sasl *a, unsigned ext_ssf, bool plaintext_ok);

/* The mechanisms offered now, " AUTH=<mech>" each, in *list_r (*len_r
 * octets, owned by SASL, valid until the next call; may be empty).
 * False when SASL cannot be used now (none, or the layer below is weaker
 * than sasl_minimum_layer): then neither AUTH= nor SASL-IR is offered. */
bool auth_mechanisms(struct auth_sasl *a, const char **list_r, size_t *len_r);

/* Check a LOGIN password; AUTH_OK (auth_user() set), AUTH_FAIL or AUTH_ERROR. */
enum auth_result auth_checkpass(struct auth_sasl *a, const char *user, const char *pass);

/*
 * Start (auth_start) or continue (auth_step) a SASL exchange with the
 * client's data `in` (inlen octets; in == NULL for "no initial
 * response").  On AUTH_CONTINUE, *out_r / *outlen_r hold the challenge
 * to send (owned by SASL, valid until the next call).
 */
enum auth_result auth_start(struct auth_sasl *a, const char *mech, const char *in, size_t inlen,
			    const char **out_r, size_t *outlen_r);
enum auth_result auth_step(struct auth_sasl *a, const char *in, size_t inlen,
			   const char **out_r, size_t *outlen_r);

/* The authenticated (authorization) identity after AUTH_OK, or NULL. */
const char *auth_user(struct auth_sasl *a);

/* SASL's text for the last failure, for the log. */
const char *auth_errdetail(struct auth_sasl *a);

#endif
