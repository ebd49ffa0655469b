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
#include "auth/mailview.h"
#include "auth/privs.h"
#include "cmd/cmd.h"
#include "net/tls.h"
#include "proto/response.h"
#include "proto/telemetry.h"
#include "store/mailbox.h"
#include "store/store.h"
#include "util/log.h"
#include "util/spool.h"

/* Whether `name` is one of the "|"-separated entries of list. */
static bool in_bar_list(const char *list, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = list; *p != '\0';) {
		while (*p == ' ')
			p++;
		const char *end = strchr(p, '|');
		const char *e = end != NULL ? end : p + strlen(p);
		const char *t = e;
		while (t > p && t[-1] == ' ')
			t--;
		if ((size_t)(t - p) == len && strncmp(p, name, len) == 0)
			return true;
		if (end == NULL)
			break;
		p = end + 1;
	}
	return false;
}

/*
 * The special-use folders of imapd.conf (RFC6154), and the folders a new
 * account starts with (autocreate_inbox_folders, made once; those also in
 * autocreate_subscribe_folders are subscribed).  A failure is logged: the
 * login goes on without them.
 */
static bool setup_folders(struct session *s)
{
	const struct imapd_config *c = s->cfg;
	const char *uses[STORE_USE_COUNT] = {
		c->specialuse_all, c->specialuse_archive, c->specialuse_drafts,
		c->specialuse_flagged, c->specialuse_junk, c->specialuse_sent, c->specialuse_trash,
	};
	if (!store_set_uses(s->store, uses))
		return false;
	const char *list = c->autocreate_inbox_folders;
	if (list == NULL || list[0] == '\0')
		return true;
	char *copy = strdup(list);
	size_t cap = 1;
	for (const char *p = list; *p != '\0'; p++)
		cap += *p == '|';
	const char **names = calloc(cap, sizeof(*names));
	bool *sub = calloc(cap, sizeof(*sub));
	bool ok = copy != NULL && names != NULL && sub != NULL;
	size_t n = 0;
	for (char *p = copy, *save = NULL, *tok; ok && (tok = strtok_r(p, "|", &save)) != NULL;
	     p = NULL) {
		while (*tok == ' ')
			tok++;
		size_t len = strlen(tok);
		while (len > 0 && tok[len - 1] == ' ')
			tok[--len] = '\0';
		if (len == 0)
			continue;
		names[n] = tok;
		sub[n] = in_bar_list(c->autocreate_subscribe_folders, tok);
		n++;
	}
	struct store_err err;
	if (ok && !store_autocreate(s->store, names, sub, n, &err))
		log_err("autocreate for %s: %s", s->user != NULL ? s->user : "?", err.text);
	free(names);
	free(sub);
	free(copy);
	return ok;
}

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
	/* The quota limits, while the administrator's files are in sight. */
	cmd_quota_login(s, user);
	/* A second wall beside the uid and Landlock: the session sees no
	 * mail but this user's (auth/mailview.h). */
	if (!s->preauth && geteuid() == 0 && s->cfg->sandbox && s->cfg->mail_namespace
	    && privs_mail_root(s->cfg, user, &root, why_r)) {
		/* A first login: the root is made now, so that the view is
		 * built around it (privs_enter_user would make it after). */
		const char *why = NULL;
		if (!privs_make_root_early(s->cfg, user, s->preauth, root, &why))
			log_warn("%s: %s", root, why != NULL ? why : "cannot be created");
		mailview_enter(s->cfg, root);
		free(root);
		root = NULL;
	}
	if (!privs_enter_user(s->cfg, user, s->preauth, &root, why_r)) {
		telemetry_stop(s);
		return false;
	}
	close_mail(s);
	s->store = store_open(root, why_r);
	free(root);
	if (s->store == NULL)
		return false;
	store_set_flag_sync(s->store, s->cfg->mail_fsync == CONFIG_MAIL_FSYNC_ALWAYS);
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
	if (!setup_folders(s)) {
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
	if (s->peer != NULL) {
		snprintf(buf, len, " from %s", s->peer);
		return;
	}
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

bool account_login_finish(struct session *s, const char *user, const char *method)
{
	const char *why = NULL;
	char who[300];
	snprintf(who, sizeof(who), "%s", user);
	if (!account_open(s, who, &why)) {
		log_err("login of %s by %s refused: %s", who, method, why);
		telemetry_forget(s);
		cmd_no(s, "[UNAVAILABLE] %s", why);
		return false;
	}
	char peer[100];
	peer_name(s, peer, sizeof(peer));
	const char *tls = s->tls_relayed != NULL ? s->tls_relayed : tls_conn_describe(s->conn.tls);
	log_info("login: user=%s method=%s%s%s%s", who, method, peer,
		 session_tls_active(s) ? " tls=" : "", session_tls_active(s) ? tls : "");
	/* One tagged line carrying the new capabilities (RFC3501 §7.1). */
	conn_printf(&s->conn, "%s OK [CAPABILITY ", s->tag != NULL ? s->tag : "*");
	cmd_capability_list(s);
	conn_printf(&s->conn, "] %s completed\r\n", strcmp(method, "LOGIN") == 0 ? "LOGIN"
		    : "AUTHENTICATE");
	/* SASL and the TLS handshake are done with their scratch memory:
	 * give the free pages back, so that an idle session stays small. */
	malloc_trim(0);
	return true;
}

void account_login_ok(struct session *s, const char *user, const char *method)
{
	/* In a login process the account is opened by the session process
	 * that imapd-master starts for it, not here. */
	if (s->hooks != NULL && s->hooks->login != NULL) {
		s->hooks->login(s, user, method);
		return;
	}
	account_login_finish(s, user, method);
}

/* While imapd-master decides: nothing to do but let go at the end. */
static void handoff_cont(struct session *s, enum session_event ev, const char *line, size_t len)
{
	(void)line;
	(void)len;
	if (ev == SESSION_EV_ABORT) {
		s->login_pending = false;
		session_wait_done(s);
	}
}

void account_handoff_wait(struct session *s)
{
	s->login_pending = true;
	session_wait(s, 0, handoff_cont, NULL);
}

void account_handoff_done(struct session *s)
{
	s->login_pending = false;
	session_wait_done(s);
}

void account_handoff_refused(struct session *s, const char *why)
{
	account_handoff_done(s);
	telemetry_forget(s);
	cmd_no(s, "[UNAVAILABLE] %s", why);
}

/* Answer a failed login; a connection that failed login_max_failures
 * times is told BYE and closed (RFC3501 §7.1.5 allows BYE at any time). */
static void login_failed_reply(struct session *s)
{
	cmd_no(s, "[AUTHENTICATIONFAILED] Authentication failed");
	if (s->login_failures >= s->cfg->login_max_failures) {
		resp_bye(s, "Too many failed logins");
		log_notice("closing the connection after %u failed logins", s->login_failures);
		s->state = STATE_LOGOUT;
	}
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
		login_failed_reply(s);
}

void account_login_failed(struct session *s, const char *user, const char *method,
			  const char *detail)
{
	telemetry_forget(s);
	char peer[100];
	peer_name(s, peer, sizeof(peer));
	log_notice("login failed: user=%s method=%s%s: %s", user != NULL ? user : "?", method, peer,
		   detail != NULL ? detail : "authentication failed");
	s->login_failures++;
	if (s->hooks != NULL && s->hooks->login_failed != NULL)
		s->hooks->login_failed(s);
	/* Slow down password guessing (Cyrus waits 3 s too).  The command
	 * waits on the session loop, so the login deadline still runs and a
	 * process serving many connections is not held up. */
	if (s->cfg->failed_login_delay > 0) {
		session_wait(s, 0, login_failed_answer, NULL);
		session_wait_timer(s, (uint64_t)s->cfg->failed_login_delay * 1000);
		return;
	}
	login_failed_reply(s);
}
