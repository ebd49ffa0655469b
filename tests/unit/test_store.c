/*
 * test_store.c - the store's pure functions: mailbox names (modified
 * UTF-7, names that would escape the root), maildir file names and their
 * flag letters, the CRLF form, LIST patterns.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "util/imap_types.h"
#include "store/mailbox.h"
#include "store/maildir.h"
#include "store/mboxname.h"
#include "store/store.h"

/* ---- modified UTF-7 (RFC3501 §5.1.3) ---------------------------------- */

static const struct {
	const char *in;
	bool ok;
} mutf7_cases[] = {
	{ "INBOX", true },
	{ "Sent Items", true },
	{ "&-", true },                      /* "&" */
	{ "Tom &- Jerry", true },
	{ "&ZeVnLIqe-", true },              /* 日本語 (RFC3501 example) */
	{ "~peter/mail/&U,BTFw-/&ZeVnLIqe-", true },
	{ "Entw&APw-rfe", true },            /* Entwürfe */
	{ "&2D3eAA-", true },                /* U+1F600: a surrogate pair */
	{ "&", false },                      /* unterminated */
	{ "&AGE", false },                   /* no "-" */
	{ "&AGE-", false },                  /* encodes "a", printable ASCII */
	{ "&ZeVnLIqe", false },
	{ "&ZeVnLIq-", false },              /* 42 bits: leftover bits not zero / partial */
	{ "&AOR-", false },                  /* non-zero padding bits */
	{ "&AOQ-&AOQ-", false },             /* adjacent runs must be merged */
	{ "&AOQA5A-", true },                /* the merged form */
	{ "&2D0-", false },                  /* lone high surrogate */
	{ "&3gA-", false },                  /* lone low surrogate */
	{ "&AAk-", false },                  /* U+0009, a control character */
	{ "&AJ8-", false },                  /* U+009F, a C1 control */
	{ "a/b&Jjo-", true },                /* "/" is fine for mUTF-7 itself */
	{ "caf\xc3\xa9", false },            /* raw 8-bit */
	{ "tab\there", false },
	{ "del\x7f", false },
	{ "&A*E-", false },                  /* not a BASE64 character */
	{ "&AOQ,-", false },                 /* "," is BASE64 here; 6 spare bits */
};

static void test_mutf7(void **state)
{
	for (size_t i = 0; i < sizeof(mutf7_cases) / sizeof(mutf7_cases[0]); i++) {
		const char *why = NULL;
		bool ok = mutf7_check(mutf7_cases[i].in, strlen(mutf7_cases[i].in), &why);
		if (ok != mutf7_cases[i].ok)
			fail_msg("mutf7_check(\"%s\") = %d, want %d (%s)", mutf7_cases[i].in, ok,
				 mutf7_cases[i].ok, why ? why : "");
		if (!ok)
			assert_non_null(why);
	}
}

/* ---- mailbox names ------------------------------------------------------------ */

static const struct {
	const char *in;
	bool for_create;
	const char *want;  /* canonical name, or NULL for STORE_ERR_BADNAME */
} name_cases[] = {
	{ "INBOX", false, "INBOX" },
	{ "inbox", false, "INBOX" },
	{ "InBoX", false, "INBOX" },
	{ "inbox.Sub", false, "INBOX.Sub" },
	{ "inboxes", false, "inboxes" },       /* not INBOX */
	{ "Sent", false, "Sent" },
	{ "a.b.c", false, "a.b.c" },
	{ "a.", true, "a" },                   /* CREATE: trailing delimiter dropped */
	{ "a.", false, NULL },                 /* elsewhere an empty level */
	{ "a..b", false, NULL },
	{ ".a", false, NULL },                 /* would be "..a" on disk */
	{ "..", false, NULL },
	{ ".", false, NULL },
	{ "", false, NULL },
	{ "a/b", false, NULL },
	{ "../../etc", false, NULL },
	{ "/etc/passwd", false, NULL },
	{ "a\nb", false, NULL },
	{ "a\x01", false, NULL },
	{ "a*", true, NULL },                  /* wildcards only refused for CREATE */
	{ "a%", true, NULL },
	{ "a*", false, "a*" },
	{ "&ZeVnLIqe-.x", false, "&ZeVnLIqe-.x" },
	{ "&AGE-", false, NULL },
	{ "Entw\xc3\xbcrfe", false, NULL },
	{ "~user", false, "~user" },
};

