/*
 * authsvc.c - imapd-auth-http's requests, shard map and backend probes
 * (see authsvc.h).
 */
#include "server/authsvc.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include "auth/auth.h"
#include "net/httpreq.h"
#include "net/ioloop.h"
#include "server/limits.h"
#include "server/shardmap.h"
#include "util/log.h"

/* A request must be read and answered within this. */
#define REQUEST_DEADLINE_MS 10000
#define MAX_USER 512
#define MAX_PASS 1024

enum bstate { B_UNKNOWN, B_UP, B_DOWN };

/* What is known of a backend of the map. */
struct backend {
	const struct shard_backend *sb;
	enum bstate state;
	uint64_t checked;              /* when the last probe ended */
	int fd;                        /* probe in progress, or -1 */
	struct io *io;
	struct timer *timer;
	struct svc *sv;
};

struct hconn {
	struct svc *sv;
	struct hconn *prev, *next;
	int fd;
	struct io *io;
	struct timer *deadline;
	size_t len;
	bool answered;
	int wait_b;                    /* the backend whose probe it waits for, or -1 */
	int primary, standby;
	char user[MAX_USER + 1];       /* the account (SASL's canonical name) */
	char client[LIMITS_PEER_MAX];  /* Client-IP, or "?" */
	char host[LIMITS_HOST_MAX];    /* its limits key, "" without one */
	char out[512];
	size_t outlen, outpos;
	char buf[HTTPREQ_MAX + 1];
};

struct svc {
	const struct authsvc_options *opt;
	struct ioloop *loop;
	int lfd;
	struct io *lio;
	int sigfd;
	struct io *sio;
	bool quit;
	struct shardmap *map;
	struct backend *backends;      /* one per backend of map */
	size_t nbackends;
	struct hconn *conns;
	unsigned nconns;
	struct limits *limits;
};

static void conn_continue(struct hconn *c);

/* ---- backends ---------------------------------------------------------------- */

static void probe_end(struct backend *b, bool up, const char *why)
{
	struct svc *sv = b->sv;
	io_remove(&b->io);
	timer_remove(&b->timer);
	if (b->fd >= 0)
		close(b->fd);
	b->fd = -1;
	enum bstate was = b->state;
	b->state = up ? B_UP : B_DOWN;
	b->checked = ioloop_now_ms();
	if (!up && was != B_DOWN)
		log_notice("backend %s is down: %s", b->sb->name, why);
	else if (up && was == B_DOWN)
		log_notice("backend %s is up again", b->sb->name);
	/* Every request waiting for this answer goes on. */
	size_t idx = (size_t)(b - sv->backends);
	for (struct hconn *c = sv->conns, *next; c != NULL; c = next) {
		next = c->next;
		if (c->wait_b == (int)idx) {
			c->wait_b = -1;
			conn_continue(c);
		}
	}
}

