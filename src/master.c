/*
 * master.c - imapd-master (see man/imapd-master.8).
 *
 *   imapd-master [-C imapd.conf] [-M services-file] [-p pidfile] [-d]
 *
 * It stays root and never reads what a client sends.  It binds every
 * listener of the services file, sets up what all processes share (the
 * TLS context, Cyrus SASL) once, and runs three kinds of process:
 *
 *   itself (root)     accepts every connection, counts it per address
 *                     (server/limits.h) and gives it to a login process
 *                     over that process's SOCK_SEQPACKET socketpair;
 *   login processes   (login_user, no capabilities, Landlock; server/
 *                     login.h) hold many clients each until they log in,
 *                     then hand each back with who logged in;
 *   session processes forked from the master for each login: they take
 *                     on the user (per-user uid or mail_user, Landlock),
 *                     open the mail and serve the session to its end.
 *
 * Forking a session from this small process is cheap, so the login rate
 * is bounded by CPU; the spawn rate limit applies to login processes
 * only, which are long-lived: it stops a crash loop.  SIGTERM/SIGINT stop
 * everything (clients get BYE); SIGHUP re-reads both files, and the login
 * processes of before leave once their clients are gone.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "auth/loginprivs.h"
#include "net/tls.h"
#include "server/handoff.h"
#include "server/limits.h"
#include "server/login.h"
#include "server/serve.h"
#include "server/services.h"
#include "util/config.h"
#include "util/log.h"

#define MASTER_DEFAULT_SERVICES "/etc/imapd-master.conf"
#define SPAWNS_PER_SECOND 20     /* login processes, per service: a crash loop must not spin */
#define STOP_GRACE_SECONDS 10    /* then SIGKILL */
#define ACCEPTS_PER_ROUND 32     /* per listener, before looking at the rest */
#define PAIR_BUFFER (512 * 1024) /* socket buffer of a login process's pair */

/* A login process. */
struct lproc {
	pid_t pid;
	char svc[32];                /* its service's name */
	int sock;                    /* our end of its pair; -1 once it hung up */
	unsigned nconns;             /* clients it holds: pre-login, and TLS it relays */
	unsigned given;              /* connections given so far (-U) */
	bool retiring;               /* takes nothing new, leaves when empty */
	time_t idle_since;           /* nconns == 0 since then (-T); 0 when busy */
};

/* A connection held by a login process, not logged in yet. */
struct mconn {
	uint32_t id;
	pid_t lp;
	char host[LIMITS_HOST_MAX];  /* the address it counts against */
	char peer[LIMITS_PEER_MAX];
};

/* A session process. */
struct msess {
	pid_t pid;
	char svc[32];
	pid_t relay_lp;              /* the login process relaying its TLS, or 0 */
	bool ended;                  /* said so on ended_pipe: counts no more */
	char *user;
	char host[LIMITS_HOST_MAX];
};

static struct service services[SERVICES_MAX];
static struct lproc *lprocs;
static size_t nlprocs, caplprocs;
static struct mconn *conns;
static size_t nconns, capconns;
static struct msess *sessions;
static size_t nsessions, capsessions;
static uint32_t next_id = 1;
static struct limits *limits;
static unsigned char *msgbuf;        /* one packet from a login process */
static struct imapd_config cfg;
static struct login_account login_acct;
static const char *config_path = IMAPD_DEFAULT_CONFIG;
static bool config_given;
static const char *services_path = MASTER_DEFAULT_SERVICES;
static bool services_given;
static int sig_pipe[2] = { -1, -1 };
/* Session processes write their pid here before their client's socket
 * closes, so that a client logging in again at once is not counted
 * against itself (SIGCHLD comes later). */
static int ended_pipe[2] = { -1, -1 };
static volatile sig_atomic_t got_term, got_hup, got_chld;

static void on_signal(int sig)
{
	int e = errno;
	if (sig == SIGTERM || sig == SIGINT)
		got_term = 1;
	else if (sig == SIGHUP)
		got_hup = 1;
	else if (sig == SIGCHLD)
		got_chld = 1;
	char c = (char)sig;
	if (write(sig_pipe[1], &c, 1) < 0) {
		/* the pipe is full: a wake-up is pending anyway */
	}
	errno = e;
}

