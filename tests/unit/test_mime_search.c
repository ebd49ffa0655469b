/*
 * test_mime_search.c - decoding (base64, quoted-printable, RFC 2047),
 * charset conversion, case folding and the SEARCH matchers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "mime/mime.h"

static const struct { const char *in, *out; } b64_cases[] = {
	{ "", "" },
	{ "aGVsbG8=", "hello" },
	{ "aGVs\nbG8h", "hello!" },
	{ "aG Vs*bG8=garbage", "hello" },
	{ "YQ", "a" },
};

static const struct { const char *in, *out; } qp_cases[] = {
	{ "a=3Db", "a=b" },
	{ "soft=\nbreak", "softbreak" },
	{ "soft=\r\nbreak", "softbreak" },
	{ "soft= \t\nbreak", "softbreak" },
	{ "trail   \nx", "trail\nx" },
	{ "bad=ZZ=4", "bad=ZZ=4" },
	{ "lower=e9", "lower\xe9" },
};

static void test_transfer_decoding(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	struct mime_str o;
	for (size_t i = 0; i < sizeof(b64_cases) / sizeof(b64_cases[0]); i++) {
		assert_true(mime_base64_decode(&a, b64_cases[i].in, strlen(b64_cases[i].in), &o));
		assert_int_equal(o.len, strlen(b64_cases[i].out));
		assert_memory_equal(o.data, b64_cases[i].out, o.len);
	}
	for (size_t i = 0; i < sizeof(qp_cases) / sizeof(qp_cases[0]); i++) {
		assert_true(mime_qp_decode(&a, qp_cases[i].in, strlen(qp_cases[i].in), &o));
		assert_string_equal(o.data, qp_cases[i].out);
	}
	arena_free(&a);
}

static const struct {
	const char *cs, *in, *out;
	enum mime_cs_result r;
} cs_cases[] = {
	{ "UTF-8", "\xc3\xa9", "\xc3\xa9", MIME_CS_OK },
	{ "us-ascii", "abc", "abc", MIME_CS_OK },
	{ "ISO-8859-1", "caf\xe9", "caf\xc3\xa9", MIME_CS_OK },
	{ "windows-1252", "\x80", "\xe2\x82\xac", MIME_CS_OK },
	{ "koi8-r", "\xf0\xd2\xc9", "\xd0\x9f\xd1\x80\xd0\xb8", MIME_CS_OK },
	{ "ISO-2022-JP", "\x1b$B$3\x1b(B", "\xe3\x81\x93", MIME_CS_OK },
	{ "UTF-16BE", "\x00" "A", "A", MIME_CS_OK },
	{ "Shift_JIS", "\x82\xa0\xff", "\xe3\x81\x82\xef\xbf\xbd", MIME_CS_OK },  /* invalid byte */
	{ "X-NO-SUCH-CHARSET", "x", NULL, MIME_CS_UNKNOWN },
};

static void test_charsets(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(cs_cases) / sizeof(cs_cases[0]); i++) {
		struct mime_str o;
		size_t inlen = strcmp(cs_cases[i].cs, "UTF-16BE") == 0 ? 2 : strlen(cs_cases[i].in);
		enum mime_cs_result r = mime_charset_to_utf8(&a, cs_cases[i].cs, cs_cases[i].in, inlen, &o);
		assert_int_equal(r, cs_cases[i].r);
		if (r == MIME_CS_OK)
			assert_string_equal(o.data, cs_cases[i].out);
	}
	/* A large input grows the output buffer. */
	char big[3000];
	memset(big, '\x80', sizeof(big));
	struct mime_str o;
	assert_int_equal(mime_charset_to_utf8(&a, "windows-1252", big, sizeof(big), &o), MIME_CS_OK);
	assert_int_equal(o.len, 3 * sizeof(big));
	arena_free(&a);
}

static const struct { const char *in, *out; } ew_cases[] = {
	{ "plain text", "plain text" },
	{ "=?UTF-8?B?w4RwZmVs?=", "\xc3\x84pfel" },
	{ "=?ISO-8859-1?Q?Andr=E9?= Pirard", "Andr\xc3\xa9 Pirard" },
	{ "=?utf-8?q?a?= =?utf-8?q?b?=", "ab" },              /* space between words dropped */
	{ "=?utf-8?q?a?=\n =?utf-8?q?b?=", "ab" },            /* folded too */
	{ "x =?utf-8?q?a_b?= y", "x a b y" },
	{ "=?iso-8859-15?B?pA==?=", "\xe2\x82\xac" },
	{ "=?utf-8*en?q?lang?=", "lang" },                    /* RFC 2231 language */
	{ "=?x-unknown?q?kept?=", "=?x-unknown?q?kept?=" },
	{ "=?broken", "=?broken" },
	{ "a=?utf-8?q?b?=", "ab" },
};

