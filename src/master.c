/*
 * master.c - imapd-master, the prefork master (see man/imapd-master.8).
 *
 *   imapd-master [-C imapd.conf] [-M services-file] [-p pidfile] [-d]
 *
 * It binds every listener of the services file, sets up what all
 * connections share (the TLS context, Cyrus SASL) once, then forks
 * children that run imapd's accept loop (serve_listener) on the shared
 * socket.  Children tell it over one status pipe when they take a
 * connection and when they are free again, so it keeps `prefork` idle
 * children ready, never more than `maxchild` per service, and replaces
 * children that leave after -U uses, -T idle seconds or a login (a
 * process that switched to a user serves nobody else).  It never reads
 * or writes IMAP itself.  SIGTERM/SIGINT stop it and its children;
 * SIGHUP re-reads both files.
 */
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth.h"
#include "net/tls.h"
#include "server/serve.h"
#include "util/config.h"
#include "util/log.h"

#define MASTER_DEFAULT_SERVICES "/etc/imapd-master.conf"
#define MAX_SERVICES 32
#define MAX_ARGS 32
#define SPAWNS_PER_SECOND 20     /* per service: a crash loop must not spin */
#define STOP_GRACE_SECONDS 10    /* then SIGKILL */

struct service {
	char name[32];
	char listen[160];            /* [address:]port */
	char args[256];              /* imapd options: -U -T -s -p */
	unsigned prefork;            /* idle children kept ready */
	unsigned maxchild;           /* cap on this service's children */
	struct serve_options opt;
	int fd;                      /* the listening socket */
	unsigned nchildren;          /* alive, this generation or older */
	unsigned nidle;              /* alive, current generation, idle */
	time_t spawn_second;
	unsigned spawns;             /* in spawn_second */
	bool in_use;
};

struct child {
	pid_t pid;
	struct service *svc;
	bool busy;
	bool retiring;               /* from before a reload: not counted idle */
};

static struct service services[MAX_SERVICES];
static struct child *children;
static size_t nchildren_cap;
static struct imapd_config cfg;
static const char *config_path = IMAPD_DEFAULT_CONFIG;
static bool config_given;
static const char *services_path = MASTER_DEFAULT_SERVICES;
static bool services_given;
static int status_pipe[2] = { -1, -1 };
static int sig_pipe[2] = { -1, -1 };
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

/* ---- the services file -------------------------------------------------- */

/* Split "key=value" words, with "double quotes" around values that hold
 * spaces.  Returns the next word in *word_r (NUL-terminated in place). */
static char *next_word(char **p)
{
	char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0' || *s == '#')
		return NULL;
	char *start = s, *out = s;
	bool quoted = false;
	while (*s != '\0' && (quoted || (*s != ' ' && *s != '\t'))) {
		if (*s == '"')
			quoted = !quoted;
		else
			*out++ = *s;
		s++;
	}
	if (*s != '\0')
		s++;
	*out = '\0';
	*p = s;
	return start;
}

static bool parse_uint_word(const char *v, unsigned *out)
{
	char *end;
	errno = 0;
	unsigned long n = strtoul(v, &end, 10);
	if (errno != 0 || *v == '\0' || *end != '\0' || n > 100000)
		return false;
	*out = (unsigned)n;
	return true;
}

/* Parse a service's imapd arguments into svc->opt. */
static bool service_args(struct service *svc, char *err, size_t errlen)
{
	char buf[sizeof(svc->args)];
	snprintf(buf, sizeof(buf), "%s", svc->args);
	char *argv[MAX_ARGS + 2];
	int argc = 0;
	argv[argc++] = "imapd";
	char *p = buf, *w;
	while ((w = next_word(&p)) != NULL && argc < MAX_ARGS)
		argv[argc++] = w;
	argv[argc] = NULL;
	memset(&svc->opt, 0, sizeof(svc->opt));
	svc->opt.uses = SERVE_DEFAULT_USES;
	svc->opt.idle_timeout = SERVE_DEFAULT_IDLE;
	svc->opt.status_fd = -1;
	return serve_parse_args(argc, argv, &svc->opt, NULL, NULL, err, errlen);
}