static void usage(void)
{
	fprintf(stderr, "usage: imapd-master [-C imapd.conf] [-M services-file] [-p pidfile] [-d]\n");
	exit(64);
}

static void report(const char *msg)
{
	log_warn("%s", msg);
}

/* Grow an array of n elements of size sz to hold one more. */
static bool grow(void **arr, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return true;
	size_t ncap = *cap == 0 ? 16 : *cap * 2;
	void *p = realloc(*arr, ncap * sz);
	if (p == NULL)
		return false;
	*arr = p;
	*cap = ncap;
	return true;
}

static struct service *service_named(const char *name)
{
	for (int i = 0; i < SERVICES_MAX; i++)
		if (services[i].in_use && strcmp(services[i].name, name) == 0)
			return &services[i];
	return NULL;
}

static struct lproc *lproc_of(pid_t pid)
{
	for (size_t i = 0; i < nlprocs; i++)
		if (lprocs[i].pid == pid)
			return &lprocs[i];
	return NULL;
}

static unsigned active_lprocs(const struct service *svc)
{
	unsigned n = 0;
	for (size_t i = 0; i < nlprocs; i++)
		n += !lprocs[i].retiring && strcmp(lprocs[i].svc, svc->name) == 0;
	return n;
}

static unsigned sessions_of(const struct service *svc)
{
	unsigned n = 0;
	for (size_t i = 0; i < nsessions; i++)
		n += !sessions[i].ended && strcmp(sessions[i].svc, svc->name) == 0;
	return n;
}

/* ---- children ------------------------------------------------------------------ */

/* In a new child: the master's signal handling and descriptors go. */
static void child_reset(int keep)
{
	/* Signals are blocked across fork: drop the master's handlers
	 * before letting them in, so that a SIGTERM sent to the whole tree
	 * ends this child too. */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	close(ended_pipe[0]);
	for (int i = 0; i < SERVICES_MAX; i++)
		if (services[i].fd >= 0)
			close(services[i].fd);
	for (size_t i = 0; i < nlprocs; i++)
		if (lprocs[i].sock >= 0 && lprocs[i].sock != keep)
			close(lprocs[i].sock);
}

/* Fork with every signal blocked (the child resets them); the parent
 * gets the pid or -1. */
static pid_t fork_child(void)
{
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid_t pid = fork();
	if (pid != 0)
		sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid < 0)
		log_err("fork: %s", strerror(errno));
	return pid;
}

/* The login process's life: never returns. */
static void login_main(struct service *svc, int sock)
{
	child_reset(sock);
	close(ended_pipe[1]);
	log_open("imapd-login");
	prctl(PR_SET_NAME, "imapd-login", 0, 0, 0);  /* what ps shows */
	if (!loginprivs_drop(&cfg, &login_acct, svc->client_limit * 2 + 64)) {
		log_err("cannot drop privileges to %s; the login process ends", login_acct.name);
		_exit(1);
	}
	struct serve_options opt = svc->opt;
	opt.cfg = &cfg;
	_exit(login_run(&opt, sock));
}

/* Start a login process for svc; NULL when throttled or failed. */
static struct lproc *spawn_login(struct service *svc)
{
	time_t now = time(NULL);
	if (now != svc->spawn_second) {
		svc->spawn_second = now;
		svc->spawns = 0;
	}
	if (svc->spawns >= SPAWNS_PER_SECOND)
		return NULL;  /* tried again on the next tick */
	svc->spawns++;
	if (!grow((void **)&lprocs, nlprocs, &caplprocs, sizeof(*lprocs)))
		return NULL;
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
		log_err("socketpair: %s", strerror(errno));
		return NULL;
	}
	/* A login hands over its input with it (HANDOFF_MAX_PACKET). */
	int size = PAIR_BUFFER;
	setsockopt(sv[0], SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size));
	setsockopt(sv[1], SOL_SOCKET, SO_SNDBUFFORCE, &size, sizeof(size));
	pid_t pid = fork_child();
	if (pid == 0) {
		close(sv[0]);
		login_main(svc, sv[1]);
	}
	close(sv[1]);
	if (pid < 0) {
		close(sv[0]);
		return NULL;
	}
	fcntl(sv[0], F_SETFL, O_NONBLOCK);
	struct lproc *lp = &lprocs[nlprocs++];
	memset(lp, 0, sizeof(*lp));
	lp->pid = pid;
	lp->sock = sv[0];
	snprintf(lp->svc, sizeof(lp->svc), "%s", svc->name);
	return lp;
}

