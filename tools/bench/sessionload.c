/*
 * sessionload.c - a steady session load for IMAP servers and proxies.
 *
 *   sessionload [-h host] [-p port] [-c sessions] [-t seconds] [-i interval_ms]
 *               [-u user -w password]... [-m mailbox]
 *
 * Opens `sessions` connections, each of which logs in once and SELECTs
 * `mailbox`; then, for `seconds`, every session goes round NOOP,
 * FETCH 1:* (FLAGS), UID FETCH 1:1 (BODY.PEEK[]) (what a client holding a
 * session open does: check, resynchronise flags, read a message), one
 * command at a time.  With -i 0 (default) each session sends its next
 * command as soon as the last one's tagged OK arrived: the rate is what the
 * server (or proxy) sustains.  With -i N each session sends one command
 * every N ms (a fixed offered load), and the latencies are those of a
 * server that is not saturated.  Logins are not timed (loginload.c does
 * that).  Several -u/-w pairs (up to 16): the sessions take them in turn,
 * so that one run spreads its sessions over users (and, behind a proxy
 * with a shard map, over backends).  Prints one line of key=value pairs:
 *
 *   sessions=K commands=N seconds=S rate=R p50=MS p99=MS errors=E cpu=C
 *
 * rate is tagged OKs per second over all sessions; p50 and p99 are the
 * command round trips (write to tagged line) in milliseconds; errors
 * counts sessions that failed (a NO/BAD, a closed connection); cpu is the
 * share of one core this generator used itself.  One thread and epoll.
 * Plain IMAP only (the server must allow LOGIN without TLS).
 *
 * Build: cc -O2 -o sessionload sessionload.c
 */
#define _GNU_SOURCE
#include <errno.h>
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

enum phase { P_GREETING, P_LOGIN, P_SELECT, P_READY, P_BUSY, P_DEAD };

static const char *const commands[] = {
	"NOOP", "FETCH 1:* (FLAGS)", "UID FETCH 1:1 (BODY.PEEK[])",
};
#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

struct session {
	int fd;
	enum phase phase;
	unsigned next;          /* index into commands */
	int user;               /* index into users */
	unsigned long tag;
	char tagstr[24];
	double sent, due;
	/* Literals (BODY.PEEK[]) are skipped by count, not scanned for lines. */
	size_t skip;
	bool cont;              /* the next line continues a line after its literal */
	char *buf;
	size_t len;
};

#define BUFSZ (1 << 20)

static struct sockaddr_storage addr;
static socklen_t addrlen;
#define MAXUSERS 16
static const char *users[MAXUSERS] = { "bench" }, *passwords[MAXUSERS] = { "bench" };
static int nusers, npasswords;
static const char *mailbox = "INBOX";
static double interval;         /* seconds between commands of a session; 0: none */
static long done, errors;
static int complaints;
static int ep;
static bool timing;             /* past the warm-up: record latencies */
static double *lat;
static size_t nlat, caplat;

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

static void fail(struct session *s, const char *why, const char *line)
{
	if (complaints++ < 3)
		fprintf(stderr, "sessionload: %s: %s\n", why, line);
	errors++;
	epoll_ctl(ep, EPOLL_CTL_DEL, s->fd, NULL);
	close(s->fd);
	s->phase = P_DEAD;
}

