/*
 * test_proxyproto.c - the PROXY protocol header parser (net/proxyproto.h)
 * and the network lists of proxy_trusted_networks (util/netlist.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <cmocka.h>

#include "net/proxyproto.h"
#include "util/netlist.h"

#define SIG "\r\n\r\n\0\r\nQUIT\n"

struct pcase {
	const char *what;
	const char *data;
	size_t len;              /* 0: strlen(data) */
	enum proxyproto_result want;
	const char *src;         /* "addr port" of the client, NULL for AF_UNSPEC */
};

static const struct pcase cases[] = {
	{ "v1 TCP4", "PROXY TCP4 192.0.2.7 192.0.2.1 40001 143\r\n", 0, PROXYPROTO_DONE,
	  "192.0.2.7 40001" },
	{ "v1 TCP6", "PROXY TCP6 2001:db8::7 2001:db8::1 65535 993\r\n", 0, PROXYPROTO_DONE,
	  "2001:db8::7 65535" },
	{ "v1 UNKNOWN", "PROXY UNKNOWN\r\n", 0, PROXYPROTO_DONE, NULL },
	{ "v1 UNKNOWN with text", "PROXY UNKNOWN whatever here\r\n", 0, PROXYPROTO_DONE, NULL },
	{ "v1 port 0", "PROXY TCP4 192.0.2.7 192.0.2.1 0 143\r\n", 0, PROXYPROTO_DONE,
	  "192.0.2.7 0" },
	{ "v1 leading zero in port", "PROXY TCP4 192.0.2.7 192.0.2.1 0143 143\r\n", 0,
	  PROXYPROTO_BAD, NULL },
	{ "v1 port 65536", "PROXY TCP4 192.0.2.7 192.0.2.1 65536 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 leading zero in address", "PROXY TCP4 192.0.2.07 192.0.2.1 1 143\r\n", 0,
	  PROXYPROTO_BAD, NULL },
	{ "v1 IPv6 as TCP4", "PROXY TCP4 2001:db8::7 192.0.2.1 1 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 IPv4 as TCP6", "PROXY TCP6 192.0.2.7 2001:db8::1 1 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 zone", "PROXY TCP6 fe80::1%eth0 2001:db8::1 1 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 two spaces", "PROXY TCP4 192.0.2.7  192.0.2.1 1 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 trailing space", "PROXY TCP4 192.0.2.7 192.0.2.1 1 143 \r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 five fields", "PROXY TCP4 192.0.2.7 192.0.2.1 1 143 9\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 three fields", "PROXY TCP4 192.0.2.7 192.0.2.1 1\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 bare LF", "PROXY TCP4 192.0.2.7 192.0.2.1 1 143\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 lower case", "proxy TCP4 192.0.2.7 192.0.2.1 1 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 UDP4", "PROXY UDP4 192.0.2.7 192.0.2.1 1 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 UNKNOWNX", "PROXY UNKNOWNX\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 control octet", "PROXY UNKNOWN \x01\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v1 sign in port", "PROXY TCP4 192.0.2.7 192.0.2.1 +1 143\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "not a header", "a001 LOGIN x y\r\n", 0, PROXYPROTO_BAD, NULL },
	{ "v2 TCP4", SIG "\x21\x11\x00\x0c" "\xc0\x00\x02\x07" "\xc0\x00\x02\x01" "\x9c\x41\x00\x8f",
	  28, PROXYPROTO_DONE, "192.0.2.7 40001" },
	{ "v2 TCP4 with TLVs", SIG "\x21\x11\x00\x14" "\xc0\x00\x02\x07" "\xc0\x00\x02\x01"
	  "\x9c\x41\x00\x8f" "\x01\x00\x02h2" "\x04\x00\x00", 36, PROXYPROTO_DONE, "192.0.2.7 40001" },
	{ "v2 TCP4 with a TLV past the end", SIG "\x21\x11\x00\x11" "\xc0\x00\x02\x07"
	  "\xc0\x00\x02\x01" "\x9c\x41\x00\x8f" "\x01\x00\x09h2", 33, PROXYPROTO_BAD, NULL },
	{ "v2 TCP4 with a TLV stub", SIG "\x21\x11\x00\x0e" "\xc0\x00\x02\x07" "\xc0\x00\x02\x01"
	  "\x9c\x41\x00\x8f" "\x01\x00", 30, PROXYPROTO_BAD, NULL },
	{ "v2 LOCAL", SIG "\x20\x00\x00\x00", 16, PROXYPROTO_DONE, NULL },
	{ "v2 LOCAL with addresses", SIG "\x20\x11\x00\x0c" "\0\0\0\0\0\0\0\0\0\0\0\0", 28,
	  PROXYPROTO_DONE, NULL },
	{ "v2 UNSPEC", SIG "\x21\x00\x00\x00", 16, PROXYPROTO_DONE, NULL },
	{ "v2 UDP", SIG "\x21\x12\x00\x0c" "\0\0\0\0\0\0\0\0\0\0\0\0", 28, PROXYPROTO_BAD, NULL },
	{ "v2 UNIX", SIG "\x21\x31\x00\x0c" "\0\0\0\0\0\0\0\0\0\0\0\0", 28, PROXYPROTO_BAD, NULL },
	{ "v2 version 1", SIG "\x11\x11\x00\x0c" "\0\0\0\0\0\0\0\0\0\0\0\0", 28, PROXYPROTO_BAD, NULL },
	{ "v2 command 2", SIG "\x22\x11\x00\x0c" "\0\0\0\0\0\0\0\0\0\0\0\0", 28, PROXYPROTO_BAD, NULL },
	{ "v2 short block", SIG "\x21\x11\x00\x04" "\0\0\0\0", 20, PROXYPROTO_BAD, NULL },
	{ "v2 over the bound", SIG "\x21\x11\x02\x10", 16, PROXYPROTO_BAD, NULL },
	{ "v2 bad signature", "\r\n\r\n\0\r\nQUIX\n\x21\x11\x00\x00", 16, PROXYPROTO_BAD, NULL },
};

static void check_src(const struct pcase *c, const struct proxyproto_info *info)
{
	if (c->src == NULL) {
		assert_int_equal(info->family, AF_UNSPEC);
		return;
	}
	char host[INET6_ADDRSTRLEN], got[80];
	unsigned port;
	if (info->family == AF_INET) {
		const struct sockaddr_in *in = (const struct sockaddr_in *)&info->src;
		inet_ntop(AF_INET, &in->sin_addr, host, sizeof(host));
		port = ntohs(in->sin_port);
	} else {
		assert_int_equal(info->family, AF_INET6);
		const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)&info->src;
		inet_ntop(AF_INET6, &in6->sin6_addr, host, sizeof(host));
		port = ntohs(in6->sin6_port);
	}
	snprintf(got, sizeof(got), "%s %u", host, port);
	assert_string_equal(got, c->src);
}