static void retire(struct lproc *lp)
{
	if (lp->retiring)
		return;
	lp->retiring = true;
	struct handoff m = { .type = HO_RETIRE };
	if (lp->sock >= 0)
		(void)handoff_send(lp->sock, &m, -1);
}

/* Keep `prefork` login processes per service; returns true when one is
 * wanted now but the spawn rate limit said no. */
static bool top_up(void)
{
	bool throttled = false;
	for (int i = 0; i < SERVICES_MAX; i++) {
		struct service *svc = &services[i];
		if (!svc->in_use)
			continue;
		while (active_lprocs(svc) < svc->prefork) {
			if (spawn_login(svc) == NULL) {
				throttled = true;
				break;
			}
		}
	}
	return throttled;
}

/* The login process of svc with the most room, started if none has any
 * and the service may have another; NULL when there is no room now. */
static struct lproc *pick_lproc(struct service *svc, bool may_spawn)
{
	struct lproc *best = NULL;
	for (size_t i = 0; i < nlprocs; i++) {
		struct lproc *lp = &lprocs[i];
		if (lp->retiring || lp->sock < 0 || strcmp(lp->svc, svc->name) != 0
		    || lp->nconns >= svc->client_limit)
			continue;
		if (best == NULL || lp->nconns < best->nconns)
			best = lp;
	}
	if (best == NULL && may_spawn && active_lprocs(svc) < SERVICES_MAX_LOGIN_PROCESSES)
		best = spawn_login(svc);
	return best;
}

/* Whether svc has a login process with room, or may start one now. */
static bool can_take(struct service *svc, time_t now)
{
	if (pick_lproc(svc, false) != NULL)
		return true;
	return active_lprocs(svc) < SERVICES_MAX_LOGIN_PROCESSES
		&& (svc->spawn_second != now || svc->spawns < SPAWNS_PER_SECOND);
}

/* ---- connections ------------------------------------------------------------------ */

static struct mconn *conn_find(uint32_t id, pid_t lp)
{
	for (size_t i = 0; i < nconns; i++)
		if (conns[i].id == id && conns[i].lp == lp)
			return &conns[i];
	return NULL;
}

/* The connection stops counting as not logged in. */
static void conn_forget(struct mconn *c)
{
	limits_conn_del(limits, c->host);
	*c = conns[--nconns];
}

/* Refuse a client before any login process sees it: one line, no wait. */
static void refuse(int fd, const char *peer, const char *why)
{
	char line[256];
	int n = snprintf(line, sizeof(line), "* BYE %s\r\n", why);
	if (write(fd, line, (size_t)n) < 0) {
		/* the client is gone or not reading: nothing more to do */
	}
	log_notice("refused %s: %s", peer, why);
}

