/*
 * shardmap.c - the shard map of imapd-auth-http (see shardmap.h).
 */
#include "server/shardmap.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_BACKENDS 65536
#define MAX_NAME 512

struct rule {
	char *name;                    /* exact name, or the pattern */
	size_t star;                   /* patterns: the offset of "*" */
	int backend, standby;
};

struct shardmap {
	char *names;                   /* every name, NUL-ended, one allocation */
	struct rule *exact;            /* hash table, open addressing */
	size_t exact_cap, nexact;
	struct rule *patterns;
	size_t npatterns, cap_patterns;
	struct shard_backend *backends;
	size_t nbackends, cap_backends;
};

/* FNV-1a. */
static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

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

/* "a.b.c.d:port" or "[v6]:port" into b; false when it is not one. */
static bool parse_backend(const char *s, struct shard_backend *b)
{
	size_t n = strlen(s);
	if (n >= sizeof(b->name))
		return false;
	const char *colon = strrchr(s, ':');
	if (colon == NULL)
		return false;
	char host[INET6_ADDRSTRLEN + 2];
	size_t hl = (size_t)(colon - s);
	if (hl == 0 || hl >= sizeof(host))
		return false;
	memcpy(host, s, hl);
	host[hl] = '\0';
	const char *p = colon + 1;
	size_t pl = strlen(p);
	if (pl == 0 || pl > 5 || (pl > 1 && p[0] == '0'))
		return false;
	unsigned port = 0;
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return false;
		port = port * 10 + (unsigned)(*p - '0');
	}
	if (port == 0 || port > 65535)
		return false;
	memset(b, 0, sizeof(*b));
	if (host[0] == '[') {
		if (hl < 3 || host[hl - 1] != ']')
			return false;
		host[hl - 1] = '\0';
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&b->sa;
		if (inet_pton(AF_INET6, host + 1, &in6->sin6_addr) != 1)
			return false;
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t)port);
		b->salen = sizeof(*in6);
		snprintf(b->addr, sizeof(b->addr), "%s", host + 1);
	} else {
		struct sockaddr_in *in = (struct sockaddr_in *)&b->sa;
		if (inet_pton(AF_INET, host, &in->sin_addr) != 1)
			return false;
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t)port);
		b->salen = sizeof(*in);
		snprintf(b->addr, sizeof(b->addr), "%s", host);
	}
	b->port = port;
	snprintf(b->name, sizeof(b->name), "%s", s);
	return true;
}

/* The number of backend s, added when new; -1 when malformed, -2 when
 * out of memory or room. */
static int backend_of(struct shardmap *m, const char *s)
{
	struct shard_backend b;
	if (!parse_backend(s, &b))
		return -1;
	for (size_t i = 0; i < m->nbackends; i++)
		if (strcmp(m->backends[i].addr, b.addr) == 0 && m->backends[i].port == b.port)
			return (int)i;
	if (m->nbackends >= MAX_BACKENDS
	    || !grow((void **)&m->backends, m->nbackends, &m->cap_backends, sizeof(b)))
		return -2;
	m->backends[m->nbackends] = b;
	return (int)m->nbackends++;
}

static struct rule *exact_slot(const struct shardmap *m, const char *name)
{
	size_t mask = m->exact_cap - 1;
	for (size_t i = (size_t)hash(name) & mask;; i = (i + 1) & mask) {
		struct rule *r = &m->exact[i];
		if (r->name == NULL || strcmp(r->name, name) == 0)
			return r;
	}
}

