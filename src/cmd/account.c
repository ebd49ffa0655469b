/*
 * account.c - entering and leaving a user's account (see account.h).
 */
#include "cmd/account.h"

#include <arpa/inet.h>
#include <malloc.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "auth/auth.h"
#include "auth/privs.h"
#include "cmd/cmd.h"
#include "net/tls.h"
#include "proto/telemetry.h"
#include "store/mailbox.h"
#include "store/store.h"
#include "util/log.h"
#include "util/spool.h"

/* Close the selected mailbox, the store and the spool. */
static void close_mail(struct session *s)
{
	mbox_close(&s->mbox);
	store_close(&s->store);
	spool_free(&s->spool);
}

bool account_open(struct session *s, const char *login, const char **why_r)
{
	char *root = NULL;
	/* The account the login name stands for ("bob@<default domain>" is
	 * bob, auth/privs.h): the protocol log, mail root and logs use it. */
	char user[600];
	if (!privs_canon_user(s->cfg, login, user, sizeof(user), why_r))
		return false;
	/* The protocol log is opened while we may still be root: it lives
	 * under configdirectory, outside the user's reach. */
	telemetry_start(s, user);
	if (!privs_enter_user(s->cfg, user, s->preauth, &root, why_r)) {
		telemetry_stop(s);
		return false;
	}
	close_mail(s);
	s->store = store_open(root, why_r);
	free(root);
	if (s->store == NULL)
		return false;
	/* Large APPEND literals are read into the store's spool directory,
	 * from where the message is renamed into its mailbox. */
	s->spool = spool_new(store_spool_dir(s->store));
	if (s->spool == NULL) {
		*why_r = "Out of memory";
		return false;
	}
	free(s->user);
	s->user = strdup(user);
	if (s->user == NULL) {
		*why_r = "Out of memory";
		return false;
	}
	s->state = STATE_AUTH;
	/* SASL is done with; its per-connection state is not kept. */
	auth_sasl_free(&s->auth);
	return true;
}

void account_close(struct session *s)
{
	close_mail(s);
	telemetry_stop(s);
}

/* " from 192.0.2.1:143" for the log, or "". */
static void peer_name(struct session *s, char *buf, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char host[INET6_ADDRSTRLEN];
	buf[0] = '\0';
	if (getpeername(s->conn.rfd, (struct sockaddr *)&ss, &sl) != 0)
		return;
	if (ss.ss_family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)&ss;
		inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
		snprintf(buf, len, " from %s:%u", host, ntohs(in->sin_port));
	} else if (ss.ss_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&ss;
		inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
		snprintf(buf, len, " from %s:%u", host, ntohs(in6->sin6_port));
	}
}

void account_login_ok(struct session *s, const char *user, const char *method)
{
	const char *why = NULL;
	char who[300];
	snprintf(who, sizeof(who), "%s", user);
	if (!account_open(s, who, &why)) {
		log_err("login of %s by %s refused: %s", who, method, why);
		telemetry_forget(s);
		cmd_no(s, "[UNAVAILABLE] %s", why);
		return;
	}
	char peer[100];
	peer_name(s, peer, sizeof(peer));
	log_info("login: user=%s method=%s%s%s%s", who, method, peer,
		 session_tls_active(s) ? " tls=" : "", tls_conn_describe(s->conn.tls));
	/* One tagged line carrying the new capabilities (RFC3501 §7.1). */
	conn_printf(&s->conn, "%s OK [CAPABILITY ", s->tag != NULL ? s->tag : "*");
	cmd_capability_list(s);
	conn_printf(&s->conn, "] %s completed\r\n", strcmp(method, "LOGIN") == 0 ? "LOGIN"
		    : "AUTHENTICATE");
	/* SASL and the TLS handshake are done with their scratch memory:
	 * give the free pages back, so that an idle session stays small. */
	malloc_trim(0);
}

/* The failed login's delay is over: answer it. */
static void login_failed_answer(struct session *s, enum session_event ev, const char *line,
				size_t len)
{
	(void)line;
	(void)len;
	if (ev != SESSION_EV_TIMER && ev != SESSION_EV_ABORT)
		return;
	session_wait_done(s);
	if (ev == SESSION_EV_TIMER)
		cmd_no(s, "[AUTHENTICATIONFAILED] Authentication failed");
}

void account_login_failed(struct session *s, const char *user, const char *method,
			  const char *detail)
{
	telemetry_forget(s);
	char peer[100];
	peer_name(s, peer, sizeof(peer));
	log_notice("login failed: user=%s method=%s%s: %s", user != NULL ? user : "?", method, peer,
		   detail != NULL ? detail : "authentication failed");
	/* Slow down password guessing (Cyrus waits 3 s too).  The command
	 * waits on the session loop, so the login deadline still runs and a
	 * process serving many connections is not held up. */
	if (s->cfg->failed_login_delay > 0) {
		session_wait(s, 0, login_failed_answer, NULL);
		session_wait_timer(s, (uint64_t)s->cfg->failed_login_delay * 1000);
		return;
	}
	cmd_no(s, "[AUTHENTICATIONFAILED] Authentication failed");
}