/*
 * Read the services file into out[]; returns the number of services or
 * -1.  Each line: NAME listen=[ADDR:]PORT [prefork=N] [maxchild=N]
 * [args="IMAPD OPTIONS"]; "#" starts a comment.
 */
static int read_services(const char *path, struct service *out, bool must_exist)
{
	FILE *f = fopen(path, "re");
	if (f == NULL) {
		if (must_exist || errno != ENOENT) {
			log_err("%s: %s", path, strerror(errno));
			return -1;
		}
		/* Built in: IMAP on 143, IMAPS on 993 (when TLS is set up). */
		log_notice("%s not found: serving imap on 143 and imaps on 993", path);
		memset(out, 0, 2 * sizeof(*out));
		snprintf(out[0].name, sizeof(out[0].name), "imap");
		snprintf(out[0].listen, sizeof(out[0].listen), "143");
		snprintf(out[1].name, sizeof(out[1].name), "imaps");
		snprintf(out[1].listen, sizeof(out[1].listen), "993");
		snprintf(out[1].args, sizeof(out[1].args), "-s");
		for (int i = 0; i < 2; i++) {
			out[i].prefork = 1;
			out[i].maxchild = 100;
			char err[128];
			service_args(&out[i], err, sizeof(err));
		}
		return 2;
	}
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	int n = 0, errors = 0;
	while (getline(&line, &cap, f) >= 0) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		char *p = line;
		char *name = next_word(&p);
		if (name == NULL)
			continue;
		if (n == MAX_SERVICES) {
			log_err("%s:%u: more than %d services", path, lineno, MAX_SERVICES);
			errors++;
			break;
		}
		struct service *svc = &out[n];
		memset(svc, 0, sizeof(*svc));
		svc->prefork = 1;
		svc->maxchild = 100;
		if (strlen(name) >= sizeof(svc->name) || strchr(name, '=') != NULL) {
			log_err("%s:%u: bad service name \"%s\"", path, lineno, name);
			errors++;
			continue;
		}
		snprintf(svc->name, sizeof(svc->name), "%s", name);
		bool bad = false;
		char *w;
		while ((w = next_word(&p)) != NULL) {
			char *eq = strchr(w, '=');
			if (eq == NULL) {
				log_err("%s:%u: expected key=value, got \"%s\"", path, lineno, w);
				bad = true;
				continue;
			}
			*eq = '\0';
			const char *v = eq + 1;
			if (strcmp(w, "listen") == 0 && strlen(v) < sizeof(svc->listen))
				snprintf(svc->listen, sizeof(svc->listen), "%s", v);
			else if (strcmp(w, "args") == 0 && strlen(v) < sizeof(svc->args))
				snprintf(svc->args, sizeof(svc->args), "%s", v);
			else if (strcmp(w, "prefork") == 0 && parse_uint_word(v, &svc->prefork))
				;
			else if (strcmp(w, "maxchild") == 0 && parse_uint_word(v, &svc->maxchild)
				 && svc->maxchild > 0)
				;
			else {
				log_err("%s:%u: bad or unknown setting %s=%s", path, lineno, w, v);
				bad = true;
			}
		}
		char err[200];
		if (svc->listen[0] == '\0') {
			log_err("%s:%u: service %s has no listen=", path, lineno, svc->name);
			bad = true;
		} else if (!service_args(svc, err, sizeof(err))) {
			log_err("%s:%u: args: %s", path, lineno, err);
			bad = true;
		}
		if (svc->prefork > svc->maxchild)
			svc->prefork = svc->maxchild;
		if (bad)
			errors++;
		else
			n++;
	}
	free(line);
	fclose(f);
	return errors > 0 && n == 0 ? -1 : n;
}

/* ---- listening sockets ---------------------------------------------------- */