/* Whole, then one octet at a time as a peeking reader sees it: MORE
 * never claims an octet past the header, and the end is the same. */
static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct pcase *c = &cases[i];
		size_t len = c->len ? c->len : strlen(c->data);
		/* what follows the header must not be taken */
		unsigned char buf[PROXYPROTO_MAX + 8];
		memcpy(buf, c->data, len);
		memcpy(buf + len, "\x16\x03\x01", 3);
		size_t used;
		struct proxyproto_info info;
		const char *why;
		enum proxyproto_result r = proxyproto_parse(buf, len + 3, &used, &info, &why);
		assert_int_equal(r, c->want);
		if (r == PROXYPROTO_DONE) {
			assert_int_equal(used, len);
			check_src(c, &info);
		} else {
			assert_non_null(why);
		}
		size_t have = 0;
		enum proxyproto_result rr = PROXYPROTO_MORE;
		for (size_t n = 1; n <= len + 3 && rr == PROXYPROTO_MORE; n++) {
			rr = proxyproto_parse(buf, n, &used, &info, &why);
			if (rr == PROXYPROTO_MORE) {
				assert_true(used <= n && used <= len);
				assert_true(used >= have);
				have = used;
			}
		}
		assert_int_equal(rr, c->want);
		if (rr == PROXYPROTO_DONE)
			assert_int_equal(used, len);
	}
}

