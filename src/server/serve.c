/*
 * serve.c - connection serving loops (see serve.h).
 */
#include "server/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth/auth.h"
#include "auth/mailview.h"
#include "auth/privs.h"
#include "cmd/account.h"
#include "cmd/cmd.h"
#include "net/tls.h"
#include "proto/response.h"
#include "proto/session.h"
#include "server/handoff.h"
#include "server/session_loop.h"
#include "util/log.h"

static volatile sig_atomic_t stop_requested;   /* SIGTERM/SIGINT: end now */
static volatile sig_atomic_t stop_when_free;   /* SIGHUP: after this client */
static volatile sig_atomic_t current_fd = -1;  /* the client being served */

/* SIGTERM/SIGINT: stop accepting; a client being served reads EOF at
 * once (shutdown(2) is async-signal-safe) and is told BYE. */
static void on_term(int sig)
{
	(void)sig;
	stop_requested = 1;
	if (current_fd >= 0) {
		int e = errno;
		shutdown(current_fd, SHUT_RD);
		errno = e;
	}
}

/* SIGHUP (imapd-master reloading): finish the current client, then go. */
static void on_hup(int sig)
{
	(void)sig;
	stop_when_free = 1;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_hup;
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

static unsigned long parse_number(const char *s, const char *what, char *err, size_t errlen,
				  bool *ok)
{
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno != 0 || *s == '\0' || *end != '\0' || *s == '-' || v > UINT_MAX) {
		snprintf(err, errlen, "%s: not a number: %s", what, s);
		*ok = false;
	}
	return v;
}

bool serve_parse_args(int argc, char **argv, struct serve_options *opt, const char **config_r,
		      bool *debug_r, char *err, size_t errlen)
{
	const char *optstring = config_r != NULL ? "C:U:T:Dsp:" : "U:T:sp:";
	bool ok = true;
	int c;
	optind = 1;
	opterr = 0;
	while (ok && (c = getopt(argc, argv, optstring)) != -1) {
		switch (c) {
		case 'C': *config_r = optarg; break;
		case 'U': opt->uses = (unsigned)parse_number(optarg, "-U", err, errlen, &ok); break;
		case 'T': opt->idle_timeout = (unsigned)parse_number(optarg, "-T", err, errlen, &ok); break;
		case 'D':
			if (debug_r == NULL)
				goto bad;
			*debug_r = true;
			break;
		case 's': opt->implicit_tls = true; break;
		case 'p': opt->external_ssf = (unsigned)parse_number(optarg, "-p", err, errlen, &ok); break;
		default:
		bad:
			snprintf(err, errlen, "unknown option or missing argument: %s",
				 argv[optind - 1 < argc ? optind - 1 : argc - 1]);
			return false;
		}
	}
	if (ok && optind != argc) {
		snprintf(err, errlen, "unexpected argument: %s", argv[optind]);
		return false;
	}
	return ok;
}

bool serve_setup(const struct imapd_config *cfg, bool before_fork)
{
	bool ok = true;
	char err[512];
	if (cfg->tls_server_cert[0] != '\0' || cfg->tls_server_key[0] != '\0') {
		struct tls_settings ts = {
			.cert_file = cfg->tls_server_cert,
			.key_file = cfg->tls_server_key[0] ? cfg->tls_server_key : cfg->tls_server_cert,
			.ca_file = cfg->tls_client_ca_file,
			.versions = cfg->tls_versions,
			.ciphers = cfg->tls_ciphers,
			.warm_up = before_fork,
		};
		if (!tls_init(&ts, err, sizeof(err))) {
			log_err("TLS disabled: %s", err);
			ok = false;
		}
	}
	/* A session confined to its mail root may read msg/ only if the
	 * directory exists when it logs in (privs.c): make it now. */
	if (cfg->configdirectory[0] != '\0') {
		char msg[4096];
		snprintf(msg, sizeof(msg), "%s/msg", cfg->configdirectory);
		if (mkdir(msg, 0755) == 0)
			log_notice("created %s", msg);
	}
	if (!auth_init(cfg, err, sizeof(err)))
		log_err("SASL unavailable, nobody can log in: %s", err);
	return ok;
}

bool serve_is_listener(int fd)
{
	int on = 0;
	socklen_t len = sizeof(on);
	return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &len) == 0 && on;
}

