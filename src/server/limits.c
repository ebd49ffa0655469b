/*
 * limits.c - per-address and per-user counts of imapd-master (see
 * limits.h).  One hash table of counters keyed "h<host>", "u<user>" and
 * "x<user>\n<host>"; an entry goes as soon as it counts nothing.
 */
#include "server/limits.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 4096
/* Failure windows kept at most: an attacker with many addresses must
 * not grow the master without bound (past it, new addresses are not
 * tracked; their connections are still limited). */
#define MAX_FAILURE_ENTRIES 65536

struct entry {
	struct entry *next;
	unsigned conns;            /* h: connections not logged in */
	unsigned sessions;         /* h, u, x: logged-in sessions */
	unsigned failures;         /* h: failed logins in the window */
	time_t window_start;       /* h: when the window began (0: none) */
	time_t refused_until;      /* h: refused until then (0: not) */
	char key[];
};

struct limits {
	struct entry *bucket[NBUCKETS];
	size_t n;
	size_t nfailing;           /* entries with a window or a refusal */
};

struct limits *limits_new(void)
{
	return calloc(1, sizeof(struct limits));
}

void limits_free(struct limits **lp)
{
	struct limits *l = *lp;
	if (l == NULL)
		return;
	for (size_t i = 0; i < NBUCKETS; i++)
		for (struct entry *e = l->bucket[i], *next; e != NULL; e = next) {
			next = e->next;
			free(e);
		}
	free(l);
	*lp = NULL;
}

size_t limits_entries(const struct limits *l)
{
	return l->n;
}

/* FNV-1a */
static size_t hash(const char *key)
{
	uint32_t h = 2166136261u;
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		h = (h ^ *p) * 16777619u;
	return h % NBUCKETS;
}

/* The entry for key, created when `create`; NULL when absent or out of
 * memory. */
static struct entry *get(struct limits *l, const char *key, bool create)
{
	size_t b = hash(key);
	for (struct entry *e = l->bucket[b]; e != NULL; e = e->next)
		if (strcmp(e->key, key) == 0)
			return e;
	if (!create)
		return NULL;
	size_t len = strlen(key);
	struct entry *e = calloc(1, sizeof(*e) + len + 1);
	if (e == NULL)
		return NULL;
	memcpy(e->key, key, len + 1);
	e->next = l->bucket[b];
	l->bucket[b] = e;
	l->n++;
	return e;
}

static bool failing(const struct entry *e)
{
	return e->window_start != 0 || e->refused_until != 0;
}

/* Free e if it counts nothing. */
static void put(struct limits *l, struct entry *e)
{
	if (e == NULL || e->conns != 0 || e->sessions != 0 || failing(e))
		return;
	size_t b = hash(e->key);
	for (struct entry **pp = &l->bucket[b]; *pp != NULL; pp = &(*pp)->next)
		if (*pp == e) {
			*pp = e->next;
			free(e);
			l->n--;
			return;
		}
}

static void keyof(char *buf, size_t len, char kind, const char *a, const char *b)
{
	if (b != NULL)
		snprintf(buf, len, "%c%s\n%s", kind, a, b);
	else
		snprintf(buf, len, "%c%s", kind, a);
}

#define KEYLEN (LIMITS_HOST_MAX + 1100)

bool limits_host_of(const struct sockaddr *sa, socklen_t len, char *host, char *peer)
{
	char a[INET6_ADDRSTRLEN];
	if (sa->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
		inet_ntop(AF_INET, &in->sin_addr, a, sizeof(a));
		snprintf(host, LIMITS_HOST_MAX, "%s", a);
		snprintf(peer, LIMITS_PEER_MAX, "%s:%u", a, ntohs(in->sin_port));
		return true;
	}
	if (sa->sa_family == AF_INET6 && len >= (socklen_t)sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
		if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr)) {
			inet_ntop(AF_INET, &in6->sin6_addr.s6_addr[12], a, sizeof(a));
			snprintf(host, LIMITS_HOST_MAX, "%s", a);
			snprintf(peer, LIMITS_PEER_MAX, "%s:%u", a, ntohs(in6->sin6_port));
			return true;
		}
		inet_ntop(AF_INET6, &in6->sin6_addr, a, sizeof(a));
		snprintf(peer, LIMITS_PEER_MAX, "[%s]:%u", a, ntohs(in6->sin6_port));
		struct in6_addr net = in6->sin6_addr;
		memset(&net.s6_addr[8], 0, 8);
		inet_ntop(AF_INET6, &net, a, sizeof(a));
		snprintf(host, LIMITS_HOST_MAX, "%s/64", a);
		return true;
	}
	snprintf(host, LIMITS_HOST_MAX, "local");
	snprintf(peer, LIMITS_PEER_MAX, "a local socket");
	return false;
}

