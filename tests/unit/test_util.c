/*
 * test_util.c - arena, sbuf, base64 and imapd.conf parsing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/arena.h"
#include "util/base64.h"
#include "util/config.h"
#include "util/sbuf.h"

static void test_arena(void **state)
{
	struct arena a;
	arena_init(&a);
	char *p = arena_strdup(&a, "hello");
	assert_string_equal(p, "hello");
	/* alignment for any type */
	for (int i = 1; i < 40; i++) {
		void *q = arena_alloc(&a, (size_t)i);
		assert_int_equal((uintptr_t)q % 16, 0);
	}
	/* a large block gets its own chunk */
	char *big = arena_alloc(&a, 100000);
	assert_non_null(big);
	memset(big, 1, 100000);
	assert_string_equal(arena_printf(&a, "%d-%s", 7, "x"), "7-x");
	arena_reset(&a);
	assert_int_equal(a.total, 0);
	/* the limit turns into NULL, not abort */
	a.limit = 1000;
	assert_non_null(arena_alloc(&a, 500));
	assert_null(arena_alloc(&a, 600));
	assert_null(arena_alloc(&a, SIZE_MAX - 4));
	arena_free(&a);
}

static void test_sbuf(void **state)
{
	struct sbuf b;
	sbuf_init(&b, NULL);
	sbuf_adds(&b, "a");
	sbuf_printf(&b, "%03d", 7);
	sbuf_add(&b, "\0z", 2);
	assert_int_equal(b.len, 6);
	assert_memory_equal(b.data, "a007\0z", 6);
	sbuf_reset(&b);
	sbuf_add_imap_string(&b, "say \"hi\\\"", 9);
	assert_string_equal(sbuf_str(&b), "\"say \\\"hi\\\\\\\"\"");
	sbuf_reset(&b);
	sbuf_add_imap_string(&b, "caf\xc3\xa9", 5);
	assert_string_equal(sbuf_str(&b), "{5}\r\ncaf\xc3\xa9");
	sbuf_reset(&b);
	sbuf_add_imap_nstring(&b, NULL, 0);
	assert_string_equal(sbuf_str(&b), "NIL");
	sbuf_free(&b);

	struct arena a;
	arena_init(&a);
	sbuf_init(&b, &a);
	for (int i = 0; i < 1000; i++)
		sbuf_adds(&b, "0123456789");
	assert_int_equal(b.len, 10000);
	assert_false(b.failed);
	arena_free(&a);
}

/* SASL's strict base64 (RFC4648 §4, RFC3501 §6.2.2). */
static void test_base64(void **state)
{
	static const struct { const char *in; const char *out; size_t outlen; } ok[] = {
		{ "", "", 0 },
		{ "AHRlc3R1c2VyAHRlc3RwYXNz", "\0testuser\0testpass", 18 },
		{ "YQ==", "a", 1 },
		{ "YWI=", "ab", 2 },
		{ "YWJj", "abc", 3 },
		{ "+/+/", "\xfb\xff\xbf", 3 },
	};
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		char *out = NULL;
		size_t len = 0;
		assert_true(base64_decode(ok[i].in, strlen(ok[i].in), &out, &len));
		assert_int_equal(len, ok[i].outlen);
		assert_memory_equal(out, ok[i].out, len);
		char *back = base64_encode(out, len);
		assert_string_equal(back, ok[i].in);
		free(back);
		free(out);
	}
	/* The last two: padding bits that are not zero, so another string
	 * encodes the same octets (RFC4648 §3.5: canonical encoding). */
	static const char *bad[] = { "Y", "YQ=", "Y===", "=YWJ", "YQ=a", "YW J", "YWJj\r\n", "YW!j",
				     "YQ==YQ==", "YR==", "YWK=" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char *out = NULL;
		size_t len = 0;
		assert_false(base64_decode(bad[i], strlen(bad[i]), &out, &len));
		assert_null(out);
	}
}

static char reports[4][512];
static int nreports;

static void collect(const char *msg)
{
	if (nreports < 4)
		snprintf(reports[nreports], sizeof(reports[0]), "%s", msg);
	nreports++;
}