bool serve_is_socket(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

void serve_describe_peer(int fd, char *buf, size_t len)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	char host[INET6_ADDRSTRLEN] = "?";
	if (getpeername(fd, (struct sockaddr *)&ss, &sl) != 0) {
		snprintf(buf, len, "%s", serve_is_socket(fd) ? "a local socket" : "a pipe");
		return;
	}
	if (ss.ss_family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)&ss;
		inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
		snprintf(buf, len, "%s:%u", host, ntohs(in->sin_port));
	} else if (ss.ss_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&ss;
		inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
		snprintf(buf, len, "[%s]:%u", host, ntohs(in6->sin6_port));
	} else {
		snprintf(buf, len, "a local socket");
	}
}

void serve_connection(const struct serve_options *opt, int rfd, int wfd)
{
	install_signals();
	char peer[96];
	serve_describe_peer(rfd, peer, sizeof(peer));
	log_info("connect from %s%s", peer, opt->implicit_tls ? " (imaps)" : "");
	if (serve_is_socket(rfd))
		current_fd = rfd;

	struct session s;
	session_init(&s, opt->cfg, cmd_table, rfd, wfd);
	s.external_ssf = opt->external_ssf;
	session_sasl_security(&s);
	if (opt->preauth) {
		const char *why = NULL;
		s.preauth = true;
		if (!account_open(&s, opt->preauth_user, &why)) {
			resp_bye(&s, "%s", why);
			log_err("rimapd: cannot serve %s: %s", opt->preauth_user, why);
			goto out;
		}
		log_info("login: user=%s method=preauth", opt->preauth_user);
	}
	session_loop_run(&s, opt->implicit_tls);
	if (stop_requested && s.state != STATE_LOGOUT) {
		resp_bye(&s, "Server shutting down");
		conn_flush_wait(&s.conn, 2000);
	}
out:
	current_fd = -1;
	log_info("disconnect from %s%s%s in=%llu out=%llu", peer, s.user ? " user=" : "",
		 s.user ? s.user : "", (unsigned long long)s.conn.bytes_in,
		 (unsigned long long)s.conn.bytes_out);
	account_close(&s);
	session_deinit(&s);
}

void serve_handed(const struct serve_options *opt, int fd, const struct handoff *h,
		  const char *peer)
{
	install_signals();
	current_fd = fd;
	struct session s;
	session_init(&s, opt->cfg, cmd_table, fd, fd);
	s.peer = peer;
	s.tls_relayed = h->tls[0] != '\0' ? h->tls : NULL;
	s.tag = h->tag;
	/* The login process saw the credentials; this process, root until
	 * account_open() switches, only takes the account on. */
	if (!account_login_finish(&s, h->user, h->method)) {
		/* The client was told NO; it cannot retry here. */
		resp_bye(&s, "This account cannot be served now");
		conn_flush_wait(&s.conn, 2000);
		goto out;
	}
	s.tag = NULL;
	if (!conn_push_input(&s.conn, h->input, h->input_len)) {
		resp_bye(&s, "Out of memory");
		conn_flush_wait(&s.conn, 2000);
		goto out;
	}
	session_loop_run(&s, false);
	if (stop_requested && s.state != STATE_LOGOUT) {
		resp_bye(&s, "Server shutting down");
		conn_flush_wait(&s.conn, 2000);
	}
out:
	current_fd = -1;
	log_info("disconnect from %s%s%s in=%llu out=%llu", peer, s.user ? " user=" : "",
		 s.user ? s.user : "", (unsigned long long)s.conn.bytes_in,
		 (unsigned long long)s.conn.bytes_out);
	account_close(&s);
	session_deinit(&s);
}

void serve_listener(const struct serve_options *opt, int listen_fd)
{
	install_signals();
	unsigned served = 0;
	while (!stop_requested && !stop_when_free && (opt->uses == 0 || served < opt->uses)) {
		struct pollfd p = { .fd = listen_fd, .events = POLLIN };
		int timeout = opt->idle_timeout == 0 ? -1 : (int)opt->idle_timeout * 1000;
		int r = poll(&p, 1, timeout);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			log_err("poll on listener: %s", strerror(errno));
			break;
		}
		if (r == 0) {
			log_debug("no connection for %u seconds, exiting", opt->idle_timeout);
			break;
		}
		int fd = accept4(listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd < 0) {
			/* Another child won the race, or the client left. */
			if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
			    || errno == ECONNABORTED || errno == EPROTO)
				continue;
			log_err("accept: %s", strerror(errno));
			break;
		}
		served++;
		serve_connection(opt, fd, fd);
		close(fd);
		/* A session that logged in has taken on its user's identity
		 * or been confined to a mail root: this process cannot serve
		 * anyone else, so it leaves (imapd-master starts another). */
		if (privs_bound() || mailview_entered())
			break;
	}
}
