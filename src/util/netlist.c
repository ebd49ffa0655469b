/*
 * netlist.c - network lists of imapd.conf (see netlist.h).
 */
#include "util/netlist.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One entry: 16 octets (IPv4 in the first 4) and a prefix length. */
struct net {
	int af;
	unsigned char addr[16];
	unsigned bits;
};

/* Parse the entry of n octets at s; false when it is not one. */
static bool parse_entry(const char *s, size_t n, struct net *net_r)
{
	char tmp[INET6_ADDRSTRLEN + 5];
	if (n == 0 || n >= sizeof(tmp))
		return false;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	char *slash = strchr(tmp, '/');
	long bits = -1;
	if (slash != NULL) {
		*slash = '\0';
		const char *b = slash + 1;
		if (*b == '\0' || strlen(b) > 3)
			return false;
		bits = 0;
		for (; *b != '\0'; b++) {
			if (*b < '0' || *b > '9')
				return false;
			bits = bits * 10 + (*b - '0');
		}
	}
	memset(net_r, 0, sizeof(*net_r));
	if (inet_pton(AF_INET, tmp, net_r->addr) == 1) {
		net_r->af = AF_INET;
		if (bits > 32)
			return false;
		net_r->bits = bits < 0 ? 32 : (unsigned)bits;
	} else if (inet_pton(AF_INET6, tmp, net_r->addr) == 1) {
		net_r->af = AF_INET6;
		if (bits > 128)
			return false;
		net_r->bits = bits < 0 ? 128 : (unsigned)bits;
	} else {
		return false;
	}
	return true;
}

static bool is_sep(char c)
{
	return c == ' ' || c == ',' || c == '\t';
}

/* Call fn on each entry; stops and returns false when fn does. */
static bool each_entry(const char *list, bool (*fn)(const char *s, size_t n, void *ctx),
		       void *ctx)
{
	const char *p = list;
	while (*p != '\0') {
		while (is_sep(*p))
			p++;
		const char *start = p;
		while (*p != '\0' && !is_sep(*p))
			p++;
		if (p > start && !fn(start, (size_t)(p - start), ctx))
			return false;
	}
	return true;
}

static bool check_one(const char *s, size_t n, void *ctx)
{
	struct net net;
	(void)ctx;
	return parse_entry(s, n, &net);
}

const char *netlist_check(const char *list)
{
	return each_entry(list, check_one, NULL) ? NULL
		: "an entry is not an address or address/prefix (192.0.2.0/24, 2001:db8::/32)";
}

struct want {
	int af;
	unsigned char addr[16];
	bool found;
};

static bool prefix_equal(const unsigned char *a, const unsigned char *b, unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;
	if (memcmp(a, b, whole) != 0)
		return false;
	if (rest == 0)
		return true;
	unsigned char mask = (unsigned char)(0xff << (8 - rest));
	return (a[whole] & mask) == (b[whole] & mask);
}

static bool match_one(const char *s, size_t n, void *ctx)
{
	struct want *w = ctx;
	struct net net;
	if (parse_entry(s, n, &net) && net.af == w->af && prefix_equal(net.addr, w->addr, net.bits)) {
		w->found = true;
		return false;
	}
	return true;
}

bool netlist_match(const char *list, const struct sockaddr *sa, socklen_t len)
{
	struct want w = { .af = AF_UNSPEC };
	if (list == NULL)
		return false;
	if (sa->sa_family == AF_INET && len >= (socklen_t)sizeof(struct sockaddr_in)) {
		w.af = AF_INET;
		memcpy(w.addr, &((const struct sockaddr_in *)sa)->sin_addr, 4);
	} else if (sa->sa_family == AF_INET6 && len >= (socklen_t)sizeof(struct sockaddr_in6)) {
		const struct in6_addr *a = &((const struct sockaddr_in6 *)sa)->sin6_addr;
		if (IN6_IS_ADDR_V4MAPPED(a)) {
			w.af = AF_INET;
			memcpy(w.addr, a->s6_addr + 12, 4);
		} else {
			w.af = AF_INET6;
			memcpy(w.addr, a->s6_addr, 16);
		}
	} else {
		return false;
	}
	each_entry(list, match_one, &w);
	return w.found;
}

bool netlist_match_peer(const char *list, int fd)
{
	if (list == NULL || list[0] == '\0')
		return false;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	if (getpeername(fd, (struct sockaddr *)&ss, &sl) != 0)
		return false;
	return netlist_match(list, (const struct sockaddr *)&ss, sl);
}