/* Split a line into at most 4 words (in place); the count. */
static int words(char *line, char *w[4])
{
	int n = 0;
	char *p = line;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			break;
		if (n == 4)
			return 5;
		w[n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
	return n;
}

static struct shardmap *fail(struct shardmap *m, char *err, size_t errlen, unsigned line,
			     const char *why)
{
	snprintf(err, errlen, "line %u: %s", line, why);
	shardmap_free(&m);
	return NULL;
}

struct shardmap *shardmap_parse(const char *text, size_t len, char *err, size_t errlen)
{
	struct shardmap *m = calloc(1, sizeof(*m));
	if (m == NULL)
		return fail(m, err, errlen, 0, "out of memory");
	m->names = malloc(len + 1);
	if (m->names == NULL)
		return fail(m, err, errlen, 0, "out of memory");
	memcpy(m->names, text, len);
	m->names[len] = '\0';
	if (memchr(text, '\0', len) != NULL)
		return fail(m, err, errlen, 0, "the map holds a NUL octet");
	/* Room for every line as an exact name, at most half full. */
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	m->exact_cap = 16;
	while (m->exact_cap < 2 * lines)
		m->exact_cap *= 2;
	m->exact = calloc(m->exact_cap, sizeof(*m->exact));
	if (m->exact == NULL)
		return fail(m, err, errlen, 0, "out of memory");
	unsigned lineno = 0;
	for (char *p = m->names, *next; p != NULL && *p != '\0'; p = next) {
		lineno++;
		next = strchr(p, '\n');
		if (next != NULL)
			*next++ = '\0';
		size_t n = strlen(p);
		if (n > 0 && p[n - 1] == '\r')
			p[--n] = '\0';
		char *w[4];
		int nw = words(p, w);
		if (nw == 0)
			continue;
		if (nw < 2 || nw > 3)
			return fail(m, err, errlen, lineno, "not: user-or-pattern backend [standby]");
		if (strlen(w[0]) > MAX_NAME)
			return fail(m, err, errlen, lineno, "name longer than 512 octets");
		for (const char *q = w[0]; *q != '\0'; q++)
			if ((unsigned char)*q < 0x21 || *q == 0x7f)
				return fail(m, err, errlen, lineno, "control octet in the name");
		int b = backend_of(m, w[1]);
		int s = nw == 3 ? backend_of(m, w[2]) : -1;
		if (b == -1 || (nw == 3 && s == -1))
			return fail(m, err, errlen, lineno,
				    "a backend is not address:port (10.0.1.11:143, [2001:db8::1]:143)");
		if (b == -2 || s == -2)
			return fail(m, err, errlen, lineno, "out of memory or too many backends");
		if (s == b)
			return fail(m, err, errlen, lineno, "the standby is the backend itself");
		const char *star = strchr(w[0], '*');
		if (star != NULL && strchr(star + 1, '*') != NULL)
			return fail(m, err, errlen, lineno, "a pattern holds one * at most");
		struct rule r = { .name = w[0], .star = star != NULL ? (size_t)(star - w[0]) : 0,
				  .backend = b, .standby = s };
		if (star != NULL) {
			for (size_t i = 0; i < m->npatterns; i++)
				if (strcmp(m->patterns[i].name, w[0]) == 0)
					return fail(m, err, errlen, lineno, "the pattern is given twice");
			if (!grow((void **)&m->patterns, m->npatterns, &m->cap_patterns, sizeof(r)))
				return fail(m, err, errlen, lineno, "out of memory");
			m->patterns[m->npatterns++] = r;
			continue;
		}
		struct rule *slot = exact_slot(m, w[0]);
		if (slot->name != NULL)
			return fail(m, err, errlen, lineno, "the user is given twice");
		*slot = r;
		m->nexact++;
	}
	return m;
}

struct shardmap *shardmap_load(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size > SHARDMAP_MAX_FILE) {
		snprintf(err, errlen, "%s: not a regular file of at most %u MB", path,
			 SHARDMAP_MAX_FILE >> 20);
		close(fd);
		return NULL;
	}
	size_t size = (size_t)st.st_size, got = 0;
	char *text = malloc(size + 1);
	while (text != NULL && got < size) {
		ssize_t n = read(fd, text + got, size - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	if (text == NULL || got != size) {
		snprintf(err, errlen, "%s: cannot read it", path);
		free(text);
		return NULL;
	}
	char why[200];
	struct shardmap *m = shardmap_parse(text, size, why, sizeof(why));
	free(text);
	if (m == NULL)
		snprintf(err, errlen, "%s: %s", path, why);
	return m;
}

void shardmap_free(struct shardmap **mp)
{
	struct shardmap *m = *mp;
	if (m == NULL)
		return;
	free(m->names);
	free(m->exact);
	free(m->patterns);
	free(m->backends);
	free(m);
	*mp = NULL;
}

/* prefix*suffix against name: linear. */
static bool pattern_match(const struct rule *r, const char *name)
{
	size_t n = strlen(name), pl = r->star, sl = strlen(r->name) - pl - 1;
	return n >= pl + sl && memcmp(name, r->name, pl) == 0
		&& memcmp(name + n - sl, r->name + pl + 1, sl) == 0;
}

bool shardmap_lookup(const struct shardmap *m, const char *user, int *backend_r, int *standby_r)
{
	const struct rule *r = NULL;
	if (strlen(user) <= MAX_NAME) {
		const struct rule *slot = exact_slot(m, user);
		if (slot->name != NULL)
			r = slot;
	}
	for (size_t i = 0; r == NULL && i < m->npatterns; i++)
		if (pattern_match(&m->patterns[i], user))
			r = &m->patterns[i];
	if (r == NULL)
		return false;
	*backend_r = r->backend;
	*standby_r = r->standby;
	return true;
}

size_t shardmap_nbackends(const struct shardmap *m)
{
	return m->nbackends;
}

const struct shard_backend *shardmap_backend(const struct shardmap *m, size_t i)
{
	return i < m->nbackends ? &m->backends[i] : NULL;
}

size_t shardmap_rules(const struct shardmap *m)
{
	return m->nexact + m->npatterns;
}
