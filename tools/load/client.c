/*
 * client.c - imapload's connections and event loop: non-blocking sockets
 * (plain or TLS through OpenSSL), responses cut at CRLF with their
 * literals, one command in flight per client, timers in a heap.
 */
#include "load.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

#include <openssl/err.h>

static int ep = -1;
static SSL_CTX *tls_ctx;
static int live;                  /* clients with a connection */

/* ---- timers: a binary heap of (time, client, generation) ---------------------- */

struct timer {
	double at;
	struct client *c;
	unsigned gen;
};

static struct timer *heap;
static size_t heap_n, heap_cap;

static void heap_push(struct timer t)
{
	if (heap_n == heap_cap) {
		heap_cap = heap_cap ? heap_cap * 2 : 1024;
		heap = realloc(heap, heap_cap * sizeof(*heap));
		if (heap == NULL) {
			perror("imapload: realloc");
			exit(2);
		}
	}
	size_t i = heap_n++;
	while (i > 0 && heap[(i - 1) / 2].at > t.at) {
		heap[i] = heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	heap[i] = t;
}

static struct timer heap_pop(void)
{
	struct timer top = heap[0], last = heap[--heap_n];
	size_t i = 0;
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, m = i;
		double mv = last.at;
		if (l < heap_n && heap[l].at < mv) {
			m = l;
			mv = heap[l].at;
		}
		if (r < heap_n && heap[r].at < mv)
			m = r;
		if (m == i)
			break;
		heap[i] = heap[m];
		i = m;
	}
	if (heap_n > 0)
		heap[i] = last;
	return top;
}

double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void client_sleep(struct client *c, double seconds)
{
	c->wake_at = now() + (seconds > 0 ? seconds : 0);
	heap_push((struct timer){ c->wake_at, c, ++c->timer_gen });
}

double client_think(void)
{
	if (opt.think_ms <= 0)
		return 0;
	double u = (rand() + 1.0) / ((double)RAND_MAX + 2.0);
	double ms = -opt.think_ms * log(u);
	return ms / 1000;
}

/* ---- helpers ---------------------------------------------------------------------- */

const char *client_user(const struct client *c)
{
	static char buf[256];
	snprintf(buf, sizeof(buf), opt.user_fmt, opt.users > 0 ? c->id % opt.users : 0);
	return buf;
}

const char *client_pass(const struct client *c)
{
	static char buf[256];
	snprintf(buf, sizeof(buf), opt.pass_fmt, opt.users > 0 ? c->id % opt.users : 0);
	return buf;
}

bool starts(const char *resp, size_t len, const char *text)
{
	size_t n = strlen(text);
	return len >= n && memcmp(resp, text, n) == 0;
}

long untagged_num(const char *resp, size_t len, const char **word_r)
{
	if (len < 3 || resp[0] != '*' || resp[1] != ' ' || resp[2] < '0' || resp[2] > '9')
		return -1;
	long n = 0;
	size_t i = 2;
	while (i < len && resp[i] >= '0' && resp[i] <= '9')
		n = n * 10 + (resp[i++] - '0');
	if (i >= len || resp[i] != ' ')
		return -1;
	*word_r = resp + i + 1;
	return n;
}

/* ---- connections -------------------------------------------------------------------- */

static void ep_update(struct client *c)
{
	struct epoll_event ev = { .data.ptr = c };
	if (!c->reading_paused)
		ev.events |= EPOLLIN;
	if (c->want_write || c->connecting)
		ev.events |= EPOLLOUT;
	epoll_ctl(ep, EPOLL_CTL_MOD, c->fd, &ev);
}

/* Each client from an address of its own (127.1.x.y for the checked
 * ones, 127.2.x.y for the hostile ones; Linux answers all of 127/8 on
 * loopback): the server's per-address limits then see what many hosts
 * would make, so hostile clients are not stopped by them and the good
 * ones are not counted as one host. */
static void bind_spread(struct client *c)
{
	struct sockaddr_in src = { .sin_family = AF_INET };
	unsigned n = (unsigned)c->id;
	src.sin_addr.s_addr = htonl(127u << 24 | (c->w->hostile ? 2u : 1u) << 16 |
				    (n / 250 % 256) << 8 | (n % 250 + 1));
	if (bind(c->fd, (const struct sockaddr *)&src, sizeof(src)) != 0) {
		perror("imapload: bind");
		exit(2);
	}
}