static void test_encoded_words(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(ew_cases) / sizeof(ew_cases[0]); i++) {
		struct mime_str o;
		assert_true(mime_header_decode(&a, ew_cases[i].in, strlen(ew_cases[i].in), &o));
		if (strcmp(o.data, ew_cases[i].out) != 0)
			fprintf(stderr, "case %zu: got [%s]\n", i, o.data);
		assert_string_equal(o.data, ew_cases[i].out);
	}
	arena_free(&a);
}

static const struct { const char *needle, *hay; bool match; } fold_cases[] = {
	{ "hello", "Say HELLO there", true },
	{ "", "anything", true },
	{ "caf\xc3\xa9", "CAF\xc3\x89 au lait", true },           /* é / É */
	{ "\xc3\xa4pfel", "\xc3\x84PFEL", true },                  /* ä / Ä */
	{ "\xcf\x83\xce\xbf\xcf\x86", "\xce\xa3\xce\x9f\xce\xa6", true },  /* σοφ / ΣΟΦ */
	{ "\xcf\x82", "\xce\xa3", true },                          /* final sigma ς / Σ */
	{ "\xd0\xbf\xd1\x80\xd0\xb8", "\xd0\x9f\xd0\xa0\xd0\x98", true },  /* при / ПРИ */
	{ "abc", "ab c", false },
	{ "caf\xc3\xa9", "cafe", false },
	{ "x\xff", "X\xff", true },                                /* invalid UTF-8 kept */
};

static void test_folding(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(fold_cases) / sizeof(fold_cases[0]); i++) {
		struct mime_needle n;
		assert_true(mime_needle_init(&n, &a, fold_cases[i].needle, strlen(fold_cases[i].needle)));
		assert_int_equal(mime_match_utf8(&n, &a, fold_cases[i].hay, strlen(fold_cases[i].hay)),
				 fold_cases[i].match);
	}
	arena_free(&a);
}

static const char *search_msg =
	"From: =?ISO-8859-1?Q?Andr=E9?= <andre@example.org>\n"
	"To: bob@example.com\n"
	"Subject: =?UTF-8?B?w4RwZmVs?= und\n"
	"  Birnen\n"
	"X-Empty:\n"
	"Content-Type: multipart/mixed; boundary=b\n"
	"\n"
	"--b\n"
	"Content-Type: text/plain; charset=iso-8859-1\n"
	"Content-Transfer-Encoding: quoted-printable\n"
	"\n"
	"Die S=FC=DFigkeit des K=E4ses ist gro=\n"
	"=DF.\n"
	"--b\n"
	"Content-Type: text/plain; charset=utf-8\n"
	"Content-Transfer-Encoding: base64\n"
	"\n"
	"R3LDvMOfZSBhdXMgS8O2bG4K\n"
	"--b\n"
	"Content-Type: application/octet-stream\n"
	"\n"
	"binaryneedle\n"
	"--b\n"
	"Content-Type: message/rfc822\n"
	"\n"
	"Subject: inner subject\n"
	"\n"
	"inner words\n"
	"--b--\n";

static const struct {
	const char *what;   /* header name, "BODY" or "TEXT" */
	const char *needle;
	bool match;
} search_cases[] = {
	{ "from", "andr\xc3\xa9", true },
	{ "From", "ANDRE@EXAMPLE", true },
	{ "from", "andre pirard", false },
	{ "subject", "\xc3\xa4pfel und", true },           /* decoded */
	{ "subject", "und  birnen", true },               /* folding keeps the WSP */
	{ "x-empty", "", true },                          /* HEADER name "": exists */
	{ "x-missing", "", false },
	{ "cc", "bob", false },
	{ "BODY", "s\xc3\xbc\xc3\x9f" "igkeit", true },   /* qp + latin1 */
	{ "BODY", "GROSS", false },
	{ "BODY", "gro\xc3\x9f.", true },                 /* across a soft line break */
	{ "BODY", "k\xc3\x96ln", true },                  /* base64 utf-8, case folded */
	{ "BODY", "binaryneedle", false },                /* not a text part */
	{ "BODY", "inner words", true },                  /* encapsulated message */
	{ "BODY", "inner subject", true },
	{ "BODY", "bob@example", false },                 /* the top header is not body */
	{ "TEXT", "bob@example", true },
	{ "TEXT", "\xc3\xa4pfel", true },
	{ "TEXT", "k\xc3\xa4ses", true },
	{ "TEXT", "nowhere", false },
};