static void test_v1_bound(void **state)
{
	(void)state;
	char line[200];
	memset(line, 'x', sizeof(line));
	memcpy(line, "PROXY UNKNOWN ", 14);
	size_t used;
	struct proxyproto_info info;
	const char *why;
	/* 106 octets without LF: still a beginning; 107: over */
	assert_int_equal(proxyproto_parse((unsigned char *)line, 106, &used, &info, &why),
			 PROXYPROTO_MORE);
	assert_int_equal(proxyproto_parse((unsigned char *)line, 107, &used, &info, &why),
			 PROXYPROTO_BAD);
	memcpy(line + 105, "\r\n", 2);
	assert_int_equal(proxyproto_parse((unsigned char *)line, 107, &used, &info, &why),
			 PROXYPROTO_DONE);
	assert_int_equal(used, 107);
}

static void test_detect(void **state)
{
	(void)state;
	const struct { const char *s; size_t n; int want; } t[] = {
		{ "", 0, -1 },
		{ "P", 1, -1 },
		{ "PROXY TCP", 9, -1 },
		{ "PROXY TCP4 ", 11, 1 },
		{ "PROXY TCP6 1", 12, 1 },
		{ "PROXY UNKNOWN", 13, 1 },
		{ "PROXY LOGIN a b\r\n", 17, 0 },
		{ "a1 NOOP\r\n", 9, 0 },
		{ "\r\n", 2, -1 },
		{ "\r\na NOOP", 8, 0 },
		{ SIG, 12, 1 },
		{ SIG "\x21", 13, 1 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(proxyproto_detect((const unsigned char *)t[i].s, t[i].n), t[i].want);
}

static int match4(const char *list, const char *addr)
{
	struct sockaddr_in in = { .sin_family = AF_INET };
	inet_pton(AF_INET, addr, &in.sin_addr);
	return netlist_match(list, (struct sockaddr *)&in, sizeof(in));
}

static int match6(const char *list, const char *addr)
{
	struct sockaddr_in6 in6 = { .sin6_family = AF_INET6 };
	inet_pton(AF_INET6, addr, &in6.sin6_addr);
	return netlist_match(list, (struct sockaddr *)&in6, sizeof(in6));
}

static void test_netlist(void **state)
{
	(void)state;
	const char *l = "127.0.0.1, 10.0.0.0/8 192.168.1.128/25 2001:db8::/32 ::1";
	assert_null(netlist_check(l));
	assert_null(netlist_check(""));
	assert_non_null(netlist_check("10.0.0.0/33"));
	assert_non_null(netlist_check("10.0.0/8"));
	assert_non_null(netlist_check("2001:db8::/129"));
	assert_non_null(netlist_check("host.example"));
	assert_non_null(netlist_check("10.0.0.0/"));
	assert_non_null(netlist_check("10.0.0.0/8x"));
	assert_true(match4(l, "127.0.0.1"));
	assert_false(match4(l, "127.0.0.2"));
	assert_true(match4(l, "10.255.0.1"));
	assert_false(match4(l, "11.0.0.1"));
	assert_true(match4(l, "192.168.1.200"));
	assert_false(match4(l, "192.168.1.127"));
	assert_true(match6(l, "2001:db8:ffff::1"));
	assert_false(match6(l, "2001:db9::1"));
	assert_true(match6(l, "::1"));
	assert_true(match6(l, "::ffff:10.1.2.3"));     /* v4-mapped */
	assert_false(match6(l, "::ffff:11.1.2.3"));
	assert_true(match4("0.0.0.0/0", "203.0.113.1"));
	assert_false(match4("", "127.0.0.1"));
	assert_false(match4("bogus 127.0.0.2", "127.0.0.1"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_v1_bound),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_netlist),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
