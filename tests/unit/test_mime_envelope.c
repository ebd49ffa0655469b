/*
 * test_mime_envelope.c - ENVELOPE (RFC3501 §7.4.2): address lists,
 * groups, defaults, unfolding; BODY/BODYSTRUCTURE fields.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mime/mime.h"

/* One address header as To:, the expected ENVELOPE "to" member. */
static const struct {
	const char *to;
	const char *want;
} addr_cases[] = {
	{ "a@b.c", "((NIL NIL \"a\" \"b.c\"))" },
	{ "A B <a@b.c>", "((\"A B\" NIL \"a\" \"b.c\"))" },
	{ "\"B, A\" <a@b.c>, c@d", "((\"B, A\" NIL \"a\" \"b.c\")(NIL NIL \"c\" \"d\"))" },
	{ "a@b.c (Comment Name)", "((\"Comment Name\" NIL \"a\" \"b.c\"))" },
	{ "Name <a@b.c> (ignored)", "((\"Name\" NIL \"a\" \"b.c\"))" },
	{ "<@r1,@r2:a@b.c>", "((NIL \"@r1,@r2\" \"a\" \"b.c\"))" },
	{ "a . b @ c . d", "((NIL NIL \"a.b\" \"c.d\"))" },             /* obs-local-part */
	{ "a@[1.2.3.4]", "((NIL NIL \"a\" \"[1.2.3.4]\"))" },
	{ "John Q. Public <j@x>", "((\"John Q. Public\" NIL \"j\" \"x\"))" },
	{ "\"quoted\\\\bs\" <q@x>", "((\"quoted\\\\bs\" NIL \"q\" \"x\"))" },
	{ "G: a@b, c@d;", "((NIL NIL \"G\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")(NIL NIL NIL NIL))" },
	{ "G:;", "((NIL NIL \"G\" NIL)(NIL NIL NIL NIL))" },
	{ "G: a@b;, c@d", "((NIL NIL \"G\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL)(NIL NIL \"c\" \"d\"))" },
	{ "G: a@b", "((NIL NIL \"G\" NIL)(NIL NIL \"a\" \"b\")(NIL NIL NIL NIL))" },  /* no ";" */
	{ "", "NIL" },
	{ "   ", "NIL" },
	{ "user", "((NIL NIL \"user\" \"MISSING_DOMAIN\"))" },
	{ "Just A Name", "((\"Just A Name\" NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\"))" },
	{ "@dom", "((NIL NIL \"MISSING_MAILBOX\" \"dom\"))" },
	{ "a@b,", "((NIL NIL \"a\" \"b\"))" },
	{ ",a@b", "((NIL NIL \"MISSING_MAILBOX\" \"MISSING_DOMAIN\")(NIL NIL \"a\" \"b\"))" },
	{ "=?utf-8?q?x?= <a@b>", "((\"=?utf-8?q?x?=\" NIL \"a\" \"b\"))" },  /* not decoded */
	/* a forgotten comma between two addr-specs */
	{ "a@b\n c@d (C)", "((NIL NIL \"a\" \"b\")(\"C\" NIL \"c\" \"d\"))" },
	/* an unterminated quote runs to the end: one broken entry, no crash */
	{ "Na\"me <a@b>", "((NIL NIL \"Name <a@b>\" \"MISSING_DOMAIN\"))" },
};

static void canon(const char *s, char *out, size_t cap)
{
	/* Drop white space next to parentheses so tables read naturally. */
	size_t n = 0;
	for (size_t i = 0; s[i] != '\0' && n + 1 < cap; i++) {
		if (s[i] == ' ' && (s[i + 1] == ')' || s[i + 1] == '(' || (n > 0 && out[n - 1] == '(')))
			continue;
		out[n++] = s[i];
	}
	out[n] = '\0';
}

static void test_addresses(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(addr_cases) / sizeof(addr_cases[0]); i++) {
		char hdr[512];
		snprintf(hdr, sizeof(hdr), "From: f@x\nTo: %s\n\n", addr_cases[i].to);
		struct arena a;
		arena_init(&a);
		struct sbuf out;
		sbuf_init(&out, &a);
		assert_true(mime_envelope_write(&out, &a, hdr, strlen(hdr)));
		/* the "to" member is the 6th: skip 5 members */
		const char *s = sbuf_str(&out) + 1;
		for (int m = 0; m < 5; m++) {
			int depth = 0;
			bool q = false;
			while (*s != '\0') {
				if (q) {
					if (*s == '\\')
						s++;
					else if (*s == '"')
						q = false;
				} else if (*s == '"') {
					q = true;
				} else if (*s == '(') {
					depth++;
				} else if (*s == ')') {
					depth--;
				} else if (*s == ' ' && depth == 0) {
					break;
				}
				s++;
			}
			s++;
		}
		const char *e = s;
		int depth = 0;
		bool q = false;
		while (*e != '\0') {
			if (q) {
				if (*e == '\\')
					e++;
				else if (*e == '"')
					q = false;
			} else if (*e == '"') {
				q = true;
			} else if (*e == '(') {
				depth++;
			} else if (*e == ')') {
				depth--;
			} else if (*e == ' ' && depth == 0) {
				break;
			}
			e++;
		}
		char got[1024], want[1024], gotraw[1024];
		snprintf(gotraw, sizeof(gotraw), "%.*s", (int)(e - s), s);
		canon(gotraw, got, sizeof(got));
		canon(addr_cases[i].want, want, sizeof(want));
		if (strcmp(got, want) != 0)
			fprintf(stderr, "case %zu (%s):\n  got  %s\n  want %s\n", i, addr_cases[i].to, got, want);
		assert_string_equal(got, want);
		arena_free(&a);
	}
}

