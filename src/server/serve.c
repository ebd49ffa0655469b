/*
 * serve.c - connection serving loops (see serve.h).
 */
#include "server/serve.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "net/tls.h"
#include "proto/response.h"
#include "proto/session.h"
#include "util/log.h"

static volatile sig_atomic_t stop_requested;

static void on_term(int sig)
{
	(void)sig;
	stop_requested = 1;
}

bool serve_is_listener(int fd)
{
	int on = 0;
	socklen_t len = sizeof(on);
	return getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &len) == 0 && on;
}

void serve_connection(const struct serve_options *opt, int rfd, int wfd)
{
	struct session s;
	session_init(&s, opt->cfg, rfd, wfd);
	s.external_ssf = opt->external_ssf;
	s.tls_implicit = opt->implicit_tls;
	if (opt->preauth) {
		const char *why = NULL;
		s.preauth = true;
		if (!session_authenticated(&s, opt->preauth_user, &why)) {
			resp_bye(&s, "%s", why);
			log_err("rimapd: cannot serve %s: %s", opt->preauth_user, why);
			session_deinit(&s);
			return;
		}
	}
	if (opt->implicit_tls) {
		char err[256];
		s.conn.read_timeout_ms = 60 * 1000;
		if (!tls_conn_start(&s.conn, err, sizeof(err))) {
			log_notice("imaps: %s", err);
			session_deinit(&s);
			return;
		}
	}
	session_run(&s);
	session_deinit(&s);
}

/* Tell imapd-master whether this child is busy ('1') or idle ('0'). */
static void report_status(const struct serve_options *opt, char c)
{
	if (opt->status_fd >= 0) {
		ssize_t r;
		do
			r = write(opt->status_fd, &c, 1);
		while (r < 0 && errno == EINTR);
	}
}

void serve_listener(const struct serve_options *opt, int listen_fd)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	unsigned served = 0;
	while (!stop_requested && (opt->uses == 0 || served < opt->uses)) {
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
		report_status(opt, '1');
		served++;
		serve_connection(opt, fd, fd);
		close(fd);
		report_status(opt, '0');
	}
}