/* Bind "[addr:]port", "[v6addr]:port" or "port" (all addresses). */
static int bind_listener(const char *spec)
{
	char host[160] = "", port[160];
	const char *portpart = spec;
	const char *colon = strrchr(spec, ':');
	if (strlen(spec) >= sizeof(host))
		return -1;
	if (spec[0] == '[') {
		const char *close = strchr(spec, ']');
		if (close == NULL || close[1] != ':')
			return -1;
		memcpy(host, spec + 1, (size_t)(close - spec - 1));
		host[close - spec - 1] = '\0';
		portpart = close + 2;
	} else if (colon != NULL) {
		memcpy(host, spec, (size_t)(colon - spec));
		host[colon - spec] = '\0';
		portpart = colon + 1;
	}
	memcpy(port, portpart, strlen(portpart) + 1);
	struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM,
				  .ai_flags = AI_PASSIVE };
	struct addrinfo *res;
	int r = getaddrinfo(host[0] ? host : NULL, port, &hints, &res);
	if (r != 0) {
		log_err("listen %s: %s", spec, gai_strerror(r));
		return -1;
	}
	/* Without an address, prefer one IPv6 socket that takes IPv4 too. */
	int fd = -1;
	for (int pass = 0; pass < 2 && fd < 0; pass++) {
		for (struct addrinfo *ai = res; ai != NULL; ai = ai->ai_next) {
			if (host[0] == '\0' && pass == 0 && ai->ai_family != AF_INET6)
				continue;
			fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK,
				    ai->ai_protocol);
			if (fd < 0)
				continue;
			int on = 1, off = 0;
			setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
			if (ai->ai_family == AF_INET6 && host[0] == '\0')
				setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
			if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, 128) == 0)
				break;
			log_err("listen %s: %s", spec, strerror(errno));
			close(fd);
			fd = -1;
		}
	}
	freeaddrinfo(res);
	return fd;
}

/* ---- children -------------------------------------------------------------- */

static struct child *child_slot(pid_t pid)
{
	for (size_t i = 0; i < nchildren_cap; i++)
		if (children[i].pid == pid)
			return &children[i];
	return NULL;
}

static bool add_child(pid_t pid, struct service *svc)
{
	struct child *c = child_slot(0);
	if (c == NULL) {
		size_t ncap = nchildren_cap == 0 ? 16 : nchildren_cap * 2;
		struct child *n = realloc(children, ncap * sizeof(*n));
		if (n == NULL)
			return false;
		memset(n + nchildren_cap, 0, (ncap - nchildren_cap) * sizeof(*n));
		children = n;
		c = &children[nchildren_cap];
		nchildren_cap = ncap;
	}
	c->pid = pid;
	c->svc = svc;
	c->busy = false;
	c->retiring = false;
	return true;
}

/* In the child: drop the master's descriptors and signal handling, then
 * serve.  Never returns. */
static void child_main(struct service *svc)
{
	/* Signals are blocked across fork (spawn): drop the master's
	 * handlers before letting them in, so that a SIGTERM sent to the
	 * whole pool now ends this child too. */
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
	close(status_pipe[0]);
	for (int i = 0; i < MAX_SERVICES; i++)
		if (services[i].in_use && &services[i] != svc && services[i].fd >= 0)
			close(services[i].fd);
	log_open("imapd");
	prctl(PR_SET_NAME, "imapd", 0, 0, 0);  /* what ps shows */
	struct serve_options opt = svc->opt;
	opt.cfg = &cfg;
	opt.status_fd = status_pipe[1];
	serve_listener(&opt, svc->fd);
	_exit(0);
}

static void spawn(struct service *svc)
{
	time_t now = time(NULL);
	if (now != svc->spawn_second) {
		svc->spawn_second = now;
		svc->spawns = 0;
	}
	if (svc->spawns >= SPAWNS_PER_SECOND)
		return;  /* tried again on the next tick */
	svc->spawns++;
	sigset_t all, old;
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	pid_t pid = fork();
	if (pid == 0)
		child_main(svc);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (pid < 0) {
		log_err("fork: %s", strerror(errno));
		return;
	}
	if (!add_child(pid, svc)) {
		kill(pid, SIGTERM);
		return;
	}
	svc->nchildren++;
	svc->nidle++;
}