static void test_search(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *m = search_msg;
	struct mime_part *root = mime_parse(&a, m, strlen(m));
	assert_non_null(root);
	for (size_t i = 0; i < sizeof(search_cases) / sizeof(search_cases[0]); i++) {
		struct mime_needle n;
		assert_true(mime_needle_init(&n, &a, search_cases[i].needle, strlen(search_cases[i].needle)));
		bool got;
		if (strcmp(search_cases[i].what, "BODY") == 0)
			got = mime_search_body(&n, &a, m, root);
		else if (strcmp(search_cases[i].what, "TEXT") == 0)
			got = mime_search_text(&n, &a, m, root);
		else
			got = mime_search_header(&n, &a, m, root->hdr_len, search_cases[i].what);
		if (got != search_cases[i].match)
			fprintf(stderr, "case %zu (%s %s) gave %d\n", i, search_cases[i].what,
				search_cases[i].needle, got);
		assert_int_equal(got, search_cases[i].match);
	}
	arena_free(&a);
}

/* SEARCH FROM/TO/CC/BCC match the addresses as ENVELOPE shows them:
 * comments and quoting inside the address do not hide it. */
static const char *addr_msg =
	"From: Joe Bloggs <joe(at work)@example.com>\n"
	"To: \"Ann\" <ann @ (x) example . org>, bare(comment)@example.net\n"
	"Cc: team: kim(k)@example.com, \"lee\"@example.com;\n"
	"Bcc: =?UTF-8?Q?J=C3=BCrgen?= <j\n"
	" (folded)@example.de>\n"
	"Subject: addresses\n"
	"\n"
	"body\n";

static const struct {
	const char *field, *needle;
	bool match;
} addr_cases[] = {
	{ "From", "joe@example.com", true },
	{ "From", "Joe Bloggs <joe@example.com>", true },
	{ "From", "at work", true },              /* the text as written still counts */
	{ "From", "bloggs@", false },
	{ "To", "ann@example.org", true },
	{ "To", "Ann <ann@example.org>", true },
	{ "To", "bare@example.net", true },
	{ "To", "joe@example.com", false },
	{ "Cc", "kim@example.com", true },
	{ "Cc", "lee@example.com", true },
	{ "Cc", "team:", true },
	{ "Bcc", "j@example.de", true },
	{ "Bcc", "j\xc3\xbcrgen <j@", true },     /* decoded display name */
	{ "Bcc", "", true },
	{ "Sender", "", false },
};

static void test_search_address(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(addr_cases) / sizeof(addr_cases[0]); i++) {
		struct mime_needle n;
		assert_true(mime_needle_init(&n, &a, addr_cases[i].needle, strlen(addr_cases[i].needle)));
		bool got = mime_search_address(&n, &a, addr_msg, strlen(addr_msg), addr_cases[i].field);
		if (got != addr_cases[i].match)
			fprintf(stderr, "case %zu (%s %s) gave %d\n", i, addr_cases[i].field,
				addr_cases[i].needle, got);
		assert_int_equal(got, addr_cases[i].match);
	}
	/* HEADER keeps to the text as written. */
	struct mime_needle n;
	assert_true(mime_needle_init(&n, &a, "joe@example.com", 15));
	assert_false(mime_search_header(&n, &a, addr_msg, strlen(addr_msg), "From"));
	arena_free(&a);
}

/* The client's search string in its SEARCH CHARSET, then matched. */
static void test_client_charset(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	struct mime_str u;
	assert_int_equal(mime_charset_to_utf8(&a, "ISO-8859-1", "ANDR\xc9", 5, &u), MIME_CS_OK);
	struct mime_needle n;
	assert_true(mime_needle_init(&n, &a, u.data, u.len));
	assert_true(mime_search_header(&n, &a, search_msg, strlen(search_msg), "from"));
	assert_int_equal(mime_charset_to_utf8(&a, "BOGUS-CHARSET-9", "x", 1, &u), MIME_CS_UNKNOWN);
	arena_free(&a);
}

static const struct { const char *name, *value, *utf8; } param_cases[] = {
	{ "filename*", "utf-8''%E2%82%AC%20rates.txt", "\xe2\x82\xac rates.txt" },
	{ "title*", "iso-8859-1'de'K%E4se", "K\xc3\xa4se" },
	{ "title*", "''plain%41", "plainA" },
	{ "title*", "no quotes %41", "no quotes A" },
	{ "name", "=?UTF-8?Q?K=C3=A4se.txt?=", "K\xc3\xa4se.txt" },
	{ "name", "plain.txt", "plain.txt" },
	{ "name*", "utf-8''bad%ZZ%4", "bad%ZZ%4" },
};

static void test_param_utf8(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(param_cases) / sizeof(param_cases[0]); i++) {
		struct mime_param p = { { param_cases[i].name, strlen(param_cases[i].name) },
					{ param_cases[i].value, strlen(param_cases[i].value) } };
		struct mime_str o;
		assert_true(mime_param_utf8(&a, &p, &o));
		assert_string_equal(o.data, param_cases[i].utf8);
	}
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transfer_decoding),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_encoded_words),
		cmocka_unit_test(test_folding),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_search_address),
		cmocka_unit_test(test_client_charset),
		cmocka_unit_test(test_param_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