static void on_probe(void *ctx, unsigned events)
{
	struct backend *b = ctx;
	(void)events;
	int err = 0;
	socklen_t len = sizeof(err);
	if (getsockopt(b->fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
		err = errno;
	probe_end(b, err == 0, strerror(err));
}

static void on_probe_timeout(void *ctx)
{
	probe_end(ctx, false, "no answer to a connect in time");
}

/* Start a connect probe of b unless one runs. */
static void probe(struct backend *b)
{
	struct svc *sv = b->sv;
	if (b->fd >= 0)
		return;
	b->fd = socket(b->sb->sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (b->fd < 0) {
		log_err("socket: %s", strerror(errno));
		probe_end(b, false, strerror(errno));
		return;
	}
	if (connect(b->fd, (const struct sockaddr *)&b->sb->sa, b->sb->salen) == 0) {
		probe_end(b, true, NULL);
		return;
	}
	if (errno != EINPROGRESS) {
		probe_end(b, false, strerror(errno));
		return;
	}
	b->io = io_add(sv->loop, b->fd, IO_WRITE, on_probe, b);
	b->timer = timer_add(sv->loop, sv->opt->probe_ms, on_probe_timeout, b);
	if (b->io == NULL || b->timer == NULL)
		probe_end(b, false, "cannot wait for the connect");
}

static bool fresh(const struct svc *sv, const struct backend *b)
{
	return b->state != B_UNKNOWN && b->fd < 0
		&& ioloop_now_ms() - b->checked < sv->opt->fresh_ms;
}

/* Take a new map: backends known before keep their state. */
static void use_map(struct svc *sv, struct shardmap *map)
{
	size_t n = shardmap_nbackends(map);
	struct backend *nb = calloc(n ? n : 1, sizeof(*nb));
	if (nb == NULL) {
		log_err("out of memory taking the new shard map; keeping the old one");
		shardmap_free(&map);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		nb[i] = (struct backend){ .sb = shardmap_backend(map, i), .fd = -1, .sv = sv };
		for (size_t j = 0; j < sv->nbackends; j++)
			if (strcmp(sv->backends[j].sb->name, nb[i].sb->name) == 0) {
				nb[i].state = sv->backends[j].state;
				nb[i].checked = sv->backends[j].checked;
			}
	}
	/* Probes of the old map end; their waiting requests start over. */
	for (size_t j = 0; j < sv->nbackends; j++) {
		struct backend *b = &sv->backends[j];
		io_remove(&b->io);
		timer_remove(&b->timer);
		if (b->fd >= 0)
			close(b->fd);
	}
	free(sv->backends);
	shardmap_free(&sv->map);
	sv->map = map;
	sv->backends = nb;
	sv->nbackends = n;
	for (struct hconn *c = sv->conns, *next; c != NULL; c = next) {
		next = c->next;
		if (c->wait_b >= 0) {
			c->wait_b = -1;
			c->primary = -2;  /* look the user up again */
			conn_continue(c);
		}
	}
}

static bool load_map(struct svc *sv)
{
	char err[512];
	struct shardmap *m = shardmap_load(sv->opt->map_path, err, sizeof(err));
	if (m == NULL) {
		log_err("shard map %s", err);
		return false;
	}
	log_notice("shard map %s: %zu rules, %zu backends", sv->opt->map_path, shardmap_rules(m),
		   shardmap_nbackends(m));
	use_map(sv, m);
	return true;
}

/* ---- requests ------------------------------------------------------------------ */

static void conn_free(struct hconn *c)
{
	struct svc *sv = c->sv;
	io_remove(&c->io);
	timer_remove(&c->deadline);
	close(c->fd);
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		sv->conns = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
	sv->nconns--;
	free(c);
	if (sv->lio != NULL)
		io_set_events(sv->lio, IO_READ);
}

static void on_conn(void *ctx, unsigned events);

/* Queue the answer and send it as the socket takes it. */
static void answer(struct hconn *c, const char *status, const char *extra)
{
	int n = snprintf(c->out, sizeof(c->out), "HTTP/1.0 200 OK\r\nAuth-Status: %s\r\n%s\r\n",
			 status, extra != NULL ? extra : "");
	c->outlen = n > 0 && (size_t)n < sizeof(c->out) ? (size_t)n : 0;
	c->outpos = 0;
	c->answered = true;
	io_set_events(c->io, IO_WRITE);
}

static void answer_http_error(struct hconn *c, const char *why)
{
	log_notice("bad request from %s: %s", c->client, why);
	int n = snprintf(c->out, sizeof(c->out),
			 "HTTP/1.0 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
	c->outlen = (size_t)n;
	c->answered = true;
	io_set_events(c->io, IO_WRITE);
}

static void answer_wait(struct hconn *c, const char *status, unsigned seconds)
{
	char extra[64];
	snprintf(extra, sizeof(extra), "Auth-Wait: %u\r\n", seconds);
	answer(c, status, extra);
}

/* Name a backend, or wait for a probe that tells which. */
static void conn_continue(struct hconn *c)
{
	struct svc *sv = c->sv;
	if (c->primary == -2 && !shardmap_lookup(sv->map, c->user, &c->primary, &c->standby)) {
		log_notice("no backend for %s in the shard map", c->user);
		answer(c, "No server for this account", NULL);
		return;
	}
	struct backend *p = &sv->backends[c->primary];
	struct backend *s = c->standby >= 0 ? &sv->backends[c->standby] : NULL;
	struct backend *use = NULL;
	if (!fresh(sv, p)) {
		c->wait_b = c->primary;
		probe(p);
		return;
	}
	if (p->state == B_UP) {
		use = p;
	} else if (s != NULL) {
		if (!fresh(sv, s)) {
			c->wait_b = c->standby;
			probe(s);
			return;
		}
		if (s->state == B_UP)
			use = s;
	}
	if (use == NULL) {
		log_notice("login of %s from %s: backend %s%s%s down", c->user, c->client,
			   p->sb->name, s != NULL ? " and standby " : " is", s != NULL ?
			   s->sb->name : "");
		answer_wait(c, "Server unavailable, try again later",
			    sv->opt->cfg->failed_login_delay ? sv->opt->cfg->failed_login_delay : 1);
		return;
	}
	log_info("login: user=%s client=%s backend=%s%s", c->user, c->client, use->sb->name,
		 use != p ? " (standby)" : "");
	char extra[160];
	snprintf(extra, sizeof(extra), "Auth-Server: %s\r\nAuth-Port: %u\r\n", use->sb->addr,
		 use->sb->port);
	answer(c, "OK", extra);
}

/* The whole head is here: check the credentials, then the backend. */
static void conn_request(struct hconn *c, struct httpreq *req)
{
	struct svc *sv = c->sv;
	const struct imapd_config *cfg = sv->opt->cfg;
	unsigned nuser, npass;
	const char *proto = httpreq_header(req, "Auth-Protocol", NULL);
	const char *method = httpreq_header(req, "Auth-Method", NULL);
	const char *user = httpreq_header(req, "Auth-User", &nuser);
	const char *pass = httpreq_header(req, "Auth-Pass", &npass);
	const char *ip = httpreq_header(req, "Client-IP", NULL);
	if (strcmp(req->method, "GET") != 0) {
		answer_http_error(c, "not GET");
		return;
	}
	if (ip != NULL) {
		struct sockaddr_storage ss;
		socklen_t sl = 0;
		char tmp[LIMITS_PEER_MAX];
		snprintf(tmp, sizeof(tmp), strchr(ip, ':') != NULL ? "[%.60s]:0" : "%.60s:0", ip);
		if (limits_peer_parse(tmp, &ss, &sl)) {
			limits_host_of((struct sockaddr *)&ss, sl, c->host, tmp);
			snprintf(c->client, sizeof(c->client), "%s", c->host);
			if (ss.ss_family == AF_INET6)
				snprintf(c->client, sizeof(c->client), "%.60s", ip);
		}
	}
	if (proto == NULL || strcmp(proto, "imap") != 0) {
		answer(c, "This service serves IMAP only", NULL);
		return;
	}
	if (method == NULL || (strcmp(method, "plain") != 0 && strcmp(method, "login") != 0)) {
		answer(c, "Unsupported authentication method", NULL);
		return;
	}
	char u[MAX_USER + 1], pw[MAX_PASS + 1];
	if (nuser != 1 || npass != 1 || !httpreq_unescape(user, u, sizeof(u))
	    || !httpreq_unescape(pass, pw, sizeof(pw)) || u[0] == '\0') {
		answer_http_error(c, "Auth-User and Auth-Pass missing, repeated or malformed");
		return;
	}
	const char *why = NULL;
	if (c->host[0] != '\0' && !limits_conn_ok(sv->limits, cfg, c->host, time(NULL), &why)) {
		log_notice("login of %s from %s refused: %s", u, c->client, why);
		answer(c, why, NULL);
		return;
	}
	struct auth_sasl *a = auth_sasl_new(cfg, cfg->servername, -1);
	enum auth_result r = AUTH_ERROR;
	if (a != NULL) {
		auth_set_security(a, 0, true);
		r = auth_checkpass(a, u, pw);
	}
	explicit_bzero(pw, sizeof(pw));
	if (r != AUTH_OK) {
		log_notice("login failed: user=%s client=%s: %s", u, c->client,
			   a != NULL ? auth_errdetail(a) : "SASL unavailable");
		auth_sasl_free(&a);
		if (r == AUTH_FAIL && c->host[0] != '\0'
		    && limits_failure(sv->limits, cfg, c->host, time(NULL)))
			log_notice("%s: %u failed logins within %u s; refusing it for %u s", c->host,
				   cfg->login_max_ip_failures, cfg->login_failure_window,
				   cfg->login_failure_window);
		answer_wait(c, r == AUTH_FAIL ? "Invalid login or password"
			    : "Temporary authentication failure", cfg->failed_login_delay);
		return;
	}
	const char *canon = auth_user(a);
	snprintf(c->user, sizeof(c->user), "%s", canon != NULL ? canon : u);
	auth_sasl_free(&a);
	c->primary = -2;
	conn_continue(c);
}

static void on_deadline(void *ctx)
{
	struct hconn *c = ctx;
	log_notice("request from %s not done within %d s", c->client, REQUEST_DEADLINE_MS / 1000);
	conn_free(c);
}

static void on_conn(void *ctx, unsigned events)
{
	struct hconn *c = ctx;
	if (c->answered) {
		while (c->outpos < c->outlen) {
			ssize_t n = send(c->fd, c->out + c->outpos, c->outlen - c->outpos, MSG_NOSIGNAL);
			if (n < 0 && (errno == EAGAIN || errno == EINTR))
				return;
			if (n <= 0)
				break;
			c->outpos += (size_t)n;
		}
		conn_free(c);
		return;
	}
	if (c->wait_b >= 0) {
		/* Waiting for a probe: the request is all read. */
		io_set_events(c->io, 0);
		return;
	}
	ssize_t n = recv(c->fd, c->buf + c->len, HTTPREQ_MAX - c->len, 0);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		conn_free(c);
		return;
	}
	c->len += (size_t)n;
	struct httpreq req;
	size_t used;
	const char *why;
	switch (httpreq_parse(c->buf, c->len, &used, &req, &why)) {
	case HTTPREQ_MORE:
		return;
	case HTTPREQ_BAD:
		answer_http_error(c, why);
		return;
	case HTTPREQ_DONE:
		io_set_events(c->io, 0);
		conn_request(c, &req);
		return;
	}
	(void)events;
}

static void on_listen(void *ctx, unsigned events)
{
	struct svc *sv = ctx;
	(void)events;
	for (int k = 0; k < 64; k++) {
		if (sv->nconns >= sv->opt->max_clients) {
			/* The rest wait in the listen queue. */
			io_set_events(sv->lio, 0);
			return;
		}
		int fd = accept4(sv->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
				log_err("accept: %s", strerror(errno));
			return;
		}
		struct hconn *c = calloc(1, sizeof(*c));
		if (c == NULL) {
			close(fd);
			return;
		}
		*c = (struct hconn){ .sv = sv, .fd = fd, .wait_b = -1, .primary = -2,
				     .standby = -1 };
		snprintf(c->client, sizeof(c->client), "?");
		c->io = io_add(sv->loop, fd, IO_READ, on_conn, c);
		c->deadline = timer_add(sv->loop, REQUEST_DEADLINE_MS, on_deadline, c);
		c->next = sv->conns;
		if (sv->conns != NULL)
			sv->conns->prev = c;
		sv->conns = c;
		sv->nconns++;
		if (c->io == NULL || c->deadline == NULL)
			conn_free(c);
	}
}

static void on_signal(void *ctx, unsigned events)
{
	struct svc *sv = ctx;
	(void)events;
	struct signalfd_siginfo si;
	while (read(sv->sigfd, &si, sizeof(si)) == (ssize_t)sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			log_notice("SIGHUP: reloading %s", sv->opt->map_path);
			if (!load_map(sv))
				log_err("keeping the shard map in use");
		} else {
			sv->quit = true;
		}
	}
}

int authsvc_run(const struct authsvc_options *opt, int listen_fd)
{
	struct svc sv = { .opt = opt, .lfd = listen_fd, .sigfd = -1 };
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	sv.sigfd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
	sv.loop = ioloop_new();
	sv.limits = limits_new();
	if (sv.sigfd < 0 || sv.loop == NULL || sv.limits == NULL) {
		log_err("imapd-auth-http: %s", strerror(errno));
		return 1;
	}
	if (!load_map(&sv))
		return 1;
	sv.lio = io_add(sv.loop, listen_fd, IO_READ, on_listen, &sv);
	sv.sio = io_add(sv.loop, sv.sigfd, IO_READ, on_signal, &sv);
	if (sv.lio == NULL || sv.sio == NULL) {
		log_err("imapd-auth-http: %s", strerror(errno));
		return 1;
	}
	time_t last_expire = time(NULL);
	while (!sv.quit) {
		if (ioloop_run_once(sv.loop, 60000) < 0) {
			log_err("event loop: %s", strerror(errno));
			break;
		}
		time_t now = time(NULL);
		if (now - last_expire >= 60) {
			limits_expire(sv.limits, opt->cfg, now);
			last_expire = now;
		}
	}
	while (sv.conns != NULL)
		conn_free(sv.conns);
	for (size_t i = 0; i < sv.nbackends; i++) {
		io_remove(&sv.backends[i].io);
		timer_remove(&sv.backends[i].timer);
		if (sv.backends[i].fd >= 0)
			close(sv.backends[i].fd);
	}
	free(sv.backends);
	shardmap_free(&sv.map);
	limits_free(&sv.limits);
	io_remove(&sv.lio);
	io_remove(&sv.sio);
	ioloop_free(&sv.loop);
	close(sv.sigfd);
	log_notice("stopped");
	return 0;
}