static void reap(void)
{
	int status;
	pid_t pid;
	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		struct child *c = child_slot(pid);
		if (c == NULL)
			continue;
		struct service *svc = c->svc;
		svc->nchildren--;
		if (!c->busy && !c->retiring)
			svc->nidle--;
		if (WIFSIGNALED(status))
			log_err("%s child %ld killed by signal %d", svc->name, (long)pid,
				WTERMSIG(status));
		else if (WEXITSTATUS(status) != 0)
			log_warn("%s child %ld exited with status %d", svc->name, (long)pid,
				 WEXITSTATUS(status));
		c->pid = 0;
	}
}

static void read_status(void)
{
	struct serve_status st[64];
	ssize_t n;
	while ((n = read(status_pipe[0], st, sizeof(st))) > 0) {
		for (size_t i = 0; i < (size_t)n / sizeof(st[0]); i++) {
			struct child *c = child_slot(st[i].pid);
			if (c == NULL || c->pid == 0)
				continue;
			bool busy = st[i].state == SERVE_BUSY;
			if (busy == c->busy)
				continue;
			c->busy = busy;
			if (!c->retiring)
				c->svc->nidle += busy ? -1u : 1u;
		}
	}
}

/* Keep `prefork` idle children per service; returns true when a service
 * wants more children now but hit the spawn rate limit. */
static bool top_up(void)
{
	bool throttled = false;
	for (int i = 0; i < MAX_SERVICES; i++) {
		struct service *svc = &services[i];
		if (!svc->in_use)
			continue;
		while (svc->nidle < svc->prefork && svc->nchildren < svc->maxchild) {
			unsigned before = svc->nchildren;
			spawn(svc);
			if (svc->nchildren == before) {
				throttled = true;
				break;
			}
		}
	}
	return throttled;
}

/* ---- start, reload, stop ----------------------------------------------------- */

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
	struct service old[MAX_SERVICES];
	memcpy(old, services, sizeof(old));
	bool kept[MAX_SERVICES] = { false };
	int used = 0;
	for (int i = 0; i < n; i++) {
		struct service *f = &fresh[i];
		f->fd = -1;
		for (int j = 0; j < MAX_SERVICES; j++) {
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
			f->fd = bind_listener(f->listen);
		if (f->fd < 0) {
			log_err("service %s: cannot listen on %s; not started", f->name, f->listen);
			continue;
		}
		f->in_use = true;
		log_notice("service %s listening on %s (prefork %u, maxchild %u%s%s)", f->name,
			   f->listen, f->prefork, f->maxchild, f->args[0] ? ", args " : "", f->args);
		used++;
	}
	for (int j = 0; j < MAX_SERVICES; j++)
		if (old[j].in_use && !kept[j] && old[j].fd >= 0)
			close(old[j].fd);
	/* Children point at their service slot: move them to the new one
	 * (same name), or leave them on a retired slot until they exit. */
	memset(services, 0, sizeof(services));
	int k = 0;
	for (int i = 0; i < n && k < MAX_SERVICES; i++)
		if (fresh[i].in_use)
			services[k++] = fresh[i];
	/* Old children keep counting against the cap of the service of the
	 * same name; they are told to leave once free (SIGHUP). */
	for (size_t c = 0; c < nchildren_cap; c++) {
		if (children[c].pid == 0)
			continue;
		const struct service *was = &old[children[c].svc - services];
		struct service *to = NULL;
		for (int i = 0; i < k; i++)
			if (strcmp(services[i].name, was->name) == 0)
				to = &services[i];
		if (to == NULL) {
			/* Its service is gone: a slot of its own, not in use. */
			for (int i = MAX_SERVICES - 1; i >= k; i--) {
				if (services[i].name[0] == '\0'
				    || strcmp(services[i].name, was->name) == 0) {
					if (services[i].name[0] == '\0') {
						services[i] = *was;
						services[i].in_use = false;
						services[i].fd = -1;
						services[i].nchildren = 0;
					}
					to = &services[i];
					break;
				}
			}
		}
		if (to == NULL)
			continue;
		children[c].svc = to;
		children[c].retiring = true;
		to->nchildren++;
		kill(children[c].pid, SIGHUP);
	}
	for (int i = 0; i < MAX_SERVICES; i++)
		services[i].nidle = 0;
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
	struct service fresh[MAX_SERVICES];
	int n = read_services(services_path, fresh, services_given);
	if (n < 0) {
		log_err("cannot use %s; keeping the running configuration", services_path);
		config_free(&fresh_cfg);
		return;
	}
	config_free(&cfg);
	cfg = fresh_cfg;
	auth_set_config(&cfg);
	serve_setup(&cfg, true);
	apply_services(fresh, n);
}