static void accept_on(struct service *svc)
{
	for (int k = 0; k < ACCEPTS_PER_ROUND; k++) {
		/* Without a login process to take it, the client waits in the
		 * listen queue. */
		struct lproc *lp = pick_lproc(svc, true);
		if (lp == NULL)
			return;
		pid_t lp_pid = lp->pid;
		struct sockaddr_storage ss;
		socklen_t sl = sizeof(ss);
		int fd = accept4(svc->fd, (struct sockaddr *)&ss, &sl, SOCK_NONBLOCK | SOCK_CLOEXEC);
		if (fd < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR
			    && errno != ECONNABORTED && errno != EPROTO)
				log_err("accept on %s: %s", svc->name, strerror(errno));
			return;
		}
		lp = lproc_of(lp_pid);
		char host[LIMITS_HOST_MAX], peer[LIMITS_PEER_MAX];
		limits_host_of((struct sockaddr *)&ss, sl, host, peer);
		const char *why = NULL;
		if (lp == NULL || !limits_conn_ok(limits, &cfg, host, time(NULL), &why)
		    || !grow((void **)&conns, nconns, &capconns, sizeof(*conns))) {
			refuse(fd, peer, why != NULL ? why : "Server busy, try again later");
			close(fd);
			continue;
		}
		uint32_t id = next_id++;
		if (next_id == 0)
			next_id = 1;
		struct handoff m = { .type = HO_CONN, .id = id };
		if (!handoff_send(lp->sock, &m, fd)) {
			log_err("giving a connection to login process %ld: %s", (long)lp->pid,
				strerror(errno));
			refuse(fd, peer, "Server busy, try again later");
			close(fd);
			continue;
		}
		close(fd);
		struct mconn *c = &conns[nconns++];
		c->id = id;
		c->lp = lp->pid;
		snprintf(c->host, sizeof(c->host), "%s", host);
		snprintf(c->peer, sizeof(c->peer), "%s", peer);
		limits_conn_add(limits, host);
		lp->nconns++;
		lp->idle_since = 0;
		lp->given++;
		if (svc->opt.uses != 0 && lp->given >= svc->opt.uses)
			retire(lp);
	}
}

/* ---- logins ------------------------------------------------------------------------ */

static void reply(struct lproc *lp, enum handoff_type type, uint32_t id, const char *text)
{
	struct handoff m = { .type = type, .id = id, .text = text };
	if (lp->sock >= 0 && !handoff_send(lp->sock, &m, -1))
		log_err("answering login process %ld: %s", (long)lp->pid, strerror(errno));
}

/* The session process's life: never returns. */
static void session_main(struct service *svc, int fd, const struct handoff *h, const char *peer)
{
	child_reset(-1);
	log_open("imapd");
	prctl(PR_SET_NAME, "imapd", 0, 0, 0);
	struct serve_options opt = svc->opt;
	opt.cfg = &cfg;
	serve_handed(&opt, fd, h, peer);
	int32_t me = (int32_t)getpid();
	if (write(ended_pipe[1], &me, sizeof(me)) < 0) {
		/* the master is gone: nobody counts any more */
	}
	_exit(0);  /* closes the client's socket */
}

/* A client logged in: start its session process, or say why not. */
static void on_login(struct lproc *lp, const struct handoff *h, int fd)
{
	struct mconn *c = conn_find(h->id, lp->pid);
	struct service *svc = service_named(lp->svc);
	const char *why = NULL;
	if (c == NULL || fd < 0) {
		log_err("login process %ld handed over an unknown connection %u", (long)lp->pid,
			h->id);
		if (fd >= 0)
			close(fd);
		reply(lp, HO_LOGIN_NO, h->id, "Server error");
		return;
	}
	if (svc == NULL)
		why = "Server shutting down";
	else if (sessions_of(svc) >= svc->maxchild)
		why = "Too many sessions on this server, try again later";
	else if (!limits_session_ok(limits, &cfg, h->user, c->host, &why))
		;
	else if (!grow((void **)&sessions, nsessions, &capsessions, sizeof(*sessions)))
		why = "Server busy, try again later";
	if (why != NULL) {
		log_notice("login of %s from %s refused: %s", h->user, c->peer, why);
		close(fd);
		reply(lp, HO_LOGIN_NO, h->id, why);
		return;
	}
	char *user = strdup(h->user);
	pid_t pid = user != NULL ? fork_child() : -1;
	if (pid == 0)
		session_main(svc, fd, h, c->peer);
	close(fd);
	if (pid < 0) {
		free(user);
		reply(lp, HO_LOGIN_NO, h->id, "Server busy, try again later");
		return;
	}
	struct msess *s = &sessions[nsessions++];
	memset(s, 0, sizeof(*s));
	s->pid = pid;
	s->user = user;
	snprintf(s->svc, sizeof(s->svc), "%s", svc->name);
	snprintf(s->host, sizeof(s->host), "%s", c->host);
	limits_session_add(limits, user, c->host);
	if (h->tls[0] != '\0')
		s->relay_lp = lp->pid;   /* it keeps holding the client */
	else if (lp->nconns > 0)
		lp->nconns--;
	conn_forget(c);
	reply(lp, HO_LOGIN_OK, h->id, NULL);
}