static void test_config(void **state)
{
	char path[] = "/tmp/imapd-conf-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *text =
		"# comment\n"
		"configdirectory: /srv/imapd\n"
		"\n"
		"allowplaintext: yes\n"
		"timeout: 10\n"
		"maxmessagesize: 10M\n"
		"bogus_key: 1\n"
		"sasl_pwcheck_method: auxprop\n"
		"no colon here\n"
		"  servername :  mail.example.org  \n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	struct imapd_config cfg;
	nreports = 0;
	int errors = config_load(&cfg, path, true, collect);
	assert_int_equal(errors, 3);
	char want[600];
	/* timeout below 30 minutes is refused (RFC2060 §5.4) */
	snprintf(want, sizeof(want), "%s:5: timeout: value out of range (\"10\")", path);
	assert_string_equal(reports[0], want);
	snprintf(want, sizeof(want), "%s:7: unknown key \"bogus_key\"", path);
	assert_string_equal(reports[1], want);
	snprintf(want, sizeof(want), "%s:9: expected \"key: value\"", path);
	assert_string_equal(reports[2], want);
	assert_string_equal(cfg.configdirectory, "/srv/imapd");
	assert_string_equal(cfg.servername, "mail.example.org");
	assert_true(cfg.allowplaintext);
	assert_int_equal(cfg.timeout, 30);  /* the default stays */
	assert_int_equal(cfg.maxmessagesize, 10u * 1024 * 1024);
	assert_string_equal(config_sasl(&cfg, "pwcheck_method"), "auxprop");
	assert_null(config_sasl(&cfg, "mech_list"));
	config_free(&cfg);
	unlink(path);

	/* No file at all: defaults, and one report naming the file. */
	nreports = 0;
	assert_int_equal(config_load(&cfg, "/nonexistent/imapd.conf", false, collect), 0);
	assert_false(cfg.loaded);
	assert_int_equal(nreports, 1);
	assert_non_null(strstr(reports[0], "/nonexistent/imapd.conf"));
	assert_int_equal(cfg.timeout, 30);
	assert_false(cfg.allowplaintext);
	assert_int_equal(cfg.mail_fsync, CONFIG_MAIL_FSYNC_ALWAYS);
	config_free(&cfg);
	assert_int_equal(config_load(&cfg, "/nonexistent/imapd.conf", true, collect), -1);
	config_free(&cfg);

	/* An enumerated key: its values, any case; anything else named. */
	memcpy(path, "/tmp/imapd-conf-XXXXXX", sizeof(path));
	fd = mkstemp(path);
	assert_true(fd >= 0);
	text = "virtdomains: UserID\nvirtdomains: on\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	nreports = 0;
	assert_int_equal(config_load(&cfg, path, true, collect), 1);
	snprintf(want, sizeof(want), "%s:2: virtdomains: expected off or userid (\"on\")", path);
	assert_string_equal(reports[0], want);
	assert_int_equal(cfg.virtdomains, CONFIG_VIRTDOMAINS_USERID);
	config_free(&cfg);
	unlink(path);

	/* mail_fsync: always unless set; optimized is the other value. */
	memcpy(path, "/tmp/imapd-conf-XXXXXX", sizeof(path));
	fd = mkstemp(path);
	assert_true(fd >= 0);
	text = "mail_fsync: never\nmail_fsync: Optimized\n";
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	nreports = 0;
	assert_int_equal(config_load(&cfg, path, true, collect), 1);
	snprintf(want, sizeof(want), "%s:1: mail_fsync: expected always or optimized (\"never\")",
		 path);
	assert_string_equal(reports[0], want);
	assert_int_equal(cfg.mail_fsync, CONFIG_MAIL_FSYNC_OPTIMIZED);
	config_free(&cfg);
	unlink(path);

	/* Any octets: a line with a NUL is reported, not cut short in
	 * silence (config_read on a stream, as the fuzzer reads it). */
	static const char nul[] = "servername: a\0b\nmaxline: 2048\n\0\n";
	FILE *f = fmemopen((void *)nul, sizeof(nul) - 1, "r");
	assert_non_null(f);
	nreports = 0;
	assert_int_equal(config_read(&cfg, f, "mem.conf", collect), 2);
	fclose(f);
	assert_string_equal(reports[0], "mem.conf:1: NUL octet in the line");
	assert_string_equal(reports[1], "mem.conf:3: NUL octet in the line");
	assert_string_equal(cfg.servername, "");
	assert_int_equal(cfg.maxline, 2048);
	config_free(&cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arena),
		cmocka_unit_test(test_sbuf),
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_config),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