/* RFC9051 §5.1: IMAP4rev2's UTF-8 names and the stored modified UTF-7. */
static void test_utf8_names(void **state)
{
	(void)state;
	static const struct {
		const char *utf8, *mutf7;
	} pairs[] = {
		{ "INBOX", "INBOX" },
		{ "Entw\xc3\xbc" "rfe", "Entw&APw-rfe" },
		{ "R&D", "R&-D" },
		{ "Brouillons-\xc3\xa9t\xc3\xa9", "Brouillons-&AOk-t&AOk-" },
		/* RFC3501 §5.1.3's example: "~peter/mail/台北/日本語" */
		{ "~peter/mail/\xe5\x8f\xb0\xe5\x8c\x97/\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
		  "~peter/mail/&U,BTFw-/&ZeVnLIqe-" },
		/* Outside the BMP: a surrogate pair (U+1F600). */
		{ "\xf0\x9f\x98\x80", "&2D3eAA-" },
	};
	for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		char *m = NULL, *u = NULL;
		assert_true(store_name_from_utf8(pairs[i].utf8, strlen(pairs[i].utf8), &m));
		assert_string_equal(m, pairs[i].mutf7);
		assert_true(store_name_to_utf8(m, strlen(m), &u));
		assert_string_equal(u, pairs[i].utf8);
		free(m);
		free(u);
	}
	/* Not UTF-8: a lone 0xFF, an overlong "/", a surrogate, a cut
	 * sequence; and a name that is not canonical modified UTF-7 has no
	 * UTF-8 form. */
	static const char *bad[] = { "a\xff", "\xc0\xaf", "\xed\xa0\x80", "\xe6\x97" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *m = NULL;
		assert_false(store_utf8_valid(bad[i], strlen(bad[i])));
		assert_false(store_name_from_utf8(bad[i], strlen(bad[i]), &m));
		assert_null(m);
	}
	char *u = NULL;
	assert_false(store_name_to_utf8("a&b", 3, &u));
	assert_false(store_name_to_utf8("&AGE-", 5, &u));
	assert_null(u);
}