static const struct {
	const char *hdr;
	const char *want;
} env_cases[] = {
	{ "", "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)" },
	{ "Subject: hi\n\n", "(NIL \"hi\" NIL NIL NIL NIL NIL NIL NIL NIL)" },
	/* sender and reply-to default to from, also when present but empty */
	{ "From: a@b\nSender:\nReply-To:  \n\n",
	  "(NIL NIL ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) ((NIL NIL \"a\" \"b\")) NIL NIL NIL NIL NIL)" },
	{ "Date: Mon, 7 Feb 1994\n 21:52:25 -0800\nMessage-ID:\n <x@y>\nIn-Reply-To: <p@q>\n\n",
	  "(\"Mon, 7 Feb 1994 21:52:25 -0800\" NIL NIL NIL NIL NIL NIL NIL \"<p@q>\" \"<x@y>\")" },
	/* repeated: last string wins, address fields concatenate */
	{ "Subject: 1\nSubject: 2\nCc: a@b\nCC: c@d\n\n",
	  "(NIL \"2\" NIL NIL NIL NIL ((NIL NIL \"a\" \"b\")(NIL NIL \"c\" \"d\")) NIL NIL NIL)" },
	/* quoting: a quote and a backslash escaped */
	{ "Subject: say \"hi\" \\o/\n\n", "(NIL \"say \\\"hi\\\" \\\\o/\" NIL NIL NIL NIL NIL NIL NIL NIL)" },
	/* 8-bit goes as a literal */
	{ "Subject: \xc3\xa9\n\n", "(NIL {2}\r\n\xc3\xa9 NIL NIL NIL NIL NIL NIL NIL NIL)" },
	/* the body is not read: a header field after the blank line */
	{ "Subject: a\n\nSubject: b\n", "(NIL \"a\" NIL NIL NIL NIL NIL NIL NIL NIL)" },
	/* CRLF header */
	{ "Subject: a\r\n b\r\n\r\n", "(NIL \"a b\" NIL NIL NIL NIL NIL NIL NIL NIL)" },
};

static void test_envelope(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(env_cases) / sizeof(env_cases[0]); i++) {
		struct arena a;
		arena_init(&a);
		struct sbuf out;
		sbuf_init(&out, &a);
		assert_true(mime_envelope_write(&out, &a, env_cases[i].hdr, strlen(env_cases[i].hdr)));
		if (strcmp(sbuf_str(&out), env_cases[i].want) != 0)
			fprintf(stderr, "case %zu:\n  got  %s\n  want %s\n", i, sbuf_str(&out), env_cases[i].want);
		assert_string_equal(sbuf_str(&out), env_cases[i].want);
		arena_free(&a);
	}
}

static const struct {
	const char *msg;
	const char *body, *bodystructure;
} bs_cases[] = {
	{ "", "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)",
	  "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL)" },
	{ "Content-Type: image/gif; name=x\nContent-Transfer-Encoding: base64\n\nR0lG\n",
	  "(\"image\" \"gif\" (\"name\" \"x\") NIL NIL \"base64\" 6)",
	  "(\"image\" \"gif\" (\"name\" \"x\") NIL NIL \"base64\" 6 NIL NIL NIL NIL)" },
	{ "Content-Type: text/html; charset=utf-8\nContent-Disposition: inline\n"
	  "Content-Language: en\nContent-Location: l\nContent-MD5: m\n\nx\n",
	  "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 3 1)",
	  "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 3 1 \"m\" (\"inline\" NIL) (\"en\") \"l\")" },
	{ "Content-Type: multipart/alternative; boundary=\"b\"\nContent-Language: de\n\n"
	  "--b\n\na\n--b\nContent-Type: text/html\n\n<b>\n--b--\n",
	  "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)"
	  "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) \"alternative\")",
	  "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0 NIL NIL NIL NIL)"
	  "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0 NIL NIL NIL NIL) "
	  "\"alternative\" (\"boundary\" \"b\") NIL (\"de\") NIL)" },
	{ "Content-Type: message/rfc822\n\nSubject: s\n\nb\n",
	  "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 17 (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL NIL) "
	  "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1) 3)",
	  "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 17 (NIL \"s\" NIL NIL NIL NIL NIL NIL NIL NIL) "
	  "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 1 NIL NIL NIL NIL) 3 NIL NIL NIL NIL)" },
};

static void test_bodystructure(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(bs_cases) / sizeof(bs_cases[0]); i++) {
		struct arena a;
		arena_init(&a);
		const char *m = bs_cases[i].msg;
		struct mime_part *root = mime_parse(&a, m, strlen(m));
		struct sbuf b, bs;
		sbuf_init(&b, &a);
		sbuf_init(&bs, &a);
		assert_true(mime_bodystructure_write(&b, &a, m, root, false));
		assert_true(mime_bodystructure_write(&bs, &a, m, root, true));
		if (strcmp(sbuf_str(&bs), bs_cases[i].bodystructure) != 0)
			fprintf(stderr, "case %zu:\n  got  %s\n  want %s\n", i, sbuf_str(&bs),
				bs_cases[i].bodystructure);
		assert_string_equal(sbuf_str(&b), bs_cases[i].body);
		assert_string_equal(sbuf_str(&bs), bs_cases[i].bodystructure);
		arena_free(&a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_envelope),
		cmocka_unit_test(test_bodystructure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
