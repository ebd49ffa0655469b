/*
 * services.c - imapd-master's services file and listening sockets (see
 * services.h).
 */
#include "server/services.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util/log.h"

/* Split "key=value" words, with "double quotes" around values that hold
 * spaces.  Returns the next word in *word_r (NUL-terminated in place). */
char *services_next_word(char **p)
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
	char *argv[SERVICES_MAX_ARGS + 2];
	int argc = 0;
	argv[argc++] = "imapd";
	char *p = buf, *w;
	while ((w = services_next_word(&p)) != NULL && argc < SERVICES_MAX_ARGS)
		argv[argc++] = w;
	argv[argc] = NULL;
	memset(&svc->opt, 0, sizeof(svc->opt));
	svc->opt.uses = SERVE_DEFAULT_USES;
	svc->opt.idle_timeout = SERVE_DEFAULT_IDLE;
	return serve_parse_args(argc, argv, &svc->opt, NULL, NULL, err, errlen);
}

/*
 * Read the services file into out[]; returns the number of services or
 * -1.  Each line: NAME listen=[ADDR:]PORT [prefork=N] [maxchild=N]
 * [client_limit=N] [args="IMAPD OPTIONS"]; "#" starts a comment.
 */
int services_read(const char *path, struct service *out, bool must_exist)
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
			out[i].maxchild = SERVICES_DEFAULT_MAXCHILD;
			out[i].client_limit = SERVICES_DEFAULT_CLIENT_LIMIT;
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
		char *name = services_next_word(&p);
		if (name == NULL)
			continue;
		if (n == SERVICES_MAX) {
			log_err("%s:%u: more than %d services", path, lineno, SERVICES_MAX);
			errors++;
			break;
		}
		struct service *svc = &out[n];
		memset(svc, 0, sizeof(*svc));
		svc->prefork = 1;
		svc->maxchild = SERVICES_DEFAULT_MAXCHILD;
		svc->client_limit = SERVICES_DEFAULT_CLIENT_LIMIT;
		if (strlen(name) >= sizeof(svc->name) || strchr(name, '=') != NULL) {
			log_err("%s:%u: bad service name \"%s\"", path, lineno, name);
			errors++;
			continue;
		}
		snprintf(svc->name, sizeof(svc->name), "%s", name);
		bool bad = false;
		char *w;
		while ((w = services_next_word(&p)) != NULL) {
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
			else if (strcmp(w, "client_limit") == 0
				 && parse_uint_word(v, &svc->client_limit) && svc->client_limit > 0)
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
		if (svc->prefork > SERVICES_MAX_LOGIN_PROCESSES)
			svc->prefork = SERVICES_MAX_LOGIN_PROCESSES;
		if (bad)
			errors++;
		else
			n++;
	}
	free(line);
	fclose(f);
	return errors > 0 && n == 0 ? -1 : n;
}

/* Bind "[addr:]port", "[v6addr]:port" or "port" (all addresses). */
int services_bind(const char *spec)
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