/* A failed login: past login_max_ip_failures the address's waiting
 * connections are ended and new ones refused. */
static void on_failed(struct lproc *lp, uint32_t id)
{
	struct mconn *c = conn_find(id, lp->pid);
	if (c == NULL)
		return;
	char host[LIMITS_HOST_MAX];
	snprintf(host, sizeof(host), "%s", c->host);
	if (!limits_failure(limits, &cfg, host, time(NULL)))
		return;
	log_notice("%s: %u failed logins within %u s; refusing it for %u s", host,
		   cfg.login_max_ip_failures, cfg.login_failure_window, cfg.login_failure_window);
	for (size_t i = 0; i < nconns; i++) {
		if (strcmp(conns[i].host, host) != 0)
			continue;
		struct lproc *owner = lproc_of(conns[i].lp);
		if (owner != NULL)
			reply(owner, HO_KICK, conns[i].id, NULL);
	}
}

static void on_lproc_message(struct lproc *lp, const struct handoff *m, int fd)
{
	switch (m->type) {
	case HO_CLOSED: {
		struct mconn *c = conn_find(m->id, lp->pid);
		if (c != NULL) {
			conn_forget(c);
			if (lp->nconns > 0)
				lp->nconns--;
		}
		break;
	}
	case HO_FAILED:
		on_failed(lp, m->id);
		break;
	case HO_LOGIN:
		on_login(lp, m, fd);
		return;
	default:
		log_err("login process %ld sent message type %d", (long)lp->pid, (int)m->type);
		break;
	}
	if (fd >= 0)
		close(fd);
}

static void read_lproc(pid_t pid)
{
	for (int k = 0; k < 64; k++) {
		/* Looked up each time: a login may grow or reorder lprocs. */
		struct lproc *lp = lproc_of(pid);
		if (lp == NULL || lp->sock < 0)
			return;
		struct handoff m;
		int fd;
		int r = handoff_recv(lp->sock, &m, msgbuf, &fd);
		if (r > 0) {
			on_lproc_message(lp, &m, fd);
			continue;
		}
		if (r < 0 && errno == EAGAIN)
			return;
		if (r < 0 && errno == EPROTO) {
			log_err("malformed message from login process %ld", (long)lp->pid);
			continue;
		}
		/* It hung up: it is exiting; reap() cleans up. */
		close(lp->sock);
		lp->sock = -1;
		return;
	}
}

/* ---- exits ------------------------------------------------------------------------- */

static void lproc_gone(struct lproc *lp, int status)
{
	if (WIFSIGNALED(status))
		log_err("login process %ld killed by signal %d", (long)lp->pid, WTERMSIG(status));
	else if (WEXITSTATUS(status) != 0)
		log_warn("login process %ld exited with status %d", (long)lp->pid,
			 WEXITSTATUS(status));
	for (size_t i = 0; i < nconns;) {
		if (conns[i].lp == lp->pid)
			conn_forget(&conns[i]);
		else
			i++;
	}
	for (size_t i = 0; i < nsessions; i++)
		if (sessions[i].relay_lp == lp->pid)
			sessions[i].relay_lp = 0;
	if (lp->sock >= 0)
		close(lp->sock);
	*lp = lprocs[--nlprocs];
}

/* The session stops counting against its user and address. */
static void session_ended(struct msess *s)
{
	if (s->ended)
		return;
	s->ended = true;
	limits_session_del(limits, s->user, s->host);
}

static void session_gone(size_t i, int status)
{
	struct msess *s = &sessions[i];
	if (WIFSIGNALED(status))
		log_err("session %ld of %s killed by signal %d", (long)s->pid, s->user,
			WTERMSIG(status));
	session_ended(s);
	struct lproc *lp = s->relay_lp != 0 ? lproc_of(s->relay_lp) : NULL;
	if (lp != NULL && lp->nconns > 0)
		lp->nconns--;
	free(s->user);
	*s = sessions[--nsessions];
}