/* A failure window or refusal that is over goes. */
static void expire_entry(struct limits *l, struct entry *e, const struct imapd_config *cfg,
			 time_t now)
{
	bool was = failing(e);
	if (e->refused_until != 0 && now >= e->refused_until)
		e->refused_until = 0;
	if (e->window_start != 0 && now - e->window_start >= (time_t)cfg->login_failure_window) {
		e->window_start = 0;
		e->failures = 0;
	}
	if (was && !failing(e))
		l->nfailing--;
}

bool limits_conn_ok(struct limits *l, const struct imapd_config *cfg, const char *host,
		    time_t now, const char **why_r)
{
	char key[KEYLEN];
	keyof(key, sizeof(key), 'h', host, NULL);
	struct entry *e = get(l, key, false);
	if (e == NULL)
		return true;
	expire_entry(l, e, cfg, now);
	if (e->refused_until != 0) {
		*why_r = "Too many failed logins from your address; try again later";
		return false;
	}
	if (cfg->login_max_ip_connections != 0 && e->conns >= cfg->login_max_ip_connections) {
		*why_r = "Too many connections from your address";
		return false;
	}
	put(l, e);
	return true;
}

void limits_conn_add(struct limits *l, const char *host)
{
	char key[KEYLEN];
	keyof(key, sizeof(key), 'h', host, NULL);
	struct entry *e = get(l, key, true);
	if (e != NULL)
		e->conns++;
}

void limits_conn_del(struct limits *l, const char *host)
{
	char key[KEYLEN];
	keyof(key, sizeof(key), 'h', host, NULL);
	struct entry *e = get(l, key, false);
	if (e != NULL && e->conns > 0) {
		e->conns--;
		put(l, e);
	}
}

bool limits_failure(struct limits *l, const struct imapd_config *cfg, const char *host,
		    time_t now)
{
	if (cfg->login_max_ip_failures == 0)
		return false;
	char key[KEYLEN];
	keyof(key, sizeof(key), 'h', host, NULL);
	struct entry *e = get(l, key, false);
	if (e == NULL && l->nfailing >= MAX_FAILURE_ENTRIES)
		return false;
	if (e == NULL && (e = get(l, key, true)) == NULL)
		return false;
	expire_entry(l, e, cfg, now);
	if (e->refused_until != 0)
		return false;  /* already refused */
	if (!failing(e))
		l->nfailing++;
	if (e->window_start == 0)
		e->window_start = now;
	e->failures++;
	if (e->failures < cfg->login_max_ip_failures)
		return false;
	e->refused_until = now + (time_t)cfg->login_failure_window;
	e->failures = 0;
	e->window_start = 0;
	return true;
}

/* The three session counters of user at host: u, x, h. */
static void session_keys(char keys[3][KEYLEN], const char *user, const char *host)
{
	keyof(keys[0], KEYLEN, 'u', user, NULL);
	keyof(keys[1], KEYLEN, 'x', user, host);
	keyof(keys[2], KEYLEN, 'h', host, NULL);
}

bool limits_session_ok(struct limits *l, const struct imapd_config *cfg, const char *user,
		       const char *host, const char **why_r)
{
	char keys[3][KEYLEN];
	session_keys(keys, user, host);
	const unsigned max[3] = { cfg->maxlogins_per_user, cfg->mail_max_userip_connections,
				  cfg->maxlogins_per_host };
	static const char *const why[3] = {
		"Too many sessions of this user",
		"Too many sessions of this user from your address",
		"Too many sessions from your address",
	};
	for (int i = 0; i < 3; i++) {
		struct entry *e = get(l, keys[i], false);
		if (max[i] != 0 && e != NULL && e->sessions >= max[i]) {
			*why_r = why[i];
			return false;
		}
	}
	return true;
}

void limits_session_add(struct limits *l, const char *user, const char *host)
{
	char keys[3][KEYLEN];
	session_keys(keys, user, host);
	for (int i = 0; i < 3; i++) {
		struct entry *e = get(l, keys[i], true);
		if (e != NULL)
			e->sessions++;
	}
}

void limits_session_del(struct limits *l, const char *user, const char *host)
{
	char keys[3][KEYLEN];
	session_keys(keys, user, host);
	for (int i = 0; i < 3; i++) {
		struct entry *e = get(l, keys[i], false);
		if (e != NULL && e->sessions > 0) {
			e->sessions--;
			put(l, e);
		}
	}
}

void limits_expire(struct limits *l, const struct imapd_config *cfg, time_t now)
{
	for (size_t i = 0; i < NBUCKETS; i++) {
		for (struct entry *e = l->bucket[i], *next; e != NULL; e = next) {
			next = e->next;
			if (failing(e)) {
				expire_entry(l, e, cfg, now);
				put(l, e);
			}
		}
	}
}