void client_connect(struct client *c)
{
	/* rawidle goes to the TLS port when there is one, without TLS. */
	bool tls_port = c->tls || (c->group->kind == W_RAWIDLE && opt.have_tls);
	const struct sockaddr_storage *a = tls_port ? &opt.tls_addr : &opt.addr;
	socklen_t alen = tls_port ? opt.tls_addrlen : opt.addrlen;
	c->fd = socket(a->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (c->fd < 0) {
		perror("imapload: socket");
		exit(2);
	}
	int one = 1;
	setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (c->group->kind == W_SLOWREAD) {
		/* A small window: the server's output backs up quickly. */
		int small = 4096;
		setsockopt(c->fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small));
	}
	if (opt.spread && a->ss_family == AF_INET)
		bind_spread(c);
	c->connecting = true;
	c->handshaking = c->greeted = c->closing = c->dead = false;
	c->want_write = c->reading_paused = false;
	c->in_len = c->in_scan = c->out_len = 0;
	c->cmd = -1;
	c->literal = NULL;
	c->connected_at = now();
	c->group->connects++;
	if (connect(c->fd, (const struct sockaddr *)a, alen) != 0 && errno != EINPROGRESS) {
		if (errno == ECONNREFUSED)
			c->group->refused++;
		stats_error(c, "connect: %s", strerror(errno));
		close(c->fd);
		c->fd = -1;
		c->dead = true;
		if (c->w->closed)
			c->w->closed(c);
		return;
	}
	struct epoll_event ev = { .events = EPOLLOUT | EPOLLIN, .data.ptr = c };
	if (epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev) != 0) {
		perror("imapload: epoll_ctl");
		exit(2);
	}
	live++;
}

void client_close(struct client *c)
{
	if (c->fd < 0)
		return;
	if (c->ssl != NULL) {
		SSL_free(c->ssl);
		c->ssl = NULL;
	}
	epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
	close(c->fd);
	c->fd = -1;
	c->dead = true;
	c->cmd = -1;
	live--;
}

static void grow(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return;
	size_t n = *cap ? *cap : 4096;
	while (n < need)
		n *= 2;
	char *b = realloc(*buf, n);
	if (b == NULL) {
		perror("imapload: realloc");
		exit(2);
	}
	*buf = b;
	*cap = n;
}

/* Write what is queued; false when the connection failed. */
static bool flush(struct client *c)
{
	while (c->out_len > 0) {
		ssize_t n;
		if (c->ssl != NULL) {
			ERR_clear_error();
			int r = SSL_write(c->ssl, c->out, (int)c->out_len);
			if (r <= 0) {
				int e = SSL_get_error(c->ssl, r);
				if (e == SSL_ERROR_WANT_WRITE || e == SSL_ERROR_WANT_READ)
					break;
				return false;
			}
			n = r;
		} else {
			n = write(c->fd, c->out, c->out_len);
			if (n < 0 && (errno == EAGAIN || errno == EINTR))
				break;
			if (n <= 0)
				return false;
		}
		memmove(c->out, c->out + n, c->out_len - (size_t)n);
		c->out_len -= (size_t)n;
	}
	bool want = c->out_len > 0;
	if (want != c->want_write) {
		c->want_write = want;
		ep_update(c);
	}
	return true;
}

void client_send(struct client *c, const char *data, size_t len)
{
	if (c->fd < 0)
		return;
	grow(&c->out, &c->out_cap, c->out_len + len);
	memcpy(c->out + c->out_len, data, len);
	c->out_len += len;
	if (!c->connecting && !c->handshaking && !flush(c)) {
		stats_error(c, "write: %s", strerror(errno));
		client_close(c);
	}
}

void client_cmd(struct client *c, int kind, const char *literal, size_t literal_len,
		const char *fmt, ...)
{
	char line[1024];
	snprintf(c->tag, sizeof(c->tag), "a%u", ++c->tagn);
	int n = snprintf(line, sizeof(line), "%s ", c->tag);
	va_list ap;
	va_start(ap, fmt);
	n += vsnprintf(line + n, sizeof(line) - (size_t)n - 16, fmt, ap);
	va_end(ap);
	c->cmd = kind;
	c->cmd_sent = now();
	c->group->commands++;
	if (literal != NULL) {
		n += snprintf(line + n, sizeof(line) - (size_t)n, " {%zu%s}\r\n", literal_len,
			      c->literal_plus ? "+" : "");
		client_send(c, line, (size_t)n);
		if (c->literal_plus) {
			client_send(c, literal, literal_len);
			client_send(c, "\r\n", 2);
		} else {
			c->literal = literal;
			c->literal_len = literal_len;
		}
		return;
	}
	n += snprintf(line + n, sizeof(line) - (size_t)n, "\r\n");
	client_send(c, line, (size_t)n);
}