static void read_ended(void)
{
	int32_t pids[256];
	ssize_t n;
	while ((n = read(ended_pipe[0], pids, sizeof(pids))) > 0) {
		for (size_t k = 0; k < (size_t)n / sizeof(pids[0]); k++)
			for (size_t i = 0; i < nsessions; i++)
				if (sessions[i].pid == (pid_t)pids[k]) {
					session_ended(&sessions[i]);
					break;
				}
	}
}

static void reap(void)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		struct lproc *lp = lproc_of(pid);
		if (lp != NULL) {
			lproc_gone(lp, status);
			continue;
		}
		for (size_t i = 0; i < nsessions; i++)
			if (sessions[i].pid == pid) {
				session_gone(i, status);
				break;
			}
	}
}

/* -T: a login process without clients that long is replaced (a fresh
 * process); returns the milliseconds until the next one is due, or -1. */
static int idle_check(time_t now)
{
	int wait = -1;
	for (size_t i = 0; i < nlprocs; i++) {
		struct lproc *lp = &lprocs[i];
		struct service *svc = service_named(lp->svc);
		if (lp->retiring || svc == NULL || svc->opt.idle_timeout == 0)
			continue;
		if (lp->nconns > 0) {
			lp->idle_since = 0;
			continue;
		}
		if (lp->idle_since == 0)
			lp->idle_since = now;
		time_t due = lp->idle_since + (time_t)svc->opt.idle_timeout;
		if (now >= due) {
			log_debug("login process %ld idle for %u s; replacing it", (long)lp->pid,
				  svc->opt.idle_timeout);
			retire(lp);
			continue;
		}
		int ms = (int)(due - now) * 1000;
		if (wait < 0 || ms < wait)
			wait = ms;
	}
	return wait;
}

/* ---- start, reload, stop ----------------------------------------------------------- */

static bool load_config(struct imapd_config *c)
{
	int errors = config_load(c, config_path, config_given, report);
	if (errors < 0)
		return false;
	if (errors > 0)
		log_warn("%s: %d error(s); the lines in error are ignored", config_path, errors);
	return true;
}

/* Bring the services of `fresh` (n entries) into effect: keep the socket
 * of a service whose name and address are unchanged, bind new ones,
 * close the rest.  Returns the number of services in use. */
static int apply_services(struct service *fresh, int n)
{
	struct service old[SERVICES_MAX];
	memcpy(old, services, sizeof(old));
	bool kept[SERVICES_MAX] = { false };
	int used = 0;
	for (int i = 0; i < n; i++) {
		struct service *f = &fresh[i];
		f->fd = -1;
		f->in_use = false;
		for (int j = 0; j < SERVICES_MAX; j++) {
			if (old[j].in_use && !kept[j] && strcmp(old[j].name, f->name) == 0
			    && strcmp(old[j].listen, f->listen) == 0) {
				f->fd = old[j].fd;
				kept[j] = true;
				break;
			}
		}
		if (f->opt.implicit_tls && !tls_available()) {
			log_err("service %s: -s needs tls_server_cert and tls_server_key in %s; "
				"not started", f->name, config_path);
			if (f->fd >= 0) {
				close(f->fd);
				f->fd = -1;
			}
			continue;
		}
		if (f->fd < 0)
			f->fd = services_bind(f->listen);
		if (f->fd < 0) {
			log_err("service %s: cannot listen on %s; not started", f->name, f->listen);
			continue;
		}
		f->in_use = true;
		log_notice("service %s listening on %s (login processes %u, client_limit %u, "
			   "maxchild %u%s%s)", f->name, f->listen, f->prefork, f->client_limit,
			   f->maxchild, f->args[0] ? ", args " : "", f->args);
		used++;
	}
	for (int j = 0; j < SERVICES_MAX; j++)
		if (old[j].in_use && !kept[j] && old[j].fd >= 0)
			close(old[j].fd);
	memset(services, 0, sizeof(services));
	int k = 0;
	for (int i = 0; i < n && k < SERVICES_MAX; i++)
		if (fresh[i].in_use)
			services[k++] = fresh[i];
	for (int i = k; i < SERVICES_MAX; i++)
		services[i].fd = -1;
	return used;
}

