/*
 * test_authhttp.c - what imapd-auth-http parses: HTTP request heads
 * (net/httpreq.h), the %-escapes of nginx's Auth-User and Auth-Pass, and
 * the shard map (server/shardmap.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "net/httpreq.h"
#include "server/shardmap.h"

static enum httpreq_result parse(const char *text, struct httpreq *req, char *buf,
				 size_t *used_r)
{
	size_t n = strlen(text);
	memcpy(buf, text, n + 1);
	const char *why;
	return httpreq_parse(buf, n, used_r, req, &why);
}

static void test_nginx_request(void **state)
{
	(void)state;
	static char buf[HTTPREQ_MAX + 1];
	const char *text = "GET /auth HTTP/1.0\r\nHost: 127.0.0.1\r\nAuth-Method: plain\r\n"
		"Auth-User: alice\r\nAuth-Pass: pa%20ss%25\"w\r\nAuth-Protocol: imap\r\n"
		"Auth-Login-Attempt: 1\r\nClient-IP: 192.0.2.7\r\n\r\nleft over";
	struct httpreq req;
	size_t used;
	assert_int_equal(parse(text, &req, buf, &used), HTTPREQ_DONE);
	assert_int_equal(used, strlen(text) - strlen("left over"));
	assert_string_equal(req.method, "GET");
	assert_string_equal(req.target, "/auth");
	assert_int_equal(req.minor, 0);
	assert_string_equal(httpreq_header(&req, "auth-user", NULL), "alice");
	assert_string_equal(httpreq_header(&req, "CLIENT-IP", NULL), "192.0.2.7");
	assert_null(httpreq_header(&req, "Auth-Salt", NULL));
	char pw[64];
	assert_true(httpreq_unescape(httpreq_header(&req, "Auth-Pass", NULL), pw, sizeof(pw)));
	assert_string_equal(pw, "pa ss%\"w");
	/* every prefix of the head: not yet */
	for (size_t n = 0; n < used; n++) {
		char *p = malloc(n + 1);
		memcpy(p, text, n);
		const char *why;
		assert_int_equal(httpreq_parse(p, n, &used, &req, &why), HTTPREQ_MORE);
		free(p);
	}
}

static void test_bad_requests(void **state)
{
	(void)state;
	static char buf[HTTPREQ_MAX * 2];
	const char *bad[] = {
		"\r\n\r\n",
		"GET /auth\r\n\r\n",
		"GET  /auth HTTP/1.0\r\n\r\n",
		"GET /auth HTTP/2.0\r\n\r\n",
		"GET /auth HTTP/1.0 x\r\n\r\n",
		"G(T /auth HTTP/1.0\r\n\r\n",
		"GET /auth HTTP/1.0\r\nNo colon\r\n\r\n",
		"GET /auth HTTP/1.0\r\n: empty name\r\n\r\n",
		"GET /auth HTTP/1.0\r\nA: b\r\n folded\r\n\r\n",
		"GET /auth HTTP/1.0\r\nA: b\x01c\r\n\r\n",
		"GET /auth HTTP/1.0\r\nA: b\rc\r\n\r\n",
		"GET /auth HTTP/1.0\r\nContent-Length: 5\r\n\r\n",
		"GET /auth HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct httpreq req;
		size_t used;
		assert_int_equal(parse(bad[i], &req, buf, &used), HTTPREQ_BAD);
	}
	/* too long, and too many headers */
	memset(buf, 'a', HTTPREQ_MAX + 10);
	memcpy(buf, "GET / HTTP/1.0\r\nX: ", 19);
	const char *why;
	size_t used;
	struct httpreq req;
	assert_int_equal(httpreq_parse(buf, HTTPREQ_MAX + 10, &used, &req, &why), HTTPREQ_BAD);
	char *p = buf;
	p += sprintf(p, "GET / HTTP/1.0\r\n");
	for (int i = 0; i <= HTTPREQ_MAX_HEADERS; i++)
		p += sprintf(p, "H%d: v\r\n", i);
	p += sprintf(p, "\r\n");
	assert_int_equal(httpreq_parse(buf, (size_t)(p - buf), &used, &req, &why), HTTPREQ_BAD);
	/* bare LF lines are taken */
	assert_int_equal(parse("GET / HTTP/1.1\nA: b \n\n", &req, buf, &used), HTTPREQ_DONE);
	assert_string_equal(httpreq_header(&req, "a", NULL), "b");
	/* repeated headers are counted */
	unsigned n;
	assert_int_equal(parse("GET / HTTP/1.0\r\nAuth-User: a\r\nauth-user: b\r\n\r\n", &req, buf,
			       &used), HTTPREQ_DONE);
	assert_string_equal(httpreq_header(&req, "Auth-User", &n), "a");
	assert_int_equal(n, 2);
}