long client_drain(struct client *c, size_t n)
{
	char buf[65536];
	if (n > sizeof(buf))
		n = sizeof(buf);
	ssize_t r;
	if (c->ssl != NULL) {
		int s = SSL_read(c->ssl, buf, (int)n);
		r = s > 0 ? s : (SSL_get_error(c->ssl, s) == SSL_ERROR_WANT_READ ? -2 : 0);
		if (r == -2)
			return 0;
	} else {
		r = read(c->fd, buf, n);
		if (r < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
	}
	if (r <= 0)
		return -1;
	c->group->bytes_read += (uint64_t)r;
	return r;
}

void client_pause_reading(struct client *c, bool paused)
{
	if (c->reading_paused != paused && c->fd >= 0) {
		c->reading_paused = paused;
		ep_update(c);
	}
}

/* ---- responses ------------------------------------------------------------------------ */

/* The length of the next whole response in c->in (up to and without its
 * final CRLF; *end_r past the CRLF), or 0 if it is not all there. */
static size_t next_response(struct client *c, size_t *end_r)
{
	size_t i = c->in_scan;
	for (;;) {
		char *crlf = i < c->in_len ? memmem(c->in + i, c->in_len - i, "\r\n", 2) : NULL;
		if (crlf == NULL) {
			c->in_scan = c->in_len > 0 ? c->in_len - 1 : 0;
			return 0;
		}
		size_t eol = (size_t)(crlf - c->in);
		/* A literal "{n}" at the end of the line: n octets follow,
		 * then the rest of the response. */
		if (eol > 0 && c->in[eol - 1] == '}') {
			size_t j = eol - 1;
			while (j > 0 && c->in[j - 1] >= '0' && c->in[j - 1] <= '9')
				j--;
			if (j > 0 && c->in[j - 1] == '{' && j < eol - 1) {
				size_t n = strtoul(c->in + j, NULL, 10);
				if (c->in_len < eol + 2 + n) {
					c->in_scan = i;   /* come back when it is here */
					return 0;
				}
				i = eol + 2 + n;
				c->in_scan = i;
				continue;
			}
		}
		*end_r = eol + 2;
		return eol;
	}
}

static void on_response(struct client *c, char *resp, size_t len)
{
	resp[len] = '\0';
	if (!c->greeted) {
		c->greeted = true;
		stats_latency(K_GREETING, now() - c->connected_at);
		if (!starts(resp, len, "* OK") && !starts(resp, len, "* PREAUTH")) {
			stats_error(c, "greeting: %.200s", resp);
			client_close(c);
			return;
		}
		c->literal_plus = memmem(resp, len, "LITERAL+", 8) != NULL;
		c->w->start(c);
		return;
	}
	if (resp[0] == '+' && c->literal != NULL) {
		client_send(c, c->literal, c->literal_len);
		client_send(c, "\r\n", 2);
		c->literal = NULL;
		return;
	}
	size_t tl = strlen(c->tag);
	if (c->cmd >= 0 && len > tl && memcmp(resp, c->tag, tl) == 0 && resp[tl] == ' ') {
		int kind = c->cmd;
		c->cmd = -1;
		c->literal = NULL;
		stats_latency(kind, now() - c->cmd_sent);
		const char *status = resp + tl + 1;
		if (memmem(resp, len, "LITERAL+", 8) != NULL)
			c->literal_plus = true;
		c->w->done(c, status, resp, len);
		return;
	}
	if (resp[0] != '*' && resp[0] != '+') {
		stats_error(c, "a response with an unknown tag: %.200s", resp);
		return;
	}
	c->w->untagged(c, resp, len);
}

static void on_readable(struct client *c)
{
	for (int rounds = 0; rounds < 64 && c->fd >= 0 && !c->reading_paused; rounds++) {
		grow(&c->in, &c->in_cap, c->in_len + 65536 + 1);
		ssize_t n;
		if (c->ssl != NULL) {
			ERR_clear_error();
			int r = SSL_read(c->ssl, c->in + c->in_len, 65536);
			if (r <= 0) {
				int e = SSL_get_error(c->ssl, r);
				if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE)
					return;
				n = 0;
			} else {
				n = r;
			}
		} else {
			n = read(c->fd, c->in + c->in_len, 65536);
			if (n < 0 && (errno == EAGAIN || errno == EINTR))
				return;
		}
		if (n <= 0) {
			bool expected = c->closing;
			client_close(c);
			if (!expected) {
				c->group->closed_by_server++;
				if (c->w->closed)
					c->w->closed(c);
			} else if (c->w->closed) {
				c->w->closed(c);
			}
			return;
		}
		c->group->bytes_read += (uint64_t)n;
		c->in_len += (size_t)n;
		size_t end, len;
		while (c->fd >= 0 && (len = next_response(c, &end)) > 0) {
			on_response(c, c->in, len);
			if (c->fd < 0)
				return;
			memmove(c->in, c->in + end, c->in_len - end);
			c->in_len -= end;
			c->in_scan = 0;
		}
	}
}

