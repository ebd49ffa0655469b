/*
 * loginload.c - a login-rate load generator for IMAP servers.
 *
 *   loginload [-h host] [-p port] [-c clients] [-t seconds] [-u user] [-w password]
 *             [-m mailbox]
 *
 * Runs `clients` connections at once, each going round: connect, read the
 * greeting, LOGIN, SELECT <mailbox>, FETCH 1 (FLAGS), LOGOUT, read to the
 * end, and again, for `seconds`.  Prints one line of key=value pairs:
 *
 *   logins=N seconds=S rate=R errors=E cpu=C
 *
 * where rate is completed rounds per second and cpu is the fraction of
 * one core this generator used (user + system), so that a reader can see
 * it was not the bottleneck.  One thread and epoll: cheap per round.
 * Plain IMAP only (the server must allow LOGIN without TLS).
 *
 * Build: cc -O2 -o loginload loginload.c
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum phase { P_GREETING, P_LOGIN, P_SELECT, P_FETCH, P_LOGOUT, P_EOF };

struct client {
	int fd;
	enum phase phase;
	char buf[65536];
	size_t len;
	double started;
};

static struct sockaddr_storage addr;
static socklen_t addrlen;
static const char *user = "bench", *password = "bench", *mailbox = "INBOX";
static long logins, errors;
static int complaints;          /* protocol errors printed (the first few only) */
static int ep;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static void start(struct client *c)
{
	c->fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0)
		die("socket");
	int one = 1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (connect(c->fd, (struct sockaddr *)&addr, addrlen) != 0 && errno != EINPROGRESS)
		die("connect");
	c->phase = P_GREETING;
	c->len = 0;
	c->started = now();
	struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
	if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) != 0)
		die("epoll_ctl");
}

static void restart(struct client *c, bool ok)
{
	if (ok)
		logins++;
	else
		errors++;
	close(c->fd);
	start(c);
}

static bool say(struct client *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool say(struct client *c, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* Commands are small: the socket buffer always takes them whole. */
	return n > 0 && write(c->fd, line, (size_t)n) == n;
}

/* A complete line arrived in phase c->phase; false on a protocol error. */
static bool on_line(struct client *c, const char *line)
{
	switch (c->phase) {
	case P_GREETING:
		if (strncmp(line, "* OK", 4) != 0)
			return false;
		c->phase = P_LOGIN;
		return say(c, "a LOGIN \"%s\" \"%s\"\r\n", user, password);
	case P_LOGIN:
		if (line[0] == '*')
			return true;
		if (strncmp(line, "a OK", 4) != 0) {
			if (complaints++ < 3)
				fprintf(stderr, "loginload: LOGIN: %s\n", line);
			return false;
		}
		c->phase = P_SELECT;
		return say(c, "b SELECT \"%s\"\r\n", mailbox);
	case P_SELECT:
		if (line[0] == '*')
			return true;
		if (strncmp(line, "b OK", 4) != 0) {
			if (complaints++ < 3)
				fprintf(stderr, "loginload: SELECT: %s\n", line);
			return false;
		}
		c->phase = P_FETCH;
		return say(c, "c FETCH 1 (FLAGS)\r\n");
	case P_FETCH:
		if (line[0] == '*')
			return true;
		if (strncmp(line, "c OK", 4) != 0) {
			if (complaints++ < 3)
				fprintf(stderr, "loginload: FETCH: %s\n", line);
			return false;
		}
		c->phase = P_LOGOUT;
		return say(c, "d LOGOUT\r\n");
	case P_LOGOUT:
		if (line[0] == '*')
			return true;
		if (strncmp(line, "d OK", 4) != 0)
			return false;
		c->phase = P_EOF;
		return true;
	case P_EOF:
		return true;
	}
	return false;
}

static void on_readable(struct client *c)
{
	for (;;) {
		ssize_t n = read(c->fd, c->buf + c->len, sizeof(c->buf) - 1 - c->len);
		if (n == 0) {
			restart(c, c->phase == P_EOF);
			return;
		}
		if (n < 0) {
			if (errno == EAGAIN)
				return;
			if (errno == EINTR)
				continue;
			restart(c, c->phase == P_EOF && errno == ECONNRESET);
			return;
		}
		c->len += (size_t)n;
		c->buf[c->len] = '\0';
		char *p = c->buf, *lf;
		while ((lf = strchr(p, '\n')) != NULL) {
			*lf = '\0';
			if (lf > p && lf[-1] == '\r')
				lf[-1] = '\0';
			if (!on_line(c, p)) {
				restart(c, false);
				return;
			}
			p = lf + 1;
		}
		c->len -= (size_t)(p - c->buf);
		memmove(c->buf, p, c->len);
		if (c->len == sizeof(c->buf) - 1) {
			restart(c, false);
			return;
		}
	}
}

static double cpu_seconds(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec
		+ ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
	const char *host = "127.0.0.1", *port = "143";
	int nclients = 10;
	double seconds = 30;
	int opt;
	while ((opt = getopt(argc, argv, "h:p:c:t:u:w:m:")) != -1) {
		switch (opt) {
		case 'h': host = optarg; break;
		case 'p': port = optarg; break;
		case 'c': nclients = atoi(optarg); break;
		case 't': seconds = atof(optarg); break;
		case 'u': user = optarg; break;
		case 'w': password = optarg; break;
		case 'm': mailbox = optarg; break;
		default:
			fprintf(stderr, "usage: loginload [-h host] [-p port] [-c clients] [-t seconds] "
				"[-u user] [-w password] [-m mailbox]\n");
			return 64;
		}
	}
	if (nclients < 1 || seconds <= 0)
		return 64;
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res;
	int r = getaddrinfo(host, port, &hints, &res);
	if (r != 0) {
		fprintf(stderr, "loginload: %s: %s\n", host, gai_strerror(r));
		return 2;
	}
	memcpy(&addr, res->ai_addr, res->ai_addrlen);
	addrlen = res->ai_addrlen;
	freeaddrinfo(res);
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0)
		die("epoll_create1");
	struct client *cs = calloc((size_t)nclients, sizeof(*cs));
	if (cs == NULL)
		die("calloc");
	double t0 = now(), cpu0 = cpu_seconds();
	for (int i = 0; i < nclients; i++)
		start(&cs[i]);
	double end = t0 + seconds;
	for (;;) {
		double left = end - now();
		if (left <= 0)
			break;
		struct epoll_event evs[64];
		int n = epoll_wait(ep, evs, 64, (int)(left * 1000) + 1);
		if (n < 0 && errno != EINTR)
			die("epoll_wait");
		for (int i = 0; i < n; i++)
			on_readable(evs[i].data.ptr);
	}
	double elapsed = now() - t0, cpu = cpu_seconds() - cpu0;
	printf("logins=%ld seconds=%.1f rate=%.1f errors=%ld cpu=%.2f\n", logins, elapsed,
	       logins / elapsed, errors, cpu / elapsed);
	return 0;
}