static void test_names(void **state)
{
	for (size_t i = 0; i < sizeof(name_cases) / sizeof(name_cases[0]); i++) {
		char *name = NULL;
		struct store_err err = { 0 };
		bool ok = store_name_check(name_cases[i].in, strlen(name_cases[i].in),
					   name_cases[i].for_create, &name, &err);
		if (name_cases[i].want == NULL) {
			if (ok)
				fail_msg("name \"%s\" accepted as \"%s\"", name_cases[i].in, name);
			assert_int_equal(err.code, STORE_ERR_BADNAME);
			assert_null(name);
		} else {
			if (!ok)
				fail_msg("name \"%s\" refused: %s", name_cases[i].in, err.text);
			assert_string_equal(name, name_cases[i].want);
		}
		free(name);
	}
	/* A literal may carry a NUL. */
	char *name = NULL;
	struct store_err err;
	assert_false(store_name_check("a\0b", 3, false, &name, &err));
	/* One directory entry at most: "." + name <= NAME_MAX. */
	char longname[300];
	memset(longname, 'x', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	assert_false(store_name_check(longname, strlen(longname), false, &name, &err));
}

/* ---- maildir file names ------------------------------------------------------- */

static void test_info(void **state)
{
	static const struct {
		const char *name;
		unsigned sys;
		uint32_t lower;
	} cases[] = {
		{ "123.M1P2.host", 0, 0 },
		{ "123.M1P2.host:2,", 0, 0 },
		{ "123.M1P2.host:2,S", IMAP_FLAG_SEEN, 0 },
		{ "123.M1P2.host:2,DFPRST", IMAP_FLAG_DRAFT | IMAP_FLAG_FLAGGED | IMAP_FLAG_ANSWERED |
						   IMAP_FLAG_SEEN | IMAP_FLAG_DELETED, 0 },
		{ "123.M1P2.host,S=10,W=12:2,Sac", IMAP_FLAG_SEEN, MDIR_LOWER('a') | MDIR_LOWER('c') },
		{ "123.M1P2.host:1,S", 0, 0 },   /* experimental info: no flags */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t upper, lower;
		mdir_parse_info(cases[i].name, &upper, &lower);
		assert_int_equal(mdir_upper_to_sysflags(upper), cases[i].sys);
		assert_int_equal(lower, cases[i].lower);
	}
	/* P (passed) is kept, but is no IMAP flag. */
	uint32_t upper, lower;
	mdir_parse_info("x:2,PS", &upper, &lower);
	assert_true(upper & MDIR_UPPER('P'));
	assert_int_equal(mdir_upper_to_sysflags(upper), IMAP_FLAG_SEEN);
	/* Round trip in ASCII order. */
	char out[300];
	size_t n = mdir_make_name("base,S=1", 8, MDIR_UPPER('T') | MDIR_UPPER('D') | MDIR_UPPER('S'),
				  MDIR_LOWER('z') | MDIR_LOWER('b'), out, sizeof(out));
	assert_int_equal(n, strlen("base,S=1:2,DSTbz"));
	assert_string_equal(out, "base,S=1:2,DSTbz");
	n = mdir_make_name("b", 1, 0, 0, out, sizeof(out));
	assert_string_equal(out, "b:2,");
	assert_int_equal(mdir_base_len("abc:2,S"), 3);
	assert_int_equal(mdir_base_len("abc"), 3);
	for (unsigned f = 0; f < 32; f++)
		assert_int_equal(mdir_upper_to_sysflags(mdir_sysflags_to_upper(f)), f);
	/* ,W= gives the CRLF size; ,S= alone does not. */
	uint64_t v = 0;
	assert_true(mdir_base_vsize("1.M2.h,S=100,W=104:2,S", &v));
	assert_int_equal(v, 104);
	assert_true(mdir_base_vsize("1.M2.h,W=7", &v));
	assert_int_equal(v, 7);
	assert_false(mdir_base_vsize("1.M2.h,S=100:2,S", &v));
	assert_false(mdir_base_vsize("1.M2.h:2,W=5", &v));  /* in the info, not the base */
	assert_false(mdir_base_vsize("1.M2.h,W=x", &v));
	/* Unique names differ and carry the sizes. */
	char a[256], b[256];
	assert_true(mdir_unique_base(10, 12, a, sizeof(a)) > 0);
	assert_true(mdir_unique_base(10, 12, b, sizeof(b)) > 0);
	assert_string_not_equal(a, b);
	assert_non_null(strstr(a, ",S=10,W=12"));
	assert_null(strchr(a, ':'));
	assert_null(strchr(a, '/'));
}

/* ---- the CRLF form ------------------------------------------------------------- */

struct collect {
	char buf[256];
	size_t len;
};

static void collect_out(void *ctx, const char *chunk, size_t n)
{
	struct collect *c = ctx;
	memcpy(c->buf + c->len, chunk, n);
	c->len += n;
}

static void test_crlf(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "a", "a" },
		{ "a\n", "a\r\n" },
		{ "a\r\n", "a\r\n" },
		{ "\n\n", "\r\n\r\n" },
		{ "a\nb\r\nc\n", "a\r\nb\r\nc\r\n" },
		{ "bare\rcr\n", "bare\rcr\r\n" },
		{ "\r\r\n", "\r\r\n" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *in = cases[i].in;
		assert_int_equal(store_crlf_size(in, strlen(in)), strlen(cases[i].out));
		struct collect c = { .len = 0 };
		store_crlf_write(in, strlen(in), false, collect_out, &c);
		assert_int_equal(c.len, strlen(cases[i].out));
		assert_memory_equal(c.buf, cases[i].out, c.len);
		/* In two pieces split anywhere: the same octets. */
		for (size_t cut = 0; cut <= strlen(in); cut++) {
			struct collect d = { .len = 0 };
			store_crlf_write(in, cut, false, collect_out, &d);
			store_crlf_write(in + cut, strlen(in) - cut, cut > 0 && in[cut - 1] == '\r',
					 collect_out, &d);
			assert_int_equal(d.len, c.len);
			assert_memory_equal(d.buf, c.buf, c.len);
		}
	}
}