static void tls_step(struct client *c)
{
	ERR_clear_error();
	int r = SSL_connect(c->ssl);
	if (r == 1) {
		c->handshaking = false;
		ep_update(c);
		if (c->out_len > 0 && !flush(c)) {
			stats_error(c, "TLS write failed");
			client_close(c);
		}
		if (c->group->kind == W_TLSIDLE)
			c->w->start(c);   /* it reads no greeting */
		return;
	}
	int e = SSL_get_error(c->ssl, r);
	if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
		c->want_write = e == SSL_ERROR_WANT_WRITE;
		ep_update(c);
		return;
	}
	if (!c->w->hostile)
		stats_error(c, "TLS handshake failed");
	client_close(c);
	c->group->closed_by_server++;
	if (c->w->closed)
		c->w->closed(c);
}

static void on_connected(struct client *c)
{
	int err = 0;
	socklen_t len = sizeof(err);
	getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len);
	c->connecting = false;
	if (err != 0) {
		if (err == ECONNREFUSED)
			c->group->refused++;
		stats_error(c, "connect: %s", strerror(err));
		client_close(c);
		if (c->w->closed)
			c->w->closed(c);
		return;
	}
	stats_latency(K_CONNECT, now() - c->connected_at);
	ep_update(c);
	if (c->tls) {
		c->ssl = SSL_new(tls_ctx);
		SSL_set_fd(c->ssl, c->fd);
		c->handshaking = true;
		tls_step(c);
		return;
	}
	if (c->group->kind == W_RAWIDLE)
		c->w->start(c);
	else if (c->out_len > 0 && !flush(c))
		client_close(c);
}

static void on_event(struct client *c, uint32_t events)
{
	if (c->fd < 0)
		return;
	if (c->connecting) {
		if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
			on_connected(c);
		return;
	}
	if (c->handshaking) {
		tls_step(c);
		return;
	}
	if ((events & EPOLLOUT) && c->out_len > 0 && !flush(c)) {
		stats_error(c, "write failed");
		client_close(c);
		return;
	}
	if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && !c->reading_paused)
		on_readable(c);
}

/* ---- the loop ------------------------------------------------------------------------- */

void loop_init(void)
{
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0) {
		perror("imapload: epoll_create1");
		exit(2);
	}
	tls_ctx = SSL_CTX_new(TLS_client_method());
	if (tls_ctx == NULL) {
		fprintf(stderr, "imapload: SSL_CTX_new failed\n");
		exit(2);
	}
	/* Test servers have self-signed certificates. */
	SSL_CTX_set_verify(tls_ctx, SSL_VERIFY_NONE, NULL);
}

struct client *all_clients;
int nall_clients;

/* A command unanswered past opt.timeout is an error, and so is a
 * connection or greeting that long in coming (hostile clients aside). */
static void check_timeouts(void)
{
	static double last;
	double t = now();
	if (t - last < 0.5)
		return;
	last = t;
	for (int i = 0; i < nall_clients; i++) {
		struct client *c = &all_clients[i];
		if (c->fd < 0 || c->w->hostile)
			continue;
		double since = c->cmd >= 0 ? c->cmd_sent : !c->greeted ? c->connected_at : t;
		if (t - since < opt.timeout)
			continue;
		c->group->timeouts++;
		stats_error(c, "%s: no answer within %.0f s",
			    c->cmd >= 0 ? cmd_names[c->cmd] : c->connecting ? "connect" : "greeting",
			    opt.timeout);
		client_close(c);
		if (c->w->closed)
			c->w->closed(c);
	}
}

static bool draining;

void loop_drain(double until)
{
	draining = true;
	loop_run(until);
	draining = false;
}

void loop_run(double until)
{
	struct epoll_event evs[256];
	for (;;) {
		double t = now();
		if (until > 0 && t >= until)
			return;
		if (draining && live == 0)
			return;
		while (heap_n > 0 && heap[0].at <= t) {
			struct timer tm = heap_pop();
			if (tm.gen != tm.c->timer_gen || tm.c->wake_at == 0)
				continue;
			tm.c->wake_at = 0;
			if (tm.c->w->timer)
				tm.c->w->timer(tm.c);
		}
		double next = heap_n > 0 ? heap[0].at : t + 0.1;
		if (until > 0 && next > until)
			next = until;
		int ms = (int)((next - now()) * 1000) + 1;
		if (ms < 0)
			ms = 0;
		if (ms > 100)
			ms = 100;
		int n = epoll_wait(ep, evs, 256, ms);
		if (n < 0 && errno != EINTR) {
			perror("imapload: epoll_wait");
			exit(2);
		}
		for (int i = 0; i < n; i++)
			on_event(evs[i].data.ptr, evs[i].events);
		check_timeouts();
	}
}