static void test_unescape(void **state)
{
	(void)state;
	char out[8];
	assert_true(httpreq_unescape("a%41%7e", out, sizeof(out)));
	assert_string_equal(out, "aA~");
	assert_false(httpreq_unescape("%00", out, sizeof(out)));
	assert_false(httpreq_unescape("%4", out, sizeof(out)));
	assert_false(httpreq_unescape("%", out, sizeof(out)));
	assert_false(httpreq_unescape("%g1", out, sizeof(out)));
	assert_false(httpreq_unescape("12345678", out, sizeof(out)));
	assert_true(httpreq_unescape("1234567", out, sizeof(out)));
	assert_true(httpreq_unescape("", out, sizeof(out)));
	assert_string_equal(out, "");
}

static void test_shardmap(void **state)
{
	(void)state;
	const char *text =
		"# comment\n"
		"alice   10.0.1.11:143   10.0.2.11:143\n"
		"\n"
		"bob\t[2001:db8::12]:143  # trailing comment\r\n"
		"*@example.net 10.0.1.12:143\n"
		"b* 10.0.1.11:143\n"
		"* 10.0.1.13:1143 10.0.1.11:143\n";
	char err[200];
	struct shardmap *m = shardmap_parse(text, strlen(text), err, sizeof(err));
	assert_non_null(m);
	assert_int_equal(shardmap_rules(m), 5);
	assert_int_equal(shardmap_nbackends(m), 5);
	int b, s;
	assert_true(shardmap_lookup(m, "alice", &b, &s));
	assert_string_equal(shardmap_backend(m, (size_t)b)->name, "10.0.1.11:143");
	assert_string_equal(shardmap_backend(m, (size_t)s)->addr, "10.0.2.11");
	assert_true(shardmap_lookup(m, "bob", &b, &s));
	assert_string_equal(shardmap_backend(m, (size_t)b)->addr, "2001:db8::12");
	assert_int_equal(shardmap_backend(m, (size_t)b)->port, 143);
	assert_int_equal(s, -1);
	assert_true(shardmap_lookup(m, "carol@example.net", &b, &s));
	assert_string_equal(shardmap_backend(m, (size_t)b)->name, "10.0.1.12:143");
	assert_true(shardmap_lookup(m, "bert", &b, &s));
	assert_string_equal(shardmap_backend(m, (size_t)b)->name, "10.0.1.11:143");
	assert_true(shardmap_lookup(m, "zed", &b, &s));
	assert_int_equal(shardmap_backend(m, (size_t)b)->port, 1143);
	assert_true(shardmap_lookup(m, "", &b, &s));
	shardmap_free(&m);
	assert_null(m);

	const char *bad[] = {
		"alice\n",
		"alice 10.0.1.11:143 10.0.1.12:143 10.0.1.13:143\n",
		"alice host.example:143\n",
		"alice 10.0.1.11\n",
		"alice 10.0.1.11:0\n",
		"alice 10.0.1.11:65536\n",
		"alice 10.0.1.11:0143\n",
		"alice 2001:db8::1:143\n",
		"alice 10.0.1.11:143 10.0.1.11:143\n",
		"alice 10.0.1.11:143\nalice 10.0.1.12:143\n",
		"a*b* 10.0.1.11:143\n",
		"b* 10.0.1.11:143\nb* 10.0.1.12:143\n",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_null(shardmap_parse(bad[i], strlen(bad[i]), err, sizeof(err)));
		assert_true(strncmp(err, "line ", 5) == 0);
	}
	/* no rule for the user */
	m = shardmap_parse("alice 10.0.1.11:143\n", 20, err, sizeof(err));
	assert_non_null(m);
	assert_false(shardmap_lookup(m, "bob", &b, &s));
	shardmap_free(&m);
}

/* Many exact names: each one probe away. */
static void test_shardmap_large(void **state)
{
	(void)state;
	size_t n = 200000;
	char *text = malloc(n * 40);
	char *p = text;
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "user%zu 10.0.%zu.%zu:143\n", i, (i / 250) % 250, i % 250 + 1);
	char err[200];
	struct shardmap *m = shardmap_parse(text, (size_t)(p - text), err, sizeof(err));
	assert_non_null(m);
	assert_int_equal(shardmap_rules(m), n);
	int b, s;
	assert_true(shardmap_lookup(m, "user123456", &b, &s));
	assert_string_equal(shardmap_backend(m, (size_t)b)->name, "10.0.243.207:143");
	assert_false(shardmap_lookup(m, "user", &b, &s));
	shardmap_free(&m);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nginx_request),
		cmocka_unit_test(test_bad_requests),
		cmocka_unit_test(test_unescape),
		cmocka_unit_test(test_shardmap),
		cmocka_unit_test(test_shardmap_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