static bool say(struct session *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool say(struct session *s, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* Commands are small: the socket buffer always takes them whole. */
	return n > 0 && write(s->fd, line, (size_t)n) == n;
}

static void send_next(struct session *s)
{
	s->tag++;
	snprintf(s->tagstr, sizeof(s->tagstr), "t%lu", s->tag);
	s->sent = now();
	s->phase = P_BUSY;
	if (!say(s, "%s %s\r\n", s->tagstr, commands[s->next]))
		fail(s, "write", commands[s->next]);
	s->next = (s->next + 1) % NCOMMANDS;
}

static void record(double seconds)
{
	if (!timing)
		return;
	if (nlat == caplat) {
		caplat = caplat ? caplat * 2 : 65536;
		lat = realloc(lat, caplat * sizeof(*lat));
		if (lat == NULL)
			die("realloc");
	}
	lat[nlat++] = seconds;
}

/* The tagged line of the command in flight has arrived. */
static void on_tagged(struct session *s, const char *rest)
{
	if (strncmp(rest, "OK", 2) != 0) {
		fail(s, "tagged", rest);
		return;
	}
	double t = now();
	record(t - s->sent);
	if (timing)
		done++;
	s->phase = P_READY;
	if (interval <= 0) {
		send_next(s);
		return;
	}
	/* Fixed pace: the next command is due one interval after the last
	 * was due, not after it finished, so a slow answer does not lower
	 * the offered load (unless the session is a whole interval behind). */
	s->due += interval;
	if (s->due < t - interval)
		s->due = t;
}

static void on_line(struct session *s, char *line)
{
	/* "* 1 FETCH (UID 1 BODY[] {123}": the literal follows. */
	size_t n = strlen(line);
	bool literal = n > 2 && line[n - 1] == '}' && strrchr(line, '{') != NULL;
	if (literal)
		s->skip = strtoul(strrchr(line, '{') + 1, NULL, 10);
	if (s->cont) {
		/* The rest of an untagged line, after a literal: ")" */
		s->cont = literal;
		return;
	}
	s->cont = literal;
	switch (s->phase) {
	case P_GREETING:
		if (strncmp(line, "* OK", 4) != 0) {
			fail(s, "greeting", line);
			return;
		}
		s->phase = P_LOGIN;
		if (!say(s, "l LOGIN \"%s\" \"%s\"\r\n", users[s->user], passwords[s->user]))
			fail(s, "write", "LOGIN");
		return;
	case P_LOGIN:
		if (line[0] == '*')
			return;
		if (strncmp(line, "l OK", 4) != 0) {
			fail(s, "LOGIN", line);
			return;
		}
		s->phase = P_SELECT;
		if (!say(s, "s SELECT \"%s\"\r\n", mailbox))
			fail(s, "write", "SELECT");
		return;
	case P_SELECT:
		if (line[0] == '*')
			return;
		if (strncmp(line, "s OK", 4) != 0) {
			fail(s, "SELECT", line);
			return;
		}
		s->phase = P_READY;
		s->due = now();
		if (interval <= 0)
			send_next(s);
		return;
	case P_BUSY: {
		size_t tl = strlen(s->tagstr);
		if (strncmp(line, s->tagstr, tl) == 0 && line[tl] == ' ')
			on_tagged(s, line + tl + 1);
		else if (line[0] != '*')
			fail(s, "unexpected", line);
		return;
	}
	case P_READY:
		if (line[0] != '*')
			fail(s, "unexpected", line);
		return;
	case P_DEAD:
		return;
	}
}

static void on_readable(struct session *s)
{
	for (;;) {
		ssize_t n = read(s->fd, s->buf + s->len, BUFSZ - 1 - s->len);
		if (n == 0) {
			fail(s, "read", "the server closed the connection");
			return;
		}
		if (n < 0) {
			if (errno == EAGAIN)
				return;
			if (errno == EINTR)
				continue;
			fail(s, "read", strerror(errno));
			return;
		}
		s->len += (size_t)n;
		char *p = s->buf, *end = s->buf + s->len;
		while (p < end && s->phase != P_DEAD) {
			if (s->skip > 0) {
				size_t k = (size_t)(end - p) < s->skip ? (size_t)(end - p) : s->skip;
				p += k;
				s->skip -= k;
				continue;
			}
			char *lf = memchr(p, '\n', (size_t)(end - p));
			if (lf == NULL)
				break;
			*lf = '\0';
			if (lf > p && lf[-1] == '\r')
				lf[-1] = '\0';
			on_line(s, p);
			p = lf + 1;
		}
		if (s->phase == P_DEAD)
			return;
		s->len = (size_t)(end - p);
		memmove(s->buf, p, s->len);
		if (s->len == BUFSZ - 1) {
			fail(s, "read", "a line longer than 1 MB");
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

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double pct(double p)
{
	if (nlat == 0)
		return 0;
	size_t i = (size_t)(p * (double)nlat);
	return lat[i < nlat ? i : nlat - 1] * 1e3;
}

int main(int argc, char **argv)
{
	const char *host = "127.0.0.1", *port = "143";
	int nsessions = 10;
	double seconds = 30;
	int opt;
	while ((opt = getopt(argc, argv, "h:p:c:t:i:u:w:m:")) != -1) {
		switch (opt) {
		case 'h': host = optarg; break;
		case 'p': port = optarg; break;
		case 'c': nsessions = atoi(optarg); break;
		case 't': seconds = atof(optarg); break;
		case 'i': interval = atof(optarg) / 1e3; break;
		case 'u':
			if (nusers == MAXUSERS)
				return 64;
			users[nusers++] = optarg;
			break;
		case 'w':
			if (npasswords == MAXUSERS)
				return 64;
			passwords[npasswords++] = optarg;
			break;
		case 'm': mailbox = optarg; break;
		default:
			fprintf(stderr, "usage: sessionload [-h host] [-p port] [-c sessions] "
				"[-t seconds] [-i interval_ms] [-u user -w password]... [-m mailbox]\n");
			return 64;
		}
	}
	if (nsessions < 1 || seconds <= 0 || interval < 0 || nusers != npasswords)
		return 64;
	if (nusers == 0)
		nusers = 1;
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res;
	int r = getaddrinfo(host, port, &hints, &res);
	if (r != 0) {
		fprintf(stderr, "sessionload: %s: %s\n", host, gai_strerror(r));
		return 2;
	}
	memcpy(&addr, res->ai_addr, res->ai_addrlen);
	addrlen = res->ai_addrlen;
	freeaddrinfo(res);
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0)
		die("epoll_create1");
	struct session *ss = calloc((size_t)nsessions, sizeof(*ss));
	if (ss == NULL)
		die("calloc");
	for (int i = 0; i < nsessions; i++) {
		struct session *s = &ss[i];
		s->user = i % nusers;
		s->buf = malloc(BUFSZ);
		if (s->buf == NULL)
			die("malloc");
		s->fd = socket(addr.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (s->fd < 0)
			die("socket");
		int one = 1;
		setsockopt(s->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		if (connect(s->fd, (struct sockaddr *)&addr, addrlen) != 0 && errno != EINPROGRESS)
			die("connect");
		struct epoll_event ev = { .events = EPOLLIN, .data.ptr = s };
		if (epoll_ctl(ep, EPOLL_CTL_ADD, s->fd, &ev) != 0)
			die("epoll_ctl");
	}
	/* Log every session in (untimed, at most 60 s), then the load. */
	double t0 = now(), end = t0 + 60, cpu0 = 0;
	for (;;) {
		double t = now();
		if (!timing) {
			int pending = 0;
			for (int i = 0; i < nsessions; i++)
				pending += ss[i].phase < P_READY;
			if (pending == 0 || t >= end) {
				if (pending > 0) {
					fprintf(stderr, "sessionload: %d sessions not logged in after 60 s\n",
						pending);
					errors += pending;
				}
				timing = true;
				t0 = t;
				end = t0 + seconds;
				cpu0 = cpu_seconds();
				for (int i = 0; i < nsessions; i++)
					ss[i].due = t0 + interval * i / nsessions;
			}
		} else if (t >= end) {
			break;
		}
		if (timing && interval > 0)
			for (int i = 0; i < nsessions; i++)
				if (ss[i].phase == P_READY && ss[i].due <= t)
					send_next(&ss[i]);
		int wait_ms = timing && interval > 0 ? 1 : (int)((end - t) * 1000) + 1;
		struct epoll_event evs[64];
		int n = epoll_wait(ep, evs, 64, wait_ms);
		if (n < 0 && errno != EINTR)
			die("epoll_wait");
		for (int i = 0; i < n; i++)
			on_readable(evs[i].data.ptr);
	}
	double elapsed = now() - t0, cpu = cpu_seconds() - cpu0;
	qsort(lat, nlat, sizeof(*lat), cmp_double);
	printf("sessions=%d commands=%ld seconds=%.1f rate=%.1f p50=%.3f p99=%.3f errors=%ld "
	       "cpu=%.2f\n", nsessions, done, elapsed, done / elapsed, pct(0.50), pct(0.99), errors,
	       cpu / elapsed);
	return 0;
}
