/*
 * test_redact.c - src/proto/redact.c: what of the client's octets the
 * protocol log keeps after login.  Each conversation is fed whole and
 * then one octet at a time; the client's side of the log must be the
 * same both ways.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "proto/redact.h"

struct step {
	char who;            /* 'C' client, 'S' server, 0 end */
	const char *text;
};

static const struct {
	const char *name;
	struct step steps[6];
	const char *logged;  /* the client's octets as logged */
} cases[] = {
	{ "LOGIN atom", { { 'C', "a LOGIN bob pw\r\n" } }, "a LOGIN bob ***\r\n" },
	{ "lower case", { { 'C', "a login bob pw\r\n" } }, "a login bob ***\r\n" },
	{ "quoted", { { 'C', "a LOGIN \"b o\\\"b\" \"p w\"\r\nb NOOP\r\n" } },
	  "a LOGIN \"b o\\\"b\" ***\r\nb NOOP\r\n" },
	{ "bare LF", { { 'C', "a LOGIN bob pw\nb NOOP\n" } }, "a LOGIN bob ***\r\nb NOOP\n" },
	{ "literals", { { 'C', "a LOGIN {3}\r\n" }, { 'S', "+ go\r\n" }, { 'C', "bob {2}\r\n" },
			{ 'S', "+ go\r\n" }, { 'C', "pw\r\nb NOOP\r\n" } },
	  "a LOGIN ***\r\n***\r\n***\r\nb NOOP\r\n" },
	{ "LITERAL+", { { 'C', "a LOGIN bob {2+}\r\npw\r\nb NOOP\r\n" } },
	  "a LOGIN bob ***\r\n***\r\nb NOOP\r\n" },
	{ "literal refused", { { 'C', "a APPEND x {5}\r\n" }, { 'S', "a NO too big\r\n" },
			       { 'C', "b LOGIN u p\r\n" } },
	  "a APPEND x {5}\r\nb LOGIN u ***\r\n" },
	{ "refused, sent early", { { 'C', "a APPEND x {5}\r\nb LOGIN u p\r\n" }, { 'S', "* 3 EXISTS\r\n" },
				   { 'S', "a NO too big\r\n" } },
	  "a APPEND x {5}\r\nb LOGIN u ***\r\n" },
	{ "accepted, sent early", { { 'C', "a APPEND x {5}\r\nb LOG\r\n" }, { 'S', "+ go\r\n" },
				    { 'C', "c LOGIN u p\r\n" } },
	  "a APPEND x {5}\r\nb LOG\r\nc LOGIN u ***\r\n" },
	{ "another command's literal", { { 'C', "a APPEND x {16+}\r\nb LOGIN u p\r\nxyz\r\n" } },
	  "a APPEND x {16+}\r\nb LOGIN u p\r\nxyz\r\n" },
	{ "AUTHENTICATE with an initial response",
	  { { 'C', "a AUTHENTICATE PLAIN AGJvYgBwdw==\r\nb AUTHENTICATE PLAIN\r\n" } },
	  "a AUTHENTICATE PLAIN ***\r\nb AUTHENTICATE PLAIN\r\n" },
	{ "long command name", { { 'C', "a XXXXXXXXXXXXXXXXXXXXX LOGIN pw\r\n" } },
	  "a XXXXXXXXXXXXXXXXXXXXX LOGIN pw\r\n" },
	{ "LOGIN as an argument", { { 'C', "a SELECT LOGIN\r\nb NOOP LOGIN x y\r\n" } },
	  "a SELECT LOGIN\r\nb NOOP LOGIN x y\r\n" },
	{ "no password", { { 'C', "a LOGIN bob\r\nb NOOP\r\n" } }, "a LOGIN bob\r\nb NOOP\r\n" },
};

struct out {
	char client[512], server[512];
	size_t clen, slen;
};

static void collect(void *ctx, bool incoming, const char *data, size_t len)
{
	struct out *o = ctx;
	char *buf = incoming ? o->client : o->server;
	size_t *n = incoming ? &o->clen : &o->slen;
	assert_true(*n + len < sizeof(o->client));
	memcpy(buf + *n, data, len);
	*n += len;
	buf[*n] = '\0';
}

static void run(size_t i, bool bytewise)
{
	struct redact r;
	struct out o = { .clen = 0 };
	redact_init(&r);
	for (const struct step *s = cases[i].steps; s->who != 0; s++) {
		const unsigned char *p = (const unsigned char *)s->text;
		size_t len = strlen(s->text);
		for (size_t k = 0; k < len; k += bytewise ? 1 : len)
			redact_feed(&r, s->who == 'C', p + k, bytewise ? 1 : len, collect, &o);
	}
	redact_free(&r);
	if (strcmp(o.client, cases[i].logged) != 0)
		fail_msg("%s%s: logged \"%s\"", cases[i].name, bytewise ? " (bytewise)" : "", o.client);
}

static void test_redact(void **state)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		run(i, false);
		run(i, true);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_redact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