static void reload(void)
{
	log_notice("SIGHUP: reloading %s and %s", config_path, services_path);
	struct imapd_config fresh_cfg;
	if (!load_config(&fresh_cfg)) {
		log_err("cannot read %s; keeping the running configuration", config_path);
		return;
	}
	struct login_account acct;
	const char *why = NULL;
	if (!loginprivs_resolve(&fresh_cfg, &acct, &why)) {
		log_err("%s: %s; keeping the running configuration", config_path, why);
		config_free(&fresh_cfg);
		return;
	}
	struct service fresh[SERVICES_MAX];
	int n = services_read(services_path, fresh, services_given);
	if (n < 0) {
		log_err("cannot use %s; keeping the running configuration", services_path);
		config_free(&fresh_cfg);
		return;
	}
	config_free(&cfg);
	cfg = fresh_cfg;
	login_acct = acct;
	auth_set_config(&cfg);
	serve_setup(&cfg, true);
	apply_services(fresh, n);
	/* Login processes of before finish their clients and leave; new
	 * ones start with the new settings. */
	for (size_t i = 0; i < nlprocs; i++)
		retire(&lprocs[i]);
}

static void stop_all(void)
{
	log_notice("stopping: telling %zu login and %zu session processes to end", nlprocs,
		   nsessions);
	for (int i = 0; i < SERVICES_MAX; i++)
		if (services[i].in_use && services[i].fd >= 0) {
			close(services[i].fd);
			services[i].fd = -1;
		}
	for (size_t i = 0; i < nsessions; i++)
		kill(sessions[i].pid, SIGTERM);
	for (size_t i = 0; i < nlprocs; i++)
		kill(lprocs[i].pid, SIGTERM);
	time_t deadline = time(NULL) + STOP_GRACE_SECONDS;
	while (nlprocs > 0 || nsessions > 0) {
		reap();
		if (nlprocs == 0 && nsessions == 0)
			break;
		if (time(NULL) >= deadline) {
			for (size_t i = 0; i < nsessions; i++) {
				log_warn("session %ld did not stop; killing it", (long)sessions[i].pid);
				kill(sessions[i].pid, SIGKILL);
			}
			for (size_t i = 0; i < nlprocs; i++) {
				log_warn("login process %ld did not stop; killing it", (long)lprocs[i].pid);
				kill(lprocs[i].pid, SIGKILL);
			}
			deadline = time(NULL) + 60;
		}
		/* Messages are not read any more: a login process blocked on
		 * a full pair must not wait for us. */
		for (size_t i = 0; i < nlprocs; i++)
			if (lprocs[i].sock >= 0) {
				close(lprocs[i].sock);
				lprocs[i].sock = -1;
			}
		struct pollfd p = { .fd = sig_pipe[0], .events = POLLIN };
		poll(&p, 1, 100);
		char buf[64];
		while (read(sig_pipe[0], buf, sizeof(buf)) > 0) {
		}
	}
}

static void daemonize(void)
{
	pid_t pid = fork();
	if (pid < 0)
		log_fatal("fork: %s", strerror(errno));
	if (pid > 0)
		_exit(0);
	setsid();
	int fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
}

