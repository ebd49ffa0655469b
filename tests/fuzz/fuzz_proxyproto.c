/*
 * fuzz_proxyproto.c - libFuzzer target for the PROXY protocol header
 * (src/net/proxyproto.c) and the network lists of imapd.conf
 * (src/util/netlist.c).  Whatever the input:
 *   - parsing must not crash or read past the octets given;
 *   - DONE claims at most the octets given, at most PROXYPROTO_MAX, and
 *     gives the same answer and length when more octets follow;
 *   - fed as a peeking reader feeds it (a growing prefix), MORE never
 *     claims more octets than it was given or fewer than before, and the
 *     answer at the full length is the answer of the whole;
 *   - the input as an address list: checking and matching do not crash.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "net/proxyproto.h"
#include "util/netlist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t used;
	struct proxyproto_info info;
	const char *why;
	/* An exact-size copy: ASan sees any read past it. */
	uint8_t *buf = malloc(size ? size : 1);
	memcpy(buf, data, size);
	enum proxyproto_result whole = proxyproto_parse(buf, size, &used, &info, &why);
	size_t whole_used = used;
	if (whole == PROXYPROTO_DONE && (used == 0 || used > size || used > PROXYPROTO_MAX))
		abort();
	if (whole == PROXYPROTO_MORE && used > size)
		abort();
	if (whole == PROXYPROTO_BAD && why == NULL)
		abort();
	if (whole == PROXYPROTO_DONE && info.family != AF_UNSPEC && info.family != AF_INET
	    && info.family != AF_INET6)
		abort();
	/* A growing prefix, as proxy_step() peeks. */
	size_t have = 0;
	for (size_t n = 1; n <= size; n++) {
		uint8_t *p = malloc(n);
		memcpy(p, data, n);
		enum proxyproto_result r = proxyproto_parse(p, n, &used, &info, &why);
		free(p);
		if (r == PROXYPROTO_MORE) {
			if (used > n || used < have)
				abort();
			have = used;
			continue;
		}
		if (r == PROXYPROTO_DONE && (r != whole || used != whole_used))
			abort();
		if (r == PROXYPROTO_BAD && whole != PROXYPROTO_BAD)
			abort();
		break;
	}
	int d = proxyproto_detect(buf, size);
	if (d < -1 || d > 1)
		abort();
	free(buf);

	/* The same octets as a proxy_trusted_networks value. */
	char *list = malloc(size + 1);
	memcpy(list, data, size);
	list[size] = '\0';
	(void)netlist_check(list);
	struct sockaddr_in in = { .sin_family = AF_INET };
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6 };
	inet_pton(AF_INET, "10.1.2.3", &in.sin_addr);
	inet_pton(AF_INET6, "2001:db8::1", &in6.sin6_addr);
	(void)netlist_match(list, (struct sockaddr *)&in, sizeof(in));
	(void)netlist_match(list, (struct sockaddr *)&in6, sizeof(in6));
	free(list);
	return 0;
}