/* ---- LIST patterns ---------------------------------------------------------------- */

static void test_list_match(void **state)
{
	static const struct {
		const char *pat, *name;
		bool match;
	} cases[] = {
		{ "*", "INBOX", true },
		{ "*", "a.b.c", true },
		{ "%", "a", true },
		{ "%", "a.b", false },
		{ "a.%", "a.b", true },
		{ "a.%", "a.b.c", false },
		{ "a*", "a.b.c", true },
		{ "a%", "a.b", false },
		{ "a%", "abc", true },
		{ "%.b", "a.b", true },
		{ "*b", "a.b", true },
		{ "*.c", "a.b.c", true },
		{ "%.c", "a.b.c", false },
		{ "a", "a", true },
		{ "a", "A", false },              /* names are case-sensitive ... */
		{ "inbox", "INBOX", true },       /* ... but INBOX is not */
		{ "InBox.%", "INBOX.x", true },
		{ "inbox.X", "INBOX.x", false },  /* only the INBOX level */
		{ "inb*", "INBOX", true },
		{ "x*y", "xay", true },
		{ "x*y", "xa.by", true },
		{ "x%y", "xa.by", false },
		{ "", "", true },
		{ "**", "a.b", true },
		{ "%%", "ab", true },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool m = store_list_match(cases[i].pat, cases[i].name);
		if (m != cases[i].match)
			fail_msg("match(\"%s\", \"%s\") = %d", cases[i].pat, cases[i].name, m);
	}
}

/* Patterns that make a backtracking matcher try every way of placing
 * each "*" (LIST "" "*a*a*a*a*a*a*a*a*a*a*b" against 40 "a"s took 16 s)
 * must answer at once: run them in a child with 2 s of CPU, so that a
 * slow matcher is killed by SIGXCPU instead of hanging the test. */
static void test_list_match_hostile(void **state)
{
	char name[4097], pat[4097];
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { 2, 3 };
		setrlimit(RLIMIT_CPU, &rl);
		memset(name, 'a', 40);
		name[40] = '\0';
		if (store_list_match("*a*a*a*a*a*a*a*a*a*a*b", name))
			_exit(1);
		if (!store_list_match("*a*a*a*a*a*a*a*a*a*a*", name))
			_exit(2);
		if (store_list_match("%a%a%a%a%a%a%a%a%a%a%b", name))
			_exit(3);
		/* Longer: 1,000 "*a" against 4,000 "a"s, and the same with "%". */
		memset(name, 'a', 4000);
		name[4000] = '\0';
		for (size_t i = 0; i < 1000; i++)
			memcpy(pat + 2 * i, "*a", 2);
		memcpy(pat + 2000, "b", 2);
		if (store_list_match(pat, name))
			_exit(4);
		for (size_t i = 0; i < 1000; i++)
			pat[2 * i] = '%';
		if (store_list_match(pat, name))
			_exit(5);
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		fail_msg("the matcher was killed by signal %d (SIGXCPU is %d)", WTERMSIG(status), SIGXCPU);
	assert_int_equal(WEXITSTATUS(status), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mutf7),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_utf8_names),
		cmocka_unit_test(test_info),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_list_match),
		cmocka_unit_test(test_list_match_hostile),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