/* One round: wait for signals, clients and login processes' messages. */
static void serve_round(void)
{
	if (got_hup) {
		got_hup = 0;
		reload();
	}
	if (got_chld) {
		got_chld = 0;
		reap();
	}
	time_t now = time(NULL);
	static time_t last_expire;
	if (now - last_expire >= 60) {
		limits_expire(limits, &cfg, now);
		last_expire = now;
	}
	bool throttled = top_up();
	int wait = idle_check(now);
	if (throttled && (wait < 0 || wait > 1000))
		wait = 1000;

	size_t cap = 2 + SERVICES_MAX + nlprocs;
	struct pollfd *p = calloc(cap, sizeof(*p));
	pid_t *who = calloc(cap, sizeof(*who));
	struct service **which = calloc(cap, sizeof(*which));
	if (p == NULL || who == NULL || which == NULL) {
		free(p);
		free(who);
		free(which);
		poll(NULL, 0, 100);
		return;
	}
	size_t np = 0;
	p[np].fd = sig_pipe[0];
	p[np++].events = POLLIN;
	p[np].fd = ended_pipe[0];
	p[np++].events = POLLIN;
	for (int i = 0; i < SERVICES_MAX; i++) {
		struct service *svc = &services[i];
		/* Clients wait in the listen queue while no login process
		 * has room and none may start. */
		if (svc->in_use && svc->fd >= 0 && can_take(svc, now)) {
			which[np] = svc;
			p[np].fd = svc->fd;
			p[np++].events = POLLIN;
		}
	}
	for (size_t i = 0; i < nlprocs; i++)
		if (lprocs[i].sock >= 0) {
			who[np] = lprocs[i].pid;
			p[np].fd = lprocs[i].sock;
			p[np++].events = POLLIN;
		}
	int r = poll(p, (nfds_t)np, wait);
	if (r < 0 && errno != EINTR)
		log_err("poll: %s", strerror(errno));
	if (r > 0) {
		if (p[0].revents) {
			char buf[64];
			while (read(sig_pipe[0], buf, sizeof(buf)) > 0) {
			}
		}
		/* Sessions that ended first: a client that logged out and
		 * logs in again must not count twice. */
		read_ended();
		if (got_chld) {
			got_chld = 0;
			reap();
		}
		/* Hand-offs next: they free room for the new clients. */
		for (size_t i = 2; i < np; i++)
			if (who[i] != 0 && p[i].revents)
				read_lproc(who[i]);
		for (size_t i = 2; i < np; i++)
			if (which[i] != NULL && (p[i].revents & POLLIN) && which[i]->in_use)
				accept_on(which[i]);
	}
	free(p);
	free(who);
	free(which);
}

int main(int argc, char **argv)
{
	const char *pidfile = NULL;
	bool detach = false;
	int c;
	while ((c = getopt(argc, argv, "C:M:p:d")) != -1) {
		switch (c) {
		case 'C': config_path = optarg; config_given = true; break;
		case 'M': services_path = optarg; services_given = true; break;
		case 'p': pidfile = optarg; break;
		case 'd': detach = true; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	log_open("imapd-master");
	log_to_stderr(!detach);
	if (!load_config(&cfg))
		log_fatal("cannot read configuration file %s", config_path);
	const char *why = NULL;
	if (!loginprivs_resolve(&cfg, &login_acct, &why))
		log_fatal("%s: %s", config_path, why);
	struct service fresh[SERVICES_MAX];
	int n = services_read(services_path, fresh, services_given);
	if (n < 0)
		log_fatal("cannot use services file %s", services_path);
	limits = limits_new();
	msgbuf = malloc(HANDOFF_MAX_PACKET);
	if (limits == NULL || msgbuf == NULL)
		log_fatal("out of memory");

	/* Shared by every child: set up once, before the first fork. */
	serve_setup(&cfg, true);

	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0
	    || pipe2(ended_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		log_fatal("pipe: %s", strerror(errno));
	for (int i = 0; i < SERVICES_MAX; i++)
		services[i].fd = -1;
	if (apply_services(fresh, n) == 0)
		log_fatal("no service could be started");
	log_notice("login processes run as %s (uid %ld)", login_acct.name, (long)login_acct.uid);
	log_to_stderr(false);
	if (detach)
		daemonize();
	if (pidfile != NULL) {
		FILE *pf = fopen(pidfile, "we");
		if (pf != NULL) {
			fprintf(pf, "%ld\n", (long)getpid());
			fclose(pf);
		} else {
			log_err("%s: %s", pidfile, strerror(errno));
		}
	}

	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	log_notice("started (pid %ld)", (long)getpid());

	while (!got_term)
		serve_round();
	stop_all();
	if (pidfile != NULL)
		unlink(pidfile);
	log_notice("stopped");
	limits_free(&limits);
	free(msgbuf);
	config_free(&cfg);
	return 0;
}