static void stop_all(void)
{
	log_notice("stopping: telling %s children to end", "all");
	for (int i = 0; i < MAX_SERVICES; i++)
		if (services[i].in_use && services[i].fd >= 0) {
			close(services[i].fd);
			services[i].fd = -1;
		}
	for (size_t c = 0; c < nchildren_cap; c++)
		if (children[c].pid > 0)
			kill(children[c].pid, SIGTERM);
	time_t deadline = time(NULL) + STOP_GRACE_SECONDS;
	for (;;) {
		reap();
		bool left = false;
		for (size_t c = 0; c < nchildren_cap; c++)
			left |= children[c].pid > 0;
		if (!left)
			break;
		if (time(NULL) >= deadline) {
			for (size_t c = 0; c < nchildren_cap; c++)
				if (children[c].pid > 0) {
					log_warn("child %ld did not stop; killing it", (long)children[c].pid);
					kill(children[c].pid, SIGKILL);
				}
			deadline = time(NULL) + 60;
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
	struct service fresh[MAX_SERVICES];
	int n = read_services(services_path, fresh, services_given);
	if (n < 0)
		log_fatal("cannot use services file %s", services_path);

	/* Shared by every child: set up once, before the first fork. */
	serve_setup(&cfg, true);

	if (pipe2(status_pipe, O_CLOEXEC) != 0 || pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		log_fatal("pipe: %s", strerror(errno));
	fcntl(status_pipe[0], F_SETFL, O_NONBLOCK);
	for (int i = 0; i < MAX_SERVICES; i++)
		services[i].fd = -1;
	if (apply_services(fresh, n) == 0)
		log_fatal("no service could be started");
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

	while (!got_term) {
		if (got_hup) {
			got_hup = 0;
			reload();
		}
		if (got_chld) {
			got_chld = 0;
			reap();
		}
		read_status();
		bool throttled = top_up();

		/* prefork=0, or every child busy: spawn when a client waits. */
		struct pollfd p[2 + MAX_SERVICES];
		struct service *which[2 + MAX_SERVICES];
		int np = 0;
		p[np].fd = sig_pipe[0];
		p[np++].events = POLLIN;
		p[np].fd = status_pipe[0];
		p[np++].events = POLLIN;
		for (int i = 0; i < MAX_SERVICES; i++) {
			struct service *svc = &services[i];
			if (svc->in_use && svc->nidle == 0 && svc->nchildren < svc->maxchild) {
				which[np] = svc;
				p[np].fd = svc->fd;
				p[np++].events = POLLIN;
			}
		}
		int r = poll(p, (nfds_t)np, throttled ? 1000 : -1);
		if (r < 0 && errno != EINTR)
			log_err("poll: %s", strerror(errno));
		if (r > 0) {
			if (p[0].revents) {
				char buf[64];
				while (read(sig_pipe[0], buf, sizeof(buf)) > 0) {
				}
			}
			for (int i = 2; i < np; i++)
				if (p[i].revents & POLLIN)
					spawn(which[i]);
		}
	}
	stop_all();
	if (pidfile != NULL)
		unlink(pidfile);
	log_notice("stopped");
	config_free(&cfg);
	return 0;
}
